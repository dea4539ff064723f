"""HTML input: main-content blocks, scopes, entities and <br> with exact offsets; fixes written back as HTML."""
from __future__ import annotations

from pathlib import Path

import pytest

from copylint.document import Document
from copylint.formats.escape import escape_for
from copylint.formats.html import parse

from .test_formats_markdown import assert_exact, fix_prose, texts

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


@pytest.fixture(scope="module")
def sample() -> Document:
    return parse("sample.html", (FIXTURES / "sample.html").read_text(encoding="utf-8"))


def test_sample_furniture_elements(sample: Document) -> None:
    """The byline above the story's first paragraph is the article's template and the figure (alt text and caption)
    the page's structure: no items, and their text leaves the prose (see the scopes below)."""
    assert sample.furniture == ()


def test_sample_blocks_and_scopes(sample: Document) -> None:
    assert_exact(sample)
    assert texts(sample) == [
        ("title", "Harbour Plan Approved After Long Debate"),
        ("paragraph", "The council approved the harbour plan on Monday evening, according to the minutes & the "
                      "mayor’s office\xa0— after a long debate."),
        ("heading", "What Changes Next"),
        ("list", "The ferry terminal moves north."),
        ("list", "Fishing boats keep the old quay."),
        ("quote", "The plan “ignores the fishermen,” a resident said."),
        ("table", "Berth"), ("table", "Use"), ("table", "North"), ("table", "Ferries"),
        ("paragraph", "Line one of the address\nLine two of the address\nLine three"),
        ("paragraph", "Before the break."),
        ("paragraph", "After the break."),
        ("paragraph", "Tickets cost £5 & cédille ©2024 'quoted' &unknown; AT&T."),
    ]


def test_page_chrome_scripts_code_comments_and_hidden_text_are_not_prose(sample: Document) -> None:
    prose = "\n".join(b.text for b in sample.blocks)
    for chrome in ("City News", "Home", "Ports", "Most read", "Another story", "Copyright", "Filed under",
                   "not prose", "font-weight", "the the", "Hidden text", "Also hidden", "markup", "example.org"):
        assert chrome not in prose, chrome


def test_entities_span_the_whole_reference(sample: Document) -> None:
    block = sample.blocks[-1]
    source = sample.source
    for decoded, written in (("£", "&pound;"), ("é", "&eacute;"), ("©", "&copy"), ("'", "&#x27;"), ("'", "&#39;")):
        i = block.text.index(decoded, block.text.index("£") if decoded != "£" else 0)
        if decoded == "'" and written == "&#39;":
            i = block.text.index("'", block.text.index("quoted"))
        assert source[slice(*block.source_span(i, i + 1))] == written
    # A legacy reference without ';' decodes its prefix; the digits after it stay literal characters.
    i = block.text.index("©2024")
    assert source[slice(*block.source_span(i, i + 5))] == "&copy2024"


def test_whitespace_collapses_to_a_real_source_space(sample: Document) -> None:
    block = sample.blocks[1]
    i = block.text.index("evening,")
    assert sample.source[slice(*block.source_span(i, i + len("evening, according")))] == (
        "evening</a>,\n    according"
    )


def test_br_is_a_line_break_standing_for_the_tag(sample: Document) -> None:
    block = next(b for b in sample.blocks if b.text.startswith("Line one"))
    i = block.text.index("\n")
    assert sample.source[slice(*block.source_span(i, i + 1))] == "<br>"
    assert [block.text[s:e] for s, e in block.lines()] == [
        "Line one of the address", "Line two of the address", "Line three",
    ]


def test_main_content_is_the_largest_article() -> None:
    source = (
        "<body><main><article><p>Teaser one.</p></article>"
        "<article><h1>Story</h1><p>The real story is much longer than any teaser on this page.</p>"
        "<footer>Tags: ports</footer></article><p>Outside the article.</p></main></body>"
    )
    assert texts(parse("x.html", source)) == [
        ("title", "Story"), ("paragraph", "The real story is much longer than any teaser on this page."),
    ]


