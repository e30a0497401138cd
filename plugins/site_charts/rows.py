"""Select the rows and columns a chart shows, in the order it shows them.

The same selection feeds the figure, the data table and (later) the CSV download,
so the three never disagree.
"""

from __future__ import annotations

import pandas as pd

from .spec import ChartSpec


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
    for column in (spec.x, spec.y):
        if column:
            keep &= frame[column].notna()  # a point needs both coordinates
    rows = frame[keep]
    if spec.x:
        rows = rows.sort_values([spec.x], kind="stable")
    return rows.reset_index(drop=True)


def shown_columns(spec: ChartSpec) -> list[str]:
    """Return the columns the chart plots, in display order, without repeats."""
    return list(dict.fromkeys(c for c in (spec.x, spec.color, spec.y) if c))
