"""The nlp stage: gazetteer ahead of the NER, and repair of sentence starts lost in scraping."""
import pytest

from detente.nlp import _sentence_starters, load_nlp


@pytest.fixture(scope="module")
def bare_nlp(kb_resources):
    return load_nlp(kb_resources, with_ruler=False)


def test_lost_full_stop_before_a_discourse_word_starts_a_sentence(bare_nlp):
    doc = bare_nlp("Officials held many meetings this spring Although no deal was signed, talks went on.")
    sents = [s.text for s in doc.sents]
    assert sents[0] == "Officials held many meetings this spring"
    assert sents[1].startswith("Although no deal")


def test_names_and_titles_inside_a_sentence_are_not_split(bare_nlp):
    doc = bare_nlp("The minister told The Times that talks with Iran would go on.")
    assert len(list(doc.sents)) == 1


def test_the_repair_runs_before_the_parser(bare_nlp):
    names = bare_nlp.pipe_names
    assert names.index("detente_sentence_repair_v1") < names.index("parser")


def test_starters_are_capitalised_words():
    words = _sentence_starters()
    assert "Although" in words and all(w[0].isupper() for w in words)
    assert "The" not in words


# -- the sentence guard (issue 13) ---------------------------------------------------------
def test_the_guard_runs_before_the_parser_with_the_configured_limit(bare_nlp, kb_resources):
    names = bare_nlp.pipe_names
    assert names.index("detente_sentence_guard_v1") < names.index("parser")
    assert bare_nlp.get_pipe("detente_sentence_guard_v1").max_tokens == kb_resources.settings.max_sentence_tokens


def test_a_long_sentence_is_cut_at_its_commas_and_short_ones_are_left_alone(bare_nlp):
    from detente.nlp import SentenceGuard

    doc = bare_nlp.make_doc("Iran visited Tajikistan, " * 30)  # 120 tokens, no full stop
    SentenceGuard(25)(doc)
    starts = [t.i for t in doc if t.is_sent_start]
    assert starts[0] == 0 and all(doc[i - 1].text == "," for i in starts[1:])
    assert max(b - a for a, b in zip(starts, starts[1:] + [len(doc)])) <= 25
    prose = bare_nlp.make_doc("Iran visited Tajikistan. The talks went well. " * 10)
    SentenceGuard(25)(prose)
    assert all(prose[t.i - 1].text == "." for t in prose if t.is_sent_start and t.i)


