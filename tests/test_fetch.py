"""Fetching feeds and pages from a local server: politeness, failures named, the page cache, and
feeds and URL lists read through the same HTML reader as files."""
from __future__ import annotations

import dataclasses
import gzip

import pytest
from newsite import FAST, NewsSite, article_text

from detente.errors import FetchError, InputError
from detente.fetch import USER_AGENT, Fetcher, Page, is_url, looks_like_feed, page_cache_dir, parse_feed
from detente.ingest import read_inputs
from detente.model import Article, Rejection
from detente.pipeline import Pipeline
from detente.store import Store


@pytest.fixture()
def site():
    with NewsSite() as s:
        yield s


def read(inputs, settings=FAST, fetcher=None):
    items = list(read_inputs(inputs, settings, fetcher=fetcher))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


# -- the acceptance feed: 50 items, delays, errors, duplicates ------------------------------------------
def test_a_feed_of_50_items_with_delays_errors_and_duplicates_is_stored_once_each(site, tmp_path):
    items = []
    for i in range(50):
        route = {"delay": 0.15} if i % 5 == 0 else {"fail_first": 1} if i % 7 == 0 else \
            {"fail_first": 3} if i in (11, 22) else {}  # 3 failures: trafilatura gives up, detente's retry succeeds
        site.article(f"/news/{i}", f"Story {i}", article_text(i), **route)
        link = f"/news/{i}"
        if i % 6 == 0:  # a redirect to the page
            site.add(f"/go/{i}", status=301, location=site.url(link))
            link = f"/go/{i}"
        items.append((link, f"guid-{i}"))
    items += [items[3], items[10], (f"/news/{20}", "another-guid-for-20"), items[49]]  # listed twice
    site.feed("/feed.xml", items)
    with Store.open(tmp_path / "news.duckdb") as store:
        summary = Pipeline(FAST).ingest([site.url("/feed.xml")], store)
        assert summary.rejections == []
        assert summary.stored == 50 and store.article_count() == 50
        numbers = sorted(int(a.url.rsplit("/", 1)[1]) for a in store.get_articles())
        assert numbers == list(range(50))
        page_hits = sum(n for path, n in site.hits.items() if path.startswith(("/news/", "/go/")))
        again = Pipeline(FAST).ingest([site.url("/feed.xml")], store)
        assert (again.stored, again.rejections) == (0, []) and store.article_count() == 50
    # the rerun fetched the feed again and no page
    assert sum(n for path, n in site.hits.items() if path.startswith(("/news/", "/go/"))) == page_hits
    assert site.hits["/feed.xml"] == 2
    assert site.agents == {USER_AGENT}


