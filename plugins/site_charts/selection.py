"""Check the options that pick rows: ``filter``, ``annotate`` and ``date``.

Values are checked against the data itself, so a misspelt estimator, place or
event id fails with the nearest real one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .block import Block
from .errors import did_you_mean


def check_filter(block: Block, frame: pd.DataFrame) -> dict[str, Any]:
    """Return the filter as {column: values} or {date column: (from, to)}."""
    filters = block.values.get("filter") or {}
    if not isinstance(filters, dict):
        raise block.error(
            "filter", "'filter' takes 'column: value' pairs, e.g. 'estimator: RAND'"
        )
    checked: dict[str, Any] = {}
    for column, wanted in filters.items():
        if column not in frame.columns:
            raise block.error(
                "filter",
                f"cannot filter on '{column}': no such column in "
                f"'{block.values['data']}'" + did_you_mean(column, frame.columns),
            )
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            checked[column] = _date_range(block, column, wanted)
        else:
            checked[column] = _known_values(
                block, "filter", column, wanted, frame[column]
            )
    return checked


def _known_values(
    block: Block, key: str, column: str, wanted: Any, series: pd.Series
) -> tuple:
    values = wanted if isinstance(wanted, list) else [wanted]
    present = set(series.dropna().astype(str))
    for value in values:
        if str(value) not in present:
            raise block.error(
                key, f"no row has {column} '{value}'" + did_you_mean(value, present)
            )
    return tuple(str(v) for v in values)


def _date_range(block: Block, column: str, wanted: Any) -> tuple[str | None, ...]:
    if not isinstance(wanted, dict) or not set(wanted) <= {"from", "to"}:
        raise block.error(
            "filter",
            f"filter a date column with 'from' and 'to', e.g. "
            f"'{column}: {{from: 2015-01-01, to: 2016-12-31}}'",
        )
    return tuple(check_date(block, "filter", wanted.get(key)) for key in ("from", "to"))


def check_date(block: Block, key: str, value: Any) -> str | None:
    """Return a YAML date as ``YYYY-MM-DD``; None stays None."""
    if value is None:
        return None
    if not isinstance(value, dt.date):
        raise block.error(key, f"'{value}' is not a date (write YYYY-MM-DD)")
    return value.isoformat()


def check_annotate(block: Block, datasets: Mapping[str, Any]) -> tuple[str, ...]:
    """Return the ids of the events to mark, from 'events', categories or ids."""
    wanted = block.values.get("annotate")
    if wanted is None:
        return ()
    if "events" not in datasets:
        raise block.error("annotate", "'annotate' needs the events dataset")
    events = datasets["events"].frame
    if wanted == "events":
        return tuple(events["event_id"])
    if isinstance(wanted, dict) and set(wanted) == {"category"}:
        categories = _known_values(
            block, "annotate", "category", wanted["category"], events["category"]
        )
        return tuple(events[events["category"].isin(categories)]["event_id"])
    if isinstance(wanted, list):
        return _known_values(block, "annotate", "event_id", wanted, events["event_id"])
    raise block.error(
        "annotate",
        "'annotate' takes 'events', a list of event ids, "
        "or '{category: territory}' (see data/events.csv)",
    )
