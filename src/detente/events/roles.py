"""Source and target actors of a matched trigger, from the dependency parse.

A rule lists *slots* for each role, tried in order; the first slot that yields an actor wins:

- ``subj``        the doer: subject of an active verb, ``by``-agent of a passive one, the controller
                  of an infinitive (``urged Iraq to comply``), the subject shared by coordinated
                  verbs, the antecedent of ``who``;
- ``dobj``        the patient: direct object, passive subject, or the noun a participle modifies
                  (``the first country visited by Raisi`` -> ``country`` -> ``Tajikistan``);
- ``dative``      indirect object (``gave Tanzania a grant``);
- ``prep:X``      object of preposition X on the trigger, its matched object or its support verb;
- ``poss``/``mod`` possessive / adjectival or compound modifier of a nominal trigger
                  (``Russia's invasion``, ``Palestinian riots``, ``Dushanbe-Tehran flights``);
- ``governor``    for a nominal trigger, the subject of the support verb it hangs from
                  (``Rahmon embarked on a trip``, ``X paid a visit``) or of a verb of travel it is
                  the purpose of (``X flew to Geneva for talks``); ``governor:target`` its object;
- ``comp:subj`` / ``comp:dobj``  subject / object of the trigger's clausal complement
                  (``demanded that the US cancel``, ``alleging that Iran backed``);
- ``between``     the pair after ``between`` (``a memorandum between the two countries``);
- ``self`` / ``head`` the trigger itself / its syntactic head.

Steps chain with ``/``: ``prep:to/prep:in`` is the object of ``in`` inside the object of ``to``.
Conjoined actors with no other counterpart are each other's counterpart (``Dushanbe and Tehran
signed`` -> TJK->IRN). A pronoun subject that the actors stage left unresolved, inside what a
speaker said (``Uganda said it had paid``), is taken to be the speaker.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .features import doc_table
from .parts import shared_objects
from .lexicon import Lexicon
from .matcher import Match
from .index import VENUE_ROOTS, ActorIndex, resolve
from .holders import held_by
from .addressees import addressed
from .culprits import culprit_source
from .allies import ally_ids, compatriots
from .sides import ADVERSARY_PREPS, CAPTIVE_CODES, REACTION_ROOTS, OWN_FORCE_SECTORS, PLACE_CODES, PLACE_ROOTS, fallback_sources, fallback_targets
from .unnamed_doers import crowd_source, custody_source

if TYPE_CHECKING:
    from spacy.tokens import Token

AUTHOR_PARTICIPLES = word_set("events", "author_participles")  # data/words/events.yaml
RECIPROCAL_VERBS = word_set("events", "reciprocal_verbs")  # swap, exchange
AGREEING_VERBS = word_set("events", "agreeing_verbs")  # agree: what two doers agree to do is between them
THING_NOUNS = word_set("events", "thing_nouns")  # missiles, jets, airstrikes: not parties without a country
CONFLICT_NOUNS = word_set("events", "conflict_nouns")  # insurgency, campaign, war ...
SHARED_OBJECT_ROOTS = cameo_policy().shared_object_roots  # custody, force, criticism (data/policy.yaml)
MEANS_MODIFIERS = word_set("events", "means_modifiers")  # drone, missile, artillery ...: "a drone strike"
RECIPROCAL_CODES = cameo_policy().reciprocal_codes  # meetings, agreements, signings (data/policy.yaml)
FORCE_OWNER_SECTORS = word_set("events", "force_owner_sectors")  # GOV: a state (or a bare country) owns them
INSTRUMENT_FORCE_ROOTS = cameo_policy().instrument_force_roots  # intents (data/policy.yaml)
ADDRESSEE_ROOTS = cameo_policy().addressee_roots  # appeals, demands: "for X to act" is addressed to X
FIGHT_WORDS = word_set("events", "fight_words")  # fight, battle, clash: two sides fight each other
CODOER_ROOTS = cameo_policy().codoer_roots  # force: conjoined doers of an act on a place are doers together
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "them", "him"})


@dataclass(frozen=True)
class Roles:
    """The actors found for a trigger, and the slots that gave them (for ``explain``)."""

    sources: tuple[ActorMention, ...] = ()
    targets: tuple[ActorMention, ...] = ()
    source_slot: str | None = None
    target_slot: str | None = None
    reciprocal: bool = False

    def pairs(self) -> list[tuple[ActorMention | None, ActorMention | None]]:
        """One (source, target) pair per event to emit."""
        if not self.sources and not self.targets:
            return [(None, None)]
        if not self.targets:
            return [(s, None) for s in self.sources]
        if not self.sources:
            return [(None, t) for t in self.targets]
        return [(s, t) for s in self.sources for t in self.targets]


def _support_verb(match: Match, lexicon: Lexicon) -> Token | None:
    gov = match.governor
    if gov is not None and is_support_verb(gov, lexicon):
        return gov
    return None


def is_support_verb(tok: Token, lexicon: Lexicon) -> bool:
    """A light verb whose subject does what its object noun says (``paid a visit``)."""
    words = lexicon.words("support_verb")
    return tok.lower_ in words or any(k in words for k in sx.lemma_keys(tok))


def _travelled_for(match: Match, lexicon: Lexicon) -> Token | None:
    """``negotiators returned to Geneva for talks``: who travels for an event takes part in it."""
    gov, trig = match.governor, match.trigger
    if gov is None or trig.dep_ != "pobj" or trig.head.lower_ != "for" or trig.head.head != gov:
        return None
    return gov if any(k in lexicon.words("travel_verb") for k in sx.lemma_keys(gov)) else None


def _receives(gov: Token, lexicon: Lexicon) -> bool:
    return any(k in lexicon.words("receive_verb") for k in sx.lemma_keys(gov))


def _prep_anchors(match: Match, lexicon: Lexicon) -> list[Token]:
    anchors = list(match.anchors)
    gov = _support_verb(match, lexicon)
    if gov is not None:
        anchors.append(gov)
    return anchors


def _first_step(step: str, match: Match, lexicon: Lexicon) -> list[Token]:
    trig = match.trigger
    pos = sx.eff_pos(trig)
    if step == "subj":
        if pos == "adj" or match.rule.pos == "adj":
            # "is opposed by the regime": a participle with a by-agent is a passive verb
            return (sx.agent(trig) if trig.tag_ == "VBN" else []) or sx.surface_subject(trig)
        return sx.subject(trig) if pos != "noun" else []
    if step == "dobj":
        if pos == "noun":
            return [sx.object_head(o) for o in sx.prep_objects(trig, ("of",))]
        shared = match.rule.cameo[:2] in SHARED_OBJECT_ROOTS  # "arrested and tortured X"
        return sx.direct_objects(trig) or (shared_objects(trig) if shared else [])
    if step == "dative":
        return [c for c in sx.children(trig, "dative", "iobj") if c.pos_ != "ADP"]
    if step.startswith("prep:"):
        prep = step[5:]
        found = [sx.object_head(o) for a in _prep_anchors(match, lexicon) for o in sx.prep_objects(a, (prep,))]
        if not found and pos == "noun":
            found = [sx.object_head(o) for o in
                     sx.prep_objects_after(trig, (prep,)) or sx.prep_objects_inside(trig, (prep,))]
        if not found and pos == "noun" and prep == "by":
            found = _author(trig)
        return found
    if step in ("poss", "mod"):
        return _next_step(step, [a for a in match.anchors if sx.eff_pos(a) == "noun"])
    if step in ("governor", "governor:target"):
        return _governor_step(step, match, lexicon)
    if step in ("comp:subj", "comp:dobj"):
        comp = match.complement
        if comp is None:
            return []
        if step == "comp:subj":
            own = sx.children(comp, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
            return own or sx.subject(comp)
        return sx.direct_objects(comp)
    if step == "between":
        return [o for a in _prep_anchors(match, lexicon) for o in sx.prep_objects(a, ("between", "among"))]
    if step == "comp":
        return [match.complement] if match.complement is not None else []
    if step in ("advcl", "acl"):
        return _next_step(step, list(match.anchors) + ([match.governor] if match.governor is not None else []))
    if step == "cond":  # "threatened to ... unless Baghdad accepted": the conditioned party
        heads = [trig] + ([match.complement] if match.complement is not None else [])
        return [s for h in heads for c in h.children if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                for s in sx.children(c, *sx.SUBJ_DEPS)]
    if step == "clause":
        verb, _ = sx.governing_verb(trig)
        return [verb] if verb is not None else []
    if step == "self":
        return [trig]
    if step == "head":
        return [trig.head] if trig.head != trig else []
    return []


def _author(trig: Token) -> list[Token]:
    """``airstrikes launched by the coalition``, ``a blockade imposed by government forces``: the
    agent of a participle of authorship modifying an event noun is its doer."""
    return [sx.object_head(o) for c in trig.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and sx.lemma_in(c, AUTHOR_PARTICIPLES) for o in sx.agent(c)
            if o.head.i == 0 or o.doc[o.head.i - 1].lower_ not in ("not", "never")]  # "not by X, but by Y"


def _governor_step(step: str, match: Match, lexicon: Lexicon) -> list[Token]:
    """Roles through the support verb of a nominal trigger: its subject does the event
    (``X paid a visit``), its object undergoes it; a verb of receiving turns them round."""
    trig = match.trigger
    gov = _support_verb(match, lexicon) or _travelled_for(match, lexicon)
    if gov is None:
        return []
    receives = _receives(gov, lexicon)  # "the camps received little assistance": the receiver is the target
    if step == "governor":
        return [] if receives else sx.subject(gov) or sx.surface_subject(gov)  # "were engaged in cleansing"
    if receives:
        return sx.subject(gov) or sx.surface_subject(gov)
    inside = sx.subtree_ids(trig)
    return [o for o in sx.direct_objects(gov) + sx.children(gov, "dative") if o.i not in inside
            and trig.i not in sx.subtree_ids(o)]


def _next_step(step: str, tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if step.startswith("prep:"):
            out.extend(sx.quantified_objects(tok, (step[5:],)))
        elif step == "poss":
            out.extend(sx.children(tok, "poss"))
        elif step == "mod":
            out.extend(c for c in tok.children if c.dep_ in ("amod", "compound", "nmod"))
        elif step == "dobj":
            out.extend(sx.direct_objects(tok))
        elif step == "subj":
            out.extend(sx.subject(tok))
        elif step == "between":
            out.extend(sx.prep_objects(tok, ("between", "among")))
        elif step == "comp":
            out.extend(sx.complements(tok))
        elif step == "advcl":
            out.extend(sx.children(tok, "advcl", "xcomp"))
        elif step == "acl":
            out.extend(sx.children(tok, "acl", "relcl"))
        elif step == "agent":
            out.extend(sx.prep_objects(tok, ("by",)))
    return out


def slot_tokens(slot: str, match: Match, lexicon: Lexicon) -> list[Token]:
    steps = slot.split("/")
    tokens = _first_step(steps[0], match, lexicon)
    for step in steps[1:]:
        tokens = _next_step(step, tokens)
    return tokens


def _speaker(tok: Token, index: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """``Uganda said it had paid``: an unresolved pronoun subject inside reported speech; in the
    clause of a noun of announcement, its owner (``Canada's announcement that it would``, ``a statement
    by Ankara that it would``)."""
    say = lexicon.modality.get("say_verbs", frozenset())
    for head, dep in sx.ancestors_path(tok):
        if dep == "ccomp" and sx.lemma(head) in say:
            return resolve(sx.subject(head), index)
        if dep in ("acl", "ccomp") and sx.eff_pos(head) == "noun" and \
                sx.lemma(head) in lexicon.modality.get("announcement_nouns", frozenset()):
            return resolve([*sx.children(head, "poss"), *sx.prep_objects(head, ("by",))], index)
        if dep in ("relcl", "acl", "advcl"):
            return []
    return []


def is_thing(m: ActorMention, trig: Token) -> bool:
    """A target that is no party: the event itself (``ordered a limited missile strike``), a
    weapon, craft or act of force with no country of its own (``approved the sale of twelve jets``),
    or a countryless campaign with its own adversary (``fought an insurgency against the state``)."""
    if m.start <= trig.i < m.end:
        return True
    root = trig.doc[m.start:m.end].root
    if m.actor.country:
        return False
    # "fought a decades-long insurgency against the Turkish state": the fight, not the party fought
    return sx.lemma_in(root, THING_NOUNS) or (sx.lemma_in(root, CONFLICT_NOUNS) and bool(sx.prep_objects(root, ADVERSARY_PREPS)))


def _means_only(m: ActorMention, trig: Token) -> bool:
    """``a drone strike``, ``missile strikes``: the act's own countryless phrase naming only its means."""
    span = trig.doc[m.start:m.end]
    return m.start <= trig.i < m.end and not (m.actor.country or m.actor.org or m.actor.kb_id) \
        and all(t.i == trig.i or t.pos_ in ("DET", "ADJ", "NUM", "PUNCT") or sx.lemma_in(t, MEANS_MODIFIERS)
                for t in span)


