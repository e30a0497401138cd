"""The controllers' colours: defined once, used by every chart, legend and table.

Okabe-Ito colours, chosen to stay distinguishable with the common colour-vision
deficiencies; ISIS is black, by the convention of most conflict maps. The site
stylesheet gets the same values from :func:`controllers_css`, written at build.
"""

from __future__ import annotations

import re

CONTROLLER_COLOURS: dict[str, str] = {
    "ISIS": "#000000",
    "Syrian government": "#D55E00",
    "Iraqi government": "#0072B2",
    "Kurdish Peshmerga": "#F0E442",
    "YPG/SDF": "#009E73",
    "Turkish-backed rebels": "#CC79A7",
    "other rebels": "#E69F00",
    "contested": "#C8C8C8",
}


# Places before their first sourced row: white, so unlike ISIS in both themes.
UNSOURCED = "not in the data yet"
UNSOURCED_COLOUR = "#FFFFFF"


def controller_class(controller: str) -> str:
    """Return the CSS class naming a controller, e.g. ``controller--ypg-sdf``."""
    return "controller--" + re.sub(r"[^a-z0-9]+", "-", controller.lower()).strip("-")


def controllers_css() -> str:
    """Return the stylesheet that gives each controller's class its colour."""
    colours = {**CONTROLLER_COLOURS, UNSOURCED: UNSOURCED_COLOUR}
    rules = [
        f".{controller_class(name)} {{ --controller: {colour}; }}"
        for name, colour in colours.items()
    ]
    header = (
        "/* Generated from plugins/site_charts/palette.py: edit the colours there. */"
    )
    return "\n".join([header, *rules]) + "\n"