def test_without_article_the_body_minus_chrome_and_link_lists() -> None:
    source = (
        "<html><body><header><h1>Site</h1></header><nav>Menu</nav>"
        "<div><ul><li><a href=/a>First link</a></li><li><a href=/b>Second link</a></li></ul>"
        "<h1>Story</h1><p>Body text with <a href=/c>one link</a> in it.</p></div>"
        "<aside>Side</aside><footer>Foot</footer><noscript>Enable JS</noscript></body></html>"
    )
    assert texts(parse("x.html", source)) == [("title", "Story"), ("paragraph", "Body text with one link in it.")]


def test_without_article_chrome_between_the_paragraphs_is_furniture() -> None:
    """An HTML draft with no <article>: a newsletter box or a share bar between two paragraphs is a furniture item
    (not prose, as inside a chosen <article>); chrome before the story's first paragraph stays out, unreported."""
    story = "<p>" + "A sentence of the story goes on. " * 6 + "</p>"
    source = (
        f"<body><div class='promo-top'>Top deals</div><h1>Harbour Reopens</h1>{story}"
        "<div class='newsletter-cta'><p>Get the harbour news in your inbox.</p></div>"
        f"{story}<div class='share-bar'><a href='#'>Facebook</a> <a href='#'>Email</a></div>{story}</body>"
    )
    doc = parse("x.html", source)
    assert [b.scope for b in doc.blocks] == ["title", "paragraph", "paragraph", "paragraph"]
    assert [(f.role, source[f.start:f.end]) for f in doc.furniture] == [
        ("newsletter", "Get the harbour news in your inbox."), ("share", "Facebook</a> <a href='#'>Email"),
    ]


def test_a_named_aside_in_the_story_is_furniture_and_any_other_aside_is_not_prose() -> None:
    """<aside class="related-posts"> between two paragraphs is a related item; a plain <aside> (a pull quote, a
    fact box) stays out of the prose without a finding, as before."""
    story = "<p>" + "A sentence of the story goes on. " * 6 + "</p>"
    source = (
        f"<article><h1>Harbour Reopens</h1>{story}<aside class='related-posts'><h4>Related</h4><ul>"
        f"<li><a href='/a'>Ferry fares to rise</a></li></ul></aside>{story}<aside><p>A quote pulled out.</p></aside>"
        f"{story}</article>"
    )
    doc = parse("x.html", source)
    assert [b.scope for b in doc.blocks] == ["title", "paragraph", "paragraph", "paragraph"]
    assert [(f.role, source[f.start:f.end]) for f in doc.furniture] == [
        ("related", "Related</h4><ul><li><a href='/a'>Ferry fares to rise"),
    ]


def test_a_teaser_article_does_not_hide_the_story() -> None:
    story = "<p>" + "The story paragraph goes on and on. " * 10 + "</p>"
    source = f"<body><div>{story}</div><article><p>Card.</p></article></body>"
    assert [b.text for b in parse("x.html", source).blocks][0].startswith("The story paragraph")


def test_headline_outside_the_article_is_the_title() -> None:
    source = (
        "<body><header><h1><a href=/>Site Name</a></h1></header><div class=headline><h1>The Story</h1></div>"
        "<article><p>Body of the story, long enough to be the main content of the page.</p></article>"
        "<footer><h1>Footer heading</h1></footer></body>"
    )
    assert texts(parse("x.html", source)) == [
        ("title", "The Story"), ("paragraph", "Body of the story, long enough to be the main content of the page."),
    ]


def test_chrome_named_by_role_or_class_is_dropped_unless_it_wraps_the_story() -> None:
    story = "<p>" + "A sentence of the story. " * 8 + "</p>"
    source = (
        f"<article>{story}<div class='share-bar'>Share this</div><div role='navigation'>Next story</div>"
        "<div id='related-links'><p>Related Articles</p></div><div class='ad-slot'>Advertisement</div>"
        "<p class='article-related-note'>Kept: the class also says article.</p>"
        "<div class='article-sidebar'>Most Popular</div><div class='GoogleDfpAd-adCaption'>Advertisement</div>"
        "<div class='social-media-embed'>An embedded post is quoted content.</div></article>"
    )
    assert [b.text for b in parse("x.html", source).blocks][1:] == [
        "Kept: the class also says article.", "An embedded post is quoted content.",
    ]
    wrapped = f"<div class='page-sidebar'>{story}<div class='share'>Share</div></div><p>Short.</p>"
    assert [b.text[:24] for b in parse("x.html", wrapped).blocks] == ["A sentence of the story.", "Short."]


