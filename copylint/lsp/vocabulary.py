"""Add a word to the workspace vocabulary: the `vocabulary` list of copylint.toml or [tool.copylint], edited with
tomlkit so comments and layout stay; a copylint.toml is created when there is no configuration yet."""
from __future__ import annotations

from pathlib import Path

from ..config import parse_config
from ..errors import ConfigError, InputError
from ..inputs import write_file


def add_word(word: str, config_path: Path | None, folder: Path) -> Path:
    """Add word to the vocabulary of config_path (or of a new folder/copylint.toml); returns the file written.
    Raises ConfigError or InputError with a one-line reason."""
    import tomlkit

    word = word.strip()
    if not word or "\n" in word:
        raise InputError(f"not a word: {word!r}")
    if config_path is None:
        config_path = folder / "copylint.toml"
        text = ""
    else:
        try:
            text = config_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{config_path}: cannot read: {exc}") from None
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as exc:
        raise ConfigError(f"{config_path}: not valid TOML: {exc}") from None
    table = document
    if config_path.name == "pyproject.toml":
        table = document.setdefault("tool", tomlkit.table(is_super_table=True)).setdefault("copylint", tomlkit.table())
    vocabulary = table.get("vocabulary")
    if vocabulary is None:
        vocabulary = tomlkit.array()
        table["vocabulary"] = vocabulary
    if not isinstance(vocabulary, list):
        raise ConfigError(f"{config_path}: key 'vocabulary': expected a list of strings")
    if word in vocabulary:
        return config_path
    vocabulary.append(word)
    new_text = tomlkit.dumps(document)
    data = tomlkit.parse(new_text).unwrap()
    parse_config(data.get("tool", {}).get("copylint", {}) if config_path.name == "pyproject.toml" else data,
                 config_path)  # still a valid configuration, or ConfigError
    write_file(str(config_path), new_text)
    return config_path
