"""Every packaged data file the actors stage reads: format and invariants."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pycountry
import pytest

from detente.actors.countries import load_gazetteer, read_extra
from detente.actors.kb import load_kb, packaged_kb_files, validate_kb_files
from detente.actors.kbtypes import SECTORS
from detente.actors.titles import load_titles, read_sectors

ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX", "IGO"}


def test_packaged_kb_files_are_valid():
    problems = validate_kb_files()
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize("path", packaged_kb_files(), ids=lambda p: p.name)
def test_each_kb_file_loads_alone(path):
    assert validate_kb_files([path]) == []


def test_kb_invariants():
    kb = load_kb()
    for person in kb.people.values():
        assert person.country in ISO3, person.id
        for role in person.roles:
            assert role.sector in SECTORS, person.id
            assert role.start is None or role.end is None or role.start <= role.end, person.id
            assert role.end is None or role.end <= dt.date.today() + dt.timedelta(days=366), person.id
    for org in kb.orgs.values():
        assert org.sector in SECTORS and (org.country is None or org.country in ISO3), org.id
    ids = [*kb.people, *kb.orgs]
    assert len(ids) == len(set(ids))


def test_countries_extra_codes_and_sectors():
    extra = read_extra()
    assert set(extra) <= ISO3
    for iso3, spec in extra.items():
        assert set(spec) <= {"adj", "plural", "names", "cap", "seats", "places"}, iso3
        for sector in (spec.get("seats") or {}).values():
            assert sector in SECTORS, iso3


def test_gazetteer_has_no_conflicts_and_covers_un_members():
    gaz = load_gazetteer()
    assert gaz.problems == []
    extra = read_extra()
    assert len([c.alpha_3 for c in pycountry.countries if c.alpha_3 in extra]) >= 193
    demonym_of = Counter(p.iso3 for _, p in gaz.forms if p.kind == "demonym")
    missing = [iso for iso in extra if demonym_of[iso] == 0 and iso not in ("VAT", "DMA")]
    assert missing == []


def test_no_form_names_two_countries():
    seen: dict[str, str] = {}
    for form, place in load_gazetteer().forms:
        key = form.lower()
        assert seen.setdefault(key, place.iso3) == place.iso3, form


def test_sectors_file_is_valid():
    titles = load_titles()
    assert titles.problems == []
    data = read_sectors()
    assert set(data) == {"titles", "groups", "weak", "weak_groups", "modifiers", "portfolios", "lowercase",
                         "relational", "placeless", "seated", "sites",
                         "site_economy", "org_heads", "org_head_sectors", "town_institutions", "town_joiners"}
    for section in ("titles", "groups", "weak", "weak_groups"):
        for term, value in data[section].items():
            assert value is None or all(code in SECTORS for code in str(value).split()), term
    assert titles.placeless and titles.placeless <= set(SECTORS)
    terms = {" ".join(key) for key in titles.terms}
    assert titles.seated <= terms, titles.seated - terms  # every seated body is a term
    assert all(titles.terms[tuple(w.split())].sector in titles.placeless | {None} for w in titles.seated), \
        "seated only matters if placeless (or a weak noun that takes a placeless sector: 'army positions')"
    assert titles.sites and titles.sites <= terms, titles.sites - terms  # every site is a term


def test_data_files_have_no_duplicate_keys():
    """PyYAML keeps the last of two equal keys silently; a second `adj:` would lose the first."""
    from importlib import resources

    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node):
        keys = [loader.construct_object(k) for k, _ in node.value]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"duplicate keys {duplicates} at line {node.start_mark.line + 1}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for name in ("countries_extra.yaml", "sectors.yaml"):
        yaml.load((resources.files("detente") / "data" / name).read_text(encoding="utf-8"), Loader=Strict)


def test_titles_find_remembers_a_word_sequence_until_a_term_is_added():
    from detente.actors.titles import Titles

    titles = Titles()
    titles.add("foreign minister", "titles", "GOV")
    words = ["the", "foreign", "ministers", "said"]
    first = titles.find(words)
    assert [(h.start, h.end, h.term.text, h.plural) for h in first] == [(1, 3, "foreign minister", True)]
    again = titles.find(words)
    assert again == first and again is not first  # a list of its own each time
    again.clear()
    assert titles.find(words) == first
    titles.add("said", "weak", None)  # a new term: the sequence is read again
    assert [h.term.text for h in titles.find(words)] == ["foreign minister", "said"]
