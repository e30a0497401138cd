"""Each chart kind, from the YAML of its block to the figure, HTML and CSV it makes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from bs4 import BeautifulSoup
from chart_fixtures import CONTROL_PERIODS, EVENTS, PATH, PLACES, block, render
from site_charts.chart_block import RenderedChart
from site_charts.errors import ChartError
from site_charts.palette import (
    CONTROLLER_COLOURS,
    UNSOURCED,
    controller_class,
    controllers_css,
)
from site_charts.render import chart_legend, figure_json

MS_PER_DAY = 86_400_000
SERIES = ("x: date", "y: area_km2", "color: estimator")
IHS = (["2015-01-01", "2015-07-01", "2016-01-01"], [90800, 82940, 78000])
RAND = (["2015-01-01", "2016-01-01"], [100000, 60400])  # its NA estimate is dropped
# The map's markers are in place_id order: kobani, mosul, raqqa, tal-abyad.
MAP_PLACES = ("Kobani", "Mosul", "Raqqa", "Tal Abyad")
MONTHS = [f"{year}-{month:02d}" for year in range(2014, 2020) for month in range(1, 13)]
UNSOURCED_WHITE = "#FFFFFF"  # a place before its first sourced row


def present_controllers() -> list[str]:
    present = set(CONTROL_PERIODS.frame["controller"])
    return [name for name in CONTROLLER_COLOURS if name in present]


# Line, area and step charts


@pytest.mark.parametrize(
    ("kind", "fill", "shape"),
    [("line", None, None), ("area", "tozeroy", None), ("step", None, "hv")],
)
def test_series_draw_one_named_trace_per_colour_value(kind, fill, shape):
    figure = render(*block(kind, "territory", *SERIES)).figure
    assert [(t["name"], t["x"], t["y"]) for t in figure["data"]] == [
        ("IHS", *IHS),
        ("RAND", *RAND),
    ]
    assert [t.get("fill") for t in figure["data"]] == [fill, fill]
    assert [t.get("line", {}).get("shape") for t in figure["data"]] == [shape, shape]
    assert figure["layout"]["yaxis"]["title"]["text"] == "Area held (km²)"
    assert figure["layout"]["showlegend"] is True


def test_series_without_colour_is_one_unnamed_trace_in_date_order():
    figure = render(*block("line", "territory", "x: date", "y: area_km2")).figure
    (trace,) = figure["data"]
    assert "name" not in trace
    assert trace["x"] == [
        "2015-01-01", "2015-01-01", "2015-07-01", "2016-01-01", "2016-01-01",
    ]  # fmt: skip
    assert trace["y"] == [90800, 100000, 82940, 78000, 60400]
    assert figure["layout"]["showlegend"] is False


@pytest.mark.parametrize(
    ("annotate", "chosen"),
    [
        (
            "annotate: [caliphate-declared, mosul-falls]",
            ["mosul-falls", "caliphate-declared"],  # drawn in date order
        ),
        (
            "annotate: {category: territory}",
            ["fallujah-seized", "mosul-falls"],  # raqqa-retaken is after the data
        ),
        (
            "annotate: events",
            ["fallujah-seized", "mosul-falls", "caliphate-declared"],
        ),
    ],
    ids=["ids", "category", "all"],
)
def test_annotate_marks_each_chosen_event_with_a_line_and_its_title(annotate, chosen):
    layout = render(*block("line", "territory", *SERIES, annotate)).figure["layout"]
    events = EVENTS.frame.set_index("event_id").loc[chosen]
    days = [f"{d:%Y-%m-%d}" for d in events["date"]]
    assert [
        (s["type"], s["x0"], s["x1"], s["yref"], s["y0"], s["y1"])
        for s in layout["shapes"]
    ] == [("line", day, day, "y domain", 0, 1) for day in days]
    assert [(a["x"], a["text"], a["hovertext"]) for a in layout["annotations"]] == list(
        zip(days, events["title"], events["summary"], strict=True)
    )


def test_series_without_annotate_has_no_event_marks():
    layout = render(*block("line", "territory", *SERIES)).figure["layout"]
    assert "shapes" not in layout
    assert "annotations" not in layout


# Bar charts


def test_bar_stacks_one_trace_per_colour_value():
    figure = render(
        *block("bar", "border_access", "x: quarter", "y: crossings", "color: neighbour")
    ).figure
    assert [(t["type"], t["name"], t["x"], t["y"]) for t in figure["data"]] == [
        ("bar", "Iraq", ["2014-03-31", "2014-06-30"], [1, 2]),
        ("bar", "Turkey", ["2014-03-31", "2014-06-30"], [3, 4]),
    ]
    assert figure["layout"]["barmode"] == "stack"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Crossings held"


# Timelines


@pytest.fixture(scope="module")
def timeline() -> RenderedChart:
    return render(*block("timeline", "control_periods"))


def test_timeline_has_one_trace_per_controller_present_in_its_palette_colour(
    timeline,
):
    data = timeline.figure["data"]
    assert [t["name"] for t in data] == present_controllers()
    assert {t["name"]: t["marker"]["color"] for t in data} == {
        name: CONTROLLER_COLOURS[name] for name in present_controllers()
    }
    assert {(t["type"], t["orientation"]) for t in data} == {("bar", "h")}


def test_timeline_bars_start_at_each_period_and_last_its_length_in_ms(timeline):
    drawn = {
        trace["name"]: list(zip(trace["y"], trace["base"], trace["x"], strict=True))
        for trace in timeline.figure["data"]
    }
    expected: dict[str, list] = {}
    for (_, name, *_), periods in PLACES.items():
        for start, end, _, controller in periods:
            # An open period is drawn to the chart's end, 31 December 2019.
            last = dt.date.fromisoformat(end or "2019-12-31")
            days = (last - dt.date.fromisoformat(start)).days
            expected.setdefault(controller, []).append((name, start, days * MS_PER_DAY))
    assert drawn == expected


def test_timeline_hover_names_the_event_and_its_source(timeline):
    hovers = {
        text
        for trace in timeline.figure["data"]
        for text in trace["hovertext"]
    }  # fmt: skip
    rows = CONTROL_PERIODS.frame
    assert len(hovers) == len(rows)
    for event, source in zip(rows["event"], rows["source_title"], strict=True):
        (hover,) = [h for h in hovers if event in h]
        assert f"<i>{source}</i>" in hover


def test_timeline_orders_places_by_country_then_first_isis_date(timeline):
    yaxis = timeline.figure["layout"]["yaxis"]
    assert yaxis["categoryorder"] == "array"
    # Plotly draws the first category at the bottom, so the array runs upwards:
    # Mosul (Iraq) on top, then Syria's places as ISIS took them, Kobani (never
    # held by ISIS) last, though alphabetically it would come first.
    assert yaxis["categoryarray"][::-1] == ["Mosul", "Tal Abyad", "Raqqa", "Kobani"]


# Maps


@pytest.fixture(scope="module")
def map_chart() -> RenderedChart:
    return render(*block("map", "control_periods", "date: 2016-03-15"))


def marker_trace(chart: RenderedChart) -> dict:
    return chart.figure["data"][-1]


def test_map_has_one_frame_per_month_from_2014_to_2019(map_chart):
    frames = map_chart.figure["frames"]
    assert len(MONTHS) == 72
    assert [f["name"] for f in frames] == MONTHS
    marker_index = len(map_chart.figure["data"]) - 1
    assert {tuple(f["traces"]) for f in frames} == {(marker_index,)}


def test_map_slider_steps_animate_to_the_frames_by_name(map_chart):
    (slider,) = map_chart.figure["layout"]["sliders"]
    steps = slider["steps"]
    assert [step["args"][0] for step in steps] == [[month] for month in MONTHS]
    assert {step["method"] for step in steps} == {"animate"}
    assert (steps[0]["label"], steps[-1]["label"]) == ("January 2014", "December 2019")


@pytest.mark.parametrize(
    ("date", "active"),
    [(None, 0), ("2014-01-01", 0), ("2016-03-15", 26), ("2019-12-31", 71)],
)
def test_map_opens_on_the_month_of_its_date_option(date, active):
    options = [f"date: {date}"] if date else []
    figure = render(*block("map", "control_periods", *options)).figure
    assert figure["layout"]["sliders"][0]["active"] == active
    opening = figure["frames"][active]["data"][0]
    assert figure["data"][-1]["marker"]["color"] == opening["marker"]["color"]
    assert figure["data"][-1]["hovertext"] == opening["hovertext"]


def test_map_puts_one_marker_per_place_with_diamonds_at_crossings(map_chart):
    markers = marker_trace(map_chart)
    places = {place[1]: place for place in PLACES}
    assert markers["x"] == [places[name][5] for name in MAP_PLACES]
    assert markers["y"] == [places[name][4] for name in MAP_PLACES]
    assert markers["marker"]["symbol"] == ["circle", "circle", "circle", "diamond"]


FINAL_HOLDERS = ("YPG/SDF", "Iraqi government", "YPG/SDF", "YPG/SDF")


@pytest.mark.parametrize(
    ("month", "holders"),
    [
        ("2014-01", ("YPG/SDF", "Iraqi government", "ISIS", "ISIS")),
        ("2014-06", ("YPG/SDF", "ISIS", "ISIS", "ISIS")),  # Mosul falls 10 June
        ("2014-12", ("contested", "ISIS", "ISIS", "ISIS")),
        ("2015-06", ("YPG/SDF", "ISIS", "ISIS", "YPG/SDF")),
        ("2017-07", ("YPG/SDF", "Iraqi government", "ISIS", "YPG/SDF")),
        ("2017-10", FINAL_HOLDERS),
        ("2019-12", FINAL_HOLDERS),  # open periods hold to the last frame
    ],
)
def test_map_markers_show_who_held_each_place_at_month_end(map_chart, month, holders):
    (frame,) = [f for f in map_chart.figure["frames"] if f["name"] == month]
    (markers,) = frame["data"]
    assert markers["marker"]["color"] == [CONTROLLER_COLOURS[h] for h in holders]
    assert markers["hovertext"] == [
        f"{place}: {holder}" for place, holder in zip(MAP_PLACES, holders, strict=True)
    ]


def test_map_draws_the_local_basemap_beneath_the_markers(map_chart):
    data = map_chart.figure["data"]
    assert len(data) == 3
    neighbours, focus, markers = data
    assert neighbours["x"] == [36, 38, 38, 36, 36, None]  # the Polygon
    assert neighbours["y"] == [37, 37, 39, 39, 37, None]
    assert focus["x"] == [38, 39, 39, 38, 38, None, 42, 43, 43, 42, 42, None]
    assert {t["fill"] for t in (neighbours, focus)} == {"toself"}
    assert {t["hoverinfo"] for t in (neighbours, focus)} == {"skip"}
    assert markers["mode"] == "markers"


def test_map_requests_nothing_remote(map_chart):
    figure = map_chart.figure
    assert {trace["type"] for trace in figure["data"]} == {"scatter"}
    assert not {"geo", "mapbox", "map"} & set(figure["layout"])
    assert "://" not in figure_json(figure)


# One palette everywhere


def css_colours() -> dict[str, str]:
    """Return {class: colour} from the stylesheet the site writes at build."""
    pattern = r"\.(controller--[a-z0-9-]+) \{ --controller: (#[0-9A-Fa-f]{6}); \}"
    return dict(re.findall(pattern, controllers_css()))


def swatches(html: str, selector: str) -> list[tuple[str, list[str]]]:
    soup = BeautifulSoup(html, "html.parser")
    return [(node.get_text(), node.span["class"]) for node in soup.select(selector)]


def test_controller_colours_agree_in_bars_markers_legend_and_table(timeline, map_chart):
    colour_of = {
        name: css_colours()[controller_class(name)] for name in CONTROLLER_COLOURS
    }
    assert colour_of == CONTROLLER_COLOURS
    for trace in timeline.figure["data"]:
        assert trace["marker"]["color"] == colour_of[trace["name"]]
    for frame in map_chart.figure["frames"]:
        (markers,) = frame["data"]
        for label, colour in zip(
            markers["hovertext"], markers["marker"]["color"], strict=True
        ):
            holder = label.split(": ", 1)[1]
            assert colour == colour_of.get(holder, UNSOURCED_WHITE), (
                frame["name"],
                label,
            )
    rows = CONTROL_PERIODS.frame
    legend = [
        (name, ["swatch", controller_class(name)]) for name in present_controllers()
    ]
    # The map's legend ends with the white of places not in the data yet.
    unsourced = [(UNSOURCED, ["swatch", controller_class(UNSOURCED)])]
    for chart, extra in ((timeline, []), (map_chart, unsourced)):
        assert chart_legend(rows, unsourced=bool(extra)) in chart.html
        assert swatches(chart.html, ".chart-legend li") == legend + extra
        assert swatches(chart.html, "td:has(> .swatch)") == [
            (name, ["swatch", controller_class(name)]) for name in rows["controller"]
        ]


# The CSV download


def periods(*columns: str, place: str | None = None) -> list[list[str]]:
    """Return the fixture's control periods (of one place) as CSV cells, in order."""
    rows = []
    for (_, name, country, _, lat, lon, crossing), spans in PLACES.items():
        for start, end, _, controller in spans:
            cells = {
                "name": name, "country": country, "lat": str(lat), "lon": str(lon),
                "at_crossing": str(crossing), "controller": controller,
                "start": start, "end": end or "",  # an open period has no end
            }  # fmt: skip
            if place in (None, name):
                rows.append([cells[c] for c in columns])
    return rows


