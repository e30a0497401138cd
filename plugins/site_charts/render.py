"""Turn a built chart into the HTML a page embeds.

The figure travels as compact JSON inside ``<script type="application/json">``
(no executable inline script); the site script draws it. Everything a reader
needs without JavaScript (title, caption, source, notes, the data as a table)
is plain HTML around it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from .builders import ColumnText, axis_title, plain_values
from .spec import ChartSpec


def figure_json(figure: go.Figure) -> str:
    """Serialise a figure compactly and deterministically, without the template.

    ``<`` is escaped so the JSON can never close its ``<script>`` element.
    """
    payload = figure.to_plotly_json()
    payload["layout"].pop("template", None)
    text = json.dumps(
        payload,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    return text.replace("<", "\\u003c")


def chart_html(
    spec: ChartSpec,
    *,
    chart_id: str,
    figure: go.Figure,
    rows: pd.DataFrame,
    columns: Mapping[str, ColumnText],
    shown: Sequence[str],
) -> str:
    """Return the ``<figure>`` element for one chart."""
    alt_id = f"{chart_id}-alt"
    parts = [
        f'<figure class="chart" id="{chart_id}">',
        "<figcaption>",
        f'<span class="chart-title">{escape(spec.title)}</span>',
        f'<span class="chart-caption">{escape(spec.caption)}</span>'
        if spec.caption
        else "",
        "</figcaption>",
        f'<div class="chart-plot" data-chart="{chart_id}" role="img" '
        f'aria-labelledby="{alt_id}"{_height_attr(spec)}></div>',
        f'<p class="chart-alt visually-hidden" id="{alt_id}">{escape(spec.alt or spec.title)}</p>',
        f'<script type="application/json" id="{chart_id}-figure">{figure_json(figure)}</script>',
        source_line(spec, rows),
        f'<p class="chart-notes">Notes: {escape(spec.notes)}</p>' if spec.notes else "",
        data_table(rows, columns, shown),
        "</figure>",
    ]
    return "\n".join(p for p in parts if p)


def _height_attr(spec: ChartSpec) -> str:
    return f' data-height="{spec.height}"' if spec.height else ""


def source_line(spec: ChartSpec, rows: pd.DataFrame) -> str:
    """Return the source line: the writer's text, else every report behind the rows."""
    if spec.source:
        return f'<p class="chart-source">Source: {escape(spec.source)}</p>'
    links = [
        f'<a href="{escape(url)}">{escape(title)}</a>'
        for title, url in _row_sources(rows)
    ]
    label = "Sources" if len(links) > 1 else "Source"
    return f'<p class="chart-source">{label}: {"; ".join(links)}</p>' if links else ""


def _row_sources(rows: pd.DataFrame) -> list[tuple[str, str]]:
    if not {"source_title", "source_url"} <= set(rows.columns):
        return []
    pairs = zip(rows["source_title"], rows["source_url"], strict=True)
    return list(dict.fromkeys((str(t), str(u)) for t, u in pairs if pd.notna(u)))


def data_table(
    rows: pd.DataFrame, columns: Mapping[str, ColumnText], shown: Sequence[str]
) -> str:
    """Return the chart's rows as an HTML table inside a ``<details>``."""
    head = "".join(
        f'<th scope="col">{escape(axis_title(columns[c]))}</th>' for c in shown
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in values) + "</tr>"
        for values in zip(*(plain_values(rows[c]) for c in shown), strict=True)
    )
    return (
        '<details class="chart-data"><summary>Show the data</summary>'
        f'<div class="table-scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div></details>"
    )


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
