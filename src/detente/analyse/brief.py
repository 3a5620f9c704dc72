"""The briefing report of a dyad: one self-contained HTML file (Plotly's JavaScript embedded, it
opens offline) or Markdown, built from the store.

    write_brief("detente.duckdb", "IRN", "TJK", out="brief.html")
    write_brief(store, "IRN", "TJK", since="2015", fmt="md", out="brief.md")

It holds a headline paragraph generated from the data (counts, phases, turning points), the
index chart with its phases and one marker per event, the phases, the key events each with
its evidence sentence (trigger marked) and article, the contexts, the undated background
events, and the caveats. All article text is untrusted: the HTML template autoescapes every
value (Jinja2), the chart's strings are escaped (``analyse.chart``), links are kept only for
http(s) URLs; the Markdown variant escapes HTML and Markdown syntax.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import QueryError
from .contexts import DyadContexts, dyad_contexts
from .dyad import DyadTimeline, dyad_timeline
from .phases import Phase, dyad_phases
from .query import open_db, run_query
from .records import KeyEvent, actors_label, country_name

if TYPE_CHECKING:
    from ..store.db import Store
    from .query import DateLike, StoreOrPath

FORMATS = ("html", "md")
KEY_EVENTS = 12
TEMPLATE = "templates/brief.html.j2"


@dataclass(frozen=True)
class Brief:
    """Everything a brief shows, before rendering."""

    a: str
    b: str
    a_name: str
    b_name: str
    timeline: DyadTimeline
    phases: tuple[Phase, ...]
    contexts: DyadContexts
    headline: tuple[str, ...]  # plain-text sentences
    key_events: tuple[KeyEvent, ...]  # in date order
    caveats: tuple[str, ...]
    generated: dt.date
    repeats: int = 0  # events dated by publication that repeat one their article dates (not listed)


def build_brief(store: Store, a: str, b: str, since: DateLike = None, until: DateLike = None,
                by: str = "auto") -> Brief:
    """Gather the timeline, phases, contexts, key events and the generated text of a brief."""
    timeline = dyad_timeline(store, a, b, since=since, until=until, by=by)
    phases = tuple(dyad_phases(timeline))
    contexts = dyad_contexts(store, a, b, since=since, until=until, by=timeline.by)
    ranked = sorted(timeline.events, key=lambda e: (-e.importance, -e.num_articles, e.date_start))
    chosen = {e.event_id: e for e in ranked[:KEY_EVENTS]}
    for phase in phases:
        chosen.update({e.event_id: e for e in phase.turning_events})
    repeats = publication_repeats(store, timeline.events)
    key = tuple(sorted((e for e in chosen.values() if e.event_id not in repeats),
                       key=lambda e: (e.date_start, e.event_id)))
    brief = Brief(a=timeline.a, b=timeline.b, a_name=country_name(timeline.a), b_name=country_name(timeline.b),
                  timeline=timeline, phases=phases, contexts=contexts, headline=(), key_events=key, caveats=(),
                  generated=dt.date.today(), repeats=len(repeats))
    return Brief(**{**brief.__dict__, "headline": tuple(headline(brief)), "caveats": tuple(caveats(brief))})


def write_brief(store: StoreOrPath, a: str, b: str, since: DateLike = None, fmt: str = "html",
                out: str | Path = "brief.html",
                until: DateLike = None, by: str = "auto") -> Path:
    """Write the brief of the dyad A-B to ``out`` (``-``: standard output; ``fmt``: html | md);
    returns the path written."""
    if fmt not in FORMATS:
        raise QueryError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    with open_db(store) as db:
        brief = build_brief(db, a, b, since=since, until=until, by=by)
    text = render_html(brief) if fmt == "html" else render_markdown(brief)
    path = Path(out)
    if str(out) == "-":  # standard output
        sys.stdout.write(text)
        sys.stdout.flush()
        return path
    path.write_text(text, encoding="utf-8")
    return path


REPEAT_DAYS = 31  # a publication date this soon after a text-dated act may be the report of that act


def publication_repeats(store: Store, events: Sequence[KeyEvent]) -> set[str]:
    """Ids of the events dated only by their article's publication that repeat an event the same
    article dates from its text: same direction, same CAMEO family (first two digits), the
    publication date at most REPEAT_DAYS after the dated one ("Rahmon's visit at the end of May"
    and, in the next paragraph, "During the visit, ..." dated on the day of publication). They
    are one act told twice, so the brief lists it once."""
    if len(events) < 2:
        return set()
    ids = [e.event_id for e in events]
    basis: dict[str, Any] = {}
    articles: dict[str, set[str]] = {}
    for event_id, date_basis, article_ids in run_query(  # the writer's article lists: no join of the mentions
            store, "SELECT event_id, date_basis, article_ids FROM events WHERE event_id IN "
                   "(SELECT unnest(?::VARCHAR[]))", [ids]).itertuples(index=False):
        basis[event_id] = date_basis
        articles[event_id] = set(article_ids) if article_ids is not None else set()
    out = set()
    for e in events:
        if basis.get(e.event_id) != "publication" or e.date_start is None:
            continue
        for other in events:
            if (other is e or basis.get(other.event_id) == "publication" or other.date_start is None
                    or (other.source_country, other.target_country) != (e.source_country, e.target_country)
                    or other.cameo[:2] != e.cameo[:2] or not articles.get(e.event_id, set()) & articles.get(other.event_id, set())):
                continue
            if 0 <= (e.date_start - (other.date_end or other.date_start)).days <= REPEAT_DAYS:
                out.add(e.event_id)
                break
    return out


# -- generated text ----------------------------------------------------------------------------------
def describe(e: KeyEvent) -> str:
    """“Sign formal agreement” (Tajikistan → Iran, 2023-05-31)."""
    return f"“{e.cameo_name or e.cameo}” ({actors_label(e)}, {e.date_label})"


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}–{last}"


def headline(brief: Brief) -> list[str]:
    """The headline paragraph, sentence by sentence, from the data."""
    tl = brief.timeline
    pair = f"{brief.a_name}–{brief.b_name}"
    if not tl.periods:
        out = [f"This store holds no asserted, dated events between {brief.a_name} and {brief.b_name}"
               + (" in the period asked for." if tl.since or tl.until else ".")]
        if tl.undated:
            out.append(f"It holds {len(tl.undated)} undated background event(s), listed below.")
        return out
    events = tl.events
    coop = sum(1 for e in events if (e.quad_class or 0) <= 2)
    out = [f"{pair} relations rest here on {len(events)} dated event(s) from {tl.periods[0].label} to "
           f"{tl.periods[-1].label} ({coop} cooperative, {len(events) - coop} conflictual), reported in "
           f"{tl.n_articles} article(s) from {tl.n_sources} source(s)."]
    phases = brief.phases
    if len(phases) == 1:
        out.append(f"Relations read as {phases[0].label} throughout (index {phases[0].index:+.1f} on the Goldstein "
                   "scale, −10 hostile to +10 cooperative).")
    else:
        steps = [f"{p.label} ({_span(p.first_period, p.last_period)}, index {p.index:+.1f})" for p in phases]
        out.append("Relations moved from " + steps[0] + "".join(f" to {s}" if i == len(steps) - 1 else f", then {s}"
                                                              for i, s in enumerate(steps[1:], 1)) + ".")
        for phase in phases[1:]:
            if phase.turning_events:
                out.append(f"The turn to {phase.label} relations in {phase.first_period} is marked by "
                           + " and ".join(describe(e) for e in phase.turning_events[:2]) + ".")
    out.extend(_extremes(events))
    last = tl.periods[-1]
    out.append(f"In the latest period ({last.label}), {last.n_events} event(s) give an index of {last.index:+.1f} "
               f"(95% band {last.low:+.1f} to {last.high:+.1f}).")
    topics = list(brief.contexts.totals("cooperation"))[:4]
    if topics:
        out.append("Cooperation concerns " + ", ".join(topics) + ".")
    return out


def _extremes(events: tuple[KeyEvent, ...]) -> list[str]:
    score = lambda e: e.score if e.score is not None else (e.goldstein or 0.0)  # noqa: E731
    best = max(events, key=lambda e: (score(e), e.num_mentions))
    worst = min(events, key=lambda e: (score(e), -e.num_mentions))
    parts = []
    if score(best) > 0:
        parts.append(f"the most cooperative event is {describe(best)}")
    if score(worst) < 0:
        parts.append(f"the most conflictual is {describe(worst)}")
    if not parts:
        return []
    text = "; ".join(parts) + "."
    return [text[0].upper() + text[1:]]


def caveats(brief: Brief) -> list[str]:
    """What a reader should know before quoting the brief."""
    tl = brief.timeline
    out = ["These events were coded by a machine from news text: check each one against its evidence sentence "
           "before relying on it."]
    thin = sum(1 for p in tl.periods if p.n_events <= 2)
    out.append(f"The series rests on {tl.n_events} dated event(s) from {tl.n_articles} article(s) and "
               f"{tl.n_sources} source(s); {thin} of {len(tl.periods)} period(s) rest on one or two events, "
               "and their index has a wide band.")
    if tl.undated:
        out.append(f"{len(tl.undated)} asserted event(s) have no recoverable date; they are listed under "
                   "Background and are not in the series.")
    if tl.vague:
        out.append(f"{len(tl.vague)} asserted event(s) are dated only to a span of more than a year (such as "
                   f"“{tl.vague[0].date_label}”); they belong to no one {tl.by}, so they are listed under Background "
                   "and are not in the series.")
    if brief.repeats:
        out.append(f"{brief.repeats} event(s) dated by their article's publication repeat an act the same article "
                   "dates in its text (“during the visit”); each such act is listed once, at its own date.")
    if tl.excluded:
        detail = ", ".join(f"{n} {m}" for m, n in tl.excluded.items())
        out.append(f"Statements that are not asserted facts are not counted ({detail}).")
    coarse = sum(p.n_coarse for p in tl.periods)
    if coarse:
        out.append(f"{coarse} event(s) are dated less precisely than the {tl.by} they are shown in; "
                   "they are placed at the start of their date range.")
    flipped = sum(1 for e in tl.events if e.score is not None and e.goldstein is not None and e.score != e.goldstein)
    if flipped:
        out.append(f"{flipped} cooperative event(s) with the other country's opposition or armed groups count "
                   "against relations with its government (their score is minus their Goldstein value).")
    out.append("Index: the mean Goldstein score of a period's events (each event once, however many articles "
               "report it); band: 95% Student-t interval shrunk towards a prior of 2 events with standard "
               "deviation 4. Phases: change points of the index found with PELT (ruptures).")
    return out


def context_rows(brief: Brief) -> list[tuple[str, int, int, str]]:
    """(context, cooperation, conflict, periods) rows, most frequent first."""
    periods: dict[str, list[str]] = {}
    for row in brief.contexts.rows:
        periods.setdefault(row.context, []).append(row.period)
    coop, conflict = Counter(brief.contexts.totals("cooperation")), Counter(brief.contexts.totals("conflict"))
    return [(c, coop.get(c, 0), conflict.get(c, 0), ", ".join(periods[c])) for c in brief.contexts.totals()]


# -- rendering --------------------------------------------------------------------------------------
def evidence_parts(e: KeyEvent) -> tuple[str, str, str]:
    """The evidence sentence split around its trigger: (before, trigger, after); plain text."""
    ev = e.evidence
    if ev is None:
        return "", "", ""
    sentence = ev.sentence
    at = -1
    if ev.trigger_char is not None and ev.char_start is not None and ev.trigger:
        at = ev.trigger_char - ev.char_start
        if sentence[at:at + len(ev.trigger)] != ev.trigger:
            at = -1
    if at < 0 and ev.trigger:
        at = sentence.find(ev.trigger)
    if at < 0:
        return sentence, "", ""
    return sentence[:at], sentence[at:at + len(ev.trigger or "")], sentence[at + len(ev.trigger or ""):]


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None (a javascript: or data: URL never becomes a link)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


@lru_cache(maxsize=1)
def _template() -> Any:
    import jinja2

    source = importlib_resources.files("detente.web").joinpath(TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["signed"] = lambda x: f"{x:+.1f}"
    env.globals.update(evidence_parts=evidence_parts, safe_url=safe_url, country_name=country_name,
                       describe=describe, actors_label=actors_label)
    return env.from_string(source)


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page: Plotly's JavaScript inline, gzip-compressed
    (1.5 MB instead of 4.8; the browser's DecompressionStream unpacks it), the figure as JSON."""
    import plotly.io as pio
    from markupsafe import Markup

    from .chart import index_figure

    figure = index_figure(brief.timeline, list(brief.phases))
    data = pio.to_json(figure, validate=False)
    for ch, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):  # inert inside <script>
        data = data.replace(ch, code)
    chart = Markup(CHART_HTML.format(data=data, plotly=plotly_gz(), loader=PLOTLY_LOADER))
    return _template().render(brief=brief, tl=brief.timeline, chart=chart, contexts=context_rows(brief),
                              version=__version__)