# -- failures become named rejections ------------------------------------------------------------------
def test_failing_slow_missing_and_forbidden_pages_are_named_rejections(site):
    site.add("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.article("/ok", "Fine", article_text(1))
    site.add("/broken", status=500, body=b"no")
    site.article("/slow", "Slow", article_text(2), delay=2.5)
    site.article("/private/memo", "Memo", article_text(3))
    site.add("/binary", body=b"\x00\x01\x02" * 100, content_type="application/octet-stream")
    site.add("/empty-page", body=b"<html><head><title>t</title></head><body><div></div></body></html>")
    settings = dataclasses.replace(FAST, fetch_retries=0)
    urls = [site.url(p) for p in ("/ok", "/broken", "/slow", "/missing", "/private/memo", "/binary", "/empty-page")]
    articles, rejections = read(urls + ["http://"], settings)
    assert [a.url for a in articles] == [site.url("/ok")]
    reasons = {r.origin: r.reason for r in rejections}
    assert reasons[site.url("/broken")] == "no answer: too many 500 error responses; gave up after 1 attempt(s)"
    assert reasons[site.url("/slow")] == "no answer: Read timed out; gave up after 1 attempt(s)"
    assert reasons[site.url("/missing")] == "HTTP 404"
    assert "robots.txt" in reasons[site.url("/private/memo")]
    assert "binary" in reasons[site.url("/binary")]
    assert "no article text" in reasons[site.url("/empty-page")]
    assert reasons["http://"]  # not a URL: read as a path that does not exist, never a crash
    assert site.hits["/private/memo"] == 0 and site.hits["/robots.txt"] == 1


def test_an_unreadable_robots_txt_forbids_the_host(site):
    site.add("/robots.txt", status=503, body=b"down")
    site.article("/a", "A", article_text(4))
    articles, rejections = read([site.url("/a")], dataclasses.replace(FAST, fetch_retries=0))
    assert not articles and site.hits["/a"] == 0
    assert rejections[0].reason == f"robots.txt of {site.url('')} cannot be read (too many 503 error responses), so nothing there may be fetched"


def test_retries_back_off_and_one_host_is_asked_at_intervals(site):
    site.add("/down", status=503, body=b"busy")
    waits: list[float] = []
    clock = [0.0]

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        clock[0] += seconds

    settings = dataclasses.replace(FAST, fetch_retries=2, fetch_backoff=0.5, fetch_host_interval=3.0)
    fetcher = Fetcher(settings, clock=lambda: clock[0], sleep=sleep)
    with pytest.raises(FetchError, match="gave up after 3 attempt"):
        fetcher.get(site.url("/down"))
    # robots.txt, then three attempts: each waits for the host interval; the retries also back off
    assert waits == [3.0, 0.5, 2.5, 1.0, 2.0]


def test_redirects_are_followed_and_the_final_url_names_the_article(site):
    site.article("/final", "Final", article_text(5))
    site.add("/short", status=302, location=site.url("/final"))
    (article,), _ = read([site.url("/short")])
    assert article.url == site.url("/final") and article.origin == site.url("/short")


# -- the cache -------------------------------------------------------------------------------------------
def test_pages_are_cached_beside_the_store_and_a_damaged_entry_is_fetched_again(site, tmp_path):
    site.article("/a", "A", article_text(6))
    cache = page_cache_dir(tmp_path / "x.duckdb")
    assert cache == tmp_path.resolve() / ".detente-cache"
    first = Fetcher(FAST, cache_dir=cache).get(site.url("/a"))
    again = Fetcher(FAST, cache_dir=cache).get(site.url("/a"))
    assert again.from_cache and again.data == first.data and site.hits["/a"] == 1
    (body,) = cache.rglob("*.gz")
    body.write_bytes(b"not gzip")
    assert not Fetcher(FAST, cache_dir=cache).get(site.url("/a")).from_cache and site.hits["/a"] == 2
    assert gzip.decompress(body.read_bytes()) == first.data


def test_feeds_are_never_cached(site, tmp_path):
    site.article("/a", "A", article_text(7))
    site.feed("/feed.xml", [("/a", "a")])
    fetcher = Fetcher(FAST, cache_dir=tmp_path)
    for _ in range(2):
        assert looks_like_feed(fetcher.get(site.url("/feed.xml")))
    assert site.hits["/feed.xml"] == 2


# -- feeds and URL lists ---------------------------------------------------------------------------------
def test_feed_metadata_fills_what_the_page_lacks(site):
    html = (f"<html><body><article><p>{article_text(8)}</p></article></body></html>").encode()
    site.add("/undated", body=html)
    site.feed("/feed.xml", [("/undated", "u1")], title="Caspian Wire")
    (article,), _ = read([site.url("/feed.xml")])
    assert article.publisher == "Caspian Wire" and article.title == "Item u1"
    assert str(article.published) == "2024-03-01" and "published_from_feed" in article.flags


def test_malformed_and_empty_feeds_are_rejected_by_name(site):
    site.add("/bad.xml", body=b"<rss><channel><item><title>x</ti", content_type="application/rss+xml")
    site.add("/empty.xml", body=b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
             content_type="application/rss+xml")
    _, rejections = read([site.url("/bad.xml"), site.url("/empty.xml")])
    reasons = {r.origin: r.reason for r in rejections}
    assert reasons[site.url("/bad.xml")].startswith("malformed feed")
    assert "no items" in reasons[site.url("/empty.xml")]


def test_a_feed_item_whose_page_fails_is_named_with_its_feed(site):
    site.feed("/feed.xml", [("/gone", "g")])
    _, (rejection,) = read([site.url("/feed.xml")])
    assert rejection.origin == f"{site.url('/gone')} (item of {site.url('/feed.xml')})"
    assert rejection.reason == "HTTP 404"


def test_url_lists_and_feed_files(site, tmp_path):
    site.article("/a", "A", article_text(9))
    site.article("/b", "B", article_text(10))
    listing = tmp_path / "today.urls"
    listing.write_text(f"# morning\n{site.url('/a')}\n\nnot a url\n{site.url('/b')}\n", encoding="utf-8")
    feed_file = tmp_path / "saved.rss"
    site.feed("/f", [("/a", "a")])
    feed_file.write_bytes(site.routes["/f"].body)
    articles, rejections = read([str(listing), str(feed_file)])
    assert [a.url for a in articles] == [site.url("/a"), site.url("/b"), site.url("/a")]
    assert rejections == [Rejection(f"{listing}:4", "not an http(s) URL")]


def test_parse_feed_reads_atom_and_never_fetches():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title>One</title><link href="/one"/><id>tag:1</id><updated>2024-02-03T10:00:00Z</updated></entry>
      <entry><title>No link</title><id>tag:2</id></entry></feed>"""
    page = Page("https://example.org/atom", "https://example.org/atom", 200, atom, "application/atom+xml")
    feed = parse_feed(page)
    assert [(e.key, e.link, e.published) for e in feed.entries] == [("tag:1", "https://example.org/one", "2024-02-03")]
    with pytest.raises(InputError):
        parse_feed(Page("x", "x", 200, b"<html><body>hello</body></html>"))


def test_is_url():
    assert is_url("https://example.org/a?b=1") and is_url("HTTP://x.org")
    assert not any(is_url(t) for t in ("ftp://x.org", "example.org", "http://", "file:///etc/passwd"))


def test_ingest_and_code_commands_read_feeds(site, tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    site.article("/a", "Visit", "On 4 March 2024, the president of Iran visited Tajikistan. "
                 "The two presidents signed agreements on energy and water, officials of both countries said.")
    site.feed("/feed.xml", [("/a", "a"), ("/missing", "m")])
    settings = tmp_path / "s.yaml"
    settings.write_text("fetch_private_hosts: true\nfetch_timeout: 1\nfetch_retries: 0\nfetch_host_interval: 0\n"
                        "coder: rules\n", encoding="utf-8")
    db = tmp_path / "n.duckdb"
    result = CliRunner().invoke(app, ["code", site.url("/feed.xml"), "--db", str(db), "--settings", str(settings),
                                      "--format", "jsonl"])
    assert result.exit_code == 1, result.output  # one item skipped
    assert "skipped " + site.url("/missing") in result.stderr and "HTTP 404" in result.stderr
    assert '"num_sources": 1' in result.stdout
