"""The event trigger lexicon: rules keyed by lemma, with dependency constraints, as package data.

The data lives in ``detente/data/lexicon/*.yaml``:

- ``classes.yaml``  named word lists (``$agreement``, ``$support_verb`` ...) that rules refer to;
- ``contexts.yaml`` PLOVER contexts and the words that signal them;
- ``modality.yaml`` auxiliaries and predicates that make an event negated, hypothetical,
  intended or reported;
- ``derive.yaml``   CAMEO's parallel families: how an embedded event's code becomes an intent
  (03x), appeal (02x), demand (10x), rejection (12x) or threat (13x) code;
- ``NN_*.yaml``     the trigger rules, one file per CAMEO root.
- ``senses_counted.yaml`` trigger rules of several roots for frames counted over the train writers
  (each rule's counts in its comment).

A rule (see ``Rule``) names a trigger lemma and part of speech, a CAMEO code, optional
constraints on the trigger's dependents (object, particle, preposition, complement, modifier)
and the *slots* where its source and target actors are looked for (see ``roles.py``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import DataFileError

if TYPE_CHECKING:
    from .ontology import Ontology

POS = ("verb", "noun", "adj")
DEFAULT_SLOTS = {
    "verb": {
        "source": ("subj",),
        "target": ("dobj", "dative", "prep:against", "prep:with", "prep:to", "prep:on", "prep:at",
                   "prep:toward", "prep:towards", "prep:into", "prep:from"),
    },
    "noun": {
        "source": ("poss", "mod", "prep:by", "prep:from", "governor"),
        "target": ("prep:against", "prep:with", "prep:to", "prep:on", "prep:toward", "prep:towards",
                   "prep:at", "prep:into", "prep:over", "prep:of", "governor:target"),
    },
    "adj": {
        "source": ("subj",),
        "target": ("prep:to", "prep:of", "prep:with", "prep:against", "prep:toward", "prep:towards"),
    },
}
SLOT_STEPS = re.compile(
    r"^(subj|dobj|dative|poss|mod|governor|governor:target|comp|comp:subj|comp:dobj|head|between|clause|advcl|"
    r"acl|agent|cond|prep:[a-z]+|self)$"
)
CONSTRAINT_FIELDS = ("object", "particle", "prep", "prep_object", "comp", "comp_aux", "modifier", "subject",
                     "governor", "exclude_object", "exclude_modifier", "exclude_prep", "exclude_prep_object", "exclude_comp",
                     "exclude_subject", "exclude_governor", "exclude_dep", "require_dep")
DERIVE_FAMILIES = ("intent", "appeal", "demand", "reject", "threaten", "armed_group")
MODALITY_KEYS = ("negators", "negating_predicates", "hypothetical_aux", "hypothetical_predicates",
                 "hypothetical_marks", "intended_aux", "intended_predicates", "reported_predicates",
                 "say_verbs", "factive_predicates", "reported_nouns", "unrealized_modifiers",
                 "future_time_words", "future_aux", "possible_aux", "announcement_nouns")


@dataclass(frozen=True)
class Rule:
    """One trigger pattern. Lists of lemmas have word classes (``$name``) already expanded."""

    id: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    object: tuple[str, ...] = ()
    particle: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    prep_object: tuple[str, ...] = ()
    comp: tuple[str, ...] = ()
    comp_aux: tuple[str, ...] = ()  # the complement must carry one of these auxiliaries ("must")
    modifier: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    governor: tuple[str, ...] = ()
    exclude_object: tuple[str, ...] = ()
    exclude_modifier: tuple[str, ...] = ()
    exclude_prep: tuple[str, ...] = ()
    exclude_prep_object: tuple[str, ...] = ()  # no preposition of the trigger may have one of these objects
    exclude_comp: tuple[str, ...] = ()
    exclude_subject: tuple[str, ...] = ()
    exclude_governor: tuple[str, ...] = ()
    exclude_dep: tuple[str, ...] = ()  # dependency labels (``dep`` or ``dep/pos|pos``) the trigger's children must not have
    require_dep: tuple[str, ...] = ()  # ... of which the trigger must have one ("called X a traitor": ``oprd``)
    require: tuple[str, ...] = ()  # "source" and/or "target": fire only when that actor is found
    source_sectors: tuple[str, ...] = ()  # fire only when a source of one of these sectors is found
    derive: str | None = None  # a family of derive.yaml (code from the embedded event), or "causative"
    embeds: str | None = None  # modality given to events embedded in this trigger's complement
    passive: str | None = None  # "only" or "never": voice constraint
    reciprocal: bool = False  # conjoined / "between" actors are each other's counterpart
    contexts: tuple[str, ...] = ()
    confidence: float = 0.6
    file: str = ""

    @property
    def specificity(self) -> int:
        """How many positive constraints the rule states (more specific rules win on a tie)."""
        return sum(bool(getattr(self, name)) for name in
                   ("object", "particle", "prep", "prep_object", "comp", "comp_aux", "modifier", "subject",
                  "governor"))


@dataclass(frozen=True)
class Lexicon:
    """All trigger rules, indexed by lemma, with the word classes and tables they use."""

    rules: tuple[Rule, ...]
    classes: Mapping[str, frozenset[str]]
    contexts: Mapping[str, frozenset[str]]
    modality: Mapping[str, frozenset[str]]
    derive: Mapping[str, Mapping[str, str]]
    version: str = ""
    by_lemma: Mapping[str, tuple[Rule, ...]] = field(default_factory=dict)
    # matcher.rule_tokens' answers by (form, lemma) string hash, kept across Docs (bounded there)
    key_memo: dict[tuple[int, int], bool] = field(default_factory=dict, compare=False, repr=False)
    # tables other stages derive from the lexicon, made once per lexicon by name (``derived_once``)
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def rules_for(self, lemma: str) -> tuple[Rule, ...]:
        return self.by_lemma.get(lemma, ())

    def words(self, name: str) -> frozenset[str]:
        """A word class by name (without the ``$``); empty when unknown."""
        return self.classes.get(name, frozenset())

    def derived_once(self, name: str, build: Callable[[Lexicon], Any]) -> Any:
        """The table ``build`` makes from this lexicon, made on the first call for ``name`` and kept."""
        if name not in self.derived:
            self.derived[name] = build(self)
        return self.derived[name]

    def derived_code(self, family: str, code: str) -> str | None:
        """The code of ``family`` (intent, threaten, ...) parallel to ``code``: longest prefix wins."""
        table = self.derive.get(family, {})
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def _expand(words: Iterable[str], classes: Mapping[str, frozenset[str]], where: str) -> tuple[str, ...]:
    out: list[str] = []
    for w in words:
        if w.startswith("$"):
            name = w[1:]
            if name not in classes:
                raise DataFileError(where, f"unknown word class {w!r}")
            out.extend(sorted(classes[name]))
        else:
            out.append(w)
    return tuple(dict.fromkeys(out))


class _LexiconLoader(yaml.SafeLoader):
    """YAML 1.2 booleans only: ``on``, ``off``, ``yes``, ``no`` stay words (they are prepositions
    and particles here)."""


_LexiconLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _read_yaml(path: Path | Any, name: str) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LexiconLoader)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(name, f"cannot read YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(name, "expected a mapping at the top level")
    return data


def _word_table(data: Any, name: str, key: str) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict):
        raise DataFileError(name, f"{key!r} must be a mapping of names to word lists")
    table = {}
    for k, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataFileError(name, f"{key}.{k} must be a list of strings")
        table[str(k)] = frozenset(words)
    return table


def _make_rule(raw: Mapping[str, Any], classes: Mapping[str, frozenset[str]], name: str) -> Rule:
    where = f"{name}: rule {raw.get('id', '?')!r}"
    unknown = set(raw) - {f for f in Rule.__dataclass_fields__ if f not in ("lemmas", "file")} - {"lemma", "note"}
    if unknown:
        raise DataFileError(where, f"unknown field(s) {sorted(unknown)}")
    for key in ("id", "lemma", "pos", "cameo"):
        if key not in raw:
            raise DataFileError(where, f"missing {key!r}")
    pos = str(raw["pos"])
    if pos not in POS:
        raise DataFileError(where, f"pos must be one of {POS}, got {pos!r}")
    cameo = raw["cameo"]
    if not isinstance(cameo, str):
        raise DataFileError(where, f"cameo must be a quoted string, got {cameo!r}")
    kwargs: dict[str, Any] = {}
    for key in CONSTRAINT_FIELDS:
        if key in raw:
            kwargs[key] = _expand(_as_tuple(raw[key]), classes, where)
    for key in ("derive", "embeds", "passive"):
        if raw.get(key) is not None:
            kwargs[key] = str(raw[key])
    return Rule(
        id=str(raw["id"]),
        lemmas=_expand(_as_tuple(raw["lemma"]), classes, where),
        pos=pos,
        cameo=cameo,
        source=_as_tuple(raw.get("source")) or DEFAULT_SLOTS[pos]["source"],
        target=_as_tuple(raw.get("target")) or DEFAULT_SLOTS[pos]["target"],
        require=_as_tuple(raw.get("require")),
        source_sectors=_as_tuple(raw.get("source_sectors")),
        reciprocal=bool(raw.get("reciprocal", False)),
        contexts=_as_tuple(raw.get("contexts")),
        confidence=float(raw.get("confidence", 0.6)),
        file=name,
        **kwargs,
    )


def _index(rules: Iterable[Rule]) -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        for lemma in rule.lemmas:
            for key in dict.fromkeys((lemma, lemma.replace("-", ""))):  # "sit-in" is split by the tokenizer
                index.setdefault(key, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def _lexicon_files(extra: tuple[str, ...]) -> list[tuple[str, Any]]:
    root = importlib_resources.files("detente") / "data" / "lexicon"
    files = [(p.name, p) for p in sorted(root.iterdir(), key=lambda p: p.name) if p.name.endswith(".yaml")]
    files += [(str(p), Path(p)) for p in extra]
    return files


def build_lexicon(documents: Iterable[tuple[str, Mapping[str, Any]]]) -> Lexicon:
    """A Lexicon from parsed YAML documents ``(name, data)``; raises DataFileError on bad data."""
    docs = list(documents)
    classes: dict[str, frozenset[str]] = {}
    contexts: dict[str, frozenset[str]] = {}
    modality: dict[str, frozenset[str]] = {}
    derive: dict[str, dict[str, str]] = {}
    version = ""
    for name, data in docs:
        classes.update(_word_table(data.get("classes", {}), name, "classes"))
        contexts.update(_word_table(data.get("contexts", {}), name, "contexts"))
        modality.update(_word_table(data.get("modality", {}), name, "modality"))
        for family, table in (data.get("derive") or {}).items():
            if not isinstance(table, dict):
                raise DataFileError(name, f"derive.{family} must map codes to codes")
            derive.setdefault(str(family), {}).update({str(k): str(v) for k, v in table.items()})
        version = str(data.get("version", version))
    rules: list[Rule] = []
    for name, data in docs:
        raw_rules = data.get("rules", [])
        if not isinstance(raw_rules, list):
            raise DataFileError(name, "'rules' must be a list")
        rules.extend(_make_rule(raw, classes, name) for raw in raw_rules)
    return Lexicon(rules=tuple(rules), classes=classes, contexts=contexts, modality=modality,
                   derive=derive, version=version, by_lemma=_index(rules))


@lru_cache(maxsize=4)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Load and validate the packaged lexicon (plus user files that add rules or classes)."""
    docs = [(name, _read_yaml(path, name)) for name, path in _lexicon_files(extra_files)]
    lexicon = build_lexicon(docs)
    problems = validate_lexicon(lexicon)
    if problems:
        raise DataFileError("detente/data/lexicon", "; ".join(problems[:10]))
    return lexicon


