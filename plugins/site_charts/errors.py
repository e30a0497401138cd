"""The error a chart block raises, always located at ``file:line``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ChartError(Exception):
    """A chart block cannot be built; the message starts with ``path:line:``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {message}")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest choice, or a list of choices."""
    choices = sorted(choices)
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.5)
    if close:
        return f"; did you mean '{close[0]}'?"
    return "; choose one of: " + ", ".join(f"'{c}'" for c in choices)
