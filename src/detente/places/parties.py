"""The event's parties as the place fallbacks read them (``fallback.py``): who is a state, a
country named as such, a known person, a foreigner, a home politician; which tokens belong to a
party's phrase, where people come from. Predicates over one event's mentions and the Doc."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..policy import cameo_policy
from ..model import ActorMention, EventMention
from .config import PlacesConfig
from .gazetteer import load_index
from .phrase import first_conjunct

NON_COUNTRIES = frozenset({"IGO"})


def named_person(doc: Doc, mention: ActorMention) -> bool:
    """A mention that names a known person by a proper name ("Putin", "Erdoğan"), resolved
    through an earlier full mention of that person."""
    if mention.actor is None or not mention.actor.kb_id or not 0 <= mention.start < mention.end <= len(doc):
        return False
    span = doc[mention.start:mention.end]
    if span.root.pos_ == "PROPN":
        return True
    # the tagger sometimes reads a surname as a common noun ("Trump claimed"): a capitalised word
    # of the known person's own name still names them
    name = set((mention.actor.name or "").lower().split())
    words = [t for t in span if t.is_alpha and not t.is_stop]
    return bool(words) and all(t.text[:1].isupper() and t.lower_ in name for t in words)


def speaks_at_home(doc: Doc, m: EventMention, config: PlacesConfig) -> bool:
    """A statement (``home_speech_roots``) of a country's armed forces as a body or of one of its
    armed groups (``home_speech_sectors``: "Russia's military denied", "the Pentagon is pushing",
    "the YPG blamed Moscow"); not of troops, soldiers or forces named in the plural, who speak
    where they are deployed; nor a fighter named by nationality, "a French Isis fighter", who may be
    a foreign fighter anywhere)."""
    if m.source is None or m.source.actor is None or m.cameo[:2] not in config.home_speech_roots:
        return False
    if m.source.actor.sector not in config.home_speech_sectors or not 0 <= m.source.start < m.source.end <= len(doc):
        return False
    span = doc[m.source.start:m.source.end]
    if m.source.actor.sector != "MIL" and any(t.ent_id_.endswith(":demonym") for t in span):
        return False
    return span.root.tag_ != "NNS"


def domestic(doc: Doc, m: EventMention, iso: str, config: PlacesConfig) -> bool:
    """A politician, party or opposition of a country (``domestic_sectors``) acting on that
    country's own state: the country named as such or one of its home institutions ("Jeremy
    Corbyn urged the UK not to join", "the former Liberal Democrat leader accused the environment
    secretary"): home politics, done at home."""
    if m.source is None or m.source.actor is None or m.source.actor.sector not in config.domestic_sectors:
        return False
    target = m.target
    if target is None or target.actor is None or country_of(target) != iso:
        return False
    return target.actor.sector in config.home_sectors or (not target.actor.sector and is_country(target, doc, m.trigger_token))


def known_pronoun(doc: Doc, mention: ActorMention, config: PlacesConfig) -> bool:
    """"he" or "she" (``person_pronouns``) resolved by coreference to a known person ("Vladimir
    Putin spoke on Monday. He condemned ..."): the person, not a country borrowed from context."""
    if mention.basis != "coref" or mention.actor is None or not mention.actor.kb_id:
        return False
    if not 0 <= mention.start < mention.end <= len(doc) or mention.end - mention.start != 1:
        return False
    return doc[mention.start].lower_ in config.person_pronouns


def mixed_doer(doc: Doc, m: EventMention, iso: str, speech: bool = False) -> bool:
    """The doer's phrase names another country ("the Turkish foreign minister, his Russian
    counterpart, Sergei Lavrov"): a list of states' envoys acts where they meet, not at one's home."""
    if m.source is None or not 0 <= m.source.start < m.source.end <= len(doc):
        return False
    span = doc[m.source.start:m.source.end]
    # and, for an act other than a statement, the countries coordinated with it ("Russia, Sudan and
    # the US have taken back children from Syria"): several states act together where they meet
    # (what each says, each says at home: "the US, Britain and France criticised the invasion")
    first = first_conjunct(span.root)
    joint = [] if speech else [first, *first.conjuncts]  # (the first too: "Kazakhstan" of "Russia and Kazakhstan")
    for tok in [*span, *joint]:
        parts = tok.ent_id_.split(":")
        if len(parts) > 1 and parts[0] == "place" and parts[1] != iso:
            return True
    return False


def party_tokens(doc: Doc, m: EventMention) -> set[int]:
    """The tokens of the parties' phrases with all they govern: a place there describes a party,
    not the scene ("Turkey launched the assault", "the families of British men killed in Syria")."""
    out: set[int] = set()
    for party in (m.source, m.target):
        if party is not None and 0 <= party.start < party.end <= len(doc):
            out.update(range(party.start, party.end))
            out.update(t.i for t in doc[party.start:party.end].root.subtree)
    return out


def provenance(tok: Token, config: PlacesConfig) -> bool:
    """"a surgeon from Raqqa", "Mehmet Aksoy, from London": where people come from, not the scene."""
    tok = first_conjunct(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ in config.origin \
        and tok.head.head.lemma_.lower() not in config.origin_lemmas


def state_party(mention: ActorMention | None, config: PlacesConfig) -> bool:
    """A party that is a country itself or one of its officials, soldiers or institutions: such a
    party may act from home on a place abroad ("US airstrikes saved Erbil")."""
    if mention is None or mention.actor is None or not country_of(mention):
        return False
    sector = mention.actor.sector
    return not sector or sector in config.home_sectors or sector in cameo_policy().placeless_sectors


def foreigner(mention: ActorMention | None, config: PlacesConfig) -> bool:
    """An official or soldier of no known country ("the minister held talks with Iran"): the
    event may be abroad, so no fallback. (Police, courts and legislatures of no known country are
    those of where the event is.)"""
    if mention is None or mention.actor is None or country_of(mention):
        return False
    return mention.actor.sector in cameo_policy().placeless_sectors


def addressed_body(doc: Doc, mention: ActorMention | None, config: PlacesConfig) -> bool:
    """An international organisation as a whole ("urged Nato", "asked the OPCW"), not one of its
    councils or assemblies, which are addressed where they sit ("told the UN Security Council")."""
    if mention is None or mention.actor is None or mention.actor.country not in NON_COUNTRIES:
        return False
    if not 0 <= mention.start < mention.end <= len(doc):
        return False
    return not any(t.lemma_.lower() in config.venue_nouns for t in doc[mention.start:mention.end])


def is_country(mention: ActorMention | None, doc: Doc | None = None, trigger: int = -1) -> bool:
    """The mention names a country ("Turkey", "the US", "US sanctions"), not a group of no sector
    ("the main Syrian Kurdish groups"), nor the country of a group named by another noun ("UK, US
    and French special forces are preparing to help", "Turkey's army": the doer is the forces)."""
    if mention is None or not any(g.kind == "country" for g in load_index().lookup(mention.text)):
        return False
    if doc is None or not 0 <= mention.start < mention.end <= len(doc):
        return True
    root = first_conjunct(doc[mention.start:mention.end].root)
    return not (root.dep_ in ("compound", "nmod", "amod", "poss") and root.head.pos_ == "NOUN"
                and root.head.i != trigger)


def country_of(mention: ActorMention | None) -> str | None:
    if mention is None or mention.actor is None:
        return None
    country = mention.actor.country
    return country if country and country not in NON_COUNTRIES else None
