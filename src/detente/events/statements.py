"""CAMEO's convention for plain statements: a comment with nothing else codable in its sentence is
itself an event, a statement (010) by its speaker, with the generic sides of a verb.

Only a speech verb that heads its sentence counts (its root, a verb conjoined to the root, or a
parenthetical "officials say"): a statement told inside another clause ("X, who said on Sunday
that ...") is background to that clause. Only a political speaker counts: one whose country is
known, and not a company, a paper, a scholar or a private person (``statement_nonpolitical_sector``),
nor a speaker of no known sector whose country word only qualifies it ("the Dutch chip maker said"),
nor a person in the street, a commentator of no name or sector, a country's people or one former
official ("a British engineer", "many Iranians", "a retired American general").
A verb that states only without an object ("added", "stressed") is none with one ("added urgency"),
and so is any speech verb whose object is nothing ("has said little").

A sentence of a quotation whose verb of saying lies outside it ("“We will not leave. The decision is
not theirs,” the minister said.", or a quotation continuing one attributed before it) is its speaker's
statement too (``quoted_match``), its trigger the sentence's own main verb.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import syntax as sx
from ..actors.names import fold
from ..actors.quotes import Quote, continues, find_quotes, quote_verbs
from ..actors.titles import load_titles
from .features import doc_table
from .lexicon import DEFAULT_SLOTS, Lexicon, Rule
from .matcher import Match
from ..model import ActorMention
from ..policy import cameo_policy
from ..wordlists import word_map, word_set
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STATEMENT_CODE = "010"
HEAD_DEPS = ("conj", "parataxis")  # a speech verb joined to the sentence's root
PARTICIPLE_DEPS = ("advcl", "xcomp")  # "..., saying that ...": a participle of saying after a heading verb
QUALIFIER_DEPS = ("amod", "compound", "poss", "nmod")  # "the Dutch maker", "Egypt's federation"
PHRASE_POS = ("NOUN", "PROPN", "ADJ", "PART")  # the words of the phrase a country word qualifies
ORIGIN_PREPS = ("from",)  # "a 23-year-old from Eritrea": where a speaker of no office comes from
BODY_PREPS = ("of", "at", "for")  # "the president of a think-tank", "a spokesman for the federation"
ADDRESSEE_SLOTS = ("dobj", "dative", "prep:to")  # "told X", "told X that", "admitted to X"
ADDRESSEE_ONLY = cameo_policy().addressee_only_codes  # plain statements (data/policy.yaml)
COUNTRYLESS_ANY = cameo_policy().statement_countryless_any  # any countryless official speaks (data/policy.yaml)
URGING_MODALS = word_set("events", "urging_modals")  # should, must, ought (data/words/events.yaml)
QUOTED_RULE = "statement.quote"
QUOTES_KEY = "detente.quoted_speech"  # Doc.user_data: the Doc's quotations and their verbs of saying
STATELESS = frozenset(word_map("actors", "stateless_peoples"))  # "kurdish", "yazidi", "baloch" (data/words/actors.yaml)
CLAUSE_POS = ("VERB", "AUX")  # a quoted sentence with a verb of its own ("We will not leave"), not a fragment
SUBJECT_DEPS = ("nsubj", "nsubjpass")
HEADING_BEFORE = frozenset({".", "!", "?"})  # what ends the sentence before a quotation that heads a section
SPECULATIVE_AUX = frozenset({"would", "'d"})  # with possible_aux: a reported consequent ("the war could spread")
INVERTED_CONDITION = frozenset({"were", "should", "had"})  # "Were X to recognise ...", "Had X not sent ..."


def statement_match(sent: Span, lexicon: Lexicon, word_class: str = "statement_verb") -> Match | None:
    """The first speech verb (``statement_verb``, or the verbs of ``word_class``) that heads ``sent``,
    as a match of the generic verb slots, or None."""
    verbs = lexicon.words(word_class)
    issuing = lexicon.words("statement_issue_verb") if word_class == "statement_verb" else frozenset()
    doc = sent.doc
    t = doc_table(doc)  # lemma, tag, part of speech and label of every word: a Token only for a speech verb
    lemmas, tags, pos, deps = t.lemma, t.tag, t.pos, t.dep
    for i in range(sent.start, sent.end):
        if (lemmas[i] in verbs or lemmas[i] in issuing) and sx.pos_of(tags[i], pos[i], deps[i]) == "verb":
            tok = doc[i]
            if lemmas[i] not in verbs and not _issues_statement(tok, lexicon):
                continue
            if _heads(tok) and not _object_use(tok, lexicon) and _says_something(tok, lexicon) is None:
                return _match(tok)
    return None


def _issues_statement(verb: Token, lexicon: Lexicon) -> bool:
    """A verb of putting out (``statement_issue_verb``) whose object is a statement
    (``statement_document_noun``): "the ministry issued a statement saying ..."."""
    nouns = lexicon.words("statement_document_noun")
    return any(c.dep_ == "dobj" and sx.lemma_in(c, nouns) for c in verb.children)


def said_clauses(verb: Token) -> list[Token]:
    """The clauses a heading verb of saying reports: its complements, or for one set in its clause
    ("A storm hit the port, officials said" parsed with the verb of saying under it) that clause."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if not clauses and verb.dep_ in HEAD_DEPS and verb.head.pos_ in CLAUSE_POS:
        clauses = [verb.head]
    return clauses


