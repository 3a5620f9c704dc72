"""What a killing is done with decides its CAMEO root: 18 (assault) is violence that needs no military
means, 19 (fight) conventional military force. A killing by an air or drone strike, by warplanes, by
shelling or by a military offensive is the fight it is part of, coded by its weapon: aerial weapons
(195), artillery and tanks (194), conventional force (190); one by a chemical attack is the use of a
chemical weapon (2041). A bombing by a state, its forces or a coalition of them ("coalition bombing",
"the Turks bombed") is an air raid (195), not a terrorist's bomb (183). Run for every event whoever
found it (a rule or the learned model), after the learned model's retyping; the event's confidence
still weighs the model's belief in the root it judged (``Candidate.scored_as``).

The train writers (w01-w25 but w07, w08), in sentences that name such a means: the kill words they code
195 16, 190 9, 194 7, 193 3 times, 1823 and 202 once each, and 186 12 times, for leaders and commanders;
"bombed" 195 54 of 59 (the other five by agents, rebels, insurgents or a lone bomber), a "bombing" 195
35 times, by states, their aircraft, NATO or a coalition (and 183x 56 times, suicide, car and terrorists'
bombs). So a killing whose victim is named or a leader stays as coded (an assassination, 186, is not
recoded at all), and so does a bomb set off by anyone but a state.

The words are data (``data/lexicon/content.yaml``, its classes: ``kill_verb``, ``aerial_means``, ``aerial_modifier``,
``artillery_means``, ``artillery_modifier``, ``force_means``, ``force_modifier``, ``chemical_modifier``,
``state_bombing_noun``, ``state_force``, ``bomb_verb``, ``shell_verb``, ``terror_modifier``); the codes
its ``means`` table.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DataFileError
from . import syntax as sx
from .content_data import FILE, content_table
from .index import ActorIndex
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .content_data import Event

MEANS_PREPS = ("in", "by", "during", "under", "from", "with")
MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")
STATE_SIDE_DEPS = ("poss", "amod", "compound", "nmod")
STATE_SECTORS = (None, "GOV", "MIL")


@dataclass(frozen=True)
class MeansCodes:
    aerial: str
    artillery: str
    force: str
    chemical: str
    recodable: frozenset[str]  # the codes of a killing that its means may recode (not 186, 181, 1822 ...)


@lru_cache(maxsize=1)
def means_codes() -> MeansCodes:
    data = content_table("means")
    try:
        return MeansCodes(str(data["aerial_code"]), str(data["artillery_code"]), str(data["force_code"]),
                          str(data["chemical_code"]), frozenset(map(str, data["recodable_codes"])))
    except (KeyError, TypeError) as exc:
        raise DataFileError(FILE, f"means: missing or bad entry {exc}") from exc


def recode(cand: Event, index: ActorIndex, lexicon: Lexicon) -> str | None:
    """A killing (``recodable_codes``) done with military means is coded by its weapon; a bombing by a
    state or its forces is an air raid. Returns the code it had when it is recoded, else None."""
    c = means_codes()
    trig = cand.trigger
    if cand.cameo not in c.recodable:
        return None
    code, why = None, None
    if sx.lemma_in(trig, lexicon.words("kill_verb")):
        if _leader_killed(trig, lexicon):
            return None  # a named person or a leader killed: the writers' assassination (186), as coded
        if _chemical_act(trig, lexicon):
            code, why = c.chemical, trig.head
        for noun in [*sx.prep_objects(trig, MEANS_PREPS), *sx.subject(trig)]:
            if code is not None:
                break
            code = means_of(noun, index, lexicon)
            if code is not None:
                why = noun
                break
        if code is None:  # "bombed a position and killed 12": the bombing's code
            for verb in _conjoined(trig):
                code = _verb_means(verb, index, lexicon)
                if code is not None:
                    why = verb
                    break
    elif sx.eff_pos(trig) == "verb":  # "the Turks bombed"
        code, why = _verb_means(trig, index, lexicon), trig
    else:  # "a coalition bombing", an air strike retyped
        code, why = means_of(trig, index, lexicon), trig
    if code is not None and code != cand.cameo and why is not None:
        cand.notes.append(f"done with military means ('{why.text}'): {cand.cameo} -> {code}")
        before, cand.cameo = cand.cameo, code
        return before
    return None


def means_of(noun: Token, index: ActorIndex, lexicon: Lexicon) -> str | None:
    """The code of the military means a noun names, or None: a chemical attack 2041, an air or drone
    strike or warplanes 195, shelling or tanks 194, a military offensive 190, a state's bombing 195."""
    c = means_codes()
    mods = [m for m in noun.children if m.dep_ in MODIFIER_DEPS]
    def modified(name: str) -> bool:
        return any(sx.lemma_in(m, lexicon.words(name)) for m in mods)
    if sx.lemma_in(noun, lexicon.words("force_means")) or sx.lemma_in(noun, lexicon.words("aerial_means")) \
            or sx.lemma_in(noun, lexicon.words("artillery_means")):
        if modified("chemical_modifier"):
            return c.chemical
        if modified("terror_modifier"):
            return None
    if sx.lemma_in(noun, lexicon.words("aerial_means")) or (sx.lemma_in(noun, lexicon.words("force_means"))
                                                           and modified("aerial_modifier")):
        return c.aerial
    if sx.lemma_in(noun, lexicon.words("artillery_means")) or (sx.lemma_in(noun, lexicon.words("force_means"))
                                                              and modified("artillery_modifier")):
        return c.artillery
    if sx.lemma_in(noun, lexicon.words("state_bombing_noun")):
        return c.aerial if _by_state(noun, index, lexicon) else None
    if sx.lemma_in(noun, lexicon.words("force_means")) and modified("force_modifier"):
        return c.force
    return None


