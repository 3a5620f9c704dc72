"""A sentence-level blind audit: random sentences of real news, coded by humans without seeing the
coder, against the coder's top event per sentence (a local proxy for the issue's multi-rater news
measure: event vs no event, and the root of the main event).

    python benchmarks/sentence_audit.py sample INPUT --n 100 --seed 7 --out DIR
    python benchmarks/sentence_audit.py score DIR ANSWERS.jsonl [ANSWERS2.jsonl ...]
    python benchmarks/sentence_audit.py pool DIR [DIR ...] --input CSV [--clean clean.json]
    python benchmarks/sentence_audit.py sheet DIR --input CSV [--skip 3,17] [--sides]

``sample`` reads INPUT as ``detente code`` would (any supported format), splits every article into
sentences with the configured spaCy model, draws n sentences of at least six words and writes
``DIR/blind.jsonl`` (what the human coder sees: n, published, the 500 characters of the article before
the sentence, the sentence) and ``DIR/key.jsonl`` (the article id and the sentence's offsets, for
scoring). The coders (``benchmarks/sentence_audit_brief.md`` is the brief they were given) answer
one line per item: ``{"n": 1, "event": true, "root": "04", ...,
"other_roots": ["05"]}`` (``root`` null when ``event`` is false).
``score`` codes the sampled sentences' articles with the pipeline as ``detente code`` does (sieve
included), takes each sentence's top event (``detente.evaluate.top_event`` over the mentions whose
trigger lies in it), and prints per coder: event vs no event agreement, the root agreement over all
sentences (no event = no event counts as agreement) and over the coder's event sentences only, the
coder's and the coder's events; with two coders or more, their agreement with one another and the
coder's agreement where they all agree; with three or more, the coder against the coders' majority
(the issue's measure): event vs no event against the majority's event flag on every item, and the
root against the label (no event, or a root) that more than half the coders gave, on the items that
have one (the others are counted, not scored).
``pool`` scores several audit folders (each with its ``key.jsonl`` and every ``answers*.jsonl``
in it) in one pipeline run and prints, per folder and pooled, the majority figures: event vs no
event against the majority's flag, and the root on the items whose majority label is an event;
``--clean`` (``benchmarks/audits/clean.json``) adds the pooled figure without the items a folder
shares with a development set. ``sheet`` is for development sets only: it prints each item's
sentence, our top root and the coders' labels, and the tally where the coders agree; ``--sides``
prints instead, on the items where the coders agree on the root and our top event has it, our
top event's source and target countries against the coders' (where they agree on that side):
right, empty, wrong, extra (a country where they name none), place (a wrong or extra target named
as a place), swapped, and usable (both sides right).
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path


def _articles(inputs: list[str]):
    from detente.ingest import read_inputs
    from detente.model import Article
    from detente.settings import Settings

    return [a for a in read_inputs(inputs, Settings()) if isinstance(a, Article)]


def sample(inputs: list[str], n: int, seed: int, out: Path) -> int:
    import spacy

    from detente.settings import Settings

    articles = _articles(inputs)
    nlp = spacy.load(Settings().model, exclude=["ner", "lemmatizer"])
    pool = []
    for article, doc in zip(articles, nlp.pipe([a.text for a in articles], batch_size=16)):
        pool += [(article, s.start_char, s.end_char) for s in doc.sents if sum(t.is_alpha for t in s) >= 6]
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "blind.jsonl", "w", encoding="utf-8") as blind, open(out / "key.jsonl", "w", encoding="utf-8") as key:
        for i, (article, start, end) in enumerate(picked, 1):
            before = article.text[max(0, start - 500):start].strip()
            before = before[before.find(" ") + 1:] if start > 500 else before
            blind.write(json.dumps({"n": i, "published": str(article.published), "context_before": before,
                                    "sentence": article.text[start:end]}, ensure_ascii=False) + "\n")
            key.write(json.dumps({"n": i, "article_id": article.id, "start": start, "end": end}) + "\n")
    print(f"{len(picked)} of {len(pool)} sentences ({len(articles)} articles) -> {out}", file=sys.stderr)
    return 0


def _read(path: Path) -> dict[int, dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["n"]: row for row in rows}


def our_tops(keys: dict[int, dict], inputs: list[str]) -> dict[int, dict | None]:
    """Our top event in each sampled sentence (None: no event): its root, its sides' countries and
    whether its target is named as a place (after a preposition of place, or resolved from one)."""
    from detente.evaluate import top_event
    from detente.pipeline import Pipeline
    from detente.places.gazetteer import load_config

    config = load_config()
    places = config.locative | config.destination | config.origin | config.circumstantial
    ids = {k["article_id"] for k in keys.values()}
    texts = {}
    mentions = collections.defaultdict(list)
    for coded in Pipeline().code_articles([a for a in _articles(inputs) if a.id in ids]):
        texts[coded.article.id] = coded.article.text
        for m in coded.mentions:
            mentions[m.article_id].append(m)
    ours: dict[int, dict | None] = {}
    for n, k in keys.items():
        top = top_event([m for m in mentions[k["article_id"]] if k["start"] <= m.coded_from < k["end"]])
        if top is None:
            ours[n] = None
            continue
        tgt = top.target
        before = texts.get(k["article_id"], "")[:tgt.char_start].split()[-1:] if tgt is not None else []
        ours[n] = {"root": top.cameo[:2], "cameo": top.cameo, "trigger": top.trigger,
                   "source": top.source.actor.country if top.source else None,
                   "target": tgt.actor.country if tgt else None,
                   "source_text": top.source.text if top.source else None, "target_text": tgt.text if tgt else None,
                   "target_place": tgt is not None and (tgt.basis == "place" or bool(before) and before[0].lower() in places)}
    return ours


def our_roots(keys: dict[int, dict], inputs: list[str]) -> dict[int, str | None]:
    """The root of the coder's top event in each sampled sentence (None: no event)."""
    return {n: (top["root"] if top else None) for n, top in our_tops(keys, inputs).items()}