def _says_something(verb: Token, lexicon: Lexicon) -> str | None:
    """Why what a heading verb of saying reports is no plain statement of a party, or None: every
    clause it reports is a natural hazard's or an accident's doing (a subject of
    ``statement_hazard_noun``: "a storm sank three boats, officials said"; the writers code no such
    report: 28 of 35 corpus sentences none, the rest another act) or a speculation on terms (a
    condition, "if" or an inverted "were"/"should"/"had", then the verb of saying, then a clause with a
    modal of possibility or "would" and a subject that is no pronoun: "If X attacks, officials say, the
    war could spread": the convention's speculation, never asserted; "it would respond", "we will" stay
    the speaker's own terms)."""
    clauses = said_clauses(verb)
    if not clauses:
        return None
    hazards = lexicon.words("statement_hazard_noun")
    if all(any(sx.lemma_in(s, hazards) for s in c.children if s.dep_ in SUBJECT_DEPS) for c in clauses):
        return "a hazard's or an accident's doing"
    if all(_speculates(c, verb, lexicon) for c in clauses):
        return "a speculation on terms"
    return None


def _speculates(clause: Token, verb: Token, lexicon: Lexicon) -> bool:
    """A reported clause told under a condition with "would" or a modal of possibility and a subject
    that is a noun, not a pronoun (``_says_something``), the verb of saying set between the condition
    and the clause ("If X, diplomats say, Y could ..."). Not "said that Y would ... if X", nor
    "Y could ... if X, he said": told so, the terms are the speaker's own (on the Guardian sample those
    are threats, "an offensive would be launched if ...", and a minister's terms: the coders' 010 or 13)."""
    mod = lexicon.modality
    modals = mod.get("possible_aux", frozenset()) | SPECULATIVE_AUX
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or any(c.pos_ == "PRON" for c in subjects):
        return False
    marks = mod.get("conditional_marks", frozenset())
    if not verb.i < clause.i:
        return False
    for head in (clause, verb):
        for adv in (c for c in head.children if (c.dep_ == "advcl" or c.dep_ == "ccomp") and c.i < verb.i):
            if any(m.dep_ == "mark" and m.lower_ in marks for m in adv.children):
                return True
            first = adv.doc[adv.left_edge.i]
            if first.lower_ in INVERTED_CONDITION and (first.i == adv.i or first.dep_ == "aux" and first.head.i == adv.i):
                return True  # "Were X to ...", "Should X reject ...", "Had X not sent ..."
    return False


def quoted_match(sent: Span, lexicon: Lexicon) -> tuple[Match, Match] | None:
    """For a sentence told inside a quotation, with a verb of its own, whose verb of saying
    (``statement_verb``) lies outside it, after or before the quotation or before the quotation it
    continues: a statement match on the sentence's main verb, and one on that verb of saying (whose
    sides are the speaker's). None for any other sentence."""
    root = sent.root
    if root.pos_ not in CLAUSE_POS:
        return None
    doc = sent.doc
    for quote, verb in _quoted_speech(doc, lexicon):
        if not quote.start <= root.i < quote.end:
            continue
        opens = all(doc[j].is_punct or doc[j].is_space for j in range(sent.start, quote.start))
        if verb is None or not opens or sent.start <= verb.i < sent.end or _object_use(verb, lexicon):
            return None
        rule = Rule(id=QUOTED_RULE, lemmas=(sx.lemma(root),), pos="verb", cameo=STATEMENT_CODE,
                    source=(), target=(), confidence=0.5)
        return Match(rule=rule, trigger=root, anchors=(root,), consumed=frozenset({root.i})), _match(verb)
    return None


