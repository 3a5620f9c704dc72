"""Events and mentions in the store: write one coded article, find merge candidates, query.

- ``save_coded(store, coded, events, ontology)`` — in ONE transaction: replace the article's actors
  and mentions, upsert its events (counts recomputed from the mentions table), drop events left
  without mentions, and mark the article coded.
- ``candidate_events(store, mentions)`` — stored events a new mention could join (same dyad in
  either direction, same CAMEO root, near in time — or already holding a mention of the same
  article), rehydrated with their mentions.
- ``query_events(store, ...)`` — events by article, country, dyad, code, modality, dates, text;
  in date order, undated last.
- ``event_count``, ``mention_count``, ``publication_date_share``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ..errors import QueryError
from ..identity import mention_id
from ..model import Actor, ActorMention, CodedArticle, Event, EventMention, Location

_SIDES = ("text", "name", "country", "sector", "sector2", "kb_id", "org", "confidence")
_EVENT_COLS = ("event_id", "cameo", "cameo_root", "plover", "plover_mode", "quad_class", "goldstein",
               *(f"source_{c}" for c in _SIDES), *(f"target_{c}" for c in _SIDES),
               "modality", "reported", "date_start", "date_end", "date_precision", "date_basis",
               "location_name", "location_country", "lat", "lon", "contexts", "confidence",
               "num_mentions", "num_articles", "updated_at", "intended_cameo", "admin1", "geonames_id",
               "location_basis", "location_kind")
_MENTION_COLS = ("mention_id", "event_id", "article_id", "sentence", "char_start", "char_end", "trigger",
                 "trigger_char", "rule", "cameo", "modality", "reported", "confidence",
                 *(f"source_{c}" for c in _SIDES), *(f"target_{c}" for c in _SIDES),
                 "date_start", "date_end", "date_precision", "date_basis", "date_text", "published", "contexts",
                 "intended_cameo")
_ACTOR_COLS = ("article_id", "tok_start", "tok_end", "char_start", "char_end", "text", "name", "country",
               "sector", "sector2", "kb_id", "org", "confidence", "basis")
_CANDIDATE_SLACK_DAYS = 62
_SAMPLE_ABOVE = 12  # events with more mentions are loaded as a sample when merging
_DYAD = re.compile(r"^\s*([A-Za-z]{3}|IGO)\s*[-_:/>,]\s*([A-Za-z]{3}|IGO)\s*$")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


_INTS = {"char_start", "char_end", "trigger_char", "tok_start", "tok_end", "quad_class", "num_mentions",
         "num_articles", "geonames_id"}
_FLOATS = {"confidence", "goldstein", "lat", "lon", "source_confidence", "target_confidence"}
_DATES = {"date_start", "date_end", "published"}


def _arrow_type(column: str) -> Any:
    import pyarrow as pa

    if column in _INTS:
        return pa.int64()
    if column in _FLOATS:
        return pa.float64()
    if column in _DATES:
        return pa.date32()
    if column == "reported":
        return pa.bool_()
    if column == "contexts":
        return pa.list_(pa.string())
    if column == "updated_at":
        return pa.timestamp("us")
    return pa.string()


def _insert(con: Any, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
    """Insert many rows at once through an Arrow table (row-by-row inserts are slow in DuckDB)."""
    import pyarrow as pa

    data = pa.table({c: pa.array([row[i] for row in rows], type=_arrow_type(c)) for i, c in enumerate(columns)})
    name = f"_detente_new_{table}"
    con.register(name, data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {name}")
    finally:
        con.unregister(name)


# -- writing ---------------------------------------------------------------------------------------
def save_coded(store: Any, coded: CodedArticle, events: Sequence[Event], ontology: Any) -> None:
    """Store one coded article and the events its mentions belong to, in one transaction."""
    article_id = coded.article.id
    now = _now()
    with store.transaction() as con:
        before = {r[0] for r in con.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE article_id = ?", [article_id]).fetchall()}
        con.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        con.execute("DELETE FROM actors WHERE article_id = ?", [article_id])
        if coded.actors:
            _insert(con, "actors", _ACTOR_COLS, [_actor_row(article_id, a) for a in coded.actors])
        event_rows, mention_rows = [], []
        for event in events:
            event_rows.append(_event_row(event, ontology, now))
            mention_rows.extend(_mention_row(event.event_id, m) for m in event.mentions
                                if m.article_id == article_id)
        ids = [e.event_id for e in events]
        if ids:
            con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            _insert(con, "events", _EVENT_COLS, event_rows)
        if mention_rows:
            con.execute("DELETE FROM mentions WHERE mention_id IN (SELECT unnest(?::VARCHAR[]))",
                        [[r[0] for r in mention_rows]])
            _insert(con, "mentions", _MENTION_COLS, mention_rows)
        affected = sorted(before | set(ids))
        if affected:
            _recount(con, affected, now)
        con.execute("UPDATE articles SET coded_at = ? WHERE id = ?", [now, article_id])


def _recount(con: Any, event_ids: list[str], now: dt.datetime) -> None:
    """num_mentions / num_articles from the mentions table; events left without mentions go."""
    con.execute(
        "UPDATE events SET num_mentions = c.n, num_articles = c.a, updated_at = ? FROM ("
        "  SELECT e.event_id, count(m.mention_id) AS n, count(DISTINCT m.article_id) AS a"
        "  FROM (SELECT unnest(?::VARCHAR[]) AS event_id) e LEFT JOIN mentions m ON m.event_id = e.event_id"
        "  GROUP BY e.event_id) c WHERE events.event_id = c.event_id", [now, event_ids])
    con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[])) AND num_mentions = 0",
                [event_ids])


def _side_values(actor: ActorMention | Actor | None, text: str | None = None) -> list[Any]:
    if isinstance(actor, ActorMention):
        text, actor = actor.text, actor.actor
    if actor is None:
        return [None] * len(_SIDES)
    return [text, actor.name, actor.country, actor.sector, actor.sector2, actor.kb_id, actor.org,
            float(actor.confidence)]


def _event_row(e: Event, ontology: Any, now: dt.datetime) -> list[Any]:
    info = (ontology.describe(e.cameo) if ontology is not None else None) or {}
    loc = e.location
    return [e.event_id, e.cameo, e.cameo[:2], info.get("plover"), info.get("plover_mode"), info.get("quad_class"),
            info.get("goldstein"), *_side_values(e.source, e.source_text), *_side_values(e.target, e.target_text),
            e.modality, e.reported, e.date_start, e.date_end, e.date_precision, e.date_basis,
            loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, list(e.contexts or info.get("contexts") or ()), float(e.confidence),
            e.num_mentions, e.num_articles, now, e.intended_cameo, loc.admin1 if loc else None,
            loc.geonames_id if loc else None, loc.basis if loc else None, loc.kind if loc else None]


def _mention_row(event_id: str, m: EventMention) -> list[Any]:
    return [mention_id(m), event_id, m.article_id, m.sentence, m.char_start, m.char_end, m.trigger,
            m.trigger_char, m.rule, m.cameo, m.modality, m.reported, float(m.confidence),
            *_side_values(m.source), *_side_values(m.target), m.date_start, m.date_end, m.date_precision,
            m.date_basis, m.date_text, m.published, list(m.contexts), m.intended_cameo]


def _actor_row(article_id: str, a: ActorMention) -> list[Any]:
    r = a.actor
    return [article_id, a.start, a.end, a.char_start, a.char_end, a.text, r.name, r.country, r.sector,
            r.sector2, r.kb_id, r.org, float(r.confidence), a.basis]


# -- reading ---------------------------------------------------------------------------------------
def candidate_events(store: Any, mentions: Sequence[EventMention]) -> list[Event]:
    """Stored events that ``mentions`` could join, with their mentions.

    An event qualifies when it holds a mention of the same article (so coding again is stable) or
    of another copy of its story (``article_stories``), or when its dyad matches a mention's in
    either direction, its CAMEO root is the mention's and its date lies within two months of the
    mention's. Each comes with every mention of the articles being coded and of the first article
    of their stories, and a sample of its other mentions: the first, the best-dated, the ones with
    the most confident actors, an asserted and an unreported one (see ``merge_mentions``).
    """
    if not mentions:
        return []
    articles = sorted({m.article_id for m in mentions})
    story_rows = store.con.execute(
        "SELECT article_id, story_id FROM article_stories WHERE story_id IN (SELECT story_id FROM article_stories "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])))", [articles]).fetchall()
    copies = sorted({a for a, _ in story_rows} - set(articles))
    firsts = sorted({story for _, story in story_rows} - set(articles))
    keys: set[tuple[str, str, str, dt.date, dt.date]] = set()
    for m in mentions:
        s, t = _country(m.source), _country(m.target)
        if s is None or t is None or m.date_start is None:
            continue
        lo = m.date_start - dt.timedelta(days=_CANDIDATE_SLACK_DAYS)
        hi = (m.date_end or m.published or m.date_start) + dt.timedelta(days=_CANDIDATE_SLACK_DAYS)
        keys.update({(s, t, m.cameo[:2], lo, hi), (t, s, m.cameo[:2], lo, hi)})
    sql = (f"SELECT {', '.join(_EVENT_COLS)} FROM events WHERE event_id IN ("
           "SELECT event_id FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])))")
    params: list[Any] = [articles + copies]
    if keys:
        k = sorted(keys)
        sql += (" OR event_id IN (SELECT e.event_id FROM events e JOIN (SELECT unnest(?::VARCHAR[]) AS s, "
                "unnest(?::VARCHAR[]) AS t, unnest(?::VARCHAR[]) AS r, unnest(?::DATE[]) AS lo, "
                "unnest(?::DATE[]) AS hi) k ON e.source_country = k.s AND e.target_country = k.t "
                "AND e.cameo_root = k.r AND e.date_start <= k.hi AND coalesce(e.date_end, e.date_start) >= k.lo)")
        params += [[x[0] for x in k], [x[1] for x in k], [x[2] for x in k], [x[3] for x in k], [x[4] for x in k]]
    return _rehydrate(store.con, store.con.execute(sql, params).fetchall(), sample_for=articles + firsts)


def _country(actor: ActorMention | None) -> str | None:
    return actor.actor.country if actor is not None and actor.actor is not None else None


def query_events(store: Any, article_ids: Sequence[str] | None = None, country: str | None = None,
                 dyad: str | tuple[str, str] | None = None, code: str | None = None, modality: str | None = None,
                 since: dt.date | str | None = None, until: dt.date | str | None = None,
                 text: str | None = None, limit: int | None = None) -> list[Event]:
    """Stored events matching every filter given, in date order (undated last).

    ``country``: source or target; ``dyad``: "IRN-TJK" or ("IRN", "TJK"), either direction;
    ``code``: a CAMEO prefix ("04", "042"); ``since``/``until``: events whose dates overlap the
    range (undated events are left out); ``text``: words in a mention sentence or an actor name.
    """
    where, params = ["TRUE"], []
    if article_ids is not None:
        where.append("event_id IN (SELECT event_id FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])))")
        params.append(list(article_ids))
    if country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [country.upper()] * 2
    if dyad:
        a, b = _parse_dyad(dyad)
        where.append("((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))")
        params += [a, b, b, a]
    if code:
        if not str(code).isdigit():
            raise QueryError(f"a CAMEO code is digits, got {code!r}")
        where.append("starts_with(cameo, ?)")
        params.append(str(code))
    if modality:
        where.append("modality = ?")
        params.append(modality)
    if since:
        where.append("coalesce(date_end, date_start) >= ?")
        params.append(_as_date(since, "since"))
    if until:
        where.append("date_start <= ?")
        params.append(_as_date(until, "until"))
    if text:
        where.append("(event_id IN (SELECT event_id FROM mentions WHERE sentence ILIKE ?) "
                     "OR source_name ILIKE ? OR target_name ILIKE ?)")
        params += [f"%{text}%"] * 3
    sql = (f"SELECT {', '.join(_EVENT_COLS)} FROM events WHERE {' AND '.join(where)} "
           "ORDER BY date_start ASC NULLS LAST, date_end ASC NULLS LAST, event_id")
    if limit is not None:
        if int(limit) < 0:
            raise QueryError(f"limit must be >= 0, got {limit}")
        sql += f" LIMIT {int(limit)}"
    return _rehydrate(store.con, store.con.execute(sql, params).fetchall())


def _parse_dyad(dyad: str | tuple[str, str]) -> tuple[str, str]:
    if isinstance(dyad, (tuple, list)) and len(dyad) == 2:
        return str(dyad[0]).upper(), str(dyad[1]).upper()
    m = _DYAD.match(str(dyad))
    if not m:
        raise QueryError(f"a dyad is two ISO3 codes such as IRN-TJK, got {dyad!r}")
    return m.group(1).upper(), m.group(2).upper()


def _as_date(value: dt.date | str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from exc


def event_count(store: Any) -> int:
    return int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])


def mention_count(store: Any) -> int:
    return int(store.con.execute("SELECT count(*) FROM mentions").fetchone()[0])


def publication_date_share(store: Any) -> float:
    """Share of events dated by their publication day (0.0 for an empty store)."""
    total, by_pub = store.con.execute(
        "SELECT count(*), count(*) FILTER (WHERE date_basis = 'publication') FROM events").fetchone()
    return by_pub / total if total else 0.0


# -- rehydration -----------------------------------------------------------------------------------
_ORDER = "m.published NULLS FIRST, m.article_id, m.char_start, m.trigger_char"
# The mentions that decide a stored event's orientation, date, actors, modality and confidence: one
# aggregate pass (window functions over wide rows are several times slower in DuckDB).
_SAMPLE = """
SELECT list_distinct([
  arg_min(m.mention_id, struct_pack(p := coalesce(m.published, DATE '0001-01-01'), a := m.article_id,
                                    c := m.char_start, t := m.trigger_char)),
  arg_max(m.mention_id, struct_pack(c := coalesce(m.source_confidence, -1), i := m.mention_id)),
  arg_max(m.mention_id, struct_pack(c := coalesce(m.target_confidence, -1), i := m.mention_id)),
  arg_max(m.mention_id, struct_pack(d := (m.date_start IS NOT DISTINCT FROM e.date_start
      AND m.date_end IS NOT DISTINCT FROM e.date_end AND m.date_basis IS NOT DISTINCT FROM e.date_basis),
      i := m.mention_id)),
  arg_max(m.mention_id, struct_pack(a := m.modality = 'asserted', i := m.mention_id)),
  arg_max(m.mention_id, struct_pack(r := NOT coalesce(m.reported, FALSE), i := m.mention_id)),
  arg_max(m.mention_id, struct_pack(c := coalesce(m.confidence, -1), i := m.mention_id))])
