"""The dated knowledge-base records: invariants the format checks do not cover, and a few people,
organisations and abbreviations resolved at dates inside and outside their tenures."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from detente.actors import resolve_actor
from detente.actors.kb import load_kb, packaged_kb_files
from detente.actors.kbfiles import parse_file, read_records
from detente.actors.kbtypes import Person
from detente.actors.names import acronym_key, is_acronym

KB_DIR = Path(__file__).resolve().parents[2] / "src" / "detente" / "data" / "kb"
DATED_FILES = ("people_governors.yaml", "people_deputies.yaml", "people_military.yaml",
               "people_pre2000.yaml", "people_opposition.yaml", "people_legislators.yaml",
               "people_envoys.yaml", "people_ambassadors.yaml",
               "people_pre2000_more.yaml", "people_cabinet.yaml", "people_religious.yaml",
               "people_pre2000_world.yaml", "people_officials.yaml",
               "people_ministers_world.yaml", "people_governors_more.yaml", "people_figures_more.yaml",
               "people_ministers_more.yaml")
# Offices several people hold at once (deputies, co-leaders, envoys): their tenures may overlap.
PLURAL_TITLE = re.compile(r"Deputy|Vice|Co-leader|Minister of State|Assistant Secretary|Under Secretary|"
                          r"Ambassador|Representative|Senior Minister|Minister Mentor|figure|"
                          r"Opposition leader|commander\b|Founder|^Senator$|^Member of|spokesperson", re.I)
MONTH = dt.timedelta(days=31)  # a month-precision change of office may overlap by up to a month


def dated_people() -> list[Person]:
    out: list[Person] = []
    for name in DATED_FILES:
        problems: list[str] = []
        out.extend(r for r in parse_file(KB_DIR / name, problems) if isinstance(r, Person))
        assert problems == [], problems
    return out


@pytest.mark.parametrize("path", packaged_kb_files(), ids=lambda p: p.name)
def test_no_id_twice_in_one_file(path):
    """The same id may recur across files (the loader merges them), never inside one file."""
    ids = Counter(r.get("id") for r, _ in read_records(path) if isinstance(r, dict))
    assert [rid for rid, n in ids.items() if n > 1] == []


def test_every_role_of_the_dated_files_has_a_start():
    missing = [(p.id, r.title) for p in dated_people() for r in p.roles if r.start is None]
    assert missing == []


def test_one_person_never_holds_the_same_office_twice_at_once():
    for person in dated_people():
        roles = sorted(person.roles, key=lambda r: r.start)
        for a, b in zip(roles, roles[1:]):
            if (a.role, a.title) == (b.role, b.title):
                assert a.end is not None and a.end <= b.start, (person.id, a.title, a.end, b.start)


def test_single_holder_offices_do_not_overlap():
    """Two holders of one office (same country, role, title and organisation) overlap at most a
    month, for every office held in a role of the dated files (against all the KB's holders)."""
    mine = {(p.id, r) for p in dated_people() for r in p.roles}
    offices: dict[tuple, list[tuple[dt.date, dt.date, str, bool]]] = defaultdict(list)
    for person in load_kb().people.values():
        for role in person.roles:
            if role.title and not PLURAL_TITLE.search(role.title):
                key = (role.country or person.country, role.role, role.title, role.org)
                offices[key].append((role.start or dt.date.min, role.end or dt.date.max, person.id,
                                     (person.id, role) in mine))
    clashes = []
    for key, tenures in offices.items():
        tenures.sort()
        for i, (s1, e1, p1, m1) in enumerate(tenures):
            for s2, e2, p2, m2 in tenures[i + 1:]:
                if p1 != p2 and (m1 or m2) and min(e1, e2) - max(s1, s2) > MONTH:
                    clashes.append((key, p1, p2))
    assert clashes == []


def test_an_abbreviation_shared_by_two_organisations_names_bodies_of_different_countries():
    """So that the article's country can decide between them (PAN: Mexico or Indonesia)."""
    owners: dict[str, set[tuple[str | None, str]]] = defaultdict(set)
    for org in load_kb().orgs.values():
        for name in org.all_names():
            if is_acronym(name):
                owners[acronym_key(name)].add((org.country, org.id))
    for key, pairs in owners.items():
        countries = Counter(country for country, _ in pairs)
        assert all(n == 1 for n in countries.values()), (key, sorted(pairs))


def cs(text, date=None, context=None):
    actor = resolve_actor(text, date=date, context=context)
    return None if actor is None else (actor.country, actor.sector, actor.kb_id)


@pytest.mark.parametrize("text, date, expected", [
    ("Yogi Adityanath", "2020-05-01", ("IND", "GOV", "ind-yogi-adityanath")),
    ("Mamata Banerjee", "2015-01-10", ("IND", "GOV", "ind-mamata-banerjee")),
    ("Maryam Nawaz", "2024-06-01", ("PAK", "GOV", "pak-maryam-nawaz")),
    ("Babagana Zulum", "2021-03-01", ("NGA", "GOV", "nga-babagana-zulum")),
    ("Gavin Newsom", "2020-06-01", ("USA", "GOV", "usa-gavin-newsom")),
    ("Sergei Sobyanin", "2015-09-01", ("RUS", "GOV", "rus-sergei-sobyanin")),
    ("Chen Quanguo", "2018-01-01", ("CHN", "GOV", "chn-chen-quanguo")),
    ("Sergei Ryabkov", "2023-02-01", ("RUS", "GOV", "rus-sergei-ryabkov")),
    ("Wendy Sherman", "2022-01-15", ("USA", "GOV", "usa-wendy-sherman")),
    ("Wu Shengli", "2012-05-01", ("CHN", "MIL", "chn-wu-shengli")),
    ("Upendra Dwivedi", "2025-05-08", ("IND", "MIL", "ind-upendra-dwivedi")),
    ("Mikhail Gorbachev", "1987-12-08", ("RUS", "GOV", "rus-mikhail-gorbachev")),
    ("Helmut Kohl", "1990-10-03", ("DEU", "GOV", "deu-helmut-kohl")),
    ("Alice Weidel", "2024-09-02", ("DEU", "OPP", "deu-alice-weidel")),
    ("Noor Wali Mehsud", "2023-01-30", ("PAK", "INS", "pak-noor-wali-mehsud")),
    ("Velupillai Prabhakaran", "2000-04-22", ("LKA", "REB", "lka-velupillai-prabhakaran")),
    ("Bob Corker", "2018-04-10", ("USA", "LEG", "usa-bob-corker")),
    ("Speaker Nancy Pelosi", "2019-06-01", ("USA", "LEG", "usa-nancy-pelosi")),
    ("Staffan de Mistura", "2017-03-01", ("IGO", "IGO", "ita-staffan-de-mistura")),
    ("Ratko Mladic", "1995-07-11", ("BIH", "MIL", "bih-ratko-mladic")),
    ("Thomas Sankara", "1985-01-01", ("BFA", "GOV", "bfa-thomas-sankara")),
    ("Vitaly Churkin", "2016-10-08", ("RUS", "GOV", "rus-vitaly-churkin")),
    ("Mark Lowcock", "2018-02-25", ("IGO", "IGO", "gbr-mark-lowcock")),
    ("Martin Griffiths", "2019-05-01", ("IGO", "IGO", "gbr-martin-griffiths-diplomat")),
    ("Miguel Ángel Moratinos", "2008-03-10", ("ESP", "GOV", "esp-miguel-angel-moratinos")),
    ("Delfin Lorenzana", "2017-06-01", ("PHL", "GOV", "phl-delfin-lorenzana")),
    ("Samson Mwathethe", "2017-01-27", ("KEN", "MIL", "ken-samson-mwathethe")),
    ("Vyacheslav Gladkov", "2023-06-01", ("RUS", "GOV", "rus-vyacheslav-gladkov")),
    ("Samuel Ortom", "2018-01-10", ("NGA", "GOV", "nga-samuel-ortom")),
    ("Jennifer Granholm", "2022-04-01", ("USA", "GOV", "usa-jennifer-granholm")),
    ("Paul Kagame", "1992-01-01", ("RWA", "REB", "rwa-paul-kagame")),
    ("Javier Pérez de Cuéllar", "1988-08-08", ("IGO", "IGO", "per-javier-perez-de-cuellar")),
    ("Ali al-Sistani", "2014-06-13", ("IRQ", "REL", "irq-ali-al-sistani")),
    ("Moussa Koussa", "2010-05-01", ("LBY", "GOV", "lby-moussa-koussa")),
    ("Ibrahim Ghandour", "2016-09-01", ("SDN", "GOV", "sdn-ibrahim-ghandour")),
    ("Abu Bakr al-Qirbi", "2009-01-20", ("YEM", "GOV", "yem-abu-bakr-al-qirbi")),
    ("Seyoum Mesfin", "2005-06-01", ("ETH", "GOV", "eth-seyoum-mesfin")),
    ("Meng Jianzhu", "2010-03-01", ("CHN", "GOV", "chn-meng-jianzhu")),
    ("Marcin Kierwiński", "2025-09-01", ("POL", "GOV", "pol-marcin-kierwinski")),
])
def test_people_in_office_at_the_date(text, date, expected):
    assert cs(text, date) == expected


@pytest.mark.parametrize("text, date, kb_id", [
    ("Yogi Adityanath", "2012-01-01", "ind-yogi-adityanath"),  # before his first role
    ("Gavin Newsom", "2015-06-01", "usa-gavin-newsom"),
    ("Sergei Ryabkov", "2005-03-01", "rus-sergei-ryabkov"),
])
def test_before_the_first_role_a_known_person_but_no_office(text, date, kb_id):
    actor = resolve_actor(text, date=date)
    assert (actor.kb_id, actor.sector, actor.former) == (kb_id, "ELI", False)


@pytest.mark.parametrize("text, date, kb_id", [
    ("Mikhail Gorbachev", "1995-01-01", "rus-mikhail-gorbachev"),
    ("Wu Shengli", "2019-01-01", "chn-wu-shengli"),
    ("Arnold Schwarzenegger", "2014-01-01", "usa-arnold-schwarzenegger"),
    ("Najla Mangoush", "2024-05-01", "lby-najla-mangoush"),
])
def test_after_the_last_role_a_former_official(text, date, kb_id):
    actor = resolve_actor(text, date=date)
    assert (actor.kb_id, actor.sector, actor.former) == (kb_id, "ELI", True)


def test_a_subdivision_head_does_not_take_a_national_leaders_surname():
    """A surname before a government noun is read only when one holder of that surname is in
    office: no governor sharing a president's surname in his years is listed (Jeb Bush is not)."""
    assert cs("the Bush administration", "2004-05-01")[0] == "USA"


def test_a_shared_surname_goes_to_the_holder_at_the_date():
    assert cs("Governor Cuomo", "1990-01-01")[2] == "usa-mario-cuomo"
    assert cs("Governor Cuomo", "2015-01-01")[2] == "usa-andrew-cuomo"


@pytest.mark.parametrize("text, context, expected", [
    ("the Black Sea Fleet", None, ("RUS", "MIL", "org-black-sea-fleet")),
    ("the Seventh Fleet", None, ("USA", "MIL", "org-us-seventh-fleet")),
    ("the BJP", None, ("IND", "PTY", "org-bjp")),
    ("INC", None, ("IND", "PTY", "org-inc")),
    ("PAN", "MEX", ("MEX", "PTY", "org-pan-mexico")),
    ("PAN", "IDN", ("IDN", "PTY", "org-pan-indonesia")),
    ("IAF", "IND", ("IND", "MIL", "org-indian-air-force")),
    ("IAF", "ISR", ("ISR", "MIL", "org-israeli-air-force")),
    ("Harvard University", None, ("USA", "EDU", "org-harvard-university")),
    ("Gazprom", None, ("RUS", "BUS", "org-gazprom")),
    ("the HNC", None, ("SYR", "OPP", "org-syria-hnc")),
    ("the Department for International Development", None, ("GBR", "GOV", "org-uk-dfid")),
])
def test_organisations_and_abbreviations(text, context, expected):
    assert cs(text, context=context) == expected
