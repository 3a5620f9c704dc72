"""Targets a rule's slots missed: the kinds of language the slots do not reach, tried in order
when the slots found no target (measured on the train writers' events, ``training/roles.py``).

- ``dobj/prep:X``  a prepositional target on the direct object instead of on the verb, for the
                   rule's own target prepositions (``suspended all agreements with India``,
                   ``halted shipments to Japan``, ``dropped the charge against her``);
- ``response``     a nominal appeal, demand, offer or request that someone rejects, accepts or
                   answers was addressed to them (``Vucic rejected protesters' demands``);
- ``reaction``     a reaction a clause's doer drew or defied is aimed at that doer (``X visited the
                   shrine, drawing condemnation from Y``, ``X went ahead despite warnings from Y``);
- ``comp:subj``    a comment, accusation or finding about what another actor did is about that
                   actor (``Poland said Belarusian helicopters had violated its airspace``,
                   ``the court ruled that Zuma had violated the constitution``);
- ``relative``     the antecedent of a relative clause whose object is gapped or a relative pronoun
                   (``militants whom Nairobi blames``, ``nationals it accused of spying``);
- ``for``          for intentions, aid, cooperation, cuts and coercion, whom the act or its object is
                   for (``pledged $20 million in aid for Ukraine``, ``arrest warrants for X``);
- ``purpose``      the object of the act a to-infinitive of the trigger names (``sent rescue teams to
                   help Serbia``, ``voted to expel American troops``, ``refused to hand over power to X``);
- ``condition``    for promises and threats, the subject of their condition (``would close the
                   strait if Washington tried``);
- ``prior``        a reaction coordinated after a clause with another doer reacts to that doer
                   (``Ukraine banned Russian airlines, and Moscow vowed to retaliate``);
- ``clause``       (a source) a meeting, visit or fight named in an adverbial phrase of a clause
                   is its subject's (``told Serbian leaders during a visit to Belgrade``);
- ``summary``      a reaction in a relative clause on a noun summing up a clause is to that
                   clause's doer (``A declared a ceasefire, a gesture B called insufficient``);
- ``victims``      for a strike, raid or bombing named by a noun (a word of force of ``discourse.yaml``,
                   not "clashes"), whom it killed, wounded or hit (``an airstrike that killed 46
                   civilians``, ``civilians were killed by a US-led airstrike``, ``the bombing wounded two soldiers``);
- ``backed``       force backing another party's act: whom that act is aimed at (``allies.py``);
- ``place``        for force, coercion and visits, the named place the act was done at or to, or
                   the place of the site it hit (``seized the administration building in Donetsk``,
                   ``arrived in Niamey``): its country, as the convention codes a capital or a town
                   as the target of force.

Every step returns actors other than the event's sources (a reaction is never to oneself).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..actors.cues import load_cues
from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_set
from . import syntax as sx
from .allies import ALLY_ROOTS, backed_objects
from .index import ActorIndex, resolve
from .matcher import Match
from .pronoun_objects import participle_object

if TYPE_CHECKING:
    from spacy.tokens import Token


RESPONSE_VERBS = word_set("events", "response_verbs")  # reject, accept, answer ... (data/words/events.yaml)
PLACE_PREPS = word_set("events", "place_target_preps")  # in, at, near ...
SAY_FIND_VERBS = word_set("events", "say_find_verbs")  # said, found, concluded, ruled ...
COMP_SUBJ_ROOTS = cameo_policy().comp_subject_roots  # comments, accusations, findings (data/policy.yaml)
PRIOR_ROOTS = cameo_policy().prior_clause_roots  # reactions: criticism, rejection, threats
PLACE_ROOTS = cameo_policy().place_target_roots  # force posture, coercion, assault, fighting
PLACE_CODES = cameo_policy().place_target_codes  # a visit: the place visited
CAPTIVE_CODES = cameo_policy().captive_codes  # arrests, abductions: a person held, not a place
ANY_SECTOR_ROOTS = cameo_policy().domestic_any_sector_roots  # arrests, accusations: officials too
CLAUSE_SUBJECT_ROOTS = cameo_policy().clause_subject_roots  # meetings, visits, cooperation, fights
ADVERBIAL_PREPS = word_set("events", "adverbial_event_preps")  # during, after, for, in ...
DURING_PREPS = word_set("events", "during_event_preps")  # during, in, at: the clause's act is part of the event
JOURNEY_PREPS = word_set("events", "journey_preps")  # "on a trip to Tokyo, X said": only before a journey noun
JOURNEY_NOUNS = word_set("events", "journey_nouns")  # visit, trip, tour ...
VICTIM_ROOTS = cameo_policy().victim_roots  # force: a strike's victims
ADVERSARY_PREPS = word_set("events", "adversary_preps")  # against
HARM_VERBS = word_set("events", "harm_verbs")  # kill, wound, hit, destroy ...
RELATIVE_SUBJECTS = frozenset({"that", "which"})  # "an airstrike that killed"
CAUSE_PREPS = frozenset({"by", "in", "during"})  # "killed by an airstrike", "wounded in a bombing"
BENEFICIARY_ROOTS = cameo_policy().beneficiary_roots  # intentions, aid, cooperation, cuts, coercion
CONDITION_ROOTS = cameo_policy().condition_roots  # promises and threats
REACTION_ROOTS = cameo_policy().reaction_roots  # comments, appeals, praise, demands, criticism, threats, pressure
AUTHOR_ROOTS = cameo_policy().author_roots  # criticism, rejection: of a thing, at whom it is by
OWN_FORCE_SECTORS = word_set("events", "own_force_sectors")  # MIL: a state's forces are its instrument
NAMING_PREPS = word_set("events", "naming_preps")  # "described X as a coup by Y"
LEADING_PARTICIPLES = word_set("events", "leading_participles")  # "a team led by X" is no work of X
DRAWING_VERBS = word_set("events", "drawing_verbs")  # drew, sparked, faced ...
IN_VAIN_PREPS = word_set("events", "in_vain_preps")  # despite
EMBEDDED_PREPS = word_set("events", "embedded_target_preps")  # to, with, for, against ...
CONDITION_MARKS = word_set("events", "condition_marks")  # if, unless
LOCATED_STEPS = frozenset({"dobj/owner"})  # steps that give only actors with a country (not "missiles")
OWNER_DEPS = ("poss", "amod", "compound", "nmod")  # "Russia's blockade", "Canadian canola"
RELATIVE_OBJECTS = frozenset({"whom", "which", "that", "who"})
NESTED_WITH_SKIP = word_set("events", "nested_with_skip")  # with, between, by: their own party


def fallback_targets(match: Match, cameo: str, index: ActorIndex,
                     sources: Sequence[ActorMention]) -> tuple[list[ActorMention], str | None]:
    """The target by the first kind of language that finds one, and that kind's name."""
    trig = match.trigger
    pos = sx.eff_pos(trig)
    steps: list[tuple[str, list[Token]]] = []
    if pos in ("verb", "adj"):
        steps.append(("relative", _relative_gap(trig)))
    if pos == "verb":
        preps = [s[5:] for s in match.rule.target if s.startswith("prep:") and s != "prep:of"]
        objs = [sx.object_head(d) for d in sx.children(trig, "dobj")]
        # "sent planes carrying food to Cuba": the phrase hung on a participle of the object too
        objs += [a for d in objs for a in sx.children(d, "acl") if a.tag_ in ("VBG", "VBN")]
        steps.append(("dobj/prep", [sx.object_head(o) for d in objs for o in sx.quantified_objects(d, preps)]))
        # "signed an accord on water rights with Y": a lexicon rule's with-party (not the learned model's
        # default slots on any verb: "raising the spectre of a standoff with Y" is no act with Y)
        if any(s.endswith("prep:with") for s in match.rule.target) and not match.rule.id.startswith("learned."):
            steps.append(("dobj/with", [sx.object_head(o) for d in objs for o in _nested_with(d)]))
    if pos == "noun":
        steps.append(("response", _responder(trig)))
    if pos == "noun" and cameo[:2] in REACTION_ROOTS and sources:
        steps.append(("reaction", _drawn_by(trig)))
    if pos == "verb" and "dobj" not in match.rule.target:  # "revoked the Colombian president's visa"
        steps.append(("dobj/owner", [c for d in sx.children(trig, "dobj") for c in sx.children(sx.object_head(d), *OWNER_DEPS)]))
    if pos == "verb" and cameo[:2] in AUTHOR_ROOTS:
        steps.append(("author", _authors(trig)))
    if pos == "noun" and cameo[:2] in CLAUSE_SUBJECT_ROOTS:
        steps.append(("clause", _clause_objects(trig)))
    if pos == "noun" and cameo[:2] in VICTIM_ROOTS and sx.lemma_in(trig, load_cues().force_words):
        steps.append(("victims", _victims(trig)))
    if pos == "noun" and cameo[:2] in ALLY_ROOTS:  # "X, backed by Russian airstrikes, drove Y out"
        steps.append(("backed", backed_objects(trig)))
    if cameo[:2] in BENEFICIARY_ROOTS:
        steps.append(("for", _beneficiaries(trig)))
    if pos == "verb":  # "expelled the envoy, accusing him of spying": the envoy (events/pronoun_objects.py)
        steps.append(("participle object", participle_object(trig, lambda t: any(m.actor.country for m in index.at(t)))))
    if pos in ("verb", "adj"):
        steps.append(("purpose", _embedded_objects(trig)))
    if cameo[:2] in CONDITION_ROOTS and pos in ("verb", "adj"):
        steps.append(("condition", _conditioned(trig)))
    if cameo[:2] in COMP_SUBJ_ROOTS and pos in ("verb", "adj"):
        steps.append(("comp:subj", _comp_subjects(trig)))
    if cameo[:2] in PRIOR_ROOTS and pos in ("verb", "adj"):
        steps.append(("prior", _prior_subjects(trig)))
    if cameo[:2] in PRIOR_ROOTS | COMP_SUBJ_ROOTS and pos in ("verb", "adj"):
        steps.append(("summary", _summarised_doer(trig)))
    for name, tokens in steps:
        found = [m for m in resolve(tokens, index) if m not in sources and not same_actor(m, sources)
                 and (m.actor.country or name not in LOCATED_STEPS)]
        if found:
            return found, name
    if (cameo[:2] in PLACE_ROOTS or cameo in PLACE_CODES) and (cameo[:3] not in CAPTIVE_CODES or sources):
        found = [m for m in _places(trig, index) if not same_actor(m, sources)]
        if found:
            return found[:1], "place"
    return [], None


