"""Paths and settings shared by the test suites."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
PLOTLY_BUNDLE = REPO / "node_modules/plotly.js-geo-dist-min/plotly-geo.min.js"


def repo_overrides(**site_charts) -> dict:
    """Settings that point a build in another directory back at the repo's code."""
    return {
        "THEME": str(REPO / "theme"),
        "PLUGIN_PATHS": [str(REPO / "plugins")],
        "SITE_CHARTS": {
            "plotly_bundle": str(PLOTLY_BUNDLE),
            "require_alt": False,
            **site_charts,
        },
    }
