"""Ordinary dealings of parties that are no political actors (issue 10, session 27).

"The club agreed to sign the striker", "the bakery promised its customers fresh rolls", "the two
breweries signed a distribution deal", "her family thanked the neighbours": a company, a sports body or
player, a family, a school or a hospital, a tourist or an artist, doing with a political trigger word an
ordinary thing to another such party (or to no one), is no political news; CAMEO needs a political actor
on at least one side. ``nonpolitical_dealing`` is the one decision point: an event of a code of
``private_dealing_root`` whose every doer is such a party and whose target, if any, is none of a
political party is dropped. Not an act done by or aimed at a state, its officials or forces, a party,
an armed group, an international body or an NGO ("the company lobbied the ministry", "a state bank
agreed to lend Laos"); not protest (14) or the other roots, where private doers are the news; not a
doer with a record in the knowledge base (a state-owned energy giant) or told as the state's ("the state
gas company"). The word lists are in ``data/lexicon/classes.yaml``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import syntax as sx
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import ActorMention
    from .candidate import Candidate
    from .index import ActorIndex

# the dependencies by which a word qualifies the noun that heads its phrase ("Kenya's cricket board")
_QUALIFIER_DEPS = ("poss", "compound", "amod", "nmod", "case")
# the dependencies by which a phrase names the body its head belongs to ("the president of the club")
_OWNER_PREPS = ("of", "for", "at")
# the prepositions by which a town is told as where an act is done
_PLACE_PREPS = ("in", "at", "near", "outside", "inside")


def nonpolitical_dealing(cand: Candidate, lexicon: Lexicon, index: ActorIndex) -> str | None:
    """Why ``cand`` is no political event (see the module), or None. ``index``: the sentence's actors."""
    code = cand.cameo
    if code[:2] not in lexicon.words("private_dealing_root"):
        return None
    kin_only = code in lexicon.words("private_dealing_kin_code")  # a denial: only a family's is private
    if code in lexicon.words("private_dealing_kept_code") and not kin_only:
        return None
    if sx.lemma_in(cand.trigger, lexicon.words("private_dealing_kept_lemma")):
        return None
    doc = cand.trigger.doc
    doers = [_doer_head(cand.trigger, doc[m.start:m.end].root, m) for m in cand.roles.sources if m.end > m.start]
    mentions: list[ActorMention | None] = list(cand.roles.sources)
    if not doers:  # no actor found: the doer the clause names ("the bakery denied")
        doers = [sx.relative_antecedent(s) if s.tag_ == "WDT" else s for s in sx.subject(cand.trigger)]
        mentions = [None] * len(doers)
    speaker = _speaker(cand.trigger, lexicon)
    if speaker is not None and doers and all(d.pos_ == "PRON" for d in doers):  # "the orchestra said it would"
        doers, mentions = [_phrase_head(speaker)], [None]
    unknown = _unknown_persons(code, doers, mentions, index, lexicon)
    if not doers or not (unknown or all(_nonpolitical(h, m, lexicon, index) and not _object(h)
                                        for h, m in zip(doers, mentions))):
        return None
    if code[:2] not in lexicon.words("private_dealing_verbal_root") and not all(_with_partners(h, lexicon) for h in doers):
        return None
    if kin_only and not all(_kin(h, lexicon) for h in doers):
        return None
    if code[:2] in lexicon.words("private_kin_party_root") and any(_kin(h, lexicon) for h in doers):
        return None  # "the fighters' families surrendered", "the parents reject the official account"
    if code[:2] in lexicon.words("private_conflict_root"):
        if any(_aggrieved(h, m, lexicon) for h, m in zip(doers, mentions)) or _guessed(cand.trigger, doers):
            return None
    if _political_target(cand.roles.targets, doc, lexicon, strict=unknown) \
            or _political_speaker(cand.trigger, index, lexicon):
        return None
    return f"'{cand.trigger.text}' by '{doers[0].text}': an ordinary dealing of parties that are no political actors"


def _unknown_persons(code: str, doers: Sequence[Token], mentions: Sequence[ActorMention | None], index: ActorIndex,
                     lexicon: Lexicon) -> bool:
    """A speech act (``private_pronoun_root``: appeals, demands, rejections, threats) whose every doer is a
    personal pronoun the actors stage resolved to no one ("months later she threatened to stab a neighbour
    who had robbed her brother"): a person of no known party. Its target must then be a party by its sector
    or a state itself (``_political_target``'s ``strict``), not a person of some country."""
    if code[:2] not in lexicon.words("private_pronoun_root") or not doers:
        return False
    return all(m is None and d.pos_ == "PRON" and d.lower_ in lexicon.words("private_pronoun") and not index.at(d)
               for d, m in zip(doers, mentions))


def _doer_head(trig: Token, root: Token, m: ActorMention) -> Token:
    """The head of the doer's phrase, but not the trigger itself ("the Kremlin's seizure of the brewer's
    business": the Kremlin, not the seizure of a business)."""
    head = _phrase_head(root, m)
    return root if head.i == trig.i else head


