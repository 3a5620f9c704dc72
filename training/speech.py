"""Train the statement-content model (``detente.events.speech``) and measure it held out by writer.

    python -m training.speech train [--exclude WRITERS] [--out src/detente/data/models/speech.npz]
    python -m training.speech cv [--folds w15,w20] [--exclude WRITERS] [--c 1e-4] [--scratch DIR] [--neutral N]
    python -m training.speech statements --writers w15,w20 --out FILE   (then cv/train --statements FILE...)

Rows: every asserted gold event of the train split whose trigger is a verb of saying, or lies in the
reported clause of one ("said it would push them out": the row is 'said', labelled 13x), or is
itself a speech act (01-03, 05, 10-13) with a reported clause ("urged X to ..."). One row per verb of
saying (its own event first, else a speech act in its clause). The label is the event's code, codes
with fewer than ``MIN_CODE`` rows folded into their root's 0 and codes of other roots ``other``.
``cv`` fits with each fold's writer held out and scores that writer's rows whose verb of saying is
a statement verb (what the coder codes 010 or 030): the root right by the model where it fires
(p >= threshold) against today's plain reading (01 for a statement, 03 for an intent); and that
writer's neutral rows (``neutral_rows``: verbs of saying that tell no event, the plain reports of
news), where every recoding is a false alarm. ``--neutral N`` trains on the other writers' neutral
rows N times too.
"""
from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from pathlib import Path

import numpy as np

from detente.events import speech
from detente.events.learned import export_model

from .corpus import load_split
from .parse import lexicon, parsed
from .train import vectorise, vocabulary

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "detente" / "data" / "models" / "speech.npz"
SPEECH_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
MIN_CODE = 15
MIN_FEATURE = 2
HEDGES = frozenset({"can", "ca", "could", "may", "might", "must", "should", "would", "will", "wo"})


def _token_at(doc, char: int):
    return next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)


def _setting(writers_out: set[str] | None, only: set[str] | None):
    """The lexicon, its statement verbs, every verb of saying, and the train split's sentences kept."""
    lex = lexicon()
    statement = lex.words("statement_verb")
    sents = [s for s in load_split("train")
             if (only is None or s.writer in only) and (writers_out is None or s.writer not in writers_out)]
    return lex, statement, statement | speech.policy().speech_verbs, sents


def rows(writers_out: set[str] | None = None, only: set[str] | None = None):
    """(features, gold code, writer, whether the verb of saying is a statement verb, the trigger's
    lemma) of every row of the train split's writers (``only``: just these; ``writers_out``: not these)."""
    lex, statement, verbs, sents = _setting(writers_out, only)
    out = []
    for sent, doc in parsed(sents):
        found: dict[int, tuple[int, str, object]] = {}
        for ev in sent.events:
            if ev.modality != "asserted":
                continue
            tok = _token_at(doc, ev.trigger[0])
            if tok is None:
                continue
            verb = speech.speech_verb(tok, verbs)
            own = verb is not None and verb.i == tok.i
            if verb is None and ev.cameo[:2] in SPEECH_ROOTS and speech.reported(tok):
                verb, own = tok, True
            if verb is None:
                continue
            rank = 0 if own and ev.cameo[:2] in SPEECH_ROOTS else 1 if ev.cameo[:2] in SPEECH_ROOTS else 2
            if verb.i not in found or rank < found[verb.i][0]:
                found[verb.i] = (rank, ev.cameo, tok)
        for i, (_, code, tok) in found.items():
            verb = doc[i]
            feats = speech.content_features(verb, speech.reported(verb, tok), tok, lex)
            out.append((feats, code, sent.writer, verb.lemma_.lower() in statement, sent.id, "010"))
    return out


def plain_verbs(doc, triggers: set[int], verbs: frozenset[str]) -> list:
    """The verbs of saying of a parsed sentence that tell no event: an asserted, unhedged verb of
    ``verbs`` with a reported clause, no token of whose subtree (nor of its clauses') is one of the
    gold triggers ``triggers`` (token indices). "Refused to say" and "cannot say" make no statement."""
    out = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs or verb.dep_ == "xcomp" or \
                any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in HEDGES for c in verb.children):
            continue
        clauses = speech.reported(verb)
        if clauses and not any(t.i in triggers for c in (verb, *clauses) for t in c.subtree):
            out.append(verb)
    return out


def neutral_rows(writers_out: set[str] | None = None, only: set[str] | None = None):
    """Rows (as ``rows``) of the train split's verbs of saying that tell no event (``plain_verbs``:
    "the ministry said the court would sit on Monday", "said the talks were useful"), labelled a
    plain statement (``010``): what a statement says when it reports, not a speech act. ``rows``
    holds few of them (the writers were briefed to write events), news many."""
    lex, statement, verbs, sents = _setting(writers_out, only)
    out = []
    for sent, doc in parsed(sents):
        triggers = {t.i for ev in sent.events for t in [_token_at(doc, ev.trigger[0])] if t is not None}
        for verb in plain_verbs(doc, triggers, verbs):
            feats = speech.content_features(verb, speech.reported(verb), None, lex)
            out.append((feats, "010", sent.writer, verb.lemma_.lower() in statement, sent.id, "010"))
    return out


