"""The figure JSON of each chart kind, against a reviewed golden file; its size.

Golden files live in tests/fixtures/snapshots. They hold the figure pretty-printed,
so a change reads as a diff in review; the test compares the compact text that
pages embed (``figure_json``) of both. After an intended change, regenerate them
with ``UPDATE_SNAPSHOTS=1 make test`` and review the diff.
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
from pathlib import Path

import pytest
from chart_fixtures import DATASETS, block, dataset, render
from helpers import REPO
from site_charts.render import figure_json

SNAPSHOTS = REPO / "tests/fixtures/snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
DIFF_LINES = 40
GZIP_BUDGET = 2048  # bytes, for the figure of a five-year monthly series

CHARTS = {
    "line": block(
        "line", "territory", "x: date", "y: area_km2", "color: estimator",
        "annotate: [mosul-falls, caliphate-declared]",
    ),
    "area": block(
        "area", "territory", "x: date", "y: area_km2", "filter: {estimator: IHS}",
    ),
    "step": block(
        "step", "border_access", "x: quarter", "y: crossings",
        "filter: {neighbour: Turkey}", "height: 300",
    ),
    "bar": block(
        "bar", "border_access", "x: quarter", "y: crossings", "color: neighbour",
    ),
    "timeline": block("timeline", "control_periods"),
    "map": block("map", "control_periods", "date: 2015-06-30"),
}  # fmt: skip


def pretty(text: str) -> str:
    return json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False)


def mismatch(golden: Path, expected: str, actual: str) -> str:
    """Return how to accept the change, and the start of the diff."""
    diff = list(
        difflib.unified_diff(
            pretty(expected).splitlines(),
            pretty(actual).splitlines(),
            "snapshot",
            "now",
            lineterm="",
            n=2,
        )
    )
    more = len(diff) - DIFF_LINES
    shown = diff[:DIFF_LINES] + (
        [f"... and {more} more diff lines"] if more > 0 else []
    )
    return (
        f"the figure differs from {golden.relative_to(REPO)}; if the change is "
        "intended, run `UPDATE_SNAPSHOTS=1 make test` and review the diff\n"
        + "\n".join(shown)
    )


@pytest.mark.parametrize("name", CHARTS)
def test_figure_json_matches_its_snapshot(name):
    actual = figure_json(render(*CHARTS[name]).figure)
    golden = SNAPSHOTS / f"{name}.json"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pretty(actual) + "\n", encoding="utf-8")
        return
    assert golden.exists(), (
        f"no snapshot {golden.relative_to(REPO)}; run `UPDATE_SNAPSHOTS=1 make test`"
    )
    expected = figure_json(json.loads(golden.read_text(encoding="utf-8")))
    assert actual == expected, mismatch(golden, expected, actual)


def test_mismatch_message_says_how_to_update_and_shows_the_change():
    message = mismatch(SNAPSHOTS / "line.json", '{"a":[1,2]}', '{"a":[1,3]}')
    assert "run `UPDATE_SNAPSHOTS=1 make test`" in message
    assert "tests/fixtures/snapshots/line.json" in message
    assert "\n-  2\n+  3" in message


def test_figure_of_a_60_point_monthly_series_is_under_2_kib_gzipped():
    months = [
        f"{year}-{month:02d}-01" for year in range(2014, 2019) for month in range(1, 13)
    ]
    series = dataset(
        "data/series.csv",
        {"month": ("date", "Month"), "area_km2": ("integer", "Area held", "km²")},
        [(month, 100_000 - 1_537 * i) for i, month in enumerate(months)],
    )
    chart = render(
        *block("line", "series", "x: month", "y: area_km2"),
        datasets={**DATASETS, "series": series},
    )
    assert len(chart.figure["data"][0]["x"]) == 60
    size = len(gzip.compress(figure_json(chart.figure).encode(), 9))
    assert size <= GZIP_BUDGET, f"{size} bytes gzipped"
