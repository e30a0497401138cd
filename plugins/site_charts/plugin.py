"""Pelican glue: read Markdown with chart blocks, ship the plotly.js bundle.

* ``readers_init``: Markdown files are read by :class:`ChartMarkdownReader`.
* ``generator_init``: the readers get the datasets the data plugin loaded.
* ``initialized`` / ``finalized``: the plotly.js bundle gets a content-hashed
  name (``PLOTLY_JS`` in templates) and is copied into the output.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from functools import partial
from pathlib import Path

from markdown import Markdown
from markdown.extensions.meta import META_RE
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open, slugify

from .chart_block import chart_block_html
from .errors import ChartError
from .markdown_ext import ChartExtension
from .spec import MISSING_ALT

log = logging.getLogger(__name__)

DEFAULTS = {
    "plotly_bundle": "node_modules/plotly.js-geo-dist-min/plotly-geo.min.js",
    "bundle_dir": "theme/js",
    "require_alt": False,
}


def settings_for(settings: dict) -> dict:
    """Return the ``SITE_CHARTS`` settings with defaults filled in."""
    return {**DEFAULTS, **settings.get("SITE_CHARTS", {})}


class ChartMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, plus chart blocks and located errors."""

    datasets: dict = {}  # noqa: RUF012 (set per build by attach_datasets)

    def read(self, source_path):
        """Return the HTML and metadata of a Markdown file; count its charts."""
        self._source_path = source_path
        display_path = os.path.relpath(source_path)
        with pelican_open(source_path) as text:
            charts = ChartExtension(
                path=display_path,
                id_prefix=self._page_slug(text),
                render_block=partial(self._render_block, display_path),
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
        require_alt = settings_for(self.settings)["require_alt"]
        chart = chart_block_html(
            text,
            path=path,
            line=line,
            chart_id=chart_id,
            datasets=self.datasets,
            require_alt=require_alt,
        )
        if chart.spec.alt is None:
            log.warning("%s:%d: %s", path, line - 1, MISSING_ALT)
        return chart.html

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


def use_chart_reader(readers) -> None:
    """Read every Markdown extension with the chart-aware reader."""
    for extension in ChartMarkdownReader.file_extensions:
        readers.reader_classes[extension] = ChartMarkdownReader


def attach_datasets(generator) -> None:
    """Give the chart readers the datasets loaded by the site_data plugin."""
    datasets = generator.context.get("site_data")
    if datasets is None:
        log.error("site_charts needs the site_data plugin: list it first in PLUGINS")
        raise ChartError("pelicanconf.py", 1, "site_data must come before site_charts")
    for reader in generator.readers.readers.values():
        if isinstance(reader, ChartMarkdownReader):
            reader.datasets = datasets


def hashed_bundle_name(bundle: Path) -> str:
    """Return the bundle's file name with a digest of its content in it."""
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()[:12]
    stem = bundle.name.removesuffix(".min.js")
    return f"{stem}.{digest}.min.js"


def name_bundle(pelican) -> None:
    """Expose the hashed bundle URL to templates as ``PLOTLY_JS``."""
    options = settings_for(pelican.settings)
    bundle = Path(options["plotly_bundle"])
    if not bundle.is_file():
        log.error(
            "%s is missing: install the front-end assets with 'npm ci' "
            "(make html does this for you)",
            bundle,
        )
        raise ChartError(str(bundle), 1, "plotly.js bundle missing; run npm ci")
    pelican.settings["PLOTLY_JS"] = (
        f"{options['bundle_dir']}/{hashed_bundle_name(bundle)}"
    )


def copy_bundle(pelican) -> None:
    """Copy the plotly.js bundle into the output under its hashed name."""
    options = settings_for(pelican.settings)
    target = Path(pelican.output_path) / pelican.settings["PLOTLY_JS"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(options["plotly_bundle"], target)


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(name_bundle)
    signals.readers_init.connect(use_chart_reader)
    signals.generator_init.connect(attach_datasets)
    signals.finalized.connect(copy_bundle)
