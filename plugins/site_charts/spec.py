"""Parse a chart block's YAML into a checked, frozen :class:`ChartSpec`.

Every mistake a writer can make in the block (bad YAML, an unknown option, kind,
dataset, column or filter value) becomes a :class:`ChartError` naming the file,
the line of the offending key and the nearest valid choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd
import yaml

from .errors import ChartError, did_you_mean

SERIES_KINDS = ("line", "area", "step")
KINDS = SERIES_KINDS
COMMON_OPTIONS = (
    "kind",
    "data",
    "title",
    "alt",
    "caption",
    "notes",
    "source",
    "height",
    "filter",
)
KIND_OPTIONS = dict.fromkeys(SERIES_KINDS, ("x", "y", "color"))
KIND_REQUIRED = dict.fromkeys(SERIES_KINDS, ("x", "y"))
HEIGHT_RANGE = (200, 1200)
MISSING_ALT = (
    "this chart has no 'alt' text for screen readers; "
    "add 'alt: <one sentence on what the chart shows>'"
)


class DatasetLike(Protocol):
    """What the spec needs to know of a dataset."""

    frame: pd.DataFrame

    @property
    def column_names(self) -> list[str]: ...  # noqa: D102


@dataclass(frozen=True)
class ChartSpec:
    """A chart block, checked against the data it names."""

    kind: str
    data: str
    title: str
    path: str
    line: int
    x: str | None = None
    y: str | None = None
    color: str | None = None
    alt: str | None = None
    caption: str = ""
    notes: str = ""
    source: str = ""
    height: int | None = None
    filter: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Block:
    """The parsed YAML with the file line of each key."""

    path: str
    first_line: int
    values: dict[str, Any]
    lines: dict[str, int]

    def error(self, key: str | None, message: str) -> ChartError:
        line = self.lines.get(key, self.first_line) if key else self.first_line
        return ChartError(self.path, line, message)


def parse_chart_block(
    text: str,
    *,
    path: str,
    line: int,
    datasets: Mapping[str, DatasetLike],
    require_alt: bool = False,
) -> ChartSpec:
    """Return the spec of a chart block whose YAML starts on file line ``line``.

    A missing ``alt`` is an error only when ``require_alt`` is set (in CI);
    otherwise the caller warns.

    Raises:
        ChartError: anything in the block is wrong; the message says how to fix it.
    """
    block = _read_yaml(text, path, line)
    kind = _check_kind(block)
    _check_options(block, kind)
    dataset = _check_dataset(block, datasets)
    for key in (*KIND_OPTIONS[kind], "filter"):
        if key in block.values and key != "filter":
            _check_column(block, key, block.values[key], dataset)
    filters = _check_filter(block, dataset)
    if require_alt and not _text(block, "alt"):
        raise ChartError(path, line - 1, MISSING_ALT)
    return ChartSpec(
        kind=kind,
        data=block.values["data"],
        title=_text(block, "title"),
        path=path,
        line=line,
        x=block.values.get("x"),
        y=block.values.get("y"),
        color=block.values.get("color"),
        alt=_text(block, "alt") or None,
        caption=_text(block, "caption"),
        notes=_text(block, "notes"),
        source=_text(block, "source"),
        height=_check_height(block),
        filter=filters,
    )


def _read_yaml(text: str, path: str, line: int) -> _Block:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        values = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        # Where an unclosed bracket or quote began beats where YAML gave up.
        mark = err.context_mark or err.problem_mark
        where = line + (mark.line if mark else 0)
        raise ChartError(
            path,
            where,
            f"the chart block is not valid YAML: {err.problem} "
            "(write one 'option: value' per line; quote values that contain ': ')",
        ) from err
    if not isinstance(root, yaml.MappingNode) or not isinstance(values, dict):
        raise ChartError(
            path,
            line,
            "the chart block must be 'option: value' lines, e.g. 'kind: line'",
        )
    lines = {key.value: line + key.start_mark.line for key, _ in root.value}
    return _Block(path, line, values, lines)


def _check_kind(block: _Block) -> str:
    kind = block.values.get("kind")
    if kind is None:
        raise block.error(None, "the chart block needs a 'kind', e.g. 'kind: line'")
    if kind not in KINDS:
        raise block.error(
            "kind", f"unknown chart kind '{kind}'" + did_you_mean(kind, KINDS)
        )
    return kind


def _check_options(block: _Block, kind: str) -> None:
    allowed = (*COMMON_OPTIONS, *KIND_OPTIONS[kind])
    for key in block.values:
        if key not in allowed:
            raise block.error(
                key,
                f"unknown option '{key}' for a {kind} chart"
                + did_you_mean(key, allowed),
            )
    for key in ("data", "title", *KIND_REQUIRED[kind]):
        if block.values.get(key) in (None, ""):
            raise block.error(None, f"a {kind} chart needs '{key}: ...'")


def _check_dataset(block: _Block, datasets: Mapping[str, DatasetLike]) -> DatasetLike:
    name = block.values["data"]
    if name not in datasets:
        raise block.error(
            "data", f"unknown dataset '{name}'" + did_you_mean(name, datasets)
        )
    return datasets[name]


def _check_column(block: _Block, key: str, column: Any, dataset: DatasetLike) -> None:
    if column not in dataset.column_names:
        raise block.error(
            key,
            f"unknown column '{column}' in dataset '{block.values['data']}'"
            + did_you_mean(column, dataset.column_names),
        )


def _check_filter(block: _Block, dataset: DatasetLike) -> dict[str, Any]:
    filters = block.values.get("filter") or {}
    if not isinstance(filters, dict):
        raise block.error(
            "filter", "'filter' takes 'column: value' pairs, e.g. 'estimator: RAND'"
        )
    checked = {}
    for column, wanted in filters.items():
        _check_column(block, "filter", column, dataset)
        series = dataset.frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            checked[column] = _date_range(block, column, wanted)
            continue
        values = wanted if isinstance(wanted, list) else [wanted]
        present = set(series.dropna().astype(str))
        for value in values:
            if str(value) not in present:
                raise block.error(
                    "filter",
                    f"no row has {column} '{value}'" + did_you_mean(value, present),
                )
        checked[column] = tuple(str(v) for v in values)
    return checked


def _date_range(
    block: _Block, column: str, wanted: Any
) -> tuple[str | None, str | None]:
    if not isinstance(wanted, dict) or not set(wanted) <= {"from", "to"}:
        raise block.error(
            "filter",
            f"filter a date column with 'from' and 'to': {column}: {{from: 2015-01-01}}",
        )
    bounds = []
    for key in ("from", "to"):
        value = wanted.get(key)
        if value is not None and not isinstance(value, dt.date):
            raise block.error(
                "filter", f"'{key}: {value}' is not a date (write YYYY-MM-DD)"
            )
        bounds.append(value.isoformat() if value is not None else None)
    return bounds[0], bounds[1]


def _check_height(block: _Block) -> int | None:
    height = block.values.get("height")
    low, high = HEIGHT_RANGE
    if height is not None and not (isinstance(height, int) and low <= height <= high):
        raise block.error(
            "height", f"height must be a number of pixels from {low} to {high}"
        )
    return height


def _text(block: _Block, key: str) -> str:
    value = block.values.get(key)
    return "" if value is None else str(value).strip()
