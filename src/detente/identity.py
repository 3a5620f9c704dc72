"""The identity stage: one Event per real-world event, with all its mentions.

Public API: ``cluster_mentions(mentions, settings, stories=None, previous=None) -> list[Event]``
(the merge: any set of mentions -> its events, whatever their order or partition),
``merge_mentions(mentions, existing, settings, stories=None)`` (new mentions against events in
memory), ``block_key`` and ``mention_window`` (what a mention is merged with: the blocking keys a
shard carries) and ``mention_id``, the stable id of one mention, which the store shares.

Copies of one story (syndicated or near-duplicate articles, ``stories`` maps article id -> story
id, see ``detente.stories``) are read as one article: what holds "within an article" below holds
within a story, and a mention whose sentence, code, trigger, actors and modality repeat a mention
of another copy joins that mention's event outright. So a story published a hundred times gives
the events of one copy, each with a hundred sources.

Two mentions report the same event when all of these hold (conservative on purpose):

- the same dyad: source and target resolve to the same countries (or organisations); either
  direction for reciprocal codes (consult, negotiate, sign, cooperate), and a visit (042) by A to
  B is the same event as B hosting A (043). Across articles both sides must be known; within an
  article a missing side does not block;
- the same CAMEO family: the same 3-digit code, or a generic root code (040) and a specific one
  of the same root (042);
- compatible modality (a negated or hypothetical statement never merges with an asserted one);
- overlapping date windows, the coarser at most a year long within an article and at most two
  months across articles (identical windows: any length within an article, a year across), so
  two visits in different months stay two events and an open period ("since 2021") does not
  swallow the dated events inside it. Day dates may be ``merge_window_days`` apart. A
  date taken from the publication day stands for the week before it. A month or a year (a
  closed calendar window, at most a year long) joins a finer date that falls inside it, across
  articles too ("visited Dushanbe in September 2021" and "on 17 September 2021"). Undated
  (background) mentions merge only with undated mentions of the same article;
- no conflicting locations (places their clauses name in different countries; an article's
  dateline says where it was written, not where each of its events happened, and never blocks).

Event ids are stable: an event takes its id from its first mention in the canonical order
(publication day, article id, sentence offsets; the id hashes article id, offsets, CAMEO code,
trigger offset and actors), so the same mentions give the same events and ids whatever order or
partition they are merged in, and merging them again changes nothing. An event that receives later
mentions keeps its id; a mention published earlier than its event's first one gives the event
its own id (as a run over all the articles would), and so does an event whose first mention
is no longer produced when its article is coded again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .model import ActorMention, Event, EventMention, Location
from .policy import cameo_policy
from .settings import Settings

_RECIPROCAL = cameo_policy().reciprocal_codes  # data/policy.yaml
_SWAPPED = {("042", "043"), ("043", "042")}
_RELATED = cameo_policy().related_codes
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "unknown": 4}
_BASIS_RANK = {"text": 0, "context": 1, "publication": 2, None: 3}
_PUBLICATION_SLACK = 7  # days before publication a publication-dated event may have happened
_MAX_CROSS_WINDOW = 62  # days: the coarser window of a cross-article merge
_MAX_SAME_WINDOW = 366  # days: identical windows across articles
_COARSE = ("month", "year")  # precisions whose calendar window takes in the finer dates inside it

StoryOf = Callable[[str], str]


def _key(m: EventMention) -> str:
    """Article, sentence offsets, CAMEO code, trigger offset — and the actors, which tell apart two
    events of one trigger ("visited Tajikistan and Uzbekistan")."""
    def actor(a: ActorMention | None) -> str:
        return f"{a.actor.country}:{a.text}" if a is not None and a.actor is not None else "-"

    return f"{m.article_id}|{m.char_start}|{m.char_end}|{m.cameo}|{m.trigger_char}|{actor(m.source)}|{actor(m.target)}"


def mention_id(m: EventMention) -> str:
    """Stable id of a mention (see ``_key``)."""
    return "m" + hashlib.sha1(_key(m).encode("utf-8")).hexdigest()[:20]


def _new_event_id(m: EventMention, taken: set[str]) -> str:
    """The id of an event first reported by ``m``: derived from the same key, so it is stable."""
    base = "e" + hashlib.sha1(_key(m).encode("utf-8")).hexdigest()[:20]
    eid, n = base, 1
    while eid in taken:  # the same mention twice with different modalities
        n += 1
        eid = f"{base}-{n}"
    return eid


@dataclass
class _Cluster:
    """An event being built: its mentions and what merging asks of them, kept up to date."""

    event_id: str
    mentions: list[EventMention] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # countries of the places the clauses name
    ref: EventMention | None = None  # the first mention: it fixes the orientation
    dated: EventMention | None = None  # the mention with the best date

    def add(self, m: EventMention, mid: str | None = None, story: str | None = None) -> None:
        mid = mid or mention_id(m)
        if mid in self.ids:
            return
        self.ids.add(mid)
        self.mentions.append(m)
        self.articles.add(m.article_id)
        self.stories.add(story or m.article_id)
        country = _clause_country(m)
        if country:
            self.countries.add(country)
        if self.ref is None or _order(m) < _order(self.ref):
            self.ref = m
        if self.dated is None or _date_rank(m) < _date_rank(self.dated):
            self.dated = m

    @property
    def undated(self) -> bool:
        return self.dated is not None and self.dated.date_start is None


def block_key(m: EventMention) -> str | None:
    """The block a mention is merged in: its dyad (either direction) and CAMEO root, "IRN|TJK|04".

    Two mentions of different articles can report one event only within one block; a mention with
    an unknown side (None) merges within its own story only."""
    s, t = _side(m.source), _side(m.target)
    if s is None or t is None:
        return None
    a, b = sorted((s, t))
    return f"{a}|{b}|{_code3(m.cameo)[:2]}"


def mention_window(m: EventMention) -> tuple[dt.date, dt.date] | None:
    """The days a mention's date stands for (None when undated): the date part of its block."""
    return _window(m)


