"""What a statement says: a learned classifier of reported speech's content (issue 10).

A plain statement (010) or an intent (030) told with a verb of saying would be recoded by what its
reported clause does, when a linear model of that clause is sure of another speech act: "said X was
the biggest threat" is a criticism (11), "told X to take back its fighters" an appeal or demand
(02, 10), "said it would push the fighters out" a threat (13), "said it would not accept" a
rejection (12), "said X had done a great job" praise (05).

The model (``data/models/speech.npz``, the sparse format of ``coder.npz``; trained by
``python -m training.speech``) reads the verb of saying (its lemma, auxiliaries, negation and the
parties it addresses) and its reported clauses (their head words, modals, negation, subjects and
objects, an imperative, the second person, their content words). Its classes are CAMEO codes of
speech acts (rare ones folded into their root) and ``other`` (the clause reports an act: no
recoding); a root's probability is the sum of its codes'. The threshold and the codes it may recode
are data (``data/lexicon/speech.yaml``), chosen on held-out writers. Shipped not applied
(``apply: false``): on real news it changed as many right codes as wrong ones (docs/model.md,
session 20), so it only notes its reading, which ``explain`` shows.

Disapproval is applied (session 27), gated by evaluative language (``valence.py``, VADER's sentiment
lexicon): a plain statement (010) whose content judges another party with a word VADER scores negative
("said Kyrgyzstan's reckless policy ...") or says that party did an act VADER scores negative is a
criticism (111) or an accusation (112) aimed at it; and the model's own disapproval (11 at
``gated_threshold``) recodes where the content holds such a word and names another party. Other roots
stay noted only.

A rule beside it (``announced_act``): a generic intent (030) told with a verb of saying whose
reported future clause is an act the lexicon codes takes that act's intent code when that is a
threat ("said it would liberate the town": 1382).

The party criticised, appealed to or threatened is looked for by the role finder's index among the
parties the verb of saying addresses and the clause's subject and objects, of a country other than
the speaker's.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING, Protocol

import yaml

from ..errors import DataFileError
from . import syntax as sx
from .index import ActorIndex
from .learned import LearnedModel, Prediction, read_model
from .lexicon import Lexicon
from .matcher import matches_for
from .valence import EvaluationPolicy, evaluation, negative_word, valence

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .roles import Roles

FILE = "data/lexicon/speech.yaml"
MODEL_FILE = "data/models/speech.npz"
MODEL = "speech"  # the model's name in its file
OTHER = "other"  # the clause reports an act, not a speech act: no recoding
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX"})
CLAUSE_UP = ("ccomp", "xcomp", "conj", "parataxis", "advcl")  # from a reported word up to its verb of saying
ADDRESSED = ("dobj", "dative", "oprd", "attr")  # "told X", "called X a threat"
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
FUTURE_AUX = frozenset({"would", "'d"})  # a reported future: "said it would" (with the lexicon's intended_aux)
IMPERATIVE_AUX = frozenset({"do", "don't", "dont"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourselves"})
IGNORED_CLASSES = frozenset({"statement_verb", "statement_verb_without_object", "person", "place"})
NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


class Event(Protocol):
    """What ``revise`` reads and sets of the coder's candidate event."""

    cameo: str
    roles: Roles
    notes: list[str]
    said: Token | None
    intended: str | None

    @property
    def trigger(self) -> Token: ...


@dataclass(frozen=True)
class Policy:
    apply: bool  # recode (else only note the model's reading: ``explain`` shows it)
    threshold: float  # a root's probability at least this recodes
    recoded: frozenset[str]  # the codes that may be recoded (010, 030)
    roots: frozenset[str]  # the roots it may recode to
    codes: dict[str, str]  # the code given for a root when the model's best code of it is its root's 0
    speech_verbs: frozenset[str]  # verbs of saying beyond the lexicon's statement verbs
    target_roots: frozenset[str]  # roots whose target is the party the content names
    act_roots: frozenset[str]  # roots (intents, threats) whose reported clause must tell an act
    intent: str  # the generic intent a statement announcing an act is coded (030)
    intended_roots: frozenset[str]  # roots of an announced act's intent code that replace it (13: threats)
    evaluation: Evaluating


