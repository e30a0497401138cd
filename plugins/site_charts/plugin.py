"""Pelican glue for charts: wire the reader, the data and the chart files.

* ``initialized``: name the plotly.js bundle (``PLOTLY_JS``) and load the chart
  theme (``CHART_THEME`` for the site script) once per Pelican instance;
* ``readers_init``: Markdown is read by :class:`~.reader.ChartMarkdownReader`;
* ``generator_init``: the readers get this build's datasets and base map;
* ``content_object_init``: chart file links point from the page to ``charts/``;
* ``all_generators_finalized``: write the CSVs, static images, bundle and CSS.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from pelican import signals
from pelican.utils import get_relative_path

from .assets import hashed_name, write_chart_files, write_controllers_css
from .errors import ChartError
from .reader import BuildCharts, ChartMarkdownReader
from .render import SITE_ROOT

log = logging.getLogger(__name__)

DEFAULTS = {
    "plotly_bundle": "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js",
    "bundle_dir": "theme/js",
    "theme": "theme/chart-theme.json",
    "basemap": "data/geo/basemap.geojson",
    "image_cache": ".cache/chart-images",
    "require_alt": False,
}
BUILD_KEY = "site_charts"


def settings_for(settings: dict) -> dict:
    """Return the ``SITE_CHARTS`` settings with defaults filled in."""
    return {**DEFAULTS, **settings.get("SITE_CHARTS", {})}


def prepare(pelican) -> None:
    """Name the hashed bundle and load the chart theme, for the templates."""
    options = settings_for(pelican.settings)
    bundle = Path(options["plotly_bundle"])
    if not bundle.is_file():
        log.error(
            "%s is missing: install the front-end assets with 'npm ci' "
            "(make html does this for you)",
            bundle,
        )
        raise ChartError(str(bundle), 1, "plotly.js bundle missing; run npm ci")
    pelican.settings["PLOTLY_JS"] = f"{options['bundle_dir']}/{hashed_name(bundle)}"
    theme = read_json(options["theme"], "the chart theme")
    pelican.settings["CHART_THEME"] = json.dumps(
        theme, sort_keys=True, separators=(",", ":")
    )


def read_json(path: str, what: str) -> dict:
    """Return a JSON file's content; a missing or broken file is a located error."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        log.error(
            "%s: %s is missing (restore it: git checkout -- %s)", path, what, path
        )
        raise ChartError(path, 1, f"{what} is missing") from err
    except json.JSONDecodeError as err:
        log.error("%s:%d: %s is not valid JSON: %s", path, err.lineno, what, err.msg)
        raise ChartError(path, err.lineno, f"{what} is not valid JSON") from err


def use_chart_reader(readers) -> None:
    """Read every Markdown extension with the chart-aware reader."""
    for extension in ChartMarkdownReader.file_extensions:
        readers.reader_classes[extension] = ChartMarkdownReader


def start_build(generator) -> None:
    """Give the chart readers this build's datasets, base map and chart list."""
    context = generator.context
    if BUILD_KEY not in context:
        datasets = context.get("site_data")
        if datasets is None:
            log.error(
                "site_charts needs the site_data plugin: list it first in PLUGINS"
            )
            raise ChartError(
                "pelicanconf.py", 1, "site_data must come before site_charts"
            )
        options = settings_for(generator.settings)
        basemap = read_json(options["basemap"], "the base map")
        context[BUILD_KEY] = BuildCharts(datasets, basemap, options["require_alt"])
    for reader in generator.readers.readers.values():
        if isinstance(reader, ChartMarkdownReader):
            reader.build = context[BUILD_KEY]


def link_chart_files(content) -> None:
    """Point a page's chart links (CSV, image, data page) from where it lives."""
    if SITE_ROOT not in (content._content or ""):
        return
    if content.settings.get("RELATIVE_URLS"):
        root = get_relative_path(content.save_as).rstrip("/")
    else:
        root = content.settings.get("SITEURL", "")
    content._content = content._content.replace(SITE_ROOT, root)


def write_files(generators) -> None:
    """Write the chart files, the plotly.js bundle and the controllers' CSS."""
    context = generators[0].context
    settings = generators[0].settings
    options = settings_for(settings)
    output = Path(settings["OUTPUT_PATH"])
    build = context.get(BUILD_KEY)
    if build and build.charts:
        write_chart_files(
            build.charts,
            output=output,
            theme=json.loads(settings["CHART_THEME"]),
            bundle=Path(options["plotly_bundle"]),
            cache_dir=Path(options["image_cache"]),
            progress=_log_progress,
        )
    bundle_target = output / settings["PLOTLY_JS"]
    bundle_target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(options["plotly_bundle"], bundle_target)
    write_controllers_css(output)


def _log_progress(number: int, total: int, chart_id: str) -> None:
    log.info("Rendering static chart image %d/%d: %s", number, total, chart_id)


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(prepare)
    signals.readers_init.connect(use_chart_reader)
    signals.generator_init.connect(start_build)
    signals.content_object_init.connect(link_chart_files)
    signals.all_generators_finalized.connect(write_files)
