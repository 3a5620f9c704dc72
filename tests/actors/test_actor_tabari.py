"""The TABARI/PETRARCH actor dictionary importer."""
from __future__ import annotations

import datetime as dt

from detente.actors import load_kb, parse_tabari

SAMPLE = """\
# invented entries in the TABARI actor-dictionary format
QUILL_ZARAMOV_ [TJKGOV 941116-]   ; a comment after the code
+ZARAMOV_QUILL
+QUILLA_ZARAMOVA
BENTO_ORSIK_
[XQZ]
[NORELI <090120]
[NORGOV 090120-170120]
[NORELI >170120]
PEOPLES_FRONT_OF_ZEMBLA_ [IGOREB]
NO_CODE_HERE_
ZENO_II_ [FRAGOVMIL 20100101-20120630] [~GOV]
"""


def _people(problems=None):
    return {p.name: p for p in parse_tabari(SAMPLE, "sample.txt", problems)}


def test_names_synonyms_and_open_ended_role():
    people = _people()
    quill = people["Quill Zaramov"]
    assert quill.country == "TJK" and "Zaramov Quill" in quill.aliases and "Quilla Zaramova" in quill.aliases
    (role,) = quill.roles
    assert (role.sector, role.start, role.end) == ("GOV", dt.date(1994, 11, 16), None)


def test_date_restrictions_before_after_and_ranges():
    roles = _people()["Bento Orsik"].roles
    assert [(r.sector, r.start, r.end) for r in roles] == [
        ("ELI", None, dt.date(2009, 1, 20)),
        ("GOV", dt.date(2009, 1, 20), dt.date(2017, 1, 20)),
        ("ELI", dt.date(2017, 1, 20), None),
    ]


def test_eight_digit_dates_secondary_sector_roman_numerals_and_agents_skipped():
    zeno = _people()["Zeno II"]
    (role,) = zeno.roles
    assert (role.country, role.sector, role.sector2) == ("FRA", "GOV", "MIL")
    assert role.end == dt.date(2012, 6, 30)


def test_bad_lines_are_reported_not_fatal():
    problems: list[str] = []
    people = _people(problems)
    assert "No Code Here" not in people
    assert any("XQZ" in p for p in problems) and any("no code" in p for p in problems)
    assert people["Peoples Front Of Zembla"].roles[0].country == "IGO"


def test_load_kb_reads_txt_dictionaries(tmp_path):
    path = tmp_path / "my.actors.txt"
    path.write_text("QUILL_ZARAMOV_ [TJKGOV 941116-]\n+ZARAMOV_QUILL\nBENTO_ORSIK_ [NORGOV 090120-170120]\n")
    kb = load_kb((str(path),))
    assert kb.lookup("Zaramov Quill", dt.date(2020, 1, 1)).country == "TJK"
    assert kb.lookup("Bento Orsik", dt.date(2020, 1, 1)).former
