"""Where the time goes: bare spaCy's components, and the filtered pipeline's steps, on the same texts.

    python benchmarks/breakdown.py [--input FILE] [--limit N] [--batch-size N] [--repeat N] [--json]

Reads ../shared/corpus/guardian_sdf_sample.csv by default (not shipped with detente). Each step runs
over all the texts before the next (spaCy's components through their ``pipe`` in batches, as
``nlp.pipe`` calls them), so a step's time is its own; the whole runs ``--repeat`` times and each
step keeps its fastest. Steps of the pipeline with the sentence sieve (``detente.sieve``):
tokenizer, sieve plan and the kept sentences' sub-Docs, each spaCy component on them, the copy back
(with the gazetteer over the whole article), then each coding stage as ``Pipeline.code_doc`` runs
them (actors, the places' towns, events, places, dates). Printed as seconds and as a share of bare
spaCy's total: the figures to read are the shares, measured in one run (``benchmarks/throughput.py``
times the whole against bare spaCy). The first 60 articles' shares are not the sample's: on all 249
articles the coding stages cost more of bare spaCy's time (session 15: about 0.23 against 0.18).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "guardian_sdf_sample.csv"


def _components(nlp: Any, docs: list[Any], batch_size: int, clock: Callable[[str, float], None]) -> list[Any]:
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
        clock(f"spacy {name}", time.perf_counter() - start)
    return docs


def run(input_path: Path, limit: int | None, batch_size: int, repeat: int) -> dict[str, Any]:
    import spacy

    from detente.actors import find_actors
    from detente.dating import date_events
    from detente.events import code_events
    from detente.pipeline import Pipeline, read_articles
    from detente.places import find_places, locate_events
    from detente.settings import Settings
    from detente.sieve import _copy_back, _ruler, sieved_subdoc

    settings = Settings(batch_size=batch_size, sentence_filter=True)
    articles = list(read_articles([str(input_path)], settings, limit))
    texts = [a.text for a in articles]
    bare = spacy.load(settings.model)
    list(bare.pipe(texts[:2]))
    pipe = Pipeline(settings)
    list(pipe.code_articles(articles[:2]))
    nlp, sieve, resources = pipe.nlp, pipe.sieve, pipe.resources
    if sieve is None:
        raise SystemExit("no sentence sieve for this model: nothing to break down")
    best: dict[str, dict[str, float]] = {"bare": {}, "filtered": {}}
    for _ in range(repeat):
        times: dict[str, dict[str, float]] = {"bare": {}, "filtered": {}}

        def clock(phase: str) -> Callable[[str, float], None]:
            return lambda step, s: times[phase].__setitem__(step, times[phase].get(step, 0.0) + s)

        def step(phase: str, name: str, fn: Callable[[], Any]) -> Any:
            start = time.perf_counter()
            out = fn()
            clock(phase)(name, time.perf_counter() - start)
            return out

        docs = step("bare", "tokenizer", lambda: [bare.make_doc(t) for t in texts])
        _components(bare, docs, batch_size, clock("bare"))
        full = step("filtered", "tokenizer", lambda: [nlp.make_doc(t) for t in texts])
        # as parse_sieved makes them: marked for the NER that runs only where it can add (sieve.SelectiveNER)
        made = step("filtered", "sieve plan + sub-Docs", lambda: [sieved_subdoc(d, sieve) for d in full])
        subs, plans = [m[0] for m in made], [m[1] for m in made]
        subs = _components(nlp, subs, batch_size, clock("filtered"))
        ruler = _ruler(nlp)

        def copy_back() -> None:
            for sub, doc, (runs, starts) in zip(subs, full, plans):
                _copy_back(sub, doc, runs, starts)
                if ruler is not None:
                    ruler(doc)

        step("filtered", "copy back + gazetteer", copy_back)
        actors = step("filtered", "actors", lambda: [find_actors(d, a, resources) for d, a in zip(full, articles)])
        # the stages as Pipeline.code_doc runs them: the towns the actors stage does not know, then
        # the events (which read them) and their places
        places = step("filtered", "places (towns)", lambda: [find_places(d, a, resources, actors=ac)
                                                             for d, a, ac in zip(full, articles, actors)])
        mentions = step("filtered", "events", lambda: [code_events(d, ac, a, resources, pl)
                                                       for d, ac, a, pl in zip(full, actors, articles, places)])
        mentions = step("filtered", "places", lambda: [locate_events(d, m, ac, a, resources, pl)
                                                       for d, m, ac, a, pl in zip(full, mentions, actors, articles,
                                                                                  places)])
        step("filtered", "dates", lambda: [date_events(d, m, a) for d, m, a in zip(full, mentions, articles)])
        for phase, steps in times.items():
            for name, seconds in steps.items():
                best[phase][name] = min(seconds, best[phase].get(name, seconds))
    floor = sum(best["bare"].values())
    return {"input": str(input_path), "articles": len(articles), "batch_size": batch_size, "repeat": repeat,
            "bare_seconds": round(floor, 3), "filtered_seconds": round(sum(best["filtered"].values()), 3),
            "steps": {phase: {name: {"seconds": round(s, 3), "of_bare": round(s / floor, 3)}
                              for name, s in steps.items()} for phase, steps in best.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=40, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="run N times, keep each step's fastest")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"input {args.input} is absent: pass --input FILE", file=sys.stderr)
        return 2
    report = run(args.input, args.limit, args.batch_size, args.repeat)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['articles']} articles from {report['input']}, best of {report['repeat']}")
    for phase, steps in report["steps"].items():
        total = sum(s["seconds"] for s in steps.values())
        print(f"{phase}: {total:.2f} s = {total / report['bare_seconds']:.3f} of bare spaCy")
        for name, s in steps.items():
            print(f"  {name:<40} {s['seconds']:>8.2f} s {s['of_bare']:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