def _quoted_speech(doc: Doc, lexicon: Lexicon) -> list[tuple[Quote, Token | None]]:
    """The Doc's quotations with their verb of saying (``quotes.quote_verbs``), a quotation with
    none taking the one it continues (``quotes.continues``); made once and kept with the Doc."""
    found = doc.user_data.get(QUOTES_KEY)
    if found is None or found[0] != len(doc):
        quotes = find_quotes(doc)
        out: list[tuple[Quote, Token | None]] = []
        for quote, verb in zip(quotes, quote_verbs(doc, quotes, lexicon.words("statement_verb"))):
            if verb is None and out and out[-1][1] is not None and continues(doc, out[-1][0], quote) \
                    and not _headline(doc, quote):
                verb = out[-1][1]
            out.append((quote, verb))
        found = (len(doc), out)
        doc.user_data[QUOTES_KEY] = found
    return found[1]


def _headline(doc: Doc, quote: Quote) -> bool:
    """A quotation standing as a heading between paragraphs ("... the envoy said." 'Two men could end it
    all' The risk of ...): it opens after a sentence's end, closes on no sentence-ending mark, and a
    new sentence starts right after it. A heading picks a phrase out; it continues no one's quotation."""
    before = doc[quote.start - 2] if quote.start >= 2 else None
    if before is not None and not (before.text in HEADING_BEFORE or before.is_quote or before.is_space):
        return False
    last, nxt = doc[quote.end - 1] if quote.end > quote.start else None, quote.close + 1
    if last is None or last.is_punct or quote.close >= len(doc) or not doc[quote.close].is_quote:
        return False
    return nxt >= len(doc) or doc[nxt].is_space or doc[nxt].text[:1].isupper()


def political_speaker(roles: Roles, lexicon: Lexicon, doc: Doc | None = None) -> bool:
    """A source with a country (or of an office, a force or an armed group: ``_placed``), of a sector
    whose word is a political event; with ``doc``, not a
    speaker whose country only qualifies a noun of no known sector (``_qualifier_only``), nor a
    person in the street (``_private_person``)."""
    return any(m.actor is not None and _placed(m, lexicon, doc) and _political(m, lexicon)
               and (doc is None or not (_qualifier_only(m, doc) or _private_person(m, doc, lexicon)))
               for m in roles.sources)


def _placed(m: ActorMention, lexicon: Lexicon, doc: Doc | None) -> bool:
    """A speaker with a country, or of no country but an office, a force or an armed group
    (``statement_countryless_sector``) of a people without a state of its own (``stateless_peoples``
    in the speaker's phrase or, for a pronoun or a bare title, its antecedent's: "a Kurdish commander",
    "Kurdish leaders"), whose country the actors stage finds only where a place of it is named; with
    ``statements.countryless_any`` of the policy, any such speaker of no country ("officials said") of a
    sector of ``statement_countryless_any_sector`` (not the courts': "the family's lawyer said")."""
    if m.actor.country:
        return True
    if doc is None or (m.actor.sector or "").lower() not in lexicon.words("statement_countryless_sector"):
        return False
    if COUNTRYLESS_ANY and (m.actor.sector or "").lower() in lexicon.words("statement_countryless_any_sector"):
        return True
    if (m.actor.sector or "").lower() in lexicon.words("statement_countryless_armed_sector") and _own_phrase(m, doc):
        return True
    words = list(doc[m.start:m.end])
    if m.antecedent is not None and 0 <= m.antecedent < len(doc):
        words += list(doc[_phrase_root(doc[m.antecedent]).left_edge.i:_phrase_root(doc[m.antecedent]).i + 1])
    return any(t.lower_ in STATELESS for t in words)


def _own_phrase(m: ActorMention, doc: Doc) -> bool:
    """A speaker told by a phrase of its own ("one rebel commander"), not by a pronoun or a phrase
    resolved to an earlier mention."""
    return m.end > m.start and m.antecedent is None and doc[m.start:m.end].root.pos_ != "PRON"


def _private_person(m: ActorMention, doc: Doc, lexicon: Lexicon) -> bool:
    """A speaker who speaks for no party: one known by no name and no sector, only by a nationality
    ("a British engineer who has lived there", "a Syria expert at a university", "the second
    Canadian"); people of a country told by a quantifier ("many Iranians say", "some Turks"); or
    someone told as one former or retired holder of a role ("a former Israeli intelligence officer",
    "a retired American general", "one former FBI official"; ``former_word``, ``indefinite_word``),
    a commentator, not the office. In the corpus's whole articles the writers code none of such
    speakers' plain statements."""
    words = doc[m.start:m.end]
    if m.actor.sector is None and m.actor.name is None and not sx.lemma_in(words.root, lexicon.words("state_noun")):
        return True  # not "both countries say"
    if m.actor.sector is None and words.root.tag_ in sx.PLURAL_TAGS and any(  # "many Iranians": a country's people
            c.lower_ in lexicon.words("crowd_quantifier") for c in words.root.children):
        return True
    former, indefinite = lexicon.words("former_word"), lexicon.words("indefinite_word")
    if _kin_or_described(words.root, m, lexicon, indefinite):
        return True
    if any(t.lower_ in former and any(c.lower_ in indefinite for c in t.head.children if c.dep_ in ("det", "nummod"))
           for t in words):
        return True
    return _of_no_party(m, doc, lexicon)


