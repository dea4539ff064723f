"""The HTML review page without a browser: every finding noted and highlighted on its text, escaping, the
self-contained page (CSP by hash, nothing fetched), the index for several files, -o on the command line."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from copylint.api import Linter
from copylint.cli import main
from copylint.registry import load_rules
from copylint.reporters import get_reporter
from copylint.reporters.context import ReportContext

from .conftest import SEED


class Page(HTMLParser):
    """Notes (their data attributes), the text of each finding's highlights, script and style bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notes: list[dict[str, str]] = []
        self.marks: dict[tuple[str, str], str] = {}
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._article = ""
        self._open_marks: list[list[str]] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "article":
            self._article = a["id"]
        if tag == "div" and "note" in a.get("class", "").split():
            self.notes.append({**a, "article": self._article})
        if tag == "mark":
            self._open_marks.append(a["data-f"].split())
        if tag in ("script", "style"):
            self._raw = tag

    def handle_endtag(self, tag):
        if tag == "mark":
            self._open_marks.pop()
        if tag in ("script", "style"):
            self._raw = None

    def handle_data(self, data):
        if self._raw == "script":
            self.scripts.append(data)
            return
        if self._raw == "style":
            self.styles.append(data)
            return
        self.text.append(data)
        for ids in self._open_marks:
            for i in ids:
                key = (self._article, i)
                self.marks[key] = self.marks.get(key, "") + data


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    return p


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def render(sources: dict[str, str]) -> str:
    linter = Linter(languagetool=False)
    findings = sorted((f for path, text in sources.items() for f in linter.lint_source(path, text)),
                      key=lambda f: f.sort_key)
    rules = {r.code: r for r in load_rules()}
    return get_reporter("html")(findings, ReportContext(sources=sources, rules=rules))


def test_seed_every_finding_has_a_note_and_a_highlight_on_its_text(seed_text) -> None:
    findings = Linter(languagetool=False).lint_source("seed.txt", seed_text)
    page = parse(render({"seed.txt": seed_text}))
    assert len(findings) >= 30
    noted = sorted((n["data-code"], int(n["data-start"]), int(n["data-end"])) for n in page.notes)
    assert noted == sorted((f.code, f.start, f.end) for f in findings)
    for note in page.notes:
        start, end = int(note["data-start"]), int(note["data-end"])
        assert squeeze(page.marks[(note["article"], note["data-f"])]) == squeeze(seed_text[start:end]), note


def test_summary_bar_counts_families_severities_and_spin(seed_text) -> None:
    findings = Linter(languagetool=False).lint_source("seed.txt", seed_text)
    page = parse(render({"seed.txt": seed_text}))
    buttons = {a["data-filter"] for tag, a in page.tags if tag == "button" and "data-filter" in a}
    assert {"fam-phrasing", "fam-facts", "fam-furniture", "sev-error", "sev-warning"} <= buttons
    text = "".join(page.text)
    assert f"{len(findings)} findings" in text
    spin = next(f for f in findings if f.code == "CL490")
    assert f"Spin score: {dict(spin.data)['spin_score']:.1f} per 1,000 words" in text


def test_fix_shows_before_and_after() -> None:
    page = render({"a.txt": "The vote was held in purchase to.\n\nRelated Articles\n"})
    assert "<del>in purchase to</del> → <ins>in order to</ins>" in page
    assert '<del>Related Articles</del> → <span class="delete">delete</span>' in page


HOSTILE = ('The vote was held in purchase to. <script>window.__pwned = 1</script> '
           '"><img src=x onerror="window.__pwned = 2"> &lt;b&gt; </mark></p></div>\n')


@pytest.mark.parametrize("name", ["evil.txt", "evil.html", "evil.md", '"><script>window.__pwned=3</script>.txt'])
def test_hostile_article_and_path_are_escaped(name: str) -> None:
    page = render({name: HOSTILE})
    parsed = parse(page)
    assert len(parsed.scripts) == 1 and "__pwned" not in parsed.scripts[0]
    assert [t for t, _ in parsed.tags].count("script") == 1
    assert not any(t == "img" or any(k.startswith("on") for k in a) for t, a in parsed.tags)
    assert "__pwned" not in "".join(parsed.scripts + parsed.styles)
    assert sum(1 for t, _ in parsed.tags if t == "article") == 1


def test_self_contained_with_csp_hashes(seed_text) -> None:
    page = render({"seed.txt": seed_text})
    parsed = parse(page)
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    for body, directive in ((parsed.scripts[0], "script-src"), (parsed.styles[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    for tag, attrs in parsed.tags:  # nothing to fetch: no src, no external links
        assert "src" not in attrs and "style" not in attrs, (tag, attrs)
        assert not attrs.get("href", "#").lstrip().lower().startswith(("http", "//", "javascript")), (tag, attrs)


def test_several_files_get_an_index_with_counts() -> None:
    sources = {"b.txt": "The vote was held in purchase to by forces of security.\n",
               "a.md": "# Title\n\nRelated Articles\n", "c.txt": "The council met on Tuesday.\n"}
    page = render(sources)
    parsed = parse(page)
    rows = re.findall(r'<tr><th scope="row"><a href="#(file-\d)">([^<]+)</a></th><td><b>(\d+)</b>', page)
    linter = Linter(languagetool=False)
    expected = [(name, len(linter.lint_source(name, sources[name]))) for name in sorted(sources)]
    assert [(name, int(n)) for _, name, n in rows] == expected
    assert [n for _, n in expected] == [1, 2, 0]
    ids = {a["id"] for t, a in parsed.tags if t == "article"}
    assert ids == {anchor for anchor, _, _ in rows}
    assert "No findings." in page


def test_markup_findings_outside_the_prose_are_shown_as_source() -> None:
    source = "# Title\n\nThe vote <b>passed</b> on Tuesday.\n\n[video-embed id=\"9\"]\n"
    page = parse(render({"a.md": source}))
    findings = Linter(languagetool=False).lint_source("a.md", source)
    assert findings
    for note in page.notes:
        start, end = int(note["data-start"]), int(note["data-end"])
        assert squeeze(page.marks[(note["article"], note["data-f"])]) == squeeze(source[start:end])


def test_cli_writes_the_report_to_a_file(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The vote was held in purchase to.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", "--no-languagetool", "--format", "html", "-o", str(out), str(story)])
    assert result.exit_code == 1, result.output
    assert "<mark" not in result.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "CL401" in page
    # JSON to a file too, and the same findings
    out_json = tmp_path / "report.json"
    CliRunner().invoke(main, ["check", "--no-languagetool", "--format", "json", "-o", str(out_json), str(story)])
    assert [f["code"] for f in json.loads(out_json.read_text(encoding="utf-8"))] == ["CL401"]


def test_cli_refuses_to_write_through_a_symlink(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The vote was held in purchase to.\n", encoding="utf-8")
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    result = CliRunner().invoke(main, ["check", "--no-languagetool", "--format", "html", "-o", str(link), str(story)])
    assert result.exit_code == 2
    assert "cannot write the report: it is a symlink" in result.output
    assert target.read_text(encoding="utf-8") == "keep me\n"
