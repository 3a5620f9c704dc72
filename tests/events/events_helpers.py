"""Helpers of the coder tests: a small fixed gazetteer of actors, a token by its word, mention filters, and a
candidate revised by a content step."""
from __future__ import annotations

from detente.events import combine as cb
from detente.events import content
from detente.events.candidate import Candidate
from detente.events.index import ActorIndex
from detente.events.matcher import matches_for
from detente.events.roles import find_roles
from detente.model import Actor, ActorMention, EventMention

# surface form -> (country, sector); matched on whole tokens, longest first
GAZETTEER: dict[str, tuple[str, str | None]] = {
    "Kazakhstan": ("KAZ", None), "Kazakh": ("KAZ", None), "Astana": ("KAZ", "GOV"),
    "Kyrgyzstan": ("KGZ", None), "Kyrgyz": ("KGZ", None), "Bishkek": ("KGZ", "GOV"),
    "Mongolia": ("MNG", None), "Mongolian": ("MNG", None), "Ulaanbaatar": ("MNG", "GOV"),
    "Uzbekistan": ("UZB", None), "Uzbek": ("UZB", None), "Tashkent": ("UZB", "GOV"),
    "China": ("CHN", None), "Chinese": ("CHN", None), "Georgia": ("GEO", None), "Russia": ("RUS", None),
    "the Kazakh president": ("KAZ", "GOV"), "the Mongolian president": ("MNG", "GOV"),
    "the Kazakh foreign minister": ("KAZ", "GOV"), "Kyrgyz troops": ("KGZ", "MIL"),
    "the Kazakh government": ("KAZ", "GOV"), "Mongolian officials": ("MNG", "GOV"),
    "Chinese diplomats": ("CHN", "GOV"), "the Uzbek army": ("UZB", "MIL"),
}


def gazetteer_mentions(doc) -> list[ActorMention]:
    """Actor mentions of the fixed gazetteer in ``doc`` (longest, leftmost matches)."""
    forms = sorted(((k.split(), v) for k, v in GAZETTEER.items()), key=lambda kv: -len(kv[0]))
    out: list[ActorMention] = []
    taken: set[int] = set()
    for words, (country, sector) in forms:
        n = len(words)
        for i in range(len(doc) - n + 1):
            if any(j in taken for j in range(i, i + n)):
                continue
            if [t.text for t in doc[i:i + n]] == words:
                span = doc[i:i + n]
                actor = Actor(country=country, sector=sector, name=span.text, confidence=1.0)
                out.append(ActorMention(i, i + n, span.start_char, span.end_char, span.text, actor))
                taken.update(range(i, i + n))
    return sorted(out, key=lambda m: m.start)



def find(mentions: list[EventMention], prefix: str) -> list[EventMention]:
    """Mentions whose CAMEO code starts with ``prefix``."""
    return [m for m in mentions if m.cameo.startswith(prefix)]


def dyad(m: EventMention) -> tuple[str | None, str | None]:
    return (m.source.actor.country if m.source else None, m.target.actor.country if m.target else None)


def targets_at(mentions: list[EventMention], trigger: str) -> set[str | None]:
    """The target countries of the mentions whose trigger is ``trigger`` (at least one)."""
    found = [m for m in mentions if m.trigger == trigger]
    assert found, [(m.cameo, m.trigger) for m in mentions]
    return {m.target.actor.country if m.target is not None else None for m in found}


def token(nlp, text: str, word: str):
    """The first token of ``text`` (parsed by ``nlp``) whose text is ``word``."""
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def revised(nlp, resources, text: str, word: str = "said", cameo: str = "010", step=content.revise) -> Candidate:
    """``word``'s event of ``cameo`` (as the learned model would propose it) in ``text``, revised by ``step``."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    index = ActorIndex(gazetteer_mentions(doc))
    match = cb.generic_match(tok, cameo)
    cand = Candidate(match=match, cameo=cameo, roles=find_roles(match, index, resources.lexicon))
    step(cand, index, resources.lexicon)
    return cand


def rules_fired(nlp, resources, text: str, word: str) -> list[str]:
    """The ids of the lexicon rules that fire on ``word`` of ``text``."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return [m.rule.id for m in matches_for(tok, resources.lexicon)[0]]
