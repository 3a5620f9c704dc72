"""Does the learned coder lean on names? Two experiments on held-out writers (docs/model.md, session 19).

    python -m training.augment cv --variants base,mask,aug1 --folds w15,w20 --exclude w21,w22,w23

The coder's features hold the lemmas and forms of a token, its head, children and neighbours and
the sentence's topic words (``sl=``), proper nouns included: a model can learn the actors and
places its writers wrote about instead of the language. Variants (each through ``training.cv``,
the held-out writer coded by the whole pipeline, all in one run so that they share the code):

- ``base``: today's features and training sentences;
- ``mask``: every proper noun's lemma and form replaced by a placeholder of its entity type
  (``<PERSON>``, ``<GPE>``, ``<ORG>``, ``<PROPN>`` outside an entity) in every feature family, in
  training and in coding alike (``names_masked``);
- ``augN``: the train sentences plus N copies of each one holding a person, organisation or place,
  with those swapped for other names (``training.ner_augment``: the package's KB and GeoNames) and
  the annotation's character spans moved with them (``swapped_sentence``); a copy belongs to its
  sentence's writer, so a held-out writer's copies are held out too. The copies are parsed once
  (their own cache files in training/.cache, keyed by their text).
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path

from detente.events import features
from detente.events.features import DocTable

from .corpus import Ann, Sentence, load_split
from .ner_augment import applied, swaps
from .parse import parsed

SEED = 0
MASKED = "detente.features.table.masked"  # Doc.user_data key of the masked table


def masked_table(doc) -> DocTable:
    """``features.doc_table`` with each proper noun's lemma and form replaced by its entity type."""
    table = doc.user_data.get(MASKED)
    if not isinstance(table, DocTable) or table.size != len(doc):
        table = DocTable(doc)
        for j in range(table.size):
            if table.pos[j] == "PROPN":
                table.lemma[j] = table.lower[j] = f"<{table.ent[j] or 'PROPN'}>"
        doc.user_data[MASKED] = table
    return table


@contextmanager
def names_masked():
    """The model's features (``features.own_features``, ``sentence_features``) read the masked
    table for the duration; the other stages keep the parse's own lemmas."""
    original = features.doc_table
    features.doc_table = masked_table
    try:
        yield
    finally:
        features.doc_table = original


def _spans(sent: Sentence) -> list[tuple[int, int]]:
    return [s for ev in sent.events for s in (ev.trigger, ev.source, ev.target) if s is not None]


def _moved(span: tuple[int, int] | None, edits: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """``span`` after ``edits``: each edit ending at or before a boundary shifts it."""
    if span is None:
        return None
    return tuple(b + sum(len(new) - (stop - start) for start, stop, new in edits if stop <= b) for b in span)


def swapped_sentence(sent: Sentence, doc, rng: random.Random, n: int) -> Sentence | None:
    """A copy of ``sent`` (id ``...~aN``) with its people, organisations and places swapped and
    its events' trigger, source and target spans moved; None when it names none. A name that
    overlaps a trigger, or that an annotated span starts or ends inside, is left as it is (so every
    span still covers the same words). The source and target countries are left unchanged: the
    coder's training reads only the trigger, the code, the modality and the time."""
    spans = _spans(sent)
    triggers = [ev.trigger for ev in sent.events]

    def keep(ent) -> bool:
        s, e = ent.start_char, ent.end_char
        if any(t0 < e and s < t1 for t0, t1 in triggers):
            return False
        return not any(s < b < e for span in spans for b in span)

    edits = swaps(doc, rng, keep)
    if not edits:
        return None
    events = tuple(dataclasses.replace(ev, trigger=_moved(ev.trigger, edits), source=_moved(ev.source, edits),
                                       target=_moved(ev.target, edits)) for ev in sent.events)
    return dataclasses.replace(sent, id=f"{sent.id}~a{n}", text=applied(sent.text, edits), events=events)


def augmented_sentences(sents: list[Sentence], copies: int = 1, seed: int = SEED) -> list[Sentence]:
    """``copies`` name-swapped copies of each of ``sents`` that names someone or somewhere (seeded),
    from the sentences' cached parses (the pipeline's NER and gazetteer find the names)."""
    rng = random.Random(seed)
    out = []
    for sent, doc in parsed(sents):
        for n in range(1, copies + 1):
            new = swapped_sentence(sent, doc, rng, n)
            if new is not None:
                out.append(new)
    return out


def main(argv: list[str]) -> int:
    from .cv import run

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["cv"])
    ap.add_argument("--variants", default="base,mask,aug1", help="comma-separated: base, mask, augN, augN+mask")
    ap.add_argument("--folds", default="w15,w20")
    ap.add_argument("--exclude", default="w21,w22,w23")
    ap.add_argument("--out", type=Path, help="the held-out writers' per-sentence rows, a directory per variant")
    args = ap.parse_args(argv)
    exclude = tuple(w for w in args.exclude.split(",") if w)
    train_s = [s for s in load_split("train") if s.writer not in exclude]
    for variant in args.variants.split(","):
        mask = "mask" in variant.split("+")
        aug = next((int(v[3:]) for v in variant.split("+") if v.startswith("aug")), 0)
        extra = augmented_sentences(train_s, aug) if aug else []
        print(f"variant {variant}: {len(extra)} augmented sentences", file=sys.stderr, flush=True)
        with names_masked() if mask else nullcontext():
            for row in run({}, [{}], args.folds.split(","), False, exclude,
                           args.out / variant if args.out else None, extra=extra, salt="mask" if mask else ""):
                print(f"RESULT {variant} {row['folds']} mean root {row['lowo_root']}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
