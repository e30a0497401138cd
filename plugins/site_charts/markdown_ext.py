"""Python-Markdown extension: turn ```chart blocks into chart HTML.

The preprocessor runs at priority 28: after whitespace normalisation (30),
which keeps every line, and before ``meta`` (27) strips the metadata header and
``fenced_code`` (25) would see the fence. So a line it counts is the line the
writer sees in the file. The rendered HTML goes through ``md.htmlStash`` so
Markdown leaves it alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .errors import ChartError

FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\s]*)[^`]*$")

# Given (yaml_text, first_yaml_line, chart_id), return the chart's HTML.
RenderBlock = Callable[[str, int, str], str]
# Given (line_text, line_number), return the line with {{ references }} filled in.
RenderProse = Callable[[str, int], str]


class ChartExtension(Extension):
    """Render a document's chart blocks and the ``{{ references }}`` in its prose.

    Charts are numbered in order of appearance; chart ``n`` gets the id
    ``{id_prefix}-chart-{n}``. Lines inside fenced code are left alone.
    """

    def __init__(
        self,
        *,
        path: str,
        id_prefix: str,
        render_block: RenderBlock,
        render_prose: RenderProse | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.id_prefix = id_prefix
        self.render_block = render_block
        self.render_prose = render_prose
        self.charts = 0

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the chart preprocessor."""
        md.registerExtension(self)
        md.preprocessors.register(ChartPreprocessor(md, self), "site_charts", 28)

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
        output: list[str] = []
        index = 0
        while index < len(lines):
            match = FENCE_OPEN.match(lines[index])
            if not match:
                output.append(self._prose(lines[index], index + 1))
                index += 1
                continue
            close = _closing_line(lines, index, match["fence"])
            if match["info"] != "chart":  # another fence: keep it, charts and all
                end = len(lines) if close is None else close + 1
                output.extend(lines[index:end])
                index = end
                continue
            if close is None:
                raise ChartError(
                    self.ext.path,
                    index + 1,
                    "this chart block is never closed; add a line with "
                    f"{match['fence']} after its options",
                )
            output += [
                "",
                self.md.htmlStash.store(self._chart(lines, index, close)),
                "",
            ]
            index = close + 1
        return output

    def _prose(self, text: str, line: int) -> str:
        if self.ext.render_prose is None or "{{" not in text:
            return text
        return self.ext.render_prose(text, line)

    def _chart(self, lines: list[str], fence: int, close: int) -> str:
        self.ext.charts += 1
        chart_id = f"{self.ext.id_prefix}-chart-{self.ext.charts}"
        yaml_text = "\n".join(lines[fence + 1 : close])
        # Lines are 0-based here; the YAML starts on the file line after the fence.
        return self.ext.render_block(yaml_text, fence + 2, chart_id)


def _closing_line(lines: list[str], start: int, fence: str) -> int | None:
    closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for index in range(start + 1, len(lines)):
        if closing.match(lines[index]):
            return index
    return None
