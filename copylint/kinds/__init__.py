"""Rule kinds: the Kind subclass with a NAME in each public module here, found at import. KINDS = {name: class}."""
from __future__ import annotations

import importlib
import pkgutil

from .base import Kind


def _discover() -> dict[str, type[Kind]]:
    kinds: dict[str, type[Kind]] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name == "base" or module.name.startswith("_"):  # private modules hold what kinds share
            continue
        mod = importlib.import_module(f"{__name__}.{module.name}")
        for value in vars(mod).values():
            if isinstance(value, type) and issubclass(value, Kind) and value.__dict__.get("NAME"):
                kinds[value.NAME] = value
    return kinds


KINDS = _discover()
