"""Pelican's Markdown reader, plus chart blocks, prose numbers and located errors."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions.meta import META_RE
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open, slugify

from .chart_block import RenderedChart, render_chart_block
from .errors import ChartError
from .markdown_ext import ChartExtension
from .prose import replace_references
from .spec import MISSING_ALT

log = logging.getLogger(__name__)


@dataclass
class BuildCharts:
    """What one build's readers share: the data in, the charts out."""

    datasets: Mapping[str, Any]
    basemap: Mapping[str, Any]
    require_alt: bool = False
    charts: list[RenderedChart] = field(default_factory=list)


class ChartMarkdownReader(MarkdownReader):
    """Read Markdown; render its chart blocks with the build's data."""

    build: BuildCharts | None = None  # set per build by the plugin

    def read(self, source_path):
        """Return the HTML and metadata of a Markdown file; count its charts."""
        if self.build is None:
            raise ChartError(source_path, 1, "the site_charts plugin was not started")
        self._source_path = source_path
        display_path = os.path.relpath(source_path)
        with pelican_open(source_path) as text:
            charts = ChartExtension(
                path=display_path,
                id_prefix=self._page_slug(text),
                render_block=partial(self._render_block, display_path),
                render_prose=partial(self._render_prose, display_path),
            )
            markdown_settings = dict(self.settings["MARKDOWN"])
            markdown_settings["extensions"] = [*markdown_settings["extensions"], charts]
            self._md = Markdown(**markdown_settings)
            try:
                content = self._md.convert(text)
            except ChartError as err:
                log.error("%s", err)
                raise
            except Exception:
                log.exception("%s: unexpected error while reading", display_path)
                raise
        chart_count = charts.charts  # read before _parse_metadata resets the Markdown
        metadata = self._parse_metadata(getattr(self._md, "Meta", {}))
        metadata["charts"] = chart_count
        return content, metadata

    def _render_block(self, path: str, text: str, line: int, chart_id: str) -> str:
        build = self.build
        chart = render_chart_block(
            text,
            path=path,
            line=line,
            chart_id=chart_id,
            datasets=build.datasets,
            basemap=build.basemap,
            require_alt=build.require_alt,
        )
        if chart.spec.alt is None:
            log.warning("%s:%d: %s", path, line - 1, MISSING_ALT)
        build.charts.append(chart)
        return chart.html

    def _render_prose(self, path: str, text: str, line: int) -> str:
        return replace_references(
            text, datasets=self.build.datasets, path=path, line=line
        )

    def _page_slug(self, text: str) -> str:
        """Return the page's slug from its metadata header, as Pelican will."""
        header = {}
        for line in text.lstrip("\ufeff").split("\n"):
            match = META_RE.match(line)
            if not match:
                break
            header.setdefault(match["key"].lower(), match["value"].strip())
        if header.get("slug"):
            return header["slug"]
        title = header.get("title") or Path(self._source_path).stem
        subs = self.settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
        return slugify(title, regex_subs=subs)
