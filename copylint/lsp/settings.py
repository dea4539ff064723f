"""Client settings (initializationOptions, workspace/configuration section "copylint"), checked strictly."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SECTION = "copylint"


@dataclass(frozen=True)
class Settings:
    """languagetool: None keeps what the workspace config says; url overrides the config's url."""

    languagetool: bool | None = None
    languagetool_url: str | None = None
    debounce: float = 0.5  # seconds of quiet after a change before LanguageTool checks the text
    slow_after: float = 5.0  # seconds before a pending LanguageTool answer is reported as slow


def parse_settings(data: Any) -> tuple[Settings, list[str]]:
    """Settings from the client's JSON ({"copylint": {...}} or the inner object) and one line per bad value,
    which is ignored (the default stays)."""
    problems: list[str] = []
    if isinstance(data, dict) and isinstance(data.get(SECTION), dict):
        data = data[SECTION]
    if not isinstance(data, dict):
        return Settings(), ([] if data is None else [f"copylint settings: expected an object, got {data!r}"])
    values: dict[str, Any] = {}
    lt = data.get("languagetool", {})
    if isinstance(lt, bool):  # "languagetool": false as a shorthand
        lt = {"enabled": lt}
    if not isinstance(lt, dict):
        problems.append("copylint settings: 'languagetool' must be an object")
        lt = {}
    _take(values, problems, "languagetool", lt.get("enabled"), bool, "languagetool.enabled")
    _take(values, problems, "languagetool_url", lt.get("url"), str, "languagetool.url")
    for key, name in (("debounce", "languagetool.debounce"), ("slow_after", "languagetool.slowAfter")):
        raw = lt.get(name.split(".")[1])
        if raw is not None and (isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw < 0):
            problems.append(f"copylint settings: '{name}' must be a number of milliseconds ≥ 0")
        elif raw is not None:
            values[key] = raw / 1000.0
    unknown = sorted(set(data) - {"languagetool"}) + sorted(f"languagetool.{k}" for k in set(lt) - _LT_KEYS)
    problems.extend(f"copylint settings: unknown key '{k}'" for k in unknown)
    return Settings(**values), problems


_LT_KEYS = {"enabled", "url", "debounce", "slowAfter"}


def _take(values: dict, problems: list[str], key: str, raw: Any, kind: type, name: str) -> None:
    if raw is None:
        return
    if not isinstance(raw, kind):
        problems.append(f"copylint settings: '{name}' must be a {kind.__name__}")
        return
    values[key] = raw
