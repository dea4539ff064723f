"""File discovery: known extensions, .gitignore (nested, negated, info/exclude), include/exclude globs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from copylint.discovery import discover
from copylint.errors import InputError


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    files = [
        "a.md", "b.txt", "c.html", "d.htm", "e.markdown", "notes.rst", "script.py",
        "docs/x.md", "docs/y.html", "docs/keep.html", "docs/z.tmp.md", "docs/sub/s.md",
        "build/out.md", ".github/template.md", "node_modules/pkg/readme.md", "private/secret.md",
    ]
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text.\n", encoding="utf-8")
    (root / ".git" / "info").mkdir(parents=True)
    (root / ".git" / "info" / "exclude").write_text("private/\n", encoding="utf-8")
    (root / ".gitignore").write_text("build/\n*.tmp.md\n", encoding="utf-8")
    (root / "docs" / ".gitignore").write_text("*.html\n!keep.html\n", encoding="utf-8")
    return root


def rel(root: Path, found) -> list[tuple[str, str]]:
    return [(os.path.relpath(p, root).replace(os.sep, "/"), fmt) for p, fmt in found]


def test_walk_takes_known_extensions_and_honours_gitignore(repo: Path) -> None:
    found, unknown = discover([str(repo)])
    assert rel(repo, found) == [
        ("a.md", "markdown"), ("b.txt", "plain"), ("c.html", "html"), ("d.htm", "html"), ("docs/keep.html", "html"),
        ("docs/sub/s.md", "markdown"), ("docs/x.md", "markdown"), ("e.markdown", "markdown"),
    ]
    assert unknown == []


def test_gitignore_can_be_turned_off(repo: Path) -> None:
    found, _ = discover([str(repo)], respect_gitignore=False)
    names = [p for p, _ in rel(repo, found)]
    assert {"build/out.md", "docs/z.tmp.md", "docs/y.html", "private/secret.md"} <= set(names)
    assert ".github/template.md" not in names and "node_modules/pkg/readme.md" not in names


def test_walking_a_subdirectory_still_reads_the_root_gitignore(repo: Path) -> None:
    found, _ = discover([str(repo / "docs")])
    assert rel(repo, found) == [("docs/keep.html", "html"), ("docs/sub/s.md", "markdown"), ("docs/x.md", "markdown")]


def test_exclude_globs_prune_files_and_directories(repo: Path) -> None:
    found, _ = discover([str(repo)], exclude=["docs/sub/", "*.htm*"])
    assert [p for p, _ in rel(repo, found)] == ["a.md", "b.txt", "docs/x.md", "e.markdown"]


def test_include_globs_replace_the_default_extensions(repo: Path) -> None:
    found, unknown = discover([str(repo)], include=["*.rst", "docs/*.md"])
    assert rel(repo, found) == [("docs/x.md", "markdown"), ("notes.rst", "plain")]
    assert unknown == []


def test_explicit_files_are_always_taken_and_unknown_extensions_reported(repo: Path) -> None:
    paths = [str(repo / "notes.rst"), str(repo / "build" / "out.md"), str(repo / "a.md")]
    found, unknown = discover(paths, exclude=["*.md"])
    assert rel(repo, found) == [("a.md", "markdown"), ("build/out.md", "markdown"), ("notes.rst", "plain")]
    assert unknown == [str(repo / "notes.rst")]


def test_duplicates_are_listed_once(repo: Path) -> None:
    found, _ = discover([str(repo / "docs"), str(repo / "docs" / "x.md")])
    assert [p for p, _ in rel(repo, found)].count("docs/x.md") == 1


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        discover([str(tmp_path / "nope.md")])


def test_relative_paths_are_normalised(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    found, _ = discover(["."])
    assert found[0] == ("a.md", "markdown")


def test_outside_a_git_repository_gitignore_files_still_apply(tmp_path: Path) -> None:
    (tmp_path / "keep.md").write_text("x", encoding="utf-8")
    (tmp_path / "skip.md").write_text("x", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("skip.md\n", encoding="utf-8")
    found, _ = discover([str(tmp_path)])
    assert [os.path.basename(p) for p, _ in found] == ["keep.md"]
