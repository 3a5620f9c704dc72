"""What an event's own clause says decides what kind of event it is, whoever found it (a rule or the
learned model): CAMEO codes a speech act by what it does and a visit by where someone went.

- A claim (``claim``, or a speech verb the learned model codes 015) is a claim of responsibility (015)
  only when its object names what is claimed ("claimed the attack", "claimed to have shot it down"),
  or an admission what the speaker did ("acknowledged it had failed"); "claimed that the group had
  been persecuted" is a statement (010).
- A statement that its side is resolved on force ("said its forces were determined to cross the river
  into X", "ready to launch an operation", "would take the town") is a threat of force (138), aimed at
  the party the act would strike.
- A warning (``warn``, ``caution``) coded as a threat (13) stays one when what it warns of is the
  speaker's own act or a penalty it sets: a clause whose subject is the speaker's side or a pronoun,
  a passive ("protesters would be prosecuted"), a condition ("if", "unless"), a penalty ("would pay
  a price"), forces, police or weapons ("missiles will be coming"), or any party of the speaker's country in
  it. A warning that others or events will bring harm ("warned that millions face freezing
  conditions", "warned of a humanitarian catastrophe") is a pessimistic comment (012).
- A travel verb coded as a visit (042, 043) visits a place or a party: with an abstract destination
  ("went further in his criticism", "came to an agreement") or a private traveller as its only doer
  it is no event.
- A statement that passes a verdict on a party or charges it ("said the YPG was a terrorist group",
  "said the attack was staged by X") is a criticism (111) or an accusation (112) aimed at that party
  (``verdicts.py``).
- What an act is by what it is done to (forces sent, people captured, a resignation in protest):
  ``acts.retype``.

The words and codes are data (``data/lexicon/content.yaml``), read by ``content_data``.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import syntax as sx
from . import foretold, praised, rebuttals, threats, verdicts
from .content_data import Codes, Event, codes, countries
from .index import ActorIndex
from .lexicon import Lexicon
from .matcher import trigger_lemmas
from .statements import QUOTED_RULE
from .valence import first_person

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention

SPEAKER_POSSESSIVES = frozenset({"his", "her", "its", "their"})  # "his country", "its government"


def revise(cand: Event, index: ActorIndex, lexicon: Lexicon) -> None:
    """Recode (or drop) an event by what its clause says; noted on the candidate."""
    c = codes()
    trig = cand.trigger
    if cand.cameo == c.responsibility:
        if sx.lemma_in(trig, lexicon.words("claim_verb")) and not _claims_an_act(cand, index, lexicon):
            cand.notes.append(f"a claim of nothing named: {cand.cameo} -> {c.statement}")
            cand.cameo = c.statement
            _judges(cand, index, lexicon, c)
    elif cand.cameo[:2] == c.threat_root and sx.lemma_in(trig, lexicon.words("warning_verb")):
        why = _harm_foretold(cand, index, lexicon)
        if why:
            cand.notes.append(f"warns {why}, no act of the speaker's: {cand.cameo} -> {c.pessimistic}")
            cand.cameo = c.pessimistic
    elif cand.cameo[:2] in c.statement_roots and (_says(trig, lexicon) or sx.lemma_in(trig, lexicon.words("claim_verb"))):
        if not _announces(cand, index, lexicon, c):
            _judges(cand, index, lexicon, c)
    elif cand.cameo in c.judging_codes and cand.match.rule.id == QUOTED_RULE:
        # a quoted sentence is itself what its speaker says: "We will send troops.", "That is a blatant lie."
        if not (_announces(cand, index, lexicon, c, quoted=True) or _demands(cand, index, lexicon, c)):
            _judges(cand, index, lexicon, c, quoted=True)
    elif cand.cameo[:2] == c.intent[:2] and sx.lemma_in(trig, lexicon.words("resolve_word")):
        acts = [v for v in sx.children(trig, "xcomp") if sx.eff_pos(v) == "verb"]
        if acts and _takes_up_force(acts, lexicon):  # "ready to launch an operation", "vowed to take the town"
            cand.notes.append(f"resolved on force '{acts[0].text}': {cand.cameo} -> {c.force_threat}")
            cand.cameo = c.force_threat
            _aim_threat(cand, acts, index)
    elif cand.cameo in c.visits and sx.lemma_in(trig, lexicon.words("travel_verb")):
        why = _no_visit(cand, lexicon, c)
        if why:
            cand.dropped = f"no visit: {why}"


def announced_twice(cands: Sequence[Event], lexicon: Lexicon) -> None:
    """A statement whose clause holds an announcement coded on its own (an intent or threat by the
    speech-act convention: "said it would send troops" is the intent to send them) is dropped."""
    c = codes()
    live = [e for e in cands if e.dropped is None]
    for cand in live:
        if cand.cameo[:2] not in c.announcing_roots or not _says(cand.trigger, lexicon):
            continue
        inside = {t.i for cl in sx.children(cand.trigger, "ccomp") for t in cl.subtree}
        coded = [e for e in live if e is not cand and e.trigger.i in inside and e.cameo[:2] in c.announcement_roots
                 and e.modality.modality == "asserted"]
        if coded:
            cand.dropped = f"announces '{coded[0].trigger.text}' ({coded[0].cameo}), coded on its own"


def _announces(cand: Event, index: ActorIndex, lexicon: Lexicon, c: Codes, quoted: bool = False) -> bool:
    """Recode a statement that announces its speaker's act (``_announced``) as that intent, refusal
    or threat; whether it did."""
    found = _announced(cand, index, lexicon, c, quoted)
    if found is None:
        return False
    where = " in a quotation" if quoted else ""
    cand.notes.append(f"announces '{found[1].text}'{where}: {cand.cameo} -> {found[0]}")
    cand.cameo = found[0]
    if found[0] == c.force_threat:
        _aim_threat(cand, [found[1], *sx.children(found[1], "xcomp")], index)
    elif found[0] == c.threat and found[2] is not None and found[2] not in cand.roles.sources:
        cand.roles = dataclasses.replace(cand.roles, targets=(found[2],), target_slot="threatened")
    return True


def _demands(cand: Event, index: ActorIndex, lexicon: Lexicon, c: Codes) -> bool:
    """Recode a quoted statement whose sentence says what a party other than the speaker's side must
    or should do ("The Kyrgyz government must stop the shelling.") as the rule that codes "said X
    must do" (``quoted_demand_rule``) codes it when told with its verb of saying: its modals, its
    verbs and its code, aimed at the sentence's subject when that names a party; whether it did. Not
    "must have done" (a conclusion), a question, or the speaker's own duty ("We must ...")."""
    rule = next((r for r in lexicon.rules if r.id == c.quoted_demand_rule), None)
    clause = cand.trigger
    auxes = {a.lower_ for a in sx.children(clause, "aux")}
    if rule is None or not auxes & set(rule.comp_aux) or auxes & {"have", "'ve"} or _asks(clause) \
            or not any(k in rule.comp for k in trigger_lemmas(clause)):
        return False
    subjects = sx.children(clause, *sx.SUBJ_DEPS)
    own = countries(cand.roles.sources)
    if not subjects or any(_is_speaker(s, None, own, index, lexicon) for s in subjects):
        return False
    cand.notes.append(f"demands '{clause.text}' in a quotation ({rule.id}): {cand.cameo} -> {rule.cameo}")
    cand.cameo = rule.cameo
    words = [t for s in subjects for t in (s, *sx.children(s, "compound", "amod", "poss"))]
    found = [m for t in words for m in index.at(t) if m.actor is not None and m.actor.country]
    if found and found[0] not in cand.roles.sources:
        cand.roles = dataclasses.replace(cand.roles, targets=(found[0],), target_slot="demanded of")
    return True