@dataclass(frozen=True)
class Evaluating:
    """The evaluation gate (``valence.py``): a plain statement judging another party is disapproval."""

    apply: bool
    recoded: frozenset[str]  # the codes it may recode (010)
    model_floor: float  # the content model's probability of 11 at least this (0: the evaluation alone)
    gated_threshold: float  # the model's 11 at least this recodes where the content holds a negative word
    verdict_code: str  # 111
    charge_code: str  # 112
    words: EvaluationPolicy


def _evaluating(data: dict) -> Evaluating:
    words = EvaluationPolicy(float(data["valence_at_most"]), frozenset(map(str, data["predicate_deps"])),
                             frozenset(map(str, data["not_evaluative"])), bool(data["charge_verbs"]),
                             frozenset(map(str, data["classifying"])))
    return Evaluating(bool(data["apply"]), frozenset(map(str, data["recoded"])), float(data["model_floor"]),
                      float(data["gated_threshold"]),
                      str(data["verdict_code"]), str(data["charge_code"]), words)


@lru_cache(maxsize=1)
def policy() -> Policy:
    path = importlib_resources.files("detente").joinpath(FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        return Policy(bool(data["apply"]), float(data["threshold"]), frozenset(map(str, data["recoded"])),
                      frozenset(map(str, data["roots"])), {str(k): str(v) for k, v in data["codes"].items()},
                      frozenset(map(str, data["speech_verbs"])), frozenset(map(str, data["target_roots"])),
                      frozenset(map(str, data["act_roots"])), str(data["intent"]),
                      frozenset(map(str, data["intended_roots"])), _evaluating(data["evaluation"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(FILE, f"missing or bad entry {exc}") from exc


@lru_cache(maxsize=1)
def load_speech_model() -> LearnedModel | None:
    """The packaged content model, or None when the package has none."""
    source = importlib_resources.files("detente").joinpath(MODEL_FILE)
    if not source.is_file():
        return None
    return read_model(source, names=(MODEL,), label=MODEL_FILE)


def speech_verb(trig: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of saying of an event: its trigger, or the verb of saying whose reported clause
    holds it ("said it would push out": 'push' -> 'said'), up to three clauses up."""
    tok = trig
    for _ in range(4):
        if sx.lemma(tok) in verbs and tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in CLAUSE_UP or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def reported(verb: Token, trig: Token | None = None) -> list[Token]:
    """The clauses a verb of saying reports: its complements, or the clause it is set in
    ("X, he said, was ..."), or, for a quoted sentence, the trigger's clause."""
    clauses = sx.children(verb, "ccomp", "xcomp")
    if not clauses and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        clauses = [verb.head]
    if not clauses and trig is not None and trig.i != verb.i:
        clauses = [trig]
    return clauses


def _word(t: Token) -> str:
    """A word's lemma, a name's entity type: the model reads what is said, not of whom (trained on a
    few thousand statements, it learnt the names of the parties accused in them)."""
    if t.ent_type_ in NAME_ENTS or t.pos_ == "PROPN":
        return f"<{t.ent_type_ or 'PROPN'}>"
    return sx.lemma(t)


def _word_classes(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Each word's classes in the lexicon (``criticism``, ``misdeed_verb``, ``threat_noun`` ...),
    made once per lexicon."""
    found: dict[str, tuple[str, ...]] = lexicon.derived_once("speech.word_classes", _build_word_classes)
    return found


def _build_word_classes(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for name, words in lexicon.classes.items():
        if name not in IGNORED_CLASSES:
            for w in words:
                out.setdefault(w, []).append(name)
    return {w: tuple(sorted(names)) for w, names in out.items()}


def _lexical(t: Token, lexicon: Lexicon) -> list[str]:
    """What the lexicon knows of a word: its classes and the CAMEO roots of its rules ("attack":
    18, 19; "condemn": 11), so that the model reads words it was not trained on."""
    lem = sx.lemma(t)
    out = [f"cls={name}" for name in _word_classes(lexicon).get(lem, ())]
    out += [f"lr={root}" for root in sorted({r.cameo[:2] for r in lexicon.rules_for(lem)})]
    return out


def content_features(verb: Token, clauses: Sequence[Token], trig: Token | None = None,
                     lexicon: Lexicon | None = None) -> list[str]:
    """The features of a verb of saying and its reported clauses (training and coding alike);
    ``lexicon``: also what it knows of their words (``_lexical``)."""
    f = [f"sv={sx.lemma(verb)}"]
    for c in verb.children:
        dep = c.dep_
        if dep in ("aux", "neg"):
            f.append(f"sv{dep}={c.lower_}")
        elif dep in ADDRESSED:
            f += [f"svo={dep}:{_word(c)}", f"svo={dep}"] + ([f"svoe={c.ent_type_}"] if c.ent_type_ else [])
        elif dep == "prep":
            f += [f"svp={c.lower_}:{_word(o)}" for o in c.children if o.dep_ == "pobj"]
    if trig is not None and trig.i != verb.i:
        f.append(f"tr={sx.lemma(trig)}")
    if not clauses:
        f.append("noclause")
    seen: set[int] = set()
    for cl in clauses:
        f += _clause_features(cl)
        if lexicon is not None:
            f += [f"h{x}" for x in _lexical(cl, lexicon)]
        for t in cl.subtree:
            if t.i in seen or t.i == verb.i:
                continue
            seen.add(t.i)
            low = t.lower_
            if t.pos_ in CONTENT_POS:
                f.append(f"w={_word(t)}")
                if lexicon is not None and t.pos_ != "PROPN":
                    f.extend(_lexical(t, lexicon))
            if low in SECOND_PERSON:
                f.append("you")
            if t.dep_ == "neg":
                f.append("neg")
    return f


def _clause_features(cl: Token) -> list[str]:
    lem = sx.lemma(cl)
    f = [f"c={lem}", f"ct={cl.tag_}", f"cd={cl.dep_}"]
    subjects = [c for c in cl.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    for c in cl.children:
        dep, cl_lem = c.dep_, _word(c)
        if dep in ("aux", "auxpass", "neg", "mark"):
            f += [f"c{dep}={c.lower_}", f"c{dep}={c.lower_}>{lem}"]
        elif dep in ("nsubj", "nsubjpass", "expl"):
            who = c.lower_ if c.lower_ in PRONOUNS else (c.ent_type_ or "noun")
            f += [f"cs={who}", f"cs={who}>{lem}", f"csl={cl_lem}"]
        elif dep in ("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp"):
            f += [f"co={dep}:{cl_lem}", f"co={lem}>{cl_lem}"]
            if dep in ("xcomp", "ccomp"):
                f.append(f"cx={cl_lem}")
        elif dep == "prep":
            f += [f"cp={c.lower_}:{_word(o)}" for o in c.children if o.dep_ == "pobj"] + [f"cp={lem}>{c.lower_}"]
    if not subjects and cl.tag_ == "VB" and not any(c.dep_ == "mark" or c.dep_ == "aux" and c.lower_ not in IMPERATIVE_AUX
                                                    for c in cl.children):  # "stop", "do not stop"
        f.append("imperative")
    return f


def predict(model: LearnedModel, feats: list[str]) -> Prediction | None:
    return model.run(MODEL, model.known(feats))


def root_probs(pred: Prediction) -> dict[str, float]:
    """Each root's probability: the sum of its codes' (``other`` kept apart)."""
    out: dict[str, float] = {}
    for label, p in pred.probs.items():
        key = OTHER if label == OTHER else label[:2]
        out[key] = out.get(key, 0.0) + p
    return out


def decide(pred: Prediction, current: str, pol: Policy) -> tuple[str, str, float] | None:
    """(new code, root, probability) when the model is sure of another speech-act root, else None."""
    roots = root_probs(pred)
    root, prob = max(roots.items(), key=lambda kv: kv[1])
    if root == OTHER or root == current[:2] or root not in pol.roots or prob < pol.threshold:
        return None
    code = max((c for c in pred.classes if c[:2] == root), key=pred.prob_of)
    return pol.codes.get(code, code), root, prob


def revise(cand: Event, index: ActorIndex, lexicon: Lexicon) -> None:
    """Recode a plain statement or an intent told with a verb of saying by what its content says,
    when the content model is sure (``decide``); noted on the candidate with its score."""
    pol = policy()
    if cand.cameo not in pol.recoded | pol.evaluation.recoded:
        return
    model = load_speech_model()
    if model is None:
        return
    verbs = lexicon.words("statement_verb") | pol.speech_verbs
    verb = cand.said if cand.said is not None else speech_verb(cand.trigger, verbs)
    if verb is None:
        return
    clauses = [cand.trigger] if cand.said is not None and cand.trigger.sent != verb.sent else reported(verb, cand.trigger)
    pred = predict(model, content_features(verb, clauses, cand.trigger, lexicon))
    if pred is None:
        return
    roots = root_probs(pred)
    if _disapproves(cand, verb, clauses, roots.get("11", 0.0), pol.evaluation, index, lexicon) or \
            _gated(cand, verb, clauses, pred, pol, index, lexicon) or cand.cameo not in pol.recoded:
        return
    found = decide(pred, cand.cameo, pol)
    best = max(roots.items(), key=lambda kv: kv[1])
    if found is None:
        cand.notes.append(f"speech content: {best[0]} (p={best[1]:.2f}), kept {cand.cameo}")
        return
    code, root, prob = found
    if root in pol.act_roots and not any(_acts(cl) for cl in clauses):
        cand.notes.append(f"speech content: {root} (p={prob:.2f}), but its clause names no act of anyone's: kept {cand.cameo}")
        return
    if not pol.apply:
        cand.notes.append(f"speech content of '{verb.text}': {root} (p={prob:.2f}), would recode {cand.cameo} -> {code}; "
                          "not applied (data/lexicon/speech.yaml)")
        return
    cand.notes.append(f"speech content of '{verb.text}': {cand.cameo} -> {code} (root {root}, p={prob:.2f})")
    cand.cameo = code
    if root in pol.target_roots:
        _aim(cand, verb, clauses, index)


def _disapproves(cand: Event, verb: Token, clauses: Sequence[Token], p11: float, ev: Evaluating,
                 index: ActorIndex, lexicon: Lexicon) -> bool:
    """A plain statement whose content judges or charges another party (``valence.evaluation``), when
    the model's probability of disapproval is at least ``model_floor``: a criticism (111) or an
    accusation (112), aimed at that party (or at the one addressed, for "you")."""
    if not ev.apply or cand.cameo not in ev.recoded or p11 < ev.model_floor:
        return False
    own = {m.actor.country for m in cand.roles.sources if m.actor is not None and m.actor.country}
    found = evaluation(clauses, verb, own, index, lexicon, ev.words)
    if found is None:
        return False
    target = found.target
    if target is None:  # "you": the party addressed ("told X"), else no one in particular
        addressed = [m for c in verb.children if c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "to"
                     for t in c.subtree for m in index.at(t)
                     if m.actor is not None and m.actor.country and m.actor.country not in own]
        if not addressed:
            return False
        target = addressed[0]
    code = ev.verdict_code if found.kind == "verdict" else ev.charge_code
    cand.notes.append(f"speech content of '{verb.text}': {found.kind} '{found.word}' on '{target.text}' "
                      f"(valence {found.valence:+.1f}; model p(11)={p11:.2f}): {cand.cameo} -> {code}")
    cand.cameo = code
    if target not in cand.roles.targets and target not in cand.roles.sources:
        cand.roles = dataclasses.replace(cand.roles, targets=(target,), target_slot=f"{found.kind} on")
    return True


def _gated(cand: Event, verb: Token, clauses: Sequence[Token], pred: Prediction, pol: Policy, index: ActorIndex,
           lexicon: Lexicon) -> bool:
    """The content model sure of disapproval (11 at ``gated_threshold``), the content holding a word
    that judges (``valence.negative_word``) and naming another party, which becomes the target."""
    ev = pol.evaluation
    roots = root_probs(pred)
    if not ev.apply or cand.cameo not in ev.recoded or roots.get("11", 0.0) < ev.gated_threshold:
        return False
    word = negative_word(clauses, verb, lexicon, ev.words)
    if word is None:
        return False
    before = cand.roles
    _aim(cand, verb, clauses, index)
    if cand.roles is before and not cand.roles.targets:
        return False
    code = max((c for c in pred.classes if c[:2] == "11"), key=pred.prob_of)
    code = pol.codes.get(code, code)
    cand.notes.append(f"speech content of '{verb.text}': 11 (p={roots['11']:.2f}) and '{word.text}' "
                      f"(valence {valence(word) or 0.0:+.1f}): {cand.cameo} -> {code}")
    cand.cameo = code
    return True


def announced_act(cand: Event, lexicon: Lexicon) -> None:
    """A generic intent (030) told with a verb of saying whose reported clause is an act the lexicon
    codes is the intent of that act by the lexicon's intent table (``data/lexicon/derive.yaml``),
    which makes an announced use of force, sanctions or coercion a threat (13x): "said it would
    liberate the town" (192) is a threat of force (1382), whoever found the act, when the derived
    code's root is one of ``intended_roots``: only a verb of saying's clause that tells the future
    ("will", "would"); a negated one is a refusal, not this."""
    pol = policy()
    if cand.cameo != pol.intent or cand.intended is not None or \
            not sx.lemma_in(cand.trigger, lexicon.words("statement_verb") | pol.speech_verbs):
        return
    future = lexicon.modality.get("intended_aux", frozenset()) | FUTURE_AUX
    for clause in sx.children(cand.trigger, "ccomp"):
        if sx.eff_pos(clause) != "verb" or sx.children(clause, "neg") or \
                not {a.lower_ for a in sx.children(clause, "aux")} & future:
            continue  # "said it would not ...": a refusal; "agreed that a blow had been struck": no announcement
        for match in matches_for(clause, lexicon)[0]:
            code = lexicon.derived_code("intent", match.rule.cameo)
            if code is not None and code[:2] in pol.intended_roots:
                cand.notes.append(f"announces '{clause.text}' ({match.rule.cameo}): {cand.cameo} -> {code}")
                cand.intended, cand.cameo = match.rule.cameo, code
                return


def _acts(clause: Token) -> bool:
    """A reported clause that tells an act: its head is a verb other than a copula ("would push them
    out", not "would be unacceptable", "would be a mistake")."""
    return clause.pos_ == "VERB" and sx.lemma(clause) not in sx.COPULAS


def _aim(cand: Event, verb: Token, clauses: Sequence[Token], index: ActorIndex) -> None:
    """The party the content names (the one addressed, then the clause's subject, then its objects),
    of a country other than the speaker's, as the target."""
    own = {m.actor.country for m in cand.roles.sources if m.actor is not None and m.actor.country}
    words = [c for c in verb.children if c.dep_ in ADDRESSED]
    for cl in clauses:
        words += [c for c in cl.children if c.dep_ in ("nsubj", "nsubjpass")]
        words += sx.direct_objects(cl) + sx.prep_objects(cl, ("against", "on", "to", "of", "from"))
    words = [t for w in words for t in (w, *sx.children(w, "compound", "amod", "poss"))]
    found = [m for t in words for m in index.at(t)
             if m.actor is not None and m.actor.country and m.actor.country not in own]
    if found and found[0] not in cand.roles.targets:
        cand.roles = dataclasses.replace(cand.roles, targets=(found[0],), target_slot="speech content")
        cand.notes.append(f"speech content names '{found[0].text}': the target")
