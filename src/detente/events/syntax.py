"""Dependency-parse helpers shared by the matcher, the role finder and the modality finder.

Everything here reads a spaCy ``Token`` and its sentence and returns tokens; nothing here knows
about rules or actors. Labels are those of spaCy's English (ClearNLP-style) dependency scheme.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..doctext import doc_forms
from ..wordlists import word_set
from .features import doc_table
from .parts import children as children, eff_pos as eff_pos, first_child as first_child, pos_of as pos_of

if TYPE_CHECKING:
    from spacy.tokens import Token


SUBJ_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJ_DEPS = ("nsubjpass", "csubjpass")
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "dative", "oprd", "npadvmod")
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj", "csubj", "parataxis")
COMPLEMENT_DEPS = ("xcomp", "ccomp")
OBJECT_CONTROL = word_set("events", "object_control")  # "urged Iraq to comply" (data/words/events.yaml)
RELATIVE_PRONOUNS = word_set("events", "relative_pronouns")
COPULAS = word_set("events", "copulas")
QUANTIFIER_HEADS = word_set("events", "quantifier_heads")  # "a shipment of arms", "after hours of talks"
PATIENT_CONTROL = word_set("events", "patient_control_words")  # "was detained after criticising": the detainee
RAISING_VERBS = word_set("events", "raising_verbs")  # "are feared to have been detained": their subject is the patient
NAMING_PARTICIPLES = word_set("events", "naming_participles")  # "known as", "called": no patient of an act
SCENE_PREPS = word_set("events", "gerund_scene_preps")  # "after fighting in X": a noun, said of no one
PLURAL_TAGS = frozenset({"NNS", "NNPS"})  # plural nouns: "troops", "Iranians"
NONEVENT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON",
                           "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE"})


def _child_deps(tok: Token) -> list[str]:
    """The labels of the token's children, in order (no Token per child)."""
    t = doc_table(tok.doc)
    dep = t.dep
    return [dep[c] for c in t.children[tok.i]]


def is_passive(tok: Token) -> bool:
    """A passive verb: has a passive subject or auxiliary, or is a past participle modifying a noun."""
    if any(d in PASSIVE_SUBJ_DEPS or d == "auxpass" for d in _child_deps(tok)):
        return True
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and not _misread_clause(tok):
        return True
    return _passive_adjunct(tok) or _shares_passive(tok)


def _shares_passive(tok: Token) -> bool:
    """``were run over and killed``, ``has been battered, brutalised, killed``: a bare participle
    coordinated with a passive verb shares its passive subject (and its agent, when it has none)."""
    if tok.tag_ != "VBN" or tok.dep_ != "conj" or tok.head.i == tok.i:
        return False
    if any(d in ("aux", "auxpass", "dobj", *SUBJ_DEPS, *PASSIVE_SUBJ_DEPS) for d in _child_deps(tok)):
        return False
    head = tok.head
    return bool(children(head, *PASSIVE_SUBJ_DEPS)) or _shares_passive(head)


def _passive_adjunct(tok: Token) -> bool:
    """A bare past participle with a ``by``-agent and no auxiliary of its own is passive, whatever
    the parser attached it as: adjoined to a clause (``militias hold sway, supported by US
    troops``), coordinated with another participle (``the Kurds, armed and supported by the US``)
    or a relative clause it misread (``groups who, supported by the US, ...``)."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("advcl", "conj", "relcl") or not agent(tok):
        return False
    t = doc_table(tok.doc)
    dep, tag = t.dep, t.tag
    return not any(dep[c] in ("aux", "auxpass", "mark", "dobj", *PASSIVE_SUBJ_DEPS) or tag[c] == "WRB"
                   or (dep[c] in SUBJ_DEPS and tag[c] not in ("WP", "WDT")) for c in t.children[tok.i])


def _adjunct_patient(tok: Token) -> list[Token]:
    """What a bare passive participle says is done to: the antecedent of its relative pronoun, the
    subject of the clause it is adjoined to, or the patient of the participle it is coordinated with."""
    rel = children(tok, *SUBJ_DEPS)
    if rel:
        return [relative_antecedent(r) for r in rel]
    head = tok.head
    if tok.dep_ == "advcl":
        return subject(head)
    if tok.dep_ == "conj":
        if head.dep_ in ("acl", "amod") and head.tag_ in ("VBN", "JJ"):
            return [head.head]  # "the Kurds, armed and supported by the US"
        if is_passive(head):
            return direct_objects(head)
    return []


def _misread_clause(tok: Token) -> bool:
    """``strikes [killed] 20 people``: a participle with a direct object is the main verb the
    parser read as a reduced relative; its noun is its subject."""
    return tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and "dobj" in _child_deps(tok)


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok`` (``agent`` counts as ``by``)."""
    wanted = set(preps)
    out: list[Token] = []
    doc = tok.doc
    t = doc_table(doc)
    dep, lower, kids = t.dep, t.lower, t.children
    for c in kids[tok.i]:
        if dep[c] in ("prep", "agent", "dative") and lower[c] in wanted:
            out.extend(doc[g] for g in kids[c] if dep[g] in ("pobj", "pcomp"))
    return out


