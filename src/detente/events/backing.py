"""Material backing is no praise. CAMEO's 051 (praise or endorse) is verbal support; support given with
weapons, money, training, air cover or a haven is the material act: 07x (070 aid, 071 economic, 072 military,
073 humanitarian, 075 a haven) or, between forces that fight together, 06x (062 military cooperation). A
backing verb ("back", "support", "sponsor") coded 051, whoever found it, is recoded when

- what was given is told in its clause: "with" a material noun ("supported the government with arms",
  "backed it with billions of dollars in aid"), or a verb of giving beside it ("backed the militia,
  providing money and a haven", "by supplying drones"): coded by what was given;
- what is backed is an armed group or forces (its target's sector is an armed non-state one or MIL:
  "backed the rebels", "supports the opposition forces"): military aid (072), or military cooperation
  (062) where the backer is itself a force ("troops backed the army", "backed by Russian air power").

A plan, a bid, a decision or a government backed with no word of what was given stays 051.

The train writers (w01-w25 but w07, w08), on a backing verb with an armed object: 072 3 times ("rebels
backed by Rwanda", "had backed the army's campaign"), 062 once; on forces backed by forces or air power
062 11 times of 11; plain backing of a plan, a bid or a party 051 (25 of the coder's 051 events on such a
verb agree with them). Three blind audits' judges (AB, AC, AD) named the material backing the coder gave
051. Run for every event after the learned model's retyping, as ``events/means.py``; the event's
confidence still weighs the model's belief in the root it judged.

The words are data (``data/lexicon/content.yaml``, its ``backing`` table and the classes ``backing_verb``,
``provide_verb``, ``backing_military``, ``backing_military_modifier``, ``backing_money``,
``backing_money_modifier``, ``backing_humanitarian_modifier``, ``backing_haven``, ``backing_aid``,
``backing_quantity``, ``force``, ``aerial_means``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..policy import cameo_policy
from ..errors import DataFileError
from . import syntax as sx
from .content_data import FILE, content_table
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .content_data import Event

MODIFIER_DEPS = ("amod", "compound", "nmod")
ARMED = cameo_policy().armed_nonstate | {"MIL"}


@dataclass(frozen=True)
class BackingCodes:
    recodable: frozenset[str]
    armed_target: str
    forces: str
    military: str
    economic: str
    humanitarian: str
    haven: str
    aid: str


@lru_cache(maxsize=1)
def backing_codes() -> BackingCodes:
    data = content_table("backing")
    try:
        return BackingCodes(frozenset(map(str, data["recodable_codes"])), str(data["armed_target_code"]),
                            str(data["forces_code"]), str(data["military_code"]), str(data["economic_code"]),
                            str(data["humanitarian_code"]), str(data["haven_code"]), str(data["aid_code"]))
    except (KeyError, TypeError) as exc:
        raise DataFileError(FILE, f"backing: missing or bad entry {exc}") from exc


def recode(cand: Event, lexicon: Lexicon) -> str | None:
    """A backing verb coded 051 whose clause tells what was given, or whose target is armed, is coded as
    the material act. Returns the code it had when it is recoded, else None."""
    c = backing_codes()
    trig = cand.trigger
    if cand.cameo not in c.recodable or sx.eff_pos(trig) != "verb" or not sx.lemma_in(trig, lexicon.words("backing_verb")):
        return None
    code, why = given(trig, lexicon)
    if code is None and cand.roles.targets and all(t.actor.sector in ARMED for t in cand.roles.targets) \
            and _backs_the_party(trig, cand, lexicon):
        forces = _force_backer(trig, cand, lexicon)
        code, why = (c.forces, "forces backing forces") if forces else (c.armed_target, "an armed party backed")
    if code is None or code == cand.cameo:
        return None
    cand.notes.append(f"material backing ({why}): {cand.cameo} -> {code}")
    before, cand.cameo = cand.cameo, code
    return before


def given(trig: Token, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """The code of what a backing verb's clause says was given ("with arms", "providing money"), and the
    word that tells it; (None, None) when it names nothing material."""
    nouns = list(sx.prep_objects(trig, ("with",)))
    for obj in sx.direct_objects(trig):  # "supported X and then Y, with aid": "with" hung on the object
        for part in [obj, *obj.conjuncts]:
            nouns.extend(sx.prep_objects(part, ("with",)))
    verbs = [k for k in trig.children if k.dep_ == "advcl" and k.tag_ == "VBG"  # "backed them, providing arms"
             and not any(g.dep_ in ("mark", "nsubj") for g in k.children)]  # not "after sending troops"
    verbs += [o for o in sx.prep_objects(trig, ("by",)) if sx.eff_pos(o) == "verb"]  # "by providing"
    provide = lexicon.words("provide_verb")
    for v in verbs:
        if sx.lemma_in(v, provide):
            nouns.extend(sx.direct_objects(v))
            nouns.extend(sx.prep_objects(v, ("with",)))  # "by arming them with drones"
    for noun in nouns:
        for part in [noun, *(k for k in noun.conjuncts)]:
            code = material_code(part, lexicon)
            if code is not None:
                return code, part.text
    return None, None


def material_code(noun: Token, lexicon: Lexicon, depth: int = 0) -> str | None:
    """The 07x code of what a noun says was given: weapons, troops, training or a military word 072,
    money 071, a humanitarian word 073, a haven 075, aid of no kind 070; a quantity ("amounts of",
    "billions of dollars in aid") is read through its "of" and "in" phrases."""
    c = backing_codes()
    mods = [m for m in noun.children if m.dep_ in MODIFIER_DEPS]
    mods += [k for m in mods for k in m.conjuncts]  # "military and other aid"
    def modified(name: str) -> bool:
        return any(sx.lemma_in(m, lexicon.words(name)) for m in mods)
    if sx.lemma_in(noun, lexicon.words("backing_military")):
        return c.military
    if sx.lemma_in(noun, lexicon.words("backing_military_modifier")) \
            and any(sx.lemma_in(k, lexicon.words("backing_aid")) for k in noun.conjuncts):
        return c.military  # "of military and other aid", "military" read as a noun
    material = sx.lemma_in(noun, lexicon.words("backing_aid")) or sx.lemma_in(noun, lexicon.words("backing_money"))
    if modified("backing_military_modifier") and (material or sx.lemma_in(noun, lexicon.words("backing_quantity"))
                                                  or sx.lemma(noun) in ("power", "cover", "support")):
        return c.military  # "military aid", "air power", "air cover"
    inner: list[str] = []
    if depth < 2 and sx.lemma_in(noun, lexicon.words("backing_quantity") | lexicon.words("backing_money")):
        inner = [code for o in sx.prep_objects(noun, ("of", "in")) for part in [o, *o.conjuncts]
                 if (code := material_code(part, lexicon, depth + 1))]
    specific = [code for code in inner if code not in (c.economic, c.aid)]
    if specific:  # "amounts of military aid"
        return specific[0]
    if sx.lemma_in(noun, lexicon.words("backing_money")) or (material and modified("backing_money_modifier")) \
            or c.economic in inner:  # "billions of dollars in aid"
        return c.economic
    if inner:  # "amounts of aid"
        return inner[0]
    if material and (modified("backing_humanitarian_modifier") or sx.lemma_in(noun, lexicon.words("humanitarian_aid"))):
        return c.humanitarian
    if sx.lemma_in(noun, lexicon.words("backing_haven")):
        return c.haven
    if material:
        return c.aid
    return None


def _force_backer(trig: Token, cand: Event, lexicon: Lexicon) -> bool:
    """The backer is a force: its sources are all forces (MIL), or the agent of "backed by" names troops,
    aircraft or air power."""
    if cand.roles.sources and all(s.actor.sector == "MIL" for s in cand.roles.sources):
        return True
    for noun in sx.agent(trig):
        if sx.lemma_in(noun, lexicon.words("force")) or sx.lemma_in(noun, lexicon.words("aerial_means")) \
                or material_code(noun, lexicon) == backing_codes().military:
            return True
    return False


def _backs_the_party(trig: Token, cand: Event, lexicon: Lexicon) -> bool:
    """What is backed is the armed party itself ("backed the rebels", "factions of the rebels") or its fighting ("the army's
    campaign"), not something of its that is only said or decided ("the rebels' call for a ceasefire")."""
    spans = [(t.start, t.end) for t in cand.roles.targets]
    for obj in sx.direct_objects(trig):
        inside = any(a <= obj.i < b for a, b in spans)
        if not inside and sx.lemma_in(obj, lexicon.words("backing_part")):  # "factions of the rebels"
            inside = any(a <= o.i < b for o in sx.prep_objects(obj, ("of",)) for a, b in spans)
        if not inside and not sx.lemma_in(obj, lexicon.words("backing_fight")):
            return False
    return True
