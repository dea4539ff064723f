"""Markdown input: prose blocks, scopes and exact offsets; syntax (front matter, markers, code, URLs) is never prose."""
from __future__ import annotations

from pathlib import Path

import pytest

from copylint.document import CODE_TOKEN, Document
from copylint.formats import parser_for
from copylint.formats.escape import escape_for
from copylint.formats.markdown import parse
from copylint.formats.markup import fit_edit
from copylint.model import Edit

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def assert_exact(doc: Document) -> None:
    """Every prose character sits at its source offset (an entity's decoded character at its '&', the token that
    stands for inline code at its first backtick or '<')."""
    for block in doc.blocks:
        assert len(block.offsets) == len(block.text)
        assert list(block.offsets) == sorted(block.offsets)
        for i, (ch, at) in enumerate(zip(block.text, block.offsets)):
            if i in block.ends:
                assert doc.source[at] in "&<`", (block.text, i)
            else:
                assert doc.source[at] == ch, (block.text, i, ch, doc.source[at])


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(b.scope, b.text) for b in doc.blocks]


@pytest.fixture(scope="module")
def sample() -> Document:
    return parse("sample.md", (FIXTURES / "sample.md").read_text(encoding="utf-8"))


def test_sample_blocks_and_scopes(sample: Document) -> None:
    assert_exact(sample)
    assert texts(sample) == [
        ("title", "The Harbour Plan"),
        ("paragraph", "The council approved the harbour plan on Monday evening after a\n"
                      "long debate, according to the minutes & the mayor's office."),
        ("heading", "What Changes Next"),
        ("list", "The ferry terminal moves north."),
        ("list", "Fishing boats keep the old quay.\nA second line in the same item."),
        ("list", "First numbered step."),
        ("list", f"Second numbered step with {CODE_TOKEN} in it."),
        ("quote", 'A resident said the plan "ignores the fishermen".\nShe spoke for ten minutes.'),
        ("table", "Berth"), ("table", "Use"), ("table", "North"), ("table", "Ferries | cargo"),
        ("table", "South"), ("table", "Fishing"),
        ("alt", "A crane loads containers at dusk"),
        ("paragraph", "See the full report or for details."),
    ]


def test_front_matter_is_never_prose(sample: Document) -> None:
    end = sample.source.index("---", 3) + 3
    assert all(o >= end for b in sample.blocks for o in b.offsets)
    assert not any("draft" in b.text or "tags" in b.text for b in sample.blocks)


def test_toml_front_matter_is_never_prose() -> None:
    doc = parse("x.md", '+++\ntitle = "A Post"\ndraft = true\n+++\n\nBody text.\n')
    assert_exact(doc)
    assert texts(doc) == [("paragraph", "Body text.")]


def test_heading_markers_and_list_bullets_are_never_prose(sample: Document) -> None:
    prose = "".join(b.text for b in sample.blocks)
    assert "#" not in prose
    covered = {o for b in sample.blocks for o in b.offsets}
    source = sample.source
    for marker in ("# The Harbour", "## What", "- The ferry", "- Fishing", "1. First", "2. Second", "> A resident",
                   "> She"):
        at = source.index(marker)
        assert at not in covered, marker


def test_code_blocks_spans_and_html_blocks_are_never_prose(sample: Document) -> None:
    prose = "\n".join(b.text for b in sample.blocks)
    for code in ("harbour()", "the the", "inline code", "indented code", "An HTML block", "embed"):
        assert code not in prose


def test_urls_and_reference_definitions_are_never_prose(sample: Document) -> None:
    prose = "\n".join(b.text for b in sample.blocks)
    for url in ("example.org", "https", "monday-vote", "crane.jpg", "report.pdf", "[report]", "Vote"):
        assert url not in prose


def test_inline_markup_does_not_split_or_shift_a_sentence(sample: Document) -> None:
    block = sample.blocks[1]
    sentences = [s for s in sample.sentences if s.block == 1]
    assert len(sentences) == 1
    # The link text maps into the brackets, the bold word between its asterisks.
    i = block.text.index("Monday evening")
    start, end = block.source_span(i, i + len("Monday evening"))
    assert sample.source[start:end] == "Monday evening"
    i = block.text.index("harbour plan")
    start, end = block.source_span(i, i + len("harbour plan"))
    assert sample.source[start:end] == "harbour** plan"