FROM mentions m JOIN events e ON e.event_id = m.event_id
WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY m.event_id"""


def _rehydrate(con: Any, event_rows: list[tuple[Any, ...]], sample_for: list[str] | None = None) -> list[Event]:
    """Events with their mentions: all of them, or — ``sample_for`` articles being coded — every
    mention of those articles and, of the others, the few that decide the event's fields."""
    if not event_rows:
        return []
    events = [dict(zip(_EVENT_COLS, row)) for row in event_rows]
    ids = [e["event_id"] for e in events]
    small = {e["event_id"] for e in events if (e["num_mentions"] or 0) <= _SAMPLE_ABOVE}
    big = [i for i in ids if i not in small]
    if sample_for is not None and big:
        picked = sorted({mid for (mids,) in con.execute(_SAMPLE, [big]).fetchall() for mid in mids})
        rows = con.execute(
            f"SELECT {', '.join('m.' + c for c in _MENTION_COLS)} FROM mentions m "
            "WHERE m.mention_id IN (SELECT unnest(?::VARCHAR[])) OR (m.event_id IN (SELECT unnest(?::VARCHAR[])) "
            f"AND m.article_id IN (SELECT unnest(?::VARCHAR[]))) ORDER BY {_ORDER}",
            [picked, big, list(sample_for)]).fetchall()
        ids = [i for i in ids if i in small]
    else:
        rows = []
    if ids:
        rows += con.execute(f"SELECT {', '.join('m.' + c for c in _MENTION_COLS)} FROM mentions m "
                            f"WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY {_ORDER}", [ids]).fetchall()
    sources = _num_sources(con, [e["event_id"] for e in events]) if sample_for is None else {}
    by_event: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        values = dict(zip(_MENTION_COLS, row))
        by_event.setdefault(values["event_id"], []).append(values)
    out = []
    for e in events:
        location = (Location(e["location_name"], e["location_country"], e["lat"], e["lon"], admin1=e["admin1"],
                             geonames_id=e["geonames_id"], basis=e["location_basis"], kind=e["location_kind"])
                    if e["location_name"] or e["location_country"] else None)
        mentions = tuple(_mention(v, location) for v in by_event.get(e["event_id"], ()))
        out.append(Event(
            event_id=e["event_id"], cameo=e["cameo"], source=_actor(e, "source"), target=_actor(e, "target"),
            modality=e["modality"], mentions=mentions, confidence=e["confidence"] or 0.0,
            date_start=e["date_start"], date_end=e["date_end"], date_precision=e["date_precision"] or "unknown",
            date_basis=e["date_basis"], location=location, contexts=tuple(e["contexts"] or ()),
            reported=bool(e["reported"]), source_text=e["source_text"], target_text=e["target_text"],
            intended_cameo=e["intended_cameo"], num_sources=sources.get(e["event_id"])))
    return out