def _judges(cand: Event, index: ActorIndex, lexicon: Lexicon, c: Codes, quoted: bool = False) -> None:
    """A statement that passes a verdict on a party or charges it (``verdicts.py``) is a criticism
    or an accusation, aimed at that party; ``quoted``: a quoted sentence, whose own clause is what it says."""
    if cand.cameo not in c.judging_codes:
        return
    clauses = [cand.trigger] if quoted else verdicts.reported_clauses(cand.trigger, lexicon)
    rebuttal = rebuttals.rebutted(clauses, countries(cand.roles.sources), index, lexicon)
    if rebuttal is not None:  # "said the accusations were baseless": a denial, not a criticism
        cand.notes.append(f"rebuts a claim '{rebuttal.word}': {cand.cameo} -> {c.denial}")
        cand.cameo = c.denial
        if rebuttal.target is not None and rebuttal.target not in cand.roles.sources:
            cand.roles = dataclasses.replace(cand.roles, targets=(rebuttal.target,), target_slot="rebutted")
        return
    judge = verdicts.judged_quote if quoted else verdicts.judged
    found = judge(cand.trigger, countries(cand.roles.sources), index, lexicon)
    if found is None:
        _praises(cand, clauses, index, lexicon)
        return
    code = c.criticism if found.kind == "verdict" else c.accusation
    cand.notes.append(f"{found.kind} '{found.word}': {cand.cameo} -> {code}")
    cand.cameo = code
    if found.target is not None and found.target not in cand.roles.sources:
        cand.roles = dataclasses.replace(cand.roles, targets=(found.target,), target_slot=f"{found.kind} on")