def _nested_with(obj: Token, depth: int = 2) -> list[Token]:
    """The party of an agreement or talks named by a "with" phrase hung on a noun inside the act's
    object (``signed an accord on water rights with Ecuador``, ``rejected an offer of direct talks
    with Kosovo``): through prepositional phrases only, never into a clause."""
    if depth == 0:
        return []
    found: list[Token] = []
    for prep in sx.children(obj, "prep"):
        if prep.lower_ in NESTED_WITH_SKIP:
            continue
        for pobj in sx.children(prep, "pobj"):
            found += sx.prep_objects(pobj, ("with",)) or _nested_with(pobj, depth - 1)
    return found


def _adverbial_clause(trig: Token) -> Token | None:
    """The verb of the clause a nominal trigger is an adverbial phrase of (``told X during a visit``)."""
    if trig.dep_ != "pobj":
        return None
    prep = trig.head
    if prep.dep_ != "prep" or sx.eff_pos(prep.head) not in ("verb", "adj"):
        return None
    if prep.lower_ not in ADVERBIAL_PREPS and not _on_journey(prep, trig):
        return None
    return prep.head


def _on_journey(prep: Token, trig: Token) -> bool:
    """``On a trip to Tokyo, X said``, ``X, on his first tour of the region, met``: a journey the
    clause's subject is making (not ``commented on the visit``: a definite one is someone's named before)."""
    return prep.lower_ in JOURNEY_PREPS and sx.lemma_in(trig, JOURNEY_NOUNS) \
        and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in trig.children)


