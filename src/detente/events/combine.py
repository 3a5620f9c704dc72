"""The learned coder beside the rules: one coder interface, three ways to use it.

``rules``     the lexicon's trigger rules alone;
``learned``   the learned type model alone: every candidate token it types as an event becomes a
              candidate with the generic slots of its part of speech;
``ensemble``  the rules' candidates, vetoed or retyped where the model is confident, plus the
              model's confident events that no rule found.

Whatever the coder, roles come from the one role finder (``roles.find_roles``), and modality,
the speech-act convention and confidence from ``coder._finish``. The thresholds are data
(``data/lexicon/coder.yaml``), and every decision is noted on its candidate for ``explain``.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources

import numpy as np
import yaml
from spacy.tokens import Span, Token

from ..errors import DataFileError
from . import syntax as sx
from .features import doc_table, is_candidate, own_features, sentence_features, sentence_vector
from .learned import NONE, LearnedModel, Prediction
from .lexicon import DEFAULT_SLOTS, Rule
from .matcher import Match

CODERS = ("rules", "learned", "ensemble")
POLICY_FILE = "data/lexicon/coder.yaml"


@dataclass(frozen=True)
class CoderPolicy:
    """When the learned model overrules, retypes or adds to the rules (probabilities)."""

    veto: float  # P(no event) at a rule's trigger above which the rule's event is dropped
    retype: float  # P(code) of another root above which a rule's code is replaced
    add: float  # P(code) above which the model's event is added where no rule fired
    learned_only: float  # the same, for the ``learned`` coder
    confidence_scale: float  # a learned event's confidence is its probability times this
    unasserted: float  # P(hypothetical or negated) above which an asserted event is not asserted
    background: float  # P(background) above which an event without a time expression is undated
    blend: float = 0.0  # weight of the type model's P(the rule's root) in a rule event's confidence
    min_confidence: float = 0.0  # an event whose final confidence is below this is dropped
    by_root: bool = False  # retype and add on the summed probability of a CAMEO root's codes
    trust_dyads: bool = False  # no veto of a rule's event whose two parties it found, each with a country
    root_mix: float = 0.0  # weight of the root model's P(root) against the type model's summed P(root's codes)


@lru_cache(maxsize=1)
def load_policy() -> CoderPolicy:
    path = importlib_resources.files("detente").joinpath(POLICY_FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    flags = {name: data.get(name, False) for name in ("by_root", "trust_dyads")}
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise DataFileError(POLICY_FILE, f"{name} must be true or false, got {value!r}")
    try:
        thresholds: dict[str, float] = {k: float(v) for k, v in data["thresholds"].items()}
        policy = CoderPolicy(**thresholds, by_root=flags["by_root"], trust_dyads=flags["trust_dyads"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(POLICY_FILE, f"bad thresholds: {exc}") from exc
    for name, value in vars(policy).items():
        if name not in ("by_root", "trust_dyads") and not 0.0 <= value <= 1.0:
            raise DataFileError(POLICY_FILE, f"{name} must be in [0, 1], got {value}")
    return policy


def predictions(sent: Span, model: LearnedModel, rules: Mapping[int, Sequence[str]]) -> dict[int, dict[str, Prediction]]:
    """The model's answer for every candidate token of a sentence (``rules``: rule features by token)."""
    return many_predictions([(sent, rules)], model)[0]


