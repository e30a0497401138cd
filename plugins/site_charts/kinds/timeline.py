"""The city-status chart: one band per place, coloured by who held it when."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..palette import CONTROLLER_COLOURS
from ..spec import STORY_END, ChartSpec
from ..values import reader_date
from .context import ChartContext

BAND_HEIGHT = 22
CHART_END = pd.Timestamp(STORY_END)  # where open periods are drawn to
MS_PER_DAY = 86_400_000


def timeline_figure(
    spec: ChartSpec, rows: pd.DataFrame, context: ChartContext
) -> go.Figure:
    """Build horizontal bands: one trace per controller, so the legend names them."""
    order = place_order(rows)
    figure = go.Figure()
    for controller, colour in CONTROLLER_COLOURS.items():
        held = rows[rows["controller"] == controller]
        if held.empty:
            continue
        figure.add_trace(
            go.Bar(
                orientation="h",
                y=held["name"].tolist(),
                base=[f"{d:%Y-%m-%d}" for d in held["start"]],
                x=[
                    int((e - s).days) * MS_PER_DAY
                    for s, e in zip(
                        held["start"], held["end"].fillna(CHART_END), strict=True
                    )
                ],
                name=controller,
                marker_color=colour,
                hovertext=[hover_text(row) for _, row in held.iterrows()],
                hoverinfo="text",
            )
        )
    figure.update_layout(
        barmode="overlay",
        showlegend=False,  # the page shows the controllers' colours in HTML
        height=spec.height or 60 + BAND_HEIGHT * len(order),
        xaxis={"type": "date"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": order[::-1],
            "automargin": True,
        },
        hovermode="closest",
    )
    return figure


def place_order(rows: pd.DataFrame) -> list[str]:
    """Order places by country, then by when ISIS first took them."""
    first_isis = rows[rows["controller"] == "ISIS"].groupby("name")["start"].min()
    names = rows.drop_duplicates("name")[["name", "country"]].copy()
    names["first_isis"] = names["name"].map(first_isis)
    names = names.sort_values(
        ["country", "first_isis", "name"], kind="stable", na_position="last"
    )
    return names["name"].tolist()


def hover_text(row: pd.Series) -> str:
    """Return "Mosul: ISIS, from 10 June 2014<br>event<br><i>source</i>"."""
    start = reader_date(row["start"], row["date_precision"])
    return (
        f"<b>{row['name']}</b>: {row['controller']}, from {start}"
        f"<br>{row['event']}<br><i>{row['source_title']}</i>"
    )
