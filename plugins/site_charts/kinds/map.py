"""The map: places coloured by controller, month by month, with a slider.

Drawn on plain x/y axes (longitude, latitude; equal-area enough for a region
this size) with the Natural Earth outlines as filled traces, so plotly.js needs
no base map from its CDN and no geo module.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..palette import CONTROLLER_COLOURS, UNSOURCED, UNSOURCED_COLOUR
from ..spec import MAP_MONTHS, ChartSpec
from ..values import MONTHS
from .context import ChartContext

LAND = {"fill": "rgba(128,128,128,0.12)", "line": "rgba(128,128,128,0.55)"}
FOCUS = {"fill": "rgba(128,128,128,0.24)", "line": "rgba(128,128,128,0.8)"}


def map_figure(spec: ChartSpec, rows: pd.DataFrame, context: ChartContext) -> go.Figure:
    """Build the map: base map, legend, one marker per place, one frame per month."""
    places = rows.drop_duplicates("place_id").sort_values("place_id")[
        ["place_id", "name", "lat", "lon", "at_crossing"]
    ]
    months = list(pd.date_range(*MAP_MONTHS, freq="ME"))
    start = _initial_month(spec.date, months)
    figure = go.Figure(data=list(basemap_traces(context.basemap)))
    marker_trace = len(figure.data)
    colours, labels = month_state(rows, places, months[start])
    figure.add_trace(
        go.Scatter(
            x=places["lon"].tolist(),
            y=places["lat"].tolist(),
            mode="markers",
            marker={
                "color": colours,
                "size": 11,
                "line": {"width": 1, "color": "#808080"},  # seen on light and dark
                "symbol": ["diamond" if c else "circle" for c in places["at_crossing"]],
            },
            hovertext=labels,
            hoverinfo="text",
            showlegend=False,
        )
    )
    figure.frames = [month_frame(rows, places, m, marker_trace) for m in months]
    figure.update_layout(_layout(spec, places, months, start))
    return figure


def month_state(
    rows: pd.DataFrame, places: pd.DataFrame, month: pd.Timestamp
) -> tuple[list, list]:
    """Return each place's colour and hover label at the end of ``month``."""
    open_or_later = rows["end"].isna() | (rows["end"] > month)
    held = rows[(rows["start"] <= month) & open_or_later].set_index("place_id")
    colours, labels = [], []
    for place_id, name in zip(places["place_id"], places["name"], strict=True):
        controller = held["controller"].get(place_id)
        controller = controller if isinstance(controller, str) else None
        colours.append(CONTROLLER_COLOURS.get(controller, UNSOURCED_COLOUR))
        labels.append(f"{name}: {controller or UNSOURCED}")
    return colours, labels


def month_frame(
    rows: pd.DataFrame, places: pd.DataFrame, month: pd.Timestamp, trace: int
) -> go.Frame:
    """Return the frame that recolours the markers for one month."""
    colours, labels = month_state(rows, places, month)
    return go.Frame(
        name=f"{month:%Y-%m}",
        data=[{"marker": {"color": colours}, "hovertext": labels}],
        traces=[trace],
    )


def basemap_traces(basemap: Mapping[str, Any]) -> Iterator[go.Scatter]:
    """Yield two filled outline traces: the neighbours, then Syria and Iraq."""
    for focus, style in ((False, LAND), (True, FOCUS)):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for feature in basemap.get("features", []):
            if bool(feature["properties"].get("focus")) != focus:
                continue
            for ring in _rings(feature["geometry"]):
                xs += [p[0] for p in ring] + [None]
                ys += [p[1] for p in ring] + [None]
        yield go.Scatter(
            x=xs, y=ys, fill="toself", fillcolor=style["fill"], mode="lines",
            line={"color": style["line"], "width": 0.8}, hoverinfo="skip", showlegend=False,
        )  # fmt: skip


def _rings(geometry: Mapping[str, Any]) -> Iterator[list]:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        yield from polygon


def _initial_month(date: str | None, months: list[pd.Timestamp]) -> int:
    if date is None:
        return 0
    wanted = pd.Timestamp(date) + pd.offsets.MonthEnd(0)
    return min(range(len(months)), key=lambda i: abs(months[i] - wanted))


def _layout(spec: ChartSpec, places: pd.DataFrame, months: list, start: int) -> dict:
    lon = (places["lon"].min() - 1, places["lon"].max() + 1)
    lat = (places["lat"].min() - 1, places["lat"].max() + 1)
    aspect = 1 / math.cos(math.radians(sum(lat) / 2))
    return {
        "height": spec.height or 480,
        "showlegend": False,
        "margin": {"l": 4, "r": 4, "t": 4, "b": 100},
        "xaxis": {"range": list(lon), "visible": False, "fixedrange": True},
        "yaxis": {"range": list(lat), "visible": False, "scaleanchor": "x",
                  "scaleratio": round(aspect, 3), "fixedrange": True},
        "hovermode": "closest",
        "sliders": [_slider(months, start)],
        "updatemenus": [_play_buttons()],
    }  # fmt: skip


def month_label(month: pd.Timestamp) -> str:
    """Return "June 2014"."""
    return f"{MONTHS[month.month - 1]} {month.year}"


def _slider(months: list, start: int) -> dict:
    step_args = {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}
    return {
        "active": start,
        "currentvalue": {"prefix": "End of ", "font": {"size": 14}},
        "x": 0.22,
        "len": 0.78,
        "y": 0,
        "yanchor": "top",
        "pad": {"t": 10, "b": 10},
        "steps": [
            {
                "label": month_label(m),
                "method": "animate",
                "args": [[f"{m:%Y-%m}"], step_args],
            }
            for m in months
        ],
    }


def _play_buttons() -> dict:
    play = {
        "frame": {"duration": 400, "redraw": True},
        "fromcurrent": True,
        "transition": {"duration": 0},
    }
    pause = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}
    return {
        "type": "buttons",
        "direction": "down",
        "showactive": False,
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "pad": {"t": 10},
        "buttons": [
            {"label": "Play", "method": "animate", "args": [None, play]},
            {"label": "Pause", "method": "animate", "args": [[None], pause]},
        ],
    }
