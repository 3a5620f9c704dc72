"""CAMEO's convention for plain statements (``events/statements.py``): a comment with nothing else
codable in its sentence is a statement (010) by its speaker, when the speech verb heads the
sentence and the speaker is political (the rule coder, so that only this rule codes "said")."""
from __future__ import annotations

from events_helpers import dyad, find

from detente.model import Actor, ActorMention
from detente.events.roles import Roles
from detente.events.statements import political_speaker, statement_roles


def _statements(mentions):
    return [m for m in mentions if m.rule == "statement.v"]


def test_a_plain_comment_is_a_statement_by_its_speaker(code):
    for text in ("The Kazakh foreign minister said the harvest had been good this year.",
                 "The Kazakh president told reporters that the harvest had been good.",
                 "\u201cThe harvest has been good,\u201d the Kazakh president said on Monday."):
        [m] = _statements(code(text))
        assert (m.cameo, m.modality, m.source.actor.country) == ("010", "asserted", "KAZ"), text


def test_a_speaker_without_a_country_makes_no_statement(code):
    assert not _statements(code("A spokesman said the harvest had been good this year."))


def test_a_sentence_with_another_event_keeps_that_event_alone(code):
    mentions = code("The Kazakh president said Kyrgyz troops had attacked the Uzbek army.")
    assert not _statements(mentions)
    assert any(m.cameo.startswith(("18", "19")) for m in mentions)


def test_only_a_speech_verb_that_heads_its_sentence(code):
    # a statement told in a clause that modifies a noun is background to that clause
    assert not _statements(code("The Kazakh president, who said the harvest had been good, is 64 years old."))


def test_a_verb_that_states_only_without_an_object(code):
    assert not _statements(code("The Kazakh president added urgency to the debate on the harvest."))
    [m] = _statements(code("\u201cThe harvest has been good,\u201d the Kazakh president added."))
    assert m.cameo == "010"


def test_an_unasserted_statement_is_not_asserted(code):
    for m in _statements(code("If asked, the Kazakh president would say that the harvest had been good.")):
        assert m.modality != "asserted"


def _side(country, sector):
    return ActorMention(0, 1, 0, 1, "x", Actor(country=country, sector=sector))


def test_political_speakers(resources):
    lex = resources.lexicon
    assert political_speaker(Roles(sources=(_side("KAZ", "GOV"),)), lex)
    assert political_speaker(Roles(sources=(_side("IGO", "IGO"),)), lex)
    assert political_speaker(Roles(sources=(_side("KAZ", None),)), lex)  # a state by its name
    for sector in ("BUS", "MED", "EDU", "CVL"):  # a company, a paper, a scholar, a resident
        assert not political_speaker(Roles(sources=(_side("KAZ", sector),)), lex)
    assert not political_speaker(Roles(sources=(_side(None, "GOV"),)), lex)  # of no stateless people either
    assert not political_speaker(Roles(), lex)


def test_a_comment_on_what_may_happen_is_a_statement(code):
    # the predicted attack is not asserted: nothing else codable is asserted, so the comment is
    mentions = code("The Kazakh president said Kyrgyz troops might attack the Uzbek army.")
    [m] = _statements(mentions)
    assert (m.cameo, m.modality) == ("010", "asserted")
    assert all(x.modality != "asserted" for x in mentions if x is not m)


def test_a_party_a_statement_speaks_of_is_no_target(code):
    # what a statement says of the speaker's own side or of no party is no counterpart; another
    # country's party named as the clause's subject is (events/spoken_of.py, session 28)
    for text in ("The Kazakh president said the Kazakh government had worked hard this year.",
                 "The Kazakh president said the soldiers had worked hard this year."):
        [m] = _statements(code(text))
        assert m.target is None, text
    [m] = _statements(code("The Kazakh president said China had been a good neighbour this year."))
    assert m.target is not None and m.target.actor.country == "CHN"


def test_a_plain_statement_of_the_learned_coder_keeps_only_its_addressee(code_default):
    # however a plain statement (010) is coded, a party of the speaker's own country spoken of is no
    # target, one told is
    for m in find(code_default("The Kenyan president said the Kenyan army had been a good partner for years."), "010"):
        assert m.target is None
    [m] = find(code_default("The Kenyan president told Chinese diplomats that the harvest had been good."), "010")
    assert dyad(m) == ("KEN", "CHN")


def test_whom_a_statement_is_told_to_is_its_target(code):
    # an addressee of the speaker's own country is a target too ("told his generals")
    [m] = _statements(code("The Kazakh president told the Kazakh government that the harvest had been good."))
    assert m.target is not None and m.target.actor.country == "KAZ"


