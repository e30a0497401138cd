"""Small typed datasets, shaped like the shipped ones, for building charts in tests.

Every chart kind is built from these through the real pipeline
(``render_chart_block``: YAML text in, figure, HTML and CSV out).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from site_charts.chart_block import RenderedChart, render_chart_block
from site_data.dataset import Column

PATH = "content/x.md"
FIRST_LINE = 5  # the YAML's first line in the file, as the Markdown fence reports it


@dataclass(frozen=True)
class FakeDataset:
    """What the chart pipeline reads of a dataset."""

    frame: pd.DataFrame
    columns: tuple[Column, ...]
    path: str
    sources: tuple[Mapping[str, str], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


# Schema type -> pandas dtype, as site_data.load types the shipped CSVs.
DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


def dataset(
    path: str, fields: Mapping[str, tuple[str, ...]], rows: Sequence[tuple]
) -> FakeDataset:
    """Return typed ``rows``; ``fields`` gives each column's (type, title[, unit])."""
    frame = pd.DataFrame(list(rows), columns=list(fields))
    columns = []
    for name, (type_, title, *unit) in fields.items():
        if type_ == "date":
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        else:
            frame[name] = frame[name].astype(DTYPES[type_])
        columns.append(Column(name=name, type=type_, title=title, unit="".join(unit)))
    sources = ({"title": f"Table {path}", "path": "data/"},)
    return FakeDataset(frame, tuple(columns), path, sources)


SOURCE_FIELDS = {"source_title": ("string", "Source"), "source_url": ("string", "Link")}

# Out of date order, with one estimate missing, so sorting and dropping show.
TERRITORY = dataset(
    "data/territory.csv",
    {
        "date": ("date", "Date"),
        "estimator": ("string", "Estimator"),
        "area_km2": ("integer", "Area held", "km²"),
        **SOURCE_FIELDS,
    },
    [
        ("2016-01-01", "IHS", 78000, "IHS 3", "https://example.org/t3"),
        ("2015-01-01", "IHS", 90800, "IHS 1", "https://example.org/t1"),
        ("2015-07-01", "IHS", 82940, "IHS 2", "https://example.org/t2"),
        ("2015-01-01", "RAND", 100000, "RAND 1", "https://example.org/r1"),
        ("2015-07-01", "RAND", None, "RAND 2", "https://example.org/r2"),
        ("2016-01-01", "RAND", 60400, "RAND 3", "https://example.org/r3"),
    ],
)

BORDER_ACCESS = dataset(
    "data/borders.csv",
    {
        "quarter": ("date", "Quarter ending"),
        "neighbour": ("string", "Neighbouring country"),
        "crossings": ("integer", "Crossings held"),
    },
    [
        ("2014-03-31", "Iraq", 1),
        ("2014-03-31", "Turkey", 3),
        ("2014-06-30", "Iraq", 2),
        ("2014-06-30", "Turkey", 4),
    ],
)

EVENTS = dataset(
    "data/events.csv",
    {
        "event_id": ("string", "Event"),
        "date": ("date", "Date"),
        "date_precision": ("string", "Date precision"),
        "title": ("string", "Title"),
        "summary": ("string", "Summary"),
        "category": ("string", "Category"),
        "place_id": ("string", "Place"),
        **SOURCE_FIELDS,
    },
    [
        ("fallujah-seized", "2015-01-04", "day", "Fallujah falls",
         "Police withdraw from Fallujah.", "territory", "fallujah", "AP",
         "https://example.org/e1"),
        ("mosul-falls", "2015-06-10", "day", "Mosul falls",
         "The Iraqi army flees Mosul.", "territory", "mosul", "Reuters",
         "https://example.org/e2"),
        ("caliphate-declared", "2015-06-29", "day", "Caliphate declared",
         "Baghdadi declares a caliphate.", "political", None, "BBC",
         "https://example.org/e3"),
        ("raqqa-retaken", "2017-10-17", "day", "Raqqa retaken",
         "The SDF takes Raqqa.", "territory", "raqqa", "AFP",
         "https://example.org/e4"),
    ],
)  # fmt: skip

