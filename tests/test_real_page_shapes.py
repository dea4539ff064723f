"""False alarms that real web pages showed, each as a regression test built from the page's shape (not its words),
and furniture that the page's markup names."""
from __future__ import annotations

from copylint.api import Linter
from copylint.document import CODE_TOKEN

LINTER = Linter(select=["CL"], languagetool=False)


def found(text: str, path: str = "t.txt", prefix: str = "CL") -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in LINTER.lint_source(path, text) if f.code.startswith(prefix)]


# --- repeated-sentence (CL607) -------------------------------------------------------------------------------------

def test_qa_page_asking_each_guest_the_same_question_is_not_a_repeat() -> None:
    guests = "\n\n".join(
        f"{name}, {job}.\n\nWhat inspired you to start a cooking page of your own?\n\n{answer}"
        for name, job, answer in [
            ("Anna", "a baker", "My grandmother baked every Sunday."),
            ("Igor", "a chef", "Travelling in Georgia did."),
            ("Olga", "a student", "Cooking for my flatmates."),
        ]
    )
    assert found("Meet the finalists\n\n" + guests, prefix="CL607") == []


def test_meal_plan_list_items_that_repeat_are_a_pattern() -> None:
    day = "- Eat 60 to 90 minutes before your workout\n- Drink water within 30 minutes after your workout\n"
    text = "# Plan\n\n## Monday\n\n" + day + "\n## Tuesday\n\n" + day + "\n## Wednesday\n\n" + day
    assert found(text, "t.md", "CL607") == []


def test_a_sentence_pasted_twice_in_neighbouring_paragraphs_is_still_found() -> None:
    text = "Report\n\nThe bridge reopened on Monday after repairs. Traffic was light.\n\nThe bridge reopened on Monday after repairs."
    assert found(text, prefix="CL607") == [("CL607", "The bridge reopened on Monday after repairs.")]


# --- echo-ending (CL606) -------------------------------------------------------------------------------------------

def test_list_items_ending_in_e_g_are_no_echo() -> None:
    text = "# Tips\n\n- Pick a light oil for frying, e.g\n- Pick a heavy pan for searing, e.g\n- Keep the heat low, i.e\n"
    assert found(text, "t.md", "CL606") == []


def test_sentences_ending_in_abbreviation_letters_are_no_echo() -> None:
    assert found("Tips\n\nPick a light oil for frying, e.g. Then heat a heavy pan, e.g.", prefix="CL606") == []


# --- template placeholders (CL104) in formula images ---------------------------------------------------------------

def test_formula_alt_text_is_not_prose() -> None:
    md = "# Sets\n\nLet ![{x}](x.svg) be a member of ![{\\displaystyle S^{2}}](s.svg), and ![{1}](one.svg) its index.\n"
    html = '<article><h1>Sets</h1><p>Let <img alt="{x}" src="x.svg"> be in <img alt="{1}" src="1.svg"> here.</p></article>'
    assert found(md, "t.md", "CL1") == []
    assert found(html, "t.html", "CL1") == []


def test_ordinary_alt_text_is_still_prose() -> None:
    doc = LINTER.parse("t.md", "# T\n\n![A crane loads containers at dusk](c.jpg)\n")
    assert [b.scope for b in doc.blocks] == ["title", "alt"]


# --- inline code stands as a neutral token ---------------------------------------------------------------------------

def test_markdown_inline_code_leaves_a_token_not_a_gap() -> None:
    source = "# Guide\n\nIt goes from `a` to `b` to the end, using the methods `x`, `y` and `z` as needed.\n"
    doc = LINTER.parse("t.md", source)
    block = doc.blocks[1]
    t = CODE_TOKEN
    assert block.text == f"It goes from {t} to {t} to the end, using the methods {t}, {t} and {t} as needed."
    first = block.text.index(t)
    assert source[slice(*block.source_span(first, first + 1))] == "`a`"
    assert found(source, "t.md") == []


def test_html_inline_code_leaves_a_token_not_a_gap() -> None:
    source = "<article><h1>Guide</h1><p>It goes from <code>a</code> to <code>b</code> to the end.</p></article>"
    doc = LINTER.parse("t.html", source)
    t = CODE_TOKEN
    assert doc.blocks[1].text == f"It goes from {t} to {t} to the end."
    assert source[slice(*doc.blocks[1].source_span(13, 14))] == "<code>a</code>"
    assert found(source, "t.html") == []


def test_a_fix_next_to_inline_code_keeps_the_code() -> None:
    source = "# Guide\n\nCall `run()` and and wait.\n"
    fixed, _ = LINTER.fix_source("t.md", source)
    assert fixed == "# Guide\n\nCall `run()` and wait.\n"


# --- orphan-label (CL204) ------------------------------------------------------------------------------------------