CHART_HTML = """<div id="index-chart" class="chart" style="height:440px;width:100%"></div>
<script type="application/json" id="index-chart-data">{data}</script>
<script type="application/octet-stream" id="plotly-gz">{plotly}</script>
<script>{loader}</script>"""

# Unpack plotly.js (base64 of gzip) with the browser's DecompressionStream, run it as an inline
# script (the page's CSP allows inline scripts only), then draw the figure.
PLOTLY_LOADER = """
async function detenteUnpack(b64) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).text();
}
(async () => {
  const box = document.getElementById("index-chart");
  try {
    const script = document.createElement("script");
    script.textContent = await detenteUnpack(document.getElementById("plotly-gz").textContent.trim());
    document.head.appendChild(script);
    const fig = JSON.parse(document.getElementById("index-chart-data").textContent);
    Plotly.newPlot(box, fig.data, fig.layout, {displaylogo: false, responsive: true});
  } catch (err) {
    box.textContent = "The chart needs a browser that can unpack it (DecompressionStream): " + err;
  }
})();
"""


@lru_cache(maxsize=1)
def plotly_gz() -> str:
    """plotly.js (the copy the plotly package ships), gzip-compressed and base64-encoded."""
    import base64
    import gzip

    from plotly.offline import get_plotlyjs

    return base64.b64encode(gzip.compress(get_plotlyjs().encode("utf-8"), 9, mtime=0)).decode("ascii")