# Event dates are moved into the fixture series' span (2015), except Raqqa's,
# which lies outside it and so is never drawn.

# (place_id, name, country, kind, lat, lon, at_crossing), then its periods:
# (start, end, date_precision, controller). Mosul changes hands twice.
PLACES = {
    ("mosul", "Mosul", "Iraq", "city", 36.34, 43.13, False): [
        ("2013-01-01", "2014-06-10", "start", "Iraqi government"),
        ("2014-06-10", "2017-07-10", "day", "ISIS"),
        ("2017-07-10", None, "day", "Iraqi government"),
    ],
    ("raqqa", "Raqqa", "Syria", "city", 35.95, 39.0167, False): [
        ("2013-03-04", "2014-01-14", "day", "other rebels"),
        ("2014-01-14", "2017-10-17", "day", "ISIS"),
        ("2017-10-17", None, "day", "YPG/SDF"),
    ],
    ("kobani", "Kobani", "Syria", "town", 36.8911, 38.3536, False): [
        ("2013-07-01", "2014-10-06", "month", "YPG/SDF"),
        ("2014-10-06", "2015-01-26", "day", "contested"),
        ("2015-01-26", None, "day", "YPG/SDF"),
    ],
    ("tal-abyad", "Tal Abyad", "Syria", "town", 36.6975, 38.9567, True): [
        ("2014-01-12", "2015-06-15", "day", "ISIS"),
        ("2015-06-15", None, "day", "YPG/SDF"),
    ],
}


def _period_rows() -> list[tuple]:
    """Return control_periods rows, each with its own event and source."""
    rows = []
    for place, periods in PLACES.items():
        name = place[1]
        for start, end, precision, controller in periods:
            number = len(rows)
            rows.append(
                (*place, start, end, precision, controller,
                 f"Change {number}: {controller} holds {name}.",
                 f"Report {number} on {name}", f"https://example.org/c{number}")
            )  # fmt: skip
    return rows


# The columns of site_data.derived.control_periods, in its order.
CONTROL_PERIODS = dataset(
    "data/control.csv",
    {
        "place_id": ("string", "Place"),
        "name": ("string", "Place name"),
        "country": ("string", "Country"),
        "kind": ("string", "Kind"),
        "lat": ("number", "Latitude"),
        "lon": ("number", "Longitude"),
        "at_crossing": ("boolean", "At a border crossing"),
        "start": ("date", "From"),
        "end": ("date", "Until"),
        "date_precision": ("string", "Date precision"),
        "controller": ("string", "Controller"),
        "event": ("string", "Event"),
        **SOURCE_FIELDS,
    },
    _period_rows(),
)

DATASETS = {
    "territory": TERRITORY,
    "border_access": BORDER_ACCESS,
    "events": EVENTS,
    "control_periods": CONTROL_PERIODS,
}


def square(west: float, south: float, size: float) -> list:
    east, north = west + size, south + size
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


# One neighbour (a Polygon) and one focus country (a MultiPolygon).
BASEMAP = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"name": "Turkey", "focus": False},
            "geometry": {"type": "Polygon", "coordinates": [square(36, 37, 2)]},
        },
        {
            "type": "Feature",
            "properties": {"name": "Syria", "focus": True},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[square(38, 35, 1)], [square(42, 36, 1)]],
            },
        },
    ],
}


def render(
    *lines: str,
    datasets: Mapping[str, FakeDataset] = DATASETS,
    chart_id: str = "x-chart-1",
) -> RenderedChart:
    """Render a chart block whose YAML lines start on file line ``FIRST_LINE``."""
    return render_chart_block(
        "\n".join(lines),
        path=PATH,
        line=FIRST_LINE,
        chart_id=chart_id,
        datasets=datasets,
        basemap=BASEMAP,
    )


def block(kind: str, data: str, *options: str) -> tuple[str, ...]:
    """Return the YAML lines of a block: kind, data, title, then ``options``."""
    return (f"kind: {kind}", f"data: {data}", f"title: A {kind} chart", *options)
