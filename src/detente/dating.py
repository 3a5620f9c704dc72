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
   continues background, or the learned coder's time model reads it so: ``background``) -> null
   dates, ``unknown``; otherwise it is current news and takes the publication date -> ``publication``.

Open periods ("since 2013", "after Raisi assumed office in August 2021") give ``date_start``
and a null ``date_end``; their precision is that of the expression that opens them.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .events.features import doc_table
from .model import Article, EventMention
from .doctext import doc_text
from .wordlists import number_words, word_set
from .time.grammar import Timex, find_timexes, parse_fallback
from .time.syntax import attached, auxes, clause_tense, clause_text, governor, in_adjunct
from .time.windows import Resolver, Window, precision_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_HISTORY = re.compile(
    r"(?i)\b(?:dat(?:es|ed|ing)\s+back|go(?:es|ing)?\s+back\s+to|history\s+of|historical(?:ly)?|"
    r"traditional(?:ly)?|long[- ]standing|long[- ]running|for\s+(?:many\s+|several\s+|a\s+few\s+)?"
    r"(?:years|decades|centuries)|(?:years|decades|centuries)\s+of|ha(?:s|ve|d)\s+long|ever\s+since|"
    r"for\s+a\s+long\s+time|in\s+the\s+past(?!\s+(?:few|several|couple|\d|two|three|four|five|six|"
    r"week|month|year|day|decade)))\b")
_LONG_VISIT = re.compile(
    r"(?i)\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\s+(?:official\s+|state\s+|"
    r"working\s+)?(?:visit|trip|tour|summit|talks|meeting|conference|forum|exercises?|drills|mission|stay)\b")
_WORD_NUMBERS = number_words()
_MAX_CARRY = 3  # sentences a time is carried forward
_ORIGINALLY = word_set("time", "originally")
_FORWARD = re.compile(r"(?i)\b(?:next|coming|following|later)\b")
_CONNECTIVES = word_set("time", "connectives")
_PRONOUNS = word_set("time", "pronouns")
_FREQUENCY = word_set("time", "frequency")


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

    doc: Doc
    published: dt.date | None
    timexes: list[tuple[Timex, Span]]  # (expression, token span)
    countries: dict[int, set[str]]  # sentence index -> countries of the actors of its mentions
    sent_starts: list[int]
    para_breaks: list[int]
    states: dict[int, _Dating]
    sents: list[Span] = field(default_factory=list)  # the Doc's sentences (Token.sent walks one per call)
    history: dict[int, bool] = field(default_factory=dict)  # verb index -> its clause has a history word

    def sent_index(self, token: Token) -> int:
        return bisect.bisect_right(self.sent_starts, token.i) - 1

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.para_breaks, char)

    def in_sentence(self, index: int) -> list[tuple[Timex, Span]]:
        start = self.sent_starts[index]
        end = self.sent_starts[index + 1] if index + 1 < len(self.sent_starts) else len(self.doc)
        return [(t, s) for t, s in self.timexes if start <= s.start < end]


def date_events(doc: Doc, mentions: list[EventMention], article: Article) -> list[EventMention]:
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
        if m.background and dating.basis == "publication":
            dating = _BACKGROUND  # no time in the text, and the learned model reads it as background
        out.append(dataclasses.replace(m, published=m.published or article.published, **dating.fields()))
    return out


def _doc_time(doc: Doc, published: dt.date | None) -> _DocTime:
    text = doc_text(doc)
    dates = [e for e in doc.ents if e.label_ == "DATE"]  # doc.ents builds every entity: once
    date_spans = [(e.start_char, e.end_char) for e in dates]
    aligned = []
    for tx in find_timexes(text, date_spans):
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span):
            aligned.append((tx, span))
    covered = [(tx.start, tx.end) for tx, _ in aligned]
    for ent in dates:  # dates the grammar does not know (e.g. "17.05.2023"): dateparser
        if all(ent.end_char <= s or ent.start_char >= e for s, e in covered):
            window = parse_fallback(ent.text, published)
            if window is not None:
                fixed = Timex(ent.start_char, ent.end_char, ent.text, "at", _fixed_resolver(window))
                aligned.append((fixed, ent))
    aligned.sort(key=lambda pair: pair[0].start)
    sents = list(doc.sents)
    sent_starts = [s.start for s in sents]
    breaks = [m.end() for m in re.finditer(r"\n[ \t\u00a0]*\n", text)]
    return _DocTime(doc, published, aligned, {}, sent_starts, breaks, {}, sents)


