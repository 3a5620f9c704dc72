"""Modality of an event mention: asserted, negated, hypothetical or intended, plus a reported flag.

The words are data (``modality.yaml``): negators (``not``, ``no``, ``never``), hypothetical
auxiliaries (``could``, ``may``, ``might``, ``would``) and predicates (``seem``, ``likely``), intention
auxiliaries (``will``) and predicates (``plan``, ``intend``, ``consider``), allegation predicates
(``allege``, ``accuse``) and speech verbs. The walk goes from the trigger's clause up through
infinitival complements and coordination (``could help secure``, ``plans to visit``), stops at
the clause of a speech verb (``X said Y attacked`` is asserted), and lets a governing trigger that
embeds its complement (``threatened to shell``) set the modality of the embedded event.
Negation dominates, then hypothetical, then intended. The content of an allegation (``accused Y
of shelling``, ``alleging that Y backed``, ``allegedly``) is marked reported and is not asserted:
the coded event is the accusation itself; ``reportedly`` only adds the reported flag.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

RANK = {"asserted": 0, "intended": 1, "hypothetical": 2, "negated": 3}
NOUN_CLIMB_DEPS = ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod",
                   "conj", "oprd", "npadvmod", "poss", "agent", "dative")


@dataclass(frozen=True)
class Modality:
    modality: str = "asserted"
    reported: bool = False
    reason: str = ""
    purpose: bool = False  # "intended" only because the event is the purpose of another one


class _State:
    def __init__(self) -> None:
        self.modality = "asserted"
        self.reported = False
        self.purpose = False
        self.explicit_intent = False
        self.reasons: list[str] = []

    def set(self, modality: str, reason: str, purpose: bool = False) -> None:
        if RANK[modality] > RANK[self.modality]:
            self.modality = modality
        if modality == "intended":
            self.purpose = self.purpose or purpose
            self.explicit_intent = self.explicit_intent or not purpose
        self.reasons.append(reason)

    def allege(self, reason: str) -> None:
        """What someone alleges is reported, not asserted by the text (CAMEO codes the accusation)."""
        self.reported = True
        self.set("hypothetical", reason)

    def result(self) -> Modality:
        purpose = self.modality == "intended" and self.purpose and not self.explicit_intent
        return Modality(self.modality, self.reported, "; ".join(self.reasons), purpose)


def find_modality(trigger: Token, lexicon: Lexicon, embedders: Mapping[int, str] | None = None) -> Modality:
    """The modality of the event a trigger expresses."""
    words = lexicon.modality
    state = _State()
    embedders = embedders or {}
    _negated_arguments(trigger, words, state)
    _long_running(trigger, words, state)
    if sx.eff_pos(trigger) == "noun" and _scare_quoted(trigger):
        state.set("hypothetical", f"'{trigger.text}' in scare quotes")
    if state.modality == "asserted" and _presupposed(trigger):
        state.reasons.append(f"'{trigger.text}' presupposed (definite subject)")
        return state.result()
    verb = _climb_to_clause(trigger, words, state)
    if trigger.dep_ == "nsubjpass" and trigger.head == verb and _passive_infinitive(verb):
        state.set("intended", f"'{trigger.text}' to be {verb.text}")  # "a summit ... to be held on Friday"
    _scheduled(verb, words, state)
    _risked_passive(verb, words, state)
    _walk_clauses(verb, words, embedders, state, trigger)
    return state.result()


def _presupposed(trigger: Token) -> bool:
    """``the visit of X to Y could have consequences``: a definite event noun that is the subject
    of its clause is presupposed to have happened, whatever the clause says about it."""
    if sx.eff_pos(trigger) != "noun" or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                   for c in trigger.children)
    if any(c.dep_ == "amod" and c.tag_ in ("VBN", "VBG") for c in trigger.children):
        return False  # "the planned visit", "the proposed talks", "the upcoming summit"
    return definite and any(c.dep_ == "prep" for c in trigger.children)


def _scheduled(verb: Token, words: Mapping[str, frozenset[str]], state: _State) -> None:
    """``the president visits Moscow next week``: a present tense with a time ahead is a plan."""
    present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children))
    if not present:
        return
    for c in verb.children:
        if c.dep_ in ("npadvmod", "advmod", "prep", "tmod") and any(
                t.lower_ in words["future_time_words"] for t in c.subtree):
            state.set("intended", f"'{c.text}' ahead")
            return


def _risked_passive(verb: Token, words: Mapping[str, frozenset[str]], state: _State) -> None:
    """``the envoy risks being arrested``: a passive gerund right after a verb of anticipation, which the
    parser often reads as a plural noun ("risks" the subject of "arrested"), has not happened."""
    anticipating = words.get("anticipating_predicates", frozenset())
    for c in sx.children(verb, "auxpass"):
        before = verb.doc[c.i - 1] if c.i > 0 else None
        if c.lower_ == "being" and before is not None and sx.lemma_in(before, anticipating):
            state.set("hypothetical", f"'{before.text} being {verb.text}', only anticipated")


def _scare_quoted(word: Token) -> bool:
    """``Turkish "offensives" against Isis``: an event noun alone in quotation marks is someone's name for
    it that the writer keeps at a distance, not an event the text asserts."""
    doc = word.doc
    if word.i == 0 or word.i + 1 >= len(doc):
        return False
    before, after = doc[word.i - 1], doc[word.i + 1]
    return before.is_quote and after.is_quote and not before.whitespace_ and not word.whitespace_


def _long_running(trigger: Token, words: Mapping[str, frozenset[str]], state: _State) -> None:
    """``a decades-long insurgency``, ``has fought a four-decade insurgency against the state``: a war or a
    partnership that has lasted for decades, told with a modifier of its length, is a standing state, no
    particular event (as ``for decades`` is); not ``a decades-old ban`` (the ban's age, not its act)."""
    if sx.eff_pos(trigger) == "noun":
        nouns = [trigger]
    elif sx.lemma_in(trigger, words.get("waging_verbs", frozenset())):
        nouns = sx.children(trigger, "dobj")
    else:
        return
    spans, counts = words.get("long_spans", frozenset()), words.get("span_counts", frozenset())
    for noun in nouns:
        before = [t.lower_ for t in noun.doc[noun.left_edge.i:noun.i]]
        for i, w in enumerate(before):
            nxt = before[i + 1:i + 3]
            if w in spans and (nxt == ["-", "long"] or (i > 0 and before[i - 1] in counts)
                               or (i > 1 and before[i - 1] == "-" and before[i - 2] in counts)):
                state.set("hypothetical", f"'{noun.text}' lasting {w}")
                return


def _has_no_det(tok: Token, words: Mapping[str, frozenset[str]]) -> bool:
    return any(c.dep_ in ("det", "neg") and c.lower_ in words["negators"] and not _numbered(c) for c in tok.children)


def _numbered(word: Token) -> bool:
    """``a No 10 spokesman``, ``No. 2 official``: "No" before a number names a rank or an address."""
    nxt = word.nbor() if word.i + 1 < len(word.doc) else None
    if nxt is not None and nxt.text == "." and nxt.i + 1 < len(word.doc):
        nxt = nxt.nbor()
    return word.text[:1] == "N" and nxt is not None and nxt.text[:1].isdigit()


def _passive_infinitive(verb: Token) -> bool:
    """``to be held``, ``to be signed``: an act ahead."""
    kids = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "to" in kids and "be" in kids


def _negated_arguments(trigger: Token, words: Mapping[str, frozenset[str]], state: _State) -> None:
    """``no agreements were signed``, ``signed no deal``, ``no visit took place``; for an event
    noun also ``a planned visit`` (intended) and ``postponed the visit`` (negated)."""
    if sx.eff_pos(trigger) == "noun":
        if _has_no_det(trigger, words):
            state.set("negated", f"'no' before '{trigger.text}'")
        if any(c.dep_ in ("amod", "compound", "acl") and sx.lemma_in(c, words["unrealized_modifiers"])
               for c in trigger.children):
            state.set("intended", f"'{trigger.text}' not yet held")
        if any(c.dep_ in ("amod", "compound") and c.lower_ in words.get("anticipated_modifiers", ())
               for c in trigger.children):
            state.set("hypothetical", f"'{trigger.text}' only awaited")  # "an imminent attack"
        elif any(_passive_infinitive(c) for c in trigger.children if c.dep_ in ("acl", "relcl")):
            state.set("intended", f"'{trigger.text}' to be held")  # "a summit to be held on Friday"
        head = trigger.head
        if trigger.dep_ in ("dobj", "nsubjpass") and sx.eff_pos(head) == "verb" and sx.lemma_in_phrasal(
                head, words["negating_predicates"]):  # "called off the talks"
            state.set("negated", f"'{trigger.text}' {head.text}")
        return
    for arg in sx.children(trigger, "nsubjpass", "dobj", "nsubj"):
        if _has_no_det(arg, words) or (arg.dep_ in ("nsubj", "nsubjpass") and arg.lower_ in words["negators"]):
            state.set("negated", f"'{arg.text}' as {arg.dep_}")  # "neither side agreed", "none attacked"


def _climb_to_clause(trigger: Token, words: Mapping[str, frozenset[str]], state: _State) -> Token:
    """From a nominal trigger up to the verb of its clause; prepositions on the way may negate
    (``without``) or mark an allegation (``accused of``)."""
    cur = trigger
    direct = True  # the trigger is still the complement itself (or one of its conjuncts)
    for _ in range(10):
        if sx.eff_pos(cur) in ("verb", "adj") and cur.dep_ not in ("amod", "compound", "prep"):
            return cur
        head = cur.head
        if head == cur or cur.dep_ not in NOUN_CLIMB_DEPS:
            return cur
        if cur.dep_ == "pobj" and head.lower_ in ("without",):
            state.set("negated", "under 'without'")
        if cur.dep_ == "pobj" and direct and head.lower_ == "from" and head.dep_ == "prep" and sx.lemma_in_phrasal(
                head.head, words.get("refraining_predicates", frozenset())):
            state.set("negated", f"'{head.head.text} from'")  # "held off from a full-scale attack"
        if cur.dep_ == "dobj" and direct and sx.lemma_in_phrasal(head, words.get("preparing_predicates", frozenset())):
            state.set("hypothetical", f"'{head.text}' ahead")  # "prepare an offensive": not yet, nor announced
        _anticipated(cur, head, direct, words, state)
        if cur.dep_ == "prep" and direct and cur.lower_ in words.get("head_preps", ()):
            _unrealizing_head(cur, head, words, state)
        direct = direct and cur.dep_ in ("pobj", "conj")
        if cur.dep_ in ("nsubj", "nsubjpass") and _has_no_det(cur, words):
            state.set("negated", f"'no' before '{cur.text}'")
        cur = head
    return cur


def _anticipated(cur: Token, head: Token, direct: bool, words: Mapping[str, frozenset[str]], state: _State) -> None:
    """``risks a wider confrontation``, ``fear an offensive``: an event noun a verb of anticipation takes as
    object; ``bracing for an attack``, ``gearing up for an offensive``: one after its "for". Neither happened."""
    if not direct:
        return
    if cur.dep_ == "dobj" and sx.eff_pos(head) == "verb" and sx.lemma_in_phrasal(
            head, words.get("anticipating_predicates", frozenset())):
        state.set("hypothetical", f"'{head.text}' {cur.text}, only anticipated")
    elif (cur.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep"
          and sx.lemma_in_phrasal(head.head, words.get("bracing_predicates", frozenset()))):
        state.set("hypothetical", f"'{head.head.text} for', only anticipated")


def _unrealizing_head(prep: Token, noun: Token, words: Mapping[str, frozenset[str]], state: _State) -> None:
    """``the prospect of an operation``, ``fears of an offensive``: an event noun that completes a noun
    of possibility, hope or request has not happened; ``in the absence of an understanding``,
    ``Russia's veto of an investigation``: one that completes a noun of lack or prevention did not."""
    if sx.eff_pos(noun) != "noun":
        return
    if sx.lemma_in(noun, words.get("negating_heads", frozenset())):
        state.set("negated", f"'{noun.text} {prep.text}'")
    elif sx.lemma_in(noun, words.get("unrealized_heads", frozenset())):
        state.set("hypothetical", f"'{noun.text} {prep.text}'")


def _habitual(c: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``which has occasionally cooperated with``, ``had long tolerated``, ``for decades``: what a
    party does habitually or has done for years is a standing state, no particular event."""
    if c.dep_ == "advmod":
        if c.lower_ in words.get("habitual_before_verb", ()):  # "had long tolerated", not "so long as"
            before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
            return c.i < c.head.i and not list(c.children) and before not in ("so", "as", "how")
        return c.lower_ in words.get("habitual_adverbs", ())
    if c.dep_ == "prep" and c.lower_ in ("for", "over"):
        return any(g.dep_ == "pobj" and g.lower_ in words.get("habitual_spans", ()) and g.tag_ == "NNS"
                   and all(d.lower_ in ("many", "several") for d in g.children)  # not "his years", "years to come"
                   for g in c.children)
    return False


def _markers(verb: Token) -> list[Token]:
    """The verb's dependents, with the auxiliaries the parser hung on one of its auxiliaries (``should be
    leading``, parsed with "should" under "be"): a modal there is the verb's own."""
    kids = list(verb.children)
    return kids + [g for c in kids if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ in ("aux", "neg")]


def _own_markers(verb: Token, words: Mapping[str, frozenset[str]], state: _State) -> None:
    for c in _markers(verb):
        low = c.lower_
        if _habitual(c, words):
            state.set("hypothetical", f"habitual '{c.text}' on '{verb.text}'")
            continue
        if c.dep_ == "neg" or (c.dep_ == "advmod" and low in ("never",)):
            state.set("negated", f"'{c.text}' on '{verb.text}'")
        elif c.dep_ == "aux" and low in words["hypothetical_aux"]:
            if low in ("would", "'d") and _backshifted(verb, words):
                state.set("intended", f"'{c.text}' in reported speech")
            else:
                state.set("hypothetical", f"'{c.text}' on '{verb.text}'")
        elif c.dep_ == "aux" and low in words["intended_aux"]:
            state.set("intended", f"'{c.text}' on '{verb.text}'")
        elif c.dep_ == "mark" and low in words["hypothetical_marks"]:
            state.set("hypothetical", f"'{c.text}' clause")
        elif c.dep_ == "advmod" and sx.lemma_in(c, words["hypothetical_predicates"]):
            state.set("hypothetical", f"'{c.text}'")
        elif c.dep_ == "advmod" and low in ("allegedly", "purportedly"):
            state.allege(f"'{c.text}'")
        elif c.dep_ == "advmod" and low == "reportedly":
            state.reported = True
            state.reasons.append(f"'{c.text}'")


BE_CLITICS = frozenset({"'re", "'s", "'m"})  # "we’re going to": the parser leaves the curly form unlemmatised


def _going_to(head: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``we are going to withdraw``, ``was going to attack``: the progressive of "go" with "be" before a
    to-infinitive is a future of intent, like "will" (its lemma, "go", is a factive predicate: "went on
    to win"; the form is listed with the intended predicates)."""
    return head.tag_ == "VBG" and head.lower_ in words["intended_predicates"] and any(
        c.dep_ == "aux" and (sx.lemma(c) == "be" or c.lower_.replace("\u2019", "'") in BE_CLITICS) for c in head.children)


def _modal(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """The verb has a hypothetical auxiliary (``would be``, ``could allow``)."""
    return any(c.dep_ == "aux" and c.lower_ in words["hypothetical_aux"] for c in verb.children)


def _infinitive(verb: Token) -> bool:
    """A to-infinitive with no auxiliary or mark of its own (``allow Russia to cut``)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "mark")]
    return bool(auxes) and all(c.tag_ == "TO" for c in auxes)


def _backshifted(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``announced it would prohibit``: ``would`` as the past of ``will`` under a speech verb, or in
    the clause of a noun of announcement (``an announcement that it would send``)."""
    for head, dep in sx.ancestors_path(verb):
        if dep in ("acl", "ccomp") and sx.eff_pos(head) == "noun" and sx.lemma_in(head, words["announcement_nouns"]):
            return True
        if dep == "ccomp":
            return sx.lemma_in(head, words["say_verbs"]) or sx.lemma_in(head, words["intended_predicates"])
        if dep not in ("conj", "xcomp"):
            return False
    return False


def _factive_head(noun: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``the first country to recognize``, ``took steps to enhance``, ``Budapest's decision to block``:
    the infinitive happened (not after "no" or "any": ``have not made any decision to launch``)."""
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
        return False
    if sx.lemma_in(noun, words["factive_predicates"]):
        return True
    return any(c.dep_ == "amod" and c.lower_ in ("first", "last", "only", "second", "third", "sole")
               for c in noun.children)


def _first_to(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``Iran became the first country to recognize it``: the infinitive states what happened."""
    if sx.lemma(verb) not in sx.COPULAS:
        return False
    return any(_factive_head(c, words) for c in verb.children if c.dep_ in ("attr", "acomp", "oprd"))


def _is_purpose(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not sx.children(
        verb, *sx.SUBJ_DEPS)


def _imperative(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``said push back and try to offer them something``, ``"Cut the aid," he said``: a bare verb with
    no subject that opens quoted or reported speech is advice or an order, not an act."""
    if verb.tag_ != "VB" or verb.pos_ != "VERB" or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "mark") for c in verb.children):
        return False
    doc = verb.doc
    if any(not t.is_punct for t in doc[verb.left_edge.i:verb.i]):
        return False  # the verb opens its clause
    if verb.dep_ in ("ccomp", "xcomp"):
        return sx.lemma_in(verb.head, words["say_verbs"]) and verb.head.i < verb.i
    return verb.dep_ == "ROOT" and verb.i > 0 and doc[verb.i - 1].is_quote


def _consequent(verb: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``If he gets his way, Trump will announce ...``: the main clause of a condition put before it tells
    what would follow, not what happened; not in what a party says, warns or promises (``warned that if
    X attacked it would retaliate``: CAMEO codes the threat, a speech act that contains a condition).
    A condition after the subject or the verb is often a hedge or a treaty's terms (``the attack, if
    that is what it was``, ``pledging aid if attacked``), and ``as if``, ``even if`` are no condition."""
    subjects = sx.children(verb, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS)
    start = min([verb.i] + [s.left_edge.i for s in subjects])
    if not any(_condition(c, words) and c.right_edge.i < start for c in sx.children(verb, "advcl")):
        return False
    spoken = words["say_verbs"] | words["hypothetical_predicates"] | words["intended_predicates"]
    if sx.lemma_in(verb, spoken) and not any(c.dep_ == "aux" and c.lower_ in words["intended_aux"] | words["hypothetical_aux"]
                                             for c in verb.children):
        return False  # "If Turkey attacks, Trump said, ...": the condition belongs to what is said
    return not any(sx.lemma_in(head, spoken) for head, _ in sx.ancestors_path(verb))


def _question(root: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """``Would Moscow really risk a war?``, ``Why did the envoy leave?``: the main clause of a question asks,
    it tells nothing (the corpus writers code 118 of the 146 events of their questions hypothetical, most of the
    rest event nouns and subordinate clauses, which this leaves alone); not a sentence with a
    quotation, whose question mark may close what a speaker asked, nor a statement that ends on a question
    of its own ("He refused, for how could he?"): the sentence opens with the question's word or verb."""
    sent = root.sent
    tokens = [t for t in sent if not t.is_space and not t.is_punct]
    if not tokens or sent[-1].text != "?" or any(t.is_quote for t in sent):
        return False
    first = tokens[0]
    return first.lower_ in words.get("question_words", ()) or first.tag_ == "MD" or first.pos_ == "AUX"


def _condition(clause: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """A clause of condition with a verb of its own (not ``if necessary``, ``if anything``)."""
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    for m in sx.children(clause, "mark"):
        before = clause.doc[m.i - 1].lower_ if m.i > 0 else ""
        if m.lower_ in words.get("conditional_marks", ()) and before not in ("as", "even"):
            return True
    return False


def _walk_clauses(verb: Token, words: Mapping[str, frozenset[str]], embedders: Mapping[int, str],
                  state: _State, trigger: Token) -> None:
    cur = verb
    for _ in range(12):
        _own_markers(cur, words, state)
        if _consequent(cur, words):
            state.set("hypothetical", f"'{cur.text}' the consequent of a condition")
        if _imperative(cur, words):
            state.set("hypothetical", f"'{cur.text}' an imperative")
        head, dep = cur.head, cur.dep_
        if head == cur:
            if sx.eff_pos(trigger) == "verb" and _question(cur, words):
                state.set("hypothetical", f"'{cur.text}' asked, not told")
            return
        if head.i in embedders and head.i != trigger.i:
            effect = embedders[head.i]
            if effect == "reported":
                state.allege(f"allegation '{head.text}'")
            else:
                state.set(effect, f"embedded under '{head.text}'")
            return
        if dep in ("prep", "pobj", "pcomp"):
            cur = head
            continue
        if not _step(cur, head, dep, words, state):
            return
        cur = head


def _step(cur: Token, head: Token, dep: str, words: Mapping[str, frozenset[str]], state: _State) -> bool:
    """Apply what the governing word does to the clause below it; True to keep climbing."""
    def has(name: str) -> bool:
        return sx.lemma_in(head, words[name])

    reported_noun = sx.eff_pos(head) == "noun" and has("reported_nouns") and dep in ("acl", "ccomp")
    if reported_noun or (has("reported_predicates") and dep in ("ccomp", "xcomp", "pcomp", "acl", "prep", "advcl")):
        state.allege(f"allegation '{head.text}'")  # "accused X of", "reports that X"
        return False
    if dep in ("acl", "ccomp") and sx.eff_pos(head) == "noun" and has("evidence_heads") and any(
            c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        state.set("negated", f"'no {head.text}' that")  # "no sign that Beijing intends to cut"
        return False
    if dep in ("xcomp", "ccomp", "acl", "pcomp"):  # complements, not adverbial clauses
        if has("negating_predicates"):
            state.set("negated", f"under '{head.text}'")
            return dep == "xcomp"
        if has("hypothetical_predicates") and dep != "pcomp":
            state.set("hypothetical", f"under '{head.text}'")
            return dep == "xcomp"
        if (has("intended_predicates") or _going_to(head, words)) and (dep == "ccomp" or _is_purpose(cur)):
            state.set("intended", f"under '{head.text}'")
            return dep == "xcomp"
    if dep == "xcomp" and sx.lemma(head) in ("have", "be") and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
        state.set("negated", f"'yet to' on '{head.text}'")  # "has yet to recognise"
        return False
    if dep == "xcomp":
        if (_is_purpose(cur) and sx.children(head, "dobj") and not sx.lemma_in(head, sx.OBJECT_CONTROL)
                and not has("factive_predicates")):
            state.set("intended", f"purpose of '{head.text}'", purpose=True)  # "visited X to sign"
            return False
        return True
    if dep == "conj":  # "to give up X and to hand Y": a conjoined infinitive shares its governor
        return not sx.children(cur, *sx.SUBJ_DEPS, *sx.PASSIVE_SUBJ_DEPS) and not any(
            c.dep_ == "aux" and c.tag_ != "TO" for c in cur.children)
    if dep == "advcl":
        if any(c.dep_ == "mark" and c.lower_ in words["hypothetical_marks"] for c in cur.children):
            state.set("hypothetical", "conditional clause")
        elif has("hypothetical_predicates") and any(c.dep_ == "mark" and c.lower_ == "for" for c in cur.children):
            state.set("hypothetical", f"'{head.text} for' what another should do")  # "called for X to withdraw"
        elif _is_purpose(cur) and not _first_to(head, words):
            state.set("intended", f"purpose of '{head.text}'", purpose=True)
        return False
    if dep in ("acl", "relcl") and _is_purpose(cur) and not _factive_head(head, words):
        state.set("intended", f"purpose of '{head.text}'", purpose=True)
        return False
    if dep == "acomp":  # "will remain determined to", "was not able to": the copula's markers count
        return True
    if dep in ("csubj", "csubjpass") and cur.tag_ == "VBG" and _modal(head, words):
        state.set("hypothetical", f"the subject of '{head.text}', itself supposed")  # "Seizing X would be a gain"
        return False
    if dep == "ccomp" and not has("say_verbs") and _infinitive(cur) and _modal(head, words):
        state.set("hypothetical", f"under '{head.text}', itself supposed")  # "would allow Russia to cut"
        return False
    if dep == "ccomp":
        if not has("say_verbs") and head.i < cur.i and not sx.children(cur, "aux", "mark") and _modal(head, words):
            state.set("hypothetical", f"under '{head.text}', itself supposed")  # "could see her family take"
        return False
    return False
