"""A bad chart block or bad data fails the build with file, line and a fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, repo_overrides

from sitebuild import BuildFailed

ARTICLE = "content/articles/chart.md"
CSV = "data/territory.csv"


def edit(path: str, old: str, new: str) -> None:
    text = Path(path).read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    Path(path).write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        pytest.param(
            ARTICLE,
            "data: territory",
            "data: teritory",
            f"{ARTICLE}:9: unknown dataset 'teritory'; did you mean 'territory'?",
            id="missing-dataset",
        ),
        pytest.param(
            ARTICLE,
            "y: area_km2",
            "y: area",
            f"{ARTICLE}:11: unknown column 'area' in dataset 'territory'; "
            "did you mean 'area_km2'?",
            id="missing-column",
        ),
        pytest.param(
            ARTICLE,
            "caption:",
            "colour: estimator\ncaption:",
            f"{ARTICLE}:15: unknown option 'colour' for a line chart; "
            "did you mean 'color'?",
            id="unknown-option",
        ),
        pytest.param(
            ARTICLE,
            "kind: line",
            "kind: lines",
            f"{ARTICLE}:8: unknown chart kind 'lines'; did you mean 'line'?",
            id="unknown-kind",
        ),
        pytest.param(
            ARTICLE,
            "estimator: Alpha",
            "estimator: Alfa",
            f"{ARTICLE}:12: no row has estimator 'Alfa'; did you mean 'Alpha'?",
            id="unknown-filter-value",
        ),
        pytest.param(
            ARTICLE,
            "title: Area held by Alpha",
            "title: Area: held: by Alpha",
            f"{ARTICLE}:14: the chart block is not valid YAML",
            id="invalid-yaml",
        ),
        pytest.param(
            ARTICLE,
            "alt: Line chart falling from 90,800 to 36,200 km².\n```",
            "",
            f"{ARTICLE}:7: this chart block is never closed",
            id="unclosed-fence",
        ),
        pytest.param(
            ARTICLE,
            "Some text.",
            "Alpha held {{ area(2015-01-01, estimator=Alfa) }}.",
            f"{ARTICLE}:5: unknown estimator 'Alfa' in "
            "area(2015-01-01, estimator=Alfa); did you mean 'Alpha'?",
            id="broken-prose-reference",
        ),
        pytest.param(
            CSV,
            "82940",
            "82940 km2",
            f'{CSV}:3:area_km2: "82940 km2" is not a valid integer '
            "(write a whole number without commas, spaces or units, e.g. 90800)",
            id="bad-csv-value",
        ),
        pytest.param(
            CSV,
            "2016-12-31",
            "31/12/2016",
            f'{CSV}:5:date: "31/12/2016" is not a valid date '
            "(write the date as YYYY-MM-DD, e.g. 2015-01-01)",
            id="bad-csv-date",
        ),
        pytest.param(
            CSV,
            "Report C,",
            "Report C, annex,",
            f"{CSV}:4: this row has more values than the header has columns "
            '(put quotes around a value that contains a comma, e.g. "Report, 2016")',
            id="unquoted-comma",
        ),
    ],
)
def test_bad_input_fails_with_file_line_and_fix(build, path, old, new, expected):
    edit(path, old, new)
    with pytest.raises(BuildFailed) as failure:
        build()
    assert any(expected in error for error in failure.value.errors), (
        failure.value.errors
    )


def test_missing_alt_is_a_warning_locally_and_an_error_in_ci(build, caplog):
    edit(ARTICLE, "alt: Line chart falling from 90,800 to 36,200 km².\n", "")
    build()
    assert f"{ARTICLE}:7: this chart has no 'alt' text" in caplog.text
    with pytest.raises(BuildFailed) as failure:
        build(**repo_overrides(require_alt=True))
    assert any(
        f"{ARTICLE}:7: this chart has no 'alt'" in e for e in failure.value.errors
    )


def test_failed_build_keeps_the_last_good_output(build, fixture_site):
    output = build()
    good = (output / "a-chart/index.html").read_text()
    edit(ARTICLE, "y: area_km2", "y: area")
    with pytest.raises(BuildFailed):
        build()
    assert (output / "a-chart/index.html").read_text() == good
    assert not (fixture_site / ".output-staging").exists()


def test_command_line_exits_non_zero_without_a_traceback(fixture_site):
    edit(ARTICLE, "y: area_km2", "y: area")
    (fixture_site / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(REPO)!r})\n"
        "from pelicanconf import *\n"
        f"THEME = {str(REPO / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
        f"SITE_CHARTS = {repo_overrides()['SITE_CHARTS']!r}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "sitebuild", "-s", "conf.py", "-o", "output"],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{ARTICLE}:11: unknown column 'area'" in result.stderr + result.stdout
    assert "Build failed" in result.stderr


def test_broken_chart_theme_is_a_located_error(build, fixture_site):
    theme = fixture_site / "chart-theme.json"
    theme.write_text('{"font": {"size": 13,}}')
    with pytest.raises(BuildFailed) as failure:
        build(**repo_overrides(theme=str(theme)))
    assert any(
        f"{theme}:1: the chart theme is not valid JSON" in e
        for e in failure.value.errors
    ), failure.value.errors
