"""Tables computed from the sourced datasets, for charts that need another shape.

Nothing here adds a fact: each derived row is arithmetic on sourced rows, and
keeps their sources where a row has one origin.

* ``control_periods``: one row per place per period of control (start, end),
  joined with the place's name, country, kind and coordinates;
* ``border_access``: for each quarter, how many border crossings ISIS held,
  by neighbouring country.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .dataset import Column, Dataset

PERIOD_END = pd.Timestamp("2019-12-31")


def derive(datasets: Mapping[str, Dataset]) -> dict[str, Dataset]:
    """Return the derived datasets for a package that has their inputs."""
    derived = {}
    if {"control", "places", "borders"} <= set(datasets):
        derived["control_periods"] = control_periods(
            datasets["control"], datasets["places"], datasets["borders"]
        )
    if "borders" in datasets:
        derived["border_access"] = border_access(datasets["borders"])
    return derived


def control_periods(control: Dataset, places: Dataset, borders: Dataset) -> Dataset:
    """Turn control changes into periods: each row holds until the next one."""
    frame = control.frame.copy()
    frame["start"] = frame["date"]
    # A place's last period is open: empty end, still held when the data stops.
    frame["end"] = frame.groupby("place_id")["date"].shift(-1)
    crossings = set(borders.frame["place_id"].dropna())
    place_info = places.frame[["place_id", "name", "country", "kind", "lat", "lon"]]
    frame = frame.merge(place_info, on="place_id", how="left", validate="many_to_one")
    frame["at_crossing"] = frame["place_id"].isin(crossings).astype("boolean")
    keep = [
        "place_id", "name", "country", "kind", "lat", "lon", "at_crossing",
        "start", "end", "date_precision", "controller", "event",
        "source_title", "source_url",
    ]  # fmt: skip
    source_columns = {c.name: c for c in (*control.columns, *places.columns)}
    columns = tuple(source_columns.get(name) or _column(name) for name in keep)
    return Dataset(
        name="control_periods",
        title="Periods of control, by place",
        description="Derived from control.csv and places.csv: each row is a period "
        "during which one controller held a place, from 'start' until 'end', the "
        "date of the next change; 'end' is empty for the last period.",
        path=control.path,
        frame=frame[keep],
        columns=columns,
        sources=control.sources,
        licenses=control.licenses,
        derived_from=(control.path, places.path, borders.path),
    )


def border_access(borders: Dataset) -> Dataset:
    """Count the crossings ISIS held at the end of each quarter, by neighbour."""
    crossings = borders.frame[borders.frame["kind"] == "crossing"]
    quarters = pd.date_range("2013-03-31", PERIOD_END, freq="QE")
    rows = []
    for quarter in quarters:
        held = crossings[
            (crossings["gained"] <= quarter)
            & (crossings["lost"].isna() | (crossings["lost"] > quarter))
        ]
        for neighbour in sorted(crossings["country_b"].unique()):
            count = int((held["country_b"] == neighbour).sum())
            rows.append(
                {"quarter": quarter, "neighbour": neighbour, "crossings": count}
            )
    frame = pd.DataFrame(rows).astype({"neighbour": "string", "crossings": "Int64"})
    return Dataset(
        name="border_access",
        title="Border crossings held by ISIS, by quarter",
        description="Derived from borders.csv: the number of international border "
        "crossings ISIS held on the last day of each quarter, by neighbouring country.",
        path=borders.path,
        frame=frame,
        columns=(
            _column("quarter", "date", "Quarter ending"),
            _column("neighbour", "string", "Neighbouring country"),
            _column("crossings", "integer", "Crossings held"),
        ),
        sources=({"title": f"Derived from {borders.path}", "path": "data/#borders"},),
        licenses=borders.licenses,
        derived_from=(borders.path,),
    )


TITLES = {
    "start": ("date", "From"),
    "end": ("date", "Until (empty: still held)"),
    "at_crossing": ("boolean", "At a border crossing"),
}


def _column(name: str, type_: str | None = None, title: str | None = None) -> Column:
    default_type, default_title = TITLES.get(name, ("string", name))
    return Column(name=name, type=type_ or default_type, title=title or default_title)
