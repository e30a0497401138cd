"""Write data/geo/basemap.geojson: country outlines around Syria and Iraq.

Source: the npm package world-atlas 2.0.2 (node_modules/world-atlas/countries-50m.json),
which is Natural Earth 1:50m Admin 0 countries as TopoJSON. Natural Earth is in the
public domain; the world-atlas package is under the ISC licence.

- https://github.com/topojson/world-atlas
- https://www.naturalearthdata.com/

The script decodes the TopoJSON arcs, simplifies each shared arc once (so neighbours
keep a common border), clips every ring to the map's box and rounds to 3 decimals.
Rings keep the source's winding (exterior clockwise, as d3-geo and plotly.js expect),
which is the reverse of RFC 7946. It reads no network and writes the same bytes on
every run.

Run: .venv/bin/python scripts/make_basemap.py
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import math
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = REPO / "data" / "geo" / "basemap.geojson"

# west, south, east, north in degrees.
BBOX = (34.0, 28.5, 49.5, 38.5)
FOCUS = frozenset({"Syria", "Iraq"})
# Names as the source spells them, with ISO 3166-1 alpha-3 codes where one exists.
# Egypt (Sinai), N. Cyprus (Karpas peninsula) and Azerbaijan (Astara) also reach into
# the box; without them that land would be drawn as sea.
COUNTRIES = {
    "Azerbaijan": "AZE",
    "Cyprus": "CYP",
    "Egypt": "EGY",
    "Iran": "IRN",
    "Iraq": "IRQ",
    "Israel": "ISR",
    "Jordan": "JOR",
    "Kuwait": "KWT",
    "Lebanon": "LBN",
    "N. Cyprus": None,
    "Palestine": "PSE",
    "Saudi Arabia": "SAU",
    "Syria": "SYR",
    "Turkey": "TUR",
}
# Douglas-Peucker tolerance in degrees: ~500 m, under a device pixel on a phone.
TOLERANCE = 0.005
DIGITS = 3

Point = tuple[float, float]
Ring = list[Point]


class BasemapError(ValueError):
    """The source does not hold what the basemap needs."""


def decode_arcs(topology: dict) -> list[Ring]:
    """Return every arc of a quantized, delta-encoded topology in degrees."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _distance(point: Point, start: Point, end: Point) -> float:
    """Return the distance from point to the segment start-end."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(line: Ring, tolerance: float) -> Ring:
    """Return line simplified with Douglas-Peucker, keeping both ends."""
    if len(line) < 3:
        return list(line)
    keep = {0, len(line) - 1}
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance(line[i], line[first], line[last])
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [line[i] for i in sorted(keep)]


def stitch(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def _cut(a: Point, b: Point, axis: int, value: float) -> Point:
    """Return where segment a-b crosses the line coordinate[axis] == value."""
    # Same answer whichever way the segment runs, so neighbours' borders still meet.
    a, b = min(a, b), max(a, b)
    t = (value - a[axis]) / (b[axis] - a[axis])
    other = 1 - axis
    point = [0.0, 0.0]
    point[axis] = value
    point[other] = a[other] + t * (b[other] - a[other])
    return (point[0], point[1])


def clip(ring: Ring, bbox: tuple[float, float, float, float]) -> Ring:
    """Return ring (open, without its closing point) clipped to bbox."""
    west, south, east, north = bbox
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for axis, value, sign in (
        (0, west, 1),
        (0, east, -1),
        (1, south, 1),
        (1, north, -1),
    ):
        clipped: Ring = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            inside_now = sign * (current[axis] - value) >= 0
            inside_before = sign * (previous[axis] - value) >= 0
            if inside_now != inside_before:
                clipped.append(_cut(previous, current, axis, value))
            if inside_now:
                clipped.append(current)
        points = clipped
    return points


def signed_area(ring: Ring) -> float:
    """Return the planar area of an open ring, positive when counter-clockwise."""
    pairs = itertools.pairwise([*ring, ring[0]])
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in pairs) / 2


def finish(ring: Ring, exterior: bool) -> list[list[float]] | None:
    """Round an open ring, wind it (exterior clockwise) and close it; None if empty."""
    points: Ring = []
    for x, y in ring:
        point = (round(x, DIGITS), round(y, DIGITS))
        if not points or point != points[-1]:
            points.append(point)
    while len(points) > 1 and points[0] == points[-1]:
        points.pop()
    area = signed_area(points) if len(points) >= 3 else 0.0
    if area == 0:
        return None
    if (area > 0) == exterior:
        points.reverse()
    return [list(point) for point in [*points, points[0]]]


def polygons(geometry: dict, arcs: list[Ring]) -> list[list[list[list[float]]]]:
    """Return a TopoJSON geometry as clipped GeoJSON polygon coordinates."""
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    result = []
    for part in parts:
        rings = [clip(stitch(indices, arcs), BBOX) for indices in part]
        exterior = finish(rings[0], exterior=True)
        if exterior is None:
            continue
        holes = (finish(ring, exterior=False) for ring in rings[1:])
        result.append([exterior, *(hole for hole in holes if hole is not None)])
    return result


def feature(name: str, geometry: dict, arcs: list[Ring]) -> dict:
    """Return one country as a GeoJSON Feature."""
    coordinates = polygons(geometry, arcs)
    if not coordinates:
        raise BasemapError(f"{SOURCE.name}: {name!r} has no land inside {BBOX}")
    properties: dict = {"name": name, "focus": name in FOCUS}
    if COUNTRIES[name]:
        properties["iso_a3"] = COUNTRIES[name]
    shape = (
        {"type": "Polygon", "coordinates": coordinates[0]}
        if len(coordinates) == 1
        else {"type": "MultiPolygon", "coordinates": coordinates}
    )
    return {"type": "Feature", "properties": properties, "geometry": shape}


def basemap(topology: dict) -> dict:
    """Return the FeatureCollection for the countries in COUNTRIES."""
    geometries = {
        g["properties"]["name"]: g
        for g in topology["objects"]["countries"]["geometries"]
        if g["properties"].get("name") in COUNTRIES
    }
    missing = sorted(set(COUNTRIES) - set(geometries))
    if missing:
        raise BasemapError(f"{SOURCE.name}: no country named {', '.join(missing)}")
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    features = [feature(name, geometries[name], arcs) for name in sorted(geometries)]
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    """Write the basemap GeoJSON and log its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    topology = json.loads(args.source.read_text(encoding="utf-8"))
    text = json.dumps(basemap(topology), sort_keys=True, separators=(",", ":")) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    logger.info("wrote %s (%d bytes)", args.output, len(text.encode("utf-8")))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(main())
