"""The doers of passive verbs, of what they are done with and of verbs coordinated with them
(``events/syntax.py`` ``subject``, ``events/roles.py`` ``_fill``; words ``patient_control_words`` and ``author_participles`` of
``words/events.yaml``)."""
from __future__ import annotations


def _at(mentions, trigger):
    found = [m for m in mentions if m.trigger == trigger]
    assert found, [m.trigger for m in mentions]
    return found[0]


def _country(side):
    return side.actor.country if side is not None else None


def test_an_after_or_while_phrase_of_a_passive_is_done_by_its_patient(code_default):
    # "was detained by police after criticising X": the one detained criticised, not the police
    for text, trigger, doer in (
            ("A Kenyan journalist was detained by Ugandan police after criticising the president.", "criticising",
             "KEN"),
            ("Two Kenyan activists were arrested by Ugandan police while protesting against the president in "
             "Kampala.", "protesting", "KEN"),
            ("Relatives of a Kenyan volunteer detained in Uganda after fighting against the rebels wrote to "
             "the president.", "fighting", "KEN")):
        m = _at(code_default(text), trigger)
        assert _country(m.source) == doer, (text, m.source)


def test_a_result_clause_of_a_passive_keeps_its_agent(code_default):
    # no subordinator: "..., prompting condemnation" is said of the act, whose doer is the agent
    ms = code_default("Two Kenyan soldiers were killed by Somali militants on Monday, prompting Nairobi to "
                      "condemn the attack.")
    assert all(_country(m.source) != "KEN" or m.trigger != "killed" for m in ms)


def test_conjoined_passive_participles_share_the_agent_after_the_last(code_default):
    m = _at(code_default("Hundreds of people have been detained and tortured by Ugandan soldiers since May."),
            "detained")
    assert _country(m.source) == "UGA" and "soldiers" in m.source.text


def test_an_active_verb_coordinated_with_a_passive_is_done_by_its_patient(code_default):
    # "were armed by X and attacked Y": the ones armed attacked, not who armed them
    m = _at(code_default("Two Somali clan militias were armed and paid by Eritrean officers, and later attacked "
                         "Ethiopian troops near the border."), "attacked")
    assert m.source is not None and "militias" in m.source.text and _country(m.target) == "ETH"


def test_a_verb_coordinated_with_a_reported_passive_or_copula_is_the_speakers(code_default):
    # the parser hangs the speaker's second verb on the clause reported: "said X had been Y and demanded"
    for text, trigger in (
            ("Kenya said the Ugandan opposition leader had been poisoned and demanded that Kampala explain.",
             "demanded"),
            ("The Kenyan foreign minister said the accusations were groundless and urged Ugandan officials to stop.",
             "urged")):
        m = _at(code_default(text), trigger)
        assert _country(m.source) == "KEN", (text, m.source)


def test_a_gerund_coordinated_with_a_reported_passive_is_no_ones(code_default):
    # "says civilians have been killed in airstrikes and shelling": the monitor shelled no one
    ms = code_default("A Kenyan monitor says 40 civilians have been killed in airstrikes and shelling since Sunday.")
    assert all(m.source is None or "monitor" not in m.source.text for m in ms if m.trigger == "shelling")


def test_a_verb_coordinated_with_a_copula_shares_its_subject(code_default):
    m = _at(code_default("Kenya's soldiers are still in Somalia and have fought al-Shabaab for a decade."), "fought")
    assert _country(m.source) == "KEN"


def test_the_author_of_the_means_is_the_doer(code_default):
    # the agent is a weapon or strike; the one who planted, fired or launched it did the act
    for text, doer in (
            ("Three Kenyan soldiers were killed by a roadside bomb planted by al-Shabaab militants.", "al-Shabaab"),
            ("The clinic was destroyed by airstrikes launched by the Saudi-led coalition.", "coalition"),
            ("The hospital was hit by a missile fired by a Russian warplane.", "Russian")):
        ms = code_default(text)
        m = _at(ms, next(w for w in ("killed", "destroyed", "hit") if w in text))
        assert m.source is not None and doer in m.source.text, (text, m.source)


def test_a_means_with_no_author_named_is_left_as_it_was(code_default):
    m = _at(code_default("Three Kenyan soldiers were killed by a roadside bomb near the border."), "killed")
    assert m.source is None or "bomb" in m.source.text
