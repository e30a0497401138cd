"""Errors the data layer reports to writers and maintainers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    """One thing wrong with the data, located as precisely as the source allows.

    Rendered as ``data/<file>.csv:<row>:<column>: <what is wrong> (<fix>)``.
    """

    path: str
    message: str
    row: int | None = None
    column: str | None = None
    fix: str | None = None

    def __str__(self) -> str:
        location = ":".join(
            str(part) for part in (self.path, self.row, self.column) if part
        )
        fix = f" ({self.fix})" if self.fix else ""
        return f"{location}: {self.message}{fix}"


class DataError(Exception):
    """The data package cannot be used; carries every problem found."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = problems
        count = len(problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([header, *(f"  {p}" for p in problems)]))
