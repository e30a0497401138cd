"""Select the rows and columns a chart shows, in the order it shows them.

The same selection feeds the figure, the data table and the CSV download, so
the three never disagree.
"""

from __future__ import annotations

import io

import pandas as pd

from .spec import ChartSpec
from .values import plain_values

PERIOD_COLUMNS = {
    "timeline": (
        "name", "country", "controller", "start", "end", "event",
        "source_title", "source_url",
    ),
    "map": ("name", "lat", "lon", "at_crossing", "controller", "start", "end"),
}  # fmt: skip


def chart_rows(spec: ChartSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Return the rows the spec's filter keeps, sorted along the x axis."""
    keep = pd.Series(True, index=frame.index)
    for column, wanted in spec.filter.items():
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            start, end = wanted
            if start:
                keep &= series >= pd.Timestamp(start)
            if end:
                keep &= series <= pd.Timestamp(end)
        else:
            keep &= series.astype("string").isin(wanted)
    for column in (spec.x, spec.y, spec.color):
        if column:
            keep &= frame[column].notna()  # a point needs its coordinates and series
    rows = frame[keep]
    if spec.x:
        rows = rows.sort_values([spec.x], kind="stable")
    return rows.reset_index(drop=True)


def shown_columns(spec: ChartSpec) -> list[str]:
    """Return the columns the chart shows, in display order, without repeats."""
    if spec.kind in PERIOD_COLUMNS:
        return list(PERIOD_COLUMNS[spec.kind])
    return list(dict.fromkeys(c for c in (spec.x, spec.color, spec.y) if c))


def csv_text(rows: pd.DataFrame, shown: list[str]) -> str:
    """Return the shown rows and columns as CSV, values as the table has them."""
    plain = pd.DataFrame({c: plain_values(rows[c]) for c in shown}, columns=shown)
    buffer = io.StringIO()
    plain.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