def test_unclosed_and_implied_tags() -> None:
    source = "<p>One<p>Two<ul><li>A<li>B</ul><dl><dt>Term<dd>Definition</dl><table><tr><td>X<td>Y</table><h2>H<h3>I"
    doc = parse("x.html", source)
    assert_exact(doc)
    assert texts(doc) == [
        ("paragraph", "One"), ("paragraph", "Two"), ("list", "A"), ("list", "B"), ("list", "Term"),
        ("list", "Definition"), ("table", "X"), ("table", "Y"), ("heading", "H"), ("heading", "I"),
    ]


def test_raw_text_and_odd_markup() -> None:
    source = (
        "<p>a < b and c > d</p><p>x<textarea><p>no</p></textarea>y</p><title>T</title>"
        "<p title='5 > 4'>attr with > inside</p><p>5 <3 and <!doctype-ish> text</p><p>end &</p>"
    )
    doc = parse("x.html", source)
    assert_exact(doc)
    assert [b.text for b in doc.blocks] == ["a < b and c > d", "xy", "attr with > inside", "5 <3 and text", "end &"]


def test_crlf_offsets_are_exact() -> None:
    doc = parse("x.html", "<p>One line\r\nnext line</p>\r\n<p>Two</p>")
    assert_exact(doc)
    assert [b.text for b in doc.blocks] == ["One line\nnext line", "Two"]


def test_html_escape_round_trips() -> None:
    assert escape_for("html", "AT&T <b> 5 > 4") == "AT&amp;T &lt;b&gt; 5 &gt; 4"
    assert escape_for("html", "plain words") == "plain words"
    written = "<p>" + escape_for("html", "R&D <costs> 5 > 4 &amp;") + "</p>"
    assert parse("x.html", written).blocks[0].text == "R&D <costs> 5 > 4 &amp;"


@pytest.mark.parametrize(
    "source, old, new, expected, reparsed",
    [
        pytest.param("<p>Profits at Smith &amp; Sons rose.</p>", "Smith & Sons", "Smith & Co",
                     "<p>Profits at Smith &amp; Co rose.</p>", "Profits at Smith & Co rose.", id="writes-entities"),
        pytest.param("<p>Largest in the <b>globe</b> today.</p>", "in the globe", "in the world",
                     "<p>Largest in the <b>world</b> today.</p>", "Largest in the world today.", id="keeps-tags"),
        pytest.param("<article><p>Story.</p>\n<h2>Related Articles</h2>\n<p>More.</p></article>", "Related Articles",
                     "", "<article><p>Story.</p>\n\n<p>More.</p></article>", "Story.", id="whole-element"),
        pytest.param("<p>A <i>very</i> big deal.</p>", "very big ", "", "<p>A <i></i>deal.</p>", "A deal.",
                     id="delete-across-tags"),
        pytest.param("<p>Gallery Title<br>\nAP Photo/Ann Lee A crowd.</p>", "Gallery Title", "",
                     "<p>AP Photo/Ann Lee A crowd.</p>", "AP Photo/Ann Lee A crowd.", id="first-line-takes-its-br"),
        pytest.param("<p>Story ends here.<br>\nAP Photo/Ann Lee A crowd.</p>", "AP Photo/Ann Lee A crowd.", "",
                     "<p>Story ends here.</p>", "Story ends here.", id="last-line-takes-the-br-before"),
    ],
)
def test_fix_is_written_back_as_html(source: str, old: str, new: str, expected: str, reparsed: str) -> None:
    fixed = fix_prose(parse("x.html", source), old, new)
    assert fixed == expected
    assert parse("x.html", fixed).blocks[0].text == reparsed


