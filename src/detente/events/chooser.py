"""The learned side chooser: a linear model stacked on the rule role finder (``roles.py``) that may
take another actor of the sentence, or none, as an event's source or target.

For a kept candidate event, the choices are the actor mentions of its trigger's sentence (one per
span: a group such as ``the two countries`` is one choice), the rule's own sides where they lie
elsewhere, and "none". Each (trigger, choice) gets sparse features (``choice_features``): the
dependency path between the trigger and the choice's head word, order and distance, what the
choice is (pronoun, place, with a country, sector), the trigger's lemma and CAMEO root crossed
with the path, and what the rule said (whether it chose this one, by which slot). Two binary
logistic models (``source``, ``target``; trained by ``python -m training.sides``, shipped in
``data/models/sides.npz`` in the format of ``coder.npz``) score every choice; the rule's side is
replaced only when the model's best choice beats the rule's by the margin of ``data/sides_model.yaml``.
It runs once per sentence, after every class rule of the coder (``coder.analyse_sentence``), so
every event the events stage codes goes through it; it is used when the setting ``sides`` is
``learned``.
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
from ..model import ActorMention
from ..wordlists import word_set
from . import syntax as sx
from .learned import LearnedModel, read_model
from .roles import PRONOUNS, is_thing

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .candidate import Candidate
    from .index import ActorIndex

MODEL_FILE = "data/models/sides.npz"
POLICY_FILE = "data/sides_model.yaml"
ROLES = ("source", "target")
MAX_PATH = 4  # longer dependency paths are one feature ("far")
_PREPS = word_set("events", "side_path_preps")  # prepositions on a path that are features of their own
Choice = tuple[ActorMention, ...]  # the mentions of one span; () is "none"


@dataclass(frozen=True)
class SidePolicy:
    """When the model's choice replaces the rule's (``data/sides_model.yaml``)."""

    margin: dict[str, float]  # per role: the model's best must beat the rule's choice by this much
    fill_margin: dict[str, float]  # per role: ... and "none" by this much, where the rule left the side empty
    none_margin: dict[str, float]  # per role: the margin by which "none" must beat a side the rule filled
    floor: dict[str, float]  # per role: and be at least this probable
    from_none: bool  # may it fill a side the rule left empty


class SideHook(Protocol):
    """What the coder calls once per sentence with its kept candidates (the model, or a recorder in
    training)."""

    def choose(self, cands: Sequence[Candidate], index: ActorIndex) -> None: ...


@lru_cache(maxsize=1)
def load_policy() -> SidePolicy:
    source = importlib_resources.files("detente").joinpath(POLICY_FILE)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        margin, fill, none_margin, floor = ({r: float(data[key][r]) for r in ROLES}
                                            for key in ("margin", "fill_margin", "none_margin", "floor"))
        return SidePolicy(margin, fill, none_margin, floor, bool(data["from_none"]))
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise DataFileError(POLICY_FILE, f"missing or bad entry {exc}") from exc


@lru_cache(maxsize=1)
def load_side_model() -> SideChooser:
    """The packaged side model, loaded once per process."""
    source = importlib_resources.files("detente").joinpath(MODEL_FILE)
    return SideChooser(read_model(source, names=ROLES, label=MODEL_FILE), load_policy())


def applies(cand: Candidate) -> bool:
    """A kept candidate told in its own sentence: a quoted sentence's statement (its speaker named
    outside it, by the verb of saying) is left to the rules, whose speaker the quotation's own
    words ("we", "I", names it speaks of) would otherwise displace."""
    return cand.dropped is None and cand.said is None


def choices(cand: Candidate, index: ActorIndex) -> list[Choice]:
    """"none", the actor mentions of the trigger's sentence (one choice per span) and the rule's
    sides that are not among them."""
    sent = cand.trigger.sent
    spans: dict[tuple[int, int], list[ActorMention]] = {}
    for m in [*index.within(sent.start, sent.end), *cand.roles.sources, *cand.roles.targets]:
        group = spans.setdefault((m.start, m.end), [])
        if m not in group:
            group.append(m)
    return [(), *(tuple(g) for _, g in sorted(spans.items()))]


def _head(m: ActorMention, trig: Token) -> Token:
    return trig.doc[m.start:m.end].root


def _under(tok: Token, top: Token) -> bool:
    """``tok`` lies in the phrase headed by ``top`` (not ``top`` itself)."""
    return tok.i != top.i and any(a.i == top.i for a in tok.ancestors)


def _path(trig: Token, head: Token) -> list[str]:
    """The dependency steps from the trigger to ``head``: ``^dep`` up from the trigger (the label of
    the word left), ``vdep`` down to ``head`` (a preposition by its word); [] when they do not meet."""
    up = [trig, *trig.ancestors]
    down = [head, *head.ancestors]
    down_ids = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in down_ids:
            steps = [f"^{u.dep_}" for u in up[:k]]
            below = down[:down_ids[t.i]]
            steps += [f"v{d.lower_ if d.dep_ == 'prep' else d.dep_}" for d in reversed(below)]
            return steps or ["="]
    return []


def _distance(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12")):
        if n <= top:
            return name
    return "13+"


def choice_features(cand: Candidate, choice: Choice) -> list[str]:
    """The sparse features of one (trigger, choice) pair."""
    trig = cand.trigger
    root, lemma, pos = cand.cameo[:2], sx.lemma(trig), sx.eff_pos(trig)
    passive = "pass" if pos == "verb" and sx.is_passive(trig) else "act"
    roles = cand.roles
    rs = any(m in roles.sources for m in choice) if choice else not roles.sources
    rt = any(m in roles.targets for m in choice) if choice else not roles.targets
    rule = [f"rs={rs}", f"rt={rt}", f"rs={rs}|{roles.source_slot}", f"rt={rt}|{roles.target_slot}",
            f"rs={rs}|r={root}", f"rt={rt}|r={root}", f"rs={rs}|rt={rt}", f"rs={rs}|{pos}|{passive}",
            f"rt={rt}|{pos}|{passive}"]
    if not choice:
        return ["none", f"none|r={root}", f"none|l={lemma}", f"none|{pos}|{passive}",
                f"none|ss={roles.source_slot}", f"none|ts={roles.target_slot}", *rule]
    m = choice[0]
    head = _head(m, trig)
    kind = ["k=pron" if m.text.lower() in PRONOUNS else f"k={m.basis}", f"k=ent:{head.ent_type_}",
            f"k=c:{bool(m.actor.country)}", f"k=org:{bool(m.actor.org)}", f"k=s:{m.actor.sector}",
            f"k=group:{len(choice) > 1}"]
    if is_thing(m, trig):
        kind.append("k=thing")
    gov = head.head  # the word the choice's phrase hangs from ("allies of X", "an envoy for X", "forces in X")
    if gov.dep_ == "prep" and gov.head.i != gov.i:
        kind += [f"gov={sx.lemma(gov.head)}|{gov.lower_}", f"govp={gov.lower_}|{head.dep_}"]
    elif gov.i != head.i:
        kind += [f"gov={sx.lemma(gov)}|{head.dep_}"]
    for name, sides in (("ins", roles.sources), ("int", roles.targets)):  # inside the phrase of a rule's side
        own = [x for x in sides if x is not m and not (x.start <= m.start and m.end <= x.end)]
        if any(_under(head, _head(x, trig)) for x in own):
            kind.append(f"{name}|r={root}")
    for name, sides in (("sc", roles.sources), ("tc", roles.targets)):  # the country of the rule's other side
        theirs = sides[0].actor.country if sides and m not in sides else None
        same = "-" if theirs is None or not m.actor.country else str(theirs == m.actor.country)
        kind += [f"{name}={same}", f"{name}={same}|r={root}"]
    if head.sent.start != trig.sent.start:
        where = ["out"]
        path: list[str] = []
    else:
        inside = m.start <= trig.i < m.end
        where = ["in" if inside else "before" if m.end <= trig.i else "after",
                 f"d={_distance(abs(head.i - trig.i))}"]
        path = _path(trig, head)
    full = "/".join(path) if 0 < len(path) <= MAX_PATH else ("far" if path else "apart")
    first = path[0] if path else "-"
    out = [*kind, *where, f"p={full}", f"p1={first}", f"p={full}|{pos}|{passive}", f"p1={first}|r={root}",
           f"p={full}|r={root}", f"p1={first}|l={lemma}", f"p={full}|l={lemma}", f"p1={first}|{pos}|{passive}",
           f"{where[0]}|{pos}|{passive}", f"{where[0]}|r={root}", f"{kind[0]}|p1={first}", f"{kind[2]}|p1={first}",
           *rule, f"rs={rs}|p1={first}", f"rt={rt}|p1={first}"]
    out += [f"prep={p[1:]}" for p in path if p[1:] in _PREPS]
    return out


class SideChooser:
    """The model and its policy; ``choose`` revises the sides of a sentence's kept candidates."""

    def __init__(self, model: LearnedModel, policy: SidePolicy):
        self.model, self.policy = model, policy

    def scores(self, cand: Candidate, options: Sequence[Choice]) -> dict[str, list[float]]:
        """Each role's probability for each choice."""
        out: dict[str, list[float]] = {r: [] for r in ROLES}
        for choice in options:
            idx = self.model.known(choice_features(cand, choice))
            for role in ROLES:
                pred = self.model.run(role, idx)
                out[role].append(pred.prob_of("1") if pred is not None else 0.0)
        return out

    def choose(self, cands: Sequence[Candidate], index: ActorIndex) -> None:
        for cand in cands:
            if applies(cand):
                self.revise(cand, index)

    def revise(self, cand: Candidate, index: ActorIndex) -> None:
        options = choices(cand, index)
        probs = self.scores(cand, options)
        for role in ROLES:
            roles = cand.roles
            mine = roles.sources if role == "source" else roles.targets
            other = roles.targets if role == "source" else roles.sources
            p = probs[role]
            ruled = [k for k, c in enumerate(options) if (not c and not mine) or (c and any(m in mine for m in c))]
            p_rule = max((p[k] for k in ruled), default=0.0)
            allowed = [k for k, c in enumerate(options) if k not in ruled and not any(m in other for m in c)
                       and (mine or self.policy.from_none)]
            was = ", ".join(m.text for m in mine) or "none"
            if not allowed:
                continue
            best = max(allowed, key=lambda k: p[k])
            new = options[best]
            margin = (self.policy.none_margin if not new else self.policy.margin if mine else self.policy.fill_margin)[role]
            if p[best] < self.policy.floor[role] or p[best] - p_rule < margin:
                cand.notes.append(f"side model: {role} {was} kept (p={p_rule:.2f}; best other "
                                  f"{', '.join(m.text for m in new) or 'none'}, p={p[best]:.2f})")
                continue
            cand.notes.append(f"side model: {role} {was} (p={p_rule:.2f}) -> "
                              f"{', '.join(m.text for m in new) or 'none'} (p={p[best]:.2f})")
            if role == "source":
                cand.roles = dataclasses.replace(roles, sources=new, source_slot="learned" if new else None)
            else:
                cand.roles = dataclasses.replace(roles, targets=new, target_slot="learned" if new else None)