def validate_lexicon(lexicon: Lexicon, ontology: Ontology | None = None) -> list[str]:
    """Every invariant of the lexicon; returns the problems found (empty when valid).

    With an ontology, every CAMEO code (of rules and of the derive tables) must exist in it.
    """
    problems: list[str] = []
    seen: set[str] = set()
    for rule in lexicon.rules:
        where = f"{rule.file}:{rule.id}"
        if rule.id in seen:
            problems.append(f"{where}: duplicate rule id")
        seen.add(rule.id)
        problems.extend(f"{where}: {p}" for p in _rule_problems(rule, lexicon))
    for family, table in lexicon.derive.items():
        if family not in DERIVE_FAMILIES:
            problems.append(f"derive: unknown family {family!r}")
        for k, v in table.items():
            if not (re.fullmatch(r"\d{2,4}", k) and re.fullmatch(r"\d{3,4}", v)):
                problems.append(f"derive.{family}: bad code pair {k!r} -> {v!r}")
    missing = sorted(set(MODALITY_KEYS) - set(lexicon.modality))
    if missing:
        problems.append(f"modality: missing word list(s) {missing}")
    for table_name, words_by_key in (("classes", lexicon.classes), ("contexts", lexicon.contexts),
                                     ("modality", lexicon.modality)):
        for key, words in words_by_key.items():
            bad = sorted(w for w in words if w != w.lower() or not w.strip())
            if bad:
                problems.append(f"{table_name}.{key}: words must be lowercase and non-empty: {bad[:5]}")
    if ontology is not None:
        problems.extend(_ontology_problems(lexicon, ontology))
    return problems


