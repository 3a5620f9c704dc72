"""The trigger lexicon: every invariant of the packaged data, and the loader's checks."""
from __future__ import annotations

import re

import pytest
import yaml
from events_helpers import find

from detente.errors import DataFileError
from detente.events.lexicon import (DERIVE_FAMILIES, MODALITY_KEYS, SLOT_STEPS, build_lexicon, load_lexicon,
                                    validate_lexicon)
from detente.events.ontology import load_ontology


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def test_packaged_lexicon_is_valid_against_the_ontology(lexicon, ontology):
    assert validate_lexicon(lexicon, ontology) == []


def test_every_rule_code_is_a_cameo_code(lexicon, ontology):
    missing = [(r.id, r.cameo) for r in lexicon.rules if not ontology.is_code(r.cameo)]
    assert missing == []


def test_every_derived_code_is_a_cameo_code(lexicon, ontology):
    for family, table in lexicon.derive.items():
        assert family in DERIVE_FAMILIES
        for source, derived in table.items():
            assert ontology.is_code(derived), (family, source, derived)
            assert ontology.is_code(source) or len(source) == 2, (family, source)


def test_rule_ids_are_unique(lexicon):
    ids = [r.id for r in lexicon.rules]
    assert len(ids) == len(set(ids))


def test_lemmas_and_constraint_words_are_lowercase_single_words(lexicon):
    for rule in lexicon.rules:
        for name in ("lemmas", "object", "particle", "prep", "prep_object", "comp", "modifier", "subject",
                     "governor", "exclude_object", "exclude_modifier", "exclude_prep", "exclude_comp"):
            for word in getattr(rule, name):
                assert word == word.lower() and " " not in word and word, (rule.id, name, word)


def test_slots_use_known_steps_and_parts_of_speech(lexicon):
    for rule in lexicon.rules:
        assert rule.pos in ("verb", "noun", "adj")
        for slot in rule.source + rule.target:
            assert all(SLOT_STEPS.match(step) for step in slot.split("/")), (rule.id, slot)
        assert set(rule.require) <= {"source", "target"}
        assert 0 < rule.confidence <= 1


def test_contexts_are_plover_contexts_of_the_ontology(lexicon, ontology):
    assert set(lexicon.contexts) <= set(ontology.contexts_vocabulary)
    for rule in lexicon.rules:
        assert set(rule.contexts) <= set(lexicon.contexts)


def test_modality_tables_are_complete(lexicon):
    assert set(MODALITY_KEYS) <= set(lexicon.modality)
    assert "could" in lexicon.modality["hypothetical_aux"]
    assert "will" in lexicon.modality["intended_aux"]


def test_rules_cover_every_cameo_root_from_01_to_20(lexicon):
    roots = {r.cameo[:2] for r in lexicon.rules}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}


def test_every_root_has_rules_at_three_or_four_digits(lexicon):
    deep = {r.cameo[:2] for r in lexicon.rules if len(r.cameo) >= 3 and r.cameo[2] != "0"}
    assert deep >= {f"{i:02d}" for i in range(1, 21)} - {"15"}  # 15 is coded at 152/154 too
    assert any(len(r.cameo) == 4 for r in lexicon.rules)


def test_rules_are_indexed_by_every_lemma(lexicon):
    for rule in lexicon.rules:
        for lemma in rule.lemmas:
            assert rule in lexicon.rules_for(lemma)


def test_yaml_booleans_stay_words(lexicon):
    # "on", "off", "no" are prepositions, particles and negators here, not booleans
    assert any("on" in r.prep for r in lexicon.rules)
    assert "no" in lexicon.modality["negators"]


def test_derived_code_uses_the_longest_prefix(lexicon):
    assert lexicon.derived_code("threaten", "1723") == "1323"
    assert lexicon.derived_code("threaten", "172") == "132"
    assert lexicon.derived_code("intent", "072") == "0332"  # military aid -> intent to give it
    assert lexicon.derived_code("intent", "111") is None


def _doc(rules, **extra):
    return [("test.yaml", {"rules": rules, **extra})]


def test_build_rejects_a_rule_without_cameo():
    with pytest.raises(DataFileError, match="missing 'cameo'"):
        build_lexicon(_doc([{"id": "x.v", "lemma": "x", "pos": "verb"}]))


def test_build_rejects_an_unquoted_code():
    with pytest.raises(DataFileError, match="quoted string"):
        build_lexicon(_doc([{"id": "x.v", "lemma": "x", "pos": "verb", "cameo": 42}]))