def coded_statements(writers: set[str], out: Path) -> None:
    """Code the train split's sentences of ``writers`` (cached parses, the default coder, this
    component off) and write the coder's asserted plain statements and intents (010, 030) as JSON
    lines: the population the model decides on, for ``statement_rows``."""
    import json

    from detente.ingest import make_article
    from detente.pipeline import Pipeline
    from detente.settings import Settings

    off = dataclasses.replace(speech.policy(), recoded=frozenset())
    speech.policy = lambda: off  # type: ignore[assignment]  # the coder as it was before this component
    pipe = Pipeline(Settings())
    sents = [s for s in load_split("train") if s.writer in writers]
    with open(out, "w", encoding="utf-8") as fh:
        for s, doc in parsed(sents):
            for m in pipe.code_doc(doc, make_article(s.id, s.text, published=s.published)).mentions:
                if m.cameo in ("010", "030") and m.modality == "asserted":
                    fh.write(json.dumps({"id": s.id, "writer": s.writer, "cameo": m.cameo, "char": m.coded_from}) + "\n")


def statement_rows(paths: list[Path], writers_out: set[str] | None = None):
    """Rows (as ``rows``) of the coder's statements and intents (``coded_statements``), labelled by
    the sentence's gold events: the event told by the same verb of saying, else the sentence's first
    asserted speech act, else ``other`` (the statement is no event of its own, or another kind)."""
    import json

    lex = lexicon()
    statement = lex.words("statement_verb")
    verbs = statement | speech.policy().speech_verbs
    coded: dict[str, list[dict]] = {}
    for path in paths:
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if writers_out is None or r["writer"] not in writers_out:
                coded.setdefault(r["id"], []).append(r)
    sents = [s for s in load_split("train") if s.id in coded]
    out = []
    for sent, doc in parsed(sents):
        for r in coded[sent.id]:
            tok = _token_at(doc, r["char"])
            verb = speech.speech_verb(tok, verbs) if tok is not None else None
            if verb is None:
                continue
            label = None
            speech_acts = []
            for ev in sent.events:
                t = _token_at(doc, ev.trigger[0])
                if ev.modality != "asserted" or t is None:
                    continue
                said = speech.speech_verb(t, verbs)
                if t.i == verb.i or (said is not None and said.i == verb.i):
                    label = label or ev.cameo
                if ev.cameo[:2] in SPEECH_ROOTS:
                    speech_acts.append(ev.cameo)
            label = label or (speech_acts[0] if speech_acts else "x" + r["cameo"])
            feats = speech.content_features(verb, speech.reported(verb, tok), tok, lex)
            out.append((feats, label, sent.writer, verb.lemma_.lower() in statement, sent.id, r["cameo"]))
    return out


def labels(codes: list[str]) -> list[str]:
    counts = Counter(c for c in codes if c[:2] in SPEECH_ROOTS)
    out = []
    for c in codes:
        if c[:2] not in SPEECH_ROOTS:
            out.append(speech.OTHER)
        elif counts[c] >= MIN_CODE:
            out.append(c)
        else:
            out.append(c[:2] + "0")
    return out


def fit(train, c: float = 1e-4, seed: int = 0):
    """One-vs-rest logistic regressions (SGD, as ``training.train``'s): the coder reads each class's
    sigmoid, normalised (``learned._Linear``); ``c``: the L2 penalty (alpha)."""
    from sklearn.linear_model import SGDClassifier

    feats = [f for f, *_ in train]
    vocab = vocabulary(feats, MIN_FEATURE)
    x = vectorise(feats, vocab)
    y = labels([code for _, code, *_ in train])
    clf = SGDClassifier(loss="log_loss", alpha=c, average=True, max_iter=60, tol=None, random_state=seed)
    clf.fit(x, y)
    return vocab, clf


def export(path: Path, vocab, clf, meta: dict) -> None:
    export_model(path, vocab, {speech.MODEL: clf}, {}, meta)