def prep_objects_after(noun: Token, preps: Iterable[str]) -> list[Token]:
    """A prepositional phrase right after a noun phrase that the parser hung on the verb instead
    (``the invitation of X, to a conference in Tehran`` with ``to`` on the verb)."""
    verb, _ = governing_verb(noun)
    if verb is None:
        return []
    end = noun.right_edge.i
    doc = noun.doc
    wanted = set(preps)
    out: list[Token] = []
    table = doc_table(doc)
    dep, lower, kids = table.dep, table.lower, table.children
    for c in kids[verb.i]:
        if dep[c] == "prep" and lower[c] in wanted and c > end:
            between = doc[end + 1:c]
            if all(t.is_punct for t in between):
                out.extend(doc[g] for g in kids[c] if dep[g] == "pobj")
    return out


def prep_objects_inside(noun: Token, preps: Iterable[str]) -> list[Token]:
    """The last ``preps`` phrase inside a noun phrase, hung on a participle by the parser
    (``the visit of the delegation headed by the minister to Tehran``)."""
    wanted = set(preps)
    doc, t, n = noun.doc, doc_table(noun.doc), noun.i  # the subtree read from the Doc's table: no Token per word
    dep, head = t.dep, t.head
    found = [c for c in t.subtree(n) if dep[c] == "prep" and t.lower[c] in wanted and c > n and head[c] != n
             and dep[head[c]] == "acl" and pos_of(t.tag[head[c]], t.pos[head[c]], dep[head[c]]) == "verb"]
    if not found:
        return []
    last = doc[max(found)]
    if any(w.is_punct and w.text in (";", ":") for w in doc[n:last.i]):
        return []
    return [gc for gc in last.children if gc.dep_ == "pobj"]


def object_head(tok: Token) -> Token:
    """Skip quantifier heads: ``part of a military aid program`` -> ``program``."""
    seen = 0
    while tok.lemma_.lower() in QUANTIFIER_HEADS and seen < 3:
        inner = prep_objects(tok, ("of",))
        if not inner:
            break
        tok = inner[0]
        seen += 1
    return tok


def quantified_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``preps`` on ``tok``, or else on the quantifier heads ``object_head`` skipped to
    reach it: ``froze the delivery of jets to Egypt`` (``to Egypt`` hangs on ``delivery``),
    ``halted shipments of rare earths to Japan``."""
    found = prep_objects(tok, preps)
    cur, seen = tok, 0
    while not found and seen < 3 and cur.dep_ == "pobj" and cur.head.lower_ == "of" \
            and cur.head.head.lemma_.lower() in QUANTIFIER_HEADS:
        cur, seen = cur.head.head, seen + 1
        found = prep_objects(cur, preps)
    return found


def with_conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens conjoined to it (``Dushanbe and Tehran``), also through an
    apposition the parser hung the conjunct on (``President [Obama] and President Medvedev``)."""
    out = [tok]
    doc = tok.doc
    t = doc_table(doc)
    dep, pos, kids = t.dep, t.pos, t.children
    for c in kids[tok.i]:
        if dep[c] == "conj" and pos[c] in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.extend(with_conjuncts(doc[c]))
        elif dep[c] == "appos":
            out.extend(doc[x] for x in kids[c] if dep[x] == "conj" and pos[x] in ("NOUN", "PROPN"))
    return out


def direct_objects(tok: Token) -> list[Token]:
    """The patient of a verb: its direct object, or its passive subject, or the noun a participle
    modifies (``the first country visited by ...``)."""
    if is_passive(tok):
        if tok.dep_ == "acl" and not children(tok, *PASSIVE_SUBJ_DEPS):
            return [tok.head]
        if _passive_adjunct(tok):
            return _adjunct_patient(tok)
        own = children(tok, *PASSIVE_SUBJ_DEPS)  # "a soldier who was killed": the soldier
        if not own and _shares_passive(tok):
            return direct_objects(tok.head)  # "journalists were run over and killed"
        if not own and tok.dep_ == "conj" and tok.head != tok and not children(tok, *SUBJ_DEPS) \
                and eff_pos(tok.head) in ("verb", "adj"):
            return surface_subject(tok.head)  # "Pompeo is seen as a hawk and has been criticised"
        if not own and tok.dep_ == "xcomp" and lemma_in(tok.head, RAISING_VERBS):
            own = children(tok.head, *PASSIVE_SUBJ_DEPS)  # "four sailors are feared to have been detained"
        return [relative_antecedent(o) for o in own]
    objs = children(tok, "dobj")
    return [object_head(o) for o in objs]