def test_build_rejects_an_unknown_word_class():
    with pytest.raises(DataFileError, match=r"unknown word class '\$nothing'"):
        build_lexicon(_doc([{"id": "x.v", "lemma": "x", "pos": "verb", "cameo": "042", "object": ["$nothing"]}]))


def test_build_rejects_unknown_fields():
    with pytest.raises(DataFileError, match="unknown field"):
        build_lexicon(_doc([{"id": "x.v", "lemma": "x", "pos": "verb", "cameo": "042", "objekt": ["y"]}]))


def test_validate_reports_duplicates_bad_codes_and_bad_slots(ontology):
    lex = build_lexicon(_doc([
        {"id": "a.v", "lemma": "Visit", "pos": "verb", "cameo": "042"},
        {"id": "a.v", "lemma": "tour", "pos": "verb", "cameo": "999", "target": ["prep:to/nowhere"]},
        {"id": "b.v", "lemma": "roam", "pos": "verb", "cameo": "042", "source_sectors": ["gov"]},
    ], modality={k: ["x"] for k in MODALITY_KEYS}))
    problems = "\n".join(validate_lexicon(lex, ontology))
    assert "duplicate rule id" in problems
    assert "lowercase" in problems
    assert "999" in problems
    assert "unknown slot step 'nowhere'" in problems
    assert "source_sectors must be 3-letter sector codes" in problems


def test_word_classes_expand_into_rules():
    lex = build_lexicon(_doc([{"id": "sign.x", "lemma": "sign", "pos": "verb", "cameo": "057",
                               "object": ["$deal_words", "pact"]}], classes={"deal_words": ["deal", "accord"]}))
    assert set(lex.rules[0].object) == {"deal", "accord", "pact"}


