from detente.actors.names import acronym_key, fold, is_acronym, skeleton, tokenize


def test_fold_removes_diacritics_case_and_punctuation():
    assert fold("Erdoğan") == fold("Erdogan") == "erdogan"
    assert fold("Łukaszenka") == "lukaszenka"
    assert fold("Al-Assad") == "al assad"
    assert fold("Côte d’Ivoire") == "cote divoire"


def test_skeleton_joins_transliterations():
    assert skeleton("Sherali Mirzo") == skeleton("Shir Ali Mirza")
    assert skeleton("Emomali Rakhmon") == skeleton("Emomali Rahmon")
    assert skeleton("Emomali Rahmon") != skeleton("Ebrahim Raisi")


def test_tokenize_splits_possessive_and_keeps_dotted_acronyms():
    assert [t.text for t in tokenize("Iran's U.S. envoy")] == ["Iran", "'s", "U.S.", "envoy"]
    assert [t.text for t in tokenize("Major-General X")] == ["Major", "-", "General", "X"]


def test_acronyms_are_all_capitals():
    assert is_acronym("US") and is_acronym("U.S.") and is_acronym("NATO")
    assert not is_acronym("us") and not is_acronym("Iran")
    assert acronym_key("U.S.") == "US"


def test_strip_accents_of_ascii_text_only_applies_the_special_letters():
    import unicodedata

    from detente.actors.names import _SPECIAL, strip_accents

    for text in ["Al-Assad's", "U.S. + UK", "plain words", "O'Neill `x´", "", "1,000.5"]:
        slow = "".join(ch for ch in unicodedata.normalize("NFKD", text.translate(_SPECIAL))
                       if not unicodedata.combining(ch))
        assert strip_accents(text) == slow
    assert strip_accents("Erdoğan Łukaszenka Søren") == "Erdogan Lukaszenka Soren"