def many_predictions(sentences: Sequence[tuple[Span, Mapping[int, Sequence[str]]]],
                     model: LearnedModel) -> list[dict[int, dict[str, Prediction]]]:
    """``predictions`` of several sentences (of a Doc), one dictionary each: every candidate token
    of all of them through the models in one pass (``many_sigmoids``, ``run_rows``), each token's
    answers the same as alone (each token's rows are summed alone; the rest is row by row)."""
    lemmas = model.trigger_lemmas
    asked: list[tuple[int, Token, list[int], np.ndarray | None]] = []  # (sentence, token, indices, dense)
    for k, (sent, rules) in enumerate(sentences):
        shared: list[int] | None = None  # the indices of sentence_features(sent), made at the first token asked about
        sent_vec = sentence_vector(sent) if model.dense_dim else None
        doc, table = sent.doc, doc_table(sent.doc)  # lemmas read from the Doc's arrays: no Token per word
        for i in range(sent.start, sent.end):
            if i not in rules and lemmas is not None and table.lemma[i] not in lemmas:
                continue
            tok = doc[i]
            if i not in rules and not is_candidate(tok):
                continue
            if shared is None:
                shared = model.known(sentence_features(sent))
            idx = model.indices_of(own_features(tok, sent), shared, rules.get(i, ()))
            asked.append((k, tok, idx, model.dense(tok, sent_vec)))
    # every model's sigmoids and answers for every token asked about, in one pass (``run_rows``;
    # token by token with dense features)
    together = model.many_sigmoids([idx for _, _, idx, _ in asked]) \
        if asked and all(dense is None for _, _, _, dense in asked) else None
    rows = {name: model.run_rows(name, together) for name in model.models} if together is not None else {}
    out: list[dict[int, dict[str, Prediction]]] = [{} for _ in sentences]
    for row, (k, tok, idx, dense) in enumerate(asked):
        sigmoids = None if together is not None else model.sigmoids(idx, dense)

        def run(name: str) -> Prediction | None:
            got = rows.get(name)
            return got[row] if got is not None else model.run(name, idx, dense, sigmoids)
        typed = run("type")
        if typed is None:  # read_model always loads "type"; a model without it answers nothing
            continue
        answers: dict[str, Prediction] = {"type": typed}
        rooted = run("root")
        if rooted is not None:
            answers["root"] = rooted
        if tok.i in sentences[k][1] or typed.label != NONE:  # the other models only where an event may be
            for name in ("event", "modality", "time"):
                pred = run(name)
                if pred is not None:
                    answers[name] = pred
        out[k][tok.i] = answers
    return out


def generic_match(tok: Token, cameo: str) -> Match:
    """A match for an event the model found: the default slots of the trigger's part of speech."""
    pos = sx.eff_pos(tok)
    pos = pos if pos in DEFAULT_SLOTS else "noun"
    rule = Rule(id=f"learned.{pos}", lemmas=(sx.lemma(tok),), pos=pos, cameo=cameo,
                source=DEFAULT_SLOTS[pos]["source"], target=DEFAULT_SLOTS[pos]["target"], confidence=0.5)
    governor = sx.governing_verb(tok)[0] if pos == "noun" else None
    return Match(rule=rule, trigger=tok, anchors=(tok,), consumed=frozenset({tok.i}), governor=governor)


def event_code(pred: Prediction, by_root: bool = False, rooted: Prediction | None = None,
               mix: float = 0.0) -> tuple[str, float] | None:
    """The most probable code other than "no event", and its probability; ``by_root``: the most
    probable code of the most probable CAMEO root, and the summed probability of that root's codes
    (a model torn between 0311 and 036 is still sure of an intent), mixed with weight ``mix`` with
    the root model's probability of the root (``rooted``), when there is one."""
    if not by_root:
        return pred.best_other(NONE)
    roots, members = _roots(pred.classes)
    if not roots:
        return None
    mass = _root_mass(pred, roots, members, rooted, mix)
    root = int(mass.argmax())  # the first root of the largest mass
    mine = members[members[:, 1] == root, 0]
    return pred.classes[int(mine[pred.p[mine].argmax()])], float(mass[root])  # its first most probable code


def _root_mass(pred: Prediction, roots: list[str], members: np.ndarray, rooted: Prediction | None,
               mix: float) -> np.ndarray:
    """Each root's probability: the type model's codes of the root summed in the classes' order, in
    double precision (as float() sums would), and with weight ``mix`` the root model's answer."""
    mass = np.bincount(members[:, 1], weights=pred.p[members[:, 0]].astype(np.float64), minlength=len(roots))
    if rooted is None or not mix:
        return mass
    other = np.array([rooted.prob_of(r) for r in roots], dtype=np.float64)
    return (1.0 - mix) * mass + mix * other


