"""Paths and settings shared by the test suites."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
PLOTLY_BUNDLE = REPO / "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js"


def repo_overrides(**site_charts) -> dict:
    """Settings that point a build in another directory back at the repo's code.

    Static images are cached in the repo's own cache, shared by all builds.
    """
    return {
        "THEME": str(REPO / "theme"),
        "PLUGIN_PATHS": [str(REPO / "plugins")],
        "SITE_CHARTS": {
            "plotly_bundle": str(PLOTLY_BUNDLE),
            "theme": str(REPO / "theme/chart-theme.json"),
            "basemap": str(REPO / "data/geo/basemap.geojson"),
            "image_cache": str(REPO / ".cache/chart-images"),
            "require_alt": False,
            **site_charts,
        },
    }