def test_line_removal_starting_in_white_space_is_fitted() -> None:
    from copylint.formats.markup import fit_edit
    from copylint.model import Edit

    source = "<p>Story text.<br>\n[embed id=\"7\"]</p>"
    doc = parse("x.html", source)
    start = source.index("\n")  # a line removal takes the line break before its line
    (edit,) = fit_edit(doc, Edit(start, source.index("</p>"), ""))
    assert source[: edit.start] + source[edit.end :] == "<p>Story text.</p>"


_BODY = ("<p>The council approved the harbour plan on Monday evening after a long debate that ran late into the night, "
         "the minutes of the meeting show clearly.</p>"
         "<p>Work on the new quay starts in May and should end before the summer of next year, when the ferries move "
         "north, officials said.</p>")


def test_article_template_before_and_after_the_story_is_left_out_silently() -> None:
    """In an <article>, the share list, tag list, section label, meta line and figure standing before the first body
    paragraph or after the last are the page's template: out of the prose, no furniture item."""
    page = ('<html><body><nav><a href="/">Home</a></nav><article><p class="kicker">Local News</p><h1>Harbour Plan</h1>'
            '<div class="post-meta">Posted in News on 3 May 2019</div><ul class="share-tools"><li>Facebook</li>'
            '<li>Twitter</li></ul><figure><img src="a.jpg" alt="The quay at dawn"><figcaption>The old quay. Photo: '
            'Ana Ruiz</figcaption></figure>' + _BODY + '<ul class="tags"><li>Harbour</li><li>Council</li></ul>'
            '</article></body></html>')
    doc = parse("page.html", page)
    assert doc.furniture == ()
    prose = "\n".join(b.text for b in doc.blocks)
    for template in ("Local News", "Posted in", "Facebook", "The quay at dawn", "The old quay", "Council\n", "Harbour\n"):
        assert template not in prose + "\n", template


def test_article_furniture_between_paragraphs_is_still_reported() -> None:
    """A newsletter box between the body paragraphs is text left in the draft; a figure there is structure."""
    body = _BODY.split("</p>")
    page = ('<html><body><nav><a href="/">Home</a></nav><article><h1>Harbour Plan</h1>' + body[0] + '</p>'
            '<div class="newsletter-signup">Get the Harbour Brief in your inbox</div><figure><img src="b.jpg" '
            'alt="Cranes"><figcaption>Cranes at the north berth.</figcaption></figure>' + body[1] + '</p>'
            '</article></body></html>')
    doc = parse("page.html", page)
    assert [f.role for f in doc.furniture] == ["newsletter"]
    assert "Cranes" not in "\n".join(b.text for b in doc.blocks)


def test_template_left_out_but_pasted_credit_and_box_between_paragraphs_reported() -> None:
    """Real page shape: a date line and a share list above the story, a figure between its paragraphs, a tag list
    below it: no findings for them; a credit typed into a body paragraph (CL203) and a newsletter box between the
    paragraphs (CL205) are still reported."""
    from copylint.api import Linter

    body = _BODY.split("</p>")
    page = ('<html><body><nav><a href="/">Home</a></nav><article><h1>Harbour Plan</h1>'
            '<time class="published-date">3 May 2019, 10:02 GMT</time><ul class="social-share"><li>Share</li>'
            '<li>Tweet</li></ul>' + body[0] + ' (AP Photo/Ana Ruiz)</p><figure><img src="b.jpg" alt="Cranes">'
            '<figcaption>Cranes at the north berth. Credit: Port Authority</figcaption></figure>'
            '<aside class="newsletter">Get the Harbour Brief in your inbox every morning</aside>' + body[1] + '</p>'
            '<div class="article-tags"><a href="/t/ports">Ports</a> <a href="/t/council">Council</a></div>'
            '</article></body></html>')
    found = Linter(select=["CL2"], languagetool=False).lint_source("page.html", page)
    assert sorted(f.code for f in found) == ["CL203", "CL205"], [(f.code, f.text) for f in found]
