"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright)."""
from __future__ import annotations

import csv
import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serve(path: Path) -> Iterator[str]:
    """The app over the store at ``path``, served by uvicorn in a thread on a free port."""
    import uvicorn

    from detente.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(xss_store_path):
    """The app over the fixture store (IRN-TJK with the 2023 agreements, plus an article carrying
    <script> and HTML)."""
    with _serve(xss_store_path) as url:
        yield url


@pytest.fixture
def page():
    if not CHROMIUM.exists():
        pytest.skip("Debian's /usr/bin/chromium is not installed (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1300, "height": 1000})
        finally:
            browser.close()


def test_dashboard_irn_tjk(server, page, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(server + "/")
    page.wait_for_selector("#country-a option[value=IRN]", state="attached")
    page.select_option("#country-a", "IRN")
    page.select_option("#country-b", "TJK")
    expect = pytest.importorskip("playwright.sync_api").expect  # waits without eval: the page's CSP forbids it
    expect(page.locator("#summary")).to_contain_text("Iran–Tajikistan")
    page.wait_for_selector("#chart.js-plotly-plot .main-svg")
    assert page.locator("#chart .scatterlayer .trace").count() >= 4  # band, index and event markers
    events = page.locator("#events tbody")
    assert "2023-05-31" in events.inner_text() and "Sign formal agreement" in events.inner_text()
    assert page.locator("#phases li").count() == 2 and "cold" in page.locator("#phases").inner_text()

    page.locator("#events tbody tr", has_text="Sign formal agreement").first.click()
    page.wait_for_selector("#evidence mark.trigger")
    assert page.locator("#evidence mark.trigger").inner_text() == "signed"
    assert "agreements" in page.locator("#evidence mark.sentence").inner_text()

    page.locator("#events tbody tr", has_text="Praise or endorse").first.click()  # the injected article
    expect(page.locator("#evidence mark.trigger")).to_have_text("praised")
    assert "<script>" in page.locator("#evidence").inner_text()  # shown as text ...
    assert page.locator("#evidence script, #evidence img, #evidence b").count() == 0  # ... never as markup
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#evidence a[href^='javascript']").count() == 0

    expect(page.locator("#map-count")).to_contain_text("2 located event(s) at 2 place(s)")  # offline map
    page.wait_for_selector("#map .geo .countries path", state="attached")
    assert page.locator("#map .scattergeo .point").count() == 2
    page.wait_for_selector("#compare-chart.js-plotly-plot .main-svg")  # the chosen dyad, then two more
    assert page.locator("#compare-dyads").input_value() == "IRN-TJK"
    page.fill("#compare-dyads", "IRN-TJK, IRN-AFG, tjk>irn")
    page.click("#compare-go")
    expect(page.locator("#compare-chart .scatterlayer .trace")).to_have_count(3)
    assert "Iran–Afghanistan (1)" in page.locator("#compare-chart .legend").text_content()
    page.fill("#compare-dyads", "IRN-TJK, Iran")
    page.click("#compare-go")
    expect(page.locator("#compare-status")).to_contain_text("Not a dyad: Iran")

    page.select_option("#code-family", "quad:3")  # filter: verbal conflict only
    expect(page.locator("#events tbody")).not_to_contain_text("Sign formal agreement")
    assert "Accuse" in page.locator("#events tbody").inner_text()
    href = page.locator("#download").get_attribute("href")  # the CSV download follows the selection
    assert href.startswith("/api/events.csv?") and "dyad=IRN-TJK" in href and "quad_class=3" in href
    rows = list(csv.DictReader(io.StringIO(page.request.get(server + href).text())))
    assert len(rows) == page.locator("#events tbody tr[data-event-id]").count() > 0
    page.fill("#since", "2023-01-01")
    page.dispatch_event("#since", "change")
    expect(page.locator("#summary")).to_contain_text("by month")

    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert errors == [] and outside == []


def test_dashboard_on_an_empty_store(page, tmp_path):
    from detente.store import Store

    Store.open(tmp_path / "empty.duckdb").close()
    with _serve(tmp_path / "empty.duckdb") as url:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url + "/")
        expect = pytest.importorskip("playwright.sync_api").expect
        expect(page.locator("#empty")).to_contain_text("No events in this store")
        assert page.locator("#empty code").inner_text() == "detente code ARTICLES/ --db STORE.duckdb"
        assert not page.locator("#chart").is_visible() and not page.locator("#controls").is_visible()
        assert not page.locator("#map").is_visible() and not page.locator("#download").is_visible()
        page.screenshot(path=str(tmp_path / "empty.png"), full_page=True)
        assert errors == []
