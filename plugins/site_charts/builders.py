"""One small builder per chart kind: rows in, plotly Figure out, no I/O.

Layout defaults (fonts, colours, margins, hover style) live once in the site
script, so figures carry only what is specific to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go

from .spec import ChartSpec


class ColumnText(Protocol):
    """How a column is named to readers."""

    title: str
    unit: str


Columns = Mapping[str, ColumnText]
Builder = Callable[[ChartSpec, pd.DataFrame, Columns], go.Figure]


def build_figure(spec: ChartSpec, rows: pd.DataFrame, columns: Columns) -> go.Figure:
    """Build the figure for the spec's kind from the rows it shows."""
    return BUILDERS[spec.kind](spec, rows, columns)


def series_figure(spec: ChartSpec, rows: pd.DataFrame, columns: Columns) -> go.Figure:
    """Build a line, area or step chart: one trace per value of ``color``."""
    figure = go.Figure()
    unit = columns[spec.y].unit
    for name, group in _groups(rows, spec.color):
        figure.add_trace(
            go.Scatter(
                x=plain_values(group[spec.x]),
                y=plain_values(group[spec.y]),
                name=name,
                mode="lines+markers",
                line_shape="hv" if spec.kind == "step" else None,
                fill="tozeroy" if spec.kind == "area" else None,
                hovertemplate=f"%{{y:,}} {unit}".strip()
                + f"<extra>{name or ''}</extra>",
            )
        )
    figure.update_layout(
        xaxis_title=columns[spec.x].title,
        yaxis_title=axis_title(columns[spec.y]),
        height=spec.height,
        showlegend=bool(spec.color),
    )
    return figure


def axis_title(column: ColumnText) -> str:
    """Return a column's title with its unit, e.g. "Area held (km²)"."""
    return f"{column.title} ({column.unit})" if column.unit else column.title


def _groups(
    rows: pd.DataFrame, column: str | None
) -> Iterator[tuple[str | None, pd.DataFrame]]:
    if not column:
        yield None, rows
        return
    for name, group in rows.groupby(column, sort=False):
        yield str(name), group


def plain_values(series: pd.Series) -> list:
    """Return JSON-ready values: ISO dates, ints without ``.0``, floats without noise."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").tolist()
    if pd.api.types.is_integer_dtype(series):
        return [None if pd.isna(v) else int(v) for v in series]
    if pd.api.types.is_float_dtype(series):
        return [None if pd.isna(v) else float(f"{v:.6g}") for v in series]
    return [None if pd.isna(v) else str(v) for v in series]


BUILDERS: dict[str, Builder] = {
    "line": series_figure,
    "area": series_figure,
    "step": series_figure,
}
