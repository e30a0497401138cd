"""Print the sizes readers download: the plotly.js bundle and each chart's figure JSON.

Also compares a 60-point series as this site embeds it with plotly's default
``fig.to_json()`` (target: at most 2 KB gzipped).
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from site_charts.render import figure_json, figure_payload  # noqa: E402
from site_charts.values import plain_values  # noqa: E402


def gz(data: bytes) -> int:
    """Return the gzipped size in bytes (level 9, as a CDN would serve)."""
    return len(gzip.compress(data, 9, mtime=0))


def bundle_sizes(output: Path) -> None:
    """Print the raw and gzipped size of the plotly.js bundle in the output."""
    for bundle in sorted((output / "theme/js").glob("plotly-*.min.js")):
        data = bundle.read_bytes()
        sys.stdout.write(f"{bundle.name}: {len(data):,} B, {gz(data):,} B gzipped\n")


def figure_sizes(output: Path) -> None:
    """Print each chart's figure JSON size and the median."""
    rows = []
    for page in sorted(output.rglob("index.html")):
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for figure in soup.select("figure.chart"):
            text = figure.select_one("script.chart-figure").string.encode()
            rows.append((figure["id"], len(text), gz(text)))
    for chart_id, raw, packed in rows:
        sys.stdout.write(f"  {chart_id:32} {raw:8,} B  {packed:7,} B gzipped\n")
    median = statistics.median(packed for _, _, packed in rows)
    sys.stdout.write(
        f"median figure JSON: {median:,.0f} B gzipped ({len(rows)} charts)\n"
    )


def sixty_points() -> None:
    """Compare a 60-point series: the site's figure JSON against plotly's default."""
    dates = pd.Series(pd.date_range("2014-01-31", periods=60, freq="ME"))
    values = pd.Series(range(90_000, 30_000, -1_000), dtype="Int64")
    trace = go.Scatter(
        x=plain_values(dates), y=plain_values(values), mode="lines+markers"
    )
    site = figure_json(figure_payload(go.Figure(trace))).encode()
    default = go.Figure(go.Scatter(x=dates, y=values.astype(int))).to_json().encode()
    sys.stdout.write(
        f"60-point series: site {len(site):,} B ({gz(site):,} B gzipped); "
        f"plotly default to_json {len(default):,} B ({gz(default):,} B gzipped); "
        f"ratio {gz(default) / gz(site):.1f}x\n"
    )


def main() -> None:
    """Print every size."""
    output = REPO / "output"
    if not output.exists():
        sys.exit("Build the site first: make html")
    bundle_sizes(output)
    figure_sizes(output)
    sixty_points()


if __name__ == "__main__":
    main()
