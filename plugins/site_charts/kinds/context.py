"""What a builder may use besides the chart's own rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..values import ColumnText

DEFAULT_HEIGHT = 380  # pixels, for kinds whose height does not follow their rows


@dataclass(frozen=True)
class ChartContext:
    """Column labels, the events to annotate with, and the base map."""

    columns: Mapping[str, ColumnText]
    events: pd.DataFrame | None = None
    basemap: Mapping[str, Any] = field(default_factory=dict)
