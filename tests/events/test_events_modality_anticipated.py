"""Modality of acts only anticipated, asked about or asked for (issue 10): what a party risks, braces for
or is poised to do, an awaited attack, the main clause of a question, what another party is called on to
do, and a modal the parser hung on an auxiliary. The speaker's own appeal stays an asserted event."""
from __future__ import annotations

import pytest
from detente.events.lexicon import load_lexicon
from detente.events.modality import find_modality


@pytest.fixture(scope="module")
def modality_of(nlp):
    lexicon = load_lexicon()

    def _modality(text: str, word: str) -> str:
        doc = nlp(text)
        [token] = [t for t in doc if t.text == word]
        return find_modality(token, lexicon).modality

    return _modality


def test_what_a_party_risks_is_hypothetical(modality_of):
    assert modality_of("A border clash between the two armies risks a wider war between Kazakhstan and "
                       "Kyrgyzstan.", "war") == "hypothetical"
    assert modality_of("The Kyrgyz envoy risks being arrested on his return to Bishkek.", "arrested") == "hypothetical"
    assert modality_of("Kazakh troops clashed with Kyrgyz guards on the border.", "clashed") == "asserted"


def test_what_a_party_braces_for_or_is_poised_to_do_is_hypothetical(modality_of):
    assert modality_of("Farmers in the valley are bracing for a Kazakh offensive.", "offensive") == "hypothetical"
    assert modality_of("Kazakh forces are poised to storm the Kyrgyz border town.", "storm") == "hypothetical"


def test_an_awaited_attack_is_hypothetical(modality_of):
    assert modality_of("Villagers fled ahead of an imminent assault by Kazakh troops.", "assault") == "hypothetical"
    assert modality_of("Villagers fled after a sudden assault by Kazakh troops.", "assault") == "asserted"


def test_the_main_clause_of_a_question_asks(modality_of):
    assert modality_of("Would Kazakhstan really invade Kyrgyzstan?", "invade") == "hypothetical"
    assert modality_of("Why did Kazakhstan close its border with Kyrgyzstan?", "close") == "hypothetical"
    # a clause that only describes a party, and an event noun, are not what is asked
    assert modality_of("Did the envoy meet the men who were later arrested by the Kyrgyz police?",
                       "arrested") == "asserted"
    # a quotation's question mark closes what a speaker asked, not the sentence's own question
    assert modality_of("The minister said: \u201cKazakhstan attacked us. Who will help?\u201d", "said") == "asserted"
    # a statement that ends on a question of its own tells its main clause
    assert modality_of("The Kyrgyz envoy refused to sign, for how could he sign it?", "refused") == "asserted"


def test_what_another_is_called_on_to_do_is_not_asserted(modality_of):
    text = "The Mongolian minister called for Kazakhstan to withdraw its troops and to hand the town back."
    assert modality_of(text, "withdraw") == "hypothetical"
    assert modality_of(text, "hand") == "hypothetical"


def test_the_appeal_itself_stays_asserted(modality_of):
    text = "Mongolia called for Kazakhstan to withdraw its troops from Kyrgyzstan."
    assert modality_of(text, "called") == "asserted"
    assert modality_of(text, "withdraw") == "hypothetical"


def test_a_modal_on_an_auxiliary_is_the_verb_s_own(modality_of):
    # parsed with "should" under "be", not under "leading"
    assert modality_of("Kazakhstan should be leading the condemnation of these killings.",
                       "condemnation") == "hypothetical"
