"""Make ``region.json`` (the map of the campaign page) from ``@svg-maps/world`` 2.0.0 (CC BY 4.0).

Run once, by hand, when the source changes: ``npm pack @svg-maps/world@2.0.0`` in /tmp, unpack it, then
``python solidarity/campaigns/mapdata/build_map.py /tmp/package/index.js``. It keeps the parts of each
country that fall in the OSCE region's frame (Europe, the Caucasus, Central Asia), turns the relative
path data into absolute points rounded to a tenth of a unit, and drops points nearer than ``STEP`` to the last
one kept and islands smaller than ``SMALLEST`` (the map shows where activities are, not coastlines).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# The frame, in the source's units (its viewBox is 0 0 1010 666): Iceland to Kyrgyzstan, Norway's north
# to Cyprus.
FRAME = (400.0, 170.0, 735.0, 390.0)
STEP = 1.0  # about 3 pixels on a wide screen
SMALLEST = 1.5
TOKEN = re.compile(r"[mMzZ]|-?[\d.]+(?:e-?\d+)?")


def subpaths(data: str) -> list[list[tuple[float, float]]]:
    """The closed outlines of a path made only of ``m`` (then implicit relative lines) and ``z``."""
    tokens = TOKEN.findall(data)
    x = y = 0.0
    start = (0.0, 0.0)
    shapes: list[list[tuple[float, float]]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in "zZ":
            x, y = start
            index += 1
            continue
        if token in "mM":
            relative = token == "m"
            index += 1
            first = True
            while index < len(tokens) and tokens[index] not in "mMzZ":
                dx, dy = float(tokens[index]), float(tokens[index + 1])
                index += 2
                if relative:
                    x, y = x + dx, y + dy
                else:
                    x, y = dx, dy
                if first:
                    start = (x, y)
                    shapes.append([])
                    first = False
                shapes[-1].append((x, y))
            continue
        raise ValueError(f"Unexpected token {token!r}")
    return shapes


def in_frame(points: list[tuple[float, float]]) -> bool:
    left, top, right, bottom = FRAME
    xs = [point[0] for point in points]
    ys = [point[1] for point in points]
    return max(xs) >= left and min(xs) <= right and max(ys) >= top and min(ys) <= bottom


def compact(points: list[tuple[float, float]]) -> str:
    """The outline moved into the frame, rounded, without points nearer than ``STEP`` to the last one kept;
    "" for an island smaller than ``SMALLEST`` (too small to see or to click)."""
    xs = [point[0] for point in points]
    ys = [point[1] for point in points]
    if max(xs) - min(xs) < SMALLEST and max(ys) - min(ys) < SMALLEST:
        return ""
    kept: list[tuple[float, float]] = []
    for x, y in points:
        point = (round(x - FRAME[0], 1), round(y - FRAME[1], 1))
        if not kept or abs(kept[-1][0] - point[0]) + abs(kept[-1][1] - point[1]) >= STEP:
            kept.append(point)
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z"


def main(source: str) -> None:
    text = Path(source).read_text(encoding="utf-8").replace("export default ", "", 1).strip().rstrip(";")
    world = json.loads(text)
    countries = {}
    for location in world["locations"]:
        shapes = [compact(shape) for shape in subpaths(location["path"]) if in_frame(shape)]
        data = "".join(shape for shape in shapes if shape)
        if data:
            countries[location["id"].upper()] = data
    left, top, right, bottom = FRAME
    out = {
        "source": "@svg-maps/world 2.0.0 (https://www.npmjs.com/package/@svg-maps/world), CC BY 4.0",
        "width": right - left,
        "height": bottom - top,
        "countries": dict(sorted(countries.items())),
    }
    target = Path(__file__).with_name("region.json")
    target.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
