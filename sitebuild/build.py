"""Run Pelican so that any error fails the build and the last good site survives.

Pelican logs a failing article and carries on, exiting 0 without it. Here every
ERROR logged during the build fails it; the site is generated into a staging
directory and replaces the output directory only when the build succeeded.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings


class BuildFailed(Exception):
    """The build logged errors; the previous output was left in place."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        count = len(errors)
        super().__init__(
            f"the build failed with {count} error{'s' if count != 1 else ''}; "
            "the previous site in the output directory was left as it was"
        )


class _ErrorCollector(logging.Handler):
    """Remember every ERROR (or worse) logged while Pelican runs."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(
    settings_file: str | Path,
    output: str | Path,
    overrides: Mapping[str, Any] | None = None,
) -> Path:
    """Build the site into ``output`` and return its path.

    Raises:
        BuildFailed: anything logged an error; ``output`` is untouched.
    """
    output = Path(output)
    staging = output.with_name(f".{output.name}-staging")
    shutil.rmtree(staging, ignore_errors=True)
    settings = read_settings(
        str(settings_file),
        override={**(overrides or {}), "OUTPUT_PATH": str(staging.resolve())},
    )
    collector = _ErrorCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    except Exception as err:
        if not collector.messages:
            raise  # not a reported problem: a bug, keep its traceback
        collector.messages.append(f"{type(err).__name__}: {err}")
    finally:
        root.removeHandler(collector)
    if collector.messages:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(collector.messages)
    _swap_in(staging, output)
    return output


def _swap_in(staging: Path, output: Path) -> None:
    previous = output.with_name(f".{output.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
