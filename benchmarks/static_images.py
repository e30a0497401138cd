"""Time static chart images: every chart of the site cold, then warm (cached)."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "plugins")]

from bs4 import BeautifulSoup  # noqa: E402
from site_charts.static_images import ImageJob, render_images, themed  # noqa: E402

BUNDLE = REPO / "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js"


def site_jobs(output: Path) -> list[ImageJob]:
    """Return an image job for every chart in the built site."""
    theme = json.loads((REPO / "theme/chart-theme.json").read_text())
    jobs = []
    for page in sorted(output.rglob("index.html")):
        for figure in BeautifulSoup(page.read_text(), "html.parser").select(
            "figure.chart"
        ):
            payload = json.loads(figure.select_one("script.chart-figure").string)
            jobs.append(ImageJob(figure["id"], themed(payload, theme)))
    return jobs


def main() -> None:
    """Print cold and warm rendering times."""
    jobs = site_jobs(REPO / "output")
    cache = Path(tempfile.mkdtemp(prefix="chart-images-"))
    try:
        start = time.perf_counter()
        render_images(jobs, cache_dir=cache, bundle=BUNDLE, progress=lambda *a: None)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        render_images(jobs, cache_dir=cache, bundle=BUNDLE, progress=lambda *a: None)
        warm = time.perf_counter() - start
    finally:
        shutil.rmtree(cache)
    sys.stdout.write(
        f"{len(jobs)} static images, one browser session: cold {cold:.2f} s "
        f"({cold / len(jobs):.2f} s an image, browser start included); "
        f"warm {warm * 1000:.0f} ms (all cached); cold / warm {cold / warm:.0f}x\n"
    )


if __name__ == "__main__":
    main()
