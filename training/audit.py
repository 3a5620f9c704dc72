"""Find annotation candidates to check by hand: where a writer may have left a codable event out.

    python -m training.audit stats                      # per train writer: the shares that drift
    python -m training.audit empty w12                  # the writer's sentences annotated []
    python -m training.audit unlabelled w12 [--lemma protest,talk]

``unlabelled`` lists the tokens a lexicon rule fires on that the training code turns into "none"
rows of the veto model (no annotated event on the token, on its head or children, or of the
rule's CAMEO root in the sentence), in sentences that have at least one annotated event: a
background clause left out shows up here. Only the train split is read; nothing is changed —
every candidate is judged by a person against ANNOTATION.md.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from detente.events.matcher import matches_for

from .corpus import Sentence, load_split
from .parse import lexicon, parsed
from .train import gold_tokens


MODIFIER_DEPS = frozenset({"acl", "relcl"})  # "the first country visited by", "who visited"


def fired_rows(sent: Sentence, doc: Doc) -> Iterator[tuple[Token, str, bool]]:
    """(token, the first fired rule's code, is it "none") for every token a rule fires on that
    ``train.examples`` makes a row of the veto model."""
    gold, roots, near = gold_tokens(sent, doc)
    for tok in doc:
        fired, _ = matches_for(tok, lexicon())
        if not fired:
            continue
        if tok.i in gold:
            yield tok, fired[0].rule.cameo, False
        elif tok.i not in near and not any(m.rule.cameo[:2] in roots for m in fired):
            yield tok, fired[0].rule.cameo, True


def stats(sents: list[Sentence]) -> list[str]:
    """Per writer: sentences, share annotated [], share of events in the background, share of
    non-asserted events, the share of fired rule tokens that become "none" rows, and the same
    share among those in a clause modifying a noun (dependency acl or relcl)."""
    by: dict[str, list[Sentence]] = {}
    for s in sents:
        by.setdefault(s.writer, []).append(s)
    fired_n: Counter[str] = Counter()
    none_n: Counter[str] = Counter()
    mod_n: Counter[str] = Counter()
    mod_none: Counter[str] = Counter()
    for sent, doc in parsed(sents):
        for tok, _, is_none in fired_rows(sent, doc):
            fired_n[sent.writer] += 1
            none_n[sent.writer] += is_none
            if tok.dep_ in MODIFIER_DEPS:
                mod_n[sent.writer] += 1
                mod_none[sent.writer] += is_none
    out = ["writer sentences empty background unasserted fired_none modifier_none"]
    for w, group in sorted(by.items()):
        evs = [ev for s in group for ev in s.events]
        n_ev = max(len(evs), 1)
        out.append(f"{w} {len(group)} {sum(not s.events for s in group) / len(group):.3f} "
                   f"{sum(ev.time == 'background' for ev in evs) / n_ev:.3f} "
                   f"{sum(ev.modality != 'asserted' for ev in evs) / n_ev:.3f} "
                   f"{none_n[w] / max(fired_n[w], 1):.3f} {mod_none[w] / max(mod_n[w], 1):.3f}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("stats", "empty", "unlabelled"))
    ap.add_argument("writers", nargs="?", default="", help="comma-separated train writers (default: all)")
    ap.add_argument("--lemma", default="", help="unlabelled: only these comma-separated lemmas")
    args = ap.parse_args(argv)
    wanted = {w for w in args.writers.split(",") if w}
    sents = [s for s in load_split("train") if not wanted or s.writer in wanted]
    if wanted - {s.writer for s in sents}:
        ap.error(f"not train writers: {sorted(wanted - {s.writer for s in sents})}")
    if args.what == "stats":
        print("\n".join(stats(sents)))
    elif args.what == "empty":
        for s in sents:
            if not s.events:
                print(s.id, s.published, s.text)
    else:
        lemmas = {w for w in args.lemma.split(",") if w}
        for sent, doc in parsed([s for s in sents if s.events]):
            rows = [f"{tok.text}/{code}" for tok, code, is_none in fired_rows(sent, doc)
                    if is_none and (not lemmas or tok.lemma_.lower() in lemmas)]
            if rows:
                print(sent.id, sent.text)
                print("   none:", " ".join(rows), "| annotated:",
                      " ".join(f"{sent.text[ev.trigger[0]:ev.trigger[1]]}:{ev.cameo}/{ev.time[0]}"
                                                 for ev in sent.events))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
