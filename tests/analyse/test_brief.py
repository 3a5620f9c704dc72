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


# -- lighter, deduplicated, one label per event ---------------------------------------------------
def _brief_store(path: Path) -> Path:
    """A state visit told twice by one article (dated by its text, then 'during the visit' dated
    by publication), a lone 2019 event, and a remark dated only to a decade."""
    import duckdb
    from fixture_store import Art, Ev, build_store

    from detente.store.derived import rebuild_sql

    visit = "Rahmon held talks with Raisi in Tehran on Wednesday, at the end of a two-day state visit."
    during = "During the visit, the two sides signed agreements on trade and transport."
    decade = "Relations were cold for most of the past decade, when Dushanbe accused Tehran of meddling."
    lone = "Iran's president visited Dushanbe on Saturday for a summit."
    arts = [Art("a1", f"{visit} {during} {decade}", published="2023-06-10"), Art("a2", lone, published="2019-06-16"),
            Art("a3", "The two presidents met again in Tehran.", published="2023-06-01")]
    evs = [Ev("visit", "042", "TJK", "IRN", "2023-05-31", [("a1", visit, "visit")]),
           Ev("during", "042", "TJK", "IRN", "2023-06-10", [("a1", during, "visit")]),
           Ev("decade", "112", "TJK", "IRN", "2013-06-01", [("a1", decade, "accused")]),
           Ev("lone", "042", "IRN", "TJK", "2019-06-15", [("a2", lone, "visited")]),
           Ev("met", "040", "TJK", "IRN", "2023-06-01", [("a3", "The two presidents met again in Tehran.", "met")])]
    build_store(path, evs, arts)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE events SET date_basis = 'publication' WHERE event_id IN ('during', 'met')")
        con.execute("UPDATE events SET date_end = DATE '2023-06-01', date_precision = 'decade' WHERE event_id = 'decade'")
        con.execute(rebuild_sql())  # rows changed behind the writer's back: derive again
    return path


def test_an_act_told_twice_is_listed_once(tmp_path):
    from detente.analyse.query import open_db

    with open_db(_brief_store(tmp_path / "b.duckdb")) as store:
        brief = build_brief(store, "IRN", "TJK")
    listed = [e.event_id for e in brief.key_events]
    assert "visit" in listed and "during" not in listed  # the same visit, dated by publication
    assert "met" in listed  # dated by publication too, but its article dates nothing else
    assert brief.repeats == 1 and any("listed once" in c for c in brief.caveats)


def test_a_decade_remark_is_background_not_a_period(tmp_path):
    from detente.analyse.query import open_db

    with open_db(_brief_store(tmp_path / "b.duckdb")) as store:
        brief = build_brief(store, "IRN", "TJK", by="year")
    assert [p.label for p in brief.timeline.periods] == ["2019", "2023"]  # no 2013 out of one remark
    assert [e.event_id for e in brief.timeline.vague] == ["decade"]
    assert any("span of more than a year" in c for c in brief.caveats)
    text = write_brief(tmp_path / "b.duckdb", "IRN", "TJK", fmt="md", out=tmp_path / "b.md").read_text()
    assert "## Background (dated only to a span of years)" in text and "2010s" in text


def test_html_is_light_and_its_plotly_is_the_packaged_one(tmp_path):
    import base64
    import gzip

    from plotly.offline import get_plotlyjs

    page = write_brief(_brief_store(tmp_path / "b.duckdb"), "IRN", "TJK", out=tmp_path / "b.html").read_text()
    assert len(page.encode()) < 2_300_000  # 4.8 MB with plotly.js inline as text
    packed = re.search(r'<script type="application/octet-stream" id="plotly-gz">(.*?)</script>', page, re.S).group(1)
    assert gzip.decompress(base64.b64decode(packed)).decode() == get_plotlyjs()
    assert "DecompressionStream" in page and not re.search(r"<script[^>]*\bsrc\s*=", page)


def test_the_unpacker_runs_in_node(tmp_path):
    import shutil
    import subprocess

    from detente.analyse.brief import PLOTLY_LOADER, plotly_gz

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    (tmp_path / "gz.txt").write_text(plotly_gz())
    unpack = PLOTLY_LOADER[:PLOTLY_LOADER.index("(async () =>")]
    script = unpack + ("require('fs'); detenteUnpack(require('fs').readFileSync(process.argv[1], 'utf8'))"
                       ".then((t) => console.log(t.slice(0, 12)))")
    done = subprocess.run([node, "-e", script, str(tmp_path / "gz.txt")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("/**"), done.stderr


def test_chart_one_event_periods_have_no_band_and_no_line_crosses_a_gap(tmp_path):
    from detente.analyse.chart import index_figure
    from detente.analyse.query import open_db

    with open_db(_brief_store(tmp_path / "b.duckdb")) as store:
        brief = build_brief(store, "IRN", "TJK", by="year")
    fig = index_figure(brief.timeline, list(brief.phases))
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 1 and None in lines[0].x  # 2019 and 2023 are not joined
    index = next(t for t in fig.data if t.name == "relations index (95% band)")
    one = [i for i, p in enumerate(brief.timeline.periods) if p.n_events == 1]
    assert one and all(index.error_y.array[i] == 0 and index.error_y.arrayminus[i] == 0 for i in one)


def test_each_event_is_labelled_once(tmp_path):
    page = write_brief(_brief_store(tmp_path / "b.duckdb"), "IRN", "TJK", out=tmp_path / "b.html").read_text()
    table = page[page.index('<table id="key-events">'):page.index("</table>", page.index('<table id="key-events">'))]
    assert "Tajikistan → Iran" in table and ">TJK → IRN<" not in table
