"""Bar charts: counts and lengths, stacked by ``color``."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..spec import ChartSpec
from .context import ChartContext
from .series import values_figure


def bar_figure(spec: ChartSpec, rows: pd.DataFrame, context: ChartContext) -> go.Figure:
    """Build a bar chart; with ``color``, one stacked trace per value."""
    figure = values_figure(spec, rows, context, go.Bar)
    figure.update_layout(barmode="stack")
    return figure