def test_a_party_a_statement_is_said_to_is_its_target(code_default):
    [m] = find(code_default("The Kenyan president admitted to Chinese diplomats that the harvest had been poor."), "010")
    assert dyad(m) == ("KEN", "CHN")


def test_a_party_a_statement_says_should_act_is_its_target(nlp, resources):
    # "said China should consider": addressed through what it should do; "had considered": spoken of
    for text, kept in (("The Kazakh president said China should consider the offer.", True),
                       ("The Kazakh president said China had considered the offer.", False)):
        doc = nlp(text)
        china = ActorMention(4, 5, 0, 1, "China", Actor(country="CHN"))
        roles = Roles(sources=(_side("KAZ", "GOV"),), targets=(china,), source_slot="subj", target_slot="comp:subj")
        assert bool(statement_roles(roles, resources.lexicon, doc).targets) is kept, text


def test_a_speaker_whose_country_only_qualifies_a_noun_of_no_office_makes_no_statement(code):
    # the speaker is the chip maker or the analyst, not Kazakhstan: no political party
    for text in ("The Kazakh chip maker said its orders had never been higher.",
                 "A Kazakh political analyst said the harvest would be poor this year.",
                 "Kazakhstan's squash federation said it would join a new tour next spring.",
                 "A 23-year-old from Kazakhstan said he had followed the talks on his phone."):
        assert not _statements(code(text)), text
    # an office or a body the country word qualifies is a political speaker
    for text in ("The Kazakh vice-president said the harvest had been good this year.",
                 "Kazakhstan's refugee commissioner said the harvest had been good this year.",
                 "Kazakh officials said the harvest had been good this year.",
                 "An envoy from Kazakhstan said the harvest had been good this year."):
        assert [m.cameo for m in _statements(code(text))] == ["010"], text


def test_a_person_in_the_street_or_one_former_official_makes_no_statement(code_full):
    # a commentator or a passer-by speaks for no party: the writers code none of their plain comments
    for text in ("A Kazakh engineer who has lived in the city for years said the harvest had been poor.",
                 "A former Kazakh intelligence officer said the harvest would be poor this year.",
                 "One retired Kazakh general said the harvest would be poor this year.",
                 "Many Kazakhs said the harvest had been poor this year.",
                 "A Kazakh taxi driver said the harvest had been poor this year."):
        assert not _statements(code_full(text)), text
    # a serving office holder, or one named with a former office, still speaks
    for text in ("The Kazakh intelligence chief said the harvest would be poor this year.",
                 "Kazakhstan's former prime minister said the harvest would be poor this year.",
                 "The Kazakhs said the harvest had been poor this year.",
                 "Kazakh and Kyrgyz envoys met in Astana. Both countries said the harvest had been poor."):
        assert [m.cameo for m in _statements(code_full(text))] == ["010"], text


def test_an_argument_or_an_observation_is_no_statement(code):
    # the writers annotate no statement where a speaker argues, suggests or notes
    for text in ("The Kazakh president argued that a poor harvest would strengthen his hand.",
                 "The Kazakh president suggested that the harvest had been poor this year.",
                 "The Kazakh president noted that the harvest had been poor this year."):
        assert not _statements(code(text)), text


def test_saying_nothing_is_no_statement(code):
    for text in ("The Kazakh president has said almost nothing about the harvest.",
                 "The Kazakh government has said little since the harvest failed.",
                 "The Kazakh government has said much about the harvest but done little."):
        assert not _statements(code(text)), text


def _quoted(mentions):
    return [m for m in mentions if m.rule == "statement.quote"]


def test_a_quoted_sentence_continuing_an_attributed_quotation_is_its_speakers_statement(code):
    text = ("\u201cThe harvest has been good,\u201d the Kazakh president said on Monday. "
            "\u201cThe farmers of the north are pleased with the prices.\u201d")
    [m] = _quoted(code(text))
    assert (m.cameo, m.modality, m.source.actor.country, m.trigger) == ("010", "asserted", "KAZ", "said")
    # the evidence is the passage from the verb of saying to the quoted sentence, which proves who said it
    assert m.sentence.startswith("\u201cThe harvest") and m.sentence.endswith("prices.\u201d")
    assert text[m.char_start:m.char_end] == m.sentence and text[m.trigger_char:].startswith("said on Monday")
    assert text[m.coded_from:].startswith("are pleased")  # scorers find it in the quoted sentence