def _itself(m: ActorMention, sources: Sequence[ActorMention]) -> bool:
    """The source named again by a pronoun, or a pronoun source named again (``Trump was upset, he
    ordered``: ``he`` is Trump): no one is their own target."""
    return m.actor.name is not None and any(s.actor.name == m.actor.name and s.actor.country == m.actor.country
                                            and "coref" in (m.basis, s.basis) for s in sources)


def _fill(slots: Sequence[str], match: Match, index: ActorIndex, lexicon: Lexicon,
          exclude: Sequence[ActorMention] = (), parties: bool = False,
          allies: frozenset[int] | set[int] = frozenset()) -> tuple[list[ActorMention], str | None]:
    own: tuple[list[ActorMention], str | None] = ([], None)
    for slot in slots:
        tokens = slot_tokens(slot, match, lexicon)
        found = [m for m in resolve(tokens, index) if m not in exclude and m.start not in allies
                 and not (parties and (is_thing(m, match.trigger) or _itself(m, exclude)))
                 and (parties or not _means_only(m, match.trigger))]  # "a drone strike" is no doer
        if slot == "subj" and all(is_thing(m, match.trigger) for m in found):
            # "killed by a bomb planted by X", "hit by a missile fired by X": the means' author
            found = [m for m in resolve([a for t in tokens for a in _author(t)], index) if m not in exclude] or found
        if not found and slot == "subj":
            pron = [t for t in tokens if t.lower_ in PRONOUNS and not index.at(t)]
            if pron:
                found = [m for m in _speaker(pron[0], index, lexicon) if m not in exclude]
        if found and exclude and all(_owned(m, exclude) for m in found):
            # "recalled its ambassador to Moscow": Moscow, if named; forces an act is done with are no
            # target at all ("agreed to keep US troops in Syria")
            if not (match.rule.cameo[:2] in INSTRUMENT_FORCE_ROOTS and all(_own_forces(m, exclude) for m in found)):
                own = own if own[0] else (found, slot)
            continue
        if found:
            return found, slot
    return own


