"""Each module of copylint/kinds defines at most one kind; private modules (shared code) define none."""
from __future__ import annotations

import importlib
import pkgutil

import copylint.kinds
from copylint.kinds import KINDS
from copylint.kinds.base import Kind


def _defined(module) -> list[str]:
    return [value.NAME for value in vars(module).values() if isinstance(value, type) and issubclass(value, Kind)
            and value.__dict__.get("NAME") and value.__module__ == module.__name__]


def test_each_kind_module_defines_at_most_one_kind() -> None:
    for info in pkgutil.iter_modules(copylint.kinds.__path__):
        module = importlib.import_module(f"copylint.kinds.{info.name}")
        defined = _defined(module)
        assert len(defined) <= (0 if info.name.startswith("_") else 1), (info.name, defined)


def test_every_kind_lives_in_a_public_module_of_its_own() -> None:
    for name, kind in KINDS.items():
        module = importlib.import_module(kind.__module__)
        assert not module.__name__.rsplit(".", 1)[1].startswith("_"), name
        assert _defined(module) == [name]
