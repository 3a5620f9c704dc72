"""What an event's own clause says decides its code (events/content.py): claims that claim no act,
warnings of harm the speaker does not bring, travel that visits no place, verdicts and charges
in statements, people captured, resignations in protest. The learned model proposes
such events as the rules do, so each case is tried on an event of the code it would propose."""
from __future__ import annotations

import pytest
from events_helpers import find, gazetteer_mentions, revised

from detente.events import combine as cb
from detente.events import content
from detente.events.candidate import Candidate
from detente.events.index import ActorIndex




@pytest.mark.parametrize("text, word", [
    ("The Mongolian foreign minister claimed that Kazakhstan had welcomed its herders for years.", "claimed"),
    ("Kazakh officials confirmed that two Kyrgyz border guards had been wounded.", "confirmed"),
    ("The Mongolian foreign minister claimed Mongolia had been too timid with its neighbours.", "claimed"),
    ("The Mongolian foreign minister claimed that Kyrgyz troops had crossed the border.", "claimed"),
])
def test_a_claim_that_names_no_act_is_a_statement(nlp, resources, text, word):
    assert revised(nlp, resources, text, word, "015").cameo == "010"


@pytest.mark.parametrize("text, word", [
    ("A rebel group claimed the bombing of the Kyrgyz embassy in Tashkent.", "claimed"),
    ("The Uzbek army claimed to have shot down two Kyrgyz drones.", "claimed"),
    ("The Kazakh government acknowledged it had failed to warn Kyrgyzstan of the flood.", "acknowledged"),
    ("The Kazakh army said its soldiers had fired in self-defence.", "said"),
    ("Kazakh officials said the attack had been a mistake.", "said"),
])
def test_a_claim_of_an_act_or_an_admission_stays_a_claim_of_responsibility(nlp, resources, text, word):
    assert revised(nlp, resources, text, word, "015").cameo == "015"


@pytest.mark.parametrize("text", [
    "The Kazakh government warned on Monday that thousands of herders in Mongolia face hunger this winter.",
    "The Kazakh president warned that Mongolia could test the resolve of its neighbours within three years.",
    "The Kazakh president warned of a humanitarian disaster in the border region.",
])
def test_a_warning_of_harm_the_speaker_does_not_bring_is_a_pessimistic_comment(nlp, resources, text):
    assert revised(nlp, resources, text, "warned", "138").cameo == "012"


@pytest.mark.parametrize("text", [
    "The Kazakh president warned that Kazakh troops would retaliate against any attack on the border.",
    "The Kazakh government warned that protesters who blocked the roads would be arrested.",
    "The Kazakh president warned that Mongolia would pay dearly for the incursion.",
    "The Kazakh government warned Mongolia that joining the alliance would be an unfriendly step.",
    "The Kazakh president warned that the government would respond if Mongolia closed the border.",
    "The Kazakh president warned that any incursion would meet a severe response.",
    "The Kazakh president warned of war with Mongolia.",
    "The Kazakh president warned that its response would be swift.",
])
def test_a_warning_of_the_speaker_s_act_or_penalty_stays_a_threat(nlp, resources, text):
    assert revised(nlp, resources, text, "warned", "138").cameo == "138"


def test_the_rules_warning_of_suffering_is_recoded_too(code):
    mentions = code("The Kazakh president warned that millions in Mongolia would suffer hunger this winter.")
    assert not find(mentions, "13")


@pytest.mark.parametrize("text, word", [
    ("The Uzbek foreign minister went further in his criticism of Kyrgyzstan on Tuesday.", "went"),
    ("Kazakhstan and Mongolia came to an agreement on grazing rights in March.", "came"),
    ("The Mongolian opposition returned to power in Ulaanbaatar after the election.", "returned"),
])
def test_travel_to_an_abstract_destination_is_no_visit(nlp, resources, text, word):
    assert revised(nlp, resources, text, word, "042").dropped


