"""What a statement says of another party: a verdict on it is a criticism (111), a charge that it did
harm is an accusation (112); either is aimed at the party judged, not at the one addressed.

- A verdict: the reported clause's predicate condemns its subject ("said the YPG was a terrorist
  group", "said the decision was a betrayal", "said the strikes were illegal"), or the speaker's clause
  regards someone as such ("we see the YPG as a terrorist organisation"); a negated one ("was not a
  terrorist group") defends and is no verdict.
- A charge: the reported clause holds a party responsible ("said Moscow was responsible for", "was
  behind the attack"), or has a plot done by a party ("said the attack was staged by", "... with the
  help of", "said Russia had orchestrated the attack"); a plot the speaker's own side did is a claim,
  not a charge, and a future one an announcement. Failing those, a hostile act the clause says
  another party did to the speaker's side ("said Chinese vessels had rammed its ships").
- A verdict or a charge told by a verb: the reported clause has another party fail, betray or ignore
  ("said the government had failed its people", "had betrayed the Kurds": a criticism) or break a
  rule or commit a crime ("said both sides had violated the truce", "had committed war crimes": an
  accusation); an act that "amounts to" or "constitutes" a verdict word is judged as a copula's
  subject is ("said the restrictions amounted to collective punishment").

Which word judges is one pair of tests, shared with the evaluation gate of ``speech.py``
(``_verdict_word``): the hand list (``valence.supplied``: ``verdict_word`` and ``verdict_event_word``
in ``data/lexicon/content.yaml``) judges whatever it is said of; VADER's other negative words that name
no event and no feeling (``valence.judging_word``, the gate's test) judge only as the predicate's own
word or its modifier said of a party of another country. The other words are data too (``content.yaml``:
``regard_verb``, ``blame_word``, ``plot_verb``, ``charged_act_verb``, ``verdict_copula``, ``faulting_verb``,
``wrongdoing_verb``, ``misdeed_noun``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import speech
from . import syntax as sx
from .index import ActorIndex
from .lexicon import Lexicon
from .valence import SPEAKER_SIDE, first_person, judging_word, supplied

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import ActorMention

# a clause inside the predicate that is no part of the verdict ("a group that attacked our posts")
NESTED_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "xcomp", "csubj", "parataxis"})
SPEAKER_POSSESSIVES = frozenset({"his", "her", "its"})
OWNER_DEPS = ("poss", "compound", "amod", "nmod")  # "Russia's decision", "the American strikes"
NEAR_DEPS = frozenset({"amod", "advmod", "conj", "compound", "acomp"})
NAME_ENTS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "PERSON"})


@dataclass(frozen=True)
class Finding:
    """What the statement says: ``kind`` "verdict" or "charge", the word that says it, and the
    party judged (None when the clause names none with a country)."""

    kind: str
    word: str
    target: ActorMention | None


def judged(said: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    """A verdict on or a charge against another party in what ``said`` reports, else None. ``own``:
    the speaker's countries (a charge against them is the speaker's own claim)."""
    admits = sx.lemma_in(said, lexicon.words("admission_verb"))  # "admitted the UN had failed": its own side
    clauses = reported_clauses(said, lexicon)
    found = _judged_in(clauses, own, index, lexicon, faults=not admits)
    if found is None and sx.lemma_in(said, lexicon.words("allegation_verb")):
        found = next(filter(None, (_alleged(c, own, index, lexicon) for c in clauses)), None)
    return found


def _alleged(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    """What a claim or an allegation reports: another party (the clause's doer, with a country not the
    speaker's) doing a hostile or covert act ("claims the government is deliberately destroying the
    evidence", "claimed the group stages attacks"; ``covert_act_verb`` and the other verb classes of a
    charge, or any verb told with an ``intent_adverb``): a charge. Not a negated, modal or future act."""
    hostile = (lexicon.words("covert_act_verb") | lexicon.words("charged_act_verb") | lexicon.words("plot_verb")
               | lexicon.words("wrongdoing_verb") | lexicon.words("faulting_verb"))
    for verb in [clause, *(c for c in sx.children(clause, "conj") if sx.eff_pos(c) == "verb")]:
        if sx.eff_pos(verb) != "verb" or sx.children(verb, "neg") or any(
                a.lower_ in _modal_aux(lexicon) for a in sx.children(verb, "aux", "auxpass")):
            continue
        if not (sx.lemma_in(verb, hostile) or any(sx.lemma_in(a, lexicon.words("intent_adverb"))
                                                  for a in sx.children(verb, "advmod"))):
            continue
        doers = sx.agent(verb) if sx.is_passive(verb) else sx.children(verb, *sx.SUBJ_DEPS)
        party = _party(doers, None, index) if doers and not _first_person(doers) else None
        if party is not None and party.actor.country not in own:
            return Finding("charge", verb.text, party)
    return None


def judged_quote(verb: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    """The same for a quoted sentence that is its speaker's statement: what it says is its own main
    clause (``"That is a blatant lie."``), with the copular clauses joined to it."""
    if sx.children(verb, "neg"):
        return None
    clauses = [verb, *(c for c in sx.children(verb, "ccomp", "conj") if sx.lemma(c) in sx.COPULAS)]
    return _judged_in(clauses, own, index, lexicon)


def _judged_in(clauses: list[Token], own: set[str], index: ActorIndex, lexicon: Lexicon,
               faults: bool = True) -> Finding | None:
    for clause in clauses:
        found = _charge(clause, own, index, lexicon) or _verdict(clause, own, index, lexicon)
        if found is not None:
            return found
    for clause in clauses:
        found = _act_charged(clause, own, index, lexicon) or (_faulted(clause, own, index, lexicon) if faults else None)
        if found is not None:
            return found
    return None


def _modal_aux(lexicon: Lexicon) -> frozenset[str]:
    """Auxiliaries of a clause that foretells, supposes or prescribes: no verdict or charge told yet."""
    return lexicon.modality["future_aux"] | lexicon.modality["hypothetical_aux"]


def reported_clauses(said: Token, lexicon: Lexicon) -> list[Token]:
    """The clauses a speech verb reports: its complements ("said that ..."), or the clause it is
    set in ("The decision, he said, was ..."); with the copular sentences quoted after them ("This is
    grotesque, it is a lie"), what the evidence it speaks of shows ("had proof that X was ...") and what a
    clause of certainty holds ("it was highly likely that X was ...")."""
    clauses = sx.children(said, "ccomp")
    if not clauses and said.dep_ == "parataxis" and said.head.pos_ in ("VERB", "AUX"):
        clauses = [said.head]
    out, seen = [], set()
    while clauses:
        clause = clauses.pop(0)
        if clause.i in seen or sx.children(clause, "neg"):
            continue
        seen.add(clause.i)
        out.append(clause)
        clauses.extend(c for c in sx.children(clause, "ccomp", "conj") if sx.lemma(c) in sx.COPULAS)
        proofs = [o for o in sx.direct_objects(clause) + sx.children(clause, "attr")
                  if sx.lemma_in(o, lexicon.words("evidence_noun"))]
        clauses.extend(c for o in proofs for c in sx.children(o, "acl", "ccomp", "relcl") if not sx.children(c, "nsubj")
                       or all(s.lower_ not in ("that", "which") for s in sx.children(c, "nsubj")))
        clauses.extend(_held_certain(clause, lexicon))
    return out


def _held_certain(clause: Token, lexicon: Lexicon) -> list[Token]:
    """What a clause of certainty holds true: "it was highly likely that X was responsible", "there
    was no doubt that X was behind it" (``certainty_word``, ``doubt_noun``)."""
    if not any(s.lower_ in ("it", "there") for s in sx.children(clause, *sx.SUBJ_DEPS, "expl")):
        return []
    sure = [a for a in sx.children(clause, "acomp") if sx.lemma_in(a, lexicon.words("certainty_word"))]
    doubts = [a for a in sx.children(clause, "attr") if sx.lemma_in(a, lexicon.words("doubt_noun"))
              and any(d.lower_ == "no" for d in sx.children(a, "det"))]
    return [c for a in sure for c in sx.children(a, "ccomp")] + [c for a in doubts for c in sx.children(a, "acl", "ccomp")]


def _named(tok: Token) -> bool:
    """A word in a name ("the International Criminal Court"): no verdict."""
    return tok.ent_type_ in NAME_ENTS or tok.pos_ == "PROPN"


def _near(tok: Token, pred: Token) -> bool:
    """The predicate's own word or one that modifies it ("was a real problem", "was cruel and
    dangerous"), not a word deep in it ("a response to the cruel drought", "keeps watch on the troubled region")."""
    return tok.i == pred.i or tok.head.i == pred.i and tok.dep_ in NEAR_DEPS


def _verdict_word(pred: Token, judged_tok: list[Token], own: set[str], index: ActorIndex,
                  lexicon: Lexicon) -> Finding | None:
    """The predicate's verdict: a word of the hand list (``valence.supplied``: condemnation words of
    diplomacy, "baseless", "a blatant lie", "shameful", and event words said of a thing, "a violation")
    judges whatever it is said of ("This is shameful"); any other word VADER scores negative
    (``valence.judging_word``: "cruel", "incompetent") judges as the evaluation gate's do, only as
    the predicate's own word or its modifier (``_near``) and said of a party of another country than
    the speaker's ("said the Kyrgyz decision was cruel"; "said
    the situation was dreadful", "said our policy was cruel" judge no other party)."""
    pol = speech.policy().evaluation.words
    party = _party(judged_tok, pred, index)
    for tok in predicate_words(pred):
        if supplied(tok, lexicon):
            return Finding("verdict", tok.text, party)
        if _near(tok, pred) and not _named(tok) and judging_word(tok, lexicon, pol) is not None \
                and party is not None and party.actor.country not in own:
            return Finding("verdict", tok.text, party)
    return None


def _verdict(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    regard = lexicon.words("regard_verb")
    if sx.lemma_in(clause, regard):  # "we see the YPG as a terrorist organisation"
        judged_tok = sx.direct_objects(clause)
        predicates = sx.children(clause, "oprd") + [o for o in sx.prep_objects(clause, ("as",))]
    elif sx.lemma_in(clause, lexicon.words("verdict_copula")):  # "the restrictions amounted to collective punishment"
        judged_tok = sx.children(clause, *sx.SUBJ_DEPS)
        if any(a.lower_ in _modal_aux(lexicon) for a in sx.children(clause, "aux")) or sx.children(clause, "neg") \
                or any(_first_person(list(t.subtree)) or _speakers_own(t) for t in judged_tok):
            return None  # "would amount to a war crime": a warning; "our response amounted to": no other party
        predicates = sx.direct_objects(clause) + sx.prep_objects(clause, ("to",))
    elif sx.lemma(clause) in sx.COPULAS or sx.eff_pos(clause) == "adj":
        judged_tok = sx.children(clause, *sx.SUBJ_DEPS)
        if sx.children(clause, "expl") or any(_first_person(list(t.subtree)) or _speakers_own(t) for t in judged_tok):
            return None  # "there is no solution ...", "my statement was ...", "its decision was": no party judged
        if any(a.lower_ in _modal_aux(lexicon) for a in sx.children(clause, "aux")):
            return None  # "any attack would be reckless": a warning, "it would be a massacre": a prediction
        if any(sx.lemma_in(c, lexicon.words("allege_verb")) for c in sx.children(clause, "xcomp", "ccomp")):
            return None  # "it was absurd to suggest Russia was responsible": a denial
        predicates = sx.children(clause, "attr", "acomp") + ([clause] if sx.eff_pos(clause) == "adj" else [])
    else:
        return None
    return next(filter(None, (_verdict_word(p, judged_tok, own, index, lexicon) for p in predicates)), None)


def predicate_words(pred: Token, nested: frozenset[str] = NESTED_CLAUSES) -> list[Token]:
    """The words of a predicate, without its negation and the clauses (dependencies ``nested``) nested in it."""
    out, stack = [], [pred]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in nested and c.dep_ != "neg")
    return out


def _charge(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    blame = lexicon.words("blame_word")
    if sx.lemma(clause) in sx.COPULAS:  # "said Moscow was responsible for", "was behind the attack"
        preds = sx.children(clause, "acomp", "attr") + [p for p in sx.children(clause, "prep") if p.lower_ == "behind"]
        hit = next((p for p in preds if p.lower_ in blame), None)
        subjects = sx.children(clause, *sx.SUBJ_DEPS)
        if hit is not None and subjects:
            party = _party(subjects, hit, index)
            if party is not None and party.actor.country not in own:
                return Finding("charge", hit.text, party)
    plots = lexicon.words("plot_verb")
    for verb in (t for t in clause.subtree if sx.eff_pos(t) == "verb" and sx.lemma_in(t, plots)):
        if any(a.lower_ in lexicon.modality["future_aux"] for a in sx.children(verb, "aux", "auxpass")) or sx.children(verb, "neg"):
            continue
        if sx.is_passive(verb):  # "was staged by X", "was staged with the help of X"
            doers = sx.agent(verb) + [o for p in sx.prep_objects(verb, ("with",)) if sx.lemma(p) == "help"
                                      for o in sx.prep_objects(p, ("of",))]
            if not doers:
                continue
        else:
            doers = sx.children(verb, *sx.SUBJ_DEPS)
        party = _party(doers, None, index)
        if party is not None and party.actor.country in own or _first_person(doers):
            continue  # the speaker's side's own plot: a claim
        if party is not None or sx.is_passive(verb):  # "said it had planned ...": no one else named
            return Finding("charge", verb.text, party)
    return None


def _act_charged(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    """A hostile act (``charged_act_verb``) the reported clause says another party did to the
    speaker's side ("China said the Vietnamese ships had rammed its vessels", "said Kyrgyz troops had
    fired on Tajik villages", "said Tajik villages had been torched by X"): a complaint, a charge
    against that party. Its doer is the clause's subject (the "by" agent of a passive) and has a
    country, not the speaker's; what it is done to is the speaker's (``_speakers``). A future, modal
    or negated act is none (an announcement, a warning, a denial); an act the speaker merely reports
    between others is the event itself, not a charge."""
    if not own:
        return None
    for verb in [clause, *(c for c in sx.children(clause, "conj") if sx.eff_pos(c) == "verb")]:
        if sx.eff_pos(verb) != "verb" or sx.children(verb, "neg") or any(
                a.lower_ in _modal_aux(lexicon) for a in sx.children(verb, "aux", "auxpass")):
            continue
        if not sx.lemma_in(verb, lexicon.words("charged_act_verb")):
            continue
        passive = sx.is_passive(verb)
        doers = sx.agent(verb) if passive else sx.children(verb, *sx.SUBJ_DEPS)
        if not doers and verb.dep_ == "conj":  # "had rammed ... and fired on": the first verb's doer
            doers = sx.children(verb.head, *sx.SUBJ_DEPS)
        party = _party(doers, None, index) if doers else None
        if party is None or party.actor.country in own:
            continue
        done_to = (sx.children(verb, *sx.PASSIVE_SUBJ_DEPS) if passive else sx.direct_objects(verb)) + sx.prep_objects(
            verb, ("at", "on", "into", "against", "in"))
        if any(_speakers(t, own, index) for o in done_to for t in o.subtree):
            return Finding("charge", verb.text, party)
    return None


def _faulted(clause: Token, own: set[str], index: ActorIndex, lexicon: Lexicon) -> Finding | None:
    """A party of another country (the clause's doer) that the reported clause has fail, betray or
    ignore (``faulting_verb``: a verdict, "said the government had failed its people") or break a rule
    or commit a misdeed (``wrongdoing_verb``, "commit" only with a ``misdeed_noun`` or ``verdict_word``
    as its object: a charge, "said both sides had violated the truce", "had committed war crimes").
    A negated, modal or future act is none (a defence, a warning, a prediction: "would fail"), and so
    is the speaker's own side's ("we have failed"), a passive's or one with no party as its doer ("said
    the talks had failed")."""
    faulting, wrongdoing = lexicon.words("faulting_verb"), lexicon.words("wrongdoing_verb")
    misdeeds = lexicon.words("misdeed_noun")
    for verb in [clause, *(c for c in sx.children(clause, "conj") if sx.eff_pos(c) == "verb")]:
        if sx.eff_pos(verb) != "verb" or sx.is_passive(verb) or sx.children(verb, "neg") or any(
                a.lower_ in _modal_aux(lexicon) for a in sx.children(verb, "aux")):
            continue
        if sx.lemma_in(verb, faulting):
            kind = "verdict"
        elif sx.lemma_in(verb, wrongdoing) and (sx.lemma(verb) not in lexicon.words("misdeed_verb") or any(
                sx.lemma_in(sx.object_head(o), misdeeds) or supplied(sx.object_head(o), lexicon)
                for o in sx.direct_objects(verb))):
            kind = "charge"
        else:
            continue
        doers = sx.children(verb, *sx.SUBJ_DEPS)
        if not doers and verb.dep_ == "conj":  # "had ignored the warnings and failed to act": the first verb's doer
            doers = sx.children(verb.head, *sx.SUBJ_DEPS)
        party = _party(doers, None, index) if doers and not _first_person(doers) else None
        if party is not None and party.actor.country not in own:
            return Finding(kind, verb.text, party)
    return None


def _speakers(tok: Token, own: set[str], index: ActorIndex) -> bool:
    """A word of the speaker's side in a reported clause: "our", a party of its country ("its"
    may as well be the doer's: "said Kyrgyzstan had mistreated its herders")."""
    return first_person(tok, SPEAKER_SIDE) or any(m.actor is not None and m.actor.country in own for m in index.at(tok))


def _party(heads: list[Token], pred: Token | None, index: ActorIndex) -> ActorMention | None:
    """The party judged: the judged word's own actor ("the YPG"), else one named in the predicate
    ("decisions taken by the US"), else one that modifies it ("Russia's decision", "the decision by
    Kyrgyzstan"), not one it is about ("an attack against Syria")."""
    def actors(toks: list[Token]) -> list[ActorMention]:
        return [m for t in toks for m in index.at(t) if m.actor is not None and m.actor.country]

    if _first_person(heads):
        return None
    owners = [t for h in heads for c in sx.children(h, *OWNER_DEPS) for t in c.subtree]
    for pool in (heads, list(pred.subtree) if pred is not None else [], owners + [a for h in heads for a in sx.agent(h)]):
        found = actors(pool)
        if found:
            return found[0]
    return None


def _speakers_own(head: Token) -> bool:
    """"his own statement", "its decision": what a reported clause gives the speaker's pronoun is the
    speaker's own."""
    return any(c.dep_ == "poss" and c.lower_ in SPEAKER_POSSESSIVES for c in head.children)


def _first_person(heads: list[Token]) -> bool:
    return any(first_person(h) for h in heads)