def _slot_places(match: Match, index: ActorIndex, lexicon: Lexicon) -> tuple[list[ActorMention], str | None]:
    """For acts whose place acted on is their target (``sides.PLACE_ROOTS``), a target slot that names
    only a town or province no actor names (``Tigrayan forces retook Mekelle``, ``imposed a curfew
    on Lod``); not a place a noun is named after (``the Rafah crossing``) nor one left (``from``)."""
    for slot in match.rule.target:
        if slot.startswith("prep:from"):
            continue
        found = [m for t in slot_tokens(slot, match, lexicon) for c in sx.with_conjuncts(t)
                 if c.dep_ not in ("compound", "amod", "nmod") for m in index.place_at(c)]
        if found:
            return found, f"{slot}/place"
    return [], None


def _mutual_kind(match: Match, venue: bool = True) -> bool:
    """An act done between parties (talks, agreements, signings, swaps, fights), or one its
    sentence says they did to each other; with ``venue``, any intention, consultation or
    cooperation (not for three doers or more: ``X, Y and Z recognised the new state``)."""
    cameo = match.rule.cameo
    if match.rule.reciprocal or cameo in RECIPROCAL_CODES or (venue and cameo[:2] in VENUE_ROOTS) \
            or sx.lemma_in(match.trigger, RECIPROCAL_VERBS):
        return True
    t = doc_table(match.trigger.doc)  # the subtree's words in Token.subtree's order, no Token per word
    words = [t.lower[j] for j in t.subtree_in_order(match.trigger.i)]
    return any(a in ("each", "one") and b in ("other", "another") for a, b in zip(words, words[1:]))