@lru_cache(maxsize=8)
def _roots(classes: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """The CAMEO roots of a model's classes in order of appearance, and (class index, root index)
    for every class but "no event"."""
    roots: dict[str, int] = {}
    members = [(i, roots.setdefault(code[:2], len(roots))) for i, code in enumerate(classes) if code != NONE]
    return list(roots), np.asarray(members, dtype=np.intp).reshape(-1, 2)


def judge_rule(cameo: str, pred: dict[str, Prediction] | None, policy: CoderPolicy) -> tuple[str | None, str, str | None]:
    """(new code or None, note, reason to drop or None) for a rule's candidate."""
    if pred is None:
        return None, "", None
    typed = pred["type"]
    p_none = pred["event"].prob_of(NONE) if "event" in pred else typed.prob_of(NONE, raw=True)
    if p_none >= policy.veto:
        return None, "", f"learned: no event here (p={p_none:.2f})"
    best = event_code(typed, policy.by_root, pred.get("root"), policy.root_mix)
    if best is not None and best[0][:2] != cameo[:2] and best[1] >= policy.retype:
        return best[0], f"learned: {cameo} -> {best[0]} (p={best[1]:.2f})", None
    if best is not None:
        return None, f"learned agrees on root {cameo[:2]}: p({best[0]})={best[1]:.2f}" if best[0][:2] == cameo[:2] \
            else f"learned prefers {best[0]} (p={best[1]:.2f}), below {policy.retype}", None
    return None, "", None


def rule_confidence(score: float, cameo: str, pred: dict[str, Prediction] | None, policy: CoderPolicy) -> float:
    """A rule event's base confidence, moved towards the type model's probability of its root
    (weight ``policy.blend``): which of a sentence's events leads follows the model's belief too."""
    if not policy.blend or pred is None:
        return score
    typed = pred["type"]
    roots, members = _roots(typed.classes)
    root = roots.index(cameo[:2]) if cameo[:2] in roots else -1
    # the root's codes summed in the classes' order, in double precision
    p_root = sum(typed.p[members[members[:, 1] == root, 0]].astype(np.float64).tolist())
    rooted = pred.get("root")
    if rooted is not None and policy.root_mix:
        p_root = (1.0 - policy.root_mix) * p_root + policy.root_mix * rooted.prob_of(cameo[:2])
    return (1.0 - policy.blend) * score + policy.blend * p_root


def describe(pred: dict[str, Prediction]) -> list[str]:
    """What the root, event, modality and time models said, for ``explain``."""
    out = []
    for name in ("root", "event", "modality", "time"):
        if name in pred:
            out.append(f"learned {name}: {pred[name].label} (p={pred[name].prob:.2f})")
    return out


def learned_modality(current: str, pred: dict[str, Prediction], policy: CoderPolicy) -> tuple[str, str] | None:
    """(modality, reason) when the modality model confidently says an asserted event is not."""
    mod = pred.get("modality")
    if mod is None or current != "asserted" or mod.label == "asserted" or mod.prob < policy.unasserted:
        return None
    return mod.label, f"{mod.label} (p={mod.prob:.2f})"


def is_background(pred: dict[str, Prediction] | None, policy: CoderPolicy) -> bool:
    """The time model reads the event as history told in the article, not its news."""
    if pred is None or "time" not in pred:
        return False
    return pred["time"].prob_of("background") >= policy.background


def new_events(sent: Span, preds: dict[int, dict[str, Prediction]], taken: set[int],
               threshold: float, by_root: bool = False, mix: float = 0.0) -> list[tuple[Token, str, float]]:
    """Tokens the model types as events, above ``threshold``, that no rule candidate holds."""
    out = []
    for i, pred in preds.items():
        rooted = pred.get("root")
        judge = rooted if by_root and mix and rooted is not None else pred["type"]  # who says "no event"
        if i in taken or judge.label == NONE:
            continue
        best = event_code(pred["type"], by_root, rooted, mix)
        if best is not None and best[1] >= threshold:
            out.append((sent.doc[i], best[0], best[1]))
    return out