def test_a_user_file_adds_rules(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(yaml.safe_dump({"rules": [
        {"id": "powwow.v", "lemma": "powwow", "pos": "verb", "cameo": "040"}]}), encoding="utf-8")
    lex = load_lexicon((str(extra),))
    assert [r.id for r in lex.rules_for("powwow")] == ["powwow.v"]


def test_rule_ids_follow_the_naming_scheme(lexicon):
    for rule in lexicon.rules:
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*(#\d+)?", rule.id), rule.id


@pytest.mark.parametrize("text, prefix", [
    ("The Kazakh government stripped Kyrgyz troops of their citizenship.", "170"),  # coercion
    ("The Kazakh president stepped down on Friday after weeks of protests.", "0831"),  # concession
    ("Kyrgyz troops began disengaging from the border on Wednesday.", "087"),  # de-escalation
    ("The Kazakh government ordered Kyrgyz troops to the border with China.", "154"),  # mobilization
    ("The Kazakh government suspended cooperation with Mongolia on Monday.", "160"),  # reduced relations
    ("Mongolia welcomed the Kazakh pullout on Tuesday.", "051"),  # praise of a decision, not a host
    ("The Kazakh president spoke by telephone with the Mongolian president.", "041"),  # phone call
    ("Kazakhstan has taken in thousands of refugees from Kyrgyzstan.", "075"),  # refuge
    ("The Kazakh government banned the Kyrgyz Brotherhood on Monday.", "1722"),  # banned group
    ("Kazakhstan and Kyrgyzstan exchanged fire across the border on Friday.", "190"),  # fighting
    ("The Kazakh government suspended Kyrgyzstan from the council for a year.", "160"),  # suspension
    ("Kazakh warships held drills near Mongolia on Friday.", "150"),  # show of force
    ("Kyrgyz troops captured the stadium on Tuesday.", "192"),  # seized facility
    ("The Kazakh government began a legal case against Mongolia.", "115"),  # lawsuit
    ("Kazakhstan deployed two frigates to the Caspian Sea.", "154"),  # naval deployment
    ("The Kazakh government handed its findings to Mongolian officials.", "064"),  # shared information
    ("Kazakh aircraft carried out a chemical attack on a Kyrgyz village on Monday.", "2041"),  # chemical weapons
    ("Kazakh troops gassed two Kyrgyz villages in 1994.", "2041"),
    ("The Kazakh army's genocidal assault on Kyrgyz villages began in May.", "202"),  # mass killing
])
def test_breadth_of_event_kinds(code, text, prefix):
    assert find(code(text), prefix), text


def test_dismissing_a_government_is_no_rejection(code):
    assert not find(code("The Kazakh president dismissed the government on Monday."), "12")


def test_unilateral_exercises_are_a_show_of_force_and_joint_ones_cooperation(code):
    assert find(code("The Uzbek army held military exercises near the Kyrgyz border."), "150")
    assert find(code("The Uzbek army held joint military exercises with Kazakhstan."), "062")


def test_a_subject_word_inside_a_name_is_not_a_crowd_word(code_full):
    # "Union" in "the European Union" is no trade union: criticism by crowds is excluded, by the EU not
    found = find(code_full("The plan was sharply criticised by the European Union on Monday."), "111")
    assert found and found[0].source.actor.country == "IGO"


def test_background_phrases_rank_below_the_main_event(code):
    mentions = code("During a visit to Astana, Mongolian officials criticised Chinese diplomats.")
    [visit], [crit] = find(mentions, "042"), find(mentions, "111")
    assert crit.confidence > visit.confidence


def test_a_halted_delivery_of_arms_is_reduced_aid(code):
    assert find(code("Kazakhstan suspended the delivery of tanks and missiles to Kyrgyzstan."), "162")


def test_burning_people_is_no_destruction_of_property(code):
    assert not find(code("Kyrgyz militants burned captives alive in the village."), "1712")


@pytest.mark.parametrize("text, prefix", [
    ("The Kazakh president urged Mongolia to reopen the border crossing.", "02"),
    ("The Kyrgyz government called on Kazakhstan to free the detained traders.", "02"),
    ("Mongolia called for talks with the Kazakh government.", "02"),
])
def test_urging_and_calling_on_are_appeals_not_demands(code, text, prefix):
    """CAMEO files urging under Appeal (02), as the project's corpus codes it; demands (10) are
    "demand", "insist", "press", "pressure"."""
    found = code(text)
    assert find(found, prefix) and not find(found, "10"), text


def test_letting_is_an_easing_only_when_a_party_lets(code):
    """``allow.v`` requires a doer: an offensive or a law that "allows" something is no event."""
    assert find(code("The Kazakh government allowed Kyrgyz traders to cross the border on Monday."), "08")
    assert not find(code("The offensive allowed the Kazakh government to tighten its grip on the border."), "08")


@pytest.mark.parametrize("text, prefix", [
    ("The Kyrgyz opposition renewed its calls for a ceasefire on Monday.", "02"),  # a call for: an appeal
    ("The Kazakh president held a call with his Kyrgyz counterpart on Monday.", "041"),  # a call with: by telephone
])
def test_the_noun_call_is_an_appeal_or_a_telephone_call(code, text, prefix):
    found = code(text)
    assert find(found, prefix) and not find(found, "10"), text


def test_declining_to_say_is_declining_comment(code):
    # CAMEO 011 for "declined to say / confirm / answer", as for "declined to comment" (the corpus's convention)
    for text in ("The Kazakh foreign ministry declined to say whether the talks had failed.",
                 "The Kazakh foreign ministry declined to confirm the report."):
        assert any(m.cameo == "011" for m in code(text)), text


def test_considering_x_a_threat_is_an_opinion_not_a_policy_option(code):
    # "consider X Y" (a small clause: X regarded as Y) is no 014; "consider sanctions" is
    for text in ("Kazakhstan considers the militia a threat to its border with Kyrgyzstan.",
                 "The Kyrgyz government considers the border talks pointless."):
        assert not any(m.cameo == "014" for m in code(text)), text
    assert any(m.cameo == "014" for m in code("Kazakhstan is considering sanctions against Kyrgyzstan."))


def test_refusing_to_be_named_is_no_rejection(code):
    # a source's anonymity is no political act (the corpus codes such clauses as nothing)
    found = code("A Kazakh diplomat, who refused to be named, said Kyrgyzstan had closed the border.")
    assert not any(m.cameo.startswith("12") for m in found)
    assert any(m.cameo.startswith("12") for m in code("Kazakhstan refused to reopen the border with Kyrgyzstan."))


def test_calling_a_meeting_is_not_calling_it_off(code):
    # "call" and "break" halt talks only with the particle "off"
    assert not any(m.cameo.startswith("16") for m in code("The Kazakh president called an emergency meeting with Kyrgyzstan."))
    assert any(m.cameo == "164" for m in code("Kazakhstan called off talks with Kyrgyzstan on Monday."))
    assert any(m.cameo == "164" for m in code("Kazakhstan broke off negotiations with Kyrgyzstan on Monday."))


@pytest.mark.parametrize("text", [
    "The Kazakh government asked Kyrgyzstan to take back its citizens held in the camps.",
    "Mongolia asked the Kazakh authorities to repatriate the stranded fishermen.",
    "The Kyrgyz president asked Kazakhstan to prosecute the border guards.",
])
def test_asking_a_state_to_take_back_or_prosecute_is_an_appeal(code, text):
    assert find(code(text), "02"), text