def _own_or_thing(sources: Sequence[ActorMention], targets: Sequence[ActorMention], slot: str | None,
                  agreed: bool = False) -> bool:
    """Conjoined doers of different countries whose slots found only their own side or a
    countryless thing (``Egypt and Israel signed their treaty``, ``the Netherlands and Ukraine
    agreed that suspects would be tried in Dutch courts``): for a mutual act, the doers are each
    other's counterparts. A countryless side counts as a thing only as the act's object or, on a
    verb of agreeing (``agreed``), the object of what they agree to do (``agreed to set up a joint
    task force``, ``agreed to pull back troops``; not ``talks with the rebels``: the rebels are a
    party; nor ``were prepared to send troops``: doers together)."""
    countries = {s.actor.country for s in sources if s.actor.country}
    thing = slot is not None and (slot.startswith("dobj") or slot.startswith("comp:dobj") and agreed)
    return len(countries) >= 2 and not any(t.actor.country not in countries if t.actor.country else not thing
                                           for t in targets)


def _owned(m: ActorMention, sources: Sequence[ActorMention]) -> bool:
    """A side that is the source's own, named through a pronoun referring to it (``its ambassador``,
    ``its MiG-29 fighter jets``), or the forces of a state or government that acts with them
    (``Trump agreed to keep US troops in Syria``, ``Obama pledged to boost the US military``)."""
    return _by_pronoun(m, sources) or _own_forces(m, sources)


