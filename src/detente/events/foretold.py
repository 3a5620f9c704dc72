"""What a warning foretells, where the parse hides it (issue 10; called by ``content._harm_foretold``).

A warning (``warn``, ``caution``) is a threat (13) only when what it warns of is the speaker's own act
or a penalty it sets; a consequence another party's act or events will bring is a pessimistic
comment (012), as the train writers code it ("Tokyo warned that the move could undermine relations",
"rights groups warned that the measure would lead to arbitrary arrests"). Two shapes of the parse
hid the clause or its doer:

- the warned clause hung on a noun of a phrase of the warning verb, not on the verb ("warned after
  the minister's announcement that the decision would cause unrest": the "that" clause read as the
  announcement's): ``warned_clause`` takes it as the warning's, where the verb has no clause of its
  own, the clause has its own subject (not "which" or "that") and is told with a modal or future
  auxiliary (what is foretold);
- a passive whose doer is named in a "by" phrase and is a party of another country than the
  speaker's ("warned that the port could be used by the Chinese navy"): the speaker does not do it,
  so it is not its act (``done_by_other``); a passive with no doer named ("protesters would be
  prosecuted") stays the speaker's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import syntax as sx
from .index import ActorIndex
from .valence import SPEAKER_SIDE, first_person

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE_SUBJECTS = frozenset({"that", "which", "who", "what"})


def warned_clause(trig: Token, modal: frozenset[str]) -> Token | None:
    """The clause the warning verb ``trig`` reports: its complement, else a "that" clause with its
    own subject and one of the ``modal`` auxiliaries hung on the object of one of its prepositions."""
    clauses = sx.children(trig, "ccomp")
    if clauses:
        return clauses[0]
    for prep in sx.children(trig, "prep"):
        for obj in sx.children(prep, "pobj"):
            for clause in sx.children(obj, "acl"):
                if not any(m.lower_ == "that" for m in sx.children(clause, "mark")):
                    continue
                subjects = sx.children(clause, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
                if not subjects or any(s.lower_ in RELATIVE_SUBJECTS for s in subjects):
                    continue
                if any(a.lower_ in modal for a in sx.children(clause, "aux")):
                    return clause
    return None


def done_by_other(verb: Token, own: set[str], index: ActorIndex) -> bool:
    """A passive ``verb`` whose "by" doer names a party with a country other than the speaker's
    (``own``): what it foretells is that party's act."""
    if not own or not sx.is_passive(verb):
        return False
    doers = [t for a in sx.agent(verb) for t in a.subtree]
    if any(first_person(t, SPEAKER_SIDE) for t in doers):
        return False
    found = [m.actor.country for t in doers for m in index.at(t) if m.actor is not None and m.actor.country]
    return bool(found) and all(c not in own for c in found)
