"""Bar charts: counts and lengths, stacked by ``color``."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..spec import ChartSpec
from ..values import axis_title, plain_values
from .context import DEFAULT_HEIGHT, ChartContext
from .series import groups


def bar_figure(spec: ChartSpec, rows: pd.DataFrame, context: ChartContext) -> go.Figure:
    """Build a bar chart; with ``color``, one stacked trace per value."""
    figure = go.Figure()
    unit = context.columns[spec.y].unit
    for name, group in groups(rows, spec.color):
        figure.add_trace(
            go.Bar(
                x=plain_values(group[spec.x]),
                y=plain_values(group[spec.y]),
                name=name,
                hovertemplate=f"%{{y:,}} {unit}".strip()
                + f"<extra>{name or ''}</extra>",
            )
        )
    figure.update_layout(
        barmode="stack",
        yaxis_title=axis_title(context.columns[spec.y]),
        height=spec.height or DEFAULT_HEIGHT,
        showlegend=bool(spec.color),
    )
    return figure