def agent(tok: Token) -> list[Token]:
    return prep_objects(tok, ("by",))


def subject(tok: Token, depth: int = 0) -> list[Token]:
    """The doer of a verb or predicate adjective, following control, coordination and relatives."""
    if depth > 6:
        return []
    if is_passive(tok):
        doers = agent(tok)
        if not doers and _shares_passive(tok):  # "were attacked by X and killed"
            return subject(tok.head, depth + 1)
        # "were detained and tortured by X": a bare participle coordinated after it lends its agent
        return doers or [a for c in children(tok, "conj") if _shares_passive(c) for a in agent(c)][:1]
    own = children(tok, *SUBJ_DEPS)
    if own:
        return [relative_antecedent(s) for s in own]
    head, dep = tok.head, tok.dep_
    if head == tok:
        return []
    if dep in ("acomp", "attr") or (dep == "xcomp" and tok.pos_ == "ADJ"):
        return subject(head, depth + 1)
    if dep == "xcomp":
        objs = children(head, "dobj")
        if objs and head.lemma_.lower() in OBJECT_CONTROL:
            return objs  # object control: "urged Iraq to comply"
        if is_passive(head) and children(head, *PASSIVE_SUBJ_DEPS):
            return children(head, *PASSIVE_SUBJ_DEPS)  # "Germany was obliged to withdraw"
        return subject(head, depth + 1)
    if dep == "conj" and (eff_pos(head) in ("verb", "adj") or head.pos_ == "AUX" and head.dep_ in ("ROOT", "ccomp")):
        return _conjoined_subject(tok, head, depth)
    if dep == "advcl" and _is_nonfinite(tok):
        marked = any(c.dep_ == "mark" and c.lower_ in PATIENT_CONTROL for c in tok.children)
        return (marked and _patient(head)) or subject(head, depth + 1)
    if dep == "relcl" and tok.tag_ == "VB" and _has_child(tok, ("aux",), ("to",)):
        return [head]  # "the first country to recognize it"
    if dep == "acl":
        if _misread_clause(tok):
            return [head]
        if tok.tag_ not in ("VBG", "VB"):
            return agent(tok)
        verb, _ = governing_verb(head)  # "issued a declaration demanding": the declaration's issuer
        return [head] + (subject(verb, depth + 1) if verb is not None else [])
    if dep == "pcomp":
        prep = head
        governor = prep.head
        objs = children(governor, "dobj")
        if objs and prep.lower_ in ("of", "for", "with"):
            return objs  # "accused Iran of supporting ..."
        if eff_pos(governor) in ("verb", "adj"):
            verbal = any(c.dep_ != "prep" or c.lower_ not in SCENE_PREPS for c in tok.children)  # not "after fighting in X"
            return (verbal and prep.lower_ in PATIENT_CONTROL and _patient(governor)) or subject(governor, depth + 1)
        if eff_pos(governor) == "noun":  # "Iran's role in ending the war"
            return children(governor, "poss")
    return []


def surface_subject(tok: Token) -> list[Token]:
    """The grammatical subject, active or passive (``Israel`` in ``Israel is opposed to``)."""
    own = children(tok, *SUBJ_DEPS, *PASSIVE_SUBJ_DEPS)
    if own:
        return [relative_antecedent(s) for s in own]
    if tok.dep_ in ("acomp", "attr", "xcomp", "conj") and tok.head != tok:
        return surface_subject(tok.head) if tok.dep_ != "xcomp" else subject(tok)
    return []


