"""The time stage: date each event mention from the text, relative to the publication date.

Public API: ``date_events(doc, mentions, article) -> list[EventMention]``.

For each mention, in this order:

1. a time expression that governs the trigger's clause (found in the trigger's own subtree first,
   then on each governing clause above it; an expression inside another clause — a relative
   clause, a reported-speech complement, a coordinated verb — does not count; one inside an
   "after/following/since/under X" adjunct dates the clause from X on) -> ``date_basis: text``;
2. the time of the previous sentence of the same paragraph, when this sentence has no time
   expression of its own and continues the story in the past tense -> ``context``;
3. nothing: the event is background (past perfect, "dates back to", "a history of", "years of",
   habitual present, the anchored event of an "after ..." adjunct, a past-tense sentence that
   continues background) -> null dates, ``unknown``; otherwise it is current news and takes
   the publication date -> ``publication``.

Open periods ("since 2013", "after Raisi assumed office in August 2021") give ``date_start``
and a null ``date_end``; their precision is that of the expression that opens them.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .model import Article, EventMention
from .timex import Timex, Window, find_timexes, parse_fallback, precision_of

_FROM_PREPS = {"after", "following", "since"}
_BEFORE_PREPS = {"before", "prior"}
_UNTIL_PREPS = {"until", "till"}
_FROM_MARKS = {"after", "since", "once"}
_WHEN_MARKS = {"when", "while", "whilst"}
_EARLIER = {"previously", "formerly", "once", "earlier", "already"}  # "an activist previously imprisoned"
_TENURE = {"presidency", "leadership", "rule", "government", "administration", "premiership", "tenure",
           "reign", "regime", "chairmanship", "mandate", "term"}
_CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "csubj", "csubjpass", "parataxis", "xcomp", "acl", "conj", "pcomp"}
_CONNECTIVES = {"then", "also", "later", "afterwards", "afterward", "subsequently", "there", "too", "next"}
_PRONOUNS = {"he", "she", "they", "it", "we", "his", "her", "its", "their"}
_INTENT = {"plan", "intend", "aim", "seek", "want", "expect", "hope", "agree", "decide", "promise", "prepare",
           "schedule", "set", "due", "vow", "pledge", "threaten", "propose", "offer", "invite"}
_FREQUENCY = {"often", "frequently", "regularly", "repeatedly", "routinely", "usually", "always", "habitually",
              "traditionally", "constantly", "periodically", "still"}
_HISTORY = re.compile(
    r"(?i)\b(?:dat(?:es|ed|ing)\s+back|go(?:es|ing)?\s+back\s+to|history\s+of|historical(?:ly)?|"
    r"traditional(?:ly)?|long[- ]standing|long[- ]running|for\s+(?:many\s+|several\s+|a\s+few\s+)?"
    r"(?:years|decades|centuries)|(?:years|decades|centuries)\s+of|ha(?:s|ve|d)\s+long|ever\s+since|"
    r"for\s+a\s+long\s+time|in\s+the\s+past(?!\s+(?:few|several|couple|\d|two|three|four|five|six|"
    r"week|month|year|day|decade)))\b")
_LONG_VISIT = re.compile(
    r"(?i)\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\s+(?:official\s+|state\s+|"
    r"working\s+)?(?:visit|trip|tour|summit|talks|meeting|conference|forum|exercises?|drills|mission|stay)\b")
_WORD_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_MAX_CARRY = 3  # sentences a time is carried forward


@dataclass(frozen=True)
class _Dating:
    """The dating of one clause."""

    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = "unknown"
    basis: str | None = None
    text: str | None = None
    status: str = "unknown"  # dated | background | current | unknown
    hops: int = 0  # how many sentences the time was carried
    since: bool = False  # an open period opened by "since X" (a state, not a story to continue)

    def fields(self) -> dict[str, Any]:
        return {"date_start": self.start, "date_end": self.end, "date_precision": self.precision,
                "date_basis": self.basis, "date_text": self.text}


_BACKGROUND = _Dating(status="background")


@dataclass
class _DocTime:
    """Time expressions of one Doc, aligned to tokens, with paragraph and sentence lookups."""

    doc: Any
    published: dt.date | None
    timexes: list[tuple[Timex, Any]]  # (expression, token span)
    countries: dict[int, set[str]]  # sentence index -> countries of the actors of its mentions
    sent_starts: list[int]
    para_breaks: list[int]
    states: dict[int, _Dating]

    def sent_index(self, token: Any) -> int:
        return bisect.bisect_right(self.sent_starts, token.i) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_breaks, char)

    def in_sentence(self, index: int) -> list[tuple[Timex, Any]]:
        start = self.sent_starts[index]
        end = self.sent_starts[index + 1] if index + 1 < len(self.sent_starts) else len(self.doc)
        return [(t, s) for t, s in self.timexes if start <= s.start < end]


def date_events(doc: Any, mentions: list[EventMention], article: Article) -> list[EventMention]:
    """Date every mention (see the module docstring); returns new mentions in the same order."""
    mentions = list(mentions)
    if not mentions or len(doc) == 0:
        return mentions
    ctx = _doc_time(doc, article.published)
    for m in mentions:
        token = _trigger_token(doc, m)
        if token is not None:
            ctx.countries.setdefault(ctx.sent_index(token), set()).update(
                a.actor.country for a in (m.source, m.target) if a is not None and a.actor and a.actor.country)
    out = []
    for m in mentions:
        token = _trigger_token(doc, m)
        dating = _date_clause(ctx, token) if token is not None else _Dating()
        out.append(dataclasses.replace(m, published=m.published or article.published, **dating.fields()))
    return out


def _doc_time(doc: Any, published: dt.date | None) -> _DocTime:
    text = doc.text
    date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    aligned = []
    for tx in find_timexes(text, date_spans):
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span):
            aligned.append((tx, span))
    covered = [(tx.start, tx.end) for tx, _ in aligned]
    for ent in doc.ents:  # dates the grammar does not know (e.g. "17.05.2023"): dateparser
        if ent.label_ == "DATE" and all(ent.end_char <= s or ent.start_char >= e for s, e in covered):
            window = parse_fallback(ent.text, published)
            if window is not None:
                fixed = Timex(ent.start_char, ent.end_char, ent.text, "at", _fixed_resolver(window))
                aligned.append((fixed, ent))
    aligned.sort(key=lambda pair: pair[0].start)
    sent_starts = [s.start for s in doc.sents]
    breaks = [m.end() for m in re.finditer(r"\n[ \t\u00a0]*\n", text)]
    return _DocTime(doc, published, aligned, {}, sent_starts, breaks, {})


def _fixed_resolver(window: Window) -> Any:
    return lambda published, direction: window


def _trigger_token(doc: Any, m: EventMention) -> Any:
    if 0 <= m.trigger_token < len(doc):
        tok = doc[m.trigger_token]
        if tok.idx <= m.trigger_char < tok.idx + max(len(tok), 1) or m.trigger_char < 0:
            return tok
    if m.trigger_char < 0:
        return None
    starts = [t.idx for t in doc]
    i = bisect.bisect_right(starts, m.trigger_char) - 1
    return doc[i] if i >= 0 else None


# -- one clause ---------------------------------------------------------------------------------------
def _date_clause(ctx: _DocTime, token: Any) -> _Dating:
    """The dating of the clause of ``token`` (steps 1-3 of the module docstring)."""
    sent = ctx.sent_index(token)
    here = ctx.in_sentence(sent)
    tense = _tense(token)
    for tx, span in here:  # the trigger is part of a named anchor event ("the collapse of the USSR")
        if tx.anchor and span.start <= token.i < span.end:
            window = tx.resolve(ctx.published, "past")
            if window is not None:
                return _text_dating(window, tx.text, closed=True)
    found = _attached(token, [(tx, span) for tx, span in here if tx.kind != "mention"])
    if found is not None:
        tx, reading = found
        return _resolve(ctx, token, tx, reading, tense)
    if _in_adjunct(token) or _background(ctx, token, tense):
        return _BACKGROUND
    if not [tx for tx, _ in here if tx.kind != "mention"]:
        carried = _carry(ctx, token, sent, tense)
        if carried is not None:
            return carried
    if ctx.published is None:
        return _Dating()
    return _Dating(ctx.published, ctx.published, "day", "publication", None, "current")


def _text_dating(window: Window, text: str, closed: bool = False) -> _Dating:
    if window.open_end and not closed:
        return _Dating(window.start, None, precision_of(window.start, window.end), "text", text, "dated")
    return _Dating(window.start, window.end, precision_of(window.start, window.end), "text", text, "dated")


def _resolve(ctx: _DocTime, token: Any, tx: Timex, reading: str, tense: str) -> _Dating:
    direction = {"future": "future", "present": "nearest", "modal": "nearest"}.get(tense, "past")
    if tx.kind == "until" and direction == "past":
        direction = "nearest"  # "talks were put off until February" may point ahead
    window = tx.resolve(ctx.published, direction)
    if window is None or tx.kind == "before" or reading == "before":
        return _Dating(text=tx.text, status="background")
    if tx.kind in ("since", "after") or reading == "from":
        opened = _text_dating(Window(window.start, window.end, open_end=True), tx.text)
        return dataclasses.replace(opened, since=tx.kind == "since" and reading != "from")
    p = ctx.published
    if p is not None and direction == "past" and window.start <= p < window.end:
        window = Window(window.start, p)
    elif p is not None and direction == "future" and window.start < p <= window.end:
        window = Window(p, window.end)
    if window.start == window.end:
        window = _stretch(token, window)
    return _text_dating(window, tx.text)


def _stretch(token: Any, window: Window) -> Window:
    """A "two-day trip" dated on its first day lasts two days."""
    m = _LONG_VISIT.search(_subtree_text(_governor(token)))
    if not m:
        return window
    n = int(m.group("n")) if m.group("n").isdigit() else _WORD_NUMBERS.get(m.group("n").lower(), 1)
    if not 1 < n <= 14:
        return window
    return Window(window.start, window.start + dt.timedelta(days=n - 1))


def _subtree_text(token: Any) -> str:
    doc = token.doc
    return doc[token.left_edge.i: token.right_edge.i + 1].text


# -- attachment ---------------------------------------------------------------------------------------
def _attached(token: Any, candidates: list[tuple[Timex, Any]]) -> tuple[Timex, str] | None:
    """The expression that governs ``token``'s clause and how it reads ("at", "from", "before")."""
    if not candidates:
        return None
    chain = _climb(token)
    owned = _reattached_pps(token)
    best: tuple[tuple[int, int, int, int], Timex, str] | None = None
    for tx, span in candidates:
        if span.start <= token.i < span.end or not _modifies(span, token) or _comparison(tx, span):
            continue
        e_chain = [span.root] + list(span.root.ancestors)
        for level, top in enumerate(chain):
            tops = [top] + (owned if level == 0 else [])
            hit = next((t for t in tops if t in e_chain), None)
            if hit is None:
                continue
            path = e_chain[: e_chain.index(hit) + (1 if hit.i != top.i else 0)]
            shared = _shared_conjuncts(top) | (_describing_clauses(top) if level == 0 else set())
            reading = _path_reading([t for t in path if not span.start <= t.i < span.end and t.i not in shared])
            if reading is not None:
                rank = {"at": 0, "from": 1, "before": 2}[reading]
                key = (level, rank, len(path), abs(span.start - token.i))
                if best is None or key < best[0]:
                    best = (key, tx, reading)
            break
    return (best[1], best[2]) if best else None


