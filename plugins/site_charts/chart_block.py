"""From the text of one chart block to its HTML: spec, rows, figure, markup."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .builders import build_figure
from .render import chart_html
from .rows import chart_rows, shown_columns
from .spec import ChartSpec, parse_chart_block


@dataclass(frozen=True)
class RenderedChart:
    """A chart's HTML and the spec it was built from."""

    spec: ChartSpec
    html: str


def chart_block_html(
    text: str,
    *,
    path: str,
    line: int,
    chart_id: str,
    datasets: Mapping[str, Any],
    require_alt: bool = False,
) -> RenderedChart:
    """Build the ``<figure>`` for a chart block whose YAML starts at ``line``.

    Raises:
        ChartError: the block names something that does not exist or is malformed.
    """
    spec = parse_chart_block(
        text, path=path, line=line, datasets=datasets, require_alt=require_alt
    )
    dataset = datasets[spec.data]
    columns = {column.name: column for column in dataset.columns}
    rows = chart_rows(spec, dataset.frame)
    figure = build_figure(spec, rows, columns)
    html = chart_html(
        spec,
        chart_id=chart_id,
        figure=figure,
        rows=rows,
        columns=columns,
        shown=shown_columns(spec),
    )
    return RenderedChart(spec, html)
