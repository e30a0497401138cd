"""Shared fixtures: build a copy of a site into a temporary directory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import FIXTURE_SITE, REPO, repo_overrides

from sitebuild import build_site


@pytest.fixture
def fixture_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copy the small fixture site into tmp_path and work from there."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, site)
    monkeypatch.chdir(site)
    return site


@pytest.fixture
def build(fixture_site: Path) -> Callable[..., Path]:
    """Return a function that builds the fixture site into ``fixture_site/output``."""

    def run(**overrides) -> Path:
        settings = {
            **repo_overrides(),
            "PATH": str(fixture_site / "content"),
            **overrides,
        }
        return build_site(REPO / "pelicanconf.py", fixture_site / "output", settings)

    return run


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the repo's real site once per test session; return its output."""
    output = tmp_path_factory.mktemp("real-site") / "output"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return build_site(REPO / "pelicanconf.py", output)