def _shared_conjuncts(verb: Any) -> set[int]:
    """"killed or wounded 4,315 fighters since 2014": a verb without objects of its own shares its
    conjunct's objects and adjuncts, so a time under that conjunct is its time too."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "attr", "dative", "oprd", "prep") for c in verb.children):
        return set()
    return {c.i for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"}


def _describing_clauses(noun: Any) -> set[int]:
    """"a summit to be held in Tehran on Friday", "the talks held in Vienna in May": a non-finite
    clause under a nominal trigger tells when that event happens."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {c.i for c in noun.children if c.dep_ in ("acl", "relcl") and _passive_nonfinite(c)}


def _passive_nonfinite(verb: Any) -> bool:
    """"held in Vienna", "to be held on Friday" (not "pressure to join": that is the content)."""
    finite = any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in _auxes(verb))
    return not finite and (verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children))


def _modifies(span: Any, token: Any) -> bool:
    """"last year's invasion", "the 2014 peace process": a time that modifies a noun dates that noun only."""
    root = span.root
    if root.dep_ in ("poss", "compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.i == token.i
    return True


def _comparison(tx: Timex, span: Any) -> bool:
    """"the worst crime committed in Europe since 1945": a superlative's frame, not the event's time."""
    if tx.kind != "since":
        return False
    for tok in span.root.ancestors:
        if tok.pos_ in ("NOUN", "PROPN"):
            return any(c.tag_ == "JJS" or c.lower_ in ("first", "last", "only") for c in tok.children)
    return False


def _climb(token: Any) -> list[Any]:
    """The trigger and the governing heads whose time applies to it: the climb stops at a temporal
    adjunct ("after ..."), a relative clause, a clause marked as earlier ("previously"), the root."""
    chain = [token]
    cur = token
    while cur.head.i != cur.i:
        if _is_adjunct_marker(cur) or (cur.dep_ == "advcl" and _marks(cur) & (_FROM_MARKS | _BEFORE_PREPS | _UNTIL_PREPS)):
            break
        if cur.dep_ == "relcl" or any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in cur.children):
            break
        if cur.pos_ in ("VERB", "AUX") and _is_past_perfect(cur):
            break  # "said on Monday the withdrawal had created ...": before the reporting time
        if cur.i != token.i and cur.dep_ == "acl" and cur.pos_ == "VERB":
            break  # "fighters fending off Ankara's offensive": a participle describing a noun
        cur = cur.head
        chain.append(cur)
    return chain