def test_schedule_labels_speaker_names_and_headings_are_not_orphan_labels() -> None:
    schedule = "Meal Plan\n\nDay One\n\nBreakfast\nOats with berries.\n\nLunch\nLentil soup.\n\nDay Two\n\nBreakfast\nEggs on toast.\n\nLunch\nA salad."
    interview = "Interview\n\nWhat made you start?\n\nAnna Berg\nMy grandmother cooked every day.\n\nWhat next?\n\nAnna Berg\nA book."
    recipes = "Two Soups\n\nIngredients\n\nTwo leeks and a potato.\n\nMethod\n\nSimmer for an hour.\n\nIngredients\n\nOne squash.\n\nMethod\n\nRoast, then blend."
    prices = "Gift Guide\n\nThe kettle boils fast.\n\n$164.99\n\nThe toaster is quiet.\n\n$164.99"
    for text in (schedule, interview, recipes, prices):
        assert found(text, prefix="CL204") == [], text


def test_a_repeated_gallery_label_is_found_at_every_occurrence() -> None:
    text = ("Storm Report\n\nThe river rose overnight.\n\nStorm Damage\nAFP Photo/Ana Ruiz Residents clear mud.\n\n"
            "Aid arrived on Monday.\n\nStorm Damage\n\nThe army sent trucks.")
    assert found(text, prefix="CL204") == [("CL204", "Storm Damage"), ("CL204", "Storm Damage")]


def test_one_line_is_reported_once_by_the_furniture_rules() -> None:
    text = "Storm Report\n\nThe river rose overnight.\n\nVideo\nAFP Photo/Ana Ruiz Residents clear mud.\n\nAid arrived."
    spans = [(f.start, f.end) for f in LINTER.lint_source("t.txt", text) if f.code.startswith("CL2")]
    assert len(spans) == len(set(spans))
    assert ("CL201", "Video") in found(text) and ("CL204", "Video") not in found(text)


# --- furniture elements named by the markup ------------------------------------------------------------------------

PAGE = """<html><body><nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a></nav>
<article class="post tag-politics category-news">
<h1>Harbour Plan Approved</h1>
<div class="ArticlePage-byline"><span class="ArticlePage-authorName">By Ana Ruiz</span>
<time class="timestamp" datetime="2019-11-19">Nov. 19, 2019</time></div>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="entry-content">
<p>The council approved the harbour plan on Monday evening after a long debate about the fishing quay.</p>
<p>The ferry terminal moves north, and the fishing boats keep the old quay, the mayor said.</p>
</div>
<ul class="tags-list"><li><a href="/t/harbour">Harbour</a></li><li><a href="/t/council">Council</a></li></ul>
</article>
<footer class="site-footer">All rights reserved</footer></body></html>"""


# the same share and tag lists set between the story's paragraphs: text left in the draft, not the template
PAGE_MID = PAGE.replace(
    '<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a></div>\n', "").replace(
    "fishing quay.</p>\n", 'fishing quay.</p>\n<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a>'
    '</div>\n<ul class="tags-list"><li><a href="/t/harbour">Harbour</a></li><li><a href="/t/council">Council</a></li>'
    '</ul>\n').replace(
    '</div>\n<ul class="tags-list"><li><a href="/t/harbour">Harbour</a></li><li><a href="/t/council">Council</a></li>'
    '</ul>\n</article>', "</div>\n</article>")


def test_the_article_template_around_the_story_is_left_out_silently() -> None:
    """Share and tag lists, the byline and the date before the first paragraph or after the last are the page's."""
    assert found(PAGE, "t.html", "CL2") == []
    prose = "\n".join(b.text for b in LINTER.parse("t.html", PAGE).blocks)
    assert "Facebook" not in prose and "Council" not in prose and "approved" in prose


def test_story_furniture_elements_are_flagged_once_each() -> None:
    got = found(PAGE_MID, "t.html", "CL2")
    texts = [t for _, t in got]
    assert any(code == "CL205" and "Facebook" in t for code, t in got)
    assert any(code == "CL205" and "Harbour</a></li><li><a href=\"/t/council\">Council" in t for code, t in got)
    assert len(got) == 2, got
    assert not any("Home" in t or "rights" in t or "approved" in t for t in texts)


def test_a_byline_element_is_left_out_of_the_prose_without_a_finding() -> None:
    doc = LINTER.parse("t.html", PAGE_MID)
    assert not any("Ana Ruiz" in b.text or "Nov. 19" in b.text for b in doc.blocks)
    assert [f.role for f in doc.furniture] == ["share", "tags"]  # the byline above the story is its template


def test_a_credit_inside_a_caption_is_its_own_element() -> None:
    page = ('<article><h1>Mill</h1><p>The mill reopened on Monday after ten years, its owners said.</p><figure>'
            '<figcaption>Workers return. <span class="credit">Ana Ruiz/Reuters</span></figcaption></figure></article>')
    doc = LINTER.parse("t.html", page)
    assert [(b.scope, b.text) for b in doc.blocks][-1] == ("caption", "Workers return.")
    assert found(page, "t.html", "CL2") == [("CL206", "Ana Ruiz/Reuters")]


def test_furniture_fix_deletes_the_element_and_keeps_the_story() -> None:
    fixed, _ = LINTER.fix_source("t.html", PAGE_MID, unsafe=True)
    assert "share-tools" not in fixed and "tags-list" not in fixed and "ArticlePage-byline" in fixed
    assert "The council approved the harbour plan" in fixed and "<h1>Harbour Plan Approved</h1>" in fixed
    assert found(fixed, "t.html", "CL2") == []