def _by_pronoun(m: ActorMention, sources: Sequence[ActorMention]) -> bool:
    return m.antecedent is not None and any(s.start <= m.antecedent < s.end and s.actor.country == m.actor.country
                                            for s in sources)


def _own_forces(m: ActorMention, sources: Sequence[ActorMention]) -> bool:
    """The forces (``OWN_FORCE_SECTORS``) of a source that is not of them: through a pronoun
    referring to it (``its troops``) or named with its country (``US troops``; not a country
    ``localize`` gave, nor a pronoun referring to another: ``inviting its commander`` may be a rebel's)."""
    if m.actor.sector not in OWN_FORCE_SECTORS or not m.actor.country:
        return False
    if _by_pronoun(m, sources):
        return True
    return m.basis not in ("context", "coref") and any(  # a state or its government, not a rebel of it
        s.actor.country == m.actor.country and (s.actor.sector is None or s.actor.sector in FORCE_OWNER_SECTORS)
        for s in sources)


def _object_named(match: Match, lexicon: Lexicon, sources: Sequence[ActorMention]) -> bool:
    """``Syrian and Russian jets bombed the province``, ``the two armies launched an offensive on the
    town``: a target slot of the act names a noun that is no actor (a place or a thing); conjoined
    doers of such a one-sided act did it together, neither to the other. Not fighting, nor entering a
    place (``fight_words``: ``fought a border battle``, ``entered the town``): the corpus pairs them."""
    doers = {i for s in sources for i in range(s.start, s.end)}
    if sx.lemma_in(match.trigger, FIGHT_WORDS):  # "fought a border battle": each other's counterparts
        return False
    return any(not sx.lemma_in(t, FIGHT_WORDS) and t.pos_ in ("NOUN", "PROPN") and t.i not in doers and t.i != match.trigger.i
               for slot in match.rule.target if slot != "between" and not slot.startswith("prep:with")
               for t in slot_tokens(slot, match, lexicon))


