"""Controller colours stay apart for readers with colour-vision deficiencies."""

from __future__ import annotations

import itertools
import math

import pytest
from site_charts.palette import CONTROLLER_COLOURS, controller_class, controllers_css

# Machado, Oliveira & Fernandes (2009), full severity, applied in linear RGB.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
    "typical vision": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}  # fmt: skip
MIN_DELTA_E = 12  # CIE76; about where two small markers stop being confusable


def linear_rgb(hex_colour: str) -> list[float]:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]


def lab(rgb: list[float]) -> tuple[float, float, float]:
    x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def simulate(matrix, rgb: list[float]) -> list[float]:
    return [
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
        for row in matrix
    ]


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_every_pair_of_controllers_stays_distinguishable(vision):
    seen = {
        name: lab(simulate(SIMULATIONS[vision], linear_rgb(colour)))
        for name, colour in CONTROLLER_COLOURS.items()
    }
    closest = min(
        (math.dist(seen[a], seen[b]), a, b) for a, b in itertools.combinations(seen, 2)
    )
    assert closest[0] >= MIN_DELTA_E, closest


def test_stylesheet_carries_the_same_colours():
    css = controllers_css()
    for name, colour in CONTROLLER_COLOURS.items():
        assert f".{controller_class(name)} {{ --controller: {colour}; }}" in css
    assert controller_class("YPG/SDF") == "controller--ypg-sdf"
