"""The events stage: CAMEO event mentions from the sentences of a parsed article.

For each sentence: every token is tried against the lexicon rules keyed by its lemma; a rule that
fires claims the dependents it matched (``signed`` + ``agreements``), so those do not fire again;
a trigger that governs another one (``threatened to shell``, ``demanded the withdrawal``) takes
its code from CAMEO's parallel families (13x threat, 10x demand, 03x intent ...) and carries it;
roles come from ``roles.py`` and modality from ``modality.py``; an intention (``will visit``)
is coded with CAMEO's intent code where the codebook has one. One mention per source/target pair.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..actors.cues import load_cues
from ..actors.quotes import find_quotes
from ..model import ActorMention, Article, EventMention
from ..sieve import is_parsed
from . import syntax as sx
from . import combine as cb
from . import acts, backing, characterise, content, content_data, frames, means, ranked, resigns, speech, spoken, states, told, views
from .features import rule_features
from .learned import LearnedModel, Prediction
from .lexicon import Lexicon, Rule
from .matcher import Match, matches_for, rule_tokens
from .modality import Modality, find_modality
from ..policy import cameo_policy
from .antecedents import inherit_antecedents
from .roles import ActorIndex, find_roles, is_thing
from .sides import itself
from .answered import answered_targets
from .recalled import recall_targets, recalled_places
from .said import said_targets
from .spoken_of import spoken_of
from .counterparts import object_counterparts
from .private import nonpolitical_dealing
from .mentions import sentence_mentions
from .statements import (QUOTED_RULE, addressee_only, political_speaker, quoted_match, quoted_speaker, speaks_for_no_party,
                         statement_match, statement_roles)
from .trust import trusted
from .candidate import Candidate, SentenceAnalysis
from .chooser import SideHook
from .embedding import SPEECH_ACT_ROOTS, carry, depth, inherit_target

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from ..places.types import PlaceMention
    from ..resources import Resources

_POLICY = cameo_policy()  # data/policy.yaml
NO_RECODE_ROOTS = _POLICY.no_recode_roots
ARMED_NONSTATE = _POLICY.armed_nonstate  # sectors of non-state armed groups


def code_events(doc: Doc, actors: Sequence[ActorMention], article: Article, resources: Resources,
                places: Sequence[PlaceMention] = ()) -> list[EventMention]:
    """Event mentions of every sentence of ``doc`` (the parsed ``article.text``); ``places`` (the
    places stage's) name the towns a side may be (``events.index.ActorIndex``)."""
    lexicon: Lexicon = resources.lexicon
    index = ActorIndex(actors, recalled_places(doc, places))  # "the town": the town last named
    out: list[EventMention] = []
    tried = rule_tokens(doc, lexicon)
    # (a sentence the sieve dropped is skipped: no word of it can trigger an event)
    parsed = [(s_i, sent) for s_i, sent in enumerate(doc.sents) if is_parsed(sent)]
    ruled = [rule_matches(sent, lexicon, tried) for _, sent in parsed]
    model, coder = resources.learned, resources.settings.coder
    # the learned models' answers for the candidates of every sentence at once (the same answers)
    learned = cb.many_predictions([(sent, r.features) for (_, sent), r in zip(parsed, ruled)], model) \
        if model is not None and coder != "rules" else [None] * len(parsed)
    for (s_i, sent), r, preds in zip(parsed, ruled, learned):
        analysis = analyse_sentence(sent, index, lexicon, model, coder, tried, ruled=r, learned=preds,
                                    sides=resources.sides)
        out.extend(sentence_mentions(analysis, article, s_i, lexicon, index))
    return across_sentences(out, doc)


def across_sentences(mentions: list[EventMention], doc: Doc, notes: list[str] | None = None) -> list[EventMention]:
    """What the article's earlier events give its later ones: a definite event noun's parties
    (``antecedents.inherit_antecedents``), a reaction's target (``recalled.recall_targets``; ``notes``
    says where each came from)."""
    return recall_targets(inherit_antecedents(mentions, doc), doc, notes)


@dataclass
class RuleMatches:
    """What the lexicon's rules did in one sentence (``rule_matches``)."""

    tried: list[tuple[Token, Rule, str]] = field(default_factory=list)
    fired: list[list[Match]] = field(default_factory=list)
    features: dict[int, list[str]] = field(default_factory=dict)  # token -> its rule features


def rule_matches(sent: Span, lexicon: Lexicon, tried_on: Sequence[bool] | None = None) -> RuleMatches:
    """The rules tried on each word of ``sent`` and those that fired (``tried_on``: ``rule_tokens``
    of the Doc, made here when not given)."""
    out = RuleMatches()
    if tried_on is None:
        tried_on = rule_tokens(sent.doc, lexicon)
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if not tried_on[i]:  # no rule for any of its forms: nothing tried (and no Token built)
            continue
        tok = doc[i]
        matches, tried = matches_for(tok, lexicon)
        out.tried.extend((tok, rule, outcome) for rule, outcome in tried)
        if tried:
            out.features[tok.i] = rule_features([(m.rule.id, m.rule.cameo) for m in matches], len(tried))
        if matches:
            out.fired.append(matches)
    return out


def analyse_sentence(sent: Span, index: ActorIndex, lexicon: Lexicon, model: LearnedModel | None = None,
                     coder: str = "rules", tried_on: Sequence[bool] | None = None, ruled: RuleMatches | None = None,
                     learned: dict[int, dict[str, Prediction]] | None = None,
                     sides: SideHook | None = None) -> SentenceAnalysis:
    """``tried_on``: ``rule_tokens`` of the Doc; ``ruled``: ``rule_matches`` of the sentence;
    ``learned``: the model's answers (``combine.predictions``); each made here when not given;
    ``sides``: the learned side chooser (``chooser.py``), which has the last word on every kept
    candidate's sides."""
    analysis = SentenceAnalysis(sent=sent)
    if ruled is None:
        ruled = rule_matches(sent, lexicon, tried_on)
    analysis.tried = ruled.tried
    cands = _claim(ruled.fired if coder != "learned" else [])
    states.drop_standing(cands, lexicon)
    if model is not None and coder != "rules":
        analysis.learned = learned if learned is not None else cb.predictions(sent, model, ruled.features)
        cands = _learned(cands, analysis.learned, sent, coder)
    for cand in cands:
        if cand.dropped is None:
            _choose(cand, index, lexicon)
        if cand.dropped is None:
            cand.dropped = states.private_act(cand.trigger, cand.roles.targets, lexicon) \
                or states.interview(cand.trigger, cand.cameo, cand.roles.targets, lexicon) \
                or (frames.unframed(cand.trigger, lexicon, cand.roles.targets) if cand.learned_prob is not None else None)
        if cand.dropped is None and not cand.roles.sources and _writers_own(cand.trigger):
            cand.dropped = "the writer's own act: a first-person doer who is no quoted speaker"
        if cand.vetoed is not None and cand.dropped is None:
            if trusted(cand.roles, cand.trigger, lexicon, cand.rule):
                cand.notes.append(f"kept against the {cand.vetoed}: the rule found both parties")
            else:
                cand.dropped = cand.vetoed
    embedders = {c.trigger.i: c.rule.embeds for c in cands if c.dropped is None and c.rule.embeds}
    carry(cands, lexicon)
    for cand in cands:
        if cand.dropped is None:
            _finish(cand, cands, embedders, lexicon, index, learned=model is not None and coder != "rules")
        if cand.dropped is None:
            cand.dropped = nonpolitical_dealing(cand, lexicon, index)
        if cand.dropped is None and cand.learned_prob is not None and addressee_only(cand.cameo) \
                and speaks_for_no_party(cand.roles, lexicon, sent.doc):
            cand.dropped = "the learned model's plain statement, by a speaker who speaks for no party"
    if model is not None and coder != "rules":
        policy = cb.load_policy()
        for cand in cands:
            if cand.dropped is None and _below_floor(cand, policy, lexicon):
                cand.dropped = f"{spoken.FLOORED}{cand.confidence:.2f} below the coder's {policy.min_confidence}"
    content.announced_twice(cands, lexicon)  # only what is kept is coded twice
    if all(c.dropped is not None or c.modality.modality != "asserted" for c in cands):
        said = _statement(sent, index, lexicon, analysis.learned, model is not None and coder != "rules")
        if not (said and told.revive(cands, said[0])):  # an act the statement tells, kept instead
            cands.extend(said)
            spoken.revive(cands, lexicon, sent.doc)  # a speech act the floor dropped on the heading verb
    ranked.rank(cands)  # an act named as what a dispute is about ranks below the dispute
    if sides is not None:
        sides.choose(cands, index)
    analysis.candidates = cands
    return analysis


def _learned(cands: list[Candidate], preds: dict[int, dict[str, Prediction]], sent: Span,
             coder: str) -> list[Candidate]:
    """The learned model's word on the rules' candidates, and its own events (``combine.py``)."""
    policy = cb.load_policy()
    for cand in cands:
        cand.pred = preds.get(_scored_at(cand, preds))
        if cand.dropped is not None:
            continue
        code, note, drop = cb.judge_rule(cand.cameo, cand.pred, policy)
        if drop and policy.trust_dyads:
            cand.vetoed = drop  # decided once the roles are known
        elif drop:
            cand.dropped = drop
        elif code:
            cand.cameo = code
        if note:
            cand.notes.append(note)
    taken = {c.trigger.i for c in cands} | {_scored_at(c, preds) for c in cands} \
        | {i for c in cands if c.dropped is None for i in c.match.consumed}
    threshold = policy.learned_only if coder == "learned" else policy.add
    for tok, code, prob in cb.new_events(sent, preds, taken, threshold, policy.by_root, policy.root_mix):
        cand = Candidate(match=cb.generic_match(tok, code), cameo=code, learned_prob=prob, pred=preds[tok.i])
        cand.notes.append(f"learned: {code} (p={prob:.2f})")
        cands.append(cand)
    return sorted(cands, key=lambda c: c.trigger.i)


def _scored_at(cand: Candidate, preds: dict[int, dict[str, Prediction]]) -> int:
    """The token whose learned answers judge a rule's candidate: its trigger, or for a hyphenated word
    split by the tokenizer that the rule matched whole (``sit-in``, ``test-fired``: the rule fires on its
    last part) the word's first part, where the corpus's annotators mark the trigger and so where the
    model learned it."""
    tok = cand.trigger
    if tok.i >= 2 and tok.i - 2 in preds and \
            sx.joined_lemma(tok) in {lemma.replace("-", "") for lemma in cand.rule.lemmas}:
        return tok.i - 2
    return tok.i


def _statement(sent: Span, index: ActorIndex, lexicon: Lexicon,
               preds: dict[int, dict[str, Prediction]], learned: bool = False) -> list[Candidate]:
    """A sentence with nothing else asserted (what it predicts or supposes is not): its heading speech
    verb, said by a political speaker, is a statement (``statements.py``); a sentence of a quotation whose
    own verb of saying has no speaker ("if no deal is announced" inside it) is its quoted speaker's."""
    match = statement_match(sent, lexicon)
    alleges = match is None and (match := statement_match(sent, lexicon, "allegation_verb")) is not None
    tries = ([(match, None)] if match is not None else []) + [q for q in [quoted_match(sent, lexicon)] if q]
    for match, said in tries:
        cand = Candidate(match=match, cameo=match.rule.cameo, pred=preds.get(match.trigger.i))
        cand.roles = statement_roles(find_roles(said or match, index, lexicon), lexicon, sent.doc)
        if political_speaker(cand.roles, lexicon, sent.doc) and (said is None or quoted_speaker(cand.roles, lexicon)):
            break
        if cand.roles.sources:
            return []  # a speaker found, of no party: not the quotation's
    else:
        return []
    _finish(cand, [], {}, lexicon, index, learned)
    if alleges and said is None and cand.cameo != content_data.codes().accusation:
        return []  # "claims that ...": a statement only where it accuses another party (content.py)
    cand.notes.append("a statement with nothing else codable in its sentence")
    if said is not None:  # a quoted sentence: the speech act is the verb of saying's, whatever the quote says
        cand.modality = find_modality(said.trigger, lexicon)
        cand.said = said.trigger
        cand.notes.append(f"quoted: said by the speaker of '{said.trigger.text}'")
        if learned:  # what the quotation says, read with its verb of saying
            speech.revise(cand, index, lexicon)
    return [cand]


def _below_floor(cand: Candidate, policy: cb.CoderPolicy, lexicon: Lexicon) -> bool:
    """The event's confidence is below the coder's floor (``min_confidence``), and it is not, with
    ``trust_dyads``, a trusted event (``trust.trusted``)."""
    return cand.confidence < policy.min_confidence and not (policy.trust_dyads and trusted(cand.roles, cand.trigger, lexicon, cand.rule))


def _choose(cand: Candidate, index: ActorIndex, lexicon: Lexicon) -> None:
    """The first rule of the trigger whose required actors are found (``require``, ``source_sectors``)."""
    first: list[str] = []
    for match in [cand.match, *cand.alternatives]:
        roles = find_roles(match, index, lexicon)
        rule = match.rule
        missing = [r for r in rule.require if not (roles.sources if r == "source" else roles.targets)]
        if rule.source_sectors and not _of_sectors(roles.sources, rule.source_sectors):
            missing.append(f"source of sector {'/'.join(rule.source_sectors)}")
        if not missing:
            if match is not cand.match:
                cand.notes.append(f"'{cand.match.rule.id}' needs a {' and a '.join(first)} actor")
                cand.match, cand.cameo = match, rule.cameo
            cand.roles = roles
            return
        first = first or missing
    cand.roles = find_roles(cand.match, index, lexicon)
    cand.dropped = f"rule requires a {' and a '.join(first)} actor; none found"


def _writers_own(trig: Token) -> bool:
    """``I met a group of women``, ``we asked the father``: a first-person doer outside any quotation
    (inside one it is the speaker's, resolved to the speaker where the speaker is found) is the
    writer of the piece, whose own doings are not coded."""
    if sx.eff_pos(trig) != "verb":
        return False
    first = load_cues().first_person
    doers = [s.i for s in sx.subject(trig) if s.lower_ in first and s.pos_ == "PRON"]
    return bool(doers) and not any(q.start <= i < q.end for q in find_quotes(trig.doc) for i in doers)


def _of_sectors(sides: Sequence[ActorMention], sectors: Sequence[str]) -> bool:
    """One of the actors has one of ``sectors`` (first or second)."""
    return any(m.actor is not None and (m.actor.sector in sectors or m.actor.sector2 in sectors) for m in sides)


def _claim(fired: list[list[Match]]) -> list[Candidate]:
    """Shallower triggers first; a trigger inside what another rule matched does not fire."""
    cands = []
    claimed: dict[int, Match] = {}
    owner_cands: dict[int, Candidate] = {}
    for ms in sorted(fired, key=lambda ms: (depth(ms[0].trigger), ms[0].trigger.i)):
        m = ms[0]
        cand = Candidate(match=m, cameo=m.rule.cameo, alternatives=ms[1:])
        owner = claimed.get(m.trigger.i)
        if owner is not None:
            cand.dropped = f"part of '{owner.rule.id}' on '{owner.trigger.text}'"
            _refine(owner_cands[owner.trigger.i], m.rule.cameo, m.trigger.text)
        else:
            for i in m.consumed - {m.trigger.i}:
                claimed.setdefault(i, m)
            owner_cands[m.trigger.i] = cand
        cands.append(cand)
    return sorted(cands, key=lambda c: c.trigger.i)


def _refine(owner: Candidate, code: str, word: str) -> None:
    """``sent humanitarian aid``: the claimed noun's own, more specific code of the same family
    (073 rather than 070) refines the verb's."""
    here = owner.cameo
    if code[:2] != here[:2] or code == here:
        return
    if (len(code), code[2:3] != "0") > (len(here), here[2:3] != "0") and code.startswith(here.rstrip("0")[:3]):
        owner.notes.append(f"refined by '{word}': {here} -> {code}")
        owner.cameo = code




def _finish(cand: Candidate, cands: list[Candidate], embedders: dict[int, str], lexicon: Lexicon,
            index: ActorIndex, learned: bool = False) -> None:
    """``learned``: the coder uses the learned models (not the rules alone): what a statement says is
    also read by the content model (``speech.py``)."""
    if not cand.roles.targets:
        inherit_target(cand, cands)
    acts.retype(cand, index, lexicon)
    before = means.recode(cand, index, lexicon) or backing.recode(cand, lexicon)
    if before is not None:  # recoded by its means or what backed: the model's belief is that of the root it judged
        cand.scored_as = before
    _by_armed_group(cand, lexicon)
    cand.modality = find_modality(cand.trigger, lexicon, embedders)
    speech_act(cand, lexicon)
    if cand.pred is not None:
        cand.notes.extend(cb.describe(cand.pred))
        found = cb.learned_modality(cand.modality.modality, cand.pred, cb.load_policy())
        if found is not None:
            cand.notes.append(f"learned modality: {found[1]}")
            cand.modality = Modality(found[0], cand.modality.reported, found[1])
    content.revise(cand, index, lexicon)
    viewed = (characterise.recode(cand, index, lexicon) if characterise.enabled() else None) \
        or views.recode(cand, index) or resigns.recode(cand)  # 019, 0341: the model's belief still its root's
    cand.scored_as = cand.scored_as or viewed
    speech.announced_act(cand, lexicon)
    if learned:
        speech.revise(cand, index, lexicon)
    if not cand.roles.targets:  # "said it would not provide Syria with aid", coded on "said"
        said = [m for m in said_targets(cand.trigger, cand.cameo, index, cand.roles.sources)
                if not is_thing(m, cand.trigger)]
        if said:
            cand.roles = dataclasses.replace(cand.roles, targets=tuple(said), target_slot="said")
    cand.confidence = _confidence(cand, lexicon)
    if addressee_only(cand.cameo):  # a plain statement, however coded: the party told, not one spoken of
        cand.roles = statement_roles(cand.roles, lexicon, cand.trigger.doc)
    if not cand.roles.targets:  # "In response to Moscow's decision, Warsaw ...": the party answered
        answered = answered_targets(cand.trigger, index, cand.roles.sources)
        if answered:
            cand.roles = dataclasses.replace(cand.roles, targets=tuple(answered), target_slot="answered")
    if not cand.roles.targets:  # "the envoy said Moscow had no intention": the party spoken of (events/spoken_of.py)
        about = spoken_of(cand.trigger, cand.cameo, index, cand.roles.sources, lexicon.words("statement_nonpolitical_sector"),
                          quoted=cand.rule.id == QUOTED_RULE)
        if about:
            cand.roles = dataclasses.replace(cand.roles, targets=tuple(about), target_slot="spoken_of")
    if not cand.roles.targets:  # "froze transfers to the Authority": the party the object goes to (events/counterparts.py)
        partners = object_counterparts(cand.trigger, cand.cameo, index, cand.roles.sources)
        if partners:
            cand.roles = dataclasses.replace(cand.roles, targets=tuple(partners), target_slot="object_counterpart")
    kept = tuple(t for t in cand.roles.targets if not itself(t, cand.roles.sources))
    if len(kept) < len(cand.roles.targets):  # no one is their own counterpart (events/sides.py)
        cand.roles = dataclasses.replace(cand.roles, targets=kept, target_slot=cand.roles.target_slot if kept else None)


def speech_act(cand: Candidate, lexicon: Lexicon) -> None:
    """CAMEO's speech-act convention: an announced intention is itself an asserted event, an
    intent (03x) or, for force and sanctions, a threat (13x); the announced act goes to ``intended``.
    An event that is only the purpose of another one ("flew to Moscow to sign"), or a noun that no
    verb of the clause governs, stays intended."""
    mod = cand.modality
    if mod.modality != "intended" or mod.purpose:
        return
    if sx.eff_pos(cand.trigger) == "noun" and cand.match.governor is None and cand.carried is None:
        return  # a bare noun under a future clause ("the future of military relations") announces nothing
    subjects = sx.subject(sx.clause_verb(cand.trigger))
    if any(sx.eff_pos(s) == "noun" and any(r.pos == "noun" for r in lexicon.rules_for(sx.lemma(s)))
           and not sx.lemma_in(s, lexicon.words("force_doer")) for s in subjects):  # "the visit will strengthen ties": a prediction about an event, no one's word
        cand.modality = Modality("hypothetical", mod.reported, "prediction about an event")
        return
    if cand.rule.derive is None and cand.carried is None and cand.cameo[:2] not in NO_RECODE_ROOTS:
        intent = lexicon.derived_code("intent", cand.cameo)
        if intent is not None:
            cand.notes.append(f"announced: {cand.cameo} -> {intent}")
            cand.intended, cand.cameo = cand.cameo, intent
    if cand.cameo[:2] in SPEECH_ACT_ROOTS:
        cand.modality = Modality("asserted", mod.reported, f"speech act ({mod.reason})" if mod.reason else "speech act")


def _by_armed_group(cand: Candidate, lexicon: Lexicon) -> None:
    """An arrest by rebels, insurgents or criminals is an abduction (the ``armed_group`` table);
    fighters they capture are prisoners of their war, not abductees."""
    code = lexicon.derived_code("armed_group", cand.cameo)
    captives_armed = any(t.actor.sector in ARMED_NONSTATE | {"MIL"} for t in cand.roles.targets)
    if code is not None and not captives_armed and any(s.actor.sector in ARMED_NONSTATE for s in cand.roles.sources):
        cand.notes.append(f"done by an armed group: {cand.cameo} -> {code}")
        cand.cameo = code


def _confidence(cand: Candidate, lexicon: Lexicon) -> float:
    rule, trig = cand.rule, cand.trigger
    w = _POLICY.confidence
    score = rule.confidence + w.per_specificity * rule.specificity
    if cand.learned_prob is not None:
        score = cand.learned_prob * cb.load_policy().confidence_scale
    else:
        score = cb.rule_confidence(score, cand.scored_as or cand.cameo, cand.pred, cb.load_policy())
    score += w.with_source if cand.roles.sources else 0.0
    score += w.with_target if cand.roles.targets else 0.0
    if not cand.roles.sources and not cand.roles.targets:
        score -= w.without_sides
    score -= w.per_clause_depth * sx.clause_depth(trig, lexicon.modality.get("say_verbs", frozenset()))
    score -= w.in_background if sx.in_background(trig) else 0.0
    if trig.dep_ == "conj" and sx.eff_pos(trig.head) == "verb":
        score -= w.second_conjunct  # the first of coordinated acts leads
    if sx.eff_pos(trig) == "noun" and (cand.match.governor is None
                                      or sx.lemma(cand.match.governor) not in lexicon.words("support_verb")):
        score -= w.noun_without_support
    if cand.carried is not None:
        score += w.carried
    return round(min(w.ceiling, max(w.floor, score)), 3)
