from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.analyse.brief import build_brief, md, safe_url, write_brief
from detente.analyse.query import open_db
from detente.errors import QueryError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def xss_brief(tmp_path_factory) -> Path:
    from fixture_store import xss_store

    d = tmp_path_factory.mktemp("brief")
    return write_brief(xss_store(d / "x.duckdb"), "IRN", "TJK", out=d / "brief.html")


def test_headline_from_data(store):
    brief = build_brief(store, "IRN", "TJK")
    text = " ".join(brief.headline)
    assert brief.timeline.by == "year"  # 2015-2023: eight years
    assert "10 dated event(s) from 2015 to 2023" in text
    assert "from cold (2015–2018" in text and "to warm (2019–2023" in text
    assert "Make a visit" in text  # the turning point
    assert "Sign formal agreement" in text  # the most cooperative event
    assert [e.event_id for e in brief.key_events][-1] in {"e-agree23", "e-flights23"}
    caveats = " ".join(brief.caveats)
    assert "1 asserted event(s) have no recoverable date" in caveats and "2 hypothetical" in caveats


def test_headline_without_events(store):
    brief = build_brief(store, "ARM", "AZE")
    assert brief.headline[0].startswith("This store holds no asserted, dated events between Armenia and Azerbaijan")


def test_html_is_self_contained(xss_brief):
    page = xss_brief.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, flags=re.I)  # no external script at all
    assert not re.search(r"<link[^>]*https?:", page, flags=re.I)
    assert len(page) > 1_000_000  # plotly.js is inline
    assert 'id="index-chart"' in page and "Sign formal agreement" in page


def test_html_escapes_article_text(xss_brief):
    page = xss_brief.read_text(encoding="utf-8")
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)
    assert not any("__pwned" in s and "window.__pwned = 1" in s.replace("\\u003c", "<") and "<script>" in s
                   for s in scripts if len(s) < 100_000)
    outside_scripts = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert "window.__pwned" in outside_scripts  # the text is shown ...
    assert "<script>window.__pwned" not in outside_scripts  # ... as text
    assert "<img src=x" not in outside_scripts and "&lt;img src=x" in outside_scripts
    assert "<b>praised</b>" not in outside_scripts
    assert 'href="javascript:' not in page  # a javascript: URL never becomes a link


def test_markdown(store_path, tmp_path):
    out = write_brief(store_path, "IRN", "TJK", fmt="md", out=tmp_path / "b.md")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Relations between Iran and Tajikistan")
    assert "| cold | 2015 | 2018 |" in text
    assert "president **signed** a set of agreements" in text or "presidents **signed** agreements" in text
    assert "## Background (undated)" in text and "**recognise**" in text


def test_markdown_escapes(xss_store_path, tmp_path):
    text = write_brief(xss_store_path, "IRN", "TJK", fmt="md", out=tmp_path / "x.md").read_text(encoding="utf-8")
    assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text
    assert md("a|b *c* [x](javascript:y)") == "a\\|b \\*c\\* \\[x\\](javascript:y)"


def test_safe_url():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None and safe_url(None) is None


def test_bad_format(store_path, tmp_path):
    with pytest.raises(QueryError):
        write_brief(store_path, "IRN", "TJK", fmt="pdf", out=tmp_path / "b.pdf")


def test_accepts_an_open_store(store_path, tmp_path):
    with open_db(store_path) as store:
        assert write_brief(store, "IRN", "TJK", out=tmp_path / "b.html", since="2019").exists()


@pytest.mark.browser
def test_brief_renders_offline_in_chromium(xss_brief, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("Debian's /usr/bin/chromium is not installed (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            requests: list[str] = []
            context.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()
                                                 if route.request.url.startswith("file:") else route.abort()))
            page = context.new_page()
            page.goto(xss_brief.as_uri())
            page.wait_for_selector("#index-chart .main-svg", timeout=15_000)
            assert page.locator("#index-chart .scatterlayer .trace").count() >= 3  # band, index, events
            assert page.locator("#key-events tbody tr").count() >= 5
            assert "Sign formal agreement" in page.locator("#key-events").inner_text()
            assert page.evaluate("window.__pwned") is None  # the injected script and onerror did not run
            assert page.locator("#key-events mark").count() >= 5
            assert all(u.startswith("file:") for u in requests)  # nothing fetched from the network
            page.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "brief.png").stat().st_size > 10_000
