"""The dashboard's date inputs are ISO dates, as everywhere else in detente (not a locale's picker)."""
from __future__ import annotations

import re
from importlib import resources


def _static(name: str) -> str:
    return resources.files("detente.web").joinpath("static", name).read_text(encoding="utf-8")


def test_date_inputs_are_iso_text_fields():
    page = _static("index.html")
    assert 'type="date"' not in page
    for name in ("since", "until"):
        tag = re.search(rf'<input[^>]*id="{name}"[^>]*>', page, re.S).group(0)
        assert 'type="text"' in tag and 'placeholder="YYYY-MM-DD"' in tag and "pattern=" in tag


def test_the_script_sends_only_iso_dates():
    script = _static("app.js")
    assert "ISO_DATE" in script and "datesValid()" in script
    pattern = re.search(r"const ISO_DATE = /(.+)/;", script).group(1).replace("\\\\", "\\")
    iso = re.compile(pattern)
    assert all(iso.match(x) for x in ("2023", "2023-05", "2023-05-31"))
    assert not any(iso.match(x) for x in ("05/31/2023", "2023-13", "2023-5-1", "yesterday"))