def test_story_wrapper_with_a_furniture_word_is_still_the_story() -> None:
    page = ('<article><h1>Plan</h1><div class="article-sidebar-layout">'
            '<p>The council approved the harbour plan on Monday evening after a long debate.</p>'
            '<p>The ferry terminal moves north, the mayor said.</p></div></article>')
    assert found(page, "t.html", "CL2") == []
    assert len(LINTER.parse("t.html", page).blocks) == 3


# --- markup leftovers of more publishing systems -------------------------------------------------------------------

def test_markup_of_more_systems_shown_as_text() -> None:
    text = (
        "Harbour Plan\n\n<!-- wp:paragraph -->\nThe council voted 7-2 on Monday.\n<!-- /wp:paragraph -->\n\n"
        '[vc_row][vc_column width="1/2"]The mayor abstained.[/vc_column][/vc_row]\n\n'
        '[et_pb_section fb_built="1"]Work starts in May.\n\n'
        'Read the plan. {{< figure src="quay.jpg" >}} {# editor: add map #} <%= reporter.name %> <?php the_title(); ?>'
    )
    got = found(text, prefix="CL1")
    assert [c for c, _ in got] == ["CL107", "CL107", "CL101", "CL101", "CL101", "CL101", "CL101", "CL101",
                                  "CL107", "CL107", "CL107"], got


def test_double_encoded_entities_mojibake_and_escaped_tags() -> None:
    findings = LINTER.lint_source("t.txt", "The firm said it&amp;#39;s sure. Itâ€™s a cafÃ©. It showed &lt;p&gt;Hi.")
    got = [(f.code, f.text, f.suggestions) for f in findings if f.code.startswith("CL1")]
    assert got == [
        ("CL103", "&amp;#39;", ("'",)),
        ("CL108", "â€™", ("’",)),
        ("CL108", "Ã©", ("é",)),
        ("CL102", "&lt;p&gt;", ()),
    ]


def test_escaped_block_comment_in_an_html_page_is_seen_as_readers_see_it() -> None:
    page = "<article><h1>Plan</h1><p>&lt;!-- wp:paragraph --&gt;The council voted on Monday evening.</p></article>"
    assert found(page, "t.html", "CL1") == [("CL107", "&lt;!-- wp:paragraph --&gt;")]


def test_a_widget_inside_the_article_is_a_component_of_the_story() -> None:
    page = ('<article><h1>Plan</h1><div class="elementor-widget elementor-widget-text-editor"><div class="widget">'
            '<p>The council approved the harbour plan on Monday evening after a long debate.</p></div></div>'
            '<div class="article-widget"><p>The ferry terminal moves north, the mayor said on Tuesday.</p></div>'
            '<p>Work starts in May and ends next spring, officials said.</p></article>')
    assert found(page, "t.html", "CL2") == []
    assert len(LINTER.parse("t.html", page).blocks) == 4


def test_a_sidebar_widget_on_a_page_without_an_article_is_furniture() -> None:
    page = ('<body><div class="content"><h1>Plan</h1><p>The council approved the harbour plan on Monday evening after a '
            'long debate about the quay.</p><p>The ferry terminal moves north, the mayor said on Tuesday.</p></div>'
            '<div class="widget widget_text"><h3>Ayo Donate</h3><p>Bank account 0061947069</p></div></body>')
    assert [c for c, _ in found(page, "t.html", "CL2")] == ["CL205"]


def test_a_run_of_link_lines_after_the_story_is_a_related_list() -> None:
    links = "".join(f'<p><a href="/s/{i}">Another story about the harbour, part {i}</a></p>' for i in range(4))
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>" * 3
    page = (f'<article><h1>Plan</h1>{story}<p>Work starts in May, and <a href="/q">the quay</a> closes in June, '
            f'officials said.</p>{links}</article>')
    got = LINTER.lint_source("t.html", page)
    related = [f for f in got if f.code == "CL205"]
    assert len(related) == 1 and related[0].fix is None
    assert related[0].text.startswith("Another story about the harbour, part 0")
    assert related[0].text.endswith("part 3")
    two = ('<article><h1>Plan</h1><p>The council approved the harbour plan on Monday evening after a long debate.</p>'
           '<p><a href="/a">Read the plan</a></p><p><a href="/b">Read the minutes</a></p></article>')
    assert found(two, "t.html", "CL2") == []


def test_links_between_paragraphs_are_the_story_own_list() -> None:
    deals = "".join(f'<p><a href="/p/{i}">Kettle model {i}</a></p><p><a href="/buy/{i}">Buy Now</a></p>' for i in range(3))
    story = "<p>These are the kettles we liked best this year after testing twenty of them at home.</p>" * 3
    page = f'<article><h1>Kettles</h1>{story}{deals}<p>Prices were checked on Monday, the editors said.</p></article>'
    assert found(page, "t.html", "CL2") == []


