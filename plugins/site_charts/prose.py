"""Put values from the data into prose: ``{{ area(2016-07-04) }}`` -> "68,300 km²".

A writer types a reference inside a line of Markdown; :func:`replace_references`
swaps it for the formatted value before Markdown reads the line, so the text and
the charts quote the same rows. Every mistake becomes a :class:`ChartError` naming
the file, the line and the nearest valid choice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from .errors import ChartError, did_you_mean
from .values import reader_date

# Deliberately loose: a malformed body becomes an error, never silent text.
REFERENCE = re.compile(r"\{\{\s*(?P<body>.*?)\s*\}\}")
CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`).+?(?<!`)\1(?!`)")
CALL = re.compile(r"(?P<name>\w+)\s*\((?P<arguments>.*)\)", re.DOTALL)
ARGUMENT = re.compile(
    r"\s*(?:(?P<key>\w+)\s*=\s*)?"
    r'(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s",=](?:[^",=]*[^\s",=])?))\s*'
)
COMMA_OUTSIDE_QUOTES = re.compile(r',(?=(?:[^"]*"[^"]*")*[^"]*$)')
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Backslash escapes Python-Markdown honours; '<' has none, so it becomes an entity.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
DEFAULT_ESTIMATOR = "IHS Conflict Monitor"
ISIS = "ISIS"


@dataclass(frozen=True)
class _Call:
    """One reference being rendered, and where it stands in the source."""

    expression: str
    datasets: Mapping[str, Any]
    path: str
    line: int

    def error(self, message: str, hint: str = "") -> ChartError:
        text = f"{message} in {self.expression}{hint}"
        return ChartError(self.path, self.line, text)

    def frame(self, name: str) -> pd.DataFrame:
        if name not in self.datasets:
            raise self.error(f"dataset '{name}' is not loaded")
        return self.datasets[name].frame

    def date(self, text: str) -> pd.Timestamp:
        try:
            value = dt.date.fromisoformat(text) if ISO_DATE.fullmatch(text) else None
        except ValueError:  # the right shape but no such day, e.g. 2015-02-30
            value = None
        if value is None:
            raise self.error(f"'{text}' is not a date (write YYYY-MM-DD)")
        return pd.Timestamp(value)


@dataclass(frozen=True)
class _Function:
    """A function a reference may call: its arguments and options."""

    parameters: tuple[str, ...]
    run: Callable[..., str]
    options: Mapping[str, str] = field(default_factory=dict)

    def usage(self, name: str) -> str:
        options = [f"{key}=..." for key in self.options]
        return f"{name}({', '.join((*self.parameters, *options))})"


def render_reference(
    expression: str, *, datasets: Mapping[str, Any], path: str, line: int
) -> str:
    """Return the formatted value of one reference body like 'area(2016-07-04)'.

    Raises:
        ChartError: the reference or its arguments are wrong, or the data lack
            the value; the message starts with ``path:line:``.
    """
    call = _Call(expression.strip(), datasets, path, line)
    match = CALL.fullmatch(call.expression)
    if not match:
        raise call.error(
            "cannot read the reference", "; write name(arguments), e.g. fell(mosul)"
        )
    name = match["name"]
    if name not in FUNCTIONS:
        raise call.error(f"unknown function '{name}'", did_you_mean(name, FUNCTIONS))
    function = FUNCTIONS[name]
    positional, options = _arguments(call, match["arguments"])
    _check_arguments(call, name, function, positional, options)
    value = function.run(call, *positional, **{**function.options, **options})
    return MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("<", "&lt;")


def replace_references(
    text: str, *, datasets: Mapping[str, Any], path: str, line: int
) -> str:
    """Replace every {{ ... }} in one line of Markdown, leaving `inline code` spans untouched."""

    def render(match: re.Match[str]) -> str:
        return render_reference(match["body"], datasets=datasets, path=path, line=line)

    if "{{" not in text:
        return text
    pieces, start = [], 0
    for span in CODE_SPAN.finditer(text):
        pieces += [REFERENCE.sub(render, text[start : span.start()]), span.group()]
        start = span.end()
    pieces.append(REFERENCE.sub(render, text[start:]))
    return "".join(pieces)


def _check_arguments(
    call: _Call,
    name: str,
    function: _Function,
    positional: list[str],
    options: dict[str, str],
) -> None:
    if len(positional) != len(function.parameters):
        raise call.error(
            f"wrong number of arguments ({len(positional)})",
            f"; write {function.usage(name)}",
        )
    for key in options:
        if key not in function.options:
            hint = (
                did_you_mean(key, function.options)
                if function.options
                else f"; write {function.usage(name)}"
            )
            raise call.error(f"{name}() has no option '{key}'", hint)


def _arguments(call: _Call, text: str) -> tuple[list[str], dict[str, str]]:
    positional: list[str] = []
    options: dict[str, str] = {}
    if not text.strip():
        return positional, options
    for piece in COMMA_OUTSIDE_QUOTES.split(text):
        match = ARGUMENT.fullmatch(piece)
        if not match:
            raise call.error(
                f"cannot read the argument '{piece.strip()}'",
                "; separate arguments with commas and put values that hold"
                ' commas or spaces in double quotes ("...")',
            )
        value = match["bare"] if match["quoted"] is None else match["quoted"]
        if match["key"]:
            options[match["key"]] = value
        else:
            positional.append(value)
    return positional, options


def _area_on(call: _Call, text: str, estimator: str) -> int:
    territory = call.frame("territory")
    rows = territory[territory["estimator"].eq(estimator).fillna(False)]
    if rows.empty:
        known = set(territory["estimator"].dropna())
        raise call.error(
            f"unknown estimator '{estimator}'", did_you_mean(estimator, known)
        )
    when = call.date(text)
    found = rows.loc[rows["date"] == when, "area_km2"].dropna()
    if found.empty:
        dated = rows.loc[rows["area_km2"].notna(), "date"]
        nearest = dated.loc[(dated - when).abs().sort_values(kind="stable").index[:3]]
        days = ", ".join(d.date().isoformat() for d in nearest.sort_values())
        raise call.error(f"{estimator} has no area on {text}", f"; nearest: {days}")
    return int(found.iloc[0])


def _area(call: _Call, date: str, *, estimator: str) -> str:
    return f"{_area_on(call, date, estimator):,} km²"


def _area_change(call: _Call, first: str, second: str, *, estimator: str) -> str:
    before, after = _area_on(call, first, estimator), _area_on(call, second, estimator)
    return f"{abs(after - before):,} km² {'less' if after < before else 'more'}"


def _area_change_pct(call: _Call, first: str, second: str, *, estimator: str) -> str:
    before, after = _area_on(call, first, estimator), _area_on(call, second, estimator)
    if before == 0:
        raise call.error(f"the area on {first} is 0, so no percentage of it exists")
    share = Decimal(abs(after - before) * 100) / Decimal(before)
    return f"{share.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}%"


def _place_row(call: _Call, place_id: str) -> pd.Series:
    places = call.frame("places")
    rows = places[places["place_id"].eq(place_id).fillna(False)]
    if rows.empty:
        known = set(places["place_id"].dropna())
        raise call.error(f"unknown place '{place_id}'", did_you_mean(place_id, known))
    return rows.iloc[0]


def _control_rows(call: _Call, place_id: str) -> pd.DataFrame:
    _place_row(call, place_id)
    control = call.frame("control")
    rows = control[control["place_id"].eq(place_id).fillna(False)]
    return rows.sort_values("date", kind="stable").reset_index(drop=True)


def _isis_rows(call: _Call, place_id: str) -> tuple[pd.DataFrame, pd.Index]:
    rows = _control_rows(call, place_id)
    held = rows.index[rows["controller"].eq(ISIS).fillna(False)]
    if held.empty:
        raise call.error(f"control.csv has no row where ISIS takes {place_id}")
    return rows, held


def _fell(call: _Call, place_id: str) -> str:
    rows, held = _isis_rows(call, place_id)
    row = rows.iloc[held[0]]
    if row["date_precision"] == "start":
        raise call.error(f"ISIS holds {place_id} from the start of control.csv")
    return reader_date(row["date"], row["date_precision"])


def _retaken(call: _Call, place_id: str) -> str:
    rows, held = _isis_rows(call, place_id)
    if held[-1] + 1 >= len(rows):
        raise call.error(f"ISIS still holds {place_id} in the last row of control.csv")
    row = rows.iloc[held[-1] + 1]
    return reader_date(row["date"], row["date_precision"])


def _controller(call: _Call, place_id: str, date: str) -> str:
    rows = _control_rows(call, place_id)
    when = call.date(date)
    known = rows[rows["date"] <= when]
    if known.empty:
        first = rows["date"].min()
        since = "" if pd.isna(first) else f"; its first row is {first.date()}"
        raise call.error(f"control.csv says nothing of {place_id} by {date}", since)
    return str(known.iloc[-1]["controller"])


def _crossings_held(call: _Call, date: str) -> str:
    borders = call.frame("borders")
    when = call.date(date)
    crossings = borders[borders["kind"].eq("crossing").fillna(False)]
    lost = crossings["lost"]
    held = (crossings["gained"] <= when) & (lost.isna() | (when < lost))
    return f"{int(held.sum()):,}"


def _event_date(call: _Call, event_id: str) -> str:
    events = call.frame("events")
    rows = events[events["event_id"].eq(event_id).fillna(False)]
    if rows.empty:
        known = set(events["event_id"].dropna())
        raise call.error(f"unknown event '{event_id}'", did_you_mean(event_id, known))
    return reader_date(rows.iloc[0]["date"], rows.iloc[0]["date_precision"])


def _place(call: _Call, place_id: str) -> str:
    return str(_place_row(call, place_id)["name"])


_ESTIMATOR = {"estimator": DEFAULT_ESTIMATOR}
FUNCTIONS = {
    "area": _Function(("date",), _area, _ESTIMATOR),
    "area_change": _Function(("date", "date"), _area_change, _ESTIMATOR),
    "area_change_pct": _Function(("date", "date"), _area_change_pct, _ESTIMATOR),
    "fell": _Function(("place",), _fell),
    "retaken": _Function(("place",), _retaken),
    "controller": _Function(("place", "date"), _controller),
    "crossings_held": _Function(("date",), _crossings_held),
    "event_date": _Function(("event",), _event_date),
    "place": _Function(("place",), _place),
}
