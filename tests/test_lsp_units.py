"""The language server's pieces in process: positions in every encoding, text changes and carried findings,
directive edits, client settings, the vocabulary writer."""
from __future__ import annotations

import pytest
from lsprotocol import types

from copylint.errors import ConfigError, InputError
from copylint.lsp.actions import directive_edit
from copylint.lsp.changes import carry, changed_region, single_edit
from copylint.lsp.positions import PositionMap
from copylint.lsp.settings import Settings, parse_settings
from copylint.lsp.vocabulary import add_word
from copylint.model import Applicability, Edit, Finding, Fix, Severity
from copylint.fixes import apply_edits

from .lsp_client import utf16_offset, utf16_position

TEXT = "Cafe\u0301 😀🇰🇿 x\r\nline two é\rold mac line\n\nend 𝄞 here"


@pytest.mark.parametrize("offset", range(len(TEXT) + 1))
def test_utf16_positions_round_trip(offset: int) -> None:
    positions = PositionMap(TEXT)
    if TEXT[offset - 1:offset + 1] == "\r\n":  # between CR and LF is no position a client can name
        return
    got = positions.position(offset)
    assert got == utf16_position(TEXT, offset)
    assert positions.offset(got) == offset == utf16_offset(TEXT, got)


def test_utf8_and_utf32_columns() -> None:
    text = "é😀x"
    assert PositionMap(text, types.PositionEncodingKind.Utf8).position(3).character == 2 + 4 + 1
    assert PositionMap(text, types.PositionEncodingKind.Utf16).position(3).character == 1 + 2 + 1
    assert PositionMap(text, types.PositionEncodingKind.Utf32).position(3).character == 3
    assert PositionMap(text, types.PositionEncodingKind.Utf8).offset(types.Position(0, 6)) == 2


def test_positions_past_the_line_end_clamp() -> None:
    positions = PositionMap("ab\r\ncd")
    assert positions.offset(types.Position(0, 99)) == 2
    assert positions.offset(types.Position(7, 0)) == 6


def _finding(start: int, end: int, text: str, fix_content: str | None = None) -> Finding:
    fix = Fix((Edit(start, end, fix_content),), Applicability.UNSAFE) if fix_content is not None else None
    return Finding("p", "LT:X", "typos", Severity.WARNING, "m", start, end, text, fix=fix)


def test_changed_region_and_single_edit() -> None:
    assert changed_region("abcdef", "abXYef") == (2, 4, 4)
    assert changed_region("aaa", "aaaa") == (3, 3, 4)
    edit = single_edit("the goverment said", "the government said")
    assert apply_edits("the goverment said", [edit]) == "the government said"
    assert single_edit("same", "same") is None


def test_carry_keeps_shifts_and_drops() -> None:
    old = "alpha beta gamma delta"
    new = "alpha beta GAMMA! delta"
    before, touched, after = _finding(0, 5, "alpha"), _finding(11, 16, "gamma"), _finding(17, 22, "delta", "Delta")
    moved = carry([before, touched, after], old, new)
    assert [(f.start, f.end) for f in moved] == [(0, 5), (18, 23)]
    assert new[moved[1].start:moved[1].end] == "delta" and moved[1].fix.edits[0].start == 18
    assert carry([_finding(6, 10, "beta")], old, "alpha betas gamma delta") == []  # the word grew


def test_carry_over_two_edits_one_step_at_a_time_keeps_what_lies_between() -> None:
    v1 = "forces of security came. The fendering was hit. The authorty said."
    v2 = v1.replace("forces of security", "security forces")
    v3 = v2.replace("authorty", "authority")
    fendering = _finding(v1.index("fendering"), v1.index("fendering") + 9, "fendering")
    step = carry(carry([fendering], v1, v2), v2, v3)
    assert [v3[f.start:f.end] for f in step] == ["fendering"]


def test_directive_for_a_line_and_for_the_file() -> None:
    source = "Title\r\nThe vote was held in purchase to.\r\n"
    positions = PositionMap(source)
    line = directive_edit(source, positions, "plain", "CL401", source.index("in purchase"), whole_file=False)
    assert apply_edits(source, [line]) == "Title\r\n<!-- copylint: disable-next-line=CL401 -->\r\nThe vote was held in purchase to.\r\n"
    whole = directive_edit(source, positions, "plain", "CL401", 10, whole_file=True)
    assert apply_edits(source, [whole]).startswith("<!-- copylint: disable=CL401 -->\r\nTitle")


def test_directive_joins_an_existing_one_and_skips_front_matter() -> None:
    source = "---\ntitle: x\n---\n<!-- copylint: disable=CL201 -->\nText\n<!-- copylint: disable-next-line=CL401 -->\nin purchase to\n"
    positions = PositionMap(source)
    line = directive_edit(source, positions, "markdown", "CL402", source.index("in purchase to"), whole_file=False)
    assert apply_edits(source, [line]).endswith("<!-- copylint: disable-next-line=CL401,CL402 -->\nin purchase to\n")
    whole = directive_edit(source, positions, "markdown", "CL402", 0, whole_file=True)
    assert "---\n<!-- copylint: disable=CL201,CL402 -->\nText" in apply_edits(source, [whole])


def test_settings_parse_and_reject_bad_values() -> None:
    settings, problems = parse_settings({"copylint": {"languagetool": {"enabled": False, "url": "http://h:1",
                                                                        "debounce": 250, "slowAfter": 2000}}})
    assert settings == Settings(languagetool=False, languagetool_url="http://h:1", debounce=0.25, slow_after=2.0)
    assert problems == []
    assert parse_settings({"languagetool": False})[0].languagetool is False
    settings, problems = parse_settings({"languagetool": {"debounce": -1, "url": 3}, "colour": 1})
    assert settings == Settings()
    assert len(problems) == 3
    assert parse_settings(None) == (Settings(), [])


def test_add_word_creates_then_extends_copylint_toml(tmp_path) -> None:
    written = add_word("fendering", None, tmp_path)
    assert written == tmp_path / "copylint.toml"
    assert written.read_text(encoding="utf-8") == 'vocabulary = ["fendering"]\n'
    written.write_text('# house style\nvocabulary = ["fendering"]  # trade terms\nignore = ["CL204"]\n', encoding="utf-8")
    add_word("bollard", written, tmp_path)
    add_word("bollard", written, tmp_path)  # once only
    assert written.read_text(encoding="utf-8") == \
        '# house style\nvocabulary = ["fendering", "bollard"]  # trade terms\nignore = ["CL204"]\n'


def test_add_word_to_pyproject(tmp_path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.copylint]\nignore = ["CL2"]\n', encoding="utf-8")
    add_word("Quarkus", pyproject, tmp_path)
    assert 'vocabulary = ["Quarkus"]' in pyproject.read_text(encoding="utf-8")
    assert '[project]\nname = "x"' in pyproject.read_text(encoding="utf-8")


def test_add_word_refuses_bad_input(tmp_path) -> None:
    with pytest.raises(InputError):
        add_word("two\nlines", None, tmp_path)
    broken = tmp_path / "copylint.toml"
    broken.write_text("vocabulary = [\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        add_word("x", broken, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = tmp_path / "victim.txt"
    target.write_text("keep\n", encoding="utf-8")
    (elsewhere / "copylint.toml").symlink_to(target)
    with pytest.raises(InputError):
        add_word("x", None, elsewhere)
    assert target.read_text(encoding="utf-8") == "keep\n"
