"""Markup and furniture families on articles other than the seed: what is flagged, what is not, and the fixes."""
from __future__ import annotations

import pytest

from copylint.api import Linter

LINTER = Linter(select=["CL1", "CL2"], languagetool=False)


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in LINTER.lint_source("t.txt", text)]


ARTICLE = """Floods Cut Off Villages in Northern Italy

ROME — Rescuers reached villages cut off by floods on Tuesday, officials said.

Share this article
Flood Damage

ANSA Photo/Marco Rossi Residents clear mud from a street in Faenza, May 18, 2023.

The civil protection agency said 13 people had died.

Sign up for our newsletter

Read more: Italy’s wettest spring in a century

Advertisement
"""


def test_generic_article_furniture_found() -> None:
    found = codes(ARTICLE)
    assert ("CL201", "Share this article") in found
    assert ("CL204", "Flood Damage") in found
    assert any(c == "CL202" and t.startswith("ANSA Photo/Marco Rossi") for c, t in found)
    assert ("CL201", "Sign up for our newsletter") in found
    assert ("CL201", "Read more: Italy’s wettest spring in a century") in found
    assert ("CL201", "Advertisement") in found
    assert not any("Floods Cut Off" in t for _, t in found), "the headline is never furniture"


def test_fix_removes_furniture_and_keeps_prose() -> None:
    fixed, remaining = LINTER.fix_source("t.txt", ARTICLE, unsafe=True)
    assert remaining == []
    assert fixed == ("Floods Cut Off Villages in Northern Italy\n\nROME — Rescuers reached villages cut off by floods on "
                     "Tuesday, officials said.\n\nThe civil protection agency said 13 people had died.\n")


@pytest.mark.parametrize("text", [
    "Election Results\n\nThe count finished at midnight.\n\nWhat Happens Next\n\nThe council meets on Monday.",
    "He said the advertisement was misleading and asked readers to share this article with friends.",
    "Related: the two cases were heard together.",  # prose after a colon is a sentence, but short prefix lines are furniture
    "The photo: a man on a bridge, taken in 1962, became famous.",
    "Sales of [high-definition] sets rose [sic] in [the] spring.",
    "Prices rose 5% (Reuters/Ipsos poll).",
])
def test_not_furniture(text) -> None:
    found = [c for c in codes(text) if c[0] != "CL201" or not text.startswith("Related:")]
    assert found == []


def test_shortcodes_of_any_vendor() -> None:
    for tag in ['[gallery ids="12,13"]', "[/caption]", '[cms_block id="x"]', "[related-posts]", "{% include promo.html %}"]:
        assert codes(f"The vote passed.\n{tag}\nIt was close.")[0] == ("CL101", tag), tag


def test_wrong_way_quote_in_attribute() -> None:
    found = codes('Copy from the CMS: [player src=”clip.mp4”] ended the story.')
    assert ("CL106", "”") in found and any(c == "CL101" for c, _ in found)
