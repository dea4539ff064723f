"""Names style sheet (CL310) and name variants (CL311), including the seed's S01/S02 with a supplied sheet."""
from __future__ import annotations

import tomllib

import pytest

from copylint.api import Linter
from copylint.config import Config
from copylint.kinds.names_style_sheet import name_pattern, name_pieces

from .conftest import SEED, SEED_GOLD


def names(text: str, sheet: tuple[str, ...] = (), code: str = "CL310"):
    linter = Linter(config=Config(names=sheet), select=["CL3"], languagetool=False)
    return [f for f in linter.lint_source("t.txt", text) if f.code == code]


def test_seed_names_found_with_a_style_sheet() -> None:
    text = SEED.read_text(encoding="utf-8")
    with open(SEED_GOLD, "rb") as handle:
        gold = {item["id"]: item for item in tomllib.load(handle)["item"]}
    lines = text.split("\n")
    found = names(text, ("Kassym-Jomart Tokayev", "NetBlocks"))
    for item_id, canonical in (("S01", "Kassym-Jomart Tokayev"), ("S02", "NetBlocks")):
        item = gold[item_id]
        line_start = sum(len(line) + 1 for line in lines[: item["line"] - 1])
        start = line_start + lines[item["line"] - 1].index(item["quote"])
        end = start + len(item["quote"])
        hits = [f for f in found if f.start < end and start < f.end]
        assert hits and hits[0].suggestions[0] == canonical, item_id
    assert names(text) == []  # without the sheet, nothing


@pytest.mark.parametrize("text, span", [
    ("Ursula Von Der Leyen spoke.", "Ursula Von Der Leyen"),
    ("Ursula der Leyen spoke.", "Ursula der Leyen"),
    ("Officials said Von der Leyen spoke.", "Von der Leyen"),
    ("Jean Claude Juncker spoke.", "Jean Claude Juncker"),
    ("Shares in Softbank rose.", "Softbank"),
    ("Shares in Soft Bank rose.", "Soft Bank"),
])
def test_near_misses(text: str, span: str) -> None:
    sheet = ("Ursula von der Leyen", "Jean-Claude Juncker", "SoftBank")
    found = names(text, sheet)
    assert [f.text for f in found] == [span]
    assert found[0].fix is not None


@pytest.mark.parametrize("text", [
    "Ursula von der Leyen spoke. Von der Leyen said more.",
    "JEAN-CLAUDE JUNCKER SPEAKS. Jean-Claude Juncker spoke to SoftBank.",
    "See softbank.example.com for details.",
    "Claude spoke to Jean about a bank.",
])
def test_canonical_and_harmless_forms_pass(text: str) -> None:
    assert names(text, ("Ursula von der Leyen", "Jean-Claude Juncker", "SoftBank")) == []


def test_pieces_and_patterns() -> None:
    assert name_pieces("Ursula von der Leyen") == ["Ursula von der Leyen", "von der Leyen"]
    assert "Jean-Claude" in name_pieces("Jean-Claude Juncker")
    assert name_pattern("Jean-Claude").fullmatch("jean claude")
    assert name_pattern("SoftBank").fullmatch("Soft-Bank")


# --- one name, two spellings, no sheet (rule off by default) ---------------------------------------------
def variants(text: str):
    linter = Linter(select=["CL311"], languagetool=False)
    return [f for f in linter.lint_source("t.txt", text) if f.code == "CL311"]


def test_name_variants_flag_the_less_common_spelling() -> None:
    text = "Anna Smith-Jones chaired. Aides to Anna Smith Jones said Anna Smith-Jones would stay."
    found = variants(text)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Anna Smith Jones", "Anna Smith-Jones")]


@pytest.mark.parametrize("text", [
    "Prime Minister Li spoke. The prime minister said the Prime minister's office was shut.",
    "Abu-Bakar Ali visited. Abubakar Bekov stayed.",
    "José Luis spoke; Jose Luis agreed.",
    "THE SEAWORLD STORY. SeaWorld opened.",
])
def test_name_variants_leave_case_accents_and_longer_names_alone(text: str) -> None:
    assert variants(text) == []


def test_name_variants_off_by_default() -> None:
    text = "SeaWorld opened. SeaWorld said shares in Seaworld would rise."
    assert [f for f in Linter(languagetool=False).lint_source("t.txt", text) if f.code == "CL311"] == []
    assert [f.text for f in variants(text)] == ["Seaworld"]