def test_a_markdown_page_with_a_pasted_widget_block() -> None:
    text = ('# Plan\n\nThe council approved the harbour plan on Monday.\n\n'
            '<div class="share-bar">\n<a href="#">Facebook</a> <a href="#">Twitter</a>\n</div>\n\n'
            '<div class="note">\nA boxed note the writer added.\n</div>\n\nWork starts in May.\n')
    got = LINTER.lint_source("t.md", text)
    assert [(f.code, f.text) for f in got] == [
        ("CL205", '<div class="share-bar">\n<a href="#">Facebook</a> <a href="#">Twitter</a>\n</div>')]
    fixed, _ = LINTER.fix_source("t.md", text, unsafe=True)
    assert "share-bar" not in fixed and "boxed note" in fixed and "Work starts in May." in fixed


def test_markdown_shown_as_text_is_flagged_only_where_readers_see_it() -> None:
    text = "Plan\n\nThe vote was **close** and [read more](https://example.org/s) later.\n\n## What next\n"
    assert [c for c, _ in found(text, prefix="CL109")] == ["CL109", "CL109", "CL109"]
    md = "# Plan\n\nThe vote was **close** and [read more](https://example.org/s) later.\n\n## What next\n"
    assert found(md, "t.md", "CL1") == []


def test_word_wiki_and_media_slot_leftovers() -> None:
    text = ("Plan\n\nNormal 0 false false false EN-US X-NONE X-NONE\n\nThe vote passed.[citation needed]\n\n"
            "[[Category:Politics]]\n\n[Image: A crane at dusk]\n\n<!-- more -->")
    assert [c for c, _ in found(text, prefix="CL1")] == ["CL107", "CL107", "CL107", "CL104", "CL107"]


def test_a_round_up_of_links_is_the_story() -> None:
    links = "".join(f'<p><a href="/s/{i}">Morning round-up item number {i} about the harbour</a></p>' for i in range(6))
    page = f'<article><h1>Links</h1><p>Here is what we are reading today.</p>{links}</article>'
    assert found(page, "t.html", "CL2") == []


# --- false alarms of the second round: shapes from the scrapinghub tune pages ---------------------------------------

def test_a_quote_attribution_is_not_a_picture_credit() -> None:
    page = ('<article><h1>Papers</h1><p>The paper cut its print run again this year, its owners said.</p>'
            '<div class="Quote"><blockquote>Print is not dead yet.</blockquote><div class="Quote-attribution">'
            'News industry analyst Ann Ruiz</div></div><p>Sales fell by a tenth.</p>'
            '<blockquote><p>We keep going.</p><cite class="credit">The editor</cite></blockquote></article>')
    assert found(page, "t.html", "CL2") == []


def test_a_widget_named_for_the_article_on_a_page_without_one_is_the_story() -> None:
    page = ('<body><div class="sdc-site-layout"><h1>Plan</h1><div class="sdc-article-body">'
            '<p>The council approved the harbour plan on Monday evening after a long debate.</p>'
            '<div class="sdc-article-widget sdc-site-video"><p>Watch: the mayor explains the plan</p></div>'
            '<p>Work starts in May and ends next spring, officials said.</p></div></div></body>')
    assert found(page, "t.html", "CL2") == []


def test_a_widget_box_holding_a_paragraph_of_the_story_is_the_story() -> None:
    story = "<p>The council approved the harbour plan on Monday evening after a debate that ran past midnight.</p>" * 3
    page = ('<body><div class="main"><h1>Plan</h1>' + story +
            '<div class="widget"><p>The ferry terminal moves north by two hundred metres, the mayor said on Tuesday, '
            'and the old quay becomes a park with a market on Saturdays and a playground by the water.</p></div>'
            '<p>Work starts in May and ends next spring, officials said.</p></div></body>')
    assert found(page, "t.html", "CL2") == []


def test_sign_up_steps_in_a_deals_list_are_not_calls_to_action() -> None:
    page = ('<article><h1>Streaming deals</h1><p>Two offers are live this week for new customers.</p><ul>'
            '<li>Sign up for an ad-free streaming account for $11.99 a month</li>'
            '<li>Sign up for the bundle using the same email as your streaming account</li></ul></article>')
    assert found(page, "t.html", "CL2") == []
    assert [c for c, _ in found("Story.\n\nSign up for our newsletter today\n\nMore story.", prefix="CL2")]


def test_an_abbreviation_the_text_uses_as_a_name_is_no_placeholder() -> None:
    text = "Die Krankenkasse stellte die App TK-Safe vor. Weder die TK noch IBM haben Zugriff auf die Daten."
    assert found(text, prefix="CL105") == []
    assert found("The bridge will cost TK million dollars.", prefix="CL105") == [("CL105", "TK")]


# --- furniture named by the page's markup: more of the names real pages use ----------------------------------------

def test_names_that_qualify_a_story_word_or_extend_a_taxonomy_prefix() -> None:
    from copylint.formats.boilerplate import furniture_role

    assert furniture_role("div", 'class="relatedContent alignRight"') == "related"
    assert furniture_role("div", 'class="elementor-author-box__text"') == "byline"
    assert furniture_role("div", 'class="author-bio-box"') == "byline"
    assert furniture_role("a", 'class="category-link"') == "tags"
    assert furniture_role("p", 'class="estimated-read-time"') == "meta"
    assert furniture_role("div", 'class="nrplus-cta"') == "newsletter"
    assert furniture_role("div", 'class="next-post__content"') == "related"
    for story in ('class="entry-content"', 'class="article-body"', 'class="author-jdoe"', 'class="category-news"',
                  'class="sidebar-content"', 'class="post-content"', 'class="next-steps"'):
        assert furniture_role("div", story) in ("", "widget"), story


