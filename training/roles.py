"""How often the coder finds the right actors for the events it finds, on the project's own corpus.

    python -m training.roles w01 w02 ...          # per writer and in total
    python -m training.roles develop|dev|articles  # the writer groups below
    python -m training.roles w01 --misses misses.jsonl   # the misses, for reading (train writers only)
    python -m training.roles w21 w22 w23 --whole   # whole-article writers coded article by article

For every gold ASSERTED event matched by a coded mention whose trigger falls inside the gold
trigger span (the matched event), it counts: source country right / empty / wrong, target
country right / empty / wrong (where the gold gives a country), a target where the gold names
none (extra), roles swapped (the two coded
countries are the gold's, turned round), and sector right (where the gold gives a sector); and
the share of matched events whose both sides are right (of those whose gold names a country on
both sides). The coded mention of a gold event is the first one at its trigger (the coder's
order: highest confidence first).

Sentences are coded by the whole pipeline (``Pipeline(Settings())``); the pipeline's parses
(with its sieve) are cached in ``training/.cache/roles-*.pkl`` keyed by the sentences and by the
files the parse depends on (the gazetteer's data, the nlp and sieve code): only the coding
stages run again after a change to the role finder or actor resolution. The test writer (w08)
is refused: its sentences are never coded here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from dataclasses import replace
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from detente.ingest import make_article
from detente.model import ActorMention, EventMention
from detente.nlp import parse
from detente.pipeline import Pipeline
from detente.settings import Settings

from .corpus import CORPUS, Ann, Sentence, cameo_codes, read_file

CACHE = Path(__file__).resolve().parent / ".cache"
SRC = Path(__file__).resolve().parent.parent / "src" / "detente"
# what a parse depends on besides the text: the gazetteer ruler's data, the sieve's words, the code
PARSE_INPUTS = ("nlp.py", "sieve.py", "actors/ruler.py", "data/kb", "data/countries_extra.yaml",
                "data/places.yaml", "data/sieve.yaml", "data/segmentation.yaml", "data/words/language.yaml")
GROUPS = {"develop": ("w01", "w02", "w03", "w04", "w05", "w06", "w09", "w10", "w11", "w12", "w13",
                      "w14", "w15", "w16"),
          "dev": ("w07",), "articles": ("w18", "w19", "w20", "w21", "w22", "w23")}
FORBIDDEN = frozenset({"w08"})  # the test split: never coded here
READABLE = frozenset(GROUPS["develop"]) | {"w21", "w22", "w23"}  # misses may be written out only for these
WHOLE = frozenset(GROUPS["articles"])  # whole-article writers: with --whole, coded article by article


def writer_sentences(writer: str) -> list[Sentence]:
    if writer in FORBIDDEN:
        raise SystemExit(f"{writer} is the test split: not coded here")
    codes = cameo_codes()
    out: list[Sentence] = []
    for path in sorted((CORPUS / writer).glob("batch_*.jsonl")):
        out.extend(read_file(path, codes)[0])
    return out


def _inputs_key() -> str:
    h = hashlib.sha1()
    for rel in PARSE_INPUTS:
        path = SRC / rel
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                h.update(str(f.relative_to(SRC)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def coded(pipe: Pipeline, sents: Sequence[Sentence], reparse: bool = False) -> list[tuple[Sentence, list[EventMention]]]:
    """Each sentence with the mentions the pipeline codes for it."""
    docs, arts = parsed_docs(pipe, sents, reparse)
    return [(s, list(pipe.code_doc(doc, art).mentions)) for s, doc, art in zip(sents, docs, arts)]


def parsed_docs(pipe: Pipeline, sents: Sequence[Sentence], reparse: bool = False) -> tuple[list, list]:
    """The pipeline's parses of the sentences (cached) and their articles."""
    arts = [make_article(s.id, s.text, published=s.published) for s in sents]
    key = hashlib.sha1(("\n".join(s.text for s in sents) + _inputs_key()).encode()).hexdigest()[:16]
    path = CACHE / f"roles-{key}.pkl"
    if path.exists() and not reparse:
        docs = pickle.loads(path.read_bytes())
    else:
        items = ((a.text, a) for a in arts)
        docs = [doc for doc, _ in parse(pipe.nlp, items, pipe.settings.batch_size, 1, pipe.sieve)]
        CACHE.mkdir(exist_ok=True)
        path.write_bytes(pickle.dumps(docs))
    return docs, arts


def coded_articles(pipe: Pipeline, sents: Sequence[Sentence],
                   reparse: bool = False) -> list[tuple[Sentence, list[EventMention]]]:
    """Each sentence with the mentions the pipeline codes for it when its whole article is coded
    at once (sentences joined by blank lines, in file order; an article starts at a headline, a new
    publication date or a new group of ids; a headline, which has
    no full stop to end it, is coded on its own), so that the coder may use what earlier sentences name;
    trigger offsets are the sentence's."""
    arts: list[list[Sentence]] = []
    for s in sents:  # a file's group (w23-039) may hold several articles: a headline or a new date starts one
        prev = arts[-1][-1] if arts else None
        if prev is None or s.id.rsplit("-", 1)[0] != prev.id.rsplit("-", 1)[0] or "headline" in (s.style, prev.style) \
                or s.published != prev.published:  # a headline (no full stop) is coded on its own
            arts.append([])
        arts[-1].append(s)
    joined = [(group[0].id, "\n\n".join(s.text for s in group), group) for group in arts]
    pseudo = [Sentence(id=aid, text=text, published=group[0].published, style=group[0].style)
              for aid, text, group in joined]
    out: list[tuple[Sentence, list[EventMention]]] = []
    for (_, _, group), (_, mentions) in zip(joined, coded(pipe, pseudo, reparse)):
        off = 0
        for s in group:
            end = off + len(s.text)
            out.append((s, [replace(m, trigger_char=m.trigger_char - off, clause_char=m.clause_char - off if m.clause_char >= 0 else -1)
                            for m in mentions
                            if off <= m.coded_from < end]))
            off = end + 2
    return out