def _verb_means(verb: Token, index: ActorIndex, lexicon: Lexicon) -> str | None:
    """"the Turks bombed": a state's or its forces' bombing (195) or shelling (194); not a bomb set
    off by a group or a person."""
    c = means_codes()
    doers = sx.subject(verb)
    if not doers or not all(_state_actor(index, d) for d in doers):
        return None
    if sx.lemma_in(verb, lexicon.words("bomb_verb")):
        return c.aerial
    if sx.lemma_in(verb, lexicon.words("shell_verb")):
        return c.artillery
    return None


def _conjoined(trig: Token) -> list[Token]:
    """The verbs coordinated with ``trig`` ("bombed ... and killed")."""
    out = [k for k in trig.children if k.dep_ == "conj"]
    if trig.dep_ == "conj":
        out.append(trig.head)
    return [v for v in out if sx.eff_pos(v) == "verb"]


def _by_state(noun: Token, index: ActorIndex, lexicon: Lexicon) -> bool:
    """A noun whose possessor or modifier is a state or its forces ("Russian", "the coalition's",
    "NATO"), with no word of a terrorist's bomb ("suicide", "car")."""
    kids = [m for m in noun.children if m.dep_ in STATE_SIDE_DEPS]
    if any(sx.lemma_in(m, lexicon.words("terror_modifier")) for m in kids):
        return False
    by = sx.prep_objects(noun, ("by",))
    return any(sx.lemma_in(m, lexicon.words("state_force")) or _state_actor(index, m) for m in [*kids, *by])


def _state_actor(index: ActorIndex, tok: Token) -> bool:
    found = index.at(tok)
    return bool(found) and all(m.actor is not None and m.actor.country and m.actor.sector in STATE_SECTORS for m in found)


def _leader_killed(trig: Token, lexicon: Lexicon) -> bool:
    """The one killed is a named person or told by a word of leadership ("killed the group's chief",
    "Hassan Nasrallah was killed"): a targeted killing the writers code as an assassination."""
    patients = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(p.ent_type_ == "PERSON" or sx.lemma_in(p, lexicon.words("leader"))
               or any(a.ent_type_ == "PERSON" for a in p.children if a.dep_ in ("appos", "compound"))
               for p in patients)


def _chemical_act(trig: Token, lexicon: Lexicon) -> bool:
    """A killing told as the outcome of an act done with chemical weapons ("dropped chemical weapons
    on the town, killing thousands")."""
    if trig.dep_ not in ("advcl", "conj", "xcomp") or sx.eff_pos(trig.head) != "verb":
        return False
    chem = lexicon.words("chemical_modifier")
    return any(sx.lemma_in(o, chem) or any(sx.lemma_in(m, chem) for m in o.children if m.dep_ in MODIFIER_DEPS)
               for o in sx.direct_objects(trig.head))