def _clause_objects(trig: Token) -> list[Token]:
    """``In a telephone conversation, the president told Putin that ...``, ``during a meeting, X
    assured Y``: the other party of a meeting named in an adverbial phrase is whom its clause's
    doer addresses (the doer is the source: ``fallback_sources``)."""
    verb = _adverbial_clause(trig)
    if verb is None or sx.is_passive(verb) or trig.head.lower_ not in DURING_PREPS \
            or sx.prep_objects(trig, ("by", "for")):  # "after mediation by X", "in exchange for X"
        return []
    inside = sx.subtree_ids(trig)
    objs = sx.children(verb, "dobj", "dative") + sx.prep_objects(verb, ("with", "to"))
    return [sx.object_head(o) for o in objs if o.i not in inside and o.pos_ != "ADP"]


def fallback_sources(match: Match, cameo: str, index: ActorIndex,
                     targets: Sequence[ActorMention]) -> tuple[list[ActorMention], str | None]:
    """``The chancellor told Serbian leaders during a visit to Belgrade``, ``flew to Moscow for
    talks with Putin``, ``seized the town after a firefight with federal troops``: a meeting, a
    visit or a fight named in an adverbial phrase of a clause is its subject's (``clause``)."""
    trig = match.trigger
    verb = _adverbial_clause(trig)
    if cameo[:2] not in CLAUSE_SUBJECT_ROOTS or sx.eff_pos(trig) != "noun" or verb is None:
        return [], None
    # the doer, never a passive subject ("soldiers were killed in fighting with M23": M23 fought)
    found = [m for m in resolve(sx.subject(verb), index)
             if m not in targets and not same_actor(m, targets)]
    return (found, "clause") if found else ([], None)


