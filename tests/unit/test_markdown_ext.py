"""The chart fence in Markdown: which fences become charts, and at which line."""

from __future__ import annotations

import markdown
import pytest
from site_charts.errors import ChartError
from site_charts.markdown_ext import ChartExtension


def convert(text: str) -> tuple[str, list[tuple[str, int, str]]]:
    calls: list[tuple[str, int, str]] = []

    def render(yaml_text: str, line: int, chart_id: str) -> str:
        calls.append((yaml_text, line, chart_id))
        return f'<figure id="{chart_id}"></figure>'

    ext = ChartExtension(path="content/x.md", id_prefix="story", render_block=render)
    html = markdown.markdown(text, extensions=["meta", "fenced_code", ext])
    return html, calls


def test_chart_fence_becomes_html_with_file_line_numbers():
    html, calls = convert("Title: T\nSlug: s\n\nText.\n\n```chart\nkind: line\n```\n")
    assert calls == [("kind: line", 7, "story-chart-1")]
    assert '<figure id="story-chart-1"></figure>' in html
    assert "<pre>" not in html


def test_charts_are_numbered_in_order():
    _, calls = convert("```chart\na: 1\n```\n\n~~~chart\nb: 2\n~~~\n")
    assert [c[2] for c in calls] == ["story-chart-1", "story-chart-2"]
    assert [c[1] for c in calls] == [2, 6]


def test_other_fences_and_charts_shown_as_code_are_untouched():
    text = "````markdown\n```chart\nkind: line\n```\n````\n\n```python\nx = 1\n```\n"
    html, calls = convert(text)
    assert calls == []
    assert "kind: line" in html
    assert "x = 1" in html


def test_unclosed_chart_fence_names_its_line():
    with pytest.raises(
        ChartError, match=r"content/x.md:3: this chart block is never closed"
    ):
        convert("Text.\n\n```chart\nkind: line\n")


def test_references_in_prose_are_filled_outside_code_only():
    seen: list[tuple[str, int]] = []

    def prose(text: str, line: int) -> str:
        seen.append((text, line))
        return text.replace("{{ x() }}", "42")

    ext = ChartExtension(
        path="content/x.md",
        id_prefix="s",
        render_block=lambda *a: "",
        render_prose=prose,
    )
    text = "Value {{ x() }}.\n\n```\n{{ x() }}\n```\n"
    html = markdown.markdown(text, extensions=["fenced_code", ext])
    assert seen == [("Value {{ x() }}.", 1)]
    assert "<p>Value 42.</p>" in html
    assert "{{ x() }}" in html  # the fenced one is untouched