def _kin_or_described(root: Token, m: ActorMention, lexicon: Lexicon, indefinite: frozenset[str]) -> bool:
    """A speaker told as someone's kin ("his mother, Sara, said", "Sara, his mother, said":
    ``private_doer``), or one of no sector told only by a description in apposition that names no
    office ("Omar Haddad, a cheerful Lebanese with a bakery, said"; ``indefinite_word``)."""
    near = [root, *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "appos":
        near.append(root.head)
    if any(t.pos_ == "NOUN" and sx.lemma_in(t, lexicon.words("private_doer")) for t in near):
        return True
    if m.actor.sector is not None:
        return False
    described = [a for a in root.children if a.dep_ == "appos"
                 and any(c.dep_ in ("det", "nummod") and c.lower_ in indefinite for c in a.children)]
    return any(not _names_office(a.subtree) for a in described)


def _of_no_party(m: ActorMention, doc: Doc, lexicon: Lexicon) -> bool:
    """A speaker told by a calling that speaks for no party (``nonpolitical_speaker_noun``: an expert,
    an analyst, a professor, a film-maker, a footballer, a volunteer) or as one of a body that is none
    (``nonpolitical_body``, ``sport_word``: "the president of a think-tank", "a spokesman for the football
    federation", "the curator of a city museum"); for a pronoun or a bare title ("he", "the
    spokesman"), as its antecedent is told. Not one of an intergovernmental body ("UN experts")."""
    if m.actor.country == "IGO" or m.end <= m.start:
        return False
    roots = [doc[m.start:m.end].root]
    if m.antecedent is not None and 0 <= m.antecedent < len(doc):
        roots.append(_phrase_root(doc[m.antecedent]))
    callings, bodies = lexicon.words("nonpolitical_speaker_noun"), lexicon.words("nonpolitical_body")
    sport = lexicon.words("sport_word")
    for root in roots:
        heads = [root, *(a for a in root.children if a.dep_ == "appos")]
        named = [c for h in heads for c in h.children if c.dep_ == "compound"]  # "expert John Marlow"
        if any(sx.lemma_in(h, callings) for h in [*heads, *named]):
            return True
        for h in heads:
            owners = [o for p in h.children if p.dep_ == "prep" and p.lower_ in BODY_PREPS
                      for o in p.children if o.dep_ == "pobj"]
            for o in [h, *owners]:
                mods = [o, *(c for c in o.children if c.dep_ in QUALIFIER_DEPS)]
                if o is not h and any(_body_word(t, bodies) for t in mods):
                    return True
                if any(sx.lemma_in(t, sport) for t in mods) and not _names_office([o]):
                    return True  # "the football federation", not "the sports ministry"
    return False


def _phrase_root(tok: Token) -> Token:
    """The head of the noun phrase a word belongs to ("Aziz" in "Karim Aziz, deputy director ...")."""
    while tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "flat") and tok.head is not tok:
        tok = tok.head
    return tok


def _body_word(tok: Token, bodies: frozenset[str]) -> bool:
    """A word of ``bodies``, alone or with the word before it however tokenised ("think tank",
    "think-tank", "thinktank")."""
    if sx.lemma_in(tok, bodies):
        return True
    before = [t.lower_ for t in tok.doc[max(0, tok.i - 2):tok.i] if t.text != "-"]
    return bool(before) and f"{before[-1]} {tok.lower_}" in bodies


def speaks_for_no_party(roles: Roles, lexicon: Lexicon, doc: Doc) -> bool:
    """Every source found is of a sector that is no party (``statement_nonpolitical_sector``) or told
    by a calling or a body of none (``_of_no_party``): a plain statement the learned model found by
    such a speaker is none. (The rules' other tests of a speaker, a country word that only qualifies
    a phrase, one former official, are not applied to the model's statements: on the train writers
    they removed as many statements the writers code as they rightly removed.)"""
    return bool(roles.sources) and all(
        m.actor is not None and (not _political(m, lexicon) or _of_no_party(m, doc, lexicon)) for m in roles.sources)


