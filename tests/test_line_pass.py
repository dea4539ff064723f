"""Line rules share one pass over a document's lines: the same lines as each rule alone, each distinct line judged once."""
from __future__ import annotations

from copylint.api import Linter
from copylint.kinds.line import Line

TEXT = ("\ufeffShare this article\r\n"
        "  Read more: the plan  \n"
        "The council met on Tuesday and agreed the budget.\n"
        "Photo: Jane Smith/Reuters\n"
        "\tUpdated: March 3, 2021 10:15 GMT\n"
        "facebook\n\n"
        "Share this article\n"
        "image_2019-03-01_final.jpg\n") * 3


def _line_kinds(linter: Linter) -> list[Line]:
    return [k for k in linter.kinds if isinstance(k, Line)]


def test_one_pass_finds_what_each_line_rule_finds_alone() -> None:
    linter = Linter(languagetool=False, select=("CL2",))
    kinds = _line_kinds(linter)
    assert len(kinds) >= 5
    doc = linter.parse("page.md", TEXT)
    Line.prepare(doc, kinds)
    together = {k.rule.code: doc.take(("line", id(k))) for k in kinds}
    assert sum(len(v) for v in together.values()) >= 12
    for kind in kinds:
        alone = linter.parse("page.md", TEXT)
        Line.prepare(alone, [kind])
        assert alone.take(("line", id(kind))) == together[kind.rule.code], kind.rule.code
        for index, start, end in together[kind.rule.code]:
            line = doc.blocks[index].text[start:end]
            assert line and line == line.strip(" \t\r\ufeff")


def test_a_repeated_line_is_judged_once_per_document(monkeypatch) -> None:
    linter = Linter(languagetool=False, select=("CL2",))
    kinds = _line_kinds(linter)
    calls: list[tuple[str, str]] = []
    real = Line.matches

    def counting(self, line, key=None, words=None):
        calls.append((self.rule.code, line))
        return real(self, line, key, words)

    monkeypatch.setattr(Line, "matches", counting)
    findings = linter.lint_source("list.txt", "Share\nof\n" * 5000)
    assert calls and len(calls) == len(set(calls)) <= 2 * len(kinds)  # each rule judges each distinct line once
    assert sum(f.code == "CL201" for f in findings) == 5000


def test_the_shared_pass_reads_each_furniture_line_and_leaves_the_story_alone() -> None:
    linter = Linter(languagetool=False, select=("CL2",))
    doc = linter.parse("page.md", TEXT)
    kinds = _line_kinds(linter)
    Line.prepare(doc, kinds)
    flagged = {doc.blocks[i].text[s:e] for k in kinds for i, s, e in doc.take(("line", id(k)))}
    assert {"Share this article", "Read more: the plan", "Photo: Jane Smith/Reuters", "facebook",
            "Updated: March 3, 2021 10:15 GMT", "image_2019-03-01_final.jpg"} == flagged


def test_a_rule_s_patterns_asked_as_one_alternation_match_as_each_alone() -> None:
    import regex

    from copylint.kinds.line import _grouped

    patterns = ["(?xi) share \\s+ this   # a verbose pattern closing on a comment", "Tags:\\s*\\w+", "A b"]
    one = regex.compile("|".join(map(_grouped, patterns)), regex.V1)
    for line in ("Share this", "SHARE THIS", "Tags: news", "A b", "Ab", "tags: news", "Shares this"):
        alone = any(regex.compile(p, regex.V1).match(line) for p in patterns)
        assert (one.match(line) is not None) == alone, line
