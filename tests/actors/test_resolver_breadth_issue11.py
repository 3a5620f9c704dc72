"""Issue 11's kinds of actor phrases: places and institutions named by their place, nation + noun,
people below the head of government and before 2000, organisations, and phrases that are no actor.
Dev tables ``breadth_issue11.py`` and ``breadth_issue11_b.py`` to ``_f.py`` (``_e``: people only,
``_f``: mixed); the last five were each scored before they were fixed for."""
from __future__ import annotations

import pytest

from breadth_issue11 import CLASSES as CLASSES_A
from breadth_issue11_b import CLASSES as CLASSES_B
from breadth_issue11_c import CLASSES as CLASSES_C
from breadth_issue11_d import CLASSES as CLASSES_D
from breadth_issue11_e import CLASSES as CLASSES_E
from breadth_issue11_f import CLASSES as CLASSES_F
from test_resolver_breadth import check

# Cases the resolver still gets wrong, with the reason (strict: a fix must remove them from here).
KNOWN_MISSES = {
    ("Raila Odinga", "2018-05-01"): "the KB ends his opposition role at the March 2018 'handshake' (ELI after)",
    ("Sirajuddin Haqqani", "2015-05-01"): "the KB dates his insurgent role from July 2015 (Taliban deputy)",
    ("Nigeria's APC", None): "APC is also an armoured personnel carrier: not listed as the party's alias",
    ("the DPP", None): "DPP is also a Director of Public Prosecutions: not listed as Taiwan's party's alias",
    ("Evan Mawarire", "2016-08-01"): "not in the KB",
    ("Tsai Ing-wen", "2014-05-01"): "the KB has her DPP chair from 2014-05-28 only (ELI before)",
    ("Ahmed Shah Massoud", "1995-05-01"): "the KB lacks his years as defence minister (1992-1996)",
    ("the Muslim League", None): "parties of that name in Pakistan, India and Bangladesh: none listed bare",
    ("the Workers' Party", "2022-05-01"): "parties of that name in Brazil, North Korea, Singapore ...: none listed bare",
    ("Mitsubishi", None): "a group of companies: only Mitsubishi Heavy Industries is listed",
    ("Dassault", None): "a family name too: only Dassault Aviation is listed",
    ("the Dawood Ibrahim gang", None): "not in the KB",
    ("the Free Russia Legion", None): "not in the KB",
    ("the Kalinouski regiment", None): "not in the KB",
    ("Maryam Nawaz Sharif", "2022-06-01"): "the KB has her only as chief minister (from 2024): ELI before",
    ("Kim Yo Jong", "2020-06-01"): "not in the KB",
    ("Debretsion Gebremichael", "2021-06-01"): "not in the KB",
}
TABLES = {"a": CLASSES_A, "b": CLASSES_B, "c": CLASSES_C, "d": CLASSES_D, "e": CLASSES_E, "f": CLASSES_F}

CASES = [pytest.param(*case, id=f"{table}-{name}:{case[0]}",
                      marks=[pytest.mark.xfail(reason=KNOWN_MISSES[case[:2]], strict=True)]
                      if case[:2] in KNOWN_MISSES else [])
         for table, classes in TABLES.items() for name, cases in classes.items() for case in cases]


@pytest.mark.parametrize("text, date, context, expected", CASES)
def test_issue11_phrase(text, date, context, expected):
    problem = check(text, date, context, expected)
    assert problem is None, problem


def test_every_class_has_cases():
    for classes in TABLES.values():
        assert classes and {name: len(cases) >= 25 for name, cases in classes.items()} == {name: True for name in classes}
    assert sum(len(cases) for classes in TABLES.values() for cases in classes.values()) >= 1000