def _aggrieved(head: Token, m: ActorMention | None, lexicon: Lexicon) -> bool:
    """In the confrontational roots the working trades are parties: farmers threatening to block the
    roads again, herders accusing a conservancy of grabbing their land."""
    if sx.lemma_in(head, lexicon.words("private_conflict_party_noun")):
        return True
    if any(sx.lemma_in(c, lexicon.words("private_conflict_party_noun"))
           for c in head.children if c.dep_ in ("poss", "compound")):  # "farmers' leaders"
        return True
    sectors = lexicon.words("private_conflict_party_sector")
    return m is not None and m.actor is not None and (m.actor.sector or "").lower() in sectors


def _with_partners(head: Token, lexicon: Lexicon) -> bool:
    """Every noun the doer is coordinated with is no party either: not "the fighters and their families
    surrendered", where the role finder kept only the families."""
    return all(_nonpolitical(c, None, lexicon) for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN"))


def _guessed(trig: Token, doers: Sequence[Token]) -> bool:
    """A participle's doer that is not the one the clause tells ("the junta demanded that the company
    hire staff, threatening to revoke its licence"): the role finder's guess."""
    if trig.tag_ != "VBG" or trig.dep_ not in ("advcl", "acl"):
        return False
    told = [trig.head] if trig.dep_ == "acl" else sx.subject(trig.head)
    return bool(told) and not any(d.i == t.i or d.i == _phrase_head(t).i for d in doers for t in told)


def _object(head: Token) -> bool:
    """A doer found as another verb's object ("urged foreign companies to invest, promising tax breaks":
    the promise is the one who urged), not the trigger's subject or agent: the role finder's guess, not
    the text's word, so no ground to drop the event."""
    if head.dep_ in ("dobj", "dative", "iobj", "oprd", "attr"):
        return True
    return head.dep_ == "pobj" and head.head.dep_ != "agent"


def _say_verb(trig: Token, lexicon: Lexicon) -> Token | None:
    """The verb of saying the trigger is told under, if any."""
    says = lexicon.modality.get("say_verbs", frozenset())
    return next((tok for tok in trig.ancestors if sx.lemma_in(tok, says)), None)


def _speaker(trig: Token, lexicon: Lexicon) -> Token | None:
    verb = _say_verb(trig, lexicon)
    subjects = sx.subject(verb) if verb is not None else []
    return subjects[0] if subjects else None


def _political_speaker(trig: Token, index: ActorIndex, lexicon: Lexicon) -> bool:
    """The trigger is told in what a political party said ("the ministry said schools would reopen"):
    the intent is the speaker's, whoever the clause's subject."""
    verb = _say_verb(trig, lexicon)
    if verb is None:
        return False
    speakers = [m for s in sx.subject(verb) for m in index.at(s)]
    return _political_target(speakers, trig.doc, lexicon)


def _political_target(targets: Sequence[ActorMention], doc: Doc, lexicon: Lexicon, strict: bool = False) -> bool:
    """A target that is a party: of a political sector, or a country, a body or a person with a country
    whose phrase is not headed by a word of no party ("Senegal's goalkeeper", "an Irish firm"). ``strict``:
    of a political sector, or a state itself (a country and no sector), not a person of some country."""
    for m in targets:
        if m.actor is None or m.end <= m.start or _where(doc[m.start:m.end].root, m):
            continue
        head = _phrase_head(doc[m.start:m.end].root, m)
        placed = bool(m.actor.country) and not (strict and m.actor.sector)
        if not _nonpolitical(head, m, lexicon) and (placed or _political_sector(m, lexicon)):
            return True
    return False


def _where(root: Token, m: ActorMention) -> bool:
    """A town or a capital told as where the act is done ("to play a rematch in Juba", "the pitch at
    Hambantota"), no party to it; not a country ("to invest in Kenya")."""
    if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPS:
        return False
    return m.actor is not None and (m.actor.name or "").lower() != m.text.lower()


def _political_sector(m: ActorMention, lexicon: Lexicon) -> bool:
    sectors = lexicon.words("quoted_speaker_sector")
    return m.actor is not None and bool({(m.actor.sector or "").lower(), (m.actor.sector2 or "").lower()} & sectors)


def _phrase_head(tok: Token, m: ActorMention | None = None) -> Token:
    """The noun that heads the phrase a mention qualifies: "captain" for "Sri Lanka" in "Sri Lanka's
    cricket captain", "clubs" for "Vietnamese" in "Vietnamese and Lao football clubs"."""
    steps = 0
    while tok.dep_ in _QUALIFIER_DEPS and tok.head is not tok and tok.head.pos_ in ("NOUN", "PROPN") and steps < 4:
        tok, steps = tok.head, steps + 1
    if tok.dep_ == "conj" and steps == 0 and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ in _QUALIFIER_DEPS:
        return _phrase_head(tok.head, m)  # "India and Pakistan's hockey federations": the second conjunct
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return tok.head.head  # "the head chef of the hotel", "a consortium of banks"
    bare = m is not None and m.actor is not None and m.actor.country and not m.actor.sector and not m.actor.kb_id
    if bare and tok.pos_ == "PROPN":  # "India and China's table tennis teams", "Kyrgyz and Tajik climbers": one noun
        shared = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                  and not any(d.dep_ in ("det", "nummod") for d in c.children)
                  and any(d.dep_ in ("poss", "compound", "amod") and d.pos_ in ("PROPN", "ADJ") for d in c.children)]
        if shared:
            return shared[0]
    return tok


