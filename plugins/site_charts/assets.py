"""The files a build writes for its charts, next to the pages.

* the plotly.js bundle, under a content-hashed name;
* ``charts/<chart id>.csv`` and ``charts/<chart id>.svg`` for every chart;
* ``theme/css/controllers.css``, the controllers' colours for tables and legends.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .chart_block import RenderedChart
from .palette import controllers_css
from .render import CHARTS_DIR
from .static_images import ImageJob, Progress, file_digest, render_images, themed


def hashed_name(bundle: Path) -> str:
    """Return the bundle's file name with a digest of its content in it."""
    digest = file_digest(bundle)[:12]
    stem = bundle.name.removesuffix(".min.js")
    return f"{stem}.{digest}.min.js"


def write_chart_files(
    charts: Sequence[RenderedChart],
    *,
    output: Path,
    theme: Mapping[str, Any],
    bundle: Path,
    cache_dir: Path,
    progress: Progress,
) -> None:
    """Write every chart's CSV and static image into ``output/charts``."""
    target = output / CHARTS_DIR
    target.mkdir(parents=True, exist_ok=True)
    for chart in charts:
        (target / f"{chart.chart_id}.csv").write_text(chart.csv, encoding="utf-8")
    jobs = [ImageJob(c.chart_id, themed(c.figure, theme)) for c in charts]
    images = render_images(jobs, cache_dir=cache_dir, bundle=bundle, progress=progress)
    for chart_id, image in images.items():
        shutil.copyfile(image, target / f"{chart_id}.svg")


def write_controllers_css(output: Path) -> None:
    """Write the stylesheet that colours controllers in tables and legends."""
    path = output / "theme" / "css" / "controllers.css"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(controllers_css(), encoding="utf-8")