def test_a_print_only_header_is_not_on_the_screen() -> None:
    page = ('<article><div class="print-header"><span>https://example.com/news/article/plan</span></div>'
            '<h1>Plan</h1><p>The council approved the harbour plan on Monday evening after a long debate.</p></article>')
    assert [b.text for b in LINTER.parse("t.html", page).blocks] == [
        "Plan", "The council approved the harbour plan on Monday evening after a long debate."]


def test_a_related_box_and_an_author_box_inside_the_story() -> None:
    page = ('<article><h1>Plan</h1><p>The council approved the harbour plan on Monday evening after a long debate.</p>'
            '<div class="relatedContent"><p class="title"><a href="/a">Harbour plan explained</a></p>'
            '<p class="dek">What changes for ferries.</p></div><p>Work starts in May, officials said.</p>'
            '<div class="author-bio-box"><p>Ana Ruiz covers the harbour for the paper.</p></div></article>')
    got = LINTER.lint_source("t.html", page)
    assert [f.code for f in got if f.code.startswith("CL2")] == ["CL205"]
    texts = [b.text for b in LINTER.parse("t.html", page).blocks]
    assert "Ana Ruiz covers the harbour for the paper." not in texts and "Work starts in May, officials said." in texts


def test_a_section_label_above_the_headline_is_template_and_a_standfirst_is_not() -> None:
    # in an <article> the label is the template's: out of the prose, no finding
    page = ('<article><header><a class="story-section">Opinion</a><h1>Plan Falls Short</h1></header>'
            '<p>The council approved the harbour plan on Monday evening after a long debate.</p></article>')
    assert found(page, "t.html", "CL2") == []
    assert "Opinion" not in "\n".join(b.text for b in LINTER.parse("t.html", page).blocks)
    assert LINTER.parse("t.html", page).blocks[0].scope == "title"
    first = ('<article><p>A harbour plan that pleases nobody, and why.</p><h1>Plan Falls Short</h1>'
             '<p>The council approved the harbour plan on Monday evening after a long debate.</p></article>')
    assert found(first, "t.html", "CL2") == []
    colon = ('<article><p>IN BRIEF:</p><h1>Plan Falls Short</h1>'
             '<p>The council approved the harbour plan on Monday evening after a long debate.</p></article>')
    assert found(colon, "t.html", "CL205") == []
    assert "IN BRIEF" not in "\n".join(b.text for b in LINTER.parse("t.html", colon).blocks)


def test_closing_credits_counters_and_the_publication_speaking_of_itself() -> None:
    text = ("Harbour Plan\n\nThe council approved the plan on Monday.\n\n"
            "Ana Ruiz contributed reporting from Lima.\n\nWrite to Ana Ruiz at ana.ruiz@example.com\n\n"
            "84.1K\n\nJoin our forums to keep talking about the harbour.")
    assert [c for c, _ in found(text, prefix="CL2")] == ["CL201", "CL201", "CL209", "CL210"]


def test_teaser_links_in_capitals_and_story_cards_nested_in_the_article() -> None:
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>" * 3
    page = (f'<article><h1>Plan</h1>{story}<p><strong><a href="/x">A LONG HISTORY OF HARBOUR FIGHTS</a></strong></p>'
            '<p><a href="/r">CLICK FOR THE FULL PLAN</a></p><p>Work starts in May, officials said.</p>'
            '<article class="post-7"><p>Another post about ferries, with its own teaser text.</p></article></article>')
    got = [(f.code, f.text) for f in LINTER.lint_source("t.html", page) if f.code == "CL205"]
    assert got == [("CL205", "A LONG HISTORY OF HARBOUR FIGHTS"),
                   ("CL205", "Another post about ferries, with its own teaser text.")]
    fixed, _ = LINTER.fix_source("t.html", page, unsafe=True)
    assert "Another post about ferries" not in fixed and "</article></article>" not in fixed
    assert "Work starts in May" in fixed and fixed.endswith("</article>")


def test_a_long_teaser_in_capitals_with_a_lower_case_plural_is_related() -> None:
    """A headline of another story in capitals may run past a list item's length and keep a plural's lower case
    ('… AT THE AMAs …'); a linked sentence in ordinary case between paragraphs stays the story's."""
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>" * 3
    teaser = "HARBOUR BOSS CLEARED TO REOPEN QUAY AT THE AGMs AMID FEUD WITH FERRY FIRM, TWO UNIONS: REPORT"
    page = (f'<article><h1>Plan</h1>{story}<p><a href="/x">{teaser}</a></p>{story}'
            '<p><a href="/y">Read the council minutes of the harbour meeting held on Monday evening in full</a></p>'
            f'{story}</article>')
    assert found(page, "t.html", "CL205") == [("CL205", teaser)]


