"""What the Data page says about each dataset, from the loaded package."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class ColumnSummary:
    """A column as readers see it on the Data page."""

    name: str
    type: str
    unit: str
    meaning: str


@dataclass(frozen=True)
class DatasetSummary:
    """One dataset's entry on the Data page."""

    name: str
    title: str
    description: str
    file_name: str
    rows: int
    columns: tuple[ColumnSummary, ...]
    sources: tuple[Mapping[str, str], ...]
    source_reports: int
    licenses: tuple[Mapping[str, str], ...]


def summarise(datasets: Mapping[str, Any]) -> list[DatasetSummary]:
    """Return a summary of each published dataset (not derived ones), in order."""
    return [_summary(d) for d in datasets.values() if not d.derived_from]


def _summary(dataset: Any) -> DatasetSummary:
    columns = tuple(
        ColumnSummary(c.name, c.type, c.unit, c.description or c.title)
        for c in dataset.columns
    )
    return DatasetSummary(
        name=dataset.name,
        title=dataset.title,
        description=dataset.description,
        file_name=PurePosixPath(dataset.path).name,
        rows=len(dataset.frame),
        columns=columns,
        sources=tuple(dataset.sources),
        source_reports=_distinct_reports(dataset.frame),
        licenses=tuple(dataset.licenses),
    )


def _distinct_reports(frame: pd.DataFrame) -> int:
    urls = [frame[c] for c in ("source_url", "coord_source_url") if c in frame]
    return int(pd.concat(urls).nunique()) if urls else 0
