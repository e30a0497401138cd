"""Render static SVG images of charts with kaleido, in one browser session.

Images are cached by a hash of everything they depend on (the figure with the
site theme applied, the size, and the plotly.js bundle), so a warm build
renders nothing. plotly.js draws ids such as clip paths from a random per-plot
uid; those are renamed after the chart so the same input gives the same bytes.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import hashlib
import json
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kaleido

from .render import IMAGE_WIDTH

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ImageJob:
    """One chart to draw: its id and figure (theme applied)."""

    chart_id: str
    figure: Mapping[str, Any]

    @property
    def height(self) -> int:
        """Return the figure's height in pixels."""
        return self.figure["layout"]["height"]

    def key(self, bundle_digest: str) -> str:
        """Return the cache key: a digest of the figure, size and bundle."""
        text = json.dumps(
            [self.figure, self.height, IMAGE_WIDTH, bundle_digest], sort_keys=True
        )
        return hashlib.sha256(text.encode()).hexdigest()[:20]


def themed(figure: Mapping[str, Any], theme: Mapping[str, Any]) -> dict[str, Any]:
    """Return the figure over the site theme, as the site script draws it.

    Traces get fixed uids, which plotly.js writes into the SVG.
    """
    result = copy.deepcopy(dict(figure))
    result["layout"] = deep_merge(theme, figure.get("layout", {}))
    result.pop("frames", None)  # a static image shows the initial state only
    for number, trace in enumerate(result.get("data", [])):
        trace.setdefault("uid", f"trace{number}")  # else plotly.js draws a random one
    return result


def deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``extra`` over ``base``, recursing into dicts (not lists)."""
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@functools.cache
def _digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_digest(path: Path) -> str:
    """Return a file's SHA-256, read once per process while the file is unchanged."""
    return _digest(path.resolve(), path.stat().st_mtime_ns)


def render_images(
    jobs: Sequence[ImageJob], *, cache_dir: Path, bundle: Path, progress: Progress
) -> dict[str, Path]:
    """Return the cached SVG for every job, rendering the missing ones first."""
    digest = file_digest(bundle)
    cache_dir.mkdir(parents=True, exist_ok=True)
    paths = {job.chart_id: cache_dir / f"{job.key(digest)}.svg" for job in jobs}
    missing = [job for job in jobs if not paths[job.chart_id].exists()]
    if missing:
        # In a thread of its own, so a caller's running event loop is no obstacle.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _render(missing, paths, bundle, progress)).result()
    return paths


async def _render(
    jobs: Sequence[ImageJob],
    paths: Mapping[str, Path],
    bundle: Path,
    progress: Progress,
) -> None:
    async def specs() -> AsyncIterator[dict[str, Any]]:
        for number, job in enumerate(jobs, 1):
            progress(number, len(jobs), job.chart_id)
            yield {
                "fig": job.figure,
                "path": str(paths[job.chart_id].with_suffix(".tmp.svg")),
                "opts": {"format": "svg", "width": IMAGE_WIDTH, "height": job.height},
            }

    async with kaleido.Kaleido(
        n=1, plotlyjs=bundle.resolve().as_uri(), mathjax=False
    ) as browser:
        await browser.write_fig_from_object(specs(), cancel_on_error=True)
    for job in jobs:
        raw = paths[job.chart_id].with_suffix(".tmp.svg")
        paths[job.chart_id].write_text(stable_ids(raw.read_text(), job.chart_id))
        raw.unlink()


def stable_ids(svg: str, chart_id: str) -> str:
    """Replace plotly.js's random per-plot uid with the chart's id."""
    uids = set(re.findall(r'id="clip([0-9a-f]{6})', svg))
    for number, uid in enumerate(sorted(uids)):
        svg = svg.replace(uid, f"{chart_id}-{number}")
    return svg