def same_actor(m: ActorMention, sources: Sequence[ActorMention]) -> bool:
    """The same actor as a source (``Moscow ... Russia``): no reaction to oneself."""
    return any(m.actor.country is not None and m.actor.country == s.actor.country
               and (m.actor.sector == s.actor.sector or m.basis == "gazetteer" or s.basis == "gazetteer")
               for s in sources)


def itself(m: ActorMention, sources: Sequence[ActorMention]) -> bool:
    """The very mention of a source, resolved to the same actor (``the minister rejected calls``,
    where the calls were made on the minister): no one is their own counterpart. Conjoined doers
    read from one phrase (``Chinese and Indian troops``) are different actors of one mention."""
    return any(m.start == s.start and m.end == s.end and m.actor.country == s.actor.country
               and m.actor.sector == s.actor.sector for s in sources)


def _responder(noun: Token) -> list[Token]:
    """``X rejected / turned down / welcomed Y's demand``: X; also ``responded to Y's call``."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return []
    if sx.eff_pos(head) != "verb":
        return []
    particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
    if not (sx.lemma_in(head, RESPONSE_VERBS) or (particle and f"{sx.lemma(head)} {particle}" in RESPONSE_VERBS)):
        return []  # "turned down", "brushed aside"
    return sx.subject(head) or sx.surface_subject(head)


def _drawn_by(noun: Token) -> list[Token]:
    """``X visited the shrine, drawing condemnation from Y``, ``X faced criticism from Y``, ``X went
    ahead despite warnings from Y``: a reaction that a clause's doer drew or defied is aimed at that
    doer; drawn by a noun summing up a clause (``..., a move that drew condemnation from Y``), at
    that clause's doer. Not through a passive (``the plan was approved despite objections``)."""
    head = noun.head
    if noun.dep_ == "dobj" and sx.lemma_in(head, DRAWING_VERBS):
        verb = head
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in IN_VAIN_PREPS \
            and head.head.dep_ not in ("advcl", "relcl", "acl"):  # "when Israel bombed a base, despite appeals"
        verb = head.head
    else:
        return []
    if sx.eff_pos(verb) not in ("verb", "adj") or sx.is_passive(verb):
        return []
    doers = sx.subject(verb)
    if verb.dep_ == "relcl":
        doers = doers + _summary_doer(verb.head)
    return doers