def _nonpolitical(head: Token, m: ActorMention | None, lexicon: Lexicon, index: ActorIndex | None = None) -> bool:
    """A doer (or target) that is no political party: its phrase is headed by a word of a business, a
    sports body, a family, a school or hospital, a trade or a pastime (``nonpolitical_doer_noun``), or is
    one of a sport (``sport_word``, ``nonpolitical_context_word``) or a company by its name's form
    (``company_name_suffix``), or (where the mention itself heads the phrase) of a sector of no party
    (``private_dealing_sector``: a business, a farm). Never a party with a record in the knowledge base,
    of a political sector, or told as the state's (``political_owner_word``)."""
    own = m is not None and m.start <= head.i < m.end
    if own and m is not None and m.actor is not None and m.actor.kb_id:
        return False
    words = [head, *(c for c in head.children if c.dep_ in _QUALIFIER_DEPS)]
    words += [t for c in head.children if c.dep_ == "compound" for t in c.subtree]
    if any(t.lower_ in lexicon.words("political_owner_word") for t in words):
        return False
    if any(t.lower_ in lexicon.words("private_dealing_violent_word") for t in words):  # "a bomb-maker"
        return False
    for p in head.children:  # "the president of Mexico's football federation", "the head chef of the hotel"
        if p.dep_ == "prep" and p.lower_ in _OWNER_PREPS:
            if any(_typed(o, lexicon) and not any(t.lower_ in lexicon.words("political_owner_word") for t in o.subtree)
                   for o in p.children if o.dep_ == "pobj"):
                return True
    if own and m is not None and m.actor is not None and _political_sector(m, lexicon):
        return False
    if _typed(head, lexicon, index):
        return True
    if own and m is not None and m.actor is not None and not m.actor.name and head.pos_ == "NOUN":
        return (m.actor.sector or "").lower() in lexicon.words("private_dealing_sector")
    return False


def _typed(head: Token, lexicon: Lexicon, index: ActorIndex | None = None) -> bool:
    """A phrase headed by a word of no party, or qualified by a sport's, or a company's name."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    common = head.pos_ == "NOUN"  # a name is no calling ("James Baker")
    if common and sx.lemma_in(head, lexicon.words("nonpolitical_doer_noun")):
        return True
    if _kin(head, lexicon, index):
        return True
    context = lexicon.words("sport_word") | lexicon.words("nonpolitical_context_word")
    mods = [t for c in head.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
    if any(t.lower_ in context for t in [head, *mods]):
        return True
    if head.ent_type_ == "ORG" and head.pos_ == "PROPN":
        return head.lower_.rstrip(".") in lexicon.words("company_name_suffix")
    return False


def _kin(head: Token, lexicon: Lexicon, index: ActorIndex | None = None) -> bool:
    """Kin, not a party's ("the president's son", "the family of the jailed editor") nor a named clan or
    dynasty ("the al-Hakim family"). With ``index``, a possessor named but of no party is a private person
    ("Okafor's family", where the actors stage knows no Okafor): the kin of no party's either."""
    if head.pos_ != "NOUN" or not sx.lemma_in(head, lexicon.words("private_doer") | lexicon.words("private_kin_word")):
        return False
    return not any((c.dep_ == "poss" and c.pos_ != "PRON" and not _private_name(c, index, lexicon))
                   or (c.dep_ == "prep" and c.lower_ == "of")
                   or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in head.children)


def _private_name(tok: Token, index: ActorIndex | None, lexicon: Lexicon) -> bool:
    """A person's name the actors stage knows as no party: no actor, or one of its own (not a phrase that
    holds it: "Navalny's wife" is the wife's) with no record in the knowledge base and of no political
    sector (a citizen of some country)."""
    if index is None or tok.pos_ != "PROPN":
        return False
    found = index.at(tok)
    if not found:  # no actor: a person's name, not an organisation's or a place's
        return tok.ent_type_ in ("PERSON", "")
    own = [m for m in found if tok.doc[m.start:m.end].root.i == tok.i]
    return bool(own) and all(m.actor is None or not (m.actor.kb_id or _political_sector(m, lexicon)) for m in own)
