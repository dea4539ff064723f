"""Fuzz tests (Hypothesis, fixed seed, small budgets): any text in any format lints with exact offsets, --fix is
idempotent and its --diff is what `patch` turns into the fix; the command line answers any bytes with exit 0/1/2
and no traceback. bench/fuzz.py runs the same checks over 10,000 inputs."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from fuzz_common import (EXTENSIONS, FORMATS, FRAGMENTS, NEWLINES, check_text, generate,  # noqa: E402
                         random_bytes, unsettled_files)

from copylint.api import Linter  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(languagetool=False)


def _assert_sound(linter: Linter, text: str, fmt: str) -> None:
    verdict = check_text(linter, text, fmt)
    assert verdict.offsets == [] and not verdict.not_idempotent and verdict.lost == []


_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
_soup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(NEWLINES), _texts.map(lambda t: t[:20])),
                 max_size=50).map("".join)
_lines = st.tuples(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=20), st.sampled_from(NEWLINES),
                   st.booleans()).map(lambda t: t[1].join(t[0]) + (t[1] if t[2] else ""))


@FUZZ
@given(text=st.one_of(_texts, _soup, _lines), fmt=st.sampled_from(FORMATS))
def test_any_text_lints_with_exact_offsets_and_idempotent_fixes(linter, text, fmt) -> None:
    _assert_sound(linter, text, fmt)


@settings(FUZZ, max_examples=8)
@given(depth=st.sampled_from([50, 500, 3000]), fmt=st.sampled_from(FORMATS),
       shape=st.sampled_from([("<div>", "</div>"), (">", ""), ("[", "]"), ("<ul><li>", "</li></ul>"), ("- ", ""),
                              ("*", "*")]))
def test_deep_nesting(linter, depth, fmt, shape) -> None:
    _assert_sound(linter, shape[0] * depth + "It agreed the the budget. Back to top" + shape[1] * depth, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_huge_line(linter, fmt) -> None:
    _assert_sound(linter, "Back to top. It agreed the the budget, &amp;amp; more. " * 1000, fmt)


@pytest.mark.parametrize("newline", ["\r", "\u2028", "\r\n", "\x85"])
def test_diff_patches_to_the_fix_with_any_newline(linter, newline) -> None:
    text = newline.join(["Back to top", "", "It agreed the the budget.", "Advertisement", "The end."])
    _assert_sound(linter, text, "plain")
    assert check_text(linter, text + newline, "plain").lost == []


def test_generated_inputs_fixed_seed(linter) -> None:
    rng = random.Random(20260601)
    for _ in range(40):
        text, fmt = generate(rng)
        _assert_sound(linter, text, fmt)


# --- the command line -----------------------------------------------------------------------------------------

def _cli(folder: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(folder.parent / "cache")}
    return subprocess.run([sys.executable, "-m", "copylint", "check", "--no-languagetool", "-j", "1", *args],
                          cwd=folder, capture_output=True, env=env, timeout=300, input=data)


def _sane(result: subprocess.CompletedProcess) -> None:
    assert result.returncode in (0, 1, 2), result.stderr
    assert b"Traceback" not in result.stderr + result.stdout, result.stderr.decode("utf-8", "replace")[-3000:]


def test_cli_on_generated_files_diff_patch_and_fix_agree(tmp_path) -> None:
    rng = random.Random(7)
    work, patched = tmp_path / "work", tmp_path / "patched"
    work.mkdir()
    for i in range(20):
        text, fmt = generate(rng)
        (work / f"t{i:02}{EXTENSIONS[fmt]}").write_bytes(text.encode("utf-8"))
        (work / f"b{i:02}.txt").write_bytes(random_bytes(rng))
    (work / "cr.txt").write_bytes("Back to top\r\rIt agreed the the budget.\rEnd".encode())
    (work / "ls.txt").write_bytes("Back to top\u2028\u2028It agreed the the budget.\u2028End\n".encode())
    shutil.copytree(work, patched)
    _sane(_cli(work, "."))
    diff = _cli(work, "--diff", ".")
    _sane(diff)
    assert diff.returncode in (1, 2) and diff.stdout
    subprocess.run(["patch", "-s", "-p1", "--no-backup-if-mismatch", "-d", str(patched)], input=diff.stdout,
                   check=True, capture_output=True)
    first = _cli(work, "--fix", ".")
    _sane(first)
    fixed = {p.name: p.read_bytes() for p in work.iterdir()}
    assert fixed == {p.name: p.read_bytes() for p in patched.iterdir()}
    assert b"the the" not in fixed["cr.txt"] + fixed["ls.txt"]
    _sane(_cli(work, "--fix", "."))
    # Idempotent, but for a file whose fixes were said not to settle within one run's passes.
    unsettled = set(unsettled_files(first.stderr))
    again = {p.name: p.read_bytes() for p in work.iterdir()}
    assert {n for n in fixed if fixed[n] != again[n]} <= unsettled


@seed(18)
@settings(FUZZ, max_examples=6)
@given(data=st.one_of(st.binary(max_size=3000), _soup.map(lambda t: t.encode("utf-8")),
                      _soup.map(lambda t: t.encode("utf-16")), _soup.map(lambda t: t.encode("latin-1", "replace"))),
       name=st.sampled_from(["a.txt", "a.md", "a.html", "a.unknown"]))
def test_cli_answers_any_bytes_in_one_line(tmp_path_factory, data, name) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    (folder / name).write_bytes(data)
    result = _cli(folder, name)
    _sane(result)
    piped = _cli(folder, "--stdin-filename", name, "-", data=data)
    _sane(piped)
    assert piped.returncode == result.returncode


def test_diff_and_fixed_stdin_keep_terminal_escapes(tmp_path) -> None:
    """A file holding ESC [ c (fuzz seed 2026): the diff printed to a pipe kept it, or patch could not apply it."""
    work, patched = tmp_path / "work", tmp_path / "patched"
    work.mkdir()
    data = "It agreed the the budget.\x1b[caption\x1b[31m red\n".encode()
    (work / "t.md").write_bytes(data)
    shutil.copytree(work, patched)
    diff = _cli(work, "--diff", ".")
    _sane(diff)
    assert b"\x1b[caption\x1b[31m" in diff.stdout
    subprocess.run(["patch", "-s", "-p1", "--no-backup-if-mismatch", "-d", str(patched)], input=diff.stdout,
                   check=True, capture_output=True)
    _sane(_cli(work, "--fix", "."))
    assert (work / "t.md").read_bytes() == (patched / "t.md").read_bytes() != data
    fixed = _cli(work, "--fix", "--stdin-filename", "t.md", "-", data=data)
    _sane(fixed)
    assert fixed.stdout == (patched / "t.md").read_bytes()
