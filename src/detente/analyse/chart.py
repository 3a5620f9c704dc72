"""The relations-index chart of a dyad (Plotly): index and band per period, phases shaded,
one marker per event at its score, hover text with the evidence.

Article text is untrusted: every string that goes into the figure is HTML-escaped first,
because Plotly renders a subset of HTML in hover text and labels.
"""
from __future__ import annotations

import datetime as dt
import html
from typing import Any

from .dyad import DyadTimeline
from .phases import Phase
from .records import QUAD_NAMES, KeyEvent, country_name

PHASE_COLOURS = {"hostile": "rgba(178,24,43,0.16)", "cold": "rgba(103,169,207,0.20)",
                 "neutral": "rgba(160,160,160,0.14)", "warm": "rgba(253,174,97,0.20)",
                 "cooperative": "rgba(26,152,80,0.16)"}
QUAD_COLOURS = {1: "#1a9850", 2: "#006837", 3: "#f46d43", 4: "#a50026"}


def esc(text: Any, limit: int | None = None) -> str:
    """Escaped, whitespace-folded text, shortened to ``limit`` characters."""
    value = " ".join(str(text or "").split())
    if limit and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return html.escape(value, quote=True)


def event_hover(e: KeyEvent) -> str:
    """Hover text of an event marker (escaped)."""
    ev = e.evidence
    lines = [f"<b>{esc(e.date_label)}</b> {esc(country_name(e.source_country))} → "
             f"{esc(country_name(e.target_country))}",
             f"{esc(e.cameo)} {esc(e.cameo_name)} · {esc(e.plover or '')}",
             f"Goldstein {e.goldstein:+.1f}" + (f", counted {e.score:+.1f} (engages the opposition)"
                                                if e.score not in (None, e.goldstein) else "")
             + f" · {e.num_mentions} mention(s), {e.num_articles} article(s)"]
    if ev is not None:
        lines.append("“" + esc(ev.sentence, 160) + "”")
        lines.append(esc(" · ".join(x for x in (ev.title, ev.publisher, _iso(ev.published)) if x), 120))
    return "<br>".join(lines)


def index_figure(timeline: DyadTimeline, phases: list[Phase]) -> Any:
    """A plotly Figure of the timeline (empty axes with a note when there are no periods)."""
    import plotly.graph_objects as go

    fig = go.Figure()
    periods = timeline.periods
    mids = [p.start + (p.end - p.start) / 2 for p in periods]
    if periods:
        # The band is drawn as an error bar on each period of two events or more (a period of one
        # event has a band of nearly the whole scale, which says nothing and would dominate the
        # chart: its marker is hollow instead); the line joins adjacent periods only, never
        # across periods without events.
        xs, values = _with_gaps(periods, mids)
        fig.add_trace(go.Scatter(x=xs, y=values, mode="lines", line={"color": "#333", "width": 2},
                                 hoverinfo="skip", showlegend=False, connectgaps=False))
        fig.add_trace(go.Scatter(
            x=mids, y=[p.index for p in periods], mode="markers", name="relations index (95% band)",
            marker={"size": 8, "color": ["#333" if p.n_events > 1 else "white" for p in periods],
                    "line": {"color": "#333", "width": 2}},
            error_y={"type": "data", "symmetric": False,
                     "array": [p.high - p.index if p.n_events > 1 else 0 for p in periods],
                     "arrayminus": [p.index - p.low if p.n_events > 1 else 0 for p in periods],
                     "color": "rgba(60,60,60,0.35)", "thickness": 6, "width": 0},
            hovertext=[f"<b>{esc(p.label)}</b>: index {p.index:+.1f} " + (
                f"[{p.low:+.1f}, {p.high:+.1f}]" if p.n_events > 1 else "(one event: no band)")
                + f"<br>{p.n_events} event(s)" for p in periods], hoverinfo="text"))
    for quad in (1, 2, 3, 4):
        events = [e for e in timeline.events if e.quad_class == quad]
        if events:
            fig.add_trace(go.Scatter(
                x=[_event_x(e) for e in events], y=[e.score if e.score is not None else e.goldstein for e in events],
                mode="markers", name=QUAD_NAMES[quad],
                marker={"color": QUAD_COLOURS[quad], "size": [8 + 2 * min(e.num_mentions, 6) for e in events],
                        "symbol": ["diamond" if _flipped(e) else "circle" for e in events],
                        "line": {"width": 1, "color": "white"}, "opacity": 0.85},
                hovertext=[event_hover(e) for e in events], hoverinfo="text",
                customdata=[e.event_id for e in events]))
    for phase in phases:
        fig.add_vrect(x0=phase.start, x1=phase.end + dt.timedelta(days=1), fillcolor=PHASE_COLOURS[phase.label],
                      line_width=0, layer="below", annotation_text=esc(phase.label),
                      annotation_position="top left", annotation_font_size=12)
    fig.add_hline(y=0, line={"color": "#999", "width": 1, "dash": "dot"})
    fig.update_layout(
        template="plotly_white", height=440, margin={"l": 60, "r": 20, "t": 30, "b": 40},
        yaxis={"title": {"text": "relations index (Goldstein scale)"}, "range": [-10.5, 10.5], "zeroline": False},
        xaxis={"title": {"text": ""}, "type": "date"},
        legend={"orientation": "h", "y": -0.12}, hoverlabel={"align": "left"},
    )
    if not periods:
        fig.add_annotation(text="no dated events", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return fig


def _with_gaps(periods: Any, mids: list[dt.date]) -> tuple[list[Any], list[Any]]:
    """x and index lists with a None between periods that are not adjacent."""
    xs: list[Any] = []
    values: list[Any] = []
    for i, (p, mid) in enumerate(zip(periods, mids)):
        if i and periods[i - 1].end + dt.timedelta(days=1) != p.start:
            xs.append(None)
            values.append(None)
        xs.append(mid)
        values.append(p.index)
    return xs, values


def _flipped(e: KeyEvent) -> bool:
    """The event counts against relations (cooperation with the other side's opposition)."""
    return e.score is not None and e.goldstein is not None and e.score != e.goldstein


def _event_x(e: KeyEvent) -> dt.date:
    """An event's x position: its date, or the middle of its date range when it is coarse."""
    if e.date_start and e.date_end and e.date_end > e.date_start:
        return e.date_start + (e.date_end - e.date_start) / 2
    return e.date_start  # type: ignore[return-value]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