@pytest.mark.parametrize(
    ("lines", "table"),
    [
        (
            block("line", "territory", *SERIES, "filter: {estimator: RAND}"),
            [["date", "estimator", "area_km2"], ["2015-01-01", "RAND", "100000"],
             ["2016-01-01", "RAND", "60400"]],
        ),
        (
            block("area", "territory", "x: date", "y: area_km2",
                  "filter: {date: {from: 2015-06-01, to: 2015-12-31}}"),
            [["date", "area_km2"], ["2015-07-01", "82940"]],
        ),
        (
            block("bar", "border_access", "x: quarter", "y: crossings",
                  "color: neighbour", "filter: {neighbour: Turkey}"),
            [["quarter", "neighbour", "crossings"], ["2014-03-31", "Turkey", "3"],
             ["2014-06-30", "Turkey", "4"]],
        ),
        (
            block("map", "control_periods", "filter: {at_crossing: true}"),
            [["name", "lat", "lon", "at_crossing", "controller", "start", "end"],
             *periods("name", "lat", "lon", "at_crossing", "controller", "start",
                      "end", place="Tal Abyad")],
        ),
    ],
    ids=["line", "area", "bar", "map"],
)  # fmt: skip
def test_csv_holds_exactly_the_rows_and_columns_shown(lines, table):
    chart = render(*lines)
    assert list(csv.reader(io.StringIO(chart.csv))) == table
    body_rows = BeautifulSoup(chart.html, "html.parser").select(".chart-data tbody tr")
    assert len(body_rows) == len(table) - 1


