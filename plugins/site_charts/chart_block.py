"""From the text of one chart block to everything the site needs of that chart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .kinds import ChartContext, build_figure
from .render import chart_html, figure_payload
from .rows import chart_rows, csv_text, shown_columns
from .spec import ChartSpec, parse_chart_block


@dataclass(frozen=True)
class RenderedChart:
    """A chart's HTML, its figure and the CSV of exactly what it shows."""

    chart_id: str
    spec: ChartSpec
    html: str
    figure: dict[str, Any]
    csv: str


def render_chart_block(
    text: str,
    *,
    path: str,
    line: int,
    chart_id: str,
    datasets: Mapping[str, Any],
    basemap: Mapping[str, Any],
    require_alt: bool = False,
) -> RenderedChart:
    """Build the chart for a block whose YAML starts at ``line``.

    Raises:
        ChartError: the block names something that does not exist or is malformed.
    """
    spec = parse_chart_block(
        text, path=path, line=line, datasets=datasets, require_alt=require_alt
    )
    dataset = datasets[spec.data]
    columns = {column.name: column for column in dataset.columns}
    rows = chart_rows(spec, dataset.frame)
    events = datasets["events"].frame if "events" in datasets else None
    context = ChartContext(columns=columns, events=events, basemap=basemap)
    figure = figure_payload(build_figure(spec, rows, context))
    shown = shown_columns(spec)
    html = chart_html(
        spec,
        chart_id=chart_id,
        figure=figure,
        rows=rows,
        columns=columns,
        shown=shown,
        default_sources=dataset.sources,
    )
    return RenderedChart(chart_id, spec, html, figure, csv_text(rows, shown))