def test_a_quoted_sentence_before_its_verb_of_saying_is_its_speakers_statement(code):
    text = ("\u201cThe harvest has been good this year. The farmers are pleased with the prices,\u201d "
            "the Kazakh president said.")
    [m] = _quoted(code(text))
    assert (m.source.actor.country, m.trigger) == ("KAZ", "said")
    assert m.sentence == text  # the quoted sentence through the one holding its verb of saying
    assert len(_statements(code(text))) == 1  # the sentence with the verb: a plain statement


def test_a_quotation_by_a_speaker_without_a_country_makes_no_statement(code):
    assert not _quoted(code("\u201cThe harvest has been good,\u201d a farmer said. \u201cWe are pleased.\u201d"))


def test_a_sentence_quoting_a_phrase_is_no_quoted_statement(code):
    # the quotation must hold the sentence's main verb and open it
    assert not _quoted(code("The Kazakh president said the harvest was \u201cgood\u201d. "
                            "The farmers called it \u201ca blessing for the whole region\u201d this week."))


def test_a_quotation_heading_a_section_continues_no_ones_quotation(code):
    # a heading picked from the text: it opens after a sentence, closes on no full stop, and a sentence follows
    said = "\u201cThe harvest has been good,\u201d the Kazakh president said. \u201cThe farmers are pleased.\u201d "
    assert len(_quoted(code(said + "\u2018Two dry summers could ruin the north\u2019 The risk of drought worries "
                                   "the farmers of the steppe."))) == 1
    assert len(_quoted(code(said + "\u201cWe will buy the whole crop this year.\u201d"))) == 2  # a full sentence


def test_a_quoted_sentence_without_a_verb_is_no_statement(code):
    assert not _quoted(code("\u201cThe harvest has been good,\u201d the Kazakh president said. "
                            "\u201cA good year for everyone.\u201d"))


def test_an_unasserted_verb_of_saying_makes_an_unasserted_quoted_statement(code):
    text = ("If asked, the Kazakh president would say: \u201cThe harvest has been good. "
            "The farmers are pleased with the prices.\u201d")
    assert all(m.modality != "asserted" for m in _quoted(code(text)))


def test_quoted_speakers_hold_an_office_or_speak_for_a_body(resources):
    from detente.events.statements import quoted_speaker
    lex = resources.lexicon
    for sector in ("GOV", "MIL", "IGO", "REB", "OPP", "LEG"):
        assert quoted_speaker(Roles(sources=(_side("KAZ", sector),)), lex), sector
    for sector in (None, "ELI", "LAB", "CVL", "BUS"):  # a state by its name, a former official, a union, a resident
        assert not quoted_speaker(Roles(sources=(_side("KAZ", sector),)), lex), sector


def test_a_quoted_sentence_that_condemns_is_a_criticism(code_default):
    text = "“We will not accept this,” the Kazakh foreign minister said. “That is a blatant lie.”"
    quoted = [m for m in code_default(text) if m.rule == "statement.quote"]
    assert [m.cameo for m in quoted] == ["111"]
    assert quoted[0].source is not None and quoted[0].source.actor.country == "KAZ"


def test_a_plain_quoted_sentence_stays_a_statement(code_default):
    text = "“It was a good meeting,” the Kyrgyz defence minister said. “We discussed many things.”"
    quoted = [m for m in code_default(text) if m.rule == "statement.quote"]
    assert [m.cameo for m in quoted] == ["010"]


def _quoted_codes(code, quotation):
    text = "\u201cThe talks went well,\u201d the Kazakh defence minister said. " + quotation
    return [m.cameo for m in _quoted(code(text))]


def test_a_quoted_sentence_announcing_the_speakers_act_is_its_intent(code_default):
    # read like "said it would ...": the quoted sentence is the clause the speaker says
    assert _quoted_codes(code_default, "\u201cWe will do all we can for the farmers of the north.\u201d") == ["030"]
    assert _quoted_codes(code_default, "\u201cThe government will continue its work in the north.\u201d") == ["030"]
    assert _quoted_codes(code_default, "\u201cWe will not sign this agreement.\u201d") == ["120"]
    assert _quoted_codes(code_default, "\u201cOur forces will attack the rebel positions in the north.\u201d") == ["138"]