def _praises(cand: Event, clauses: list[Token], index: ActorIndex, lexicon: Lexicon) -> None:
    """A statement that says of another party or its act that it is good (``praised.py``) is praise."""
    found = praised.praised(clauses, countries(cand.roles.sources), index, lexicon)
    if found is None:
        return
    code = praised.policy().code
    cand.notes.append(f"praise '{found[0]}': {cand.cameo} -> {code}")
    cand.cameo = code
    if found[1] not in cand.roles.sources:
        cand.roles = dataclasses.replace(cand.roles, targets=(found[1],), target_slot="praise of")


def _says(trig: Token, lexicon: Lexicon) -> bool:
    return sx.lemma_in(trig, lexicon.modality.get("say_verbs", frozenset()))


def _announced(cand: Event, index: ActorIndex, lexicon: Lexicon, c: Codes,
               quoted: bool = False) -> tuple[str, Token, ActorMention | None] | None:
    """``said it would send``: (the code of what the speaker's side announces, its verb), else None.
    ``quoted``: the trigger is a quoted sentence's own verb, its verb of saying outside the sentence
    ("We will send troops."): the clause is the sentence itself, its future told by "will" (a quoted
    "would" is a condition's), and only "we", "I" or a party of the speaker's side is the speaker."""
    own = countries(cand.roles.sources)
    said = None if quoted else cand.trigger
    if said is not None and threats.said_no(said, lexicon):
        return c.reject, said, None  # "has said no (to the plan)": the speaker's refusal
    clauses = [cand.trigger] if quoted else sx.children(cand.trigger, "ccomp")
    # "we did not invite them and we will not negotiate": a conjoined clause is read for a refusal only
    conjoined = [v for cl in clauses for v in threats.negated_conjuncts(cl)]
    for clause in [*clauses, *conjoined]:
        found = _announced_in(clause, said, own, index, lexicon, c, quoted)
        if found is not None and (clause not in conjoined or found[0] == c.reject):
            return found
    return None