def _country(m: ActorMention | None) -> str | None:
    return m.actor.country if m is not None else None


def _side(gold: str | None, got: str | None) -> str | None:
    if gold is None:
        return None
    if got is None:
        return "empty"
    return "right" if got == gold else "wrong"


def judge(s: Sentence, ann: Ann, m: EventMention) -> dict:
    """The verdicts on one matched event."""
    src, tgt = _country(m.source), _country(m.target)
    out: dict = {"source": _side(ann.source_country, src), "target": _side(ann.target_country, tgt)}
    out["swapped"] = bool(ann.source_country and ann.target_country and ann.source_country != ann.target_country
                          and src == ann.target_country and tgt == ann.source_country)
    for role, gold, got in (("source", ann.source_sector, m.source), ("target", ann.target_sector, m.target)):
        if gold is not None:
            out[f"{role}_sector"] = "right" if got is not None and got.actor.sector == gold else "wrong"
    if ann.source_country and ann.target_country:
        out["both"] = out["source"] == "right" and out["target"] == "right"
    return out


def measure(pairs: Iterable[tuple[Sentence, list[EventMention]]], misses: list[dict] | None = None) -> Counter:
    c: Counter = Counter()
    for s, mentions in pairs:
        for ann in s.events:
            if ann.modality != "asserted":
                continue
            c["gold"] += 1
            hit = [m for m in mentions if ann.trigger[0] <= m.coded_from < ann.trigger[1]]
            if not hit:
                continue
            c["matched"] += 1
            v = judge(s, ann, hit[0])
            for role in ("source", "target"):
                if v[role] is not None:
                    c[f"{role}_{v[role]}"] += 1
                if f"{role}_sector" in v:
                    c[f"{role}_sector_{v[f'{role}_sector']}"] += 1
            c["swapped"] += v["swapped"]
            if "both" in v:
                c["both_gold"] += 1
                c["both_right"] += v["both"]
            extra = ann.target is None and hit[0].target is not None
            c["target_extra"] += extra  # a target where the gold names none
            if misses is not None and (v["source"] in ("empty", "wrong") or v["target"] in ("empty", "wrong") or extra):
                m = hit[0]
                misses.append({"id": s.id, "text": s.text, "trigger": s.text[ann.trigger[0]:ann.trigger[1]],
                               "cameo": ann.cameo, "got_cameo": m.cameo, "rule": m.rule,
                               "gold_source": _span(s, ann.source), "gold_sc": ann.source_country,
                               "gold_target": _span(s, ann.target), "gold_tc": ann.target_country,
                               "got_source": m.source.text if m.source else None, "got_sc": _country(m.source),
                               "got_target": m.target.text if m.target else None, "got_tc": _country(m.target),
                               "got_ss": m.source.actor.sector if m.source else None,
                               "got_ts": m.target.actor.sector if m.target else None,
                               **{k: v[k] for k in ("source", "target", "swapped")}, "extra": extra})
    return c


def _span(s: Sentence, span: tuple[int, int] | None) -> str | None:
    return s.text[span[0]:span[1]] if span else None


def summary(c: Counter) -> dict:
    def share(a: str, *b: str) -> float | None:
        d = sum(c[x] for x in b)
        return round(c[a] / d, 3) if d else None

    out = {"gold_asserted": c["gold"], "matched": c["matched"]}
    for role in ("source", "target"):
        keys = (f"{role}_right", f"{role}_empty", f"{role}_wrong")
        out[role] = {k.split("_")[1]: c[k] for k in keys} | {"share_right": share(keys[0], *keys)}
        sk = (f"{role}_sector_right", f"{role}_sector_wrong")
        out[f"{role}_sector"] = share(sk[0], *sk)
    out["target"]["extra"] = c["target_extra"]
    out["swapped"] = c["swapped"]
    out["both_right"] = share("both_right", "both_gold")
    out["both_gold"] = c["both_gold"]
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("writers", nargs="+", help="writers (w01 ...) or groups: " + ", ".join(GROUPS))
    ap.add_argument("--misses", type=Path, help="write the misses (train writers only)")
    ap.add_argument("--reparse", action="store_true")
    ap.add_argument("--brief", action="store_true", help="one line per writer")
    ap.add_argument("--whole", action="store_true",
                    help="code the whole-article writers (" + " ".join(sorted(WHOLE)) + ") article by article")
    args = ap.parse_args(argv)
    writers = [w for x in args.writers for w in GROUPS.get(x, (x,))]
    if args.misses and not set(writers) <= READABLE:
        raise SystemExit("misses are written only for the develop writers: " + " ".join(sorted(READABLE)))
    pipe = Pipeline(Settings())
    total: Counter = Counter()
    misses: list[dict] | None = [] if args.misses else None
    report = {}
    for w in writers:
        code = coded_articles if args.whole and w in WHOLE else coded
        c = measure(code(pipe, writer_sentences(w), args.reparse), misses)
        total += c
        report[w] = summary(c)
    report["total"] = summary(total)
    for k, v in report.items():
        if args.brief:
            print(f"{k:6} matched {v['matched']:5}  src {v['source']['share_right']}  {v['source']}  "
                  f"tgt {v['target']['share_right']}  {v['target']}  both {v['both_right']}  "
                  f"swap {v['swapped']}  sect {v['source_sector']}/{v['target_sector']}")
        else:
            print(k, json.dumps(v))
    if args.misses and misses is not None:
        args.misses.write_text("".join(json.dumps(m) + "\n" for m in misses), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
