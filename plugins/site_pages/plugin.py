"""Pelican glue: the Data page, and the data files it offers for download.

The page lists every dataset (description, columns, sources, licence, rows,
downloads) and the corrections log ``data/CHANGELOG.md``; the CSV files and
``datapackage.json`` are copied next to it, byte for byte.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from markdown import markdown
from pelican import signals
from pelican.generators import Generator

from .data_page import summarise

log = logging.getLogger(__name__)

DEFAULTS = {"data_page": "data/index.html", "data_url": "data/"}


class DataPageGenerator(Generator):
    """Write the Data page and copy the published data files."""

    def generate_output(self, writer) -> None:
        """Render ``data.html`` and copy the data package into the output."""
        datasets = self.context["site_data"]
        data_dir = Path(self.settings.get("SITE_DATA", {}).get("path", "data"))
        changelog = data_dir / "CHANGELOG.md"
        writer.write_file(
            DEFAULTS["data_page"],
            self.get_template("data"),
            self.context,
            datasets=summarise(datasets),
            changelog=markdown(changelog.read_text(encoding="utf-8"))
            if changelog.is_file()
            else "",
            data_url=DEFAULTS["data_url"],
            relative_urls=self.settings.get("RELATIVE_URLS", False),
        )
        target = Path(self.output_path) / DEFAULTS["data_url"]
        target.mkdir(parents=True, exist_ok=True)
        for dataset in datasets.values():
            shutil.copyfile(dataset.path, target / Path(dataset.path).name)
        shutil.copyfile(data_dir / "datapackage.json", target / "datapackage.json")


def add_generator(pelican) -> type[Generator]:
    """Add the Data page generator to Pelican's list."""
    return DataPageGenerator


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.get_generators.connect(add_generator)
