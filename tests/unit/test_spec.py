"""Parsing chart blocks into specs: what is accepted and how mistakes are named."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from site_charts.errors import ChartError
from site_charts.spec import parse_chart_block


class FakeDataset:
    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    @property
    def column_names(self) -> list[str]:
        return list(self.frame.columns)


DATASETS = {
    "territory": FakeDataset(
        pd.DataFrame(
            {
                "date": pd.to_datetime(["2015-01-01", "2016-01-01"]),
                "estimator": pd.array(["IHS", "RAND"], dtype="string"),
                "area_km2": pd.array([90800, 60400], dtype="Int64"),
            }
        )
    )
}
BLOCK = """kind: line
data: territory
x: date
y: area_km2
title: Territory
alt: A line."""


def parse(text: str, **kwargs):
    return parse_chart_block(
        text, path="content/a.md", line=10, datasets=DATASETS, **kwargs
    )


def test_minimal_block_gives_a_frozen_spec():
    spec = parse(BLOCK)
    assert (spec.kind, spec.data, spec.x, spec.y) == (
        "line",
        "territory",
        "date",
        "area_km2",
    )
    assert spec.title == "Territory"
    assert spec.alt == "A line."
    with pytest.raises(AttributeError):
        spec.kind = "bar"


def test_filters_are_normalised():
    spec = parse(
        BLOCK + "\nfilter:\n  estimator: [IHS, RAND]\n  date: {from: 2015-06-01}"
    )
    assert spec.filter == {"estimator": ("IHS", "RAND"), "date": ("2015-06-01", None)}


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("kind: line", "kind: bars"), 10, "unknown chart kind 'bars'"),
        (("y: area_km2", "y: km2"), 13, "did you mean 'area_km2'?"),
        (("title: Territory", "titel: Territory"), 14, "unknown option 'titel'"),
        (("alt: A line.", "alt: A line.\nheight: 50"), 16, "height must be a number"),
        (("alt: A line.", "alt: A line.\nfilter: RAND"), 16, "'filter' takes"),
        (
            ("alt: A line.", "alt: A line.\nfilter: {date: {from: soon}}"),
            16,
            "'soon' is not a date",
        ),
        (("data: territory", "data: [territory"), 11, "not valid YAML"),
    ],
)
def test_mistakes_name_the_line_of_the_key(change, line, message):
    with pytest.raises(ChartError) as error:
        parse(BLOCK.replace(*change))
    assert str(error.value).startswith(f"content/a.md:{line}: ")
    assert message in str(error.value)


def test_block_that_is_not_a_mapping_is_rejected():
    with pytest.raises(ChartError, match="'option: value' lines"):
        parse("- kind: line")


def test_missing_required_option_is_named():
    with pytest.raises(ChartError, match="a line chart needs 'y: ...'"):
        parse(BLOCK.replace("y: area_km2\n", ""))


def test_missing_alt_only_fails_when_required():
    text = BLOCK.replace("\nalt: A line.", "")
    assert parse(text).alt is None
    with pytest.raises(ChartError, match="content/a.md:9: this chart has no 'alt'"):
        parse(text, require_alt=True)


def test_date_bounds_accept_yaml_dates():
    spec = parse(BLOCK + "\nfilter: {date: {from: 2015-01-01, to: 2016-01-01}}")
    assert spec.filter["date"] == (dt.date(2015, 1, 1).isoformat(), "2016-01-01")
