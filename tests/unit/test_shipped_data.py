"""The shipped datasets pass, and each kind of broken copy is caught and located."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import REPO
from site_data.errors import DataError
from site_data.load import load_package

CONTROLLERS = {
    "ISIS", "Syrian government", "Iraqi government", "Kurdish Peshmerga",
    "YPG/SDF", "Turkish-backed rebels", "other rebels", "contested",
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped():
    return load_package(REPO / "data/datapackage.json", "data")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target


def problems_in(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_package(data_dir / "datapackage.json", "data")
    return [str(p) for p in error.value.problems]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_shipped_data_meets_the_issue_minimums(shipped):
    published = {name for name, d in shipped.items() if not d.derived_from}
    assert published == {"territory", "places", "control", "borders", "events"}
    assert len(shipped["places"].frame) >= 35
    assert len(shipped["events"].frame) >= 40
    assert set(shipped["control"].frame["controller"]) <= CONTROLLERS
    places = set(shipped["places"].frame["place_id"])
    assert (
        set(shipped["control"].frame["place_id"]) == places
    )  # every place has a history
    for name in published:
        frame = shipped[name].frame
        url = "coord_source_url" if name == "places" else "source_url"
        assert frame[url].notna().all(), name
        assert frame[url].str.match(r"https?://").all(), name


def test_every_estimator_is_its_own_series(shipped):
    estimators = set(shipped["territory"].frame["estimator"])
    assert {"IHS Conflict Monitor", "RAND", "US-led coalition", "SDF"} <= estimators


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param(
            "control.csv",
            "mosul,2014-06-10,day,ISIS,",
            "mosul,2014-06-10,day,ISIL,",
            ":controller: \"ISIL\" is not an allowed value (did you mean 'ISIS'?",
            id="enum",
        ),
        pytest.param(
            "places.csv",
            ",36.3400,43.1300,",
            ",96.3400,43.1300,",
            ':lat: "96.3400" is out of range (the value must be between 29 and 38.5)',
            id="range",
        ),
        pytest.param(
            "control.csv",
            "mosul,2014-06-10,day,ISIS,",
            "mosul,2014-06-10,,ISIS,",
            ":date_precision: a value is required here",
            id="missing-required",
        ),
        pytest.param(
            "control.csv",
            "mosul,2014-06-10,day,ISIS,",
            "mosull,2014-06-10,day,ISIS,",
            ':place_id: "mosull" is not a known place_id in data/places.csv '
            "(did you mean 'mosul'?",
            id="broken-foreign-key",
        ),
        pytest.param(
            "control.csv",
            "mosul,2014-06-10,day,ISIS,",
            "mosul,2014-06-1O,day,ISIS,",
            ':date: "2014-06-1O" is not a valid date',
            id="type",
        ),
    ],
)
def test_schema_violations_name_file_row_and_column(
    data_copy, file, old, new, expected
):
    row = line_of(data_copy / file, old)
    replace_in(data_copy / file, old, new)
    problems = problems_in(data_copy)
    assert any(
        p.startswith(f"data/{file}:{row}:") and expected in p for p in problems
    ), problems


def test_duplicate_key_is_caught(data_copy):
    csv = data_copy / "events.csv"
    first_row = csv.read_text(encoding="utf-8").split("\n")[1]
    csv.write_text(csv.read_text(encoding="utf-8") + first_row + "\n", encoding="utf-8")
    problems = problems_in(data_copy)
    assert any(
        p.startswith("data/events.csv:61:") and "duplicate row" in p for p in problems
    )


def test_rows_out_of_date_order_are_caught(data_copy):
    csv = data_copy / "control.csv"
    row = line_of(csv, "mosul,2017-07-10")
    replace_in(csv, "mosul,2017-07-10", "mosul,2014-06-09")
    problems = problems_in(data_copy)
    assert (
        f"data/control.csv:{row}:date: mosul: 2014-06-09 is not after the row above"
        in problems[0]
    )


def test_a_row_that_changes_nothing_is_caught(data_copy):
    csv = data_copy / "control.csv"
    row = line_of(csv, "mosul,2017-07-10")
    replace_in(
        csv, "mosul,2017-07-10,day,Iraqi government,", "mosul,2017-07-10,day,ISIS,"
    )
    problems = problems_in(data_copy)
    assert any(
        p.startswith(
            f"data/control.csv:{row}:controller: mosul: 'ISIS' already held it"
        )
        for p in problems
    ), problems


def test_crossing_access_must_agree_with_its_town(data_copy):
    csv = data_copy / "borders.csv"
    row = line_of(csv, "syr-tur-jarabulus,")
    replace_in(
        csv,
        "2016-08-24,day,Turkish-backed rebels",
        "2015-08-24,day,Turkish-backed rebels",
    )
    problems = problems_in(data_copy)
    assert any(
        p.startswith(
            f"data/borders.csv:{row}:lost: ISIS loses jarabulus crossing on 2015-08-24"
        )
        for p in problems
    ), problems


def test_bad_encoding_is_caught(data_copy):
    csv = data_copy / "events.csv"
    csv.write_bytes(
        csv.read_bytes().replace(b"Baghdadi", "Baghdädi".encode("latin-1"), 1)
    )
    problems = problems_in(data_copy)
    assert problems[0].startswith("data/events.csv:2: byte 0xe4 is not valid UTF-8")


def test_truncated_descriptor_is_caught(data_copy):
    descriptor = data_copy / "datapackage.json"
    descriptor.write_text(descriptor.read_text()[:5000])
    (problem,) = problems_in(data_copy)
    assert problem.startswith("data/datapackage.json:")
    assert "not valid JSON" in problem


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="utf8-bom"),
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b.rstrip(b"\n"), id="no-final-newline"),
    ],
)
def test_valid_variants_of_every_file_load(data_copy, shipped, variant):
    for csv in data_copy.glob("*.csv"):
        csv.write_bytes(variant(csv.read_bytes()))
    loaded = load_package(data_copy / "datapackage.json", "data")
    for name, dataset in shipped.items():
        assert loaded[name].frame.equals(dataset.frame), name


def test_descriptor_declares_keys_and_foreign_keys():
    descriptor = json.loads((REPO / "data/datapackage.json").read_text())
    resources = {r["name"]: r for r in descriptor["resources"]}
    for name in ("control", "borders", "events"):
        (foreign_key,) = resources[name]["schema"]["foreignKeys"]
        assert foreign_key["reference"] == {
            "resource": "places",
            "fields": ["place_id"],
        }
    assert all(r["schema"].get("primaryKey") for r in resources.values())