def _conjoined_subject(tok: Token, head: Token, depth: int) -> list[Token]:
    """The doer of a verb coordinated with ``head`` (``X are in Y and have fought``). After a passive, an
    active verb (one with an auxiliary, object or complement) is done by the passive's patient (``were trained by
    Iran and fought US troops``); after a reported passive or copula, by the speaker, whose verb the
    parser took it for (``said X had been poisoned and demanded``)."""
    if is_passive(tok) or not (is_passive(head) or head.pos_ == "AUX"):
        return subject(head, depth + 1)
    if head.dep_ == "ccomp" and head.head.i < head.i and tok.tag_ != "VBG" \
            and (tok.tag_ != "VBN" or children(tok, "aux")):  # not a quotation's clause, nor "and shelling"
        return subject(head.head, depth + 1)
    if not any(c.dep_ in ("aux", "dobj", "dative", "ccomp", "xcomp", "attr", "acomp", "oprd") for c in tok.children):
        return subject(head, depth + 1) if is_passive(head) else []  # "has been complex, fought out along"
    return _patient(head) or subject(head, depth + 1)


def _patient(verb: Token) -> list[Token]:
    """Who a passive verb is done to, the understood doer of its adverbial ``after``/``while`` phrase
    (``was detained by police after criticising X``: the detainee criticised); [] for an active verb."""
    if not is_passive(verb) or lemma_in(verb, NAMING_PARTICIPLES):
        return []
    own = children(verb, *PASSIVE_SUBJ_DEPS)
    return [relative_antecedent(s) for s in own] or ([verb.head] if verb.dep_ == "acl" else [])


def _is_nonfinite(tok: Token) -> bool:
    return tok.tag_ in ("VB", "VBG", "VBN") and not children(tok, *SUBJ_DEPS)


def relative_antecedent(tok: Token) -> Token:
    """``who`` in ``Russia, who has bases ...`` stands for ``Russia``."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def copula_subject(tok: Token) -> Token | None:
    """``country`` in ``Tajikistan was the first country ...`` stands for ``Tajikistan``."""
    if tok.dep_ in ("attr", "acomp", "oprd") and tok.head.lemma_.lower() in COPULAS:
        subj = children(tok.head, *SUBJ_DEPS)
        return subj[0] if subj else None
    if tok.dep_ == "appos":
        return tok.head
    return None


def clause_verb(tok: Token) -> Token:
    """The verb (or predicate adjective) of the clause a token sits in; the token itself if it is one."""
    cur = tok
    for _ in range(12):
        if eff_pos(cur) in ("verb", "adj") and cur.dep_ not in ("amod", "compound", "prep"):
            return cur
        if cur.head == cur:
            return cur
        cur = cur.head
    return cur


def governing_verb(noun: Token, max_steps: int = 4) -> tuple[Token | None, list[Token]]:
    """The verb a nominal hangs from, through objects and prepositions (``embarked on a trip``),
    with the tokens passed on the way."""
    path: list[Token] = []
    cur = noun
    for _ in range(max_steps):
        dep, head = cur.dep_, cur.head
        if head == cur:
            return None, path
        if dep in ("dobj", "nsubjpass", "attr", "oprd"):
            return (head, path) if eff_pos(head) in ("verb", "adj") else (None, path)
        if dep == "pobj" and head.dep_ in ("prep", "agent"):
            path.append(head)
            up = head.head
            if up.dep_ in ("prt", "advmod") and eff_pos(up.head) == "verb":  # "bogged down in the war"
                up = up.head
            if eff_pos(up) in ("verb", "adj") or _copula_clause(up):
                return up, path
            if up.lemma_.lower() in QUANTIFIER_HEADS and head.lower_ == "of":
                cur = up
                continue
            return None, path
        if dep == "conj":
            cur = head
            continue
        if dep == "nsubj" and eff_pos(head) == "verb":
            return None, path
        return None, path
    return None, path


def _copula_clause(tok: Token) -> bool:
    """``Dushanbe is under pressure``: the copula heads the clause."""
    return tok.pos_ == "AUX" and tok.lemma_.lower() in COPULAS and any(d in SUBJ_DEPS for d in _child_deps(tok))


def complements(tok: Token) -> list[Token]:
    """Clausal complements of a trigger: ``to``-infinitives, ``that``-clauses, ``of``-gerunds,
    and for nouns their ``that``/``to`` clauses."""
    out = children(tok, *COMPLEMENT_DEPS)
    for prep in children(tok, "prep"):
        out.extend(children(prep, "pcomp"))
    if eff_pos(tok) == "noun":
        out.extend(c for c in children(tok, "acl", "relcl") if _has_mark_or_to(c))
        if not out:
            out.extend(_that_clause_after(tok))
    return out


_THAT_CLAUSE_DEPS = frozenset({"pcomp", "ccomp", "acl", "advcl", "relcl"})


def _that_clause_after(noun: Token) -> list[Token]:
    """A ``that``-clause right after a noun phrase that the parser attached elsewhere
    (``accusations from X that Y was supporting militants``)."""
    start = noun.right_edge.i + 1
    sent, deps = noun.sent, doc_table(noun.doc).dep
    for j in range(sent.start, sent.end):
        if deps[j] not in _THAT_CLAUSE_DEPS:
            continue  # (no Token built for the others)
        t = sent.doc[j]
        if (t.left_edge.i == start
                and _has_child(t, ("mark",), ("that",))):
            return [t]
    return []


def _has_mark_or_to(tok: Token) -> bool:
    return _has_child(tok, ("mark", "aux"), ("that", "to"))


def _has_child(tok: Token, deps: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """A child of the token with one of the labels ``deps`` whose lower-case form is one of ``words``."""
    t = doc_table(tok.doc)
    dep, lower = t.dep, t.lower
    return any(dep[c] in deps and lower[c] in words for c in t.children[tok.i])


def subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def clause_depth(tok: Token, say_verbs: frozenset[str]) -> int:
    """How many clause boundaries lie between a token and its sentence root (speech verbs free)."""
    depth = 0.0
    cur = tok
    for _ in range(40):
        head = cur.head
        if head == cur:
            break
        if cur.dep_ in CLAUSE_DEPS and cur.dep_ != "conj":
            if not (cur.dep_ == "ccomp" and head.lemma_.lower() in say_verbs):
                depth += 1
        elif cur.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod"):
            depth += 0.25 if cur.dep_ in ("pobj",) else 0
        cur = head
    return int(depth + 0.5)


TOPIC_PREPS = word_set("events", "topic_preps")
BACKGROUND_PREPS = word_set("events", "background_preps")


def in_background(tok: Token) -> bool:
    """Inside a relative, participial or adverbial clause (``X, which has fought Y, condemned
    Z``; ``after leaving Raqqa, he was captured``) or a temporal phrase (``said during a visit
    to Kyiv that``): background to the sentence's main event."""
    if any(dep in ("relcl", "acl", "advcl") for _, dep in ancestors_path(tok)) or tok.dep_ in ("relcl", "acl", "advcl"):
        return True
    head = tok.head
    if tok.dep_ in ("pobj", "pcomp") and head.lower_ in TOPIC_PREPS and eff_pos(head.head) == "noun":
        return True  # "hearings into abuses", "talks on ending the fighting": the topic of another event
    return (tok.dep_ in ("pobj", "pcomp") and head.lower_ in BACKGROUND_PREPS
            and eff_pos(head.head) == "verb")  # "during a visit", "after leaving Raqqa"