SIDE_KINDS = ("right", "empty", "wrong", "extra", "place")


def side_verdict(gold: str | None, got: str | None, place: bool = False) -> str:
    """One side against the coders' agreed country: right (the same, or both none), empty (we name
    none where they name one), wrong (another country), extra (we name one where they name none);
    a target that is wrong or extra and named as a place is 'place'."""
    if got == gold:
        return "right"
    if got is None:
        return "empty"
    if place:
        return "place"
    return "extra" if gold is None else "wrong"


def sides_rows(coders: list[dict[int, dict]], ours: dict[int, dict | None]) -> dict[int, dict]:
    """Per item where every coder gives the same event root and our top event has it: the verdict on
    each side the coders agree on (None where they differ), swapped, and usable (both sides right)."""
    rows = {}
    for n in sorted(set.intersection(*(set(c) for c in coders))):
        labels = {c[n]["root"] if c[n]["event"] else None for c in coders}
        top = ours.get(n)
        if len(labels) != 1 or None in labels or top is None or top["root"] != next(iter(labels)):
            continue
        row: dict = {}
        for side in ("source", "target"):
            golds = {c[n].get(f"{side}_country") for c in coders}
            row[side] = side_verdict(next(iter(golds)), top[side], side == "target" and top.get("target_place", False)) \
                if len(golds) == 1 else None
            row[f"gold_{side}"] = next(iter(golds)) if len(golds) == 1 else "/".join(sorted(map(str, golds)))
            row[f"our_{side}"] = top[side]
        gs, gt = row["gold_source"], row["gold_target"]
        row["swapped"] = bool(row["source"] and row["target"] and gs and gt and gs != gt
                              and top["source"] == gt and top["target"] == gs)
        row["usable"] = row["source"] == "right" and row["target"] == "right" if row["source"] and row["target"] else None
        rows[n] = row
    return rows


def sides_tally(rows: dict[int, dict]) -> dict[str, object]:
    out: dict[str, object] = {"items": len(rows)}
    for side in ("source", "target"):
        kinds = collections.Counter(r[side] for r in rows.values() if r[side] is not None)
        out[side] = {k: kinds[k] for k in SIDE_KINDS} | {"scored": sum(kinds.values())}
    scored = [r for r in rows.values() if r["usable"] is not None]
    out["both_scored"] = len(scored)
    out["usable"] = sum(r["usable"] for r in scored)
    out["usable_share"] = round(out["usable"] / max(1, len(scored)), 3)
    out["swapped"] = sum(r["swapped"] for r in rows.values())
    return out