def find_roles(match: Match, index: ActorIndex, lexicon: Lexicon) -> Roles:
    """Source and target actors of a match, by the rule's slots."""
    rule = match.rule
    allies = ally_ids(match)  # "fought alongside the militia": on the doer's side (events/allies.py)
    sources, s_slot = _fill(rule.source, match, index, lexicon)
    targets, t_slot = _fill(rule.target, match, index, lexicon, exclude=sources, parties=True, allies=allies)
    if rule.cameo[:2] in ADDRESSEE_ROOTS:  # "appealed for Iran to free the journalists": Iran (events/addressees.py)
        asked = [m for m in resolve(addressed(match.trigger), index) if m not in sources and not is_thing(m, match.trigger)]
        if asked:
            targets, t_slot = asked, "addressee"
    mutual = _mutual_kind(match) and not allies  # doers beside an ally fight together
    # language the slots do not reach (events/sides.py); conjoined doers of a mutual act are each
    # other's counterparts, those of another act only when it names no other target ("X, Y and Z
    # fired missiles at sites in Syria": Syria)
    if not targets and not (len(sources) >= 2 and mutual):
        targets, t_slot = fallback_targets(match, rule.cameo, index, sources)
        targets = [t for t in targets if not is_thing(t, match.trigger) and t.start not in allies]
    if not targets and not (len(sources) >= 2 and mutual) and (rule.cameo[:2] in PLACE_ROOTS or rule.cameo in PLACE_CODES) \
            and (rule.cameo[:3] not in CAPTIVE_CODES or sources):  # "was detained in Izmir": the state's, not a target
        targets, t_slot = _slot_places(match, index, lexicon)
    if not sources:
        sources, s_slot = fallback_sources(match, rule.cameo, index, targets)
    if not sources:  # "X was responsible for the kidnapping": X (events/culprits.py)
        sources, s_slot = culprit_source(match, index, targets)
    if not sources:  # "was detained in Cairo": the state's police
        sources, s_slot = custody_source(match, rule.cameo, index, targets)
    if not sources:  # "protests erupted in Tehran": its people
        sources, s_slot = crowd_source(match, rule.cameo, index, targets)
    reciprocal = False
    if len(sources) >= 2 and targets and mutual and _own_or_thing(sources, targets, t_slot, sx.lemma_in(match.trigger, AGREEING_VERBS)):
        targets = []  # "Russia and Ukraine swapped 35 prisoners": the parties, not the prisoners
    # no other target named: "Ecuador and Peru pulled back troops"; three doers or more of an act that
    # is not mutual are doers together ("Venezuela, Nicaragua and Bolivia offered Snowden asylum")
    # "X and Y criticised the plan", "X and Y issued a warning": a reaction with a thing for its object,
    # or told by a noun, is theirs together, not of one to the other
    objects = sx.direct_objects(match.trigger)  # not "accused each other", "accused the other"
    together = not mutual and rule.cameo[:2] in REACTION_ROOTS and not any(o.lemma_.lower() == "other" for o in objects) \
        and (sx.eff_pos(match.trigger) == "noun" or bool(objects))
    together = together or (not mutual and rule.cameo[:2] in CODOER_ROOTS and _object_named(match, lexicon, sources))
    if not targets and not allies and not together and (len(sources) == 2 and (mutual or not compatriots(sources))
                                       or len(sources) > 2 and _mutual_kind(match, venue=False)):
        sources, targets, reciprocal = sources[:1], sources[1:], True
    elif not targets and not mutual and compatriots(sources):
        sources = sources[:1]  # "the president and his foreign minister vowed": one side, one event
    elif not sources and len(targets) >= 2 and rule.reciprocal:
        sources, targets, reciprocal = targets[:1], targets[1:], True
    targets = held_by(targets, rule.cameo, match.trigger, index, sources)  # "advanced on Isis-held Mosul": Isis
    sources = [s for s in sources if s not in targets] or sources
    return Roles(tuple(sources), tuple(targets), s_slot, t_slot, reciprocal)