def test_a_quoted_sentence_that_announces_no_act_of_the_speakers_stays_a_statement(code_default):
    for quotation in ("\u201cThey will send more troops to the border.\u201d",  # someone else's act
                      "\u201cIf they attack, we will defend the border.\u201d",  # terms
                      "\u201cWe would welcome a visit by the Kyrgyz president.\u201d",  # a quoted "would"
                      "\u201cNow, will the rebels enter the town?\u201d",  # a question
                      "\u201cThere will be no compromise.\u201d"):  # no act
        assert _quoted_codes(code_default, quotation) == ["010"], quotation


def test_a_quoted_sentence_saying_what_another_party_must_do_is_a_demand(code_default):
    # read as "said X must ..." is (the lexicon's remind.must), aimed at the party that must act
    text = ("\u201cThe talks went well,\u201d the Kazakh defence minister said. "
            "\u201cThe Kyrgyz government must stop the shelling of our villages.\u201d")
    [m] = _quoted(code_default(text))
    assert (m.cameo, m.target.actor.country) == ("100", "KGZ")
    for quotation in ("\u201cWe must defend our border.\u201d",  # the speaker's own duty
                      "\u201cThe rebels must have stopped the shelling.\u201d",  # a conclusion
                      "\u201cMust the rebels stop the shelling?\u201d"):  # a question
        assert _quoted_codes(code_default, quotation) != ["100"], quotation


def test_a_speaker_of_a_calling_or_a_body_of_no_party_makes_no_statement(code_full):
    # session 24: analysts, scholars, film-makers, sports bodies and museums speak for no party; the
    # writers code none of their comments
    for text in ("Kazakh water expert Timur Bekov said the harvest may have suffered from the drought.",
                 "\u201cThe harvest was never the point,\u201d said Dana Orlova, president of the Almaty-based "
                 "think-tank the Steppe Policy Centre.",
                 "A spokesman for the Kazakh football federation said only club scarves may be worn in the stands.",
                 "The Kazakh film-maker Aidos Nurlanov said the harvest had inspired his latest work."):
        assert not _statements(code_full(text)), text
    # an office holder, or experts of an intergovernmental body, still speak
    for text in ("Kazakhstan's agriculture minister, Timur Bekov, said the harvest had suffered from the drought.",
                 "The president of the Kazakh senate said the harvest had suffered from the drought."):
        assert [m.cameo for m in _statements(code_full(text))] == ["010"], text


def test_the_learned_models_plain_statement_by_such_a_speaker_is_none(code_default):
    # the learned model's own plain statements (010) pass the same test of the speaker as the rules'
    text = "Kazakh security expert Timur Bekov said the talks may have stalled because of the backlash."
    assert not [m for m in code_default(text) if m.cameo == "010"]
    text = "The Kazakh foreign minister, Timur Bekov, said the talks may have stalled because of the backlash."
    assert [m.cameo for m in code_default(text) if m.cameo.startswith("01")]


def test_an_office_or_force_of_a_people_without_a_state_makes_a_statement(code_full):
    # no country is found for a Kurdish, Yazidi or Baloch commander or leader, but they speak for a party
    for text in ("Kurdish leaders said the harvest had been poor this year.",
                 "A Kurdish commander told reporters that the harvest had been poor.",
                 "\u201cThe harvest has been poor,\u201d said Azad, a Kurdish officer in the north, on Monday."):
        assert [m.cameo for m in _statements(code_full(text))] == ["010"], text
    # a bare countryless official, or a people's private person, still makes none
    for text in ("A spokesman said the harvest had been good this year.",
                 "A Kurdish farmer said the harvest had been poor this year."):
        assert not _statements(code_full(text)), text


def test_an_armed_groups_speaker_told_by_its_own_phrase_makes_a_statement(code_full):
    # an armed group has no state: its commander speaks for a party though no country is found
    for text in ("\u201cThe harvest has been poor,\u201d said one rebel commander, whose unit holds the hills.",
                 "A rebel commander told reporters that the harvest had been poor."):
        [m] = _statements(code_full(text))
        assert (m.cameo, m.source.actor.country, m.source.actor.sector) == ("010", None, "REB"), text
    # a bare countryless official still makes none (the switch is off)
    assert not _statements(code_full("A spokesman said the harvest had been good this year."))


def test_issuing_a_statement_is_a_statement(code):
    # a verb of putting out with a statement as its object states as a verb of saying does
    for text in ("The Kazakh foreign ministry issued a statement saying the harvest had been good.",
                 "The Kazakh government released a short statement on the harvest on Monday."):
        [m] = _statements(code(text))
        assert (m.cameo, m.source.actor.country) == ("010", "KAZ"), text
    # issuing anything else states nothing
    assert not _statements(code("The Kazakh foreign ministry issued new passports on Monday."))