def _rule_problems(rule: Rule, lexicon: Lexicon) -> list[str]:
    out = []
    if not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*(#\d+)?", rule.id):
        out.append("rule id must be lowercase words joined by '.' or '_' (optionally '#n')")
    if not re.fullmatch(r"\d{3,4}", rule.cameo) or not "01" <= rule.cameo[:2] <= "20":
        out.append(f"cameo {rule.cameo!r} is not a 3- or 4-digit CAMEO code of roots 01-20")
    for name in ("lemmas",) + CONSTRAINT_FIELDS:
        words = getattr(rule, name)
        if any(w != w.lower() or not w or " " in w for w in words):
            out.append(f"{name} must be lowercase single words: {list(words)}")
    if not rule.lemmas:
        out.append("no lemma")
    for slot in rule.source + rule.target:
        for step in slot.split("/"):
            if not SLOT_STEPS.match(step):
                out.append(f"unknown slot step {step!r}")
    if any(r not in ("source", "target") for r in rule.require):
        out.append(f"require must list 'source'/'target', got {list(rule.require)}")
    if any(not re.fullmatch(r"[A-Z]{3}", sec) for sec in rule.source_sectors):
        out.append(f"source_sectors must be 3-letter sector codes, got {list(rule.source_sectors)}")
    if rule.derive is not None and rule.derive != "causative" and rule.derive not in lexicon.derive:
        out.append(f"derive family {rule.derive!r} has no table")
    if rule.embeds is not None and rule.embeds not in ("hypothetical", "intended", "reported", "negated"):
        out.append(f"embeds must be a modality, got {rule.embeds!r}")
    if rule.passive not in (None, "only", "never"):
        out.append(f"passive must be 'only' or 'never', got {rule.passive!r}")
    unknown_ctx = sorted(set(rule.contexts) - set(lexicon.contexts))
    if unknown_ctx:
        out.append(f"unknown context(s) {unknown_ctx}")
    if not 0.0 < rule.confidence <= 1.0:
        out.append(f"confidence must be in (0, 1], got {rule.confidence}")
    return out


def _ontology_problems(lexicon: Lexicon, ontology: Ontology) -> list[str]:
    is_code = getattr(ontology, "is_code", None)
    if is_code is None:
        return []
    out = [f"{r.file}:{r.id}: CAMEO code {r.cameo} is not in the ontology"
           for r in lexicon.rules if not is_code(r.cameo)]
    for family, table in lexicon.derive.items():
        out.extend(f"derive.{family}: {code} is not in the ontology"
                   for code in sorted(set(table.values())) if not is_code(code))
    return out
