"""Events and mentions in the store: write one coded article, find merge candidates, query.

- ``write_coded(store, coded, settings, ontology)`` — the merge's writer, in ONE transaction:
  the coded articles' mentions merged with the stored ones they could share an event with
  (``merge_pool``: same block — dyad either way and CAMEO root — and a near date window, or the
  same story), the resulting events replacing the stored ones (``replace_events``, the one
  place events are written and removed), the articles marked coded.
- ``EVENT_COLUMNS``/``MENTION_COLUMNS`` and ``event_from_row``/``mention_from_row``: the one
  translation of stored rows into ``Event`` records, used by the merge here and by the one reader
  of events, ``detente.analyse.query`` (filters, dyads, ``read_events``); ``mention_rows`` fetches
  events' mentions by index.
- ``event_count``, ``mention_count``, ``publication_date_share``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..identity import block_key, cluster_mentions, mention_id, mention_window
from ..model import Actor, ActorMention, CodedArticle, Event, EventMention, Location
from ..settings import Settings
from .derived import maintained

_SIDES = ("text", "name", "country", "sector", "sector2", "kb_id", "org", "confidence")
EVENT_COLUMNS = _EVENT_COLS = ("event_id", "cameo", "cameo_root", "plover", "plover_mode", "quad_class", "goldstein",
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
_LOCATION_COLS = ("location_name", "location_country", "lat", "lon", "admin1", "geonames_id", "location_basis",
                  "location_kind")
MENTION_COLUMNS = _READ_MENTION_COLS = (*_MENTION_COLS, *_LOCATION_COLS)
_WRITE_MENTION_COLS = (*_READ_MENTION_COLS, "block", "window_start", "window_end")
_ACTOR_COLS = ("article_id", "tok_start", "tok_end", "char_start", "char_end", "text", "name", "country",
               "sector", "sector2", "kb_id", "org", "confidence", "basis")
_CANDIDATE_SLACK_DAYS = 62


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


_INTS = {"char_start", "char_end", "trigger_char", "tok_start", "tok_end", "quad_class", "num_mentions",
         "num_articles", "geonames_id"}
_FLOATS = {"confidence", "goldstein", "lat", "lon", "source_confidence", "target_confidence"}
_DATES = {"date_start", "date_end", "published", "window_start", "window_end"}


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
def write_coded(store: Any, coded: Sequence[CodedArticle], settings: Settings, ontology: Any) -> list[Event]:
    """The merge's writer: store coded articles and merge their mentions into the stored events,
    in ONE transaction. Returns the events written (new or changed).

    The mentions are merged together with every stored mention they could share an event with
    (``merge_pool``) by ``identity.cluster_mentions``, whose events replace the stored ones of that
    pool: the articles' old actors, mentions and events go, the pool's events are written anew,
    and the articles are marked coded. So the stored events are those of merging all the
    mentions at once, whatever order or batches the articles came in, and writing the same
    articles again changes nothing.
    """
    if not coded:
        return []
    articles = sorted({c.article.id for c in coded})
    mentions = [m for c in coded for m in c.mentions]
    now = _now()
    with store.transaction() as con:
        pool, old_events, stories = merge_pool(store, articles, mentions)
        events = cluster_mentions([*pool, *mentions], settings, stories)
        con.execute("DELETE FROM actors WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [articles])
        actor_rows = [_actor_row(c.article.id, a) for c in coded for a in c.actors]
        if actor_rows:
            _insert(con, "actors", _ACTOR_COLS, actor_rows)
        con.execute("DELETE FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                    "OR event_id IN (SELECT unnest(?::VARCHAR[]))", [articles, old_events])
        replace_events(con, old_events, events, ontology, now)
        con.execute("UPDATE articles SET coded_at = ? WHERE id IN (SELECT unnest(?::VARCHAR[]))", [now, articles])
    return events


def replace_events(con: Any, old_ids: Sequence[str], events: Sequence[Event], ontology: Any,
                   now: dt.datetime | None = None) -> None:
    """Remove the events ``old_ids`` and write ``events`` with their mentions (whose old rows the
    caller deleted): the one place events enter and leave the store, so the one place what the
    store derives from them is kept right (``derived.maintained``)."""
    now = now or _now()
    with maintained(con, sorted({*old_ids, *(e.event_id for e in events)}), now) as staged:
        if old_ids:
            con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [list(old_ids)])
        if events:
            _insert(con, staged, _EVENT_COLS, [_event_row(e, ontology, now) for e in events])
            _insert(con, "mentions", _WRITE_MENTION_COLS,
                    [_mention_row(e.event_id, m) for e in events for m in e.mentions])


def merge_pool(store: Any, articles: Sequence[str], mentions: Sequence[EventMention]
               ) -> tuple[list[EventMention], list[str], dict[str, str]]:
    """What new mentions of ``articles`` are merged with: (stored mentions of other articles,
    ids of the stored events they and the articles' old mentions belong to, article -> story).

    The pool is every mention of each stored event that holds a mention of these articles or of
    another copy of their stories, or a mention in the block (dyad either way and CAMEO root) of
    a new mention whose date window lies within ``_CANDIDATE_SLACK_DAYS`` of the new one's.
    """
    con = store.con
    story_rows = con.execute(
        "SELECT article_id, story_id FROM article_stories WHERE story_id IN (SELECT story_id FROM article_stories "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])))", [list(articles)]).fetchall()
    copies = sorted({a for a, _ in story_rows} | set(articles))
    slack = dt.timedelta(days=_CANDIDATE_SLACK_DAYS)
    keys = sorted({(block, w[0] - slack, w[1] + slack) for m in mentions
                   if (block := block_key(m)) is not None and (w := mention_window(m)) is not None})
    sql = "SELECT DISTINCT event_id FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
    params: list[Any] = [copies]
    if keys:
        sql += (" UNION SELECT DISTINCT m.event_id FROM mentions m JOIN (SELECT unnest(?::VARCHAR[]) AS b, "
                "unnest(?::DATE[]) AS lo, unnest(?::DATE[]) AS hi) k ON m.block = k.b "
                "AND m.window_start <= k.hi AND m.window_end >= k.lo")
        params += [[k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys]]
    old_events = sorted(r[0] for r in con.execute(sql, params).fetchall())
    rows = con.execute(
        f"SELECT {', '.join(_READ_MENTION_COLS)} FROM mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[])) "
        "AND article_id NOT IN (SELECT unnest(?::VARCHAR[]))", [old_events, list(articles)]).fetchall() \
        if old_events else []
    pool = [mention_from_row(dict(zip(_READ_MENTION_COLS, row))) for row in rows]
    stories = dict(story_rows)
    stories.update(con.execute(
        "SELECT article_id, story_id FROM article_stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({m.article_id for m in pool})]).fetchall() if pool else [])
    return pool, old_events, stories


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
    loc, window = m.location, mention_window(m)
    return [mention_id(m), event_id, m.article_id, m.sentence, m.char_start, m.char_end, m.trigger,
            m.trigger_char, m.rule, m.cameo, m.modality, m.reported, float(m.confidence),
            *_side_values(m.source), *_side_values(m.target), m.date_start, m.date_end, m.date_precision,
            m.date_basis, m.date_text, m.published, list(m.contexts), m.intended_cameo,
            loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, loc.admin1 if loc else None, loc.geonames_id if loc else None,
            loc.basis if loc else None, loc.kind if loc else None,
            block_key(m), window[0] if window else None, window[1] if window else None]


def _actor_row(article_id: str, a: ActorMention) -> list[Any]:
    r = a.actor
    return [article_id, a.start, a.end, a.char_start, a.char_end, a.text, r.name, r.country, r.sector,
            r.sector2, r.kb_id, r.org, float(r.confidence), a.basis]


# -- reading ---------------------------------------------------------------------------------------
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
_BATCH = 48  # ids per lookup: DuckDB answers ``col IN (?, ?, ...)`` from the column's index


def lookup(con: Any, sql: str, column: str, values: Sequence[str]) -> list[dict[str, Any]]:
    """Rows of ``sql`` (which ends in WHERE ...) whose ``column`` is one of ``values``, fetched in
    index lookups of ``_BATCH`` values (a semi-join would scan the whole table)."""
    out: list[dict[str, Any]] = []
    for i in range(0, len(values), _BATCH):
        part = list(values[i:i + _BATCH])
        cursor = con.execute(f"{sql} {column} IN ({', '.join('?' * len(part))})", part)
        names = [d[0] for d in cursor.description]
        out.extend(dict(zip(names, row)) for row in cursor.fetchall())
    return out


def mention_rows(con: Any, event_ids: Sequence[str], with_articles: bool = True) -> list[dict[str, Any]]:
    """The stored mentions of these events, in order (publication date, undated first; article;
    position); ``with_articles`` adds their article's title, publisher, url and date (``article_*``)."""
    rows = lookup(con, f"SELECT {', '.join(_READ_MENTION_COLS)} FROM mentions WHERE", "event_id", list(event_ids))
    if with_articles and rows:
        articles = {r["id"]: r for r in lookup(con, "SELECT id, title, publisher, url, published FROM articles WHERE",
                                               "id", sorted({r["article_id"] for r in rows}))}
        for row in rows:
            art = articles.get(row["article_id"]) or {}
            row.update({f"article_{k}": art.get(k) for k in ("title", "publisher", "url", "published")})
    rows.sort(key=lambda r: (r["event_id"], r["published"] is not None, r["published"] or dt.date.min,
                             r["article_id"], r["char_start"] or 0, r["trigger_char"] or 0))
    return rows


def event_from_row(e: dict[str, Any], mentions: Sequence[dict[str, Any]] = ()) -> Event:
    """An ``Event`` from a stored events row (a dict by column) and its mention rows."""
    return Event(
        event_id=e["event_id"], cameo=e["cameo"], source=_actor(e, "source"), target=_actor(e, "target"),
        modality=e["modality"] or "asserted", mentions=tuple(mention_from_row(v) for v in mentions),
        confidence=e["confidence"] or 0.0, date_start=e["date_start"], date_end=e["date_end"],
        date_precision=e["date_precision"] or "unknown", date_basis=e["date_basis"], location=_location(e),
        contexts=tuple(e["contexts"] or ()), reported=bool(e["reported"]), source_text=e["source_text"],
        target_text=e["target_text"], intended_cameo=e["intended_cameo"], num_sources=e.get("num_sources"),
        updated_at=e.get("updated_at"))


def _actor(values: dict[str, Any], side: str) -> Actor | None:
    v = {c: values[f"{side}_{c}"] for c in _SIDES}
    if all(v[c] is None for c in _SIDES if c != "confidence"):
        return None
    return Actor(country=v["country"], sector=v["sector"], sector2=v["sector2"], name=v["name"], kb_id=v["kb_id"],
                 confidence=v["confidence"] or 0.0, org=v["org"])


def _location(v: dict[str, Any]) -> Location | None:
    if not (v["location_name"] or v["location_country"]):
        return None
    return Location(v["location_name"] or "", v["location_country"], v["lat"], v["lon"], admin1=v["admin1"],
                    geonames_id=v["geonames_id"], basis=v["location_basis"], kind=v["location_kind"])


def mention_from_row(v: dict[str, Any]) -> EventMention:
    """An ``EventMention`` from a stored mentions row (``article_*``: its article's, when read)."""
    def side(p: str) -> ActorMention | None:
        actor = _actor(v, p)
        return ActorMention(-1, -1, -1, -1, v[f"{p}_text"] or "", actor) if actor else None

    return EventMention(
        article_id=v["article_id"], sentence=v["sentence"], char_start=v["char_start"], char_end=v["char_end"],
        trigger=v["trigger"], trigger_char=v["trigger_char"], cameo=v["cameo"], rule=v["rule"],
        source=side("source"), target=side("target"), modality=v["modality"], reported=bool(v["reported"]),
        confidence=v["confidence"] or 0.0, contexts=tuple(v["contexts"] or ()), location=_location(v),
        date_start=v["date_start"], date_end=v["date_end"], date_precision=v["date_precision"] or "unknown",
        date_basis=v["date_basis"], date_text=v["date_text"],
        published=v["published"] if v["published"] is not None else v.get("article_published"),
        intended_cameo=v["intended_cameo"], title=v.get("article_title"), publisher=v.get("article_publisher"),
        url=v.get("article_url"))
