"""What a reader does with the charts, in a real Chromium on a phone-sized screen.

The map's slider and Play/Pause buttons, the page without JavaScript (static
image, data table, CSV download), the static image giving way to the live
chart, dark mode, and that no page logs an error or asks another host for
anything.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

PHONE = {"width": 390, "height": 844}
CHART_PAGES = ["territory-over-time", "cities-and-towns", "border-access"]
ALL_PAGES = [*CHART_PAGES, "data"]

MAP = "figure#cities-and-towns-chart-1"
# The places are the map's last scatter trace; the borders are drawn first.
PLACE_MARKERS = ".scatterlayer .trace:last-of-type .points path"
# The slider's current-value label ("End of December 2014"); the step labels
# under the rail are the same kind of <text>, one level further down.
SLIDER_VALUE = "g.slider-group > text.slider-label"
FRAME_DURATION_MS = 400  # the Play button's frame duration, in the figure JSON


@dataclass
class PageLog:
    """What a page did: every request, errors, and failed responses."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console",
            lambda msg: self.errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda err: self.errors.append(f"uncaught: {err!r}"))
        page.on(
            "requestfailed",
            lambda request: self.failed.append(f"{request.url}: {request.failure}"),
        )
        page.on(
            "response",
            lambda response: (
                self.failed.append(f"{response.url}: HTTP {response.status}")
                if response.status >= 400
                else None
            ),
        )

    def hosts(self) -> set[str]:
        return {urlparse(url).netloc for url in self.requests if url.startswith("http")}


OpenPage = Callable[..., tuple[Page, PageLog]]


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[OpenPage]:
    """Open a page of the site in a fresh phone-sized browser context."""
    contexts = []

    def open_(path: str, **context_options) -> tuple[Page, PageLog]:
        context = browser.new_context(viewport=PHONE, **context_options)
        contexts.append(context)
        page = context.new_page()
        log = PageLog()
        log.attach(page)
        page.goto(f"{site_url}/{path}/")
        return page, log

    yield open_
    for context in contexts:
        context.close()


def figure_json(figure: Locator) -> dict:
    return json.loads(figure.locator("script.chart-figure").text_content())


def draw_map(page: Page) -> Locator:
    figure = page.locator(MAP)
    figure.scroll_into_view_if_needed()
    page.wait_for_selector(f"{MAP} .chart-plot[data-drawn='true'] svg.main-svg")
    return figure


def scroll_through(page: Page) -> None:
    """Scroll to the bottom a screen at a time, so every chart comes into view."""
    for _ in range(200):
        at_bottom = page.evaluate(
            "() => window.scrollY + window.innerHeight"
            " >= document.documentElement.scrollHeight - 1"
        )
        if at_bottom:
            return
        page.evaluate("() => window.scrollBy(0, Math.round(window.innerHeight * 0.7))")
        page.wait_for_timeout(100)
    pytest.fail("never reached the bottom of the page")


def wait_until_all_drawn(page: Page) -> int:
    """Wait until every chart on the page is drawn; return how many there are."""
    expect(page.locator(".chart-plot:not([data-drawn='true'])")).to_have_count(
        0, timeout=15_000
    )
    return page.locator(".chart-plot").count()


def as_rendered(colour: str) -> tuple[str, float]:
    """Turn a figure colour into the (fill, fill-opacity) plotly puts on a path."""
    if match := re.fullmatch(r"#([0-9a-fA-F]{6})", colour):
        value = match.group(1)
        red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
        return f"rgb({red}, {green}, {blue})", 1.0
    if match := re.fullmatch(r"rgba?\(([^)]*)\)", colour.replace(" ", "")):
        parts = match.group(1).split(",")
        red, green, blue = (round(float(part)) for part in parts[:3])
        alpha = float(parts[3]) if len(parts) == 4 else 1.0
        return f"rgb({red}, {green}, {blue})", alpha
    raise ValueError(f"unexpected colour in the figure: {colour!r}")


