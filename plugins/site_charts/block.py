"""Read a chart block's YAML, remembering the file line of every key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import ChartError


@dataclass(frozen=True)
class Block:
    """The parsed YAML of one chart block, with the file line of each key."""

    path: str
    first_line: int
    values: dict[str, Any]
    lines: dict[str, int]

    def error(self, key: str | None, message: str) -> ChartError:
        """Return a ChartError located at ``key``'s line (or the block's first)."""
        line = self.lines.get(key, self.first_line) if key else self.first_line
        return ChartError(self.path, line, message)

    def text(self, key: str) -> str:
        """Return an option as stripped text ("" when absent)."""
        value = self.values.get(key)
        return "" if value is None else str(value).strip()


def read_block(text: str, path: str, line: int) -> Block:
    """Parse YAML that starts on file line ``line``.

    Raises:
        ChartError: the YAML is malformed or not a mapping of options.
    """
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
    return Block(path, line, values, lines)
