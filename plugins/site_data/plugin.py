"""Pelican glue: load and validate ``data/`` once per build, hand it to templates.

The datasets go into the shared generator context as ``site_data`` (a dict of
:class:`~.load.Dataset` by name), where the chart plugin and the templates find them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .errors import DataError
from .load import load_package

log = logging.getLogger(__name__)

DEFAULTS = {"path": "data"}
CONTEXT_KEY = "site_data"


def settings_for(settings: dict) -> dict:
    """Return the ``SITE_DATA`` settings with defaults filled in."""
    return {**DEFAULTS, **settings.get("SITE_DATA", {})}


def load_into_context(generator) -> None:
    """Load the data package into the context the first time a generator starts."""
    context = generator.context
    if CONTEXT_KEY in context:
        return
    data_dir = settings_for(generator.settings)["path"]
    try:
        context[CONTEXT_KEY] = load_package(
            Path(data_dir) / "datapackage.json", data_dir
        )
    except DataError as err:
        for problem in err.problems:
            log.error("%s", problem)
        raise
    log.debug("Loaded %d datasets from %s", len(context[CONTEXT_KEY]), data_dir)


def register() -> None:
    """Connect the plugin to Pelican's signals."""
    signals.generator_init.connect(load_into_context)
