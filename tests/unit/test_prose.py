"""Values from the data in prose: what each reference renders and how mistakes read."""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import REPO
from site_charts.errors import ChartError
from site_charts.prose import REFERENCE, render_reference, replace_references
from site_data.load import load_package

DATE_COLUMNS = {"date", "gained", "lost"}


class FakeDataset:
    """Typed like site_data.load: dates as datetimes, areas as Int64, text as string."""

    def __init__(self, header: str, *rows: tuple) -> None:
        names = header.split()
        columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
        self.frame = pd.DataFrame(
            {name: typed(name, values) for name, values in columns.items()}
        )


def typed(name: str, values: list) -> pd.Series:
    if name in DATE_COLUMNS:
        return pd.Series(pd.to_datetime(values, format="%Y-%m-%d"))
    return pd.Series(values, dtype="Int64" if name == "area_km2" else "string")


IHS = "IHS Conflict Monitor"
DATASETS = {
    "territory": FakeDataset(
        "date estimator area_km2",
        ("2015-01-01", IHS, 90800),
        ("2016-03-16", IHS, None),
        ("2016-07-04", IHS, 68300),
        ("2016-10-03", IHS, 65500),
        ("2017-06-26", IHS, 36200),
        ("2016-07-04", "RAND", 70000),
    ),
    "places": FakeDataset(
        "place_id name",
        ("mosul", "Mosul"),
        ("palmyra", "Palmyra"),
        ("hajin", "Hajin"),
        ("qamishli", "Qamishli"),
        ("odd", "a_b*c [d] <e>"),
    ),
    "control": FakeDataset(
        "place_id date date_precision controller",
        ("mosul", "2013-01-01", "start", "Iraqi government"),
        ("mosul", "2014-06-10", "day", "ISIS"),
        ("mosul", "2017-07-10", "day", "Iraqi government"),
        ("palmyra", "2013-01-01", "start", "Syrian government"),
        ("palmyra", "2015-05-21", "day", "ISIS"),
        ("palmyra", "2016-03-27", "day", "Syrian government"),
        ("palmyra", "2016-12-11", "day", "ISIS"),
        ("palmyra", "2017-03-01", "month", "Syrian government"),
        ("hajin", "2013-01-01", "start", "Syrian government"),
        ("qamishli", "2013-01-01", "start", "YPG/SDF"),
        ("hajin", "2014-06-01", "month", "ISIS"),
    ),
    "borders": FakeDataset(
        "kind gained lost",
        ("crossing", "2014-01-01", "2015-06-15"),
        ("crossing", "2014-06-21", None),
        ("crossing", "2015-05-21", "2016-03-04"),
        ("stretch", "2014-01-01", None),
    ),
    "events": FakeDataset(
        "event_id date date_precision",
        ("caliphate-declared", "2014-06-29", "day"),
        ("mosul-offensive", "2016-10-01", "month"),
    ),
}


def render(expression: str) -> str:
    return render_reference(expression, datasets=DATASETS, path="content/x.md", line=12)


def replace(text: str) -> str:
    return replace_references(text, datasets=DATASETS, path="content/x.md", line=12)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("area(2016-07-04)", "68,300 km²"),
        ("area(2016-07-04, estimator=RAND)", "70,000 km²"),
        ('area(2016-07-04, estimator="IHS Conflict Monitor")', "68,300 km²"),
        ("area_change(2015-01-01, 2017-06-26)", "54,600 km² less"),
        ("area_change(2017-06-26, 2016-10-03)", "29,300 km² more"),
        ("area_change_pct(2015-01-01, 2017-06-26)", "60%"),
        ("area_change_pct(2017-06-26, 2016-10-03)", "81%"),
        ("area_change(2016-07-04, 2016-07-04)", "0 km² more"),
        ("area_change_pct(2016-07-04, 2016-07-04)", "0%"),
        ("fell(mosul)", "10 June 2014"),
        ("fell(palmyra)", "21 May 2015"),
        ("fell(hajin)", "June 2014"),
        ("retaken(mosul)", "10 July 2017"),
        ("retaken(palmyra)", "March 2017"),
        ("controller(mosul, 2015-01-01)", "ISIS"),
        ("controller(mosul, 2014-06-09)", "Iraqi government"),
        ("controller(mosul, 2014-06-10)", "ISIS"),
        ("controller(qamishli, 2019-01-01)", "YPG/SDF"),
        ("crossings_held(2015-06-14)", "3"),
        ("crossings_held(2015-06-15)", "2"),
        ("crossings_held(2013-12-31)", "0"),
        ("crossings_held(2017-01-01)", "1"),
        ("event_date(caliphate-declared)", "29 June 2014"),
        ("event_date(mosul-offensive)", "October 2016"),
        ("place(mosul)", "Mosul"),
        ("  fell( mosul )  ", "10 June 2014"),
    ],
)
def test_reference_renders_value(expression, expected):
    assert render(expression) == expected