def _authors(trig: Token) -> list[Token]:
    """Whom the thing criticised or rejected is by: the object's or its predicate noun's ``by``
    phrase or the agent of a participle on it (``called the images a staged provocation by Kyiv``,
    ``described his removal as a coup by the elites``, ``rejected the rice offered by Seoul``; not
    a leader: ``blocked a team led by an American``); a thing a relative clause is on was done by the
    doer of the clause it is the object of (``began their exercises, which Pyongyang condemned``,
    ``signed a decree ..., a move Kyiv condemned``)."""
    things = [sx.object_head(d) for d in sx.children(trig, "dobj", "oprd")]
    things += [sx.object_head(o) for o in sx.prep_objects(trig, NAMING_PREPS)]
    out = [sx.object_head(o) for t in things for o in sx.prep_objects(t, ("by",))]
    out += [sx.object_head(o) for t in things for p in sx.children(t, "acl")
            if p.tag_ in ("VBN", "VBD") and not sx.lemma_in(p, LEADING_PARTICIPLES) for o in sx.agent(p)]
    for noun in _relative_gap(trig):
        if noun.dep_ in ("appos", "npadvmod"):
            out += _summary_doer(noun)
            continue
        verb, _ = sx.governing_verb(noun)
        if verb is not None and verb != trig and (noun.dep_ in ("dobj", "conj") or noun.dep_ == "pobj"
                                                  and noun.head.lower_ not in sx.BACKGROUND_PREPS):
            out += sx.subject(verb)  # not the time of a clause: "after years when X shunned ..."
    return out


def _comp_subjects(trig: Token) -> list[Token]:
    """The subject of what a speaker said, found or ruled had happened."""
    if not sx.lemma_in(trig, SAY_FIND_VERBS):
        return []
    out = []
    for comp in sx.children(trig, "ccomp"):
        out.extend(sx.children(comp, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS))
    return [t for t in out if t.lower_ not in ("it", "they", "he", "she", "we", "i", "this", "that")]


def _relative_gap(trig: Token) -> list[Token]:
    """``militants whom Nairobi blames``, ``17 nationals it accused of spying``, ``the mission, which
    they accused of bias``: in a relative clause with a subject of its own, the gapped object (or
    the relative pronoun that is it) is the antecedent."""
    if trig.dep_ != "relcl" or sx.is_passive(trig) or any(c.tag_ == "WRB" for c in trig.children):
        return []
    if trig.head.dep_ in ("appos", "npadvmod") or sx.children(trig, "ccomp"):
        return []  # "..., a move Moscow denounced" (``summary``); "photographs it said proved"
    subj = sx.children(trig, *sx.SUBJ_DEPS)
    if not subj or any(t.tag_ in ("WP", "WDT") or t.lower_ in RELATIVE_OBJECTS for t in subj) \
            or any(t.tag_ == "WP$" for s in subj for t in s.subtree):
        return []  # "who attacked", "whose militias fought": the antecedent is the doer or owns it
    objs = sx.children(trig, "dobj")
    if objs and not all(o.lower_ in RELATIVE_OBJECTS for o in objs):
        return []
    if any(p.dep_ == "prep" and any(o.lower_ in RELATIVE_OBJECTS for o in p.children) for p in trig.children):
        return []  # "the country with which it signed": a prepositional relative
    return [trig.head]


def _victims(trig: Token) -> list[Token]:
    """Whom a strike named by a noun harmed (``HARM_VERBS``): the object of the verb it is the subject
    of (``the bombing killed two soldiers``, ``an airstrike that killed 46 civilians``) or the
    passive subject or object of the verb it is the means of (``46 civilians were killed by an
    airstrike``, ``Israel killed five militants in an airstrike``), also through a relative pronoun, a
    participle or a verb it is raised from (``a militant who was killed in``, ``the commander killed
    by a drone strike``, ``was reported to have been killed in airstrikes``)."""
    head = trig.head
    if trig.dep_ == "nsubj" and sx.lemma_in(head, HARM_VERBS):
        return sx.children(head, "dobj")
    if trig.dep_ == "pobj" and head.dep_ in ("agent", "prep") and head.lower_ in CAUSE_PREPS \
            and sx.lemma_in(head.head, HARM_VERBS):
        harm = head.head  # "a militant, who was killed in", "the commander killed by", "was reported to have been killed in"
        raised = sx.children(harm.head, *sx.PASSIVE_SUBJ_DEPS, *sx.SUBJ_DEPS) if harm.dep_ == "xcomp" else []
        return sx.direct_objects(harm) or raised
    return [d for v in sx.children(trig, "relcl") if sx.lemma_in(v, HARM_VERBS)
            and any(c.lower_ in RELATIVE_SUBJECTS for c in sx.children(v, "nsubj")) for d in sx.children(v, "dobj")]