def _fixed_resolver(window: Window) -> Resolver:
    return lambda published, direction: window


def _trigger_token(doc: Doc, m: EventMention) -> Token | None:
    if 0 <= m.trigger_token < len(doc):
        tok = doc[m.trigger_token]
        if tok.idx <= m.trigger_char < tok.idx + max(len(tok), 1) or m.trigger_char < 0:
            return tok
    if m.trigger_char < 0:
        return None
    # the token holding the trigger (a quoted statement's verb of saying, in another sentence than
    # the clause the stages read): found by spaCy, not by a list of every token's offset per mention
    span = doc.char_span(m.trigger_char, m.trigger_char + max(len(m.trigger), 1), alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    starts = [t.idx for t in doc]
    i = bisect.bisect_right(starts, m.trigger_char) - 1
    return doc[i] if i >= 0 else None


# -- one clause ---------------------------------------------------------------------------------------
def _date_clause(ctx: _DocTime, token: Token) -> _Dating:
    """The dating of the clause of ``token`` (steps 1-3 of the module docstring)."""
    sent = ctx.sent_index(token)
    here = ctx.in_sentence(sent)
    tense = clause_tense(token)
    for tx, span in here:  # the trigger is part of a named anchor event ("the collapse of the USSR")
        if tx.anchor and span.start <= token.i < span.end:
            window = tx.resolve(ctx.published, "past")
            if window is not None:
                return _text_dating(window, tx.text, closed=True)
    found = attached(token, [(tx, span) for tx, span in here if tx.kind != "mention"])
    if found is not None:
        tx, reading = found
        return _resolve(ctx, token, tx, reading, tense)
    if in_adjunct(token) or _background(ctx, token, tense) or _inside_history(ctx, token, sent):
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


def _resolve(ctx: _DocTime, token: Token, tx: Timex, reading: str, tense: str) -> _Dating:
    direction = {"future": "future", "present": "nearest", "modal": "nearest"}.get(tense, "past")
    if tx.kind == "until":  # "talks were put off until February" may point ahead; "a deal by May" does
        direction = "nearest" if direction == "past" else "future"
    window = tx.resolve(ctx.published, direction)
    if window is not None and direction == "past" and _FORWARD.search(tx.text) and window.end > (ctx.published or window.end):
        window = None  # "he spent the next three months filming": ahead of a past time, not of publication
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


def _stretch(token: Token, window: Window) -> Window:
    """A "two-day trip" dated on its first day lasts two days."""
    m = _LONG_VISIT.search(_subtree_text(governor(token)))
    if not m:
        return window
    n = int(m.group("n")) if m.group("n").isdigit() else _WORD_NUMBERS.get(m.group("n").lower(), 1)
    if not 1 < n <= 14:
        return window
    return Window(window.start, window.start + dt.timedelta(days=n - 1))


def _subtree_text(token: Token) -> str:
    doc = token.doc
    return doc[token.left_edge.i: token.right_edge.i + 1].text


# -- attachment ---------------------------------------------------------------------------------------


def _background(ctx: _DocTime, token: Token, tense: str) -> bool:
    """Told as history: past perfect, history words, habitual present, or continuing background."""
    if tense == "pastperfect":
        return True
    verb = governor(token)
    history = ctx.history.get(verb.i)
    if history is None:  # a verb governs many triggers' clauses: its clause's words are read once
        history = ctx.history[verb.i] = bool(_HISTORY.search(clause_text(verb)))
    if history:
        return True
    table = doc_table(ctx.doc)  # children, forms, labels and tags from the Doc's arrays: no Token per word
    if any(table.dep[c] == "advmod" and table.lower[c] in _ORIGINALLY for t in (token.i, verb.i)
           for c in table.children[t]):
        return True  # "she initially travelled to Syria ..."
    sent = ctx.sent_index(token)
    prev = _previous_state(ctx, token, sent)
    if tense == "present" and not auxes(verb):
        if any(table.lower[c] in _FREQUENCY for c in table.children[verb.i]):
            return True
        if any(table.lower[j] == "having" and j + 1 < table.size and table.tag[j + 1] in ("VBN", "VBD")
               for j in table.subtree(verb.i)):
            return True
        if prev is not None and (prev.status == "background" or _historical(ctx, prev)):
            return True
    return tense == "past" and prev is not None and prev.status == "background"


def _inside_history(ctx: _DocTime, token: Token, sent: int) -> bool:
    """An event with no time of its own, told inside a sentence whose main clause the text dates more
    than a year back ("Isis was pushed out three years ago by Kurdish forces backed by US airstrikes"):
    it is part of that history, not today's news."""
    if token.i == ctx.sents[sent].root.i:
        return False
    main = _sentence_state(ctx, sent)
    return main.status == "dated" and main.basis == "text" and _historical(ctx, main)


def _historical(ctx: _DocTime, state: _Dating) -> bool:
    if ctx.published is None or state.start is None:
        return False
    end = state.end or state.start
    return (ctx.published - end).days > 365


def _previous_state(ctx: _DocTime, token: Token, sent: int) -> _Dating | None:
    """The dating of the previous sentence when it is in the same paragraph as ``token``."""
    if sent <= 0:
        return None
    doc = ctx.doc
    prev_end = doc[ctx.sent_starts[sent] - 1]
    if ctx.paragraph(prev_end.idx) != ctx.paragraph(token.idx):
        return None
    return _sentence_state(ctx, sent - 1)


def _sentence_state(ctx: _DocTime, index: int) -> _Dating:
    """The dating of a sentence's main clause, computed in text order (each needs only the one before,
    and only within its paragraph: ``_previous_state``), from the first sentence of its paragraph
    not dated yet."""
    if index in ctx.states:
        return ctx.states[index]
    first = index
    while first > 0 and first - 1 not in ctx.states and _same_paragraph(ctx, first):
        first -= 1
    for i in range(first, index + 1):
        if i not in ctx.states:
            ctx.states[i] = _Dating()  # a placeholder while the sentence is dated
            ctx.states[i] = _date_clause(ctx, ctx.sents[i].root)
    return ctx.states[index]


def _same_paragraph(ctx: _DocTime, sent: int) -> bool:
    """Whether the dating of sentence ``sent``'s main clause may read the previous sentence's
    (``_previous_state`` of its root: the previous sentence ends in the root's paragraph)."""
    if not ctx.para_breaks:
        return True
    doc = ctx.doc
    return ctx.paragraph(doc[ctx.sent_starts[sent] - 1].idx) == ctx.paragraph(ctx.sents[sent].root.idx)


def _carry(ctx: _DocTime, token: Token, sent: int, tense: str) -> _Dating | None:
    """The time of the previous sentence, for a sentence that continues its story."""
    if tense != "past":
        return None
    prev = _previous_state(ctx, token, sent)
    if prev is None or prev.status != "dated" or prev.since or prev.hops >= _MAX_CARRY - 1:
        return None
    if ctx.published is not None and prev.start is not None and prev.start > ctx.published:
        return None  # a time ahead ("by the end of October") does not date what already happened
    if not _continues(ctx, sent):
        return None
    return dataclasses.replace(prev, basis="context", hops=prev.hops + 1)


def _continues(ctx: _DocTime, sent: int) -> bool:
    """Does sentence ``sent`` go on with the previous one? A pronoun subject, a connective ("then",
    "also"), or — in text with paragraphs — a name or an actor's country both sentences share."""
    here = ctx.sents[sent]
    before = ctx.sents[sent - 1]
    subjects = [t for t in here.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    first = next((t for t in here if not (t.is_punct or t.is_space)), None)
    if any(t.lower_ in _PRONOUNS or any(c.dep_ == "poss" and c.lower_ in _PRONOUNS for c in t.children)
           for t in subjects) or (first is not None and first.lower_ in _PRONOUNS):
        return True  # "He attended ...", "His visit ..."
    if any(t.dep_ == "advmod" and t.lower_ in _CONNECTIVES and t.head.i == here.root.i for t in here):
        return True  # "Rahmon then embarked ...", "The government also imprisoned ..."
    if not ctx.para_breaks:
        return False  # one block of text: a shared name is no sign that the story goes on
    names = {t.lower_ for t in here if t.pos_ == "PROPN" and len(t) > 2}
    if names & {t.lower_ for t in before if t.pos_ == "PROPN"}:
        return True
    return bool(ctx.countries.get(sent, set()) & ctx.countries.get(sent - 1, set()))
