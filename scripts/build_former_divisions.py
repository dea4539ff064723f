"""Build copylint/data/regions_former.json: first-level divisions that were merged away (France's 22 regions of
before 2016, now 13), each mapped to the division that holds it now, and the current name of a GeoNames division
whose own name is a former one ('Nord-Pas-de-Calais' is now 'Hauts-de-France').

Sources (build time only; copylint never downloads anything):
  * pycountry 16.11.27.1 (PyPI, LGPL; ISO 3166-2 as of November 2016, before the French regions' change reached
    it): the old first-level divisions and their second-level children. Fetched with `pip download` when --old
    is not given.
  * pycountry as installed (ISO 3166-2 now): the current first-level divisions and the same children.
  * copylint/data/regions.json (GeoNames admin1 codes and names, see build_regions.py).

A former division maps to the current one that holds ALL its children (a department, a county); a division whose
children were split, or whose code and name still stand, is left out. The current division is tied to a GeoNames
admin1 code when its name, or the name of one of the former divisions it holds, names exactly one GeoNames
division of the country. Usage: python scripts/build_former_divisions.py [--old pycountry-16.11.27.1.tar.gz]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

from _data_table import write_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from copylint.data.names import name_key  # noqa: E402
from copylint.data import regions  # noqa: E402

OLD_VERSION = "16.11.27.1"


def _old_rows(archive: str | None) -> list[dict]:
    def read(path: Path) -> list[dict]:
        with tarfile.open(path) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("databases/iso3166-2.json"))
            return json.load(tar.extractfile(member))["3166-2"]

    if archive:
        return read(Path(archive))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        f"pycountry=={OLD_VERSION}", "-d", tmp], check=True, capture_output=True)
        return read(next(Path(tmp).glob("pycountry-*.tar.gz")))


def _tops(rows: list[tuple[str, str, str | None]]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(top-level code -> name, top-level code -> codes of every subdivision below it) of one ISO 3166-2 edition;
    rows are (code, name, parent code)."""
    parent = {code: up for code, _, up in rows}
    names = {code: name for code, name, _ in rows}
    tops = {code: name for code, name, up in rows if not up}
    below: dict[str, set[str]] = defaultdict(set)
    for code, _, up in rows:
        seen = {code}
        while up and up in parent and up not in seen:
            seen.add(up)
            if not parent[up]:
                below[up].add(code)
                break
            up = parent[up]
    return {c: names[c] for c in tops}, below


def _plain(name: str) -> str:
    """An ISO name as copy writes it: no note in brackets ('(EH-partial)'), straight apostrophes."""
    return name.split(" (")[0].replace("’", "'")


def build(archive: str | None) -> dict:
    import pycountry

    old = []
    for row in _old_rows(archive):
        cc = row["code"].split("-")[0]
        up = row.get("parent")
        old.append((row["code"], row["name"], f"{cc}-{up}" if up else None))
    new = [(s.code, s.name, s.parent_code) for s in pycountry.subdivisions]
    old_tops, old_below = _tops(old)
    new_tops, new_below = _tops(new)
    former: dict[str, dict] = {}
    current: dict[str, str] = {}
    for code, name in sorted(old_tops.items()):
        children = old_below.get(code)
        if not children or name_key(new_tops.get(code, "")) == name_key(name):
            continue  # no children to follow, or still a division of that name
        holders = [top for top, below in new_below.items() if children <= below]
        if len(holders) != 1 or holders[0] == code or name_key(new_tops[holders[0]]) == name_key(name):
            continue  # split, or the same division under a new code
        now = holders[0]
        cc = now.split("-")[0]
        held = [n for c, n in old_tops.items() if c.split("-")[0] == cc and old_below.get(c, set()) <= new_below[now]
                and old_below.get(c)]
        geonames = {d for n in (new_tops[now], *held) for d in regions.divisions_named(n) if d.startswith(cc + ".")}
        if len(geonames) != 1:
            continue
        division = geonames.pop()
        former[name] = {"now": division, "now_name": _plain(new_tops[now]), "iso": code}
    gone = {name_key(n) for n in former}
    for name, entry in former.items():
        if name_key(regions.division_name(entry["now"])) in gone:
            current[entry["now"]] = entry["now_name"]  # GeoNames' own name for it is a former one
    import pycountry as current_pycountry

    return {
        "source": f"pycountry {OLD_VERSION} (ISO 3166-2, November 2016) and pycountry "
                  f"{current_pycountry.__version__} (ISO 3166-2 now); GeoNames admin1 codes from regions.json",
        "licence": "ISO 3166-2 names via pycountry (LGPL); GeoNames data, CC BY 4.0 (https://www.geonames.org/)",
        "former": former,
        "current": current,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", help="a downloaded pycountry-16.11.27.1.tar.gz")
    ap.add_argument("--out", default=str(ROOT / "copylint" / "data" / "regions_former.json"))
    args = ap.parse_args()
    table = build(args.old)
    write_table(table, args.out)
    print(f"{len(table['former'])} former divisions, {len(table['current'])} current names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