def _beneficiaries(trig: Token) -> list[Token]:
    """Whom an act or its object is for: ``suspended visa services for Canadians``, ``pledged 20
    million euros in humanitarian aid for Ukraine``, ``an aid package for Gaza``."""
    heads = [trig] + [sx.object_head(d) for d in sx.children(trig, "dobj")]
    heads += [sx.object_head(o) for h in list(heads) for o in sx.prep_objects(h, ("in",))]
    return [sx.object_head(o) for h in heads for o in sx.prep_objects(h, ("for",))]


def _embedded_objects(trig: Token) -> list[Token]:
    """The object of the act a to-infinitive of the trigger names, when the trigger has none of its
    own: ``sent rescue teams to help Serbia`` (and ``to help Moldova cope``), ``voted to expel
    American troops``, ``refused to hand over power to Adama Barrow``."""
    out: list[Token] = []
    for verb in sx.children(trig, "xcomp", "advcl"):
        if sx.eff_pos(verb) != "verb" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            continue
        if sx.is_passive(verb):
            continue
        objs = [sx.object_head(d) for d in sx.children(verb, "dobj", "dative")]
        out.extend(objs)
        out.extend(sx.object_head(o) for h in [verb, *objs] for o in sx.prep_objects(h, EMBEDDED_PREPS))
        out.extend(s for c in sx.children(verb, "ccomp", "xcomp") for s in sx.children(c, "nsubj"))
    return out


def _conditioned(trig: Token) -> list[Token]:
    """The subject of the condition of a promise or threat, in the trigger's clause or in what it
    says would be done (``warned that it would close the strait if Washington tried``)."""
    heads = [trig] + sx.children(trig, "ccomp", "xcomp")
    heads += [c for h in heads[1:] for c in sx.children(h, "xcomp")]
    return [s for h in heads for c in sx.children(h, "advcl")
            if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            for s in sx.children(c, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)]


def _prior_subjects(trig: Token) -> list[Token]:
    """``A did X, and B condemned ...``: A, when the reaction has a doer of its own."""
    if trig.dep_ != "conj" or not sx.children(trig, *sx.SUBJ_DEPS) or trig.head.i > trig.i:
        return []
    head = trig.head
    if sx.eff_pos(head) != "verb":
        return []
    return sx.children(head, *sx.SUBJ_DEPS) or sx.agent(head)


def _summarised_doer(trig: Token) -> list[Token]:
    """``A declared a ceasefire, a gesture B called insufficient``, ``..., a move B denounced``:
    the reaction in a relative clause on a noun summing up a clause is to that clause's doer."""
    if trig.dep_ != "relcl" or sx.children(trig, "dobj") or not sx.children(trig, *sx.SUBJ_DEPS):
        return []
    return _summary_doer(trig.head)


def _summary_doer(noun: Token) -> list[Token]:
    """The doer of the clause a noun in apposition sums up (``A declared a ceasefire, a gesture ...``)."""
    cur = noun
    if cur.dep_ not in ("appos", "npadvmod"):
        return []
    for _ in range(6):
        cur = cur.head
        if sx.eff_pos(cur) == "verb":
            return sx.children(cur, *sx.SUBJ_DEPS) or sx.agent(cur)
        if cur.head == cur:
            break
    return []


def _places(trig: Token, index: ActorIndex) -> list[ActorMention]:
    """A named place the act was done at (``arrived in Niamey``), or the place of what it was done
    to (``shelled villages in the Neelum valley``): the place phrase of the trigger or of its
    object, never of a clause inside it."""
    objs = [sx.object_head(o) for o in sx.direct_objects(trig)]
    out = [m for o in objs if o.dep_ not in ("compound", "amod", "nmod")
           for m in index.place_at(o)]  # "retook Mekelle": a town no actor names
    for head in [trig, *objs]:
        for obj in sx.prep_objects(head, PLACE_PREPS):
            for m in index.at(obj) or index.place_at(obj):
                if m.basis in ("gazetteer", "place") and m.actor.country and m.actor.country != "IGO" and m not in out:
                    out.append(m)
    return out

