"""The learned coder: its model file, the features, and how it combines with the rules."""
from __future__ import annotations

import numpy as np
import pytest

from detente.errors import DataFileError, SettingsError
from detente.events import combine as cb
from detente.events.features import is_candidate, token_features
from detente.events.learned import NONE, Prediction, export_model, read_model
from detente.settings import Settings


class _Fake:
    """A trained linear classifier as scikit-learn exposes it."""

    def __init__(self, classes, coef, intercept):
        self.classes_ = np.asarray(classes)
        self.coef_ = np.asarray(coef, dtype=np.float32)
        self.intercept_ = np.asarray(intercept, dtype=np.float32)


def _model(tmp_path):
    vocab = {"l=attack": 0, "l=meet": 1, "unused": 2}
    type_clf = _Fake([NONE, "040", "190"], [[-2, 0, 0], [0, 3, 0], [3, 0, 0]], [1.0, -1.0, -1.0])
    mod_clf = _Fake(["asserted", "hypothetical", "negated"], [[1, 1, 0], [0, 0, 0], [0, 0, 0]], [0, 0, 0])
    time_clf = _Fake(["background", "current"], [[0.5, 0.5, 0]], [0.0])
    event_clf = _Fake(["event", "none"], [[-1, -1, 0]], [0.0])
    path = tmp_path / "m.npz"
    export_model(path, vocab, {"type": type_clf, "event": event_clf, "modality": mod_clf, "time": time_clf},
                 {"0421": "042"}, {"seed": 0})
    return read_model(path)


def test_model_file_round_trip_drops_unused_features(tmp_path):
    model = _model(tmp_path)
    assert set(model.vocab) == {"l=attack", "l=meet"}
    assert model.folding == {"0421": "042"} and model.meta["seed"] == 0


def test_predictions_follow_the_weights(tmp_path, nlp):
    model = _model(tmp_path)
    doc = nlp("Kazakhstan attacked Kyrgyzstan.")
    sent = doc[:]
    pred = model.predict(doc[1], sent)
    assert pred["type"].label == "190"
    assert sum(pred["type"].probs.values()) == pytest.approx(1.0)
    assert set(pred["time"].probs) == {"background", "current"}
    assert pred["type"].best_other(NONE)[0] == "190" and pred["type"].prob_of("nothing") == 0.0
    assert model.predict(doc[0], sent)["type"].label == NONE