def test_timeline_csv_carries_each_period_with_its_event_and_source(timeline):
    header, *rows = csv.reader(io.StringIO(timeline.csv))
    assert header == [
        "name", "country", "controller", "start", "end", "event",
        "source_title", "source_url",
    ]  # fmt: skip
    frame = CONTROL_PERIODS.frame
    assert [row[:5] for row in rows] == periods(
        "name", "country", "controller", "start", "end"
    )
    assert [row[5:] for row in rows] == [
        list(cells)
        for cells in zip(
            frame["event"], frame["source_title"], frame["source_url"], strict=True
        )
    ]


# Mistakes


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        (
            block("timeline", "territory"),
            6,
            "a timeline chart needs the columns name, start, end, controller, "
            "which 'territory' lacks; use 'data: control_periods'",
        ),
        (
            block("map", "control_periods", "date: soon"),
            8,
            "'soon' is not a date (write YYYY-MM-DD)",
        ),
        (
            block("line", "territory", *SERIES, "annotate: [mosul-fell]"),
            11,
            "no row has event_id 'mosul-fell'; did you mean 'mosul-falls'?",
        ),
        (
            block("line", "territory", *SERIES, "annotate: {category: teritory}"),
            11,
            "no row has category 'teritory'; did you mean 'territory'?",
        ),
        (block("bar", "border_access", "x: quarter"), 5, "a bar chart needs 'y: ...'"),
    ],
    ids=["timeline-data", "map-date", "event-id", "event-category", "bar-y"],
)
def test_mistakes_in_a_block_name_the_file_line_and_the_fix(lines, line, message):
    with pytest.raises(ChartError) as error:
        render(*lines)
    assert str(error.value).startswith(f"{PATH}:{line}: ")
    assert message in str(error.value)
