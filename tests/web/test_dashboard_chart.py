"""The dashboard's index chart draws what the brief's does (the browser tests render it where
chromium is installed; these read the script): no line across periods without events, no band
for a period of one event, and a reason on an empty chart."""
from __future__ import annotations

import re
from importlib import resources


def _render_chart() -> str:
    script = resources.files("detente.web").joinpath("static", "app.js").read_text(encoding="utf-8")
    start = script.index("function renderChart()")
    return script[start:script.index("\n}\n", start)]


def test_no_dotted_line_joins_the_periods():
    body = _render_chart()
    assert 'dash: "dot" }, hoverinfo: "skip"' not in body
    assert "connectgaps: false" in body and "gapX.push(null)" in body


def test_one_event_periods_have_no_band():
    body = _render_chart()
    assert re.search(r"p\.n_events > 1 \? p\.index_high - p\.index : 0", body)
    assert "one event: no band" in body


def test_an_empty_chart_says_why():
    body = _render_chart()
    assert "if (!tl.periods.length)" in body and "No dated, asserted events between" in body
