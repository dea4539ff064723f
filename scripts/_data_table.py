"""Write a built data table as compact UTF-8 JSON, the form every shipped table in copylint/data takes."""
from __future__ import annotations

import json


def write_table(table: dict, out: str) -> None:
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(table, handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")
