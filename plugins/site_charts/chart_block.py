"""From the text of one chart block to its HTML: spec, rows, figure, markup."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .builders import build_figure
from .render import chart_html
from .rows import chart_rows, shown_columns
from .spec import parse_chart_block


def chart_block_html(
    text: str, *, path: str, line: int, chart_id: str, datasets: Mapping[str, Any]
) -> str:
    """Return the ``<figure>`` for a chart block whose YAML starts at ``line``.

    Raises:
        ChartError: the block names something that does not exist or is malformed.
    """
    spec = parse_chart_block(text, path=path, line=line, datasets=datasets)
    dataset = datasets[spec.data]
    columns = {column.name: column for column in dataset.columns}
    rows = chart_rows(spec, dataset.frame)
    figure = build_figure(spec, rows, columns)
    return chart_html(spec, chart_id, figure, rows, columns, shown_columns(spec))