def _announced_in(clause: Token, said: Token | None, own: set[str], index: ActorIndex, lexicon: Lexicon, c: Codes,
                  quoted: bool) -> tuple[str, Token, ActorMention | None] | None:
    """What one reported ``clause`` of ``_announced`` announces, else None."""
    future = lexicon.modality.get("intended_aux", frozenset())
    if threats.refused_ellipsis(clause, lexicon):  # "said it would not": the elided act refused
        subjects = sx.children(clause, *sx.SUBJ_DEPS)
        owner = said is not None and any(p.dep_ == "poss" and p.lower_ in ("its", "their")
                                         for s in sx.children(said, "nsubj") for p in s.children)
        if subjects and all(_is_speaker(s, said, own, index, lexicon) or (owner and s.lower_ in ("it", "they"))
                            for s in subjects):
            return c.reject, clause, None  # "Its foreign minister said it would not": the body it speaks for
        return None
    auxes = {a.lower_ for a in sx.children(clause, "aux")}
    resolved = _resolved_act(clause, lexicon)
    reserved = threats.reserved_act(clause, lexicon)  # "said Turkey reserved the right to respond"
    if quoted and _asks(clause):
        return None  # "Will the regime enter there?": a question announces nothing
    if reserved is not None:
        subjects = sx.children(clause, *sx.SUBJ_DEPS)
        if subjects and all(_is_speaker(s, said, own, index, lexicon) for s in subjects):
            return c.force_threat, reserved, None
        return None
    penalty = threats.penalty_set(clause, own, index, lexicon)  # "said the group would pay a heavy price"
    if penalty is not None:
        return c.threat, penalty[0], penalty[1]
    announced = auxes & (future if quoted else future | {"would", "'d"})
    going = threats.going_to(clause)  # "we are not going to allow": a refusal told by "going to"
    if going is not None and sx.children(clause, "neg"):
        announced = announced | {"will"}
    if threats.refuses_now(clause, lexicon):  # "said it did not recognise the court"
        subjects = sx.children(clause, *sx.SUBJ_DEPS)
        if subjects and all(_is_speaker(s, said, own, index, lexicon) for s in subjects):
            return c.reject, clause, None
        return None
    if not announced and resolved is None and not auxes & lexicon.modality["possible_aux"]:
        return None
    marks = lexicon.modality.get("hypothetical_marks", frozenset())
    # "said it would respond if ...": terms, a threat when the act is force, else no plain announcement
    terms = {m.lower_ for v in (clause, *sx.children(clause, "advcl")) for m in sx.children(v, "mark")} & marks
    if not announced and resolved is None and not terms:
        return None  # "said it could close its border": a possibility, unless on terms ("... if")
    if resolved is not None:  # "said its forces were determined to cross the river"
        subjects = sx.children(clause, *sx.SUBJ_DEPS)
        if not terms and subjects and all(_is_speaker(s, said, own, index, lexicon) for s in subjects) \
                and _takes_up_force([resolved], lexicon):
            return c.force_threat, resolved, None
        return None
    if not terms and threats.withheld_passive(clause, own, index, lexicon):
        return c.reject, clause, None  # "said the town would not be returned", "would not be bound by it"
    if sx.is_passive(clause) and _force_launched(clause, own, index, lexicon):
        return c.force_threat, clause, None  # "said an offensive would be launched (if ...)"
    act = going if going is not None and sx.children(clause, "neg") else clause
    if sx.lemma_in(act, lexicon.words("stative_verb")) or sx.eff_pos(act) != "verb" or sx.is_passive(act):
        return None  # "would be difficult", "would not be intimidated": no act announced
    subjects = sx.children(clause, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
    if not subjects or not all(_is_speaker(s, said, own, index, lexicon) for s in subjects):
        return None
    acts = [act, *sx.children(act, "xcomp")]  # "would continue to attack"
    if terms:
        if not sx.children(clause, "neg") and _takes_up_force(acts, lexicon):
            return c.force_threat, act, None  # "said it would retaliate if its border was crossed"
        if threats.withholds(clause, acts, terms, lexicon):
            return c.threat, act, None  # "said it would not resume lending unless ..."
        return None
    if sx.children(clause, "neg"):
        return c.reject, act, None
    if _takes_up_force(acts, lexicon):
        return c.force_threat, act, None
    return c.intent, act, None


def _force_launched(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> bool:
    """A passive clause announcing force with no doer named, or the speaker's side ("said an offensive
    would be launched", "a military operation would be launched if ..."): a verb that takes up force
    (``escalate_verb``) whose subject is an attack or a threat, not one of another country ("a Russian
    offensive") nor negated."""
    if sx.children(clause, "neg") or not sx.lemma_in(clause, lexicon.words("escalate_verb")):
        return False
    if any(a.lower_ == "by" for a in sx.children(clause, "agent", "prep")):
        return False
    subjects = sx.children(clause, *sx.PASSIVE_SUBJ_DEPS)
    threats = lexicon.words("attack_noun") | lexicon.words("threat_noun")
    if not subjects or not all(sx.lemma_in(s, threats) for s in subjects):
        return False
    words = [t for s in subjects for t in s.subtree]
    return not any(m.actor is not None and m.actor.country and m.actor.country not in own
                   for t in words for m in index.at(t))


def _asks(clause: Token) -> bool:
    """The clause's sentence is a question (its last mark, quotation marks aside, is "?")."""
    marks = [t for t in clause.sent if not (t.is_quote or t.is_space)]
    return bool(marks) and marks[-1].text == "?"


def _aim_threat(cand: Event, acts: Sequence[Token], index: ActorIndex) -> None:
    """A threat of force is aimed at the party the act would strike ("against the YPG", "attack
    Kyrgyzstan"), when the act names one of another country."""
    own = countries(cand.roles.sources)
    objects = [o for v in acts for o in sx.direct_objects(v) + sx.prep_objects(v, ("against", "on", "into"))]
    objects += [o for head in list(objects) for o in sx.prep_objects(head, ("against", "on"))]  # "an assault on X"
    words = [t for o in objects for t in (o, *sx.children(o, "compound", "amod", "poss"))]  # "the Syrian town"
    found = [m for t in words for m in index.at(t)
             if m.actor is not None and m.actor.country and m.actor.country not in own]
    if found:
        cand.roles = dataclasses.replace(cand.roles, targets=(found[0],), target_slot="threatened")


def _resolved_act(clause: Token, lexicon: Lexicon) -> Token | None:
    """"were determined to cross", "is ready to launch": the act a party is resolved on, else None."""
    if sx.lemma(clause) not in sx.COPULAS:
        return None
    for adj in sx.children(clause, "acomp"):
        if sx.lemma_in(adj, lexicon.words("resolve_word")):
            acts = [v for v in sx.children(adj, "xcomp") if sx.eff_pos(v) == "verb"]
            if acts:
                return acts[0]
    return None


def _takes_up_force(acts: Sequence[Token], lexicon: Lexicon) -> bool:
    """One of ``acts`` is force: a violent verb, one that takes up force ("would escalate military
    action", not "would stall its offensive"), or an advance into territory ("cross the river into
    Syria", "take the town"; not "take part")."""
    escalate = lexicon.words("escalate_verb")
    force = lexicon.words("violence_verb") - escalate  # "would use its powers" is no force
    threats = lexicon.words("attack_noun") | lexicon.words("threat_noun") | lexicon.words("military_hardware")
    if any(sx.lemma_in(v, force) for v in acts) or any(
            sx.lemma_in(v, escalate) and any(sx.lemma_in(o, threats) for o in sx.direct_objects(v)) for v in acts):
        return True
    land = lexicon.words("territory_noun")
    return any(sx.lemma_in(v, lexicon.words("advance_verb")) and not sx.prep_objects(v, ("to",)) and any(
        sx.lemma_in(sx.object_head(o), land) or o.ent_type_ in ("GPE", "LOC", "FAC")
        for o in sx.direct_objects(v) + sx.prep_objects(v, ("into", "across"))) for v in acts)


def _is_speaker(subj: Token, said: Token | None, own: set[str], index: ActorIndex, lexicon: Lexicon) -> bool:
    """The subject of a reported clause is the speaker or its side: "we", a pronoun that fits the
    speaker ("he" for a person, "it" for a state or a body, "they" for either in the plural), a party of the speaker's country ("Erdogan
    said Turkey would"), or forces of no other country ("the army said soldiers had acted"). With no
    verb of saying (``said`` None: a quoted sentence) a third-person pronoun is someone else."""
    low = subj.lower_
    if low in ("i", "we") or any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subj.children):
        return True  # "we", "our government"
    if said is None and subj.pos_ == "PRON":
        return False
    speakers = sx.children(said, "nsubj") if said is not None else []
    body = any(s.ent_type_ in ("GPE", "ORG", "NORP") or sx.lemma_in(s, lexicon.words("self_noun")) for s in speakers)
    if low in ("he", "she"):
        return bool(speakers) and not body
    if low == "it":  # not a plural common noun's ("the authorities say it is ignoring the letters": another body)
        return body and not all(s.tag_ == "NNS" for s in speakers)
    if low == "they":
        return body or any(s.tag_ in sx.PLURAL_TAGS for s in speakers)
    words = [subj, *(c for c in subj.children if c.dep_ in ("compound", "amod", "poss"))]  # "Kazakh troops"
    found = [m for w in words for m in index.at(w) if m.actor is not None and m.actor.country]
    if found:
        return bool(own) and any(m.actor.country in own for m in found)
    if said is not None and any(c.dep_ == "poss" and c.lower_ in SPEAKER_POSSESSIVES for c in subj.children) \
            and sx.lemma_in(subj, lexicon.words("self_noun") | lexicon.words("state_noun")):
        return True  # "Serbia's president said his country would never recognise"
    return sx.lemma_in(subj, lexicon.words("force") | lexicon.words("police") | lexicon.words("military_hardware"))


def _claims_an_act(cand: Event, index: ActorIndex, lexicon: Lexicon) -> bool:
    """The claim names an act ("claimed the attack", "claimed to have shot it down"), or tells what the
    speaker's side did ("said its forces had shot down a drone", "acknowledged it had failed")."""
    trig = cand.trigger
    wanted = lexicon.words("claimed_object")
    if sx.children(trig, "xcomp"):
        return True
    objs = sx.direct_objects(trig) + [sx.object_head(o) for o in sx.prep_objects(trig, ("for",))]
    if any(o.pos_ == "PRON" or sx.lemma_in(o, wanted) for o in objs):  # "claimed the attack", "claimed it"
        return True
    own = countries(cand.roles.sources)
    for clause in sx.children(trig, "ccomp"):
        subjects = sx.children(clause, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
        future = any(a.lower_ in lexicon.modality["future_aux"] for a in sx.children(clause, "aux"))
        if not future and any(sx.lemma_in(s, wanted) for s in subjects):
            return True  # "said the attack had been a mistake"
        if sx.eff_pos(clause) != "verb" or sx.lemma_in(clause, lexicon.words("stative_verb")) or sx.is_passive(clause):
            continue
        past = clause.tag_ in ("VBD", "VBN") or any(a.lower_ in ("has", "have", "had", "'d") for a in sx.children(clause, "aux"))
        if past and any(_is_speaker(s, trig, own, index, lexicon) for s in subjects):
            return True  # "the army said soldiers had acted in self-defence", "acknowledged it had failed"
    return False


def _harm_foretold(cand: Event, index: ActorIndex, lexicon: Lexicon) -> str | None:
    """What the warning warns of, when it is not the speaker's act: a description, else None."""
    trig = cand.trigger
    own = countries(cand.roles.sources)
    if sx.children(trig, "dobj", "dative", "xcomp"):
        return None  # "warned X that ...", "warned X not to attack": addressed to a party, who is to heed it
    clause = foretold.warned_clause(trig, lexicon.modality["future_aux"] | lexicon.modality["hypothetical_aux"])
    if clause is not None:
        if _speakers_act(clause, own, index, lexicon):
            return None
        return f"that '{clause.text}'"
    for obj in sx.prep_objects(trig, ("of", "about")):
        head = sx.object_head(obj)
        if sx.lemma_in(head, lexicon.words("threat_noun") | lexicon.words("attack_noun")):
            return None
        if _speakers_side_in(head, own, index, lexicon):
            return None
        return f"of '{head.text}'"
    return None


def _speakers_act(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> bool:
    """The warned-of clause announces something the speaker's side does or sets."""
    verbs = [clause, *(c for c in sx.children(clause, "conj") if sx.eff_pos(c) in ("verb", "adj"))]
    others = [v for v in verbs if foretold.done_by_other(v, own, index)]  # "could be used by X's navy"
    if any(sx.is_passive(v) for v in verbs if v not in others):
        return True  # "anyone caught would be prosecuted": the speaker is the one who acts
    conditions = lexicon.words("condition_word")
    if any(c.lower_ in conditions for v in verbs for c in v.children if c.dep_ in ("mark", "advmod"))\
            or any(c.dep_ == "advcl" and any(m.lower_ in conditions for m in c.children if m.dep_ == "mark")
                   for v in verbs for c in v.children):
        return True  # a warning with a condition sets terms: a threat
    subjects = [s for v in verbs for s in sx.children(v, *sx.SUBJ_DEPS)]
    if not subjects and not others:
        return True
    for s in subjects:
        if s.pos_ == "PRON" or sx.lemma_in(s, lexicon.words("threat_subject")):
            return True
        if sx.lemma_in(s, lexicon.words("force") | lexicon.words("police") | lexicon.words("military_hardware")):
            return True
        dets = {c.lower_ for c in s.children if c.dep_ in ("det", "poss")}
        if "any" in dets or (dets and sx.lemma_in(s, lexicon.words("self_noun"))):
            return True  # "any attack would be met", "the bloc would suspend"
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children):
            return True  # "its response would be swift"
    if any(sx.lemma_in(v, lexicon.words("penalty_verb")) for v in verbs):
        return True
    incur, fines = lexicon.words("incur_verb"), lexicon.words("penalty_object")
    if any(sx.lemma_in(v, incur) and any(sx.lemma_in(sx.object_head(o), fines) for o in sx.direct_objects(v))
           for v in verbs):
        return True
    if any(sx.lemma_in(t, lexicon.words("penalty_word")) for t in clause.subtree):
        return True
    return _speakers_side_in(clause, own, index, lexicon)


def _speakers_side_in(root: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> bool:
    """A first-person word or a party of the speaker's country under ``root``."""
    for tok in root.subtree:
        if first_person(tok):
            return True  # not "the US president"
        if own and any(m.actor is not None and m.actor.country in own for m in index.at(tok)):
            return True
    return False


def _no_visit(cand: Event, lexicon: Lexicon, c: Codes) -> str | None:
    trig = cand.trigger
    if any(a.lower_ in lexicon.words("far_adverb") for a in sx.children(trig, "advmod")):
        return f"'{trig.text}' further"
    abstract = lexicon.words("abstract_destination")
    for obj in sx.prep_objects(trig, ("to", "in", "into")):
        head = sx.object_head(obj)
        if sx.lemma_in(head, abstract):
            return f"'{trig.text} {obj.head.text} {head.text}' is no place"
    sources = [m for m in cand.roles.sources if m.actor is not None]
    if sources and all(m.actor.sector in c.private_sectors for m in sources):
        return "a private journey"
    return None