def test_links_glued_side_by_side_are_a_strip_and_a_link_beside_its_picture_is_not() -> None:
    """Links with no space or word between them show a strip of buttons or tags ('EmailTwitterPosts'); a shop link
    followed by a linked picture (a deals post) is the story's own line."""
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>" * 3
    page = (f'<article><h1>Plan</h1>{story}<p><a href="/e">Email</a><a href="/t">Twitter</a><a href="/p">Posts</a>'
            f'</p>{story}<p><a href="https://shop.example/x">https://shop.example/x<br></a><a href="/big.jpg">'
            f'<img src="/small.jpg" alt=""></a></p>{story}</article>')
    assert found(page, "t.html", "CL205") == [("CL205", 'Email</a><a href="/t">Twitter</a><a href="/p">Posts')]


def test_a_story_article_inside_a_main_is_never_a_card() -> None:
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>"
    page = (f'<main><article><h1>Plan</h1>{story}</article><article><p>Ferries run late.</p></article>'
            f'<div>{story * 4}</div></main>')
    assert found(page, "t.html", "CL205") == []


def test_a_list_of_headline_links_between_paragraphs_is_related_and_a_deals_list_is_not() -> None:
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>" * 3
    related = ('<ul><li><a href="/a">Ferry strike ends after two weeks</a></li>'
               '<li><a href="/b">Harbour museum reopens its doors</a></li></ul>')
    teasers = '<h4><a href="/c">Ferry fares to rise in spring</a></h4><h4><a href="/d">New quay lights switched on</a></h4>'
    deals = ('<ul><li><a href="/p">Get it on Amazon for $139</a></li>'
             '<li><a href="/q">Kettle with free case at the store for $19.99</a></li></ul>')
    page = f'<article><h1>Plan</h1>{story}{related}<p>Work starts in May.</p>{teasers}<p>It ends in June.</p>{deals}<p>Done.</p></article>'
    got = [f.text for f in LINTER.lint_source("t.html", page) if f.code == "CL205"]
    assert got == ["Ferry strike ends after two weeks</a></li><li><a href=\"/b\">Harbour museum reopens its doors",
                   "Ferry fares to rise in spring</a></h4><h4><a href=\"/d\">New quay lights switched on"]


def test_a_list_after_a_label_announcing_other_stories_is_related() -> None:
    story = "<p>The council approved the harbour plan on Monday evening after a long debate about the quay.</p>" * 3
    items = ('<ul><li>👁 A safer quay; plus, <a href="/a">the latest on the harbour</a></li>'
             '<li>🚢 Torn between ferries? <a href="/b">Check out our guide</a></li></ul>')
    steps = '<ul><li>Bring <a href="/id">your ID</a></li><li>Pay at the desk</li></ul>'
    page = (f'<article><h1>Plan</h1>{story}<h3>More Great Harbour Stories</h3>{items}<p>How to register:</p>{steps}'
            '</article>')
    got = [(f.code, f.text[:18]) for f in LINTER.lint_source("t.html", page) if f.code.startswith("CL2")]
    assert got == [("CL201", "More Great Harbour"), ("CL205", "👁 A safer quay; pl")]


def test_alt_text_that_repeats_its_caption_is_checked_once() -> None:
    page = ('<article><h1>Plan</h1><p>The council approved the harbour plan on Monday evening.</p>'
            '<figure><img src="q.jpg" alt="The old quay at dusk"><figcaption>The old quay at dusk</figcaption></figure>'
            '<img src="r.jpg" alt="Ferries waiting to berth"><img src="s.jpg" alt="Ferries waiting to berth"></article>')
    scopes = [(b.scope, b.text) for b in LINTER.parse("t.html", page).blocks]
    assert ("caption", "The old quay at dusk") in scopes and ("alt", "The old quay at dusk") not in scopes
    assert scopes.count(("alt", "Ferries waiting to berth")) == 1


def test_form_messages_link_lines_sent_here_and_view_all_counts() -> None:
    text = ("Harbour Plan\n\nThe council approved the plan on Monday.\n\nRelated post: Harbour fees rise\n\n"
            "You have been successfully subscribed!\n\n"
            "Loading, please wait\n\nRead the full report here.\n\nView all (23)")
    assert [c for c, _ in found(text, prefix="CL2")] == ["CL201", "CL201", "CL201", "CL210", "CL209"]


# --- picture groups (CL206 figure) ----------------------------------------------------------------------------------

_STORY = "<p>The mill reopened on Monday after ten years, its owners said, and orders are up.</p>"


def test_a_caption_named_by_its_class_is_page_structure_and_leaves_the_prose() -> None:
    article = (f'<article><h1>Mill</h1>{_STORY}<div class="Figure"><img src="m.jpg" alt="The mill at dawn">'
               '<div class="Figure-caption">Workers return to the mill.</div></div>' + _STORY + '</article>')
    page = '<script>var ads = [];</script>' + article
    doc = LINTER.parse("t.html", page)
    assert not any("Workers return" in b.text or "at dawn" in b.text for b in doc.blocks)
    assert found(page, "t.html", "CL206") == []
    # the same article in a file of its own (no page around it): the caption is the author's copy, checked as prose
    assert ("caption", "Workers return to the mill.") in [(b.scope, b.text) for b in LINTER.parse("t.html", article).blocks]
    assert found(article, "t.html", "CL206") == []