def test_travel_to_a_place_is_a_visit(nlp, resources):
    cand = revised(nlp, resources, "The Kazakh foreign minister flew to Ulaanbaatar on Monday.", "flew", "042")
    assert cand.dropped is None and cand.cameo == "042"


@pytest.mark.parametrize("text, cameo", [
    ("The Kazakh president said Kazakhstan would keep its consulate in Ulaanbaatar open.", "030"),
    ("The Kazakh president said he would escalate military action against Kyrgyz militias.", "138"),
    ("The Kazakh president said Kazakh troops would continue to shell the militias' positions.", "138"),
    ("The Kazakh government said it would not attend the talks in Ulaanbaatar.", "120"),
])
def test_a_statement_of_what_the_speaker_s_side_will_do_announces_it(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


@pytest.mark.parametrize("text", [
    "The Kazakh president said Mongolia would face a difficult winter.",
    "The Kazakh president said it would bring stability to the border with Mongolia.",
    "The Kazakh president said Kazakhstan would respond if Mongolia closed the border.",
    "The Kazakh president said he believed the talks had failed.",
])
def test_a_statement_of_others_acts_a_prediction_or_a_condition_stays_a_statement(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


def test_a_statement_is_not_coded_twice_when_what_it_announces_is(nlp, resources):
    from detente.events.coder import analyse_sentence

    doc = nlp("The Kazakh president said on Monday that Kazakhstan would send humanitarian aid to Mongolia.")
    index = ActorIndex(gazetteer_mentions(doc))
    said = Candidate(match=cb.generic_match(next(t for t in doc if t.text == "said"), "010"), cameo="010")
    analysis = analyse_sentence(next(doc.sents), index, resources.lexicon)
    [sent] = [c for c in analysis.kept if c.cameo.startswith("03")]
    content.announced_twice([said, sent], resources.lexicon)
    assert said.dropped and sent.dropped is None


@pytest.mark.parametrize("text, cameo", [
    ("The Kazakh president said Kazakhstan would stall its offensive against the Kyrgyz militias.", "030"),
    ("The Kazakh president said he would use all his powers to keep Mongolia out of the talks.", "030"),
    ("The Kazakh government said it would launch an operation against the Kyrgyz militias.", "138"),
    ("The Kazakh government said it would not comment on the talks with Mongolia.", "010"),
])
def test_an_announced_act_is_a_threat_only_when_it_takes_up_force(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


def test_a_passive_announces_no_act(nlp, resources):
    text = "The Kazakh president said Kazakhstan would not be intimidated by Mongolia."
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


@pytest.mark.parametrize("text, cameo", [
    # terms make no plain announcement, but force the speaker's side threatens is a threat whatever its terms
    ("The Kazakh government said it would strike the militias' camps if the shelling continued.", "138"),
    ("The Kazakh defence minister said an offensive would be launched if the militias did not leave.", "138"),
    ("The Kazakh defence minister said a military operation would be launched against the militias.", "138"),
    ("The Kazakh government said it would not strike the militias' camps if they disarmed.", "010"),  # restraint
    ("The Kazakh defence minister said a Mongolian offensive would be launched next week.", "010"),  # another's
    ("The Kazakh defence minister said an offensive would be launched by the militias.", "010"),  # another doer
])
def test_force_the_speaker_s_side_announces_on_terms_or_with_no_doer_is_a_threat(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


@pytest.mark.parametrize("text, word, target", [
    ("The Kazakh president said the Kyrgyz government was a terrorist organisation.", "said", "KGZ"),
    ("The Kazakh foreign minister said the decision by Kyrgyzstan was a betrayal of the region.", "said", "KGZ"),
    ("The Mongolian president told reporters that the Chinese strikes were illegal.", "told", "CHN"),
    ("The Kazakh president said Kyrgyzstan's charges against him were politically motivated.", "said", "KGZ"),
    ('The Kazakh president said: "We see Kyrgyzstan as a hostile state."', "said", "KGZ"),
    ('Mongolian officials said: "This is grotesque, it is a blatant lie."', "said", None),
    ("The Kazakh foreign minister said the Kyrgyz expulsions were counterproductive and cynical.", "said", "KGZ"),
    ("The Kazakh foreign ministry said the Kyrgyz decision was regrettable.", "said", "KGZ"),
])
def test_a_statement_passing_a_verdict_on_a_party_criticises_it(nlp, resources, text, word, target):
    cand = revised(nlp, resources, text, word, "010")
    assert cand.cameo == "111"
    assert [t.actor.country for t in cand.roles.targets][:1] == ([target] if target else [])


@pytest.mark.parametrize("text, word, target", [
    ("The Kazakh president said the Kyrgyz government was responsible for the bombing.", "said", "KGZ"),
    ("The Kazakh president said Kyrgyzstan was behind the riots in Astana.", "said", "KGZ"),
    ("Mongolian officials claimed the attack had been staged with the help of Chinese diplomats.", "claimed", "CHN"),
    ("The Kazakh government said it had proof that Kyrgyzstan had orchestrated the protests.", "said", "KGZ"),
    ("The Kazakh president told parliament that it was highly likely that Kyrgyzstan was responsible.", "told", "KGZ"),
    ("The Kazakh president said there was no doubt that Kyrgyzstan was behind the riots in Astana.", "said", "KGZ"),
    # a hostile act another party did to the speaker's side: a complaint
    ("The Kazakh government said Kyrgyz troops had fired on Kazakh villages near the border.", "said", "KGZ"),
    ("Kazakhstan said the Kyrgyz ships had rammed Kazakh patrol boats three times.", "said", "KGZ"),
    ("The Kazakh government said Kazakh border posts had been shelled by Kyrgyz troops overnight.", "said", "KGZ"),
    ('"Kyrgyz troops have shelled our villages," the Kazakh president said.', "said", "KGZ"),
])
def test_a_statement_charging_a_party_accuses_it(nlp, resources, text, word, target):
    cand = revised(nlp, resources, text, word, "010")
    assert cand.cameo == "112"
    assert [t.actor.country for t in cand.roles.targets][:1] == [target]


@pytest.mark.parametrize("text, code, target", [
    ("The Kazakh president said the Kyrgyz government had failed its own people.", "111", "KGZ"),
    ("The Kazakh foreign minister said Mongolia had betrayed the herders of the steppe.", "111", "MNG"),
    ("The Kazakh president told parliament that the Kyrgyz government had ignored every warning.", "111", "KGZ"),
    ("The Kazakh president said the Kyrgyz blockade amounted to an act of aggression.", "111", "KGZ"),
    ("Kazakh officials said the Kyrgyz raids constituted a violation of the treaty.", "111", "KGZ"),
    ("The Kazakh government said Kyrgyz troops had violated the ceasefire twice.", "112", "KGZ"),
    ("The Kazakh president said the Kyrgyz militias had committed war crimes in the valley.", "112", "KGZ"),
    ('"Mongolia has betrayed its neighbours," the Kazakh president said.', "111", "MNG"),
])
def test_a_statement_that_has_another_party_fail_or_break_a_rule_judges_it(nlp, resources, text, code, target):
    cand = revised(nlp, resources, text, "said" if "said" in text else "told", "010")
    assert cand.cameo == code
    assert [t.actor.country for t in cand.roles.targets][:1] == [target]


@pytest.mark.parametrize("text", [
    "The Kazakh president said the talks with Kyrgyzstan had failed.",  # no party did it
    "The Kazakh president said Kazakhstan had failed its herders.",  # the speaker's own side
    "The Kazakh president said we had failed the herders of the steppe.",
    "The Kazakh president said the Kyrgyz government would fail without help.",  # a prediction
    "The Kazakh president said the Kyrgyz government had not violated the ceasefire.",  # a defence
    "The Kazakh president said the Kyrgyz blockade would amount to an act of aggression.",  # a warning
    "The Kazakh president said Kyrgyzstan had committed troops to the mission.",  # no misdeed
    "The Kazakh president said the ceasefire had been violated twice.",  # no doer named
])
def test_a_failure_or_a_breach_by_no_other_party_or_not_asserted_is_no_verdict(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


def test_an_admission_that_a_party_failed_is_no_verdict(nlp, resources):
    text = "The Mongolian envoy admitted that the Kazakh mission had failed the herders."
    assert revised(nlp, resources, text, "admitted", "015").cameo == "010"


@pytest.mark.parametrize("text", [
    "The Kazakh government said Kyrgyz troops had fired on Mongolian villages near the border.",  # a report
    "The Kazakh government said Kazakh troops had fired on Kyrgyz villages near the border.",  # its own act
    "The Kazakh government said Kyrgyz troops could fire on Kazakh villages near the border.",  # a warning
    "The Kazakh government said Kyrgyz troops had not fired on Kazakh villages near the border.",  # a denial
    "The Mongolian foreign minister said that Kazakhstan had mistreated its herders.",  # "its": Kazakhstan's
])
def test_a_hostile_act_not_done_to_the_speakers_side_by_another_party_is_no_charge(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo != "112"


@pytest.mark.parametrize("text", [
    "The Kazakh president said the Kyrgyz government was not a terrorist organisation.",
    "The Kazakh president said the talks with Kyrgyzstan were a success.",
    "The Kazakh president said terrorist groups had attacked a checkpoint near the Kyrgyz border.",
    "The Kazakh president said his own statement had been a mistake and a blunder.",
    "The Kazakh army said it had planned the operation against the Kyrgyz militias for months.",
    "The Kazakh president said there was no solution to the occupation except talks with Kyrgyzstan.",
])
def test_a_statement_without_a_verdict_on_another_party_stays_a_statement(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


@pytest.mark.parametrize("text", [
    "The Kazakh president said any attack on Kyrgyzstan would be reckless.",
    "The Kazakh president said it was absurd to suggest Kazakhstan was responsible for the riots.",
    "The Kazakh president said it was unlikely that Kyrgyzstan was responsible for the riots.",
])
def test_a_warning_or_a_denial_is_no_verdict(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo == "010"


@pytest.mark.parametrize("text, word, cameo", [
    ("The Kazakh president said Kazakh troops were determined to cross the river into Kyrgyzstan.", "said", "138"),
    ("The Kazakh president said Kazakhstan would take the border town within days.", "said", "138"),
    ("The Kazakh president said Kazakhstan would take part in the talks with Mongolia.", "said", "030"),
    ("The Kazakh president said Kazakhstan was determined to improve its ties with Mongolia.", "said", "010"),
])
def test_a_statement_of_resolve_to_advance_into_territory_is_a_threat(nlp, resources, text, word, cameo):
    assert revised(nlp, resources, text, word, "010").cameo == cameo


@pytest.mark.parametrize("text, word, cameo", [
    ("The Kazakh president was ready to launch a military operation against Kyrgyzstan.", "ready", "138"),
    ("The Kazakh president vowed to storm the border town held by Kyrgyz troops.", "vowed", "138"),
    ("The Kazakh president was ready to launch talks with Kyrgyzstan.", "ready", "030"),
])
def test_an_intent_to_take_up_force_is_a_threat(nlp, resources, text, word, cameo):
    assert revised(nlp, resources, text, word, "030").cameo == cameo


@pytest.mark.parametrize("text, word, cameo, target", [
    ("The Kazakh president said the Kyrgyz government would pay a heavy price.", "said", "130", "KGZ"),
    ("The Kazakh president said the attack on the border post would not go unpunished.", "said", "130", None),
    ("The Kazakh defence minister said any aggression would be met with a crushing response.", "said", "130", None),
    ("The Kazakh president said any Kyrgyz incursion would be treated as a declaration of war.", "said", "130", "KGZ"),
    ('"The Kyrgyz government will have to pay the price," the Kazakh president said.', "said", "130", "KGZ"),
])
def test_a_statement_setting_a_penalty_for_another_party_threatens_it(nlp, resources, text, word, cameo, target):
    cand = revised(nlp, resources, text, word, "010")
    assert cand.cameo == cameo
    assert [t.actor.country for t in cand.roles.targets][:1] == ([target] if target else [])


@pytest.mark.parametrize("text, cameo", [
    ("The Kazakh president said Kazakhstan reserved the right to respond to any attack.", "138"),
    ("The Kazakh government said it retained the right to resume strikes if the talks failed.", "138"),
    ("The Kazakh government said it would not resume lending unless Kyrgyzstan cut its subsidies.", "130"),
    ("The Kazakh government said it could close its border if the shelling continued.", "130"),
    # none: the speaker's own cost, a right to something else, a restraint on terms, a plain promise

    ("The Kazakh president said Kazakhstan reserved the right to hold a referendum.", "010"),
    ("The Kazakh government said it would not resume lending if the debt was paid.", "010"),
    ("The Kazakh government said it would open its border if the shelling stopped.", "010"),
])
def test_a_right_to_respond_or_what_is_withheld_on_terms_is_a_threat(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


@pytest.mark.parametrize("text", [
    "The Kazakh president said we would pay a heavy price for the drought.",  # the speaker's own cost
    "The Kazakh president said the Kyrgyz government would not pay the price.",
    "The Kazakh government said it could close its border next year.",  # a possibility, no terms
])
def test_no_penalty_for_another_party_and_no_terms_is_no_threat(nlp, resources, text):
    assert revised(nlp, resources, text, "said", "010").cameo[:2] != "13"


@pytest.mark.parametrize("text, threat", [
    # session 29 (stmt29): a penalty another party "will face" or "suffer" is set by the speaker (13)
    ("The Kazakh ministry said the Kyrgyz organisers would face serious consequences.", True),
    ("Kazakh police said the smugglers would face prosecution.", True),
    ("The Kazakh government said any herders who cross the border will suffer as a consequence.", True),
    ("The Kazakh government said anyone who stays away will suffer.", True),
    # no penalty set: a possibility, a cost foretold, harm with no terms, a negated one
    ("Kazakh police said the smugglers could face prosecution.", False),
    ("The Kazakh ministry said Kyrgyz exporters would face higher costs.", False),
    ("The Kazakh ministry said the herders will suffer in the drought.", False),
    ("The Kazakh ministry said the Kyrgyz organisers would not face prosecution.", False),
])
def test_a_penalty_another_party_will_face_is_a_threat(nlp, resources, text, threat):
    assert (revised(nlp, resources, text, "said", "010").cameo[:2] == "13") == threat, text


@pytest.mark.parametrize("text, cameo", [
    ("The Kazakh foreign ministry said it did not recognise the Kyrgyz court's jurisdiction.", "120"),
    ("Kazakh officials said they cannot take in more refugees from Kyrgyzstan.", "120"),
    ("The Kazakh president said his country would never recognise the Kyrgyz elections.", "120"),
    # none: another party's refusal, or a refusal not of the speaker's side
    ("The Kazakh foreign ministry said Kyrgyzstan did not recognise the court's jurisdiction.", "010"),
    ("The Kazakh foreign ministry said the court had not been recognised by anyone.", "010"),
    ('"Kazakhstan cannot take that gamble with its herders," the Kazakh foreign minister said.', "010"),
    ("The Kazakh president said we do not always agree with our Kyrgyz partners.", "010"),
])
def test_a_refusal_told_in_the_present_by_the_speakers_side_rejects(nlp, resources, text, cameo):
    assert revised(nlp, resources, text, "said", "010").cameo == cameo


@pytest.mark.parametrize("text, cameo", [
    # session 29 (stmt29): a refusal told by an elided act, by the answer "no", in a conjoined clause,
    # or by a negated "respond" / "comply" of the speaker's side
    ("Asked about talks with the herders, the Kazakh ministry said it would not.", "120"),
    ("Will Mongolia join the pact? Its foreign minister said on Monday that it would not.", "120"),
    ("Will Mongolia ever recognise the republic? Its president has said no.", "120"),
    ("The Mongolian president said no to the Kazakh plan for the river.", "120"),
    ('"We did not call this meeting and we will not attend it," the Kazakh foreign minister said.', "120"),
    ('"For now Kazakhstan is not responding to the Kyrgyz demands," the Kazakh minister said.', "120"),
    ("The Kazakh ministry said it would not comply with the ruling.", "120"),
    # a statement still: another party's elided act, "no" as a determiner, another party's conjunct,
    # an affirmative conjunct, another party's negated response
    ("Asked whether Kyrgyzstan would attack, the Kazakh minister said it would not.", "010"),
    ("The Mongolian president said no herders had been hurt.", "010"),
    ('"We called this meeting and the Kyrgyz side will not attend it," the Kazakh foreign minister said.', "010"),
    ('"We did not call this meeting, and we will attend it," the Kazakh foreign minister said.', "010"),
    ("The Kazakh minister said Kyrgyzstan was not responding to the demands.", "010"),
    ("Kazakh authorities in Almaty say it is not responding to their letters.", "010"),  # "it": another body
    ("The Emirates said it was not responding to the Kyrgyz demands.", "120"),  # a plural name is one body
    # a second reported clause of its own is not read (the writers code it 01 or none)
    ("The Kazakh president said the Kyrgyz envoy had erred and that Kazakhstan would never accept such a deal.", "010"),
    ('"We did not build and we will not build such dams," the Kazakh minister said.', "010"),  # no party refused
])
def test_a_refusal_told_by_ellipsis_answer_or_conjunct_rejects(nlp, resources, text, cameo):
    word = "say" if " say " in text else "said"
    assert revised(nlp, resources, text, word, "010").cameo == cameo, text


@pytest.mark.parametrize("text, target", [
    # a claim that another party does a hostile or covert act is an allegation (session 25: "mistreated"
    # was a plain statement before)
    ("The Mongolian foreign minister claimed that Kazakhstan had mistreated its herders for years.", "KAZ"),
    ("The Mongolian envoy claims the Kazakh government is deliberately hiding the records of the flood.", "KAZ"),
    ("The Mongolian foreign minister claimed that the Kyrgyz militia stages the raids on the herders.", "KGZ"),
    ("The Mongolian foreign minister claimed that Kazakhstan had secretly moved the border posts.", "KAZ"),
])
def test_a_claim_that_another_party_does_a_hostile_act_accuses_it(nlp, resources, text, target):
    cand = revised(nlp, resources, text, "claimed" if "claimed" in text else "claims", "015")
    assert cand.cameo == "112", text
    assert [t.actor.country for t in cand.roles.targets][:1] == [target]


@pytest.mark.parametrize("text", [
    "The Mongolian foreign minister claimed that Kazakhstan would attack the herders.",
    "The Mongolian foreign minister claimed that Kazakhstan had not mistreated its herders.",
    "The Mongolian foreign minister claimed that Kazakhstan had won the vote.",
    "The Mongolian foreign minister claimed that Mongolian troops had destroyed the smugglers' camp.",
])
def test_a_claim_of_a_future_denied_harmless_or_own_act_accuses_no_one(nlp, resources, text):
    assert revised(nlp, resources, text, "claimed", "015").cameo != "112", text