def cluster_mentions(mentions: Sequence[EventMention], settings: Settings,
                     stories: Mapping[str, str] | None = None) -> list[Event]:
    """Group mentions into events: the same events whatever the order or partition they come in.

    Mentions are taken in a canonical order (publication day, article, offsets; then the mention
    id), a mention repeated (same ``mention_id``) counts once, and each joins the best earlier
    cluster it can report (see the module docstring) or starts one. An event's id is derived
    from its first mention in that order: the events are a function of the set of mentions, so
    merging the same mentions always gives the same events and ids. Returns every event, in
    order of its first mention.
    """
    known = dict(stories or {})
    story: StoryOf = lambda article_id: known.get(article_id, article_id)  # noqa: E731
    clusters: list[_Cluster] = []
    twins: dict[tuple[str, tuple[object, ...]], _Cluster] = {}
    seen: set[str] = set()
    by_block: dict[str, list[int]] = {}  # block of a cluster's first mention -> cluster indices
    by_story: dict[str, list[int]] = {}  # story -> indices of the clusters holding a mention of it
    index: dict[int, int] = {}  # id(cluster) -> its index
    for mid, m in sorted(((mention_id(m), m) for m in mentions), key=lambda x: _canonical(x[1], x[0])):
        if mid in seen:
            continue
        seen.add(mid)
        home = story(m.article_id)
        twin = (home, _print(m))
        block = block_key(m)
        # the clusters m could join: those of its story, and those whose first mention is in its block
        # (across stories both sides must be known and match, and the first mention never changes here)
        candidates = sorted({*by_story.get(home, ()), *(by_block.get(block, ()) if block else ())})
        cluster = twins.get(twin) or _best_cluster(m, [(i, clusters[i]) for i in candidates], settings, story)
        if cluster is None:
            cluster = _Cluster("")
            clusters.append(cluster)
            if block:
                by_block.setdefault(block, []).append(len(clusters) - 1)
            index[id(cluster)] = len(clusters) - 1
        if home not in cluster.stories:
            by_story.setdefault(home, []).append(index[id(cluster)])
        cluster.add(m, mid, home)
        twins.setdefault(twin, cluster)
    taken: set[str] = set()
    for cluster in clusters:
        cluster.event_id = _new_event_id(cluster.mentions[0], taken)
        taken.add(cluster.event_id)
    events = [_build_event(c, story) for c in clusters]
    return sorted(events, key=lambda e: _order(e.mentions[0]))


def merge_mentions(mentions: Sequence[EventMention], existing: Sequence[Event], settings: Settings,
                   stories: Mapping[str, str] | None = None) -> list[Event]:
    """Group ``mentions`` into events, joining ``existing`` ones where they report the same event.

    ``mentions`` are the complete coding of their articles: mentions of those articles that an
    existing event still holds but that are no longer produced are dropped from it. ``existing``
    events carry all their mentions: the existing and new mentions are clustered together
    (``cluster_mentions``), so the result does not depend on which came first. Returns the
    events that contain any of ``mentions`` or changed, in order of their first mention.
    ``stories`` gives the story of an article that is a copy of another (an article it does not
    name is its own story).
    """
    articles = {m.article_id for m in mentions}
    pool = [m for e in existing for m in e.mentions if m.article_id not in articles] + list(mentions)
    held = {e.event_id: {mention_id(m) for m in e.mentions} for e in existing}
    incoming = {mention_id(m) for m in mentions}
    return [e for e in cluster_mentions(pool, settings, stories)
            if held.get(e.event_id) != ({mention_id(m) for m in e.mentions})
            or any(mention_id(m) in incoming for m in e.mentions)]


