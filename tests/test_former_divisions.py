"""Divisions merged away (France's regions of before 2016) and the current names of those GeoNames keeps old."""
from __future__ import annotations

import pytest

from copylint.api import Linter
from copylint.data import regions


def test_former_regions_map_to_the_region_holding_them() -> None:
    assert regions.former_homes("Alsace") == regions.former_homes("the Lorraine region") or \
        regions.former_homes("Alsace") == regions.divisions_named("Grand Est")
    assert regions.former_homes("Limousin") == regions.divisions_named("Nouvelle-Aquitaine")
    assert regions.former_homes("Brittany") == ()  # still a region


def test_current_names_are_shown() -> None:
    (code,) = regions.divisions_named("Hauts-de-France")
    assert regions.division_name(code) == "Hauts-de-France"


@pytest.mark.parametrize("text, flagged", [
    ("Lille, in the Alsace region, voted.", True),
    ("Toulouse, in Limousin, voted.", True),
    ("Strasbourg, in the Nouvelle-Aquitaine region, voted.", True),
    ("Strasbourg, in Alsace, voted.", False),
    ("Bordeaux, in the Nouvelle-Aquitaine region, voted.", False),
    ("Limoges, in Limousin, voted.", False),
    ("Reims, in Champagne-Ardenne, voted.", False),
])
def test_places_in_former_regions(text: str, flagged: bool) -> None:
    found = [f for f in Linter(languagetool=False).lint_source("x.txt", text + "\n") if f.code == "CL301"]
    assert bool(found) == flagged
