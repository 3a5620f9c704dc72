"""Every message the command line prints to a person, in one place and one style.

Style: lower case after the prefix (``error:``, ``warning:``, ``note:``), the input named, the
reason, and — when there is one — what to do about it, as a command to type. Counts agree with
their nouns ("1 article", "2 articles"). Data goes to stdout; every message goes to stderr.
"""
from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    # -- errors (exit status 2) ------------------------------------------------------------
    "error": "error: {reason}",
    "usage": "error: {reason} (see `{command} --help`)",
    "aborted": "error: aborted",
    "no_store": "error: no database at {db}; create one with `detente code FILES --db {db}` "
                "(or try `detente demo`)",
    "bad_date": "error: cannot read the date {value!r} for {option}; use YYYY-MM-DD",
    "not_a_country": "error: {value!r} is not a country code; use ISO 3166 alpha-3{suggestion}",
    "country_suggestion": " (did you mean {code}, {name}?)",
    "stdout_binary": "error: {fmt} is a binary format and stdout is a terminal; give --out FILE "
                     "(or pipe it: `detente export --format {fmt} --out - > events.{fmt}`)",
    "export_needs_out": "error: --out is needed for --format {fmt} (a binary file); give --out FILE",
    "pdf_refused": "error: {path}: PDF is not read; convert it to text first "
                   "(e.g. `pdftotext {path} {stem}.txt`) and give the .txt",
    "no_inputs": "error: no input found in {paths}: a folder must hold .txt, .html, .jsonl, .json or .csv files",
    # -- warnings and notes (stderr, the command goes on) -------------------------------------
    "listening_open": "warning: listening on {host}: anyone who can reach it can read the store",
    "undated_inputs": "note: {n} had no publication date (flag no_published_date), so events told without "
                      "a date of their own are undated ('?'); give `--published YYYY-MM-DD` to date them",
    # -- results (stderr) ------------------------------------------------------------------
    "written": "{what} written to {path}",
    "serving": "dashboard at {url}/ · the API described at {url}/openapi.json (Ctrl-C stops)",
    "no_article": "note: no article with id {id!r} in {db}",
    "no_dyads": "note: no event between two countries was coded",
    "demo_next": ("the demo's files are in {folder}\n"
                  "try next:\n"
                  "  DB={db}\n"
                  "  detente events --db \"$DB\" --dyad {a}-{b}    # the events, with their evidence\n"
                  "  detente dyad {a} {b} --db \"$DB\"             # the relations index by period, phases\n"
                  "  detente brief {a} {b} --db \"$DB\" --format md --out -\n"
                  "  detente serve --db \"$DB\"                    # the dashboard, at http://127.0.0.1:8000/\n"
                  "  detente code YOUR-FILES --db news.duckdb    # your own articles: .txt .html .jsonl .csv, URLs"),
    "stopped": "stopped; everything done so far is in {db}: run the same command to resume",
}


def message(key: str, **values: Any) -> str:
    """The catalogue's message ``key`` filled with ``values``."""
    return MESSAGES[key].format(**values)


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1 country``, ``3 countries`` (give ``nouns`` when the
    plural is not the noun + s)."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"
