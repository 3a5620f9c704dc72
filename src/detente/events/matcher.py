"""Match lexicon rules against tokens: the trigger's lemma, part of speech and dependents.

``match_rule(token, rule)`` returns a ``Match`` (with the tokens the rule used) or the reason it
did not fire, a short string that ``explain`` shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..doctext import doc_forms
from ..wordlists import word_set
from . import syntax as sx
from .lexicon import Lexicon, Rule

import numpy as np
from spacy.attrs import ENT_TYPE, LEMMA, LOWER

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Match:
    """A rule that fired on a trigger token, with the dependents its constraints matched."""

    rule: Rule
    trigger: Token
    anchors: tuple[Token, ...]  # trigger + matched object/prep tokens: where role preps are looked for
    consumed: frozenset[int] = field(default_factory=frozenset)  # tokens no other rule may fire on
    complement: Token | None = None
    governor: Token | None = None  # support verb of a nominal trigger (``paid a visit``)

    @property
    def start(self) -> int:
        return min(t.i for t in self.anchors if t.i <= self.trigger.i) if self.anchors else self.trigger.i


_MEMO_MAX = 200_000  # (form, lemma) pairs remembered before the memo is emptied
PERSON_KEY = "#person"  # in the $person class: what a PERSON entity matches


def trigger_lemmas(tok: Token) -> list[str]:
    """The lemma keys a token can trigger on (its lemma, its lowercase form, a re-joined compound)."""
    keys = sx.lemma_keys(tok)
    if tok.lower_ not in keys:
        keys.append(tok.lower_)
    joined = sx.joined_lemma(tok)
    if joined and joined not in keys:
        keys.insert(0, joined)
    if tok.ent_type_ == "PERSON":
        keys.append(PERSON_KEY)  # a named person is a person object ("captured Bafrin")
    return keys


def candidate_rules(tok: Token, lexicon: Lexicon) -> list[Rule]:
    seen: dict[str, Rule] = {}
    for key in trigger_lemmas(tok):
        for rule in lexicon.rules_for(key):
            seen.setdefault(rule.id, rule)
    return list(seen.values())


def rule_tokens(doc: Doc, lexicon: Lexicon) -> list[bool]:
    """For each token of ``doc``, whether ``candidate_rules`` may find a rule for it: one of the
    forms ``trigger_lemmas`` could make of its lower-case form and lemma (whatever its tag) is a key
    of the lexicon, or it follows a hyphen (a re-joined compound), or it is a PERSON and the
    lexicon has person rules. Read from the Doc's arrays, each (form, lemma) pair asked once: the
    coder skips the other tokens, on which no rule could be tried."""
    keys = lexicon.by_lemma
    strings = doc.vocab.strings
    if not len(doc):
        return []
    values = doc.to_array([LOWER, LEMMA, ENT_TYPE])
    memo = lexicon.key_memo
    if len(memo) >= _MEMO_MAX:
        memo.clear()

    def hit(lower: int, lemma: int) -> bool:  # each (form, lemma) pair asked once
        low, base = strings[lower], strings[lemma].lower()
        memo[(lower, lemma)] = found = any(form in keys for form in (
            base, base + "e", low, low[:-1], low[:-2], low[:-3] + "y", low[:-3], low[:-3] + "e"))
        return found

    pairs = zip(values[:, 0].tolist(), values[:, 1].tolist())
    out = np.array([memo[p] if p in memo else hit(*p) for p in pairs], dtype=bool)
    out[1:] |= values[:-1, 0] == strings.add("-")  # after a hyphen: a re-joined compound
    if PERSON_KEY in keys:
        out |= values[:, 2] == strings.add("PERSON")
    return out.tolist()


def _lemma_in(tok: Token, words: tuple[str, ...], facts: _Facts | None = None) -> bool:
    keys = facts.keys(tok) if facts is not None else trigger_lemmas(tok)
    return any(k in words for k in keys)


class _Facts:
    """What the rules tried on one token read of it and of its neighbours (its objects, complements,
    modifiers, subjects, part of speech, voice, each word's lemma keys), worked out once for all the
    rules instead of once per rule. Valid while the Doc is unchanged (one ``matches_for`` call)."""

    def __init__(self, tok: Token):
        self.tok = tok
        self._memo: dict[tuple[str, int], Any] = {}

    def _once(self, name: str, i: int, work: Callable[[], Any]) -> Any:
        key = (name, i)
        if key not in self._memo:
            self._memo[key] = work()
        return self._memo[key]

    def keys(self, t: Token) -> list[str]:
        return self._once("keys", t.i, lambda: trigger_lemmas(t))

    def pos(self) -> str:
        return self._once("pos", 0, lambda: sx.eff_pos(self.tok))

    def passive(self) -> bool:
        return self._once("passive", 0, lambda: sx.is_passive(self.tok))

    def objects(self) -> list[Token]:
        return self._once("objects", 0, lambda: objects_of(self.tok))

    def particles(self) -> list[Token]:
        return self._once("particles", 0, lambda: particles_of(self.tok))

    def complements(self) -> list[Token]:
        return self._once("complements", 0, lambda: sx.complements(self.tok))

    def modifiers(self) -> list[Token]:
        return self._once("modifiers", 0, lambda: modifiers_of(self.tok))

    def subjects(self) -> list[Token]:
        return self._once("subjects", 0, lambda: _subject_heads(self.tok))

    def governors(self) -> list[Token]:
        return self._once("governors", 0, lambda: _governor_words(self.tok))

    def tag(self) -> str:
        return self._once("tag", 0, lambda: self.tok.tag_)

    def shape(self) -> str | None:
        """Why the token's own shape stops any rule of its part of speech (``_check_token``), or None."""
        return self._once("shape", 0, lambda: _shape(self.tok, self.pos()))

    def adjectival(self) -> bool:
        return self._once("adjectival", 0, lambda: _adjectival(self.tok))


def _shape(tok: Token, pos: str) -> str | None:
    if pos == "noun":
        return _nonevent_noun(tok)
    if tok.dep_ == "amod" or _before_hyphen(tok):
        return "a modifier of a noun (alleged, detained, war-weary)"
    return None


def objects_of(tok: Token) -> list[Token]:
    """The object(s) a rule's ``object`` constraint looks at, by part of speech."""
    pos = sx.eff_pos(tok)
    if pos == "verb":
        objs = sx.direct_objects(tok)
        if not objs:  # "agreed on a deal", "signed up to", light verbs with particles
            objs = [sx.object_head(o) for o in sx.prep_objects(tok, ("on", "upon", "to"))
                    if sx.eff_pos(o) == "noun"]
    elif pos == "noun":
        objs = [sx.object_head(o) for o in sx.prep_objects(tok, ("of", "for", "on", "to"))]
    else:
        objs = [sx.object_head(o) for o in sx.prep_objects(tok, ("to", "of", "with", "on"))]
    out = []
    for o in objs:  # "the town, which rebels captured": the town
        out.extend(sx.with_conjuncts(sx.relative_antecedent(o)))
    return out


def modifiers_of(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod", "nummod")]
    doc = tok.doc
    if tok.i >= 2 and doc_forms(doc)[tok.i - 1] == "-":  # hyphenated compound: "hunger-strike"
        out.append(doc[tok.i - 2])
    return out


PARTICLES = word_set("events", "particles")


def particles_of(tok: Token) -> list[Token]:
    """Particles of a phrasal verb, also when the parser called them prepositions
    (``walked out of the talks``, ``handed them over``)."""
    return [c for c in tok.children
            if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and not list(c.children))
            or (c.dep_ == "prep" and c.lower_ in PARTICLES and c.i == tok.i + 1
                and not any(g.dep_ == "pobj" for g in c.children))]


def _subject_heads(tok: Token) -> list[Token]:
    """The subject words a ``subject`` constraint reads: heads (past quantifiers) and their modifiers."""
    pos = sx.eff_pos(tok)
    if pos == "noun":
        verb, _ = sx.governing_verb(tok)
        heads = sx.subject(verb) if verb is not None else []
        heads += [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
    else:
        heads = sx.children(tok, *sx.SUBJ_DEPS) or sx.subject(tok)
    out = []
    for h in map(sx.relative_antecedent, heads):  # "protesters who blocked the road": protesters
        inner = sx.object_head(h)
        out.extend([h, inner] if inner != h else [h])  # "thousands of Hungarians": both words
        out.extend(c for c in inner.children if c.dep_ in ("compound", "amod"))
    return [t for t in out if not _inside_name(t)]


def _inside_name(tok: Token) -> bool:
    """A word of a multi-word proper name ("the European Union" is no trade union)."""
    if tok.tag_ not in ("NNP", "NNPS"):
        return False
    # read from the IOB tags, not doc.ents (which builds every entity span: quadratic over a document)
    following = tok.doc[tok.i + 1].ent_iob_ if tok.i + 1 < len(tok.doc) else "O"
    return tok.ent_iob_ == "I" or (tok.ent_iob_ == "B" and following == "I")


def _check_words(label: str, toks: list[Token], words: tuple[str, ...], exclude: tuple[str, ...],
                 facts: _Facts) -> str | None:
    if words and not any(_lemma_in(t, words, facts) for t in toks):
        found = ", ".join(sx.lemma(t) for t in toks) or "none"
        return f"{label} not in rule's list (found: {found})"
    if exclude and any(_lemma_in(t, exclude, facts) for t in toks):
        return f"{label} is excluded"
    return None


def match_rule(tok: Token, rule: Rule, facts: _Facts | None = None) -> Match | str:
    """Try one rule on one token: a Match, or why it did not fire. ``facts``: what other rules
    tried on the same token have already read of it."""
    f = facts if facts is not None and facts.tok.i == tok.i else _Facts(tok)
    why = _check_token(tok, rule, f)
    if why:
        return why
    anchors: list[Token] = [tok]
    consumed = {tok.i}
    why = _check_object_and_particle(tok, rule, anchors, consumed, f) or \
        _check_preps(tok, rule, anchors, consumed, f)
    if why:
        return why
    comp = _complement(tok, rule, f)
    if isinstance(comp, str):
        return comp
    mods = f.modifiers()
    why = _check_words("modifier", mods, rule.modifier, rule.exclude_modifier, f)
    if why:
        return why
    if rule.modifier:
        consumed |= {m.i for m in mods if _lemma_in(m, rule.modifier, f)}
    if rule.subject or rule.exclude_subject:
        why = _check_words("subject", f.subjects(), rule.subject, rule.exclude_subject, f)
        if why:
            return why
    if rule.governor or rule.exclude_governor:
        why = _check_words("governor", f.governors(), rule.governor, rule.exclude_governor, f)
        if why:
            return why
    governor = sx.governing_verb(tok)[0] if f.pos() == "noun" else None
    return Match(rule=rule, trigger=tok, anchors=tuple(anchors), consumed=frozenset(consumed),
                 complement=comp, governor=governor)


def _dep_is(child: Token, entry: str) -> bool:
    """``oprd``: a dependent of that label; ``ccomp/noun|adj``: one whose word is of those parts of
    speech ("considers the militia a threat", a small clause, not "considers sanctions")."""
    dep, _, pos = entry.partition("/")
    return child.dep_ == dep and (not pos or child.pos_.lower() in pos.split("|"))


def _check_token(tok: Token, rule: Rule, f: _Facts) -> str | None:
    """Part of speech, voice and the token's own shape."""
    pos = f.pos()
    if pos != rule.pos and not (rule.pos == "adj" and pos == "verb" and f.tag() == "VBN"):
        return f"part of speech is {pos}, rule wants {rule.pos}"
    why = f.shape()  # (of the token alone: read once for all its rules)
    if why:
        return why
    if rule.pos == "adj" and f.tag() == "VBN" and not f.adjectival():
        return "a verb here, not an adjective"
    if rule.exclude_dep and any(_dep_is(c, d) for c in tok.children for d in rule.exclude_dep):
        return f"has an excluded dependent ({'/'.join(rule.exclude_dep)})"
    if rule.require_dep and not any(_dep_is(c, d) for c in tok.children for d in rule.require_dep):
        return f"no dependent {'/'.join(rule.require_dep)}"
    if rule.passive == "only" and not f.passive():
        return "rule wants passive voice"
    if rule.passive == "never" and f.passive():
        return "rule excludes passive voice"
    return None


def _check_object_and_particle(tok: Token, rule: Rule, anchors: list[Token], consumed: set[int],
                               f: _Facts) -> str | None:
    objs = f.objects()
    why = _check_words("object", objs, rule.object, rule.exclude_object, f)
    if why:
        return why
    if rule.object:
        hits = [o for o in objs if _lemma_in(o, rule.object, f)]
        anchors.extend(hits)
        for h in hits:
            consumed |= _nominal_subtree(h)
    if rule.particle:
        parts = f.particles()
        if not any(p.lower_ in rule.particle for p in parts):
            return f"particle {'/'.join(rule.particle)} missing"
        consumed |= {p.i for p in parts}
        anchors.extend(p for p in parts if p.lower_ in rule.particle)  # "walked out | of the talks"
    return None


def _governor_words(tok: Token) -> list[Token]:
    """The word a trigger hangs from, and through a preposition the word above it
    (``at the invitation``: at; ``the lifting of sanctions``: of, lifting)."""
    if tok.head == tok:
        return []
    out = [tok.head]
    if tok.head.dep_ in ("prep", "agent") and tok.head.head != tok.head:
        out.append(tok.head.head)
    return out


def _before_hyphen(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_


def _adjectival(tok: Token) -> bool:
    """A past participle used as a predicate adjective (``is opposed to``, not ``have committed``)."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return False
    if tok.dep_ in ("acomp", "amod", "oprd"):
        return True
    return any(c.dep_ in ("auxpass", "aux") and c.lemma_.lower() == "be" for c in tok.children)


def _nonevent_noun(tok: Token) -> str | None:
    """Nouns that name rather than report: part of a name, a date, a modifier of another noun."""
    if tok.tag_ in ("NNP", "NNPS"):
        return "a proper noun (part of a name)"
    if tok.ent_type_ in sx.NONEVENT_ENTS:
        return f"inside a {tok.ent_type_} entity"
    if tok.dep_ == "compound" and tok.head.i > tok.i:
        return f"modifies '{tok.head.text}' (compound)"
    if _before_hyphen(tok):
        return "first part of a hyphenated modifier"
    return None


def _time_phrase(prep: Token) -> bool:
    """``on Monday``, ``in May``: a time, not the argument a rule's preposition asks for."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _check_preps(tok: Token, rule: Rule, anchors: list[Token], consumed: set[int], f: _Facts) -> str | None:
    if not (rule.prep or rule.exclude_prep or rule.exclude_prep_object):
        return None
    preps = [c for a in anchors for c in a.children if c.dep_ in ("prep", "agent", "dative")]
    if rule.exclude_prep and any(p.lower_ in rule.exclude_prep for p in preps):
        return "preposition is excluded"
    if rule.exclude_prep_object and any(_lemma_in(sx.object_head(o), rule.exclude_prep_object, f)
                                        for p in preps for o in p.children if o.dep_ == "pobj"):
        return "object of a preposition is excluded"
    if not rule.prep:
        return None
    wanted = [p for p in preps if p.lower_ in rule.prep and not _time_phrase(p)]
    if not wanted and rule.prep_object and f.pos() == "verb":
        # the parser may hang the phrase on the object ("stripped [X of their citizenship]"):
        # with the phrase's object named by the rule, that reading is safe
        wanted = [c for o in sx.direct_objects(tok) for c in o.children if c.dep_ == "prep" and c.lower_ in rule.prep]
    if not wanted and f.pos() == "noun" and tok.dep_ == "dobj":
        # and the other way round: "opened hearings [into X]" hung on the verb
        wanted = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in rule.prep and c.i > tok.i]
    if not wanted:
        return f"preposition {'/'.join(rule.prep)} missing"
    if rule.prep_object:
        for p in wanted:
            pobjs = [sx.object_head(o) for o in p.children if o.dep_ in ("pobj", "pcomp")]
            pobjs = [x for o in pobjs for x in sx.with_conjuncts(o)]
            hits = [o for o in pobjs if _lemma_in(o, rule.prep_object, f)]
            if hits:
                anchors.extend(hits)
                consumed.add(p.i)
                for h in hits:  # a gerund ("accused of shelling") stays an event of its own
                    if sx.eff_pos(h) == "noun":
                        consumed |= _nominal_subtree(h)
                return None
        return f"object of '{'/'.join(rule.prep)}' not in rule's list"
    anchors.extend(wanted)
    return None


def _complement(tok: Token, rule: Rule, f: _Facts) -> Token | None | str:
    comps = f.complements()
    if "*" in rule.exclude_comp and comps:
        return "has a complement"
    if "*" in rule.comp:
        return comps[0] if comps else "no complement"
    if rule.comp_aux:
        comps = [c for c in comps if any(a.dep_ == "aux" and a.lower_ in rule.comp_aux for a in c.children)]
        if not comps:
            return f"no complement with {'/'.join(rule.comp_aux)}"
    if rule.comp:
        hits = [c for c in comps if _lemma_in(c, rule.comp, f)]
        if not hits:
            found = ", ".join(sx.lemma(c) for c in comps) or "none"
            return f"complement not in rule's list (found: {found})"
        return hits[0]
    if rule.exclude_comp and any(_lemma_in(c, rule.exclude_comp, f) for c in comps):
        return "complement is excluded"
    return comps[0] if comps else None


def _nominal_subtree(tok: Token) -> set[int]:
    """The noun phrase of a matched object, without clauses hanging from it."""
    out = {tok.i}
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp", "appos", "punct", "cc"):
                continue
            if c.dep_ == "conj" and sx.eff_pos(c) != "noun":
                continue
            out.add(c.i)
            stack.append(c)
    return out


def matches_for(tok: Token, lexicon: Lexicon) -> tuple[list[Match], list[tuple[Rule, str]]]:
    """The rules that fire on a token, most specific first, with every rule tried and its outcome."""
    tried: list[tuple[Rule, str]] = []
    fired: list[Match] = []
    facts = _Facts(tok)
    for rule in candidate_rules(tok, lexicon):
        result = match_rule(tok, rule, facts)
        if isinstance(result, Match):
            fired.append(result)
            tried.append((rule, "fired"))
        else:
            tried.append((rule, result))
    fired.sort(key=lambda m: (-m.rule.specificity, -m.rule.confidence))
    return fired, tried