def quoted_speaker(roles: Roles, lexicon: Lexicon) -> bool:
    """A speaker whose quotation, told with no verb of saying of its own, is a statement: one of a
    sector that holds an office or is a body or a group (``quoted_speaker_sector``), not a
    commentator, a former official or a person in the street."""
    sectors = lexicon.words("quoted_speaker_sector")
    return any(m.actor is not None and (m.actor.sector or "").lower() in sectors for m in roles.sources)


def _qualifier_only(m: ActorMention, doc: Doc) -> bool:
    """A speaker of no known sector whose country word qualifies a phrase that names no office or
    body (``sectors.yaml``: "the Dutch chip maker", "a Sudanese analyst", "Egypt's squash
    federation", "a 23-year-old from Eritrea"; not "the Kazakh president", "the US vice-president"):
    the speaker is what the phrase names, no political party, and not the country."""
    if m.actor.sector or m.end <= m.start:
        return False
    root = doc[m.start:m.end].root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in ORIGIN_PREPS:
        noun = root.head.head  # "a 23-year-old from Eritrea", "a student from Kazakhstan"
        if noun.pos_ not in PHRASE_POS or noun.i >= m.start:
            return False
        return not _names_office(doc[noun.left_edge.i:noun.i + 1])
    if root.dep_ not in QUALIFIER_DEPS or m.start <= root.head.i < m.end:
        return False
    phrase = []
    for t in doc[m.end:root.sent.end]:  # the words after the country word, up to the phrase's end
        if t.pos_ not in PHRASE_POS and t.text != "-":
            break
        phrase.append(t)
    return not _names_office(phrase)


def _names_office(words: Iterable[Token]) -> bool:
    """Whether these words (punctuation aside) name an office or a body of ``sectors.yaml``."""
    return bool(load_titles().find([fold(t.lower_) for t in words if not t.is_punct]))


def _political(m: ActorMention, lexicon: Lexicon) -> bool:
    return (m.actor.sector or "").lower() not in lexicon.words("statement_nonpolitical_sector")


def statement_roles(roles: Roles, lexicon: Lexicon, doc: Doc) -> Roles:
    """A statement's target is only the political party it is told to ("told his generals",
    "admitted to the envoy", not "told reporters") or says should act ("said NATO should
    consider"); a party it merely speaks of is none ("said China had been", "said of Trump", "said
    people in need"): what the statement is about is no counterpart of the speaker."""
    told = roles.target_slot in ADDRESSEE_SLOTS
    urged = roles.target_slot == "comp:subj"
    targets = tuple(m for m in roles.targets if m.actor is not None and m.actor.country and _political(m, lexicon)
                    and (told or urged and _urged(doc[m.start:m.end].root)))
    if len(targets) == len(roles.targets):
        return roles
    return dataclasses.replace(roles, targets=targets, target_slot=roles.target_slot if targets else None)


def _urged(subj: Token) -> bool:
    """The subject of a clause saying what it should or must do (``urging_modals``)."""
    return any(c.dep_ == "aux" and c.lower_ in URGING_MODALS for c in subj.head.children)


def addressee_only(code: str) -> bool:
    """A code whose target is only the party addressed (``policy.yaml`` ``addressee_only``: plain
    statements, however coded)."""
    return code in ADDRESSEE_ONLY


def _heads(tok: Token) -> bool:
    """The sentence's root, a verb joined to it ("..., officials said"), or the participle after a
    heading verb ("X outlined its plan on Monday, saying ...", ``PARTICIPLE_DEPS``)."""
    return tok.dep_ == "ROOT" or (tok.dep_ in HEAD_DEPS and tok.head.dep_ == "ROOT") or (
        tok.tag_ == "VBG" and tok.dep_ in PARTICIPLE_DEPS and tok.head.i < tok.i and _heads(tok.head))


def _object_use(tok: Token, lexicon: Lexicon) -> bool:
    """A verb that is a statement only without an object, used with one ("added urgency"), or one
    whose object says it stated nothing ("has said almost nothing", ``statement_empty_object``)."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and (sx.lemma(tok) in lexicon.words("statement_verb_without_object")
                              or any(sx.lemma_in(o, lexicon.words("statement_empty_object")) for o in objects))


def _match(tok: Token) -> Match:
    slots = DEFAULT_SLOTS["verb"]
    rule = Rule(id="statement.v", lemmas=(sx.lemma(tok),), pos="verb", cameo=STATEMENT_CODE,
                source=slots["source"], target=slots["target"], confidence=0.5)
    return Match(rule=rule, trigger=tok, anchors=(tok,), consumed=frozenset({tok.i}))