def agreement(coder: dict[int, dict], ours: dict[int, str | None]) -> dict[str, float | int]:
    items = sorted(coder)
    events = [n for n in items if coder[n]["event"]]
    same = [n for n in items if (ours[n] is None) == (not coder[n]["event"])]
    root = [n for n in same if ours[n] is None or ours[n] == coder[n]["root"]]
    on_events = [n for n in events if ours[n] == coder[n]["root"]]
    return {"items": len(items), "coder_events": len(events), "our_events": sum(ours[n] is not None for n in items),
            "event_vs_none": round(len(same) / len(items), 3), "root_all": round(len(root) / len(items), 3),
            "root_on_coder_events": round(len(on_events) / max(1, len(events)), 3)}


def _coders_agree(a: dict, b: dict) -> bool:
    return a["event"] == b["event"] and (not a["event"] or a["root"] == b["root"])


def majority(coders: list[dict[int, dict]]) -> dict[int, dict]:
    """Per item, the label (no event, or a root) more than half the coders gave; items without one left out."""
    out = {}
    for n in sorted(set.intersection(*(set(c) for c in coders))):
        labels = collections.Counter(c[n]["root"] if c[n]["event"] else None for c in coders)
        label, votes = labels.most_common(1)[0]
        if votes * 2 > len(coders):
            out[n] = {"n": n, "event": label is not None, "root": label}
    return out


def _majority_report(coders: list[dict[int, dict]], ours: dict[int, str | None]) -> dict[str, object]:
    items = sorted(set.intersection(*(set(c) for c in coders)))
    flags = {n: sum(bool(c[n]["event"]) for c in coders) * 2 > len(coders) for n in items}
    labelled = majority(coders)
    pairs = [(a, b) for i, a in enumerate(coders) for b in coders[i + 1:]]
    return {"items": len(items), "with_majority_label": len(labelled),
            "event_vs_none_majority_flag": round(sum((ours[n] is None) == (not flags[n]) for n in items) / len(items), 3),
            "against_majority_label": agreement(labelled, ours),
            "coders_pairwise_root_all": round(sum(sum(_coders_agree(a[n], b[n]) for n in items)
                                                  for a, b in pairs) / (len(pairs) * len(items)), 3)}


def score(folder: Path, answers: list[Path], inputs: list[str]) -> int:
    keys = _read(folder / "key.jsonl")
    coders = [_read(p) for p in answers]
    ours = our_roots(keys, inputs)
    report: dict[str, object] = {f"coder{i}": agreement(c, ours) for i, c in enumerate(coders, 1)}
    if len(coders) > 1:
        both = sorted(set.intersection(*(set(c) for c in coders)))
        report["coders_event_vs_none"] = round(sum(len({c[n]["event"] for c in coders}) == 1 for n in both) / len(both), 3)
        agreed = [n for n in both if all(_coders_agree(coders[0][n], c[n]) for c in coders[1:])]
        report["coders_root_all"] = round(len(agreed) / len(both), 3)
        report["where_coders_agree"] = agreement({n: coders[0][n] for n in agreed}, ours)
    if len(coders) > 2:
        report["majority"] = _majority_report(coders, ours)
    print(json.dumps(report, indent=1))
    return 0


def _folder(folder: Path) -> tuple[dict[int, dict], list[dict[int, dict]]]:
    return _read(folder / "key.jsonl"), [_read(p) for p in sorted(folder.glob("answers*.jsonl"))]


def pool_rows(coders: list[dict[int, dict]], ours: dict[int, str | None]) -> dict[int, tuple[bool, bool, bool]]:
    """Per item: (our event flag agrees with the majority's, the majority label is an event, our root is it)."""
    labelled = majority(coders)
    rows = {}
    for n in sorted(set.intersection(*(set(c) for c in coders))):
        flag = sum(bool(c[n]["event"]) for c in coders) * 2 > len(coders)
        label = labelled.get(n)
        rows[n] = ((ours[n] is None) == (not flag), bool(label and label["event"]),
                   bool(label and label["event"] and label["root"] == ours[n]))
    return rows


def verdict(labels: list[str | None], mine: str | None) -> str:
    """A development sheet's verdict on one item from the coders' labels (None: no event) and our root."""
    if len(set(labels)) != 1:
        return "disputed"
    if labels[0] is None:
        return "none" if mine is None else "false"
    return "miss" if mine is None else ("right" if mine == labels[0] else "wrong")