def test_a_broken_model_file_is_a_data_error(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(DataFileError):
        read_model(bad)


def test_features_describe_the_parse(nlp):
    doc = nlp("Kazakhstan said it would not attack Kyrgyzstan if talks fail?")
    attack = next(t for t in doc if t.text == "attack")
    feats = token_features(attack, doc[:])
    assert "l=attack" in feats and "question" in feats
    assert any(f.startswith("c=neg") for f in feats) and any(f.startswith("a=say") for f in feats)
    assert is_candidate(attack) and not is_candidate(doc[-1])


def test_features_carry_the_sentence_s_topic_words(nlp):
    """Every candidate of a sentence shares its content words ("sl=..."): a strike in a sentence
    about a match or a factory is told apart from one in a sentence about an air force."""
    doc = nlp("The striker scored twice as United attacked down the left in the second half.")
    attacked = next(t for t in doc if t.text == "attacked")
    topic = {f for f in token_features(attacked, doc[:]) if f.startswith("sl=")}
    assert {"sl=striker", "sl=score", "sl=half"} <= topic
    assert "sl=the" not in topic and "sl=as" not in topic  # function words carry no topic
    scored = next(t for t in doc if t.text == "scored")
    assert topic == {f for f in token_features(scored, doc[:]) if f.startswith("sl=")}


def _pred(probs):
    classes = tuple(probs)
    p = np.array([probs[c] for c in classes])
    return {"type": Prediction(classes, p, p)}


def test_the_model_vetoes_retypes_or_keeps_a_rule_event():
    policy = cb.CoderPolicy(veto=0.9, retype=0.8, add=0.7, learned_only=0.5, confidence_scale=0.8, unasserted=0.8,
                            background=0.8)
    assert cb.judge_rule("190", _pred({NONE: 0.95, "190": 0.05}), policy)[2]
    code, note, drop = cb.judge_rule("190", _pred({NONE: 0.05, "040": 0.9, "190": 0.05}), policy)
    assert (code, drop) == ("040", None) and "190 -> 040" in note
    code, note, drop = cb.judge_rule("190", _pred({NONE: 0.3, "040": 0.6, "190": 0.1}), policy)
    assert (code, drop) == (None, None) and "below" in note


def test_packaged_policy_is_valid():
    policy = cb.load_policy()
    assert 0 < policy.add <= 1 and 0 < policy.veto <= 1


def test_coder_setting_is_validated():
    assert Settings(coder="ensemble").coder == "ensemble"
    with pytest.raises(SettingsError):
        Settings(coder="neural")


@pytest.mark.parametrize("coder", ["learned", "ensemble"])
def test_each_coder_runs_behind_one_interface(coder, nlp):
    from detente.events import code_events
    from detente.ingest import make_article
    from detente.resources import load_resources

    resources = load_resources(Settings(coder=coder))
    text = "Kazakhstan's army shelled Kyrgyz border posts on Tuesday, killing three soldiers."
    article = make_article("t", text, published="2020-05-05")
    mentions = code_events(nlp(text), (), article, resources)
    if coder == "learned":
        assert all(m.rule.startswith("learned.") for m in mentions)
    assert all(0.0 <= m.confidence <= 1.0 for m in mentions)


def test_the_default_ensemble_drops_metaphors_and_keeps_plain_events():
    from detente.pipeline import Pipeline

    pipe = Pipeline(Settings())
    assert pipe.settings.coder == "ensemble"

    def asserted(text):
        return [e.cameo for e in pipe.code_text(text, published="2021-03-03") if e.modality == "asserted"]

    assert asserted("The war on inflation entered a bloody new phase as the central bank raised rates again.") == []
    assert asserted("The president lured voters with promises of cheaper bread.") == []
    assert [c[:2] for c in asserted("Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday.")] == ["04"]
    assert [c[:2] for c in asserted("Colombian troops killed six rebels in a raid on a jungle camp, the army said.")] == ["19"]


def test_events_below_the_confidence_floor_are_dropped_unless_two_countries_face_each_other(monkeypatch):
    """``min_confidence``: an event whose final confidence is below the floor is dropped (real news'
    low-confidence events are mostly wrong), except, with ``trust_dyads``, one whose two parties each
    have a country, or an armed party's act of force (``trust._armed_force``)."""
    import dataclasses

    from detente.pipeline import Pipeline

    pipe = Pipeline(Settings())
    # no attribution: a sentence whose events are all dropped gets its speaker's plain statement
    # (statements.py), which the floor does not apply to
    one_side = "Colombian officials visited a jungle camp on Monday."
    armed = "Colombian troops killed six rebels in a raid on a jungle camp on Monday."
    two_sides = "Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday."
    assert pipe.code_text(one_side, published="2021-03-03")
    policy = dataclasses.replace(cb.load_policy(), min_confidence=1.0, trust_dyads=True)
    monkeypatch.setattr(cb, "load_policy", lambda: policy)
    assert pipe.code_text(one_side, published="2021-03-03") == []
    assert [m.cameo[:2] for m in pipe.code_text(armed, published="2021-03-03")] == ["19"]
    kept = pipe.code_text(two_sides, published="2021-03-03")
    assert kept and all(m.source and m.target and m.source.country and m.target.country for m in kept)
    monkeypatch.setattr(cb, "load_policy", lambda: dataclasses.replace(policy, trust_dyads=False))
    assert pipe.code_text(two_sides, published="2021-03-03") == []


def test_a_standing_relation_in_a_noun_modifier_is_not_kept_by_its_two_countries(monkeypatch):
    """``relation_verb``: "backed by Y" / "which has backed Y" in a clause that modifies a noun tells who
    stands with whom, not a new act; ``trust_dyads`` does not keep it below the floor, while the same
    verb as the clause's own act still is."""
    import dataclasses

    from detente.pipeline import Pipeline

    pipe = Pipeline(Settings())
    policy = dataclasses.replace(cb.load_policy(), min_confidence=1.0, trust_dyads=True)
    monkeypatch.setattr(cb, "load_policy", lambda: policy)

    def triggers(text):
        return [e.mentions[0].trigger for e in pipe.code_text(text, published="2021-03-03") if e.modality == "asserted"]

    assert "backed" not in triggers("The Libyan general, backed by Cairo, has shelled the capital for months.")
    assert "backed" not in triggers("Russia, which has backed the Syrian government throughout the war, sent more jets.")
    assert "backed" in triggers("Egypt publicly backed the Libyan government on Tuesday.")


def test_a_clause_describing_a_noun_is_kept_by_two_countries_only_with_its_own_time_or_an_ordinal(monkeypatch):
    """An act told in a clause that modifies a noun, with no time of its own, describes the noun; with
    a time, or on a noun picked out by an ordinal ("the first country visited by"), it reports the act."""
    import dataclasses

    from detente.pipeline import Pipeline

    pipe = Pipeline(Settings())
    policy = dataclasses.replace(cb.load_policy(), min_confidence=1.0, trust_dyads=True)
    monkeypatch.setattr(cb, "load_policy", lambda: policy)

    def roots(text):
        return [e.cameo[:2] for e in pipe.code_text(text, published="2021-03-03") if e.modality == "asserted"]

    assert "04" in roots("The Kenyan foreign minister, who met his Ugandan counterpart on Thursday, flew home.")
    assert "04" in roots("Kenya was the first country visited by the Ugandan president.")
    assert "04" not in roots("The Kenyan foreign minister, who has often met his Ugandan counterpart, flew home.")


def test_dense_features_are_standardised_into_the_stored_weights(tmp_path, nlp):
    """A model trained on standardised contextual vectors gives, from the raw vectors, the scores
    the trainer computed: the standardisation is folded into the stored weights and bias."""
    from detente.events.features import dense_features, sentence_vector

    doc = nlp("Kazakhstan attacked Kyrgyzstan.")
    raw = dense_features(doc[1], sentence_vector(doc[:]))
    assert raw is not None and raw.shape == (3 * doc.tensor.shape[1],)
    n = raw.shape[0]
    rng = np.random.default_rng(0)
    mean, scale = rng.normal(size=n).astype(np.float32), rng.uniform(0.5, 2.0, size=n).astype(np.float32)
    w_dense = rng.normal(size=(3, n)).astype(np.float32)
    vocab = {"l=attack": 0}
    type_clf = _Fake([NONE, "040", "190"], np.hstack([[[0.0], [0.0], [1.0]], w_dense]), [0.1, -0.2, 0.3])
    path = tmp_path / "dense.npz"
    export_model(path, vocab, {"type": type_clf}, {}, {"seed": 0}, dense_mean=mean, dense_scale=scale)
    model = read_model(path)
    assert model.dense_dim == n
    got = model.predict(doc[1], doc[:])["type"].raw
    expected = 1 / (1 + np.exp(-(w_dense @ ((raw - mean) * scale) + np.array([0.1, -0.2, 1.3]))))
    assert [got[c] for c in (NONE, "040", "190")] == pytest.approx(expected.tolist(), rel=1e-3)


def test_by_root_sums_the_codes_of_a_root():
    pred = _pred({NONE: 0.3, "0311": 0.2, "036": 0.2, "010": 0.3})["type"]
    assert cb.event_code(pred)[1] == pytest.approx(0.3)  # the single best code
    code, p = cb.event_code(pred, by_root=True)
    assert code in ("0311", "036") and p == pytest.approx(0.4)
    policy = cb.CoderPolicy(veto=0.9, retype=0.35, add=0.7, learned_only=0.5, confidence_scale=0.8, unasserted=0.8,
                            background=0.8, by_root=True)
    new, note, drop = cb.judge_rule("010", {"type": pred}, policy)
    assert new in ("0311", "036") and drop is None


def test_blend_moves_a_rule_event_confidence_towards_the_model():
    pred = _pred({NONE: 0.1, "190": 0.8, "040": 0.1})
    policy = cb.CoderPolicy(veto=0.9, retype=0.8, add=0.7, learned_only=0.5, confidence_scale=0.8, unasserted=0.8,
                            background=0.8, blend=0.5)
    assert cb.rule_confidence(0.6, "190", pred, policy) == pytest.approx(0.7)
    assert cb.rule_confidence(0.6, "040", pred, policy) == pytest.approx(0.35)
    assert cb.rule_confidence(0.6, "040", None, policy) == 0.6


def test_the_models_run_together_give_each_model_s_own_answer():
    """``sigmoids`` (one gather and sum over the models' weights side by side) gives, bit for bit,
    the probabilities each model computes alone, on the shipped model and many feature sets."""
    from detente.events.learned import load_model

    model = load_model()
    assert model._fused is not None
    base = model._fused.weights
    assert all(m.weights.base is base for m in model.models.values())  # views: no second copy
    rng = np.random.default_rng(7)
    for size in (1, 3, 9, 40, 130):
        for _ in range(20):
            idx = list({int(i) for i in rng.integers(0, len(model.vocab), size)})
            together = model.sigmoids(idx)
            for name in model.models:
                alone, fused = model.run(name, idx), model.run(name, idx, None, together)
                assert alone.classes == fused.classes
                assert np.array_equal(alone.p, fused.p) and np.array_equal(alone.raw_p, fused.raw_p)
                assert alone.p.dtype == fused.p.dtype


def test_a_sentence_s_tokens_run_together_give_each_token_s_own_answer():
    """``many_sigmoids`` and ``run_rows`` (a sentence's tokens at once: each token's rows summed
    alone, the sigmoid and each model's normalisation applied to all rows together) give, bit for
    bit, what ``sigmoids`` and ``run`` give token by token, on the shipped model."""
    from detente.events.learned import load_model

    model = load_model()
    rng = np.random.default_rng(11)
    for tokens in (1, 2, 5, 13):
        for _ in range(15):
            idx_lists = [list({int(i) for i in rng.integers(0, len(model.vocab), int(rng.integers(0, 90)))})
                         for _ in range(tokens)]
            together = model.many_sigmoids(idx_lists)
            assert together is not None and together.shape[0] == tokens
            for name in model.models:
                rows = model.run_rows(name, together)
                for idx, row, pred in zip(idx_lists, together, rows):
                    alone = model.sigmoids(idx)
                    assert np.array_equal(alone.view(np.uint32), row.view(np.uint32))
                    single = model.run(name, idx, None, alone)
                    assert single.classes == pred.classes and single.p.dtype == pred.p.dtype
                    assert np.array_equal(single.p, pred.p) and np.array_equal(single.raw_p, pred.raw_p)
    assert model.run_rows("no such model", together) is None


def test_models_with_dense_weights_are_run_one_by_one(tmp_path):
    from detente.events.learned import _Linear, LearnedModel

    w = np.arange(6, dtype=np.float32).reshape(3, 2)
    models = {"type": _Linear(("a", "b"), w, np.zeros(2, dtype=np.float32), np.ones((2, 2), dtype=np.float32))}
    model = LearnedModel({"x": 0, "y": 1, "z": 2}, models, {}, {"dense_dim": 2})
    assert model.sigmoids([0, 2]) is None and model.models["type"].weights is w
    separate = _model(tmp_path)  # read from a file: one matrix, and the same answers as concatenated
    rebuilt = LearnedModel(separate.vocab, {n: m.__class__(m.classes, m.weights.copy(), m.bias)
                                            for n, m in separate.models.items()}, {}, {})
    for idx in ([0], [1], [0, 1]):
        a, b = separate.sigmoids(idx), rebuilt.sigmoids(idx)
        assert a is not None and b is not None and np.array_equal(a, b)


def _event_code_by_root_loop(pred):
    """The by-root choice written as a plain loop (how ``event_code`` read before it was vectorised)."""
    mass, best = {}, {}
    for code, p in zip(pred.classes, pred.p):
        if code == NONE:
            continue
        root = code[:2]
        mass[root] = mass.get(root, 0.0) + float(p)
        if p > best.get(root, (-1.0, ""))[0]:
            best[root] = (float(p), code)
    if not mass:
        return None
    root = max(mass, key=mass.__getitem__)
    return best[root][1], mass[root]


def test_event_code_by_root_is_the_loop_s_answer_exactly():
    rng = np.random.default_rng(3)
    classes = (NONE, "010", "0311", "036", "190", "193", "042", "043", "0312")
    for trial in range(300):
        raw = rng.random(len(classes)).astype(np.float32)
        if trial % 3 == 0:  # ties: the first root and the first code win, as in the loop
            raw[1:] = np.float32(0.25)
        p = raw / raw.sum()
        pred = Prediction(classes, p, raw)
        assert cb.event_code(pred, by_root=True) == _event_code_by_root_loop(pred)
    assert cb.event_code(Prediction((NONE,), np.ones(1, dtype=np.float32), np.ones(1)), by_root=True) is None


def test_the_doc_table_reads_what_the_tokens_say(nlp):
    """``token_features`` reads a ``DocTable`` made from the Doc's arrays; it holds each token's
    lemma, form, part of speech, tag, label, entity type, head, children and subtree as the Token
    objects give them, and a new Doc gets its own table."""
    from detente.events.features import doc_table

    doc = nlp("Iran's defence minister, who arrived on Monday, met Tajik officials and signed a deal. "
              "The talks in Dushanbe, the ministry said, will resume.")
    table = doc_table(doc)
    assert doc_table(doc) is table
    for tok in doc:
        i = tok.i
        assert (table.lemma[i], table.lower[i], table.pos[i], table.tag[i], table.dep[i], table.ent[i]) == \
            (tok.lemma_.lower(), tok.lower_, tok.pos_, tok.tag_, tok.dep_, tok.ent_type_)
        assert table.head[i] == tok.head.i
        assert table.children[i] == [c.i for c in tok.children]
        assert sorted(table.subtree(i)) == sorted(t.i for t in tok.subtree)
    other = nlp("Troops withdrew.")
    assert doc_table(other) is not table and doc_table(other).lower == ["troops", "withdrew", "."]


def test_a_root_s_features_name_it_as_its_own_governor(nlp):
    """As the shipped model was trained: the root's head features and its chain of governors
    (always four long) name the root itself."""
    doc = nlp("Troops withdrew.")
    feats = token_features(doc[1], doc[:])
    assert {"hl=withdraw", "hd=ROOT>withdraw", "a=withdraw", "a0=ROOT>withdraw"} <= set(feats)


def test_rule_confidence_sums_the_root_as_the_loop_did():
    rng = np.random.default_rng(11)
    classes = (NONE, "010", "0311", "036", "190", "193", "042", "0312")
    policy = cb.CoderPolicy(veto=0.9, retype=0.8, add=0.7, learned_only=0.5, confidence_scale=0.8, unasserted=0.8,
                            background=0.8, blend=0.3)
    for _ in range(200):
        raw = rng.random(len(classes)).astype(np.float32)
        pred = {"type": Prediction(classes, raw / raw.sum(), raw)}
        for cameo in ("0311", "190", "042", "150"):  # 15: a root the model does not know
            loop = sum(float(p) for c, p in zip(classes, pred["type"].p) if c != NONE and c[:2] == cameo[:2])
            assert cb.rule_confidence(0.6, cameo, pred, policy) == 0.7 * 0.6 + 0.3 * loop


def test_indices_from_the_sentence_s_indices_are_the_token_s_indices(nlp):
    """``indices_of`` (the token's own features looked up, then its sentence's indices looked up
    once for the sentence, then its rule features) gives ``indices``'s list, in the same order."""
    from detente.events.features import own_features, sentence_features
    from detente.events.learned import load_model

    model = load_model()
    doc = nlp("Iran's defence minister, who arrived on Monday, met Tajik officials and signed a deal. "
              "\"The talks in Dushanbe will resume,\" the ministry said, after troops attacked a convoy.")
    rules = ["rule=meet.1", "rcode=040", "rroot=04", "rule_fired", "rule=no-such-rule"]
    for sent in doc.sents:
        shared = sentence_features(sent)
        known = model.known(shared)
        assert known and len(known) <= len(shared)
        for tok in sent:
            for extra in ((), rules):
                assert model.indices_of(own_features(tok, sent), known, extra) == \
                    model.indices(tok, sent, extra, shared)


def test_the_root_model_is_mixed_into_each_root_s_probability():
    pred = _pred({NONE: 0.3, "0311": 0.2, "036": 0.2, "010": 0.3})["type"]
    rooted = Prediction((NONE, "01", "03"), np.array([0.2, 0.7, 0.1]), np.array([0.2, 0.7, 0.1]))
    assert cb.event_code(pred, True, rooted, 0.0) == cb.event_code(pred, True)  # no weight: the type model's
    code, p = cb.event_code(pred, True, rooted, 0.5)  # 01: 0.5*0.3 + 0.5*0.7 = 0.5; 03: 0.5*0.4 + 0.5*0.1 = 0.25
    assert code == "010" and p == pytest.approx(0.5)
    policy = cb.CoderPolicy(veto=0.9, retype=0.35, add=0.7, learned_only=0.5, confidence_scale=0.8, unasserted=0.8,
                            background=0.8, by_root=True, blend=1.0, root_mix=0.5)
    assert cb.judge_rule("010", {"type": pred, "root": rooted}, policy)[0] is None  # 01 kept: the mix prefers it
    assert cb.rule_confidence(0.6, "036", {"type": pred, "root": rooted}, policy) == pytest.approx(0.25)


def test_a_model_file_with_a_root_model_runs_it_for_every_candidate(tmp_path, nlp):
    vocab = {"l=attack": 0, "l=meet": 1}
    type_clf = _Fake([NONE, "040", "190"], [[-2, 0], [0, 3], [3, 0]], [1.0, -1.0, -1.0])
    root_clf = _Fake([NONE, "04", "19"], [[-2, 0], [0, 3], [3, 0]], [1.0, -1.0, -1.0])
    path = tmp_path / "r.npz"
    export_model(path, vocab, {"type": type_clf, "root": root_clf}, {}, {"seed": 0})
    model = read_model(path)
    assert set(model.models) == {"type", "root"}
    sent = next(nlp("Rebels attack the town.").sents)
    preds = cb.predictions(sent, model, {})
    attack = next(i for i in preds if sent.doc[i].lemma_ == "attack")
    assert preds[attack]["root"].label == "19" and preds[attack]["type"].label == "190"


def test_with_the_root_model_it_decides_whether_the_model_adds_an_event(nlp):
    """A type model spread over a root's codes can put "no event" first while the root model is
    sure of the root: with the root model weighed in (``root_mix``), the root model's "no event"
    decides, and the root's probability is the one compared with the threshold."""
    sent = next(nlp("Rebels attack the town.").sents)
    attack = next(t.i for t in sent if t.lemma_ == "attack")
    typed = _pred({NONE: 0.4, "190": 0.3, "193": 0.3})["type"]
    sure = Prediction((NONE, "19"), np.array([0.1, 0.9]), np.array([0.1, 0.9]))
    unsure = Prediction((NONE, "19"), np.array([0.6, 0.4]), np.array([0.6, 0.4]))
    preds = {attack: {"type": typed, "root": sure}}
    (tok, code, p), = cb.new_events(sent, preds, set(), 0.45, by_root=True, mix=1.0)
    assert tok.i == attack and code[:2] == "19" and p == pytest.approx(0.9)
    assert cb.new_events(sent, {attack: {"type": typed, "root": unsure}}, set(), 0.3, by_root=True, mix=1.0) == []
    assert cb.new_events(sent, preds, set(), 0.45, by_root=True, mix=0.0) == []  # the type model alone: no event
    assert cb.new_events(sent, preds, {attack}, 0.45, by_root=True, mix=1.0) == []  # a rule's candidate holds it


def test_a_perceptron_root_model_answers_as_scikit_learn_does_alone_and_with_the_others(tmp_path):
    """A root model with a hidden layer (``train --root-hidden``): stored as its hidden layer beside
    the linear models' weights and its output layer, it gives scikit-learn's own probabilities, the
    same whether it runs alone, with the other models (``sigmoids``) or a sentence at once."""
    pytest.importorskip("sklearn")
    from scipy.sparse import csr_matrix
    from sklearn.neural_network import MLPClassifier

    rng = np.random.default_rng(3)
    n_feat, rows = 30, 400
    X = csr_matrix((rng.random((rows, n_feat)) < 0.15).astype(np.float32))
    y = np.where(X[:, 0].toarray().ravel() * X[:, 1].toarray().ravel() > 0, "19",  # a conjunction
                 np.where(X[:, 2].toarray().ravel() > 0, "04", NONE))
    mlp = MLPClassifier(hidden_layer_sizes=(8,), max_iter=200, random_state=0).fit(X, y)
    vocab = {f"f{i}": i for i in range(n_feat)}
    type_clf = _Fake([NONE, "040", "190"], rng.normal(size=(3, n_feat)), [0.0, 0.0, 0.0])
    path = tmp_path / "p.npz"
    export_model(path, vocab, {"type": type_clf, "root": mlp}, {}, {"seed": 0})
    model = read_model(path)
    assert model._fused is not None and model.models["root"].head is not None
    kept = {f: i for f, i in model.vocab.items()}
    for k in range(25):
        on = [j for j in range(n_feat) if X[k, j]]
        idx = [kept[f"f{j}"] for j in on if f"f{j}" in kept]
        alone = model.run("root", idx)
        fused = model.run("root", idx, None, model.sigmoids(idx))
        assert alone.classes == tuple(mlp.classes_)
        assert np.allclose(alone.p, mlp.predict_proba(X[k])[0], atol=2e-3)  # float16 weights in the file
        assert np.array_equal(alone.p, fused.p)
        assert np.array_equal(model.run("type", idx).p, model.run("type", idx, None, model.sigmoids(idx)).p)
    idx_lists = [[kept[f"f{j}"] for j in range(n_feat) if X[k, j] and f"f{j}" in kept] for k in range(5)]
    together = model.many_sigmoids(idx_lists)
    for idx, pred in zip(idx_lists, model.run_rows("root", together)):
        assert np.array_equal(pred.p, model.run("root", idx, None, model.sigmoids(idx)).p)
