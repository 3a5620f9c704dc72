"""An act a statement tells, kept in place of the plain statement that carries it.

The plain-statement fallback (``coder._statement``) gives a sentence with nothing else asserted a
statement (010) on its heading verb of saying. Such sentences often tell an act as fact: in the said
clause ("the rebels shot down a plane, the army said"), in a relative clause about a party ("police,
who raided the office on Monday, said ..."), in a participle or an adverbial clause ("the blast,
killing six people, ..., officials said"). The coder's confidence takes a penalty for the clause such an
act stands in (``policy.yaml`` ``confidence.in_background`` and ``per_clause_depth``): it ranks the
sentence's main event above its background. Where the main clause tells nothing but that someone
spoke, that ranking has nothing to rank against, yet the floor (``coder.yaml`` ``min_confidence``)
dropped the act, and the statement filled the sentence. News coders, the corpus's writers among them,
code the act a sentence reports as fact, not the report.

So, when the fallback statement is about to be made, a candidate the floor alone dropped is kept
instead when (``told_acts`` in ``data/lexicon/content.yaml``): a lexicon rule fired on it (not the
learned model's own event); its trigger is a verb told as done (a finite verb or a past participle:
``verb_tags``; not an event noun, which names what is discussed — "the withdrawal", "a war" — nor a
gerund or a bare infinitive, which describe or anticipate); it is asserted, not an allegation's content,
and not in a clause asked as a question; it has a side (a doer or a target); its root is not a speech
act or an intention (``skip_roots``: those are the statement's own readings and ``spoken.revive``'s);
and its confidence reaches the table's ``floor``. The statement is a plain one (010, not read as a
threat or a refusal) on a verb of saying of the sentence itself, not a quotation's. The candidate of
highest confidence is kept; the statement is not made.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DataFileError
from .candidate import Candidate
from .content_data import FILE, content_table
from .spoken import FLOORED

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class ToldPolicy:
    floor: float
    skip_roots: frozenset[str]
    rules_only: bool
    need_side: bool
    verb_tags: frozenset[str]


@lru_cache(maxsize=1)
def told_policy() -> ToldPolicy:
    data = content_table("told_acts")
    try:
        policy = ToldPolicy(float(data["floor"]), frozenset(str(r) for r in data["skip_roots"]),
                            bool(data["rules_only"]), bool(data["need_side"]),
                            frozenset(str(t) for t in data["verb_tags"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(FILE, f"told_acts: missing or bad entry {exc}") from exc
    if not 0.0 <= policy.floor <= 1.0:
        raise DataFileError(FILE, f"told_acts.floor must be in [0, 1], got {policy.floor}")
    return policy


def _asked(tok: Token) -> bool:
    """The clause ends in a question mark: an act asked about ("how can we trust a leader who has
    killed his citizens?") is not told as fact."""
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.text in ("?", ".", "!"):
            return t.text == "?"
    return False


def _eligible(cand: Candidate, policy: ToldPolicy) -> bool:
    tok = cand.trigger
    return ((cand.dropped or "").startswith(FLOORED) and cand.modality.modality == "asserted"
            and tok.tag_ in policy.verb_tags and not _asked(tok)
            and not cand.modality.reported and cand.cameo[:2] not in policy.skip_roots
            and cand.confidence >= policy.floor
            and not (policy.rules_only and cand.learned_prob is not None)
            and not (policy.need_side and not cand.roles.sources and not cand.roles.targets))


def revive(cands: Sequence[Candidate], statement: Candidate) -> Candidate | None:
    """Keep the act the floor dropped that the sentence of ``statement`` tells (module doc); return it,
    or None when there is none and the statement is to be made."""
    # a statement read for what it says (a threat, a refusal) is its own event; a quotation's sentence is
    # told in its speaker's words, not reported as fact
    if statement.cameo[:2] != "01" or statement.said is not None or statement.modality.modality != "asserted" \
            or any(c.dropped is None and c.modality.modality == "asserted" for c in cands):
        return None
    policy = told_policy()
    told = [c for c in cands if c.trigger.i != statement.trigger.i and _eligible(c, policy)]
    if not told:
        return None
    best = max(told, key=lambda c: (c.confidence, -c.trigger.i))
    best.notes.append(f"kept below the floor ({best.dropped}): an act told in a sentence whose only other "
                      f"event is the statement on '{statement.trigger.text}'")
    best.dropped = None
    return best
