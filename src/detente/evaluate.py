"""Score the coder against PLOVER gold-standard records (``detente eval GOLD.json``).

Each gold record is one sentence with one human-coded event: a PLOVER 0.5 category (AGREE ...
FIGHT), source and target actors (country/organisation code and sector). Each record's text is
coded with its date; the *top event* is the asserted event with the highest confidence (when
none is asserted, the intended one with the highest confidence: a CAMEO 03x/13x intent code is
itself the coded event). Measured:

- event-type accuracy: the top event's CAMEO code mapped to the PLOVER 0.5 category
  (03 AGREE, 04 CONSULT, 05 SUPPORT, ..., 19-20 FIGHT; 057 counts as AGREE or SUPPORT);
- category recall: the gold category is among the categories of all events of the record;
- source / target accuracy: the top event's source (target) country is one of the gold ones
  (for a reciprocal gold event, "SRC/TAR", either order); records without a gold target are
  left out of the target figure;
- sector accuracy: the sector of the matched actor equals the gold sector (records whose gold
  actors carry a sector);
- a per-category table (precision, recall, F1) and the confusions (gold -> predicted, count).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, IO

from .errors import GoldFileError
from .policy import cameo_policy
from .model import ActorMention, EventMention

if TYPE_CHECKING:
    from .events.ontology import Ontology
    from .pipeline import Pipeline

OLD_CODES = cameo_policy().old_codes  # data/policy.yaml, "evaluation"
NONSTATE_SECTORS = cameo_policy().nonstate_sectors
CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
              "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT")
_ROOT_CATEGORY = cameo_policy().root_category

CodeFn = Callable[[str, str | None], Sequence[EventMention]]


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str | None
    sector: str | None


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    event: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    reciprocal: bool


@dataclass
class RecordResult:
    """One gold record and what the coder made of it."""

    id: str
    text: str
    gold: str
    gold_sources: list[str]
    gold_targets: list[str]
    predicted: str | None = None
    cameo: str | None = None
    rule: str | None = None
    trigger: str | None = None
    modality: str | None = None
    confidence: float | None = None
    source: str | None = None
    target: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    categories: list[str] = field(default_factory=list)
    type_ok: bool = False
    recall_ok: bool = False
    source_ok: bool | None = None
    target_ok: bool | None = None
    sector_ok: bool | None = None
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class CategoryRow:
    category: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    """The scores of one evaluation run, with every record's result."""

    gold_path: str
    records: list[RecordResult]
    per_category: list[CategoryRow]
    confusion: list[tuple[str, str, int]]

    @staticmethod
    def _share(flags: Iterable[bool | None]) -> tuple[float, int]:
        vals = [f for f in flags if f is not None]
        return (sum(vals) / len(vals) if vals else 0.0), len(vals)

    @property
    def n(self) -> int:
        return len(self.records)

    @property
    def event_type_accuracy(self) -> float:
        return self._share(r.type_ok for r in self.records)[0]

    @property
    def category_recall(self) -> float:
        return self._share(r.recall_ok for r in self.records)[0]

    @property
    def source_accuracy(self) -> float:
        return self._share(r.source_ok for r in self.records)[0]

    @property
    def target_accuracy(self) -> float:
        return self._share(r.target_ok for r in self.records)[0]

    @property
    def sector_accuracy(self) -> float:
        return self._share(r.sector_ok for r in self.records)[0]

    def summary(self) -> dict[str, Any]:
        return {
            "records": self.n,
            "event_type_accuracy": round(self.event_type_accuracy, 4),
            "category_recall": round(self.category_recall, 4),
            "source_accuracy": round(self.source_accuracy, 4),
            "source_n": self._share(r.source_ok for r in self.records)[1],
            "target_accuracy": round(self.target_accuracy, 4),
            "target_n": self._share(r.target_ok for r in self.records)[1],
            "sector_accuracy": round(self.sector_accuracy, 4),
            "sector_n": self._share(r.sector_ok for r in self.records)[1],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            **self.summary(),
            "per_category": [{**asdict(row), "precision": round(row.precision, 3), "recall": round(row.recall, 3),
                              "f1": round(row.f1, 3)} for row in self.per_category],
            "confusion": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.confusion],
        }

    def write_records(self, path: str | Path | IO[str]) -> None:
        """Per-record results as JSON Lines, for error analysis (to a file, or an open stream)."""
        if not isinstance(path, (str, Path)):
            for rec in self.records:
                path.write(json.dumps(asdict(rec), ensure_ascii=False) + "\n")
            return
        with Path(path).open("w", encoding="utf-8") as fh:
            self.write_records(fh)