def _is_adjunct_marker(tok: Any) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in _FROM_PREPS | _BEFORE_PREPS | _UNTIL_PREPS


def _marks(tok: Any) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "mark"}


def _in_adjunct(token: Any) -> bool:
    """The trigger sits in an "after/before/since ..." adjunct: it is the anchor, not the news."""
    chain = _climb(token)
    top = chain[-1]
    return top.head.i != top.i and (_is_adjunct_marker(top) or top.dep_ == "advcl")


def _path_reading(path: list[Any]) -> str | None:
    """Walk from the governing head down to the expression: None when another clause intervenes."""
    reading = "at"
    for tok in reversed(path):  # top-down
        if tok.dep_ == "prep" and tok.lower_ in _FROM_PREPS | {"under"}:
            if tok.lower_ != "under" or any(c.lemma_.lower() in _TENURE for c in tok.children):
                return "from"
        if tok.dep_ == "prep" and tok.lower_ in _BEFORE_PREPS:
            return "before"
        if tok.dep_ == "advcl" and _marks(tok) & _FROM_MARKS:
            return "from"
        if tok.dep_ == "advcl" and _marks(tok) & _BEFORE_PREPS:
            return "before"
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX"):
            if not (tok.dep_ == "advcl" and _marks(tok) & _WHEN_MARKS):
                return None
    return reading


