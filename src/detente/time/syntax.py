"""Clause structure for the time stage, over a spaCy dependency parse.

- ``attached(token, candidates)``: the time expression that governs a trigger's clause;
- ``clause_tense(token)``: past, pastperfect, perfect, present, future or modal;
- ``in_adjunct(token)``: the trigger is the anchor of an "after/before/since ..." adjunct;
- ``governor(token)``, ``auxes(verb)``, ``clause_text(verb)``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import doc_forms
from ..events.features import doc_table
from ..wordlists import lexicon_words, word_set
from .grammar import Timex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FROM_PREPS = {"after", "following", "since"}
_BEFORE_PREPS = word_set("time", "before_preps")
_UNTIL_PREPS = word_set("time", "until_preps")
_FROM_MARKS = word_set("time", "from_marks")
_WHEN_MARKS = word_set("time", "when_marks")
_EARLIER = word_set("time", "earlier")  # "an activist previously imprisoned"
_TENURE = word_set("time", "tenure")
_CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "csubj", "csubjpass", "parataxis", "xcomp", "acl", "conj", "pcomp"}
_SCENE_PREPS = word_set("time", "scene_preps")  # "killed in a 2015 airstrike"
# verbs of intention: the modality lexicon's, and the committing verbs ("agreed to meet next week")
_INTENT = lexicon_words("modality", "modality", "intended_predicates") | word_set("time", "committing_predicates")


def attached(token: Token, candidates: list[tuple[Timex, Span]]) -> tuple[Timex, str] | None:
    """The expression that governs ``token``'s clause and how it reads ("at", "from", "before")."""
    if not candidates:
        return None
    chain = _climb(token)
    owned = _reattached_pps(token)
    best: tuple[tuple[int, int, int, int], Timex, str] | None = None
    quotes = _quotes(token.sent)
    for tx, span in candidates:
        if span.start <= token.i < span.end or not _modifies(span, token) or _comparison(tx, span):
            continue
        if _quote_of(quotes, token.i) != _quote_of(quotes, span.start):
            continue  # '"... the Democrats fight to the death," Trump said on Wednesday'
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


def _quotes(sent: Span) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks in a sentence."""
    marks = [t.i for t in sent if t.text in ('"', "“", "”", "«", "»")]
    return [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def _quote_of(quotes: list[tuple[int, int]], i: int) -> int:
    return next((k for k, (a, b) in enumerate(quotes) if a < i < b), -1)


def _shared_conjuncts(verb: Token) -> set[int]:
    """"killed or wounded 4,315 fighters since 2014": a verb without objects of its own shares its
    conjunct's objects and adjuncts, so a time under that conjunct is its time too."""
    t = doc_table(verb.doc)  # (children's labels and parts of speech from the Doc's table: no Token per child)
    if verb.pos_ != "VERB" or any(t.dep[c] in ("dobj", "attr", "dative", "oprd", "prep") for c in t.children[verb.i]):
        return set()
    return {c for c in t.children[verb.i] if t.dep[c] == "conj" and t.pos[c] == "VERB"}


