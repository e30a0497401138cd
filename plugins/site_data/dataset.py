"""A dataset: typed rows and what its schema says of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Column:
    """One column as the schema declares it."""

    name: str
    type: str
    title: str
    description: str = ""
    unit: str = ""


@dataclass(frozen=True)
class Dataset:
    """A resource of the package: its typed rows and what the schema says of them."""

    name: str
    title: str
    description: str
    path: str
    frame: pd.DataFrame = field(repr=False)
    columns: tuple[Column, ...]
    sources: tuple[Mapping[str, str], ...] = ()
    licenses: tuple[Mapping[str, str], ...] = ()
    derived_from: tuple[str, ...] = ()  # the files a derived table is computed from

    @property
    def column_names(self) -> list[str]:
        """Return the column names in schema order."""
        return [c.name for c in self.columns]
