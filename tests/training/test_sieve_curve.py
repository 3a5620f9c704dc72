"""training.sieve curve: what a sentence-level decision can save, on a file of articles."""
from __future__ import annotations

from training.sieve import curve

from detente.ingest import make_article


def test_the_curve_counts_kept_tokens_and_lost_mentions_of_both_rules():
    articles = [
        make_article("a", "Iran and Tajikistan signed a trade agreement on Monday. The weather was mild and "
                          "the shops were busy. Protesters attacked the embassy in Dushanbe.", published="2023-06-05"),
        make_article("b", "The river rose slowly. Children played by the water all afternoon.", published="2023-06-05"),
    ]
    report = curve(articles)
    assert report["sentences"] >= 5 and report["mentions"] >= 2
    assert 0.0 < report["tokens_in_sentences_with_a_mention"] < 1.0  # the quiet sentences hold none
    for best, any_ in zip(report["best_word"], report["any_word"]):
        assert best["threshold"] == any_["threshold"]
        assert any_["tokens_kept"] >= best["tokens_kept"]  # 1 - prod(1 - y) >= max(y)
        assert any_["mentions_lost"] <= best["mentions_lost"]
    for rows in (report["best_word"], report["any_word"]):
        kept = [r["tokens_kept"] for r in rows]
        lost = [r["mentions_lost"] for r in rows]
        assert kept == sorted(kept, reverse=True) and lost == sorted(lost)  # a higher threshold keeps less