def test_text_values_are_escaped_for_markdown():
    assert render("place(odd)") == r"a\_b\*c \[d\] &lt;e>"


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        (
            "fell(mosull)",
            "unknown place 'mosull' in fell(mosull); did you mean 'mosul'?",
        ),
        ("fel(mosul)", "unknown function 'fel' in fel(mosul); did you mean 'fell'?"),
        ("area(2016-07-04, estimator=RANDD)", "unknown estimator 'RANDD'"),
        ("area(2016-07-04, estimator=RANDD)", "did you mean 'RAND'?"),
        ("area(2016-07-04, estimater=RAND)", "did you mean 'estimator'?"),
        ("area(2016-07-05)", "; nearest: 2016-07-04, 2016-10-03, 2017-06-26"),
        ("area(2016-03-16)", "IHS Conflict Monitor has no area on 2016-03-16"),
        ("area(2016-13-01)", "'2016-13-01' is not a date (write YYYY-MM-DD)"),
        ("area(2015-02-30)", "'2015-02-30' is not a date"),
        ("area(4 July 2016)", "'4 July 2016' is not a date"),
        ("fell(mosul, palmyra)", "wrong number of arguments (2)"),
        ("fell(mosul, palmyra)", "; write fell(place)"),
        ("area()", "; write area(date, estimator=...)"),
        ("fell(mosul, estimator=RAND)", "fell() has no option 'estimator'"),
        ("event_date(caliphate-declare)", "did you mean 'caliphate-declared'?"),
        ("fell(qamishli)", "control.csv has no row where ISIS takes qamishli"),
        ("retaken(hajin)", "ISIS still holds hajin"),
        ("controller(mosul, 2012-01-01)", "its first row is 2013-01-01"),
        ("controller(mosull, 2015-01-01)", "did you mean 'mosul'?"),
        ("area 2016-07-04", "write name(arguments)"),
        ('area("2016-07-04)', "cannot read the argument"),
        ("area(2016-07-04,)", "cannot read the argument ''"),
    ],
)
def test_mistake_names_file_line_and_fix(expression, message):
    with pytest.raises(ChartError) as caught:
        render(expression)
    text = str(caught.value)
    assert text.startswith("content/x.md:12: ")
    assert message in text
    assert (caught.value.path, caught.value.line) == ("content/x.md", 12)


def test_missing_dataset_is_named():
    with pytest.raises(ChartError, match="dataset 'events' is not loaded"):
        render_reference("event_date(x)", datasets={}, path="content/x.md", line=3)


def test_reference_pattern_finds_body():
    match = REFERENCE.search("It fell on {{ fell(mosul) }}.")
    assert match is not None
    assert match["body"] == "fell(mosul)"


def test_every_reference_on_a_line_is_replaced():
    line = "Mosul fell on {{ fell(mosul) }}; {{place(palmyra)}} on {{ fell(palmyra) }}."
    assert replace(line) == "Mosul fell on 10 June 2014; Palmyra on 21 May 2015."


def test_inline_code_is_left_alone():
    line = (
        "Write `{{ fell(mosul) }}` or ``a ` {{ fell(x) }}`` to get {{ fell(mosul) }}."
    )
    assert replace(line) == (
        "Write `{{ fell(mosul) }}` or ``a ` {{ fell(x) }}`` to get 10 June 2014."
    )


def test_line_without_references_is_unchanged():
    assert replace("No `code` and {braces} here.") == "No `code` and {braces} here."


def test_bad_reference_in_a_line_raises():
    with pytest.raises(ChartError, match=r"^content/x\.md:12: unknown place 'mosull'"):
        replace("Fell on {{ fell(mosull) }}.")


def test_shipped_data_gives_the_published_values():
    datasets = load_package(REPO / "data/datapackage.json", "data")

    def shipped(expression: str) -> str:
        return render_reference(expression, datasets=datasets, path="x.md", line=1)

    assert shipped("fell(mosul)") == "10 June 2014"
    assert shipped("area(2016-07-04)") == "68,300 km²"