def pool(folders: list[Path], inputs: list[str], clean: Path | None) -> int:
    """Majority figures per folder and pooled, from one pipeline run over all folders' articles."""
    loaded = {f.name: _folder(f) for f in folders}
    keyed = {(name, n): k for name, (keys, _) in loaded.items() for n, k in keys.items()}
    ours = our_roots(keyed, inputs)
    dropped = {name[-2:]: set(ns) for name, ns in json.loads(clean.read_text()).items()} if clean else {}
    rows: dict[str, list[tuple[bool, bool, bool]]] = {"pooled": [], "pooled_clean": []}
    for name, (keys, coders) in loaded.items():
        for n, row in pool_rows(coders, {n: ours[(name, n)] for n in keys}).items():
            rows.setdefault(name, []).append(row)
            rows["pooled"].append(row)
            if n not in dropped.get(name[-2:], set()):
                rows["pooled_clean"].append(row)
    report = {}
    for name, rs in rows.items():
        events = sum(r[1] for r in rs)
        report[name] = {"items": len(rs), "event_vs_none": round(sum(r[0] for r in rs) / max(1, len(rs)), 3),
                        "majority_events": events, "root_on_events": round(sum(r[2] for r in rs) / max(1, events), 3)}
    print(json.dumps(report, indent=1))
    return 0


def sheet(folder: Path, inputs: list[str], skip: set[int], sides: bool = False) -> int:
    """A development sheet: each item's sentence, our root and the coders' labels; the tally where they agree.
    With ``sides``: on the items whose agreed root our top event has, its sides against the coders'."""
    keys, coders = _folder(folder)
    keys = {n: k for n, k in keys.items() if n not in skip}
    tops = our_tops(keys, inputs)
    ours = {n: (t["root"] if t else None) for n, t in tops.items()}
    texts = {a.id: a.text for a in _articles(inputs)}
    tally: collections.Counter[str] = collections.Counter()
    side_rows = sides_rows(coders, tops) if sides else {}
    for n, k in keys.items():
        labels = [c[n]["root"] if c[n]["event"] else None for c in coders if n in c]
        said = verdict(labels, ours[n])
        tally[said] += 1
        sentence = " ".join(texts[k["article_id"]][k["start"]:k["end"]].split())
        if not sides:
            print(f"{n}\t{said}\tours={ours[n]}\tcoders={labels}\t{sentence}")
        elif n in side_rows:
            r, t = side_rows[n], tops[n]
            print(f"{n}\t{ours[n]}\tsource={r['source']}({t['source_text']}={r['our_source']} vs {r['gold_source']})"
                  f"\ttarget={r['target']}({t['target_text']}={r['our_target']} vs {r['gold_target']})"
                  f"{chr(9) + 'swapped' if r['swapped'] else ''}\t{t['trigger']}\t{sentence}")
    agreed = tally["right"] + tally["wrong"] + tally["miss"] + tally["false"] + tally["none"]
    events = tally["right"] + tally["wrong"] + tally["miss"]
    print(json.dumps({**tally, "event_vs_none": round((agreed - tally["miss"] - tally["false"]) / max(1, agreed), 3),
                      "root_on_events": round(tally["right"] / max(1, events), 3)}))
    if sides:
        print(json.dumps({"sides": sides_tally(side_rows)}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("inputs", nargs="+")
    s.add_argument("--n", type=int, default=100)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("folder", type=Path)
    c.add_argument("answers", type=Path, nargs="+")
    c.add_argument("--input", action="append", required=True, help="the input(s) the sample was drawn from")
    p = sub.add_parser("pool")
    p.add_argument("folders", type=Path, nargs="+")
    p.add_argument("--input", action="append", required=True)
    p.add_argument("--clean", type=Path, default=None)
    h = sub.add_parser("sheet")
    h.add_argument("folder", type=Path)
    h.add_argument("--input", action="append", required=True)
    h.add_argument("--skip", default="", help="comma-separated items to leave out")
    h.add_argument("--sides", action="store_true", help="our top event's source and target countries against "
                   "the coders' on the items where they agree on the root and we have it")
    args = ap.parse_args()
    if args.cmd == "pool":
        return pool(args.folders, args.input, args.clean)
    if args.cmd == "sheet":
        return sheet(args.folder, args.input, {int(x) for x in args.skip.split(",") if x}, args.sides)
    if args.cmd == "sample":
        return sample(args.inputs, args.n, args.seed, args.out)
    return score(args.folder, args.answers, args.input)


if __name__ == "__main__":
    sys.exit(main())
