"""Hostile texts: time of the detente pipeline against bare spaCy on the same (cleaned) text.

    python benchmarks/hostile.py [--chars N] [--json]

Each case is a text of about N characters (default 50,000, the web API's limit) built to hit a
known slow path: runs of symbols or emoji without spaces (spaCy's tokenizer peels them one
affix at a time), one very long sentence (our stages look at each sentence's clauses in pairs),
thousands of short sentences (anything that scans the whole document per sentence). The text is
cleaned first, as in the pipeline (clean.py breaks runs longer than MAX_WORD_CHARS). Prints, per
case: tokens, longest sentence, seconds for bare spaCy, seconds for the detente pipeline (its own
spaCy pass and every stage) and their ratio. Read the ratio: a guard that works keeps it near
the one of ordinary prose. Time itself grows with tokens (ingest rejects texts dense in symbols).
"""
from __future__ import annotations

import argparse
import json
import time

CASES = {
    "prose": "On 17 May, Iran's defence minister visited Tajikistan and signed an agreement. ",
    "one sentence of clauses": "Iran visited Tajikistan, ",
    "short sentences": "Iran visited Tajikistan. ",
    "bangs": "!",
    "emoji": "\N{GRINNING FACE}",
    "brackets": "()",
    "underscores": "_",
    "possessives": "'s",
    "list of countries": "Iran, Iraq and ",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import spacy

    from detente.clean import clean_article
    from detente.ingest import make_article
    from detente.pipeline import Pipeline

    pipe = Pipeline()
    bare = spacy.load(pipe.settings.model)
    pipe.code_text("Iran visited Tajikistan.")
    bare("Iran visited Tajikistan.")
    rows = []
    for name, unit in CASES.items():
        text = unit * (args.chars // len(unit))
        article = clean_article(make_article(name, text, published="2023-06-05"))
        start = time.perf_counter()
        bare(article.text)
        spacy_s = time.perf_counter() - start
        start = time.perf_counter()
        doc = pipe.nlp(article.text)
        coded = pipe.code_doc(doc, article)
        total_s = time.perf_counter() - start
        rows.append({"case": name, "chars": len(text), "tokens": len(doc),
                     "longest_sentence": max((len(s) for s in doc.sents), default=0),
                     "bare_spacy_s": round(spacy_s, 2), "detente_s": round(total_s, 2),
                     "ratio": round(total_s / spacy_s, 2) if spacy_s else None, "mentions": len(coded.mentions)})
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"{'case':26s} {'chars':>7s} {'tokens':>7s} {'longest':>7s} {'spaCy s':>8s} {'detente s':>9s} {'ratio':>6s}")
    for r in rows:
        print(f"{r['case']:26s} {r['chars']:7d} {r['tokens']:7d} {r['longest_sentence']:7d} "
              f"{r['bare_spacy_s']:8.2f} {r['detente_s']:9.2f} {r['ratio']:6.2f}")


if __name__ == "__main__":
    main()
