"""Figure JSON: compact, deterministic and safe inside a script element."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
from site_charts.render import figure_json, figure_payload
from site_charts.values import plain_values


def test_figure_json_is_compact_sorted_and_has_no_template():
    figure = figure_payload(
        go.Figure(go.Scatter(x=["2015-01-01"], y=[1], name="</script><b>"))
    )
    text = figure_json(figure)
    assert "</script>" not in text and "<" not in text
    payload = json.loads(text)
    assert payload["data"][0]["name"] == "</script><b>"
    assert "template" not in payload["layout"]
    assert ": " not in text and ", " not in text
    assert text == figure_json(figure_payload(go.Figure(figure)))


def test_plain_values_strip_time_and_float_noise():
    assert plain_values(pd.Series(pd.to_datetime(["2015-01-01"]))) == ["2015-01-01"]
    assert plain_values(pd.Series([1, None], dtype="Int64")) == [1, None]
    assert plain_values(pd.Series([0.1 + 0.2], dtype="Float64")) == [0.3]
