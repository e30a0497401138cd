"""Parse a chart block's YAML into a checked, frozen :class:`ChartSpec`.

Every mistake a writer can make in the block (bad YAML, an unknown option, kind,
dataset, column or value) becomes a :class:`ChartError` naming the file, the
line of the offending key and the nearest valid choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from .block import Block, read_block
from .errors import ChartError, did_you_mean
from .selection import check_annotate, check_date, check_filter


@dataclass(frozen=True)
class KindRules:
    """What one chart kind accepts and needs."""

    options: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    needs_columns: tuple[str, ...] = ()
    usual_data: str = ""


SERIES = KindRules(options=("x", "y", "color", "annotate"), required=("x", "y"))
PERIODS = ("name", "start", "end", "controller")
KINDS: dict[str, KindRules] = {
    "line": SERIES,
    "area": SERIES,
    "step": SERIES,
    "bar": KindRules(options=("x", "y", "color"), required=("x", "y")),
    "timeline": KindRules(needs_columns=PERIODS, usual_data="control_periods"),
    "map": KindRules(
        options=("date",),
        needs_columns=(*PERIODS, "lat", "lon", "at_crossing"),
        usual_data="control_periods",
    ),
}
COMMON_OPTIONS = (
    "kind", "data", "title", "alt", "caption", "notes", "source", "height", "filter",
)  # fmt: skip
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
    annotate: tuple[str, ...] = ()
    date: str | None = None


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
    block = read_block(text, path, line)
    kind = _check_kind(block)
    _check_options(block, kind)
    dataset = _check_dataset(block, kind, datasets)
    for key in ("x", "y", "color"):
        if key in block.values:
            _check_column(block, key, block.values[key], dataset)
    if require_alt and not block.text("alt"):
        raise ChartError(path, line - 1, MISSING_ALT)
    return ChartSpec(
        kind=kind,
        data=block.values["data"],
        title=block.text("title"),
        path=path,
        line=line,
        x=block.values.get("x"),
        y=block.values.get("y"),
        color=block.values.get("color"),
        alt=block.text("alt") or None,
        caption=block.text("caption"),
        notes=block.text("notes"),
        source=block.text("source"),
        height=_check_height(block),
        filter=check_filter(block, dataset.frame),
        annotate=check_annotate(block, datasets),
        date=_check_map_date(block),
    )


def _check_kind(block: Block) -> str:
    kind = block.values.get("kind")
    if kind is None:
        raise block.error(None, "the chart block needs a 'kind', e.g. 'kind: line'")
    if kind not in KINDS:
        raise block.error(
            "kind", f"unknown chart kind '{kind}'" + did_you_mean(kind, KINDS)
        )
    return kind


def _check_options(block: Block, kind: str) -> None:
    allowed = (*COMMON_OPTIONS, *KINDS[kind].options)
    for key in block.values:
        if key not in allowed:
            raise block.error(
                key,
                f"unknown option '{key}' for a {kind} chart"
                + did_you_mean(key, allowed),
            )
    for key in ("data", "title", *KINDS[kind].required):
        if block.values.get(key) in (None, ""):
            raise block.error(None, f"a {kind} chart needs '{key}: ...'")


def _check_dataset(
    block: Block, kind: str, datasets: Mapping[str, DatasetLike]
) -> DatasetLike:
    name = block.values["data"]
    if name not in datasets:
        raise block.error(
            "data", f"unknown dataset '{name}'" + did_you_mean(name, datasets)
        )
    rules = KINDS[kind]
    missing = [c for c in rules.needs_columns if c not in datasets[name].column_names]
    if missing:
        raise block.error(
            "data",
            f"a {kind} chart needs the columns {', '.join(missing)}, which "
            f"'{name}' lacks; use 'data: {rules.usual_data}'",
        )
    return datasets[name]


def _check_column(block: Block, key: str, column: Any, dataset: DatasetLike) -> None:
    if column not in dataset.column_names:
        raise block.error(
            key,
            f"unknown column '{column}' in dataset '{block.values['data']}'"
            + did_you_mean(column, dataset.column_names),
        )


STORY_END = "2019-12-31"  # the last day the charts show
MAP_MONTHS = ("2014-01-01", STORY_END)


def _check_map_date(block: Block) -> str | None:
    date = check_date(block, "date", block.values.get("date"))
    first, last = MAP_MONTHS
    if date is not None and not first <= date <= last:
        raise block.error(
            "date", f"the map shows {first[:7]} to {last[:7]}; pick a date in it"
        )
    return date


def _check_height(block: Block) -> int | None:
    height = block.values.get("height")
    low, high = HEIGHT_RANGE
    if height is not None and not (isinstance(height, int) and low <= height <= high):
        raise block.error(
            "height", f"height must be a number of pixels from {low} to {high}"
        )
    return height
