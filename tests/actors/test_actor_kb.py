"""The knowledge base: roles at a date, former holders, names and transliterations, merging, validation."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors.kb import load_kb, validate_kb_files
from detente.errors import DataFileError

FIXTURES = Path(__file__).parent / "fixtures"
MINI = (str(FIXTURES / "mini_kb.yaml"), str(FIXTURES / "mini_orgs.yaml"))
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def kb():
    return load_kb(MINI)


def test_role_at_the_date(kb):
    m = kb.lookup("Anna Kovalenko", D("2012-01-01"))
    assert (m.country, m.sector, m.title, m.former) == ("UKR", "GOV", "Foreign Minister", False)
    assert kb.lookup("Anna Kovalenko", D("2016-01-01")).title == "Prime Minister"


def test_former_when_every_role_ended(kb):
    m = kb.lookup("Anna Kovalenko", D("2021-03-01"))
    assert m.former and m.sector == "ELI" and m.country == "UKR"


def test_before_any_role_no_sector_and_not_former(kb):
    m = kb.lookup("Anna Kovalenko", D("2005-01-01"))
    assert m.sector is None and not m.former


def test_month_precision_start_covers_the_month(kb):
    assert kb.lookup("Rustam Sharifzoda", D("2018-01-02")).sector == "GOV"
    assert kb.lookup("Rustam Sharifzoda", D("2017-12-31")).sector is None


def test_secondary_sector_and_igo_role(kb):
    m = kb.lookup("Rustam Sharifzoda", D("2020-01-01"))
    assert (m.sector, m.sector2) == ("GOV", "MIL")
    un = kb.lookup("Karl Lindqvist", D("2013-06-01"))
    assert (un.country, un.sector, un.org) == ("IGO", "IGO", "United Nations")
    later = kb.lookup("Karl Lindqvist", D("2018-06-01"))
    assert (later.country, later.sector, later.former) == ("SWE", "ELI", True)


def test_no_date_uses_the_current_or_main_role(kb):
    assert kb.lookup("Rustam Sharifzoda").sector == "GOV"
    assert not kb.lookup("Anna Kovalenko").former


def test_names_with_and_without_diacritics_aliases_and_transliterations(kb):
    assert kb.lookup("Jose Etienne Moreau", D("2018-01-01")).id == "fra-jose-etienne-moreau"
    assert kb.lookup("José Étienne Moreau", D("2018-01-01")).sector == "MIL"
    assert kb.lookup("Ana Kowalenko", D("2012-01-01")).id == "xqa-anna-kovalenko"
    translit = kb.lookup("Anna Kowalenka", D("2012-01-01"))
    assert translit.id == "xqa-anna-kovalenko" and translit.score < 1.0
    assert kb.lookup("Kovalenko", D("2012-01-01")).id == "xqa-anna-kovalenko"
    assert kb.lookup("Anna Smith") is None


def test_organisation_by_name_and_case_sensitive_initials(kb):
    assert kb.lookup("Friends of the Valley").sector == "NGO"
    assert kb.lookup("FOV").country == "KGZ"
    assert kb.lookup("fov") is None


def test_same_id_records_merge(tmp_path):
    a = tmp_path / "people_a.yaml"
    b = tmp_path / "people_b.yaml"
    a.write_text("- {id: xqa-pat-doe, name: Pat Doe, country: NOR, roles: "
                 "[{role: foreign_minister, sector: GOV, start: 2001-01-01, end: 2003-01-01}]}\n")
    b.write_text("- {id: xqa-pat-doe, name: Patrick Doe, country: NOR, roles: "
                 "[{role: head_of_government, sector: GOV, start: 2005-01-01, end: 2007-01-01}]}\n")
    kb = load_kb((str(a), str(b)))
    person = kb.people["xqa-pat-doe"]
    assert len(person.roles) == 2 and "Patrick Doe" in person.aliases
    assert kb.lookup("Patrick Doe", D("2002-01-01")).sector == "GOV"
    assert kb.lookup("Pat Doe", D("2004-01-01")).former


def test_json_user_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text('[{"id": "xqa-lee", "name": "Lee Quill", "country": "CAN", "roles": '
                    '[{"role": "minister", "sector": "GOV", "start": "2019-02"}]}]')
    assert load_kb((str(path),)).lookup("Lee Quill", D("2020-01-01")).country == "CAN"


@pytest.mark.parametrize("record, reason", [
    ("{id: x-a, name: A B, country: NOR, roles: [{role: minister, sector: GOV, start: 2005-01-01, end: 2004-01-01}]}", "after"),
    ("{id: x-a, name: A B, country: NOR, roles: [{role: minister, sector: XYZ}]}", "sector"),
    ("{id: x-a, name: A B, country: NOX, roles: []}", "ISO"),
    ("{id: x-a, name: A B, country: NOR, roles: [{role: pope, sector: GOV}]}", "role"),
    ("{id: x-a, name: A B, country: NOR, roles: [{role: minister, sector: GOV, start: 2005-31}]}", "date"),
    ("{name: A B, country: NOR, roles: []}", "id"),
])
def test_invalid_user_file_raises_with_the_reason(tmp_path, record, reason):
    path = tmp_path / "people_bad.yaml"
    path.write_text(f"- {record}\n")
    with pytest.raises(DataFileError, match=reason):
        load_kb((str(path),))
    assert validate_kb_files([path])


def test_alias_conflict_within_a_country_is_reported(tmp_path):
    path = tmp_path / "people_x.yaml"
    path.write_text("- {id: x-a, name: Sam Roe, country: NOR, roles: []}\n"
                    "- {id: x-b, name: Samuel Roe, aliases: [Sam Roe], country: NOR, roles: []}\n")
    assert any("Sam Roe" in p for p in validate_kb_files([path]))


def test_unknown_file_type_rejected(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("x")
    with pytest.raises(DataFileError):
        load_kb((str(path),))


def test_a_title_decides_among_office_holders_of_one_surname(tmp_path):
    path = tmp_path / "people_q.yaml"
    path.write_text(
        "- {id: xqa-ada-vane, name: Ada Vane, country: NOR, roles: "
        "[{role: head_of_state, title: President of the Council, sector: GOV, start: 2001-01-01, end: 2008-01-01}]}\n"
        "- {id: xqa-ben-vane, name: Ben Vane, country: NOR, roles: "
        "[{role: vice_president, title: First Vice President of the Council, sector: GOV, start: 2001-01-01, "
        "end: 2008-01-01}, {role: head_of_state, title: President of the Council, sector: GOV, start: 2008-01-01}]}\n")
    kb = load_kb((str(path),))
    assert kb.surname_at("Vane", D("2005-01-01")) is None  # two in office, no title: nobody
    assert kb.surname_at("Vane", D("2005-01-01"), "President") == "xqa-ada-vane"  # not the vice president
    assert kb.surname_at("Vane", D("2010-01-01"), "President") == "xqa-ben-vane"
    assert kb.surname_at("Vane", D("2005-01-01"), "Prime Minister") is None