def test_a_video_card_with_a_title_and_description_is_not_a_picture_group() -> None:
    page = (f'<nav><a href="/">Home</a></nav><article><h1>Mill</h1>{_STORY}'
            '<div class="video-card"><img src="v.jpg" alt="Mill video">'
            '<div class="caption"><h4 class="title"><a href="/v/1">Inside the reopened mill</a></h4>'
            '<p>Workers walk through the mill on its first day back.</p></div></div>' + _STORY + '</article>')
    assert found(page, "t.html", "CL206") == []


def test_a_caption_of_a_video_player_is_not_a_picture_group() -> None:
    page = (f'<nav><a href="/">Home</a></nav><article><h1>Mill</h1>{_STORY}'
            '<figure class="embedded-video-player"><img src="v.jpg">'
            '<figcaption>The mill on its first day back.</figcaption></figure>' + _STORY + '</article>')
    assert found(page, "t.html", "CL206") == []


# --- notes the story carries on purpose -----------------------------------------------------------------------------

def test_a_syndication_note_and_a_click_here_sentence_are_the_story_s() -> None:
    text = ("Mill Reopens\n\nThe mill reopened on Monday after ten years.\n\n"
            "Click here to get more information or download the report.\n\n"
            "This article was originally published by The Valley Times. Read the original article.\n\n"
            "Originally published on Valley Science.")
    assert found(text, prefix="CL2") == []
    assert found("Mill Reopens\n\nThe mill reopened.\n\nCLICK HERE TO GET THE VALLEY NEWS APP", prefix="CL2") == [
        ("CL210", "CLICK HERE TO GET THE VALLEY NEWS APP")]


# --- cards of other stories after the story ------------------------------------------------------------------------

_BODY = "<p>" + "The mill reopened on Monday after ten years, its owners said, and orders are up again. " * 2 + "</p>"


def test_cards_with_a_repeated_label_after_the_story_are_one_related_item() -> None:
    cards = "".join(f"<p>MILL NEWS</p><p>{title}</p><p>Ana Ruiz</p>" for title in (
        "Second mill to open next spring in the valley", "Workers vote on the new shift pattern",
        "Flour prices rise for the third month"))
    page = f"<article><h1>Mill</h1>{_BODY * 3}{cards}</article>"
    items = [f.role for f in LINTER.parse("t.html", page).furniture]
    assert items == ["related"]
    assert not any("Ana Ruiz" in b.text for b in LINTER.parse("t.html", page).blocks)


def test_a_story_ending_in_its_own_results_list_keeps_it() -> None:
    results = "".join(f"<li>{r}</li>" for r in ("Win", "Loss against the Hawks at home", "Win",
                                                   "Win over the Rams after extra time", "Draw in the cup replay"))
    page = f"<article><h1>Season</h1>{_BODY * 3}<p>The season so far:</p><ul>{results}</ul></article>"
    assert LINTER.parse("t.html", page).furniture == ()


def test_a_credit_line_in_a_figure_caption_is_page_structure() -> None:
    page = (f'<script>var ads = [];</script><article><h1>Mill</h1>{_STORY}<figure><img src="m.jpg" alt="The mill">'
            '<figcaption><p>Workers return to the mill.</p><p>Photo by Ana Ruiz/Reuters</p></figcaption></figure>'
            + _STORY + '</article>')
    assert found(page, "t.html", "CL2") == []
    # the same credit typed as a paragraph of the story is still reported
    pasted = page.replace("<figure>", "<p>Photo by Ana Ruiz/Reuters</p><figure>")
    assert found(pasted, "t.html", "CL2") == [("CL202", "Photo by Ana Ruiz/Reuters")]


def test_many_credited_captions_read_the_page_lines_once(monkeypatch) -> None:
    from copylint.kinds import element

    calls: list[int] = []
    real = element._prose_lines
    monkeypatch.setattr(element, "_prose_lines", lambda doc: calls.append(1) or real(doc))
    figure = ('<figure><img src="m.jpg" alt="The mill"><figcaption><p>Workers return to the mill.</p>'
              '<p>Photo by Ana Ruiz/Reuters</p></figcaption></figure>')
    page = f'<script>var ads = [];</script><article><h1>Mill</h1>{_STORY}{figure * 40}{_STORY}</article>'
    found_ = [f.code for f in LINTER.lint_source("t.html", page)]
    assert found_.count("CL206") == 0 and found_.count("CL202") == 0  # pictures are the page's structure
    assert len(calls) <= 1  # once per document at most, not once per picture (quadratic on long pages)


# --- gold article text that the furniture detectors took for the page's (issue 13, tune split shapes) ---------------

def test_a_picture_labelled_only_by_a_name_is_not_a_picture_group() -> None:
    # a caption of a few words with no sentence (a person, a film title) is words the story uses in its own lines
    page = (f'<script>var ads = [];</script><article><h1>Mill</h1>{_STORY}<figure><img src="m.jpg">'
            '<figcaption>Ana Ruiz</figcaption></figure>' + _STORY + '<h2>Ana Ruiz</h2>' + _STORY + '</article>')
    assert found(page, "t.html", "CL206") == []
    captioned = page.replace("<figcaption>Ana Ruiz", "<figcaption>Ana Ruiz at the mill on Monday.")
    assert found(captioned, "t.html", "CL206") == []  # a picture group is the page's structure, never reported


