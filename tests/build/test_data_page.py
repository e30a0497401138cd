"""The Data page lists every dataset and publishes its files unchanged."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from helpers import REPO


def test_data_page_describes_every_dataset(built_site):
    soup = BeautifulSoup((built_site / "data/index.html").read_text(), "html.parser")
    descriptor = json.loads((REPO / "data/datapackage.json").read_text())
    for resource in descriptor["resources"]:
        section = soup.find("section", id=resource["name"])
        assert section is not None, resource["name"]
        assert section.h2.text == resource["title"]
        rows = sum(1 for _ in (REPO / "data" / resource["path"]).open()) - 1
        assert f"{rows:,} rows" in section.get_text(" ")
        names = [th.code.text for th in section.select("table.columns tbody th")]
        assert names == [f["name"] for f in resource["schema"]["fields"]]
        download = section.select_one("a.download")
        assert download["href"] == f"../data/{resource['path']}"
        assert "Licence" in section.get_text()
    assert "Trebil" in soup.find(id="changelog").get_text()


def test_published_data_files_are_byte_identical(built_site):
    for name in ("datapackage.json", *(p.name for p in (REPO / "data").glob("*.csv"))):
        assert (built_site / "data" / name).read_bytes() == (
            REPO / "data" / name
        ).read_bytes()