def ancestors_path(tok: Token) -> Iterator[tuple[Token, str]]:
    """(head, dependency of the child) pairs from a token up to the root."""
    cur = tok
    for _ in range(40):
        head = cur.head
        if head == cur:
            return
        yield head, cur.dep_
        cur = head


def joined_lemma(tok: Token) -> str | None:
    """``co-operation`` / ``cease-fire`` split by the tokenizer, joined back (``cooperation``)."""
    doc = tok.doc
    i = tok.i  # (the words read from the Doc's forms: a Token only around a hyphen)
    if i >= 2 and doc_forms(doc)[i - 1] == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return (doc[i - 2].lower_ + tok.lemma_.lower()).replace("-", "")
    return None


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def lemma_in(tok: Token, words: frozenset[str]) -> bool:
    """Whether one of the token's lemma keys is in ``words``."""
    return any(k in words for k in lemma_keys(tok))


def lemma_in_phrasal(tok: Token, words: frozenset[str]) -> bool:
    """Whether one of the token's lemma keys, alone or with its particle (``hold off``), is in ``words``."""
    keys = lemma_keys(tok)
    keys += [f"{k} {p.lower_}" for k in keys for p in tok.children if p.dep_ == "prt"]
    return any(k in words for k in keys)


def lemma_keys(tok: Token) -> list[str]:
    """The lemma, and for a past or -ing verb form the stem with the final ``e`` the lemmatizer
    may have cut (``staged`` read as ``stag``), or the stems of a form it did not know at all."""
    base, low = lemma(tok), tok.lower_
    if tok.tag_ in ("VBD", "VBN", "VBG", "VBZ") and not base.endswith("e") and low.startswith(base + "e"):
        return [base, base + "e"]  # "hopes" read as "hop"
    if base == low and tok.tag_ in ("VBD", "VBN") and low.endswith("ed") and len(low) > 5:
        return [base, low[:-1], low[:-2]] + ([low[:-3] + "y"] if low.endswith("ied") else [])  # unknown word
    if base == low and tok.tag_ == "VBG" and low.endswith("ing") and len(low) > 6:
        return [base, low[:-3], low[:-3] + "e"]
    return [base]
