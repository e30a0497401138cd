"""The article's chart renders in Chromium from the self-hosted bundle."""

from __future__ import annotations

import json
from urllib.parse import urlparse


def test_territory_chart_renders_its_points_with_no_third_party_requests(
    browser, site_url
):
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console", lambda msg: errors.append(msg.text) if msg.type == "error" else None
    )
    page.on("pageerror", lambda err: errors.append(str(err)))

    page.goto(f"{site_url}/territory-over-time/")
    chart = page.locator("figure.chart").first
    chart.scroll_into_view_if_needed()
    page.wait_for_selector("figure.chart .chart-plot[data-drawn='true'] svg.main-svg")

    figure = json.loads(chart.locator("script.chart-figure").text_content())
    expected_points = len(figure["data"][0]["y"])
    points = chart.locator(".scatterlayer .trace .points path")
    assert points.count() == expected_points == 7

    hosts = {urlparse(url).netloc for url in requests if url.startswith("http")}
    assert hosts == {urlparse(site_url).netloc}
    assert any("/theme/js/plotly-basic." in url for url in requests)
    assert errors == []
    page.close()
