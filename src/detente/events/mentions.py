"""From a sentence's analysis to its event mentions: one mention per CAMEO code, modality and pair
of parties (the most confident), with the sentence (or a quotation's passage) as evidence, the
trigger's text, PLOVER-style contexts from the trigger's clause, and the actorless background
nominals of a sentence whose other events have actors left out."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import doc_text
from ..model import ActorMention, Article, EventMention
from . import combine as cb
from . import syntax as sx
from .candidate import SentenceAnalysis
from .features import doc_table
from .lexicon import Lexicon, Rule
from .effects import told_by_effects
from .localize import localize
from .matcher import Match
from .roles import ActorIndex

if TYPE_CHECKING:
    from spacy.tokens import Token


def clause_contexts(trig: Token, rule: Rule, lexicon: Lexicon) -> tuple[str, ...]:
    """PLOVER-style contexts from the words of the trigger's clause (and the rule's own)."""
    verb = sx.clause_verb(trig)
    table = doc_table(trig.doc)  # the clause's lemmas and forms from the Doc's arrays: no Token per word
    clause = table.subtree(verb.i)
    words = {table.lemma[j] for j in clause} | {table.lower[j] for j in clause}
    found = set(rule.contexts)
    for name, cues in lexicon.contexts.items():
        if words & cues:
            found.add(name)
    return tuple(sorted(found))


def _trigger_text(m: Match) -> tuple[str, int]:
    tok = m.trigger
    doc = tok.doc
    if sx.joined_lemma(tok) is not None:
        span = doc[tok.i - 2: tok.i + 1]
        return span.text, span.start_char
    return tok.text, tok.idx


def _actorless_background(analysis: SentenceAnalysis, lexicon: Lexicon) -> set[int]:
    """Triggers with neither source nor target in a sentence where other events have actors:
    nominal background (``the lifting of sanctions``, ``agreements were reached``) whose
    participants the sentence does not name. They are dropped; a sentence whose events all lack
    actors keeps them (its event type is still evidence). A fight told by its effects ("the battle for
    the town displaced thousands": ``effects.py``) is no background: the sentence asserts it."""
    kept = analysis.kept
    if not any(c.roles.sources or c.roles.targets for c in kept):
        return set()
    return {c.trigger.i for c in kept if not c.roles.sources and not c.roles.targets and _background(c.trigger)
            and not told_by_effects(c.trigger, lexicon)}


def _background(trig: Token) -> bool:
    """A nominal, or a verb without a doer (``agreements were reached``): nobody named does it.
    An active verb whose subject the actors stage could not resolve is not background."""
    if sx.eff_pos(trig) == "noun":
        return True
    if sx.is_passive(trig):
        return not sx.agent(trig)
    return not sx.surface_subject(trig) and not sx.subject(trig)


def sentence_mentions(analysis: SentenceAnalysis, article: Article, s_i: int, lexicon: Lexicon,
                      index: ActorIndex | None = None) -> list[EventMention]:
    sent = analysis.sent
    sent_text = doc_text(sent.doc)[sent.start_char:sent.end_char]  # Span.text builds a Token per word
    best: dict[tuple, EventMention] = {}
    background = _actorless_background(analysis, lexicon)
    for cand in analysis.kept:
        if cand.trigger.i in background:
            cand.notes.append("no actor, while other events of the sentence have actors: dropped")
            continue
        text, char = _trigger_text(cand.match)
        start, end, evidence, clause = sent.start_char, sent.end_char, sent_text, -1
        if cand.said is not None:  # a quoted sentence: the verb of saying and the passage from it
            said = cand.said.sent
            clause = char
            text, char = cand.said.text, cand.said.idx
            start, end = min(start, said.start_char), max(end, said.end_char)
            evidence = doc_text(sent.doc)[start:end]
        contexts = clause_contexts(cand.trigger, cand.rule, lexicon)
        for source, target in cand.roles.pairs():
            if index is not None:
                source, target = localize(source, target, cand.trigger, cand.cameo, index)
            mention = EventMention(
                article_id=article.id, sentence=evidence, char_start=start, char_end=end,
                trigger=text, trigger_char=char, cameo=cand.cameo, rule=cand.rule.id, source=source,
                target=target, modality=cand.modality.modality, reported=cand.modality.reported,
                confidence=cand.confidence, trigger_token=cand.trigger.i, clause_char=clause, sent_index=s_i, contexts=contexts,
                published=article.published, intended_cameo=cand.intended,
                background=cb.is_background(cand.pred, cb.load_policy()))
            key = (cand.cameo, cand.modality.modality, *sorted([_actor_key(source), _actor_key(target)]))
            if key not in best or best[key].confidence < mention.confidence:
                best[key] = mention
    return sorted(best.values(), key=lambda m: (m.trigger_char, -m.confidence))


def _actor_key(m: ActorMention | None) -> str:
    if m is None:
        return ""
    return f"{m.actor.country}|{m.actor.name or m.text}"