def test_soft_break_is_a_newline_at_the_source_newline(sample: Document) -> None:
    block = sample.blocks[1]
    i = block.text.index("\n")
    assert sample.source[block.offsets[i]] == "\n"


def test_entity_maps_to_the_whole_entity(sample: Document) -> None:
    block = sample.blocks[1]
    i = block.text.index("&")
    assert sample.source[slice(*block.source_span(i, i + 1))] == "&amp;"
    i = block.text.index("minutes & the")
    assert sample.source[slice(*block.source_span(i, i + len("minutes & the")))] == "minutes &amp; the"


def test_escaped_punctuation_maps_to_the_character() -> None:
    doc = parse("x.md", r"Prices rose 5\* and \_fell\_ again.")
    assert_exact(doc)
    assert doc.blocks[0].text == "Prices rose 5* and _fell_ again."


def test_crlf_source_offsets_are_exact() -> None:
    source = "# Title\r\n\r\nFirst line\r\nsecond **bold** line.\r\n\r\n- item\r\n"
    doc = parse("x.md", source)
    assert_exact(doc)
    assert texts(doc) == [("title", "Title"), ("paragraph", "First line\nsecond bold line."), ("list", "item")]


def test_title_is_first_h1_or_a_leading_heading() -> None:
    doc = parse("x.md", "Intro text.\n\n## Part\n\n# Real Title\n\nBody.\n")
    assert [b.scope for b in doc.blocks] == ["paragraph", "heading", "title", "paragraph"]
    doc = parse("x.md", "## Leading\n\nBody.\n\n## Other\n")
    assert [b.scope for b in doc.blocks] == ["title", "paragraph", "heading"]
    doc = parse("x.md", "Body.\n\n## Not a title\n")
    assert [b.scope for b in doc.blocks] == ["paragraph", "heading"]


def test_setext_and_closed_atx_headings() -> None:
    doc = parse("x.md", "Big Title\n=========\n\n## Closed heading ##\n\nSub\n---\n")
    assert_exact(doc)
    assert texts(doc) == [("title", "Big Title"), ("heading", "Closed heading"), ("heading", "Sub")]


def test_nested_containers_and_lazy_lines() -> None:
    source = "> - quoted item\n>   more\n> lazy\n>\n> > inner quote\n\n1) one\n   - nested *item*\n"
    doc = parse("x.md", source)
    assert_exact(doc)
    assert texts(doc) == [
        ("list", "quoted item\nmore\nlazy"),
        ("quote", "inner quote"),
        ("list", "one"),
        ("list", "nested item"),
    ]


def test_links_images_and_code_in_odd_places() -> None:
    source = (
        "A [link with `code` and **bold**](<https://x.org/a b> 'T') then [![badge alt](b.svg)](https://ci) "
        "and ``a ` tick`` end.\nHard break here  \nnext\\\nlast.\n"
    )
    doc = parse("x.md", source)
    assert_exact(doc)
    assert texts(doc) == [
        ("paragraph", f"A link with {CODE_TOKEN} and bold then and {CODE_TOKEN} end.\nHard break here\nnext\nlast."),
        ("alt", "badge alt"),
    ]


def test_inline_html_and_comments_are_not_prose() -> None:
    doc = parse("x.md", "Text <span class=\"x\">inside</span> and <!-- copylint: disable=CL601 --> more.\n")
    assert_exact(doc)
    assert doc.blocks[0].text == "Text inside and more."


def test_empty_and_markup_only_documents() -> None:
    assert parse("x.md", "").blocks == ()
    assert parse("x.md", "---\na: 1\n---\n").blocks == ()
    assert parse("x.md", "```\ncode\n```\n\n<div>x</div>\n\n***\n").blocks == ()


def test_parser_for_markdown_is_lazy_and_returns_markdown_documents() -> None:
    doc = parser_for("markdown")("x.md", "Hello *world*.")
    assert doc.format == "markdown"
    assert doc.blocks[0].text == "Hello world."


def fix_prose(doc: Document, old: str, new: str) -> str | None:
    """The source after replacing the prose old (first occurrence) by new through fit_edit; None when refused."""
    block = next(b for b in doc.blocks if old in b.text)
    i = block.text.index(old)
    start, end = block.source_span(i, i + len(old))
    edits = fit_edit(doc, Edit(start, end, new))
    if edits is None:
        return None
    source = doc.source
    for edit in sorted(edits, key=lambda e: -e.start):
        source = source[: edit.start] + edit.content + source[edit.end :]
    return source


