"""Line, area and step charts: one trace per value of ``color``, event markers."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import plotly.graph_objects as go

from ..spec import ChartSpec
from ..values import axis_title, plain_values
from .context import DEFAULT_HEIGHT, ChartContext


def series_figure(
    spec: ChartSpec, rows: pd.DataFrame, context: ChartContext
) -> go.Figure:
    """Build a line, area or step chart."""
    figure = values_figure(
        spec,
        rows,
        context,
        go.Scatter,
        mode="lines+markers",
        line_shape="hv" if spec.kind == "step" else None,
        fill="tozeroy" if spec.kind == "area" else None,
    )
    if spec.annotate and context.events is not None and not rows.empty:
        span = (rows[spec.x].min(), rows[spec.x].max())
        add_event_markers(figure, context.events, spec.annotate, span)
    return figure


def values_figure(
    spec: ChartSpec,
    rows: pd.DataFrame,
    context: ChartContext,
    trace: type[go.Scatter | go.Bar],
    **trace_options,
) -> go.Figure:
    """Build one ``trace`` per value of ``color`` from the x and y columns."""
    figure = go.Figure()
    unit = context.columns[spec.y].unit
    for name, group in groups(rows, spec.color):
        figure.add_trace(
            trace(
                x=plain_values(group[spec.x]),
                y=plain_values(group[spec.y]),
                name=name,
                hovertemplate=f"%{{y:,}} {unit}".strip()
                + f"<extra>{name or ''}</extra>",
                **trace_options,
            )
        )
    figure.update_layout(
        yaxis_title=axis_title(context.columns[spec.y]),
        height=spec.height or DEFAULT_HEIGHT,
        showlegend=bool(spec.color),
    )
    return figure


def groups(
    rows: pd.DataFrame, column: str | None
) -> Iterator[tuple[str | None, pd.DataFrame]]:
    """Yield (name, rows) per value of ``column``, or the whole frame once."""
    if not column:
        yield None, rows
        return
    for name, group in rows.groupby(column, sort=False):
        yield str(name), group


def add_event_markers(
    figure: go.Figure, events: pd.DataFrame, ids: tuple[str, ...], span: tuple
) -> None:
    """Mark each chosen event inside the plotted dates with a line and its title."""
    inside = events["date"].between(*span)
    chosen = events[events["event_id"].isin(ids) & inside].sort_values("date")
    for _, event in chosen.iterrows():
        date = f"{event['date']:%Y-%m-%d}"
        figure.add_vline(x=date, line={"dash": "dot", "width": 1, "color": "#888"})
        figure.add_annotation(
            x=date,
            y=1,
            yref="paper",
            text=str(event["title"]),
            hovertext=str(event["summary"]),
            textangle=-90,
            xanchor="right",
            yanchor="top",
            showarrow=False,
            font={"size": 10},
        )
