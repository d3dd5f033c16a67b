"""The map of a campaign's activities: the region's countries drawn on the server, shaded by their count.

The outlines come from ``mapdata/region.json`` (made by ``mapdata/build_map.py`` from @svg-maps/world,
CC BY 4.0, see ``mapdata/PROVENANCE.md``): nothing is loaded from another host, no script runs. Shades
are classes (``map__country--1`` … ``--4``), never style attributes (the Content Security Policy forbids
them); a country with activities is a link to the list filtered by it, with a ``<title>`` for hover and
screen readers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from solidarity.core.models import Country

DATA = Path(__file__).with_name("mapdata") / "region.json"
# The shade of a country: the first bucket whose upper bound its count does not pass.
BUCKETS = (1, 3, 10)  # 1 · 2–3 · 4–10 · more than 10


@cache
def region() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def shade(count: int) -> int:
    """0 for none, then 1 to 4 as the count grows."""
    if count <= 0:
        return 0
    for level, bound in enumerate(BUCKETS, start=1):
        if count <= bound:
            return level
    return len(BUCKETS) + 1


@dataclass(frozen=True)
class MapCountry:
    code: str
    path: str
    count: int
    shade: int
    name: str


def countries(counts: dict[str, int]) -> list[MapCountry]:
    """Every country of the map with its count of activities (those with activities drawn last, on top)."""
    shapes = region()["countries"]
    drawn = [
        MapCountry(code, path, counts.get(code, 0), shade(counts.get(code, 0)), Country(code=code).name)
        for code, path in shapes.items()
    ]
    return sorted(drawn, key=lambda country: (country.count > 0, country.code))


def size() -> tuple[float, float]:
    data = region()
    return data["width"], data["height"]


def legend() -> list[tuple[int, str]]:
    """The shades and the counts they stand for."""
    rows = [(1, "1")]
    low = BUCKETS[0] + 1
    for level, bound in enumerate(BUCKETS[1:], start=2):
        rows.append((level, f"{low}–{bound}"))
        low = bound + 1
    rows.append((len(BUCKETS) + 1, f"{BUCKETS[-1] + 1}+"))
    return rows
