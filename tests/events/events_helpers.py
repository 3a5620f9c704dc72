"""Helpers of the coder tests: a small fixed gazetteer of actors, a token by its word, and mention filters."""
from __future__ import annotations

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