def _describing_clauses(noun: Token) -> set[int]:
    """"a summit to be held in Tehran on Friday", "the talks held in Vienna in May": a non-finite
    clause under a nominal trigger tells when that event happens."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {c.i for c in noun.children if c.dep_ in ("acl", "relcl") and _passive_nonfinite(c)}


def _passive_nonfinite(verb: Token) -> bool:
    """"held in Vienna", "to be held on Friday" (not "pressure to join": that is the content)."""
    finite = any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxes(verb))
    return not finite and (verb.tag_ == "VBN" or "auxpass" in _child_deps(verb))


def _modifies(span: Span, token: Token) -> bool:
    """"last year's invasion", "the 2014 peace process": a time that modifies a noun dates that noun only."""
    root = span.root
    if root.dep_ in ("poss", "compound", "nmod", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        # ... and what happened in, during or amid that event ("killed in a 2015 airstrike")
        return noun.i == token.i or (noun.dep_ == "pobj" and noun.head.lower_ in _SCENE_PREPS
                                     and noun.head.head.i == token.i)
    return True


def _comparison(tx: Timex, span: Span) -> bool:
    """"the worst crime committed in Europe since 1945": a superlative's frame, not the event's time."""
    if tx.kind != "since":
        return False
    for tok in span.root.ancestors:
        if tok.pos_ in ("NOUN", "PROPN"):
            return any(c.tag_ == "JJS" or c.lower_ in ("first", "last", "only") for c in tok.children)
    return False


def _climb(token: Token) -> list[Token]:
    """The trigger and the governing heads whose time applies to it: the climb stops at a temporal
    adjunct ("after ..."), a relative clause, a clause marked as earlier ("previously"), the root.
    A trigger that only describes a noun ("the coalition backing the SDF", "a force supported by US
    advisers") or is the complement of another noun ("qualms about Trump's call", "a cessation of
    the fighting") keeps to its own words."""
    chain = [token]
    if (token.dep_ in ("acl", "amod") and token.tag_ in ("VBG", "VBN")) or _noun_complement(token):
        return chain
    cur = token
    while cur.head.i != cur.i:
        if _is_adjunct_marker(cur) or (cur.dep_ == "advcl" and _marks(cur) & (_FROM_MARKS | _BEFORE_PREPS | _UNTIL_PREPS)):
            break
        if cur.dep_ == "relcl" or _has_child(cur, "advmod", _EARLIER):
            break
        if cur.pos_ in ("VERB", "AUX") and is_past_perfect(cur):
            break  # "said on Monday the withdrawal had created ...": before the reporting time
        if cur.i != token.i and cur.dep_ == "acl" and cur.pos_ == "VERB":
            break  # "fighters fending off Ankara's offensive": a participle describing a noun
        cur = cur.head
        chain.append(cur)
    return chain


def _noun_complement(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i != prep.i


def _is_adjunct_marker(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in _FROM_PREPS | _BEFORE_PREPS | _UNTIL_PREPS


def _marks(tok: Token) -> set[str]:
    t = doc_table(tok.doc)
    return {t.lower[c] for c in t.children[tok.i] if t.dep[c] == "mark"}


def in_adjunct(token: Token) -> bool:
    """The trigger sits in an "after/before/since ..." adjunct: it is the anchor, not the news."""
    for tok in [token, *token.ancestors]:
        if tok.head.i == tok.i:
            return False
        if _is_adjunct_marker(tok) or (tok.dep_ == "advcl" and _marks(tok) & (_FROM_MARKS | _BEFORE_PREPS | _UNTIL_PREPS)):
            return True
        if tok.i != token.i and tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            return False  # the adjunct, if any, belongs to a clause below the one that matters
    return False


def _path_reading(path: list[Token]) -> str | None:
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


def _reattached_pps(token: Token) -> list[Token]:
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
def governor(token: Token) -> Token:
    """The finite verb whose tense the trigger's clause has (nominal triggers take their verb's)."""
    cur = token
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") and (cur.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                            or any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in auxes(cur))):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def is_past_perfect(verb: Token) -> bool:
    return any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes(verb))


def auxes(verb: Token) -> list[Token]:
    doc = verb.doc
    t = doc_table(doc)  # a Token only for each auxiliary
    dep, tag = t.dep, t.tag
    return [doc[c] for c in t.children[verb.i] if dep[c] in ("aux", "auxpass") and tag[c] != "TO"]


def _child_deps(tok: Token) -> list[str]:
    """The labels of the token's children, in order (from the Doc's table)."""
    t = doc_table(tok.doc)
    return [t.dep[c] for c in t.children[tok.i]]


def _has_child(tok: Token, dep: str, words: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    """A child labelled ``dep`` whose lower-case form is one of ``words``."""
    t = doc_table(tok.doc)
    return any(t.dep[c] == dep and t.lower[c] in words for c in t.children[tok.i])


def clause_tense(token: Token) -> str:
    """past | pastperfect | perfect | present | future | modal (of the trigger's clause)."""
    if token.tag_ == "VB" and token.head.i != token.i and token.head.lemma_.lower() in _INTENT:
        return "future"
    if token.pos_ in ("NOUN", "PROPN"):
        clauses = [c for c in token.children if c.dep_ in ("acl", "relcl") and _passive_nonfinite(c)]
        first = clauses[0] if clauses else next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
    else:
        first = token
    t = doc_table(token.doc)
    if any(t.tag[c] == "TO" for c in t.children[first.i]) and "auxpass" in _child_deps(first):
        return "future"  # "a summit to be held on Friday", "the deal is to be signed next week"
    verb = governor(token)
    helpers = auxes(verb)
    words = {a.lower_ for a in helpers}
    if words & {"will", "shall", "'ll"} or (verb.lower_ == "going" and any(t.lower[c] == "to" for c in t.children[verb.i])):
        return "future"
    if any(a.tag_ == "MD" for a in helpers):
        return "modal"
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in helpers):
        return "pastperfect"
    if any(a.lemma_ == "have" for a in helpers):
        return "perfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in helpers):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or helpers:
        return "present"
    return "past" if verb.tag_ == "VBN" else "present"


_ADJUNCTS = frozenset({"despite", "after", "following", "amid", "since", "before", "unlike", "although", "though"})


def clause_text(verb: Token) -> str:
    """The words of the verb's clause without its prepositional adjuncts ("despite years of ...")."""
    t = doc_table(verb.doc)
    skip: set[int] = set()
    for child in t.children[verb.i]:
        if t.dep[child] in ("prep", "advcl") and t.lower[child] in _ADJUNCTS:
            skip.update(t.subtree(child))
    forms = doc_forms(verb.doc)
    return " ".join(forms[i] for i in t.subtree_in_order(verb.i) if i not in skip)