def _num_sources(con: Any, event_ids: list[str]) -> dict[str, int]:
    """Distinct sources of each event: publishers, an article naming none counting as its own."""
    return dict(con.execute(
        "SELECT m.event_id, count(DISTINCT coalesce(a.publisher, m.article_id)) FROM mentions m "
        "LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY m.event_id", [event_ids]).fetchall())


def _actor(values: dict[str, Any], side: str) -> Actor | None:
    v = {c: values[f"{side}_{c}"] for c in _SIDES}
    if all(v[c] is None for c in _SIDES if c != "confidence"):
        return None
    return Actor(country=v["country"], sector=v["sector"], sector2=v["sector2"], name=v["name"], kb_id=v["kb_id"],
                 confidence=v["confidence"] or 0.0, org=v["org"])


def _mention(v: dict[str, Any], location: Location | None) -> EventMention:
    def side(p: str) -> ActorMention | None:
        actor = _actor(v, p)
        return ActorMention(-1, -1, -1, -1, v[f"{p}_text"] or "", actor) if actor else None

    return EventMention(
        article_id=v["article_id"], sentence=v["sentence"], char_start=v["char_start"], char_end=v["char_end"],
        trigger=v["trigger"], trigger_char=v["trigger_char"], cameo=v["cameo"], rule=v["rule"],
        source=side("source"), target=side("target"), modality=v["modality"], reported=bool(v["reported"]),
        confidence=v["confidence"] or 0.0, contexts=tuple(v["contexts"] or ()), location=location,
        date_start=v["date_start"], date_end=v["date_end"], date_precision=v["date_precision"] or "unknown",
        date_basis=v["date_basis"], date_text=v["date_text"], published=v["published"],
        intended_cameo=v["intended_cameo"])