def test_a_speakers_kin_or_one_described_by_no_office_makes_no_statement(code_full):
    # a relative talking to the paper, or a person told only by a description of no office, speaks for no party
    for text in ("\u201cWe only want news of him,\u201d his mother, Nursultana Bekova, told reporters on Monday.",
                 "\u201cThe harvest has been poor,\u201d said Timur Bekov, a cheerful Kazakh with a bakery."):
        assert not _statements(code_full(text)), text
    # described by an office, still a statement
    text = "\u201cThe harvest has been poor,\u201d said Timur Bekov, a Kazakh minister, on Monday."
    assert [m.cameo for m in _statements(code_full(text))] == ["010"]


def test_with_the_policy_switch_any_countryless_official_makes_a_statement(code_full, monkeypatch):
    # statements.countryless_any (data/policy.yaml): off, as packaged, a countryless official is refused;
    # on, an office, a force or an armed group with no country found speaks for a party all the same
    from detente.events import statements
    officials = ("Officials said the harvest had been good this year.",
                 "A regional official told reporters that the harvest had been good.",
                 "The ministry said the harvest had been good this year.")
    private = ("A farmer said the harvest had been good this year.",
               "A local historian said the harvest had been good this year.",
               # a lawyer is told as of the courts (JUD), but speaks for a client, not a party
               "The family's lawyer said the harvest had been good this year.")
    assert statements.COUNTRYLESS_ANY is False
    for text in officials:
        assert not _statements(code_full(text)), text
    monkeypatch.setattr(statements, "COUNTRYLESS_ANY", True)
    for text in officials:
        [m] = _statements(code_full(text))
        assert (m.cameo, m.source.actor.country) == ("010", None), text
    for text in private:  # no office: still none
        assert not _statements(code_full(text)), text


def test_a_claim_heading_its_sentence_is_a_statement_only_where_it_accuses(code_default):
    # "claimed" is no verb of a plain statement, but a claim that another party did a hostile or
    # covert act is an accusation by its speaker (content.py, verdicts._alleged); ("claims" itself seldom
    # fires on the train split, so the sentence sieve leaves a sentence it alone heads unparsed)
    text = ("The Kazakh ambassador, Arman Seitov, spoke on Monday. He claimed the Kyrgyz government was "
            "deliberately hiding all evidence on the border incident.")
    [m] = [m for m in code_default(text) if m.trigger == "claimed"]
    assert (m.cameo, m.source.actor.country, m.target.actor.country) == ("112", "KAZ", "KGZ")
    text = ("The Kazakh ambassador, Arman Seitov, spoke on Monday. He claimed the Kyrgyz government "
            "had won the vote on the border.")
    assert not [m for m in code_default(text) if m.trigger == "claimed" and m.rule == "statement.v"]


def test_a_report_of_a_hazard_or_an_accident_is_no_statement(code):
    # what a storm, a landslide or a crash did is no party's statement (the writers code none)
    for text in ("A typhoon that struck the northern coast on Sunday sank forty fishing boats, the Kazakh interior minister said.",
                 "The Kazakh interior minister said a landslide had buried two villages near the border.",
                 "An avalanche swept away a border post in the mountains, the Kazakh interior minister said on Monday."):
        assert not _statements(code(text)), text
    # the party's own report of what it did, or of another party, is still a statement
    [m] = _statements(code("The Kazakh interior minister said the harvest had been good this year."))
    assert m.cameo == "010"


def test_a_speculation_on_terms_is_no_statement(code):
    # a condition, a modal consequent and a subject that is no pronoun: a speculation, never asserted
    for text in ("If the harvest fails, the Kazakh foreign minister says, the price of bread could double.",
                 "Were the harvest to fail, the Kazakh foreign minister says, the price of bread would double.",
                 "Had the harvest failed, the Kazakh foreign minister says, the price of bread would have doubled."):
        assert not _statements(code(text)), text
    # no condition, or the speaker's own terms ("it would"), or no modal: the statement stays
    for text in ("The Kazakh foreign minister says the price of bread could double this year.",
                 "If the harvest fails, the Kazakh foreign minister says, it would be a pity.",
                 "If the harvest fails, the Kazakh foreign minister says, the country has reserves of grain.",
                 # the terms told after the verb of saying, or after the clause, are the speaker's own
                 "The Kazakh foreign minister said the price of bread would double if the harvest failed.",
                 "The price of bread could double if the harvest fails, the Kazakh foreign minister said."):
        assert _statements(code(text)), text
