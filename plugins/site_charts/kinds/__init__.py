"""One builder per chart kind, dispatched by :func:`build_figure`."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from ..spec import ChartSpec
from .bar import bar_figure
from .context import ChartContext
from .map import map_figure
from .series import series_figure
from .timeline import timeline_figure

Builder = Callable[[ChartSpec, pd.DataFrame, ChartContext], go.Figure]

BUILDERS: dict[str, Builder] = {
    "line": series_figure,
    "area": series_figure,
    "step": series_figure,
    "bar": bar_figure,
    "timeline": timeline_figure,
    "map": map_figure,
}


def build_figure(
    spec: ChartSpec, rows: pd.DataFrame, context: ChartContext
) -> go.Figure:
    """Build the figure for the spec's kind from the rows it shows."""
    return BUILDERS[spec.kind](spec, rows, context)


__all__ = ["BUILDERS", "ChartContext", "build_figure"]
