"""Compass words: parse "north-western", "far east", "centre"; judge them against a position; name a position."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .gazetteer import Position

# The tolerance band. A place contradicts "northern" when it lies in the southern 40% of its country (or
# division) both by extent and by share of places, so the middle fifth is never judged; a two-axis word
# ("north-western") is judged on each axis by the stricter OPPOSITE (the southern 30%); "central" only when
# the place sits at an edge (the outer 12% of either axis by both measures).
AGAINST = 0.4
OPPOSITE = 0.3
EDGE = 0.12


@dataclass(frozen=True, slots=True)
class Direction:
    ns: str  # "north", "south" or ""
    ew: str  # "east", "west" or ""
    central: bool = False


def parse(word: str) -> Direction | None:
    """'north-western' -> (north, west); 'central'/'centre'/'heart' -> central; None if not a compass word."""
    w = word.casefold().replace("far ", "").replace("far-", "").replace("extreme ", "").replace("deep ", "").replace("-", "")
    w = w.replace(" ", "")
    if w.endswith("central") and w != "central":
        return None  # "east-central", "north-central": a band this check does not judge
    if w in ("central", "centre", "center", "heart", "midwestern"):
        return Direction("", "", True) if w != "midwestern" else None
    w = w.removesuffix("most").removesuffix("ern")
    ns = "north" if w.startswith("north") else "south" if w.startswith("south") else ""
    rest = w[len(ns):]
    ew = rest if rest in ("east", "west") else ""
    if not (ns or ew) or ns + ew != w:
        return None
    return Direction(ns, ew)


def opposite(direction: Direction) -> Direction:
    """'south-west' for 'north-east'; 'central' stays."""
    flip = {"north": "south", "south": "north", "east": "west", "west": "east", "": ""}
    return Direction(flip[direction.ns], flip[direction.ew], direction.central)


def contradicts(direction: Direction, pos: Position) -> bool:
    """True only when the place lies clearly in the opposite part (by extent AND by share of cities)."""
    def low(value: float, share: float, limit: float) -> bool:
        return value < limit and share < limit

    def high(value: float, share: float, limit: float) -> bool:
        return value > 1 - limit and share > 1 - limit

    if direction.central:
        return (low(pos.lat, pos.lat_share, EDGE) or high(pos.lat, pos.lat_share, EDGE)
                or low(pos.lon, pos.lon_share, EDGE) or high(pos.lon, pos.lon_share, EDGE))
    limit = OPPOSITE if direction.ns and direction.ew else AGAINST
    checks = []
    if direction.ns == "north":
        checks.append(low(pos.lat, pos.lat_share, limit))
    elif direction.ns == "south":
        checks.append(high(pos.lat, pos.lat_share, limit))
    if direction.ew == "east":
        checks.append(low(pos.lon, pos.lon_share, limit))
    elif direction.ew == "west":
        checks.append(high(pos.lon, pos.lon_share, limit))
    return any(checks)


def locate(g, place, area: str):
    """Where a place lies within a country ('FR') or division ('US.TX'): by the spread of the area's towns of
    1,000+ people when known, else by the gazetteer's towns of 15,000+."""
    from .regions import spread_of

    found = spread_of(place.lat, place.lon, area)
    if found is None and "." not in area:
        found = g.position(place.lat, place.lon, area)
    return found


def across(g, place, code: str):
    """Where a place lies across its country at its own latitude (east-west) and longitude (north-south): among
    the 1-degree cells holding the country's towns within a degree of it ('on India's west coast' is judged
    where India is at Chennai's latitude, not by India's whole width). None where the band is under 3 degrees
    across."""
    from .gazetteer import Position

    cells = g.cells(code)
    row = _stretch([lon for lat, lon in cells if abs(lat - math.floor(place.lat)) <= 1], math.floor(place.lon))
    column = _stretch([lat for lat, lon in cells if abs(lon - math.floor(place.lon)) <= 1], math.floor(place.lat))
    if row is None or column is None:
        return None
    (w, e), (s, n) = row, column
    lon = (place.lon - w) / (e - w) if e - w >= 3 else 0.5
    lat = (place.lat - s) / (n - s) if n - s >= 3 else 0.5
    return Position(lat=lat, lon=lon, lat_share=lat, lon_share=lon)


def _stretch(values: list[int], at: int) -> tuple[int, int] | None:
    """The run of cells holding `at` (a gap of one empty cell bridged), as (first, last + 1): the main land
    the place is on, not islands offshore (the Andamans off India's east coast)."""
    cells = sorted(set(values))
    if at not in cells:
        return None
    i = j = cells.index(at)
    while i > 0 and cells[i] - cells[i - 1] <= 2:
        i -= 1
    while j < len(cells) - 1 and cells[j + 1] - cells[j] <= 2:
        j += 1
    return cells[i], cells[j] + 1


def point_name(direction: Direction) -> str:
    """The compass point of a direction ('north-east'); 'central' has none."""
    if direction.ns and direction.ew:
        return f"{direction.ns}-{direction.ew}"
    return direction.ns or direction.ew


def describe(pos: Position) -> Direction:
    """The direction a position reads as: beyond 60% of the extent on an axis counts; else central."""
    ns = "north" if pos.lat > 0.6 else "south" if pos.lat < 0.4 else ""
    ew = "east" if pos.lon > 0.6 else "west" if pos.lon < 0.4 else ""
    return Direction(ns, ew, not (ns or ew))


def along(claimed: Direction, pos: Position) -> Direction:
    """The true direction on the axes the copy used ('southern' -> 'northern', not 'north-western')."""
    real = describe(pos)
    if claimed.central:
        return real
    ns = real.ns if claimed.ns else ""
    ew = real.ew if claimed.ew else ""
    return Direction(ns, ew) if ns or ew else real


def word_for(direction: Direction, like: str, hyphen: bool) -> str:
    """Spell a direction in the form of `like`: adjective ('north-eastern') or noun ('north-east', 'centre')."""
    adjective = like.casefold().endswith(("ern", "central"))
    if direction.central:
        word = "central" if adjective else ("center" if "center" in like.casefold() else "centre")
    else:
        sep = "-" if hyphen and direction.ns and direction.ew else ""
        word = direction.ns + sep + direction.ew
        if adjective:
            word += "ern"
    return word[0].upper() + word[1:] if like[:1].isupper() else word


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Initial bearing in degrees (0 = north, 90 = east) from point a to point b."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    x = math.sin(lon2 - lon1) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(x, y)) % 360


POINTS = {"north": 0, "north-east": 45, "east": 90, "south-east": 135, "south": 180, "south-west": 225,
          "west": 270, "north-west": 315}


def point_of(bearing_deg: float, cardinal: bool = False) -> str:
    """The nearest of the eight compass points (of the four cardinal ones when `cardinal`)."""
    points = [p for p in POINTS if not cardinal or "-" not in p]
    return min(points, key=lambda p: angle_between(POINTS[p], bearing_deg))


def angle_between(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