# -- reading the gold file --------------------------------------------------------------------
def normalize_code(code: Any) -> str | None:
    """Gold actor codes as detente writes them: ISO3, IGO, NGO, IMG (old CAMEO codes mapped)."""
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    return OLD_CODES.get(code, code)


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for item in value:
        if isinstance(item, dict):
            sector = item.get("sector")
            sector = sector[:3].upper() if isinstance(sector, str) and sector[:3].isalpha() else None
            out.append(GoldActor(str(item.get("actorText", "")), normalize_code(item.get("code")), sector))
    return tuple(out)


def read_gold(path: str | Path) -> list[GoldRecord]:
    """PLOVER gold-standard records (a JSON list; ``target`` may be missing, "" or a list)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot read gold records: {exc}") from exc
    if not isinstance(data, list):
        raise GoldFileError(f"{path}: expected a JSON list of records")
    records = []
    for i, raw in enumerate(data):
        if not isinstance(raw, dict) or not raw.get("text") or not raw.get("event"):
            raise GoldFileError(f"{path}: record {i} has no text or event")
        markup = str((raw.get("textInfo") or {}).get("markup", ""))
        records.append(GoldRecord(
            id=str(raw.get("id", i)), text=str(raw["text"]), date=raw.get("date"), event=str(raw["event"]).upper(),
            sources=_actors(raw.get("source")), targets=_actors(raw.get("target")),
            reciprocal="SRC/TAR" in markup or "TAR/SRC" in markup))
    return records


# -- scoring ----------------------------------------------------------------------------------
def category_of(code: str, ontology: Ontology | None = None) -> str | None:
    """The PLOVER 0.5 category of a CAMEO code (the ontology's when it has one)."""
    lookup = getattr(ontology, "plover_category", None)
    if lookup is not None:
        found = lookup(code)
        if found is not None or getattr(ontology, "is_code", lambda c: False)(code):
            return found
    if code[:2] == "08":
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    return _ROOT_CATEGORY.get(code[:2])


def _matches(code: str, category: str | None, gold: str) -> bool:
    if code.startswith("057"):
        return gold in ("AGREE", "SUPPORT")
    return category == gold


def actor_code(m: ActorMention | None) -> str | None:
    """An actor as a gold code: its country, else NGO / IMG for non-state bodies."""
    if m is None:
        return None
    if m.actor.country:
        return m.actor.country
    return NONSTATE_SECTORS.get(m.actor.sector or "")


def top_event(mentions: Sequence[EventMention]) -> EventMention | None:
    """The asserted mention with the highest confidence. An intention coded with CAMEO's intent
    or threat codes (03x, 13x: the expressed intent is itself the event) competes with the
    asserted ones; other intentions count only when nothing is asserted."""
    leading = cameo_policy().speech_act_roots
    pools = ([m for m in mentions if m.modality == "asserted" or (m.modality == "intended" and m.cameo[:2] in leading)],
             [m for m in mentions if m.modality == "intended"])
    for pool in pools:
        if pool:
            return max(pool, key=lambda m: (m.confidence, -m.trigger_char))
    return None


def _gold_roles(rec: GoldRecord) -> tuple[list[GoldActor], list[GoldActor]]:
    sources = list(rec.sources)
    targets = list(rec.targets)
    if not targets and rec.reciprocal and len(sources) >= 2:
        targets = sources
    return sources, targets


def score_record(rec: GoldRecord, mentions: Sequence[EventMention], ontology: Ontology | None = None) -> RecordResult:
    sources, targets = _gold_roles(rec)
    res = RecordResult(id=rec.id, text=rec.text, gold=rec.event,
                       gold_sources=[a.code or "-" for a in sources], gold_targets=[a.code or "-" for a in targets])
    res.categories = sorted({c for m in mentions if (c := category_of(m.cameo, ontology))})
    res.recall_ok = any(_matches(m.cameo, category_of(m.cameo, ontology), rec.event) for m in mentions)
    res.events = [{"cameo": m.cameo, "rule": m.rule, "trigger": m.trigger, "modality": m.modality,
                   "confidence": m.confidence, "source": actor_code(m.source), "target": actor_code(m.target)}
                  for m in mentions]
    top = top_event(mentions)
    src_codes = {a.code for a in sources if a.code}
    tgt_codes = {a.code for a in targets if a.code}
    if src_codes:
        res.source_ok = False
    if tgt_codes:
        res.target_ok = False
    if top is None:
        return res
    cat = category_of(top.cameo, ontology)
    if top.cameo.startswith("057") and rec.event in ("AGREE", "SUPPORT"):
        cat = rec.event  # a formal agreement is AGREE or SUPPORT in PLOVER 0.5
    res.predicted, res.cameo, res.rule, res.trigger = cat, top.cameo, top.rule, top.trigger
    res.modality, res.confidence = top.modality, top.confidence
    res.source, res.target = actor_code(top.source), actor_code(top.target)
    res.source_sector = top.source.actor.sector if top.source else None
    res.target_sector = top.target.actor.sector if top.target else None
    res.type_ok = _matches(top.cameo, cat, rec.event)
    if rec.reciprocal and src_codes and not rec.targets:
        res.source_ok = res.source in src_codes
        res.target_ok = res.target in src_codes
    else:
        if src_codes:
            res.source_ok = res.source in src_codes
        if tgt_codes:
            res.target_ok = res.target in tgt_codes
    res.sector_ok = _sector_ok(sources, targets, res)
    return res


def _sector_ok(sources: list[GoldActor], targets: list[GoldActor], res: RecordResult) -> bool | None:
    checks = []
    for gold, code, sector in ((sources, res.source, res.source_sector), (targets, res.target, res.target_sector)):
        wanted = {a.sector for a in gold if a.sector and (a.code == code or len(gold) == 1)}
        if wanted:
            checks.append(sector in wanted)
    return all(checks) if checks else None


def _tables(results: list[RecordResult]) -> tuple[list[CategoryRow], list[tuple[str, str, int]]]:
    gold = Counter(r.gold for r in results)
    predicted = Counter(r.predicted or "NONE" for r in results)
    correct = Counter(r.gold for r in results if r.type_ok)
    cats = [c for c in CATEGORIES if gold[c] or predicted[c]]
    cats += sorted(set(gold) - set(CATEGORIES))
    rows = [CategoryRow(c, gold[c], predicted[c], correct[c]) for c in cats]
    confusion = Counter((r.gold, r.predicted or "NONE") for r in results if not r.type_ok)
    return rows, sorted(((g, p, n) for (g, p), n in confusion.items()), key=lambda x: (-x[2], x[0], x[1]))


def evaluate(gold_path: str | Path, pipeline: Pipeline | None = None, limit: int | None = None) -> EvalReport:
    """Code every gold record's text with its date and score the results.

    ``pipeline`` is a ``detente.pipeline.Pipeline`` (a default one is built when omitted).
    """
    import dataclasses

    from .ingest import make_article

    records = read_gold(gold_path)[:limit]
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline()
    ontology = pipeline.resources.ontology
    # a gold record is one sentence: coded as it is, without page-furniture cleaning
    articles = [dataclasses.replace(make_article(rec.id, rec.text, published=rec.date), body=rec.text)
                for rec in records]
    results = []
    for rec, coded in zip(records, pipeline.code_articles(articles)):
        results.append(score_record(rec, coded.mentions, ontology))
    rows, confusion = _tables(results)
    return EvalReport(gold_path=str(gold_path), records=results, per_category=rows, confusion=confusion)
