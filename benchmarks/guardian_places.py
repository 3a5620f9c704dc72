"""Who and where on a corpus without gold: the shares issue 11 asks of the Guardian sample.

    python benchmarks/guardian_places.py CORPUS.csv [--limit N] [--sample 50] [--seed 11] [--out FILE]

Codes the corpus with the default coder (no store, no merge: one row per asserted event
mention) and prints

- the share of asserted events that name a country on at least one side (source or target);
- the share of asserted events whose sentence names a place (any gazetteer place the places
  stage finds in it, a country acting as an actor included) or whose article has a dateline that
  carry a ``location``, with the counts by ``basis``; and the same share where the sentence names
  a place as a place: a city or division, or a country after a preposition of place, destination
  or origin or compounded with a noun ("in Syria", "the Yemen war"; not "Russia warned the US");
- a random sample of located events (``--sample``, ``--seed``) with their sentence, trigger,
  sides and location, for a check by hand. ``--out`` writes every asserted event as JSON lines.

The corpus text stays where it is: nothing it prints is meant to be committed.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter

from spacy.tokens import Token

from detente.nlp import parse
from detente.pipeline import Pipeline, read_articles
from detente.places.gazetteer import PlacesConfig, load_config
from detente.places.stage import find_places
from detente.settings import Settings


def _side(m: object) -> str:
    if m is None:
        return "-"
    a = getattr(m, "actor", None)
    if a is None:
        return f"[{getattr(m, 'text', '')}]"
    return f"{getattr(m, 'text', '')}={a.country or '?'}/{a.sector or '?'}"


def _as_place(tok: Token, config: PlacesConfig) -> bool:
    """A country named as a place: the object of a preposition of place, of a destination or of
    an origin, or a compound of a noun ("in Syria", "to Tehran", "from Syria", "the Syria talks")."""
    if tok.dep_ == "compound":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in config.locative | config.destination | config.origin \
        | config.circumstantial


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out")
    ap.add_argument("--ner", choices=("model", "shared"), default=None, help="the NER setting (default: Settings')")
    ap.add_argument("--sides", choices=("rules", "learned"), default=None,
                    help="the side chooser setting (default: Settings')")
    args = ap.parse_args(argv)
    pipe = Pipeline(Settings().replace(ner=args.ner, sides=args.sides))
    config = load_config()
    articles = list(read_articles([args.corpus], pipe.settings, args.limit))
    rows = []
    items = ((a.text, a) for a in articles)
    for doc, article in parse(pipe.nlp, items, pipe.settings.batch_size, 1, pipe.sieve):
        coded = pipe.code_doc(doc, article)
        places = find_places(doc, article, pipe.resources, actors=coded.actors)
        dateline = any(p.dateline for p in places)
        for m in coded.mentions:
            if m.modality != "asserted":
                continue
            inside = [p for p in places if m.char_start <= p.char_start < m.char_end]
            named = dateline or bool(inside)
            # strictly: a city or division, or a country in a phrase of place ("in Syria", "the
            # Yemen war"), not a country named only as a party ("Russia warned the US")
            as_place = [p for p in inside if p.place.kind != "country" or _as_place(doc[p.end - 1], config)]
            country = any(s is not None and s.actor is not None and s.actor.country for s in (m.source, m.target))
            rows.append({"article": article.id, "char_start": m.char_start, "published": str(article.published or "") or None,
                         "sentence": m.sentence, "trigger": m.trigger, "cameo": m.cameo,
                         "source_country": m.source.actor.country if m.source and m.source.actor else None,
                         "target_country": m.target.actor.country if m.target and m.target.actor else None,
                         "confidence": round(m.confidence, 3),
                         "source": _side(m.source), "target": _side(m.target), "country": country,
                         "names_place": named, "names_place_strictly": dateline or bool(as_place),
                         "places": [f"{p.text}={p.place.country}/{p.place.kind}" for p in inside], "location": m.location.to_dict() if m.location else None})
    n = len(rows)
    with_country = sum(r["country"] for r in rows)
    named = [r for r in rows if r["names_place"]]
    located_named = [r for r in named if r["location"]]
    located = [r for r in rows if r["location"]]
    bases = Counter(r["location"]["basis"] for r in located)
    print(f"articles {len(articles)}, asserted events {n}")
    print(f"country on at least one side: {with_country}/{n} = {with_country / max(n, 1):.3f}")
    print(f"located: {len(located)}/{n} = {len(located) / max(n, 1):.3f}; by basis {dict(bases)}")
    print(f"located where sentence or dateline names a place: {len(located_named)}/{len(named)} = "
          f"{len(located_named) / max(len(named), 1):.3f}")
    strict = [r for r in rows if r["names_place_strictly"]]
    located_strict = [r for r in strict if r["location"]]
    print(f"located where sentence or dateline names a place as a place (not only a state as an actor): "
          f"{len(located_strict)}/{len(strict)} = {len(located_strict) / max(len(strict), 1):.3f}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    rng = random.Random(args.seed)
    for i, r in enumerate(rng.sample(located, min(args.sample, len(located))), 1):
        loc = r["location"]
        print(f"\n#{i} {r['article']} {r['cameo']} trigger={r['trigger']!r} {r['source']} -> {r['target']}\n"
              f"   LOCATION {loc['name']} ({loc['country']}, {loc['kind']}, basis {loc['basis']})\n"
              f"   {r['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
