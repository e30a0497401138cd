"""Whole-site builds of the fixture site: the HTML and figure JSON it produces."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup


def page(output: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((output / slug / "index.html").read_text(), "html.parser")


def figure_json(soup: BeautifulSoup) -> dict:
    script = soup.select_one("figure.chart script.chart-figure")
    return json.loads(script.string)


def test_chart_block_becomes_figure_with_the_filtered_values(build):
    output = build()
    figure = figure_json(page(output, "a-chart"))
    (trace,) = figure["data"]
    assert trace["x"] == ["2015-01-01", "2015-06-30", "2016-12-31", "2017-06-26"]
    assert trace["y"] == [90800, 82940, 60400, 36200]
    assert trace["type"] == "scatter"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Area held (km²)"
    assert "template" not in figure["layout"]


def test_figure_markup_has_caption_source_alt_and_table(build):
    soup = page(build(), "a-chart")
    chart = soup.select_one("figure.chart")
    assert chart["id"] == "a-chart-chart-1"
    assert chart.select_one("figcaption .chart-title").text == "Area held by Alpha"
    assert chart.select_one("figcaption .chart-caption").text == "The caption."
    links = [(a.text, a["href"]) for a in chart.select(".chart-source a")]
    assert links == [
        ("Report A", "https://example.org/a"),
        ("Report B", "https://example.org/b"),
        ("Report D", "https://example.org/d"),
        ("Report E, with a comma", "https://example.org/e"),
    ]
    plot = chart.select_one(".chart-plot")
    alt = soup.find(id=plot["aria-labelledby"])
    assert alt.text == "Line chart falling from 90,800 to 36,200 km²."
    cells = [td.text for td in chart.select("details.chart-data tbody td")]
    assert cells[:2] == ["2015-01-01", "90,800"]
    assert len(chart.select("details.chart-data tbody tr")) == 4


def test_no_inline_executable_script(build):
    output = build()
    for html in output.rglob("*.html"):
        for script in BeautifulSoup(html.read_text(), "html.parser").find_all("script"):
            is_data = script.get("type") == "application/json"
            assert is_data or (script.get("src") and not script.string), html


def test_plotly_bundle_is_hashed_and_loaded_only_on_chart_pages(build):
    output = build()
    bundles = list((output / "theme/js").glob("plotly-basic.*.min.js"))
    assert len(bundles) == 1
    assert len(bundles[0].name.split(".")[1]) == 12  # content digest
    chart_page = page(output, "a-chart")
    loader = chart_page.select_one("script[data-plotly]")
    assert loader["data-plotly"] == f"../theme/js/{bundles[0].name}"
    assert page(output, "plain").select_one("script[src]") is None


def test_chart_fence_inside_code_sample_is_left_as_code(build):
    soup = page(build(), "plain")
    assert soup.select_one("figure.chart") is None
    assert "kind: nonsense" in soup.select_one("pre code").text


def test_every_url_in_output_is_local(build):
    output = build()
    for html in output.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(), "html.parser")
        for tag in soup.select("script[src], link[href], img[src]"):
            url = tag.get("src") or tag.get("href")
            assert not url.startswith(("http:", "https:", "//")), (html, url)


def test_prose_reference_is_replaced_by_the_formatted_value(build, fixture_site):
    article = fixture_site / "content/articles/chart.md"
    text = article.read_text().replace(
        "Some text.", "Alpha held {{ area(2015-06-30, estimator=Alpha) }} then."
    )
    article.write_text(text)
    paragraph = page(build(), "a-chart").select_one("article.story > p")
    assert paragraph.text == "Alpha held 82,940 km² then."


def test_chart_files_are_written_and_linked_from_the_page(build):
    output = build()
    chart = page(output, "a-chart").select_one("figure.chart")
    image = chart.select_one("img.chart-static")
    download = chart.select_one(".chart-download a")
    assert image["src"] == "../charts/a-chart-chart-1.svg"
    assert download["href"] == "../charts/a-chart-chart-1.csv"
    svg = (output / "charts/a-chart-chart-1.svg").read_text()
    assert svg.startswith("<svg") and "main-svg" in svg
    assert (output / "charts/a-chart-chart-1.csv").read_text().splitlines() == [
        "date,area_km2",
        "2015-01-01,90800",
        "2015-06-30,82940",
        "2016-12-31,60400",
        "2017-06-26,36200",
    ]
