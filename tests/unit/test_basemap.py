"""The committed basemap: what it holds, and that the script rebuilds it exactly."""

from __future__ import annotations

import importlib.util
import itertools
import json
from pathlib import Path

import pytest
from helpers import REPO

BASEMAP = REPO / "data" / "geo" / "basemap.geojson"
SCRIPT = REPO / "scripts" / "make_basemap.py"
WEST, SOUTH, EAST, NORTH = 34.0, 28.5, 49.5, 38.5


def load_script():
    spec = importlib.util.spec_from_file_location("make_basemap", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def collection() -> dict:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


def polygons(feature: dict) -> list:
    geometry = feature["geometry"]
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon"
    return geometry["coordinates"]


def signed_area(ring: list) -> float:
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in itertools.pairwise(ring)) / 2


def test_syria_and_iraq_are_the_only_focus_countries(collection):
    assert collection["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f["properties"] for f in collection["features"]}
    assert by_name["Syria"] == {"name": "Syria", "iso_a3": "SYR", "focus": True}
    assert by_name["Iraq"] == {"name": "Iraq", "iso_a3": "IRQ", "focus": True}
    assert {n for n, p in by_name.items() if p["focus"]} == {"Syria", "Iraq"}
    neighbours = {"Turkey", "Jordan", "Lebanon", "Israel", "Palestine", "Iran"}
    assert neighbours | {"Saudi Arabia", "Kuwait", "Cyprus"} <= set(by_name)


def test_features_are_sorted_by_name(collection):
    names = [f["properties"]["name"] for f in collection["features"]]
    assert names == sorted(names)


def test_every_coordinate_is_inside_the_box_with_three_decimals(collection):
    for feature in collection["features"]:
        for polygon in polygons(feature):
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                for lon, lat in ring:
                    assert WEST <= lon <= EAST and SOUTH <= lat <= NORTH
                    assert round(lon, 3) == lon and round(lat, 3) == lat


def test_exterior_rings_wind_clockwise_for_d3(collection):
    for feature in collection["features"]:
        for exterior, *holes in polygons(feature):
            assert signed_area(exterior) < 0, feature["properties"]["name"]
            assert all(signed_area(hole) > 0 for hole in holes)


def test_syria_and_iraq_share_their_border_vertices(collection):
    vertices = {
        f["properties"]["name"]: {
            tuple(point)
            for polygon in polygons(f)
            for ring in polygon
            for point in ring
        }
        for f in collection["features"]
    }
    assert len(vertices["Syria"] & vertices["Iraq"]) >= 10


def test_file_is_small_and_ends_with_a_newline():
    data = BASEMAP.read_bytes()
    assert len(data) <= 100_000
    assert data.endswith(b"}\n")


def test_rerunning_the_script_reproduces_the_committed_file(tmp_path: Path):
    output = tmp_path / "basemap.geojson"
    assert load_script().main(["--output", str(output)]) == 0
    assert output.read_bytes() == BASEMAP.read_bytes()