def rendered_fills(page: Page) -> list[tuple[str, float]]:
    fills = page.evaluate(
        """selector => [...document.querySelectorAll(selector)].map(
            p => [p.style.fill, p.style.fillOpacity])""",
        f"{MAP} {PLACE_MARKERS}",
    )
    return [(fill, float(opacity or 1)) for fill, opacity in fills]


def expected_fills(figure: dict, frame_name: str) -> list[tuple[str, float]]:
    """The place markers' colours in the named animation frame."""
    places = len(figure["data"]) - 1
    frame = next(f for f in figure["frames"] if f["name"] == frame_name)
    assert frame["traces"] == [places], "the frame should restyle the places trace"
    return [as_rendered(colour) for colour in frame["data"][0]["marker"]["color"]]


def wait_for_fills(page: Page, expected: list[tuple[str, float]]) -> None:
    """Wait until the place markers are drawn in the expected colours."""
    page.wait_for_function(
        """([selector, expected]) => {
            const paths = [...document.querySelectorAll(selector)];
            return paths.length === expected.length && paths.every((p, i) =>
                p.style.fill === expected[i][0]
                && Number(p.style.fillOpacity || 1) === expected[i][1]);
        }""",
        arg=[f"{MAP} {PLACE_MARKERS}", [list(pair) for pair in expected]],
        timeout=5_000,
    )


def slider_steps(figure: dict) -> list[tuple[str, str]]:
    """(frame name, "End of <month>" label) for each step of the map's slider."""
    slider = figure["layout"]["sliders"][0]
    prefix = slider["currentvalue"].get("prefix", "")
    return [(step["args"][0][0], prefix + step["label"]) for step in slider["steps"]]


def test_clicking_the_slider_rail_recolours_the_places_for_that_month(open_page):
    page, log = open_page("cities-and-towns")
    figure_el = draw_map(page)
    figure = figure_json(figure_el)
    steps = slider_steps(figure)
    names = [name for name, _ in steps]
    label = figure_el.locator(SLIDER_VALUE)

    active = figure["layout"]["sliders"][0]["active"]
    expect(label).to_have_text(steps[active][1])
    before = rendered_fills(page)
    assert len(before) == len(figure["data"][-1]["x"]) == 42
    # Before any interaction the map shows the slider's starting month.
    assert before == expected_fills(figure, names[active])

    target = names.index("2017-12")
    expected = expected_fills(figure, "2017-12")
    assert expected != before, "pick a month whose colours differ from the start"

    # Click the rail where the December 2017 step's tick is.
    ticks = figure_el.locator(".slider-tick-rect")
    assert ticks.count() == len(steps) == 72
    tick = ticks.nth(target).bounding_box()
    rail = figure_el.locator(".slider-rail-rect").bounding_box()
    page.mouse.click(tick["x"] + tick["width"] / 2, rail["y"] + rail["height"] / 2)

    expect(label).to_have_text("End of December 2017")
    assert steps[target][1] == "End of December 2017"
    wait_for_fills(page, expected)
    after = rendered_fills(page)
    assert after != before
    assert after == expected
    assert log.errors == []