def test_fix_inside_link_text_keeps_the_link() -> None:
    doc = parse("x.md", "Read the [report of the the council](https://x.org/r).\n")
    assert fix_prose(doc, "the the", "the") == "Read the [report of the council](https://x.org/r).\n"


def test_fix_across_bold_keeps_the_markup() -> None:
    doc = parse("x.md", "It is the largest city in the **globe** today.\n")
    block = doc.blocks[0]
    i = block.text.index("in the globe")
    assert doc.source[slice(*block.source_span(i, i + len("in the globe")))] == "in the **globe"
    assert fix_prose(doc, "in the globe", "in the world") == "It is the largest city in the **world** today.\n"


def test_fix_that_would_cut_through_a_link_is_refused() -> None:
    doc = parse("x.md", "See the [big report](https://x.org) now.\n")
    assert fix_prose(doc, "the big", "a small") is None


def test_deleting_a_whole_block_deletes_its_lines() -> None:
    fixed = fix_prose(parse("x.md", "Story text.\n\n## Related Articles\n\nMore text.\n"), "Related Articles", "")
    assert fixed is not None and "Related" not in fixed and "##" not in fixed
    assert parse("x.md", fixed).blocks[1].text == "More text."


def test_deleting_a_line_of_a_quote_keeps_one_prefix() -> None:
    doc = parse("x.md", "> First line\n> Orphan Label\n> Last line.\n")
    block = doc.blocks[0]
    i = block.text.index("Orphan Label")
    start, end = block.source_span(i, i + len("Orphan Label\n"))
    (edit,) = fit_edit(doc, Edit(start, end, ""))
    assert doc.source[: edit.start] + doc.source[edit.end :] == "> First line\n> Last line.\n"


def test_markdown_escape() -> None:
    assert escape_for("markdown", "a*b [x] c_d _e_ &amp; & `t`") == r"a\*b \[x\] c_d \_e\_ \&amp; & \`t\`"
    assert escape_for("plain", "a*b") == "a*b"
    doc = parse("x.md", escape_for("markdown", "a*b [x] _e_ &amp; `t`") + "\n")
    assert doc.blocks[0].text == "a*b [x] _e_ &amp; `t`"


LEAKY = """---
title: the the title
embed: "[gallery ids=\\"12,13\\"]"
---

# Heading the the

- bullet the the

```
the the <div class="x">&amp;nbsp; [gallery ids="1,2"]
```

See <https://example.org/the/the/> and [it](https://example.org/the/the "the the").
"""


def test_syntax_is_never_flagged_but_the_prose_around_it_is() -> None:
    from copylint.api import lint_text

    plain = lint_text(LEAKY, "x.txt", "plain")
    assert {f.code for f in plain} >= {"CL601", "CL101", "CL102", "CL103"}  # the triggers are real
    findings = lint_text(LEAKY, "x.md", "markdown")
    assert [(f.code, f.text) for f in findings] == [("CL601", "the the"), ("CL601", "the the")]
    heading, bullet = findings
    assert LEAKY[heading.start - len("# Heading ") : heading.end] == "# Heading the the"
    assert LEAKY[bullet.start - len("- bullet ") : bullet.end] == "- bullet the the"


def test_plain_text_never_imports_markdown_it() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from copylint.formats import parser_for; parser_for('plain')('x.txt', 'Hello.');"
        "assert not [m for m in sys.modules if m.startswith(('markdown_it', 'mdit_py_plugins'))]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_word_processor_styles_are_a_furniture_item_with_exact_offsets() -> None:
    """A Google Docs span restating default styles is one 'style' item on its opening tag (CRLF source too); a
    span styled on purpose is not, and neither text is lost from the prose."""
    for newline in ("\n", "\r\n"):
        source = f"# Harbour{newline}{newline}The ferry <span style=\"font-weight: 400;\">sailed</span> at noon," \
                 f"{newline}and <span style=\"color: red\">late</span> again."
        doc = parse("x.md", source)
        assert [(f.role, source[f.start:f.end]) for f in doc.furniture] == [
            ("style", '<span style="font-weight: 400;">')]
        assert "sailed" in doc.blocks[1].text and "late" in doc.blocks[1].text
