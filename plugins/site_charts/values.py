"""Plain JSON-ready values and reader-facing labels, shared by every chart kind."""

from __future__ import annotations

from typing import Protocol

import pandas as pd


class ColumnText(Protocol):
    """How a column is named to readers."""

    title: str
    unit: str


def axis_title(column: ColumnText) -> str:
    """Return a column's title with its unit, e.g. "Area held (km²)"."""
    return f"{column.title} ({column.unit})" if column.unit else column.title


def plain_values(series: pd.Series) -> list:
    """Return JSON-ready values: ISO dates, ints without ``.0``, no float noise."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return [None if pd.isna(v) else f"{v:%Y-%m-%d}" for v in series]
    if pd.api.types.is_bool_dtype(series):
        return [None if pd.isna(v) else bool(v) for v in series]
    if pd.api.types.is_integer_dtype(series):
        return [None if pd.isna(v) else int(v) for v in series]
    if pd.api.types.is_float_dtype(series):
        return [None if pd.isna(v) else _number(float(v)) for v in series]
    return [None if pd.isna(v) else str(v) for v in series]


def _number(value: float) -> int | float:
    rounded = float(f"{value:.6g}")
    return int(rounded) if rounded.is_integer() else rounded


MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def reader_date(date: pd.Timestamp, precision: str = "day") -> str:
    """Return a date as readers see it: "10 June 2014", "June 2014" or "2014"."""
    if precision == "year":
        return str(date.year)
    month = f"{MONTHS[date.month - 1]} {date.year}"
    return month if precision == "month" else f"{date.day} {month}"
