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

from .palette import CONTROLLER_COLOURS, UNSOURCED, controller_class
from .spec import ChartSpec
from .values import ColumnText, axis_title, plain_values

# Replaced, per page, by the path from that page to the site's root.
SITE_ROOT = "@site-root@"
CHARTS_DIR = "charts"  # each chart's CSV and static image, written by assets.py
ASSETS = f"{SITE_ROOT}/{CHARTS_DIR}"
SOURCES_INLINE = 4  # more reports than this go into a list the reader can open
IMAGE_WIDTH = 720  # pixels; the static image scales down to the column


def figure_payload(figure: go.Figure) -> dict[str, Any]:
    """Return the figure as plain data, without plotly.py's default template."""
    payload = json.loads(figure.to_json())
    payload["layout"].pop("template", None)
    return payload


def figure_json(payload: dict[str, Any]) -> str:
    """Serialise a figure compactly and deterministically.

    ``<`` is escaped so the JSON can never close its ``<script>`` element.
    """
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
    figure: dict[str, Any],
    rows: pd.DataFrame,
    columns: Mapping[str, ColumnText],
    shown: Sequence[str],
    default_sources: Sequence[Mapping[str, str]] = (),
) -> str:
    """Return the ``<figure>`` element for one chart.

    Before the site script draws the chart, and for readers without
    JavaScript, the plot area shows the static image rendered at build time.
    """
    alt_id = f"{chart_id}-alt"
    height = figure["layout"]["height"]
    alt = escape(spec.alt or spec.title)
    caption = f'<span class="chart-caption">{escape(spec.caption)}</span>'
    parts = [
        f'<figure class="chart chart--{spec.kind}" id="{chart_id}">',
        "<figcaption>",
        f'<span class="chart-title">{escape(spec.title)}</span>',
        caption if spec.caption else "",
        "</figcaption>",
        f'<div class="chart-plot" role="img" aria-labelledby="{alt_id}">'
        f'<img class="chart-static" src="{ASSETS}/{chart_id}.svg" alt="{alt}" '
        f'width="{IMAGE_WIDTH}" height="{height}" loading="lazy" decoding="async"></div>',
        chart_legend(rows, unsourced=spec.kind == "map"),
        f'<p class="chart-alt visually-hidden" id="{alt_id}">{alt}</p>',
        f'<script type="application/json" class="chart-figure">'
        f"{figure_json(figure)}</script>",
        source_line(spec, rows, default_sources),
        f'<p class="chart-notes">Notes: {escape(spec.notes)}</p>' if spec.notes else "",
        f'<p class="chart-download"><a href="{ASSETS}/{chart_id}.csv" download>'
        "Download the data (CSV)</a></p>",
        data_table(rows, columns, shown),
        "</figure>",
    ]
    return "\n".join(p for p in parts if p)


def source_line(
    spec: ChartSpec, rows: pd.DataFrame, default_sources: Sequence[Mapping[str, str]]
) -> str:
    """Return the source line: the writer's text, else the reports behind the rows.

    Rows that carry no source of their own (derived tables) fall back to the
    dataset's sources.
    """
    if spec.source:
        return f'<p class="chart-source">Source: {escape(spec.source)}</p>'
    pairs = _row_sources(rows) or [(s["title"], s["path"]) for s in default_sources]
    links = [
        f'<a href="{escape(_href(url))}">{escape(title)}</a>' for title, url in pairs
    ]
    if len(links) > SOURCES_INLINE:
        items = "".join(f"<li>{link}</li>" for link in links)
        return (
            f'<details class="chart-source"><summary>Sources: {len(links)} '
            f"public reports</summary><ol>{items}</ol></details>"
        )
    label = "Sources" if len(links) > 1 else "Source"
    return f'<p class="chart-source">{label}: {"; ".join(links)}</p>' if links else ""


def _href(url: str) -> str:
    """Return a site-relative path ("data/#x") as a link from the page."""
    return url if "://" in url else f"{SITE_ROOT}/{url}"


def chart_legend(rows: pd.DataFrame, *, unsourced: bool = False) -> str:
    """Return an HTML legend of the controllers in the rows, in palette order.

    A map also shows places before their first sourced row: ``unsourced``.
    """
    if "controller" not in rows.columns:
        return ""
    present = set(rows["controller"].dropna())
    names = [name for name in CONTROLLER_COLOURS if name in present]
    names += [UNSOURCED] if unsourced else []
    items = "".join(
        f'<li><span class="swatch {controller_class(name)}"></span>{escape(name)}</li>'
        for name in names
    )
    return f'<ul class="chart-legend" aria-label="Colours">{items}</ul>'


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
        "<tr>"
        + "".join(
            _td(column, value) for column, value in zip(shown, values, strict=True)
        )
        + "</tr>"
        for values in zip(*(plain_values(rows[c]) for c in shown), strict=True)
    )
    return (
        '<details class="chart-data"><summary>Show the data</summary>'
        f'<div class="table-scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div></details>"
    )


def _td(column: str, value: Any) -> str:
    if column == "controller" and value:
        return (
            f'<td><span class="swatch {controller_class(value)}"></span>'
            f"{escape(value)}</td>"
        )
    return f"<td>{escape(_cell(value))}</td>"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