def test_dragging_the_slider_grip_to_the_end_shows_the_last_month(open_page):
    page, log = open_page("cities-and-towns")
    figure_el = draw_map(page)
    figure = figure_json(figure_el)
    last_name, last_label = slider_steps(figure)[-1]
    label = figure_el.locator(SLIDER_VALUE)
    before = rendered_fills(page)

    grip = figure_el.locator(".slider-grip-rect").bounding_box()
    rail = figure_el.locator(".slider-rail-rect").bounding_box()
    y = grip["y"] + grip["height"] / 2
    page.mouse.move(grip["x"] + grip["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(rail["x"] + rail["width"] + 20, y, steps=12)
    page.mouse.up()

    expect(label).to_have_text(last_label)
    assert last_label == "End of December 2019"
    expected = expected_fills(figure, last_name)
    wait_for_fills(page, expected)
    assert rendered_fills(page) == expected != before
    assert log.errors == []


def test_play_advances_the_months_and_pause_stops_them(open_page):
    page, _log = open_page("cities-and-towns")
    figure_el = draw_map(page)
    figure = figure_json(figure_el)
    steps = slider_steps(figure)
    labels = [text for _, text in steps]
    label = figure_el.locator(SLIDER_VALUE)
    initial = label.text_content()
    assert initial == "End of December 2014"

    figure_el.locator(".updatemenu-button", has_text="Play").click()
    # Frames last 400 ms, so a change shows within about 1.5 s; wait up to 5.
    expect(label).not_to_have_text(initial, timeout=5_000)
    # And it keeps going, forwards.
    playing = label.text_content()
    expect(label).not_to_have_text(playing, timeout=5_000)
    assert labels.index(label.text_content()) > labels.index(playing)

    figure_el.locator(".updatemenu-button", has_text="Pause").click()
    page.wait_for_timeout(FRAME_DURATION_MS)  # let a frame already drawing finish
    paused = label.text_content()
    page.wait_for_timeout(3 * FRAME_DURATION_MS)
    expect(label).to_have_text(paused)
    # The markers show the month the label names.
    frame_name = steps[labels.index(paused)][0]
    wait_for_fills(page, expected_fills(figure, frame_name))


def test_play_carries_on_from_the_month_shown(open_page):
    page, _log = open_page("cities-and-towns")
    figure_el = draw_map(page)
    labels = [text for _, text in slider_steps(figure_json(figure_el))]
    label = figure_el.locator(SLIDER_VALUE)
    initial = label.text_content()
    figure_el.locator(".updatemenu-button", has_text="Play").click()
    expect(label).not_to_have_text(initial, timeout=5_000)
    first_shown = label.text_content()
    figure_el.locator(".updatemenu-button", has_text="Pause").click()
    assert labels.index(first_shown) > labels.index(initial)


def test_pausing_playback_raises_no_uncaught_error(open_page):
    page, log = open_page("cities-and-towns")
    figure_el = draw_map(page)
    label = figure_el.locator(SLIDER_VALUE)
    initial = label.text_content()
    figure_el.locator(".updatemenu-button", has_text="Play").click()
    expect(label).not_to_have_text(initial, timeout=5_000)
    figure_el.locator(".updatemenu-button", has_text="Pause").click()
    page.wait_for_timeout(3 * FRAME_DURATION_MS)
    assert log.errors == []


@pytest.mark.parametrize("path", CHART_PAGES)
def test_without_javascript_each_chart_is_a_static_image_with_its_data(
    open_page, site_url, path
):
    page, log = open_page(path, java_script_enabled=False)
    host = urlparse(site_url).netloc
    figures = page.locator("figure.chart")
    assert figures.count() >= 1

    for index in range(figures.count()):
        figure_el = figures.nth(index)
        name = figure_el.get_attribute("id")
        figure_el.scroll_into_view_if_needed()

        image = figure_el.locator(".chart-plot img.chart-static")
        expect(image).to_have_count(1)
        expect(image).to_be_visible()
        src = urljoin(page.url, image.get_attribute("src"))
        assert urlparse(src).netloc == host, name
        page.wait_for_function("img => img.complete", arg=image.element_handle())
        assert image.evaluate("img => img.naturalWidth") > 0, f"{name}: {src}"
        assert (image.get_attribute("alt") or "").strip(), name

        table = figure_el.locator("details.chart-data table")
        expect(table).to_have_count(1)
        figure_el.locator("details.chart-data > summary").click()
        expect(table).to_be_visible()
        table_rows = table.locator("tbody tr").count()
        table_columns = table.locator("thead th").count()

        link = figure_el.locator(".chart-download a")
        expect(link).to_have_text("Download the data (CSV)")
        csv_url = urljoin(page.url, link.get_attribute("href"))
        assert urlparse(csv_url).netloc == host, name
        response = page.request.get(csv_url)
        assert response.status == 200, f"{name}: {csv_url}"
        body = response.text()
        content_type = response.headers.get("content-type", "")
        assert content_type.startswith("text/csv") or "," in body.partition("\n")[0]
        header, *rows = list(csv.reader(io.StringIO(body)))
        assert len(rows) == table_rows > 0, name
        assert len(header) == table_columns, name

    # Nothing was drawn, and nothing came from anywhere else.
    expect(page.locator(".chart-live, svg.main-svg")).to_have_count(0)
    assert log.hosts() == {host}
    assert log.failed == []


@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_live_chart_replaces_the_static_image(open_page, path):
    page, log = open_page(path)
    scroll_through(page)
    count = wait_until_all_drawn(page)
    assert count >= 1

    figures = page.locator("figure.chart")
    assert figures.count() == count
    for index in range(count):
        figure_el = figures.nth(index)
        plot = figure_el.locator(".chart-plot")
        expect(figure_el).to_have_class(re.compile(r"\bchart--drawn\b"))
        expect(plot.locator("img.chart-static")).to_have_count(0)
        expect(plot.locator(":scope > .chart-live")).to_have_count(1)
        expect(plot.locator("svg.main-svg").first).to_be_visible()
        # The text alternative still describes the chart: a still chart stays
        # one picture; a chart with controls (the map) is described instead.
        if figure_el.locator("script.chart-figure").text_content().find('"frames"') < 0:
            expect(plot).to_have_attribute("role", "img")
            alt_id = plot.get_attribute("aria-labelledby")
        else:
            expect(plot).not_to_have_attribute("role", "img")
            alt_id = figure_el.get_attribute("aria-describedby")
        alt = page.locator(f"[id='{alt_id}']")
        expect(alt).to_have_count(1)
        assert (alt.text_content() or "").strip()
    assert log.errors == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_logs_no_errors_and_asks_no_other_host(open_page, site_url, path):
    page, log = open_page(path)
    scroll_through(page)
    charts = wait_until_all_drawn(page)

    assert log.errors == []
    assert log.failed == []
    assert log.hosts() == {urlparse(site_url).netloc}
    # plotly.js is fetched only by pages that have charts.
    fetched_plotly = any("/theme/js/plotly-basic." in url for url in log.requests)
    assert fetched_plotly == (charts > 0)
    if path == "data":
        assert charts == 0
    else:
        assert charts >= 1


@pytest.mark.parametrize("path", ["cities-and-towns", "territory-over-time"])
def test_dark_mode_changes_the_background_and_the_charts_follow(open_page, path):
    light, _ = open_page(path, color_scheme="light")
    dark, log = open_page(path, color_scheme="dark")

    def body_colours(page: Page) -> tuple[str, str]:
        return page.evaluate(
            """() => {
                const style = getComputedStyle(document.body);
                return [style.backgroundColor, style.color];
            }"""
        )

    light_background, _ = body_colours(light)
    dark_background, dark_ink = body_colours(dark)
    assert dark_background != light_background

    def brightness(colour: str) -> float:
        return sum(float(part) for part in re.findall(r"[\d.]+", colour)[:3]) / 3

    assert brightness(dark_background) < brightness(light_background)

    scroll_through(dark)
    assert wait_until_all_drawn(dark) >= 1
    assert log.errors == []
    # The charts' text takes the dark theme's ink, not the light default.
    text_fills = dark.evaluate(
        """() => [...document.querySelectorAll('.chart-plot svg.main-svg text')]
            .map(t => getComputedStyle(t).fill)"""
    )
    assert text_fills
    assert set(text_fills) == {dark_ink}