def md(text: Any) -> str:
    """Text made inert in Markdown: HTML escaped, Markdown syntax backslash-escaped, one line."""
    import html

    value = html.escape(re.sub(r"\s+", " ", str(text if text is not None else "")), quote=False)
    for ch in "\\`*_[]#|~":
        value = value.replace(ch, "\\" + ch)
    return value


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown (no chart: the periods table instead)."""
    tl = brief.timeline
    lines = [f"# Relations between {md(brief.a_name)} and {md(brief.b_name)}", "",
             f"*detente {__version__} brief, {brief.generated.isoformat()}*", "", md(" ".join(brief.headline)), ""]
    if brief.phases:
        lines += ["## Phases", "", "| phase | from | to | index | 95% band | events |", "|---|---|---|---|---|---|"]
        lines += [f"| {p.label} | {p.first_period} | {p.last_period} | {p.index:+.1f} | {p.low:+.1f} to {p.high:+.1f} "
                  f"| {p.n_events} |" for p in brief.phases]
        lines.append("")
    if tl.periods:
        lines += [f"## Index by {tl.by}", "", "| period | events | coop. | conflict | index | 95% band |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {p.label} | {p.n_events} | {p.quad_counts[1] + p.quad_counts[2]:g} | "
                  f"{p.quad_counts[3] + p.quad_counts[4]:g} | {p.index:+.1f} | {p.low:+.1f} to {p.high:+.1f} |"
                  for p in tl.periods]
        lines.append("")
    lines += ["## Key events", ""] + [_md_event(e) for e in brief.key_events] + [""]
    rows = context_rows(brief)
    if rows:
        lines += ["## Contexts", "", "| context | cooperation | conflict | periods |", "|---|---|---|---|"]
        lines += [f"| {md(c)} | {co} | {cf} | {md(per)} |" for c, co, cf, per in rows] + [""]
    if tl.vague:
        lines += ["## Background (dated only to a span of years)", ""] + [_md_event(e) for e in tl.vague] + [""]
    if tl.undated:
        lines += ["## Background (undated)", ""] + [_md_event(e) for e in tl.undated] + [""]
    lines += ["## Caveats", ""] + [f"- {md(c)}" for c in brief.caveats] + [""]
    return "\n".join(lines)


def _md_event(e: KeyEvent) -> str:
    pre, trig, post = evidence_parts(e)
    head = (f"- **{md(e.date_label)}** {md(actors_label(e))}: "
            f"{md(e.cameo)} {md(e.cameo_name)} / {md(e.plover or '–')} (Goldstein {e.goldstein or 0:+.1f})")
    if e.evidence is None:
        return head
    sentence = f"{md(pre)}**{md(trig)}**{md(post)}" if trig else md(pre)
    ev = e.evidence
    source = ", ".join(md(x) for x in (ev.title, ev.publisher, ev.published.isoformat() if ev.published else None) if x)
    url = safe_url(ev.url)
    if url:
        from urllib.parse import quote

        source += " <" + quote(url, safe=":/?#@!$&'()*+,;=%~-._") + ">"
    return f"{head}  \n  > “{sentence.strip()}” — {source}"
