"""Shared fixtures: paths to the seed and the shared corpus (tests that need the corpus skip cleanly without it)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_20e4f73a90754451.txt"
SEED_GOLD = ROOT / "seeds" / "000_20e4f73a90754451.gold.toml"
SHARED = Path(os.environ.get("COPYLINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
