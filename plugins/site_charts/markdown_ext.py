"""Python-Markdown extension: turn ```chart blocks into chart HTML.

The preprocessor runs at priority 26: after ``meta`` (27) has taken the
metadata header away, and before ``fenced_code`` (25) would see the fence.
The rendered HTML goes through ``md.htmlStash`` so Markdown leaves it alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .errors import ChartError

FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")

# Given (yaml_text, first_yaml_line, chart_number, metadata), return the HTML.
RenderBlock = Callable[[str, int, int, dict], str]


class ChartExtension(Extension):
    """Render each chart block of one document with ``render_block``."""

    def __init__(self, *, path: str, line_count: int, render_block: RenderBlock) -> None:
        super().__init__()
        self.path = path
        self.line_count = line_count
        self.render_block = render_block
        self.charts = 0

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        """Register the chart preprocessor."""
        md.registerExtension(self)
        md.preprocessors.register(ChartPreprocessor(md, self), "site_charts", 26)

    def reset(self) -> None:
        """Forget the charts of the previous document."""
        self.charts = 0


class ChartPreprocessor(Preprocessor):
    """Replace ```chart fences with stashed chart HTML; skip other fences."""

    def __init__(self, md: Markdown, extension: ChartExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, lines: list[str]) -> list[str]:
        """Return the lines with every chart block replaced by a placeholder."""
        # The meta preprocessor removed the header lines; add them back to
        # report lines as the writer sees them in the file.
        offset = self.ext.line_count - len(lines)
        output: list[str] = []
        index = 0
        while index < len(lines):
            match = FENCE_OPEN.match(lines[index])
            if not match:
                output.append(lines[index])
                index += 1
                continue
            close = _closing_line(lines, index, match["fence"])
            if match["info"] != "chart":
                output.extend(lines[index : (close or len(lines)) + 1])
                index = (close or len(lines)) + 1
                continue
            if close is None:
                raise ChartError(
                    self.ext.path,
                    index + offset + 1,
                    f"this chart block is never closed; add a line with {match['fence']} "
                    "after its options",
                )
            self.ext.charts += 1
            yaml_text = "\n".join(lines[index + 1 : close])
            html = self.ext.render_block(
                yaml_text, index + offset + 2, self.ext.charts, getattr(self.md, "Meta", {})
            )
            output += ["", self.md.htmlStash.store(html), ""]
            index = close + 1
        return output


def _closing_line(lines: list[str], start: int, fence: str) -> int | None:
    closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for index in range(start + 1, len(lines)):
        if closing.match(lines[index]):
            return index
    return None
