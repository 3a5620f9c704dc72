"""A local news site for the fetch, feed and watch tests: an http.server on 127.0.0.1 in a thread.

    with NewsSite() as site:
        site.article("/news/1", "Title", text, delay=0.2, fail_first=1)
        site.feed("/feed.xml", [("/news/1", "guid-1")])
        url = site.url("/feed.xml")

Routes answer pages, feeds, redirects and failures; ``hits`` counts the requests per path.
"""
from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from detente.settings import Settings

# Settings for tests: loopback allowed, short timeouts and back-off, no host interval.
FAST = Settings(coder="rules", fetch_private_hosts=True, fetch_timeout=1, fetch_retries=1, fetch_backoff=0.05,
                fetch_host_interval=0.0, fetch_max_redirects=2)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    fail_first: int = 0  # answer 500 to the first N requests
    location: str | None = None  # a redirect


class NewsSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path.split("?", 1)[0]
                with site._lock:
                    site.hits[path] += 1
                    count = site.hits[path]
                    site.agents.add(self.headers.get("User-Agent", ""))
                route = site.routes.get(path)
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                if count <= route.fail_first:
                    return self._send(500, b"server error", "text/plain")
                if route.location:
                    self.send_response(route.status)
                    self.send_header("Location", route.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                return self._send(route.status, route.body, route.content_type)

            def _send(self, status: int, body: bytes, kind: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "NewsSite":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def add(self, path: str, **route: object) -> None:
        self.routes[path] = Route(**route)  # type: ignore[arg-type]

    def article(self, path: str, title: str, text: str, published: str = "2024-03-05", **route: object) -> None:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        html = (f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
                f'<meta name="date" content="{published}"></head><body><nav>Home | World | Sport</nav>'
                f"<article><h1>{escape(title)}</h1>{paragraphs}</article><footer>(c) Test News</footer>"
                "</body></html>")
        self.add(path, body=html.encode("utf-8"), **route)

    def feed(self, path: str, items: list[tuple[str, str]], title: str = "Test News", **route: object) -> None:
        """An RSS 2.0 feed of (page path, guid) items."""
        entries = "".join(
            f"<item><title>Item {escape(guid)}</title><link>{escape(self.url(page))}</link>"
            f"<guid isPermaLink=\"false\">{escape(guid)}</guid>"
            f"<pubDate>{format_datetime(_date(i))}</pubDate></item>" for i, (page, guid) in enumerate(items))
        xml = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
               f"<link>{self.url('/')}</link><description>test</description>{entries}</channel></rss>")
        self.add(path, body=xml.encode("utf-8"), content_type="application/rss+xml", **route)


def _date(i: int):
    import datetime as dt

    return dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.timezone.utc) + dt.timedelta(hours=i)


_COUNTRIES = ["Iran", "Tajikistan", "Uzbekistan", "Kazakhstan", "Armenia", "Georgia", "Turkey", "Pakistan",
              "India", "China", "Japan", "Egypt", "Kenya", "Brazil", "Chile", "Norway", "Poland", "Spain"]
_SUBJECTS = ["The foreign minister of {a}", "The president of {a}", "A delegation from {a}",
             "The defence ministry of {a}", "The prime minister of {a}", "Officials of {a}"]
_ACTS = ["met the ambassador of {b} in the capital", "discussed trade and water with the envoy of {b}",
         "signed an agreement on energy with {b}", "visited {b} for two days of talks",
         "praised the cooperation with {b} in a statement", "called for more flights to {b}"]
_TAILS = ["and said that the talks had been useful.", "and promised that the work would continue this year.",
          "at the end of a week of meetings.", "after the crisis of the spring.",
          "while the press watched the ceremony.", "and the two sides agreed to meet again in the autumn."]


def article_text(i: int, sentences: int = 8) -> str:
    """A unique English news text (its own mix of countries, acts and phrases) for item ``i``."""
    rng = random.Random(i)
    out = []
    for _ in range(sentences):
        a, b = rng.sample(_COUNTRIES, 2)
        out.append(f"{rng.choice(_SUBJECTS).format(a=a)} {rng.choice(_ACTS).format(b=b)} {rng.choice(_TAILS)} "
                   f"It was meeting number {rng.randint(2, 9999)} of the {rng.choice(['year', 'season', 'decade'])}.")
    return "\n\n".join(" ".join(out[k:k + 2]) for k in range(0, len(out), 2))