def test_an_affiliate_disclosure_named_ad_disclaimer_stays_in_the_story() -> None:
    # a disclosure the publication must print with the story is not an ad to delete
    page = (f'<nav><a href="/">Home</a></nav><article><h1>Mill</h1>{_STORY}{_STORY}'
            '<div class="ad-disclaimer-container"><p class="disclaimer-affiliate"><em>We earn a commission on '
            'purchases made through links on this page.</em> <a href="/about">More.</a></p></div></article>')
    assert found(page, "t.html", "CL2") == []
    ad = page.replace("ad-disclaimer-container", "ad-container")
    assert [code for code, _ in found(ad, "t.html", "CL2")] == ["CL205"]


def test_an_exhibition_s_dates_closing_the_story_are_not_a_timestamp() -> None:
    # the info block an exhibition review ends with: artist, venue, address, dates, opening hours
    info = "".join(f"<p>{line}</p>" for line in (
        "Ana Ruiz", "Harbour Hall", "Quay Street 15, Valletta", "Tuesday 17 April – Sunday 22 April 2018",
        "9.30 A.M. / 7.00 P.M."))
    page = f'<nav><a href="/">Home</a></nav><article><h1>Lights</h1>{_STORY}{_STORY}{info}</article>'
    assert found(page, "t.html", "CL2") == []
    stamped = page.replace("Tuesday 17 April – Sunday 22 April 2018", "Posted Tuesday 17 April 2018 at 9:24 pm")
    assert [code for code, _ in found(stamped, "t.html", "CL2")] == ["CL208"]


def test_a_credit_element_inside_a_figure_goes_with_the_picture() -> None:
    # a promo picture after the story: a figcaption of paragraphs (not a picture group) and the credit in its own div
    figure = ('<figure><img src="m.jpg" alt="Magazine cover"><figcaption><p><a href="/sub">Subscribe to our sister '
              'magazine</a> for the latest news from the harbour!</p></figcaption>'
              '<div class="credit">(Image credit: Harbour Monthly)</div></figure>')
    page = f'<nav><a href="/">Home</a></nav><article><h1>Mill</h1>{_STORY}{_STORY}{figure}</article>'
    assert [c for c, _ in found(page, "t.html", "CL206")] == []
    # the same credit element standing between the story's paragraphs, outside any figure, is still reported
    loose = f'<nav><a href="/">Home</a></nav><article><h1>Mill</h1>{_STORY}<div class="credit">(Image credit: Harbour Monthly)</div>{_STORY}</article>'
    assert [c for c, _ in found(loose, "t.html", "CL206")] == ["CL206"]


# --- boilerplate classes that whole articles carried unflagged (issue 13, second goal) --------------------------------

def test_teasers_navigation_gallery_links_and_tweet_prompts_in_an_article() -> None:
    lines = [
        ("Read also: Ferry fares to rise in spring as fuel costs climb", "CL201"),
        ("You might also like: Storm shuts coast road · Mayor backs ferry · Fish market moves", "CL201"),
        ("MOST VIEWED THIS WEEK", "CL201"),
        ("Previous article: Ferry operator posts record loss", "CL201"),
        ("« Previous Post Next Post »", "CL201"),
        ("Click here to see the full gallery", "CL201"),
        ("Tweet this: Dockers back harbour plan", "CL201"),
        ("(Courtesy photo)", "CL203"),
    ]
    story = "The council approved the harbour plan on Monday after a debate that lasted nine hours."
    text = "Harbour Plan Approved\n\n" + "\n\n".join(f"{story}\n\n{line}" for line, _ in lines) + f"\n\n{story}"
    assert [(c, t) for c, t in found(text, prefix="CL2")] == [(code, line) for line, code in lines]


def test_teasers_inside_html_and_markdown_paragraphs() -> None:
    page = (f'<nav><a href="/">Home</a></nav><article><h1>Mill</h1>{_STORY}'
            '<p><strong>Read also:</strong> <a href="/b">Ferry fares to rise in spring</a></p>'
            '<p>The mill reopened on Monday, its owners said. <em>(Photo courtesy: Mill Trust)</em></p>'
            f'{_STORY}</article>')
    assert [c for c, _ in found(page, "t.html", "CL2")] == ["CL201", "CL203"]
    md = ("# Mill\n\nThe mill reopened on Monday after ten years, its owners said. "
          "Read also: [Ferry fares to rise](https://example.com/b)\n\nWorkers returned on Tuesday.\n")
    assert [c for c, _ in found(md, "t.md", "CL2")] == ["CL214"]


def test_story_prose_that_names_the_same_words_is_not_furniture() -> None:
    text = ("Harbour Plan\n\nNext year the council will read the previous article of the charter again.\n\n"
            "Click here, the old help page said, and nothing happened.\n\n"
            "The goal came courtesy of a late header, and fans asked him to tweet this photo of it.\n\n"
            "Most read the report before the vote; few liked it.")
    assert found(text, prefix="CL2") == []