def _canonical(m: EventMention, mid: str) -> tuple[object, ...]:
    """The order mentions are merged in: publication, article, offsets, then their id and what a
    repeated id may differ in (so which copy of a repeated mention is kept is fixed too)."""
    return (*_order(m), m.char_end, mid, m.modality, m.date_start or dt.date.min, m.date_end or dt.date.min,
            m.confidence)


def _print(m: EventMention) -> tuple[object, ...]:
    """What a copy of an article repeats of a mention: sentence, code, trigger, actors, modality."""
    def side(a: ActorMention | None) -> tuple[str | None, str]:
        return (a.actor.country if a.actor else None, " ".join(a.text.split()).lower()) if a else (None, "")

    return (" ".join(m.sentence.split()).lower(), m.cameo, m.trigger.lower(), side(m.source), side(m.target),
            m.modality)


# -- compatibility ---------------------------------------------------------------------------------
def _best_cluster(m: EventMention, clusters: list[tuple[int, _Cluster]], settings: Settings,
                  story: StoryOf) -> _Cluster | None:
    """The cluster ``m`` joins among (index, cluster) candidates: its own story's first, then the
    one of the narrowest date window, then the earliest."""
    best: tuple[tuple[int, int, int], _Cluster] | None = None
    for i, cluster in clusters:
        if cluster.ref is None or cluster.dated is None:
            continue
        same_article = story(m.article_id) in cluster.stories
        if not _same_event(m, cluster, same_article, settings, story):
            continue
        key = (0 if same_article else 1, _window_len(_window(cluster.dated)), i)
        if best is None or key < best[0]:
            best = (key, cluster)
    return best[1] if best else None


def _same_event(m: EventMention, cluster: _Cluster, same_article: bool, settings: Settings, story: StoryOf) -> bool:
    ref, dated = cluster.ref, cluster.dated
    assert ref is not None and dated is not None
    if not _modality_ok(m.modality, ref.modality):
        return False
    if _orientation(m, ref, same_article) is None:
        return False
    if _clause_country(m) and cluster.countries - {_clause_country(m)}:
        return False
    if m.date_start is None or dated.date_start is None:
        return m.date_start is None and cluster.undated and cluster.stories == {story(m.article_id)}
    return _dates_ok(m, dated, same_article, settings)


def _clause_country(m: EventMention) -> str | None:
    loc = m.location
    return loc.country if loc is not None and loc.basis != "dateline" else None


def _modality_ok(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"hypothetical", "intended"}


def _side(actor: ActorMention | None) -> str | None:
    if actor is None or actor.actor is None:
        return None
    a = actor.actor
    if a.country == "IGO" or (a.country is None and a.org):
        return f"IGO:{(a.org or a.name or '').lower()}"
    return a.country


def _code3(code: str) -> str:
    return (code + "0")[:3] if len(code) == 2 else code[:3]


def _codes_ok(a: str, b: str) -> bool:
    ca, cb = _code3(a), _code3(b)
    if ca == cb or any({ca, cb} <= group for group in _RELATED):
        return True
    return ca[:2] == cb[:2] and (ca.endswith("0") or cb.endswith("0"))


def _sides_ok(a: tuple[str | None, str | None], b: tuple[str | None, str | None], same_article: bool) -> bool:
    if same_article:
        known = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
        return bool(known) and all(x == y for x, y in known)
    return None not in a and a == b


def _orientation(m: EventMention, ref: EventMention, same_article: bool) -> str | None:
    """"same" or "swapped" when ``m`` can report ``ref``'s event (dyad and code), else None."""
    ms, mt, rs, rt = _side(m.source), _side(m.target), _side(ref.source), _side(ref.target)
    c_m, c_r = _code3(m.cameo), _code3(ref.cameo)
    if _codes_ok(m.cameo, ref.cameo) and _sides_ok((ms, mt), (rs, rt), same_article):
        return "same"
    reciprocal = c_m in _RECIPROCAL and c_r in _RECIPROCAL and _codes_ok(m.cameo, ref.cameo)
    if (reciprocal or (c_m, c_r) in _SWAPPED) and _sides_ok((mt, ms), (rs, rt), same_article):
        return "swapped"
    return None


def _window(m: EventMention) -> tuple[dt.date, dt.date] | None:
    """The window a mention's date stands for (open periods run to publication)."""
    if m.date_start is None:
        return None
    end = m.date_end
    if end is None:  # an open period ("since 2013") runs to publication; a bare start is one day
        end = m.published if m.date_precision != "day" and m.published else m.date_start
    if m.date_basis == "publication":
        return m.date_start - dt.timedelta(days=_PUBLICATION_SLACK), max(end, m.date_start)
    return m.date_start, max(end, m.date_start)


