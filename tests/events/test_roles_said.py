"""An intention, refusal or threat coded on the verb that says it is aimed at the party the act said
is done to (``events/said.said_targets``, roots ``content`` in ``policy.yaml``; CAMEO's speech-act
convention: "X said it will support Y" is one event X -> Y)."""
from __future__ import annotations


def _said(mentions):
    return [m for m in mentions if m.trigger == "said" and m.cameo[:2] in ("03", "12", "13")]


def test_the_party_of_the_act_said_is_the_target(code_default):
    for text, country in (
            ("The EU has said it will not provide Belarus with reconstruction aid until elections are held.", "BLR"),
            ("Vietnam said it would never accept the Chinese claims in the sea.", "CHN")):
        said = _said(code_default(text))
        assert said and all(m.target is not None and m.target.actor.country == country for m in said), (text, said)


def test_the_speakers_own_side_is_no_target(code_default):
    said = _said(code_default("The EU has said it will not provide EU funds to the project until elections are held."))
    assert all(m.target is None or m.target.actor.country != "IGO" for m in said)


def test_a_pronoun_of_no_country_is_no_target(code_default):
    text = "The Kenyan president said Uganda should take back the captured rebels, and warned that Kenya would release them."
    said = [m for m in code_default(text) if m.trigger == "warned"]
    assert all(m.target is None or m.target.actor.country for m in said)


def test_the_town_the_act_said_is_done_toward_is_the_target(code_default):
    # no party named: the town the said act goes to or is done on (said_place_preps)
    said = _said(code_default("Kyrgyzstan said it will extend its incursion to the town of Andijan."))
    assert said and all(m.target is not None and m.target.actor.country == "UZB" for m in said)


def test_the_town_a_threatened_act_goes_toward_is_the_target(code_default):
    ms = [m for m in code_default("Kyrgyzstan has threatened to extend its operation east towards the town of Andijan.")
          if m.trigger == "threatened"]
    assert ms and all(m.target is not None and m.target.actor.country == "UZB" for m in ms)
