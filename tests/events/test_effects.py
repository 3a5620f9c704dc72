"""A fight told by its effects (``events/effects.py``): a specific fight noun that is the subject of a
verb of what it did to people or places is asserted by them, and the coder keeps its event against
the learned model; generic war talk, metaphors, kinds and supposed effects are not such a fight."""
from __future__ import annotations

import pytest
from events_helpers import token

from detente.events.effects import told_by_effects


def _rule(resources, rule_id: str):
    return next(r for r in resources.lexicon.rules if r.id == rule_id)


@pytest.mark.parametrize("text, word", [
    ("The battle for Homs displaced thousands of families and killed some 200 civilians.", "battle"),
    ("Clashes between rival militias left nine people dead in the port on Tuesday.", "Clashes"),
    ("A night raid on the camp has killed four fighters, the army said.", "raid"),
    ("Residents counted the airstrikes that killed dozens of villagers near the dam.", "airstrikes"),
    ("The shelling of the old town destroyed two hospitals and a school.", "shelling"),
    ("The siege of the city has claimed more than 3,000 lives since March.", "siege"),
])
def test_a_fight_noun_told_by_its_effects(nlp, resources, text, word):
    assert told_by_effects(token(nlp, text, word), resources.lexicon), text


@pytest.mark.parametrize("text, word", [
    # generic war talk: no fight noun of the class
    ("The war has killed hundreds of thousands of people.", "war"),
    # an effect only supposed, or denied
    ("A ground assault could kill thousands of civilians, aid groups warned.", "assault"),
    ("The raid did not kill anyone, the police said.", "raid"),
    # a kind, not a fight
    ("A strike of lightning killed two herders near the river.", "strike"),
    # an effect on no people or place: a metaphor
    ("The attack on his record destroyed his campaign.", "attack"),
    ("The offensive cost the general his job.", "offensive"),
    # the noun suffered, it did nothing
    ("The raid was damaged by the storm.", "raid"),
])
def test_not_a_fight_told_by_its_effects(nlp, resources, text, word):
    assert not told_by_effects(token(nlp, text, word), resources.lexicon), text


def test_the_coder_keeps_a_fight_told_by_its_effects(code_default):
    # kept against the learned model, and not dropped as actorless background beside the displacement
    text = "The battle for Homs displaced some 40,000 residents, monitors said."
    codes = [m.cameo for m in code_default(text) if m.trigger == "battle" and m.modality == "asserted"]
    assert codes and all(c.startswith("19") for c in codes), codes


def test_generic_war_told_by_its_effects_stays_uncoded(code_default):
    text = "The war has killed hundreds of thousands of people and displaced millions."
    assert not [m for m in code_default(text) if m.trigger == "war" and m.modality == "asserted"]


@pytest.mark.parametrize("text, word, named", [
    # the verb of effect of a rule that names its doer by kind, with a fight noun as that doer
    ("Witnesses spoke of airstrikes that killed 30 villagers in the valley.", "killed", True),
    ("The shelling of the market wounded 40 people on Sunday.", "wounded", True),
    # not without such a rule: "killed" of the plain killing rule stays the learned model's to judge
    ("Witnesses spoke of airstrikes that killed 30 villagers in the valley.", "killed", False),
])
def test_a_verb_of_effect_whose_doer_is_a_fight(nlp, resources, text, word, named):
    verb = token(nlp, text, word)
    rule = _rule(resources, "kill.aerial" if named else "kill.v")
    assert told_by_effects(verb, resources.lexicon, rule) is named, text


def test_a_verb_of_effect_whose_doer_is_no_fight(nlp, resources):
    verb = token(nlp, "The storm that killed dozens of villagers flattened the town.", "killed")
    assert not told_by_effects(verb, resources.lexicon, _rule(resources, "kill.military"))


def test_a_verb_of_effect_whose_doer_names_its_kind(nlp, resources):
    # the noun's own rule reads "sarin" (a chemical attack, 2041): the verb's rule would code it 190
    verb = token(nlp, "Inspectors visited the town where a sarin attack killed 60 people last spring.", "killed")
    assert not told_by_effects(verb, resources.lexicon, _rule(resources, "kill.military"))


def test_a_fight_noun_read_as_a_labour_strike_is_not_trusted(nlp, resources):
    noun = token(nlp, "The strike at the depot left 40 buses idle for a week.", "strike")
    assert not told_by_effects(noun, resources.lexicon, _rule(resources, "strike.labor.n"))


def test_a_bombing_that_kills_is_no_military_killing(code_default):
    # kill.military leaves a bombing, a blast or an explosion to kill.explosive (183)
    mentions = code_default("A bombing at the bus depot killed 14 passengers on Monday.")
    codes = [m.cameo for m in mentions if m.trigger == "killed"]
    assert codes and all(c.startswith("18") for c in codes), codes