def cv(folds: list[str], exclude: set[str], c: float, thresholds: list[float], scratch: Path | None,
       statements: list[Path] | None = None, weight: int = 1, neutral: int = 0) -> None:
    """``statements``: files of ``coded_statements``: their rows are trained on too (``weight``
    times), and the held-out writer's are what is scored (else its content rows of statement verbs).
    ``neutral``: ``neutral_rows`` trained on that many times; the held-out writer's are scored apart
    either way (every recoding of one is a false alarm)."""
    from detente.events.learned import read_model

    allrows = rows(writers_out=exclude)
    plain = neutral_rows(writers_out=exclude)
    print(f"{len(plain)} neutral rows")
    stated = statement_rows(statements, exclude) if statements else []
    if stated:
        print(f"{len(stated)} statement rows; labels {Counter(labels([r[1] for r in stated])).most_common(12)}")
    print(f"{len(allrows)} rows; labels {Counter(labels([r[1] for r in allrows])).most_common(40)}")
    for w in folds:
        train = [r for r in allrows + stated * weight + plain * neutral if r[2] != w]
        test = [r for r in stated if r[2] == w] if stated else [r for r in allrows if r[2] == w and r[3]]
        vocab, clf = fit(train, c)
        tmp = Path(scratch or "/tmp") / f"speech_{w}.npz"
        export(tmp, vocab, clf, {"fold": w})
        model = read_model(tmp, names=(speech.MODEL,), label=str(tmp))
        preds = [speech.predict(model, feats) for feats, *_ in test]
        held_plain = [r for r in plain if r[2] == w]
        plain_preds = [speech.predict(model, feats) for feats, *_ in held_plain]
        gold = [code[:2] for _, code, *_ in test]
        base = Counter(g for g in gold)
        print(f"{w}: {len(test)} rows; gold roots {base.most_common(9)}")
        today = sum(g == r[5][:2] for g, r in zip(gold, test))
        print(f"  today's root (010 or 030) right: {today / len(test):.3f}")
        top = [max(speech.root_probs(p).items(), key=lambda kv: kv[1]) for p in preds]
        acc = sum(t[0] == g or (t[0] == speech.OTHER and g not in SPEECH_ROOTS) for t, g in zip(top, gold))
        print(f"  model's best root right: {acc / len(test):.3f}")
        for th in thresholds:
            pol = dataclasses.replace(speech.policy(), apply=True, threshold=th)
            fired = [(speech.decide(p, r[5], pol), g, r[5]) for p, g, r in zip(preds, gold, test)]
            fired = [(d, g, cur) for d, g, cur in fired if d is not None]
            right = sum(d[1] == g for d, g, _ in fired)
            was = sum(g == cur[:2] for _, g, cur in fired)
            print(f"  threshold {th}: fires {len(fired)}, root right {right} (precision "
                  f"{right / max(1, len(fired)):.2f}) where the coder's root was right {was}; net {right - was:+d}")
            by_root = Counter((d[1], d[1] == g) for d, g, _ in fired)
            false = Counter(d[1] for p, r in zip(plain_preds, held_plain)
                            if p is not None and (d := speech.decide(p, "010", pol)) is not None)
            print(f"    neutral rows of {w}: fires {sum(false.values())} of {len(held_plain)} {dict(false)}")
            print("    by root (right/fired):", ", ".join(f"{r} {by_root[(r, True)]}/{by_root[(r, True)] + by_root[(r, False)]}"
                                                     for r in sorted({d[1] for d, _, _ in fired})))
        if scratch is not None:
            with open(scratch / f"cv_{w}.tsv", "w") as fh:
                for (feats, code, _, _, sid, _), p, t in zip(test, preds, top):
                    fh.write(f"{sid}\t{code}\t{t[0]}\t{t[1]:.2f}\t{' '.join(f for f in feats if not f.startswith('w='))}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("train", "cv", "statements"))
    ap.add_argument("--statements", type=Path, nargs="*", default=[], help="files of `statements` (JSON lines)")
    ap.add_argument("--weight", type=int, default=1, help="how many times the statement rows are trained on")
    ap.add_argument("--neutral", type=int, default=0, help="how many times the neutral rows are trained on")
    ap.add_argument("--writers", default="", help="statements: the writers to code")
    ap.add_argument("--exclude", default="")
    ap.add_argument("--folds", default="w15,w20")
    ap.add_argument("--c", type=float, default=1e-4, help="the L2 penalty (SGD alpha)")
    ap.add_argument("--thresholds", default="0.5,0.6,0.7,0.8")
    ap.add_argument("--scratch", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    exclude = {w for w in args.exclude.split(",") if w}
    if args.command == "statements":
        coded_statements(set(args.writers.split(",")), args.out)
        return 0
    if args.command == "cv":
        cv(args.folds.split(","), exclude, args.c, [float(t) for t in args.thresholds.split(",")], args.scratch,
           args.statements, args.weight, args.neutral)
        return 0
    train = rows(writers_out=exclude) + statement_rows(args.statements, exclude) * args.weight \
        + neutral_rows(writers_out=exclude) * args.neutral
    vocab, clf = fit(train, args.c)
    export(args.out, vocab, clf, {"rows": len(train), "exclude": sorted(exclude), "c": args.c})
    print(f"{len(train)} rows, {len(vocab)} features, classes {list(clf.classes_)} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