def _reattached_pps(token: Any) -> list[Any]:
    """PPs that follow a nominal trigger but were attached to its verb ("the invitation of X, ... to a
    conference in Tehran in December 2015"): the nominal owns them."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    ancestors = {t.i for t in token.ancestors}
    out = []
    i = token.right_edge.i + 1
    doc = token.doc
    while i < len(doc) and i < token.sent.end:
        tok = doc[i]
        if tok.is_punct or tok.is_space:
            i += 1
            continue
        if tok.dep_ == "prep" and tok.head.i in ancestors and tok.lower_ in ("to", "in", "on", "at", "for", "with"):
            out.append(tok)
            i = tok.right_edge.i + 1
            continue
        break
    return out


# -- tense, background, context ------------------------------------------------------------------------
def _governor(token: Any) -> Any:
    """The finite verb whose tense the trigger's clause has (nominal triggers take their verb's)."""
    cur = token
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and (cur.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                            or any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in _auxes(cur))):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _is_past_perfect(verb: Any) -> bool:
    return any(a.lemma_ == "have" and a.tag_ == "VBD" for a in _auxes(verb))


def _auxes(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]


def _tense(token: Any) -> str:
    """past | pastperfect | perfect | present | future | modal (of the trigger's clause)."""
    if token.tag_ == "VB" and token.head.i != token.i and token.head.lemma_.lower() in _INTENT:
        return "future"
    if token.pos_ in ("NOUN", "PROPN"):
        clauses = [c for c in token.children if c.dep_ in ("acl", "relcl") and _passive_nonfinite(c)]
        first = clauses[0] if clauses else next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
    else:
        first = token
    if any(c.tag_ == "TO" for c in first.children) and any(c.dep_ == "auxpass" for c in first.children):
        return "future"  # "a summit to be held on Friday", "the deal is to be signed next week"
    verb = _governor(token)
    auxes = _auxes(verb)
    words = {a.lower_ for a in auxes}
    if words & {"will", "shall", "'ll"} or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return "pastperfect"
    if any(a.lemma_ == "have" for a in auxes):
        return "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or auxes:
        return "present"
    return "past" if verb.tag_ == "VBN" else "present"


def _background(ctx: _DocTime, token: Any, tense: str) -> bool:
    """Told as history: past perfect, history words, habitual present, or continuing background."""
    if tense == "pastperfect":
        return True
    verb = _governor(token)
    if _HISTORY.search(_clause_text(verb)):
        return True
    sent = ctx.sent_index(token)
    prev = _previous_state(ctx, token, sent)
    if tense == "present" and not _auxes(verb):
        if any(c.lower_ in _FREQUENCY for c in verb.children):
            return True
        if any(t.lower_ == "having" and t.i + 1 < len(t.doc) and t.nbor().tag_ in ("VBN", "VBD")
               for t in verb.subtree):
            return True
        if prev is not None and (prev.status == "background" or _historical(ctx, prev)):
            return True
    return tense == "past" and prev is not None and prev.status == "background"


def _clause_text(verb: Any) -> str:
    """The words of the verb's clause without its prepositional adjuncts ("despite years of ...")."""
    skip = set()
    for child in verb.children:
        if child.dep_ in ("prep", "advcl") and child.lower_ in {"despite", "after", "following", "amid", "since",
                                                                "before", "unlike", "although", "though"}:
            skip.update(t.i for t in child.subtree)
    return " ".join(t.text for t in verb.subtree if t.i not in skip)


def _historical(ctx: _DocTime, state: _Dating) -> bool:
    if ctx.published is None or state.start is None:
        return False
    end = state.end or state.start
    return (ctx.published - end).days > 365


def _previous_state(ctx: _DocTime, token: Any, sent: int) -> _Dating | None:
    """The dating of the previous sentence when it is in the same paragraph as ``token``."""
    if sent <= 0:
        return None
    doc = ctx.doc
    prev_end = doc[ctx.sent_starts[sent] - 1]
    if ctx.paragraph(prev_end.idx) != ctx.paragraph(token.idx):
        return None
    return _sentence_state(ctx, sent - 1)


def _sentence_state(ctx: _DocTime, index: int) -> _Dating:
    """The dating of a sentence's main clause, computed in text order (each needs only the one before)."""
    for i in range(index + 1):
        if i not in ctx.states:
            ctx.states[i] = _Dating()  # a placeholder while the sentence is dated
            ctx.states[i] = _date_clause(ctx, ctx.doc[ctx.sent_starts[i]].sent.root)
    return ctx.states[index]


def _carry(ctx: _DocTime, token: Any, sent: int, tense: str) -> _Dating | None:
    """The time of the previous sentence, for a sentence that continues its story."""
    if tense != "past":
        return None
    prev = _previous_state(ctx, token, sent)
    if prev is None or prev.status != "dated" or prev.since or prev.hops >= _MAX_CARRY - 1:
        return None
    if not _continues(ctx, sent):
        return None
    return dataclasses.replace(prev, basis="context", hops=prev.hops + 1)


def _continues(ctx: _DocTime, sent: int) -> bool:
    """Does sentence ``sent`` go on with the previous one? A pronoun subject, a connective ("then",
    "also"), a name both share, or a country the actors of both sentences share."""
    doc = ctx.doc
    here = doc[ctx.sent_starts[sent]].sent
    before = doc[ctx.sent_starts[sent - 1]].sent
    for tok in here:
        if tok.dep_ in ("nsubj", "nsubjpass", "poss") and tok.lower_ in _PRONOUNS and tok.head.i != tok.i:
            return True
        if tok.dep_ == "advmod" and tok.lower_ in _CONNECTIVES:
            return True
    names = {t.lower_ for t in here if t.pos_ == "PROPN" and len(t) > 2}
    if names & {t.lower_ for t in before if t.pos_ == "PROPN"}:
        return True
    return bool(ctx.countries.get(sent, set()) & ctx.countries.get(sent - 1, set()))