@pytest.mark.slow
def test_a_sentence_of_100k_characters_is_coded_in_windows(resources, nlp):
    """Our stages cost more than linear time per sentence: a 100,000-character sentence (4,000
    clauses) took minutes before the guard. Speed is measured in benchmarks/hostile.py."""
    from detente.clean import clean_article
    from detente.ingest import make_article
    from detente.pipeline import Pipeline

    text = "Iran visited Tajikistan, " * 4000
    pipe = Pipeline(resources.settings)
    pipe._resources, pipe._nlp = resources, nlp
    article = clean_article(make_article("long", text, published="2023-06-05"))
    doc = nlp(article.text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= resources.settings.max_sentence_tokens and len(lengths) >= 16_000 // 200
    coded = pipe.code_doc(doc, article)
    assert coded.mentions and all(m.cameo.startswith("04") for m in coded.mentions)


# -- faster equivalents of spaCy components (speedups.py) ------------------------------------
def test_the_faster_attribute_ruler_and_lemmatizer_give_spacys_annotations(bare_nlp):
    import spacy
    from spacy.attrs import LEMMA, MORPH, POS, TAG

    text = ("The barracks' means were seized. She’s said it's over; Iran's envoys weren't there, "
            "and the ministers met the U.S. delegation on Monday as talks resumed.")
    plain = spacy.load(bare_nlp.meta["lang"] + "_" + bare_nlp.meta["name"])
    assert "detente_cached_lemmatizer_v1" in bare_nlp.pipe_names and "lemmatizer" not in bare_nlp.pipe_names
    ours, theirs = bare_nlp(text), plain(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    assert (ours.to_array([POS, TAG, MORPH, LEMMA]) == theirs.to_array([POS, TAG, MORPH, LEMMA])).all()


def test_the_lemmatizer_s_known_words_are_sets_and_give_spacys_lemmas(bare_nlp):
    """``index_sets``: the rule lemmatizer's word lists read as sets; forms its suffix rules make that
    are known words, unknown ones, exceptions and base forms are lemmatized as spaCy does."""
    import spacy
    from spacy.attrs import LEMMA

    from detente.speedups import index_sets

    table = bare_nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
    assert index_sets(bare_nlp.get_pipe("lemmatizer")) == 0  # done once, at load
    text = ("The ministers were running late; the envoys flew home and their talks went better than "
            "the happiest forecasts. Protesters gathered, shouting, and the police dispersed them, "
            "saying the marchers' banners glorified the strikes. Zorblings zibbered quickly.")
    plain = spacy.load(bare_nlp.meta["lang"] + "_" + bare_nlp.meta["name"])
    lists = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in lists.values())  # spaCy's own: lists
    ours, theirs = bare_nlp(text), plain(text)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert (ours.to_array([LEMMA]) == theirs.to_array([LEMMA])).all()
    assert {"minister", "run", "fly", "go", "well", "happy", "gather", "glorify"} <= {t.lemma_ for t in ours}


def test_the_indexed_attribute_ruler_finds_spacys_matches_for_every_kind_of_pattern(bare_nlp):
    """Lists of words (IN), exclusions (NOT_IN), dependency labels, white space, regular
    expressions and patterns of two tokens: the same (rule, start, end) matches as spaCy's Matcher."""
    import spacy
    from spacy.attrs import DEP, POS

    from detente.speedups import DirectSetter, IndexedMatch

    plain = spacy.load(bare_nlp.meta["lang"] + "_" + bare_nlp.meta["name"])
    ruler = plain.get_pipe("attribute_ruler")
    ours = IndexedMatch(ruler)
    assert ours.rest_size == 0 and ours.everywhere  # every pattern of the model indexed; the regexes checked per value
    text = ("Y'all ain't gonna believe it, but nothin' changed. Let's go, c'mon!\n\n  Gotta run: I told you "
            "that it isn't over, although they've said so. Which one? Do it; have it done. That is all.")
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = plain(text)
    theirs = set(ruler.match(doc))
    assert ours(doc) == sorted(theirs)
    kinds: set[str] = set()  # the attributes and operators of the rules that matched
    for attr_id in {a for a, *_ in theirs}:
        for token in (t for p in ruler.patterns[attr_id]["patterns"] for t in p):
            kinds.update(token)
            kinds.update(op for v in token.values() if isinstance(v, dict) for op in v)
    assert {"IN", "NOT_IN", "REGEX", "DEP", "IS_SPACE"} <= kinds
    assert any(e - s == 2 for _, _, s, e in theirs)  # a two-token pattern matched ("gonna", "let's")
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
        annotated = plain(text)
    DirectSetter(ruler)(doc, ours(doc))
    assert (doc.to_array([POS, DEP]) == annotated.to_array([POS, DEP])).all()


def test_the_array_attribute_ruler_sets_what_spacys_sets(bare_nlp):
    """``ArrayRuler`` (both steps of the model's attribute ruler over the Doc's arrays) leaves every
    token's part of speech, tag, features, lemma and label as spaCy's ruler does: two-token
    patterns ("gonna", "let's"), white space, regular expressions, rules that a later one overrides."""
    import spacy
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from detente.speedups import ArrayRuler, IndexedMatch

    plain = spacy.load(bare_nlp.meta["lang"] + "_" + bare_nlp.meta["name"])
    ruler = plain.get_pipe("attribute_ruler")
    array = ArrayRuler(ruler, IndexedMatch(ruler))
    assert array.usable
    texts = ["Y'all ain't gonna believe it, but nothin' changed. Let's go, c'mon!\n\n  Gotta run: I told you "
             "that it isn't over, although they've said so. Which one? Do it; have it done. That is all.",
             "The envoy's aides – who'd met them twice – said: “We're done.”  \t It's 5pm; won't they?", ""]
    for text in texts:
        with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
            doc = plain(text)
        with plain.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler"]):
            theirs = plain(text)
        array.set_annotations(doc, array.match(doc))
        columns = [POS, TAG, MORPH, LEMMA, DEP]
        assert (doc.to_array(columns) == theirs.to_array(columns)).all()
    assert "ArrayRuler" in type(getattr(bare_nlp.get_pipe("attribute_ruler").match, "__self__", None)).__name__


def test_the_gazetteer_s_names_leave_the_tokenizer_s_memory_to_the_texts():
    """spaCy's tokenizer remembers only its first ``max_cache_size`` chunks: the actor ruler splits
    its names with that memory closed (thousands of names would fill it and leave the articles'
    words unremembered), and leaves the limit as it was."""
    import spacy

    from detente.actors.ruler import ActorRuler

    nlp = spacy.blank("en")
    limits: list[int] = []
    make_doc = nlp.make_doc

    def recording(text):
        limits.append(nlp.tokenizer.max_cache_size)
        return make_doc(text)

    nlp.make_doc = recording
    ruler = ActorRuler(nlp)
    ruler.add_patterns([(f"Republic of Name{i}", "GPE", f"c{i}:country", False) for i in range(10)])
    assert ruler.size == 10 and limits == [0] * 10
    assert nlp.tokenizer.max_cache_size == 10_000
    doc = ruler(make_doc("Delegates of the Republic of Name3 met"))
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [("Republic of Name3", "GPE", "c3:country")]


def test_the_array_noun_chunks_are_spacys(bare_nlp):
    """``speedups.noun_chunks`` (installed on the vocab) yields what spaCy's English iterator does,
    over a Doc and over each sentence, coordinated and nested phrases included."""
    from spacy.lang.en.syntax_iterators import noun_chunks as spacys

    from detente.speedups import noun_chunks

    assert bare_nlp.vocab.get_noun_chunks is noun_chunks
    doc = bare_nlp("The foreign ministers of Iran and Turkey met their Russian counterpart, who said that "
                   "talks, sanctions and the ceasefire in Syria's north were discussed. He left. Troops "
                   "and police of the two countries, the army said, shelled villages and towns near it.")
    assert list(noun_chunks(doc)) == list(spacys(doc)) and len(list(doc.noun_chunks)) > 10
    for sent in [*doc.sents, doc[3:9]]:
        assert list(noun_chunks(sent)) == list(spacys(sent))
    empty = bare_nlp("")
    assert list(empty.noun_chunks) == []
    unparsed = bare_nlp.make_doc("No parse here.")
    with pytest.raises(ValueError):
        list(noun_chunks(unparsed))


def test_the_ner_is_a_setting_the_models_own_or_the_distilled_one_on_the_shared_vectors(kb_resources):
    from dataclasses import replace

    from detente.errors import SettingsError
    from detente.settings import Settings

    with pytest.raises(SettingsError):
        Settings(ner="large")
    own = load_nlp(replace(kb_resources, settings=Settings(ner="model")), with_ruler=False)
    shared = load_nlp(replace(kb_resources, settings=Settings(ner="shared")), with_ruler=False)
    assert shared.pipe_names == own.pipe_names  # in the same place, behind the selective NER (sieve.py)
    student, teacher = shared.get_pipe("ner").ner, own.get_pipe("ner").ner
    assert student.labels == teacher.labels
    # it reads the shared tok2vec's vectors; the model's NER computes its own
    assert any(node.name == "tok2vec-listener" for node in student.model.walk())
    assert not any(node.name == "tok2vec-listener" for node in teacher.model.walk())
    # a distilled model: it agrees with its teacher on most, not every, entity (docs/model.md: F 0.94 on
    # our held-out writers); a name it has not seen may get another label ("Farrukh Ismoilov" as ORG)
    texts = ["The minister, Farrukh Ismoilov, met the president of Kenya in Nairobi last Tuesday.",
             '"We will not back down," said Dilnoza Karimova, a spokeswoman for the ministry.',
             "Police arrested Tomasz Nowak in Warsaw on Monday.",
             "The United Nations sent two envoys to Yemen in March."]
    found = {(i, e.text, e.label_) for i, t in enumerate(texts) for e in shared(t).ents}
    wanted = {(i, e.text, e.label_) for i, t in enumerate(texts) for e in own(t).ents}
    assert {(0, "Kenya", "GPE"), (0, "last Tuesday", "DATE"), (3, "Yemen", "GPE")} <= wanted & found
    assert len(found & wanted) >= 0.8 * len(wanted) and len(found & wanted) >= 0.8 * len(found)
    assert any(text == "Farrukh Ismoilov" for _, text, _ in found)  # the name is found, whatever its label
