"""Loading and validating a data package: types, and located problems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import FIXTURE_SITE
from site_data.errors import DataError
from site_data.load import load_package


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", target)
    return target


def load(data_dir: Path):
    return load_package(data_dir / "datapackage.json", "data")


def test_columns_get_the_types_the_schema_declares(data_dir):
    territory = load(data_dir)["territory"]
    frame = territory.frame
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert str(frame["area_km2"].dtype) == "Int64"
    assert frame["area_km2"].tolist()[:2] == [90800, 82940]
    assert frame.loc[4, "source_title"] == "Report E, with a comma"
    assert territory.path == "data/territory.csv"
    area = next(c for c in territory.columns if c.name == "area_km2")
    assert (area.title, area.unit) == ("Area held", "km²")


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda text: "\ufeff" + text, id="utf8-bom"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda text: text.rstrip("\n"), id="no-final-newline"),
    ],
)
def test_valid_csv_variants_load(data_dir, variant):
    csv = data_dir / "territory.csv"
    csv.write_bytes(variant(csv.read_text()).encode())
    assert len(load(data_dir)["territory"].frame) == 5


def test_all_problems_are_reported_at_once(data_dir):
    csv = data_dir / "territory.csv"
    text = csv.read_text().replace("90800", "lots").replace("2016-12-31", "2016-13-31")
    csv.write_text(text)
    with pytest.raises(DataError) as error:
        load(data_dir)
    messages = [str(p) for p in error.value.problems]
    assert messages == [
        'data/territory.csv:2:area_km2: "lots" is not a valid integer '
        "(write a whole number without commas, spaces or units, e.g. 90800)",
        'data/territory.csv:5:date: "2016-13-31" is not a valid date '
        "(write the date as YYYY-MM-DD, e.g. 2015-01-01)",
    ]


def test_negative_area_is_out_of_range(data_dir):
    csv = data_dir / "territory.csv"
    csv.write_text(csv.read_text().replace("70000", "-70000"))
    with pytest.raises(
        DataError, match=r"territory.csv:4:area_km2: \"-70000\" is out of range"
    ):
        load(data_dir)


def test_duplicate_key_names_the_row(data_dir):
    csv = data_dir / "territory.csv"
    csv.write_text(csv.read_text() + "2015-01-01,Alpha,1,R,https://example.org/r\n")
    with pytest.raises(DataError, match=r"territory.csv:7: duplicate row"):
        load(data_dir)


def test_non_utf8_file_is_named_with_its_line(data_dir):
    csv = data_dir / "territory.csv"
    csv.write_bytes(
        csv.read_bytes().replace(b"Report C", "Rapport é".encode("latin-1"))
    )
    with pytest.raises(
        DataError, match=r"data/territory.csv:4: byte 0xe9 is not valid UTF-8"
    ):
        load(data_dir)


def test_truncated_descriptor_names_line_and_column(data_dir):
    descriptor = data_dir / "datapackage.json"
    text = descriptor.read_text()
    descriptor.write_text(text[: len(text) // 2])
    with pytest.raises(DataError) as error:
        load(data_dir)
    (problem,) = error.value.problems
    assert problem.path == "data/datapackage.json"
    assert problem.row is not None
    assert "not valid JSON" in problem.message


def test_missing_resource_file_is_named(data_dir):
    descriptor = data_dir / "datapackage.json"
    package = json.loads(descriptor.read_text())
    package["resources"][0]["path"] = "territories.csv"
    descriptor.write_text(json.dumps(package))
    with pytest.raises(DataError, match="data/territories.csv: the file listed"):
        load(data_dir)
