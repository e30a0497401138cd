"""Load a validated data package into typed pandas DataFrames."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .dataset import Column, Dataset
from .derived import derive
from .errors import DataError
from .package import read_descriptor
from .rules import check_rules
from .validate import validate_package

PANDAS_TYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


def load_package(
    descriptor_path: Path, display_dir: str = "data"
) -> dict[str, Dataset]:
    """Validate the package; return its datasets, and those derived from them, by name.

    Raises:
        DataError: with every problem found, if anything breaks the schema.
    """
    descriptor = read_descriptor(
        descriptor_path, f"{display_dir}/{descriptor_path.name}"
    )
    base_dir = descriptor_path.parent
    problems = validate_package(descriptor, base_dir, display_dir)
    if problems:
        raise DataError(problems)
    datasets = {
        resource["name"]: _load_resource(resource, base_dir, display_dir)
        for resource in descriptor["resources"]
    }
    problems = check_rules(datasets)
    if problems:
        raise DataError(problems)
    return {**datasets, **derive(datasets)}


def _load_resource(
    resource: dict[str, Any], base_dir: Path, display_dir: str
) -> Dataset:
    schema_fields = resource["schema"]["fields"]
    raw = pd.read_csv(
        base_dir / resource["path"],
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8-sig",
    )
    frame = pd.DataFrame(
        {f["name"]: _typed(raw[f["name"]], f["type"]) for f in schema_fields}
    )
    columns = tuple(
        Column(
            name=f["name"],
            type=f["type"],
            title=f.get("title", f["name"]),
            description=f.get("description", ""),
            unit=f.get("unit", ""),
        )
        for f in schema_fields
    )
    return Dataset(
        name=resource["name"],
        title=resource.get("title", resource["name"]),
        description=resource.get("description", ""),
        path=f"{display_dir}/{resource['path']}",
        frame=frame,
        columns=columns,
        sources=tuple(resource.get("sources", ())),
        licenses=tuple(resource.get("licenses", ())),
    )


def _typed(values: pd.Series, schema_type: str) -> pd.Series:
    if schema_type == "date":
        return pd.to_datetime(values, format="%Y-%m-%d")
    return values.astype(PANDAS_TYPES.get(schema_type, "string"))
