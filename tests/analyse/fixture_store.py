"""Small event stores for the analyse, web and CLI tests, written row by row (no NLP).

``build_store(path, events, articles)`` inserts articles, events and mentions directly, so the
tests do not depend on the coder's current output. ``irn_tjk_store(path)`` is a fixture corpus
(sentences written for these tests) with cold IRN-TJK years, then visits and 2023 agreements.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from detente.events.ontology import load_ontology
from detente.store import Store
from detente.store.derived import rebuild_sql


@dataclass
class Art:
    id: str
    body: str
    title: str = "A report"
    publisher: str | None = "Fixture News"
    published: str | None = "2023-06-05"
    url: str | None = None


@dataclass
class Ev:
    id: str
    cameo: str
    src: str | None
    tgt: str | None
    date: str | None  # YYYY-MM-DD (None = undated)
    mentions: list[tuple[str, str, str]] = field(default_factory=list)  # (article id, sentence, trigger)
    modality: str = "asserted"
    precision: str = "day"
    contexts: tuple[str, ...] = ()
    src_sector: str | None = "GOV"
    tgt_sector: str | None = "GOV"
    src_name: str | None = None
    tgt_name: str | None = None
    location: tuple | None = None  # (name, country, lat, lon[, admin1, geonames_id, basis, kind])


_NAMES = {"IRN": "Iran", "TJK": "Tajikistan", "AFG": "Afghanistan", "RUS": "Russia", "CHN": "China",
          "SAU": "Saudi Arabia", "ARM": "Armenia", "AZE": "Azerbaijan"}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def build_store(path: Path, events: list[Ev], articles: list[Art]) -> Path:
    """Write a store at ``path`` holding exactly these articles, events and mentions."""
    onto = load_ontology()
    with Store.open(path) as store, store.transaction() as con:
        for seq, art in enumerate(articles, 1):
            con.execute(
                "INSERT INTO articles (id, content_hash, title, publisher, published, url, language, raw_text, "
                "body, seq) VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?)",
                [art.id, f"hash-{art.id}", art.title, art.publisher, _date(art.published), art.url,
                 art.body, art.body, seq])
        bodies = {a.id: a for a in articles}
        for ev in events:
            _insert_event(con, onto, ev, bodies)
        con.execute(rebuild_sql())  # what the writer derives from events and mentions
    return path


def _insert_event(con, onto, ev: Ev, bodies: dict[str, Art]) -> None:
    info = onto.get(ev.cameo)
    start = _date(ev.date)
    end = start
    if start and ev.precision == "month":
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif start and ev.precision == "year":
        end = start.replace(month=12, day=31)
    precision = ev.precision if start else "unknown"
    loc = (*(ev.location or ()), None, None, None, None, None, None, None, None)[:8]
    con.execute(
        "INSERT INTO events (event_id, cameo, cameo_root, plover, plover_mode, quad_class, goldstein, "
        "source_text, source_name, source_country, source_sector, target_text, target_name, target_country, "
        "target_sector, modality, reported, date_start, date_end, date_precision, date_basis, location_name, "
        "location_country, lat, lon, admin1, geonames_id, location_basis, location_kind, contexts, confidence, "
        "num_mentions, num_articles, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.8, "
        "?, ?, TIMESTAMP '2024-01-02 03:04:05')",
        [ev.id, ev.cameo, ev.cameo[:2], info.plover, info.plover_mode, info.quad_class, info.goldstein,
         ev.src_name or _NAMES.get(ev.src or "", ev.src), ev.src_name or _NAMES.get(ev.src or "", ev.src),
         ev.src, ev.src_sector if ev.src else None,
         ev.tgt_name or _NAMES.get(ev.tgt or "", ev.tgt), ev.tgt_name or _NAMES.get(ev.tgt or "", ev.tgt),
         ev.tgt, ev.tgt_sector if ev.tgt else None, ev.modality, start, end, precision,
         "text" if start else None, *loc, list(ev.contexts or info.contexts),
         len(ev.mentions), len({m[0] for m in ev.mentions})])
    for i, (article_id, sentence, trigger) in enumerate(ev.mentions):
        art = bodies[article_id]
        s_start = art.body.find(sentence)
        assert s_start >= 0, f"{ev.id}: sentence not in article {article_id}"
        t_start = art.body.find(trigger, s_start)
        con.execute(
            "INSERT INTO mentions (mention_id, event_id, article_id, sentence, char_start, char_end, trigger, "
            "trigger_char, rule, cameo, modality, reported, confidence, source_country, target_country, "
            "date_start, date_end, date_precision, date_basis, date_text, published, contexts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'fixture.v#1', ?, ?, false, 0.8, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
            [f"{ev.id}-m{i}", ev.id, article_id, sentence, s_start, s_start + len(sentence), trigger, t_start,
             ev.cameo, ev.modality, ev.src, ev.tgt, start, end, precision, "text" if start else None,
             _date(art.published), list(ev.contexts)])


# -- the IRN-TJK fixture corpus ----------------------------------------------------------------
A1 = Art("art-2016", title="Dushanbe sharpens its tone towards Tehran", publisher="Steppe Wire",
         published="2016-02-10", url="https://example.org/steppe/2016",
         body=("Dushanbe sharpens its tone towards Tehran\n\n"
               "In December 2015 Iran hosted Muhiddin Kabiri, the exiled leader of a banned Tajik party, at a "
               "conference in Tehran. On 3 January 2016 the Tajik foreign ministry condemned Iran for the "
               "invitation. In March 2016 Tajik officials accused Iran of funding armed groups. "
               "Officials in Dushanbe did not say whether the ambassador would be recalled."))
A2 = Art("art-2018", title="A chill between two Persian-speaking capitals", publisher="Oxus Review",
         published="2018-11-20",
         body=("A chill between two Persian-speaking capitals\n\n"
               "In May 2017 Tajikistan accused Iran of sheltering militants. Trade between the two fell. "
               "In October 2018 the Tajik government again criticised Iran over its support for the opposition. "
               "Long ago, Iran was the first state to recognise Tajikistan's independence."))
A3 = Art("art-2023", title="Tehran and Dushanbe open a new chapter", publisher="Steppe Wire",
         published="2023-06-05", url="https://example.org/steppe/2023",
         body=("Tehran and Dushanbe open a new chapter\n\n"
               "In June 2019 the Iranian president travelled to Dushanbe on a state visit. "
               "In April 2021 Iran's foreign minister telephoned his Tajik counterpart. "
               "On 17 May 2023 Iran's army chief visited Tajikistan to deepen security ties. "
               "On 31 May 2023 the two presidents signed agreements on trade, energy and transport in Tehran. "
               "Iran and Tajikistan agreed on 31 May 2023 to restore direct flights between their capitals. "
               "Tajikistan might join a regional energy grid with Iran, an adviser said."))
A4 = Art("art-2023b", title="Presidents meet in Tehran", publisher="Caspian Daily",
         published="2023-06-01",
         body=("Presidents meet in Tehran\n\n"
               "Tajikistan's president signed a set of agreements with Iran on 31 May 2023, including one on trade. "
               "Iran also talked with Afghanistan about water in 2022."))


def irn_tjk_events() -> tuple[list[Ev], list[Art]]:
    """Events of the fixture corpus: cold 2015-2018, warm 2019-2023 (agreements in May 2023)."""
    events = [
        Ev("e-kabiri", "043", "IRN", "TJK", "2015-12-01", [("art-2016", A1.body.split("\n\n")[1].split(". ")[0] + ".", "hosted")],
           precision="month", tgt_sector="OPP", tgt_name="Muhiddin Kabiri"),
        Ev("e-condemn", "111", "TJK", "IRN", "2016-01-03",
           [("art-2016", "On 3 January 2016 the Tajik foreign ministry condemned Iran for the invitation.", "condemned")]),
        Ev("e-accuse16", "112", "TJK", "IRN", "2016-03-01",
           [("art-2016", "In March 2016 Tajik officials accused Iran of funding armed groups.", "accused")],
           precision="month", contexts=("terrorism",)),
        Ev("e-recall", "161", "TJK", "IRN", None,
           [("art-2016", "Officials in Dushanbe did not say whether the ambassador would be recalled.", "recalled")],
           modality="hypothetical"),
        Ev("e-accuse17", "112", "TJK", "IRN", "2017-05-01",
           [("art-2018", "In May 2017 Tajikistan accused Iran of sheltering militants.", "accused")], precision="month"),
        Ev("e-crit18", "111", "TJK", "IRN", "2018-10-01",
           [("art-2018", "In October 2018 the Tajik government again criticised Iran over its support for the opposition.",
             "criticised")], precision="month"),
        Ev("e-recognise", "054", "IRN", "TJK", None,
           [("art-2018", "Long ago, Iran was the first state to recognise Tajikistan's independence.", "recognise")]),
        Ev("e-visit19", "042", "IRN", "TJK", "2019-06-01",
           [("art-2023", "In June 2019 the Iranian president travelled to Dushanbe on a state visit.", "travelled")],
           precision="month"),
        Ev("e-call21", "040", "IRN", "TJK", "2021-04-01",
           [("art-2023", "In April 2021 Iran's foreign minister telephoned his Tajik counterpart.", "telephoned")],
           precision="month"),
        Ev("e-visit23", "042", "IRN", "TJK", "2023-05-17",
           [("art-2023", "On 17 May 2023 Iran's army chief visited Tajikistan to deepen security ties.", "visited")],
           src_sector="MIL", contexts=("security",), location=("Tajikistan", "TJK", 38.5, 71.0)),
        Ev("e-agree23", "057", "TJK", "IRN", "2023-05-31",
           [("art-2023", "On 31 May 2023 the two presidents signed agreements on trade, energy and transport in Tehran.",
             "signed"),
            ("art-2023b", "Tajikistan's president signed a set of agreements with Iran on 31 May 2023, including one on trade.",
             "signed")],
           contexts=("trade", "energy", "transport"),
           location=("Tehran", "IRN", 35.7, 51.4, "IR.26", 112931, "clause", "city")),
        Ev("e-flights23", "061", "IRN", "TJK", "2023-05-31",
           [("art-2023", "Iran and Tajikistan agreed on 31 May 2023 to restore direct flights between their capitals.",
             "agreed")], contexts=("transport",)),
        Ev("e-grid", "0311", "TJK", "IRN", None,
           [("art-2023", "Tajikistan might join a regional energy grid with Iran, an adviser said.", "join")],
           modality="hypothetical", contexts=("energy",)),
        Ev("e-afg22", "040", "IRN", "AFG", "2022-01-01",
           [("art-2023b", "Iran also talked with Afghanistan about water in 2022.", "talked")], precision="year",
           contexts=("resource",)),
    ]
    return events, [A1, A2, A3, A4]


def irn_tjk_store(path: Path) -> Path:
    events, articles = irn_tjk_events()
    return build_store(path, events, articles)


XSS = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"


def xss_store(path: Path) -> Path:
    """The fixture corpus plus an article whose title, publisher and sentence carry live HTML."""
    events, articles = irn_tjk_events()
    sentence = f"On 20 May 2023 Iran <b>praised</b> Tajikistan {XSS} warmly."
    bad = Art("art-xss", title=f"Bad {XSS} title", publisher=f"Evil <i>{XSS}</i> Press", published="2023-05-21",
              url="javascript:window.__pwned=3", body=f"Headline\n\n{sentence}")
    events.append(Ev("e-xss", "051", "IRN", "TJK", "2023-05-20", [("art-xss", sentence, "praised")],
                     src_name=f"Iran {XSS}"))
    return build_store(path, events, [*articles, bad])