def _window_len(w: tuple[dt.date, dt.date] | None) -> int:
    return (w[1] - w[0]).days + 1 if w else 1 << 30


def _dates_ok(m: EventMention, other: EventMention, same_article: bool, settings: Settings) -> bool:
    a, b = _window(m), _window(other)
    if a is None or b is None:
        return False
    days = m.date_precision == "day" and other.date_precision == "day"
    slack = dt.timedelta(days=settings.merge_window_days if days and not same_article else 0)
    if days and same_article:
        slack = dt.timedelta(days=1)
    if a[0] > b[1] + slack or b[0] > a[1] + slack:
        return False
    if _inside(m, other) or _inside(other, m):
        return True
    longest = max(_window_len(a), _window_len(b))
    if a == b:
        return same_article or longest <= _MAX_SAME_WINDOW
    return longest <= (_MAX_SAME_WINDOW if same_article else _MAX_CROSS_WINDOW)


def _inside(fine: EventMention, coarse: EventMention) -> bool:
    """A month or year (a closed calendar window of a year at most) takes in a finer date inside it."""
    if coarse.date_precision not in _COARSE or coarse.date_end is None or coarse.date_basis == "publication":
        return False
    if _PRECISION_RANK.get(fine.date_precision, 4) >= _PRECISION_RANK[coarse.date_precision]:
        return False
    assert coarse.date_start is not None and fine.date_start is not None
    window = (coarse.date_start, coarse.date_end)
    return _window_len(window) <= _MAX_SAME_WINDOW and \
        window[0] <= fine.date_start and (fine.date_end or fine.date_start) <= window[1]


# -- building the event ----------------------------------------------------------------------------
def _order(m: EventMention) -> tuple[dt.date, str, int, int]:
    return (m.published or dt.date.min, m.article_id, m.char_start, m.trigger_char)


def _date_rank(m: EventMention) -> tuple[int, int, int, int, int, int, tuple[dt.date, str, int, int]]:
    """Dated first, then text or context before the publication day, closed before open periods,
    then the finest precision and the shortest window."""
    return (0 if m.date_start else 1, 1 if m.date_basis == "publication" else 0, int(m.date_end is None),
            _PRECISION_RANK.get(m.date_precision, 4), _window_len(_window(m)), _BASIS_RANK.get(m.date_basis, 3),
            _order(m))


def _build_event(cluster: _Cluster, story: StoryOf) -> Event:
    mentions = sorted(cluster.mentions, key=_order)
    ref = mentions[0]
    aligned: list[tuple[EventMention, ActorMention | None, ActorMention | None, bool]] = []
    for m in mentions:
        same_article = story(m.article_id) == story(ref.article_id)
        swapped = m is not ref and _orientation(m, ref, same_article) == "swapped"
        aligned.append((m, m.target if swapped else m.source, m.source if swapped else m.target, swapped))
    source = _best_actor([s for _, s, _, _ in aligned])
    target = _best_actor([t for _, _, t, _ in aligned])
    codes = [m.cameo for m, _, _, swapped in aligned if not swapped]
    cameo = max(codes, key=lambda c: (not _code3(c).endswith("0"), len(c), -codes.index(c)))
    dated = min(mentions, key=_date_rank)
    modality = "asserted" if any(m.modality == "asserted" for m in mentions) else \
        Counter(m.modality for m in mentions).most_common(1)[0][0]
    contexts: list[str] = []
    for m in mentions:
        contexts.extend(c for c in m.contexts if c not in contexts)
    return Event(
        event_id=cluster.event_id, cameo=cameo,
        source=source.actor if source else None, target=target.actor if target else None,
        modality=modality, mentions=tuple(mentions), confidence=max(m.confidence for m in mentions),
        date_start=dated.date_start, date_end=dated.date_end, date_precision=dated.date_precision,
        date_basis=dated.date_basis, location=_location(mentions),
        contexts=tuple(contexts), reported=all(m.reported for m in mentions),
        source_text=source.text if source else None, target_text=target.text if target else None,
        intended_cameo=next((m.intended_cameo for m in mentions if m.cameo == cameo and m.intended_cameo), None))


def _location(mentions: list[EventMention]) -> Location | None:
    """The first mention's location, a clause's place before a dateline's."""
    located = [m.location for m in mentions if m.location is not None]
    return min(located, key=lambda loc: loc.basis == "dateline") if located else None


def _best_actor(candidates: list[ActorMention | None]) -> ActorMention | None:
    known = [a for a in candidates if a is not None and a.actor is not None]
    if not known:
        return None
    return max(known, key=lambda a: (a.actor.confidence, a.actor.country is not None, -known.index(a)))

