"""Rules that span rows or datasets, beyond what a Table Schema can say.

* control: each place's rows are in date order, each row changes the controller,
  and only a place's first row may be a 'start' row;
* borders: access is lost after it is gained, and a lost date comes with its
  precision and who took over;
* borders against control: when ISIS gained a crossing, ISIS (or nobody) held
  the town at it, and when it lost the crossing, the town left ISIS's hands too.
  Both allow a week's grace: in a battle for a border town, the crossing and
  the town often fall a day or two apart, and reports date them separately.

Row numbers are file lines (the header is line 1), as in Frictionless reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pandas as pd

from .errors import DataProblem

HOLDS_CROSSING = {"ISIS", "contested"}
GRACE = pd.Timedelta(days=7)


def check_rules(datasets: Mapping[str, Any]) -> list[DataProblem]:
    """Return every cross-row and cross-dataset problem in the loaded datasets."""
    problems: list[DataProblem] = []
    for names, rule in RULES:
        if all(name in datasets for name in names):
            problems += list(rule(*(datasets[name] for name in names)))
    return problems


def _line(index: int) -> int:
    return int(index) + 2


def control_history(control: Any) -> Iterator[DataProblem]:
    """Check each place's rows: in date order, a real change each, 'start' first."""
    frame = control.frame
    for place, rows in frame.groupby("place_id", sort=False):
        previous = None
        for index, row in rows.iterrows():
            line = _line(index)
            if row["date_precision"] == "start" and previous is not None:
                yield DataProblem(
                    control.path,
                    f"'start' row for {place} is not its first row",
                    row=line,
                    column="date_precision",
                    fix="only the first row of a place describes the start of the period",
                )
            if previous is not None and row["date"] <= previous["date"]:
                yield DataProblem(
                    control.path,
                    f"{place}: {row['date']:%Y-%m-%d} is not after the row above "
                    f"({previous['date']:%Y-%m-%d})",
                    row=line,
                    column="date",
                    fix="keep each place's rows in date order, one row per change",
                )
            elif previous is not None and row["controller"] == previous["controller"]:
                yield DataProblem(
                    control.path,
                    f"{place}: '{row['controller']}' already held it since "
                    f"{previous['date']:%Y-%m-%d}",
                    row=line,
                    column="controller",
                    fix="a row records a change of controller; remove it or correct "
                    "the controller (use 'contested' while a place is split)",
                )
            previous = row


def border_dates(borders: Any) -> Iterator[DataProblem]:
    """Check that access is lost after it is gained, with precision and taker."""
    for index, row in borders.frame.iterrows():
        if pd.isna(row["lost"]):
            continue
        line = _line(index)
        if row["lost"] < row["gained"]:
            yield DataProblem(
                borders.path,
                f"lost ({row['lost']:%Y-%m-%d}) is before gained",
                row=line,
                column="lost",
                fix="swap or correct the dates",
            )
        for column in ("lost_precision", "lost_to"):
            if pd.isna(row[column]):
                yield DataProblem(
                    borders.path,
                    f"{column} is empty but a lost date is given",
                    row=line,
                    column=column,
                    fix=f"fill in {column}",
                )


def crossings_match_control(borders: Any, control: Any) -> Iterator[DataProblem]:
    """Check a crossing's access against who held the town at it."""
    history = {
        place: rows.sort_values("date")
        for place, rows in control.frame.groupby("place_id", sort=False)
    }
    crossings = borders.frame[borders.frame["place_id"].notna()]
    for index, row in crossings.iterrows():
        rows = history.get(row["place_id"])
        if rows is None:
            yield DataProblem(
                borders.path,
                f"no control history for {row['place_id']}",
                row=_line(index),
                column="place_id",
                fix=f"add its rows to {control.path}",
            )
            continue
        yield from _check_access(borders.path, index, row, rows)


def _check_access(
    path: str, index: int, row: pd.Series, history: pd.DataFrame
) -> Iterator[DataProblem]:
    gained = _controllers_during(history, row["gained"], row["gained_precision"])
    if not gained & HOLDS_CROSSING:
        yield DataProblem(
            path,
            f"ISIS gains {row['place_id']} crossing on {row['gained']:%Y-%m-%d}, "
            f"but control.csv has the town held by {', '.join(sorted(gained))}",
            row=_line(index),
            column="gained",
            fix="correct the date here or the town's rows in control.csv",
        )
    if pd.isna(row["lost"]):
        return
    lost = _controllers_during(history, row["lost"], row["lost_precision"])
    if "ISIS" in lost and len(lost) == 1:
        yield DataProblem(
            path,
            f"ISIS loses {row['place_id']} crossing on {row['lost']:%Y-%m-%d}, "
            "but control.csv still has ISIS holding the town",
            row=_line(index),
            column="lost",
            fix="correct the date here or the town's rows in control.csv",
        )


def _controllers_during(
    history: pd.DataFrame, date: pd.Timestamp, precision: str
) -> set:
    """Return who held the place at some point in that day or month, plus grace."""
    end = (date + pd.offsets.MonthEnd(0) if precision == "month" else date) + GRACE
    before = history[history["date"] <= date]["controller"].tail(1)
    within = history[(history["date"] > date) & (history["date"] <= end)]["controller"]
    return set(before) | set(within)


Rule = Callable[..., Iterator[DataProblem]]
RULES: list[tuple[tuple[str, ...], Rule]] = [
    (("control",), control_history),
    (("borders",), border_dates),
    (("borders", "control"), crossings_match_control),
]
