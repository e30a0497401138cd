"""Read a Frictionless data package descriptor (``datapackage.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import DataError, DataProblem


def read_descriptor(descriptor_path: Path, display_path: str) -> dict[str, Any]:
    """Parse the descriptor, turning broken JSON into a located problem.

    Raises:
        DataError: the file is missing, is not JSON, or has no resources.
    """
    try:
        text = descriptor_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        problem = DataProblem(
            display_path,
            "the data package descriptor is missing",
            fix="restore it from git: git checkout -- " + display_path,
        )
        raise DataError([problem]) from err
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as err:
        problem = DataProblem(
            display_path,
            f"column {err.colno}: not valid JSON: {err.msg}",
            row=err.lineno,
            fix="check for a missing comma, quote or bracket near that line",
        )
        raise DataError([problem]) from err
    if not isinstance(descriptor, dict) or not descriptor.get("resources"):
        problem = DataProblem(
            display_path,
            "the descriptor lists no resources",
            fix='add a "resources" list with one entry per CSV file',
        )
        raise DataError([problem])
    return descriptor
