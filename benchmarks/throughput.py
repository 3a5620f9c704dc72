"""Throughput of the detente pipeline against bare spaCy, on the same texts, in the same run.

    python benchmarks/throughput.py [--workers N] [--limit N] [--input FILE] [--json]

Reads ../shared/corpus/guardian_sdf_sample.csv by default (a real news sample; not shipped with
detente). Phases, each timed on its own:

1. ingest + clean   read_inputs -> clean_article over the file
2. bare spaCy       spacy.load(settings.model); nlp.pipe(texts) — the floor any pipeline pays
3. pipeline         Pipeline.code_articles (gazetteer ruler + spaCy + actors, events, time stages)

Models are loaded and warmed up before timing. Prints articles/s, words/s, peak memory (max RSS of
this process and of worker processes) and the ratio pipeline / bare spaCy (time per article).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "guardian_sdf_sample.csv"


def _peak_mb() -> dict[str, float]:
    """Max resident set size so far (Linux reports KiB), of this process and of its children."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mb": round(own, 1), "children_mb": round(children, 1)}


def _timed(run: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def _rates(name: str, seconds: float, articles: int, words: int) -> dict[str, Any]:
    return {"phase": name, "seconds": round(seconds, 3), "articles": articles,
            "articles_per_s": round(articles / seconds, 2) if seconds else None,
            "words_per_s": round(words / seconds) if seconds else None, "peak": _peak_mb()}


def run(input_path: Path, workers: int, limit: int | None, batch_size: int) -> dict[str, Any]:
    import spacy

    from detente.clean import clean_article
    from detente.errors import DetenteError
    from detente.ingest import read_inputs
    from detente.model import Article
    from detente.pipeline import Pipeline
    from detente.settings import Settings

    settings = Settings(workers=workers, batch_size=batch_size)

    def ingest() -> list[Article]:
        out = []
        for item in read_inputs([str(input_path)], settings):
            if isinstance(item, Article):
                out.append(clean_article(item))
                if limit is not None and len(out) >= limit:
                    break
        return out

    articles, ingest_s = _timed(ingest)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    results = [_rates("ingest + clean", ingest_s, len(articles), words)]

    nlp = spacy.load(settings.model)
    list(nlp.pipe(texts[:2]))  # warm-up
    _, bare_s = _timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers)))
    results.append(_rates(f"bare spaCy ({settings.model})", bare_s, len(texts), words))

    report = {"input": str(input_path), "articles": len(articles), "words": words, "workers": workers,
              "batch_size": batch_size, "event_mentions": None, "phases": results,
              "ratio_pipeline_to_bare_spacy": None, "error": None}
    pipeline = Pipeline(settings)
    try:
        list(pipeline.code_articles(articles[:2]))  # loads data and model, warms up
    except DetenteError as exc:  # packaged data being edited, model missing...
        report["error"] = f"pipeline unavailable: {exc}"
        return report
    coded, pipe_s = _timed(lambda: list(pipeline.code_articles(articles)))
    results.append(_rates("pipeline (code_articles)", pipe_s, len(coded), words))
    report["event_mentions"] = sum(len(c.mentions) for c in coded)
    report["ratio_pipeline_to_bare_spacy"] = round(pipe_s / bare_s, 2) if bare_s else None
    return report


def _print(report: dict[str, Any]) -> None:
    print(f"{report['articles']} articles, {report['words']} words from {report['input']}")
    print(f"workers={report['workers']} batch_size={report['batch_size']} "
          f"event mentions={report['event_mentions']}")
    print(f"{'phase':<40} {'seconds':>9} {'articles/s':>11} {'words/s':>9} {'peak MB':>8} {'children MB':>12}")
    for r in report["phases"]:
        print(f"{r['phase']:<40} {r['seconds']:>9.2f} {r['articles_per_s']:>11.1f} {r['words_per_s']:>9} "
              f"{r['peak']['self_mb']:>8.0f} {r['peak']['children_mb']:>12.0f}")
    print(f"ratio pipeline / bare spaCy (time): {report['ratio_pipeline_to_bare_spacy']}")
    if report["error"]:
        print(report["error"], file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="CSV/JSONL/folder to read")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes (n_process)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"input {args.input} is absent: pass --input FILE (the default is ../shared/corpus/"
              "guardian_sdf_sample.csv, which is not shipped with detente)", file=sys.stderr)
        return 2
    report = run(args.input, args.workers, args.limit, args.batch_size)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return 1 if report["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
