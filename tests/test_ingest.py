"""The ingest stage: every input format, dates, language, and every kind of bad input."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from detente.dates import read_date
from detente.ingest import make_article, read_inputs
from detente.model import Article, Rejection
from detente.settings import Settings

SETTINGS = Settings()

PARA_1 = ("The foreign ministers of Armenia and Georgia met in Tbilisi on Tuesday to discuss road links, "
          "energy transit and the reopening of a border crossing that has been closed for repairs.")
PARA_2 = ("Officials from both governments said that a joint commission would report by the end of the year "
          "and that the two sides had agreed to hold their next round of talks in Yerevan.")
ENGLISH = f"{PARA_1}\n\n{PARA_2}"
GERMAN = ("Die Außenminister der beiden Länder haben sich am Dienstag in der Hauptstadt getroffen und über "
          "Straßenverbindungen, Energie und die Öffnung eines Grenzübergangs gesprochen. Eine gemeinsame "
          "Kommission soll bis zum Jahresende einen Bericht vorlegen.")


def read(*inputs, settings=SETTINGS, **kw):
    return list(read_inputs([str(i) for i in inputs], settings, **kw))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def rejections(items):
    return [i for i in items if isinstance(i, Rejection)]


# -- text ---------------------------------------------------------------------------------
def test_txt_headline_becomes_title_and_raw_text_is_unchanged(tmp_path):
    text = f"Armenia and Georgia agree on road links\n\n{ENGLISH}\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read(path)
    assert article.title == "Armenia and Georgia agree on road links"
    assert article.raw_text == text
    assert article.language == "en"
    assert article.origin == str(path)
    assert article.id.startswith("story_")


def test_txt_first_paragraph_is_not_a_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [article] = read(path)
    assert article.title is None


def test_txt_id_is_stable_and_depends_on_name_and_content(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    first = read(tmp_path / "a.txt")[0].id
    assert read(tmp_path / "a.txt")[0].id == first
    assert read(tmp_path / "b.txt")[0].id != first
    (tmp_path / "a.txt").write_text(ENGLISH + " More.", encoding="utf-8")
    assert read(tmp_path / "a.txt")[0].id != first


def test_article_without_date_is_flagged_never_dated_today(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [article] = read(path)
    assert article.published is None
    assert "no_published_date" in article.flags


def test_published_option_fills_only_inputs_without_date(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": PARA_1 + " " + PARA_2, "published": "2021-03-04"}) + "\n",
                                      encoding="utf-8")
    items = read(tmp_path / "a.txt", tmp_path / "b.jsonl", published=dt.date(2020, 1, 2))
    by_origin = {a.origin: a for a in articles(items)}
    filled = by_origin[str(tmp_path / "a.txt")]
    assert filled.published == dt.date(2020, 1, 2)
    assert "no_published_date" not in filled.flags and "published_from_option" in filled.flags
    assert by_origin[f"{tmp_path / 'b.jsonl'}:1"].published == dt.date(2021, 3, 4)


# -- html ---------------------------------------------------------------------------------
HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Armenia and Georgia agree on road links | Caucasus Daily</title>
<meta name="author" content="Ana Beridze">
<meta property="article:published_time" content="2022-09-14T08:30:00Z">
<meta property="og:site_name" content="Caucasus Daily">
<link rel="canonical" href="https://caucasus-daily.example/2022/roads"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Armenia and Georgia agree on road links</h1><p>{p1}</p><p>{p2}</p></article>
<footer>Contact us</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML.format(p1=PARA_1, p2=PARA_2), encoding="utf-8")
    [article] = read(path)
    assert PARA_1 in article.raw_text and PARA_2 in article.raw_text
    assert "Contact us" not in article.raw_text and "Home" not in article.raw_text
    assert article.title == "Armenia and Georgia agree on road links"
    assert article.author == "Ana Beridze"
    assert article.published == dt.date(2022, 9, 14)
    assert article.url == "https://caucasus-daily.example/2022/roads"
    assert article.publisher == "Caucasus Daily"


def test_html_date_in_the_text_is_not_the_publication_date(tmp_path):
    html = HTML.format(p1="On 3 March 2021 " + PARA_1, p2=PARA_2)
    html = html.replace('<meta property="article:published_time" content="2022-09-14T08:30:00Z">', "")
    path = tmp_path / "nodate.html"
    path.write_text(html, encoding="utf-8")
    [article] = read(path)
    assert article.published is None and "no_published_date" in article.flags


def test_html_in_declared_legacy_charset(tmp_path):
    html = HTML.format(p1=PARA_1 + " Café talks.", p2=PARA_2).replace('charset="utf-8"', 'charset="iso-8859-1"')
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("latin-1"))
    [article] = read(path)
    assert "Café talks." in article.raw_text


def test_html_without_text_is_rejected(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing here</title></head><body></body></html>", encoding="utf-8")
    [rejection] = read(path)
    assert isinstance(rejection, Rejection) and "no article text" in rejection.reason


# -- json lines / json ----------------------------------------------------------------------
def record(**kw):
    base = {"id": "r1", "text": ENGLISH, "title": "Road links", "publisher": "Wire", "author": "A. Writer",
            "published": "2022-09-14", "url": "https://example.org/r1", "language": "en"}
    base.update(kw)
    return base


def test_jsonl_records_keep_their_fields(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [record(), record(id="r2", text=PARA_1 + " Again.")]) + "\n\n",
                    encoding="utf-8")
    first, second = read(path)
    assert (first.id, first.title, first.publisher, first.author, first.url, first.language) == \
        ("r1", "Road links", "Wire", "A. Writer", "https://example.org/r1", "en")
    assert first.published == dt.date(2022, 9, 14)
    assert first.origin == f"{path}:1" and second.origin == f"{path}:2"


def test_jsonl_bad_lines_are_rejected_with_line_numbers_and_reading_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(record(id="ok1")), '{"id": "broken", "text": ', json.dumps({"id": "x"}),
             json.dumps(record(id="e", text="   ")), "[1, 2]", json.dumps(record(id="n", text=42)),
             json.dumps(record(id="ok2", text=PARA_2))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok1", "ok2"]
    reasons = {r.origin: r.reason for r in rejections(items)}
    assert reasons[f"{path}:2"].startswith("malformed JSON")
    assert reasons[f"{path}:3"] == "missing 'text' field"
    assert reasons[f"{path}:4"] == "empty text"
    assert "not an object" in reasons[f"{path}:5"]
    assert "not a string" in reasons[f"{path}:6"]


def test_jsonl_record_without_id_gets_a_stable_one(tmp_path):
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8")
    assert read(path)[0].id == read(path)[0].id
    assert read(path)[0].id.startswith("noid_")


def test_json_list_single_object_and_jsonl_in_a_json_file(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([record(id="a"), record(id="b", text=PARA_1)]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(record(id="c", text=PARA_2)), encoding="utf-8")
    (tmp_path / "lines.json").write_text(json.dumps(record(id="d", text=PARA_1 + " x")) + "\n"
                                         + json.dumps(record(id="e", text=PARA_2 + " y")) + "\n", encoding="utf-8")
    assert [a.id for a in read(tmp_path / "list.json")] == ["a", "b"]
    assert [a.id for a in read(tmp_path / "one.json")] == ["c"]
    assert [a.id for a in read(tmp_path / "lines.json")] == ["d", "e"]


def test_json_malformed_file_is_rejected_with_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n{"id": "a",\n "text": }\n]', encoding="utf-8")
    [rejection] = read(path)
    assert rejection.origin == f"{path}:3" and rejection.reason.startswith("malformed JSON")


# -- csv ----------------------------------------------------------------------------------
def test_csv_with_unnamed_index_date_text_source(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('"","date","text","source"\n'
                    f'"3",2019-04-10,"{PARA_1}","Daily Paper"\n'
                    f'"7",2019-04-11,"{PARA_2}\n\nA second paragraph, inside quotes.","Daily Paper"\n',
                    encoding="utf-8")
    first, second = read(path)
    assert first.published == dt.date(2019, 4, 10) and first.publisher == "Daily Paper"
    assert first.raw_text == PARA_1
    assert second.raw_text.endswith("inside quotes.")
    assert first.origin == f"{path}:2" and second.origin == f"{path}:3"
    assert first.id != second.id


def test_csv_configured_columns(tmp_path):
    path = tmp_path / "custom.csv"
    path.write_text("key,day,body,headline\n"
                    f"k-1,14 September 2022,\"{ENGLISH}\",Road links\n", encoding="utf-8")
    settings = SETTINGS.replace(csv_text_column="body", csv_date_column="day", csv_id_column="key",
                                csv_title_column="headline")
    [article] = read(path, settings=settings)
    assert (article.id, article.title, article.published) == ("k-1", "Road links", dt.date(2022, 9, 14))


def test_csv_without_text_column_is_rejected_naming_the_columns(tmp_path):
    path = tmp_path / "nocol.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    [rejection] = read(path)
    assert "no text column 'text'" in rejection.reason and "'a'" in rejection.reason


def test_csv_fields_longer_than_the_csv_default_limit(tmp_path):
    long_text = (PARA_1 + " ") * 1200  # ~230,000 characters
    path = tmp_path / "long.csv"
    path.write_text(f'text,date\n"{long_text}",2020-01-01\n', encoding="utf-8")
    [article] = read(path, settings=SETTINGS.replace(max_chars=400_000))
    assert len(article.raw_text) > 131072


# -- folders, gzip, stdin -----------------------------------------------------------------------
def test_folder_is_read_recursively_in_sorted_order_naming_what_is_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(PARA_2, encoding="utf-8")
    (tmp_path / "a.txt").write_text(PARA_1, encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(ENGLISH + " hidden", encoding="utf-8")
    items = read(tmp_path)
    assert [a.raw_text for a in articles(items)] == [PARA_1, PARA_2]
    assert sorted(Path(r.origin).name for r in rejections(items)) == [".hidden", ".secret.txt"]
    assert all("hidden" in r.reason for r in rejections(items))


def test_gzip_of_each_format(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(record(id="gz1")) + "\n")
    with gzip.open(tmp_path / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(PARA_2)
    with gzip.open(tmp_path / "c.csv.gz", "wt", encoding="utf-8") as fh:
        fh.write(f'text\n"{PARA_1} Third."\n')
    items = read(tmp_path)
    assert not rejections(items)
    assert [a.raw_text for a in items] == [ENGLISH, PARA_2, PARA_1 + " Third."]


def test_truncated_gzip_keeps_the_records_before_the_break(tmp_path):
    payload = "".join(json.dumps(record(id=f"t{i}", text=f"{PARA_1} Number {i}.")) + "\n" for i in range(400))
    data = gzip.compress(payload.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    assert 0 < len(articles(items)) < 400
    [rejection] = rejections(items)
    assert rejection.origin == str(path) and "truncated" in rejection.reason


def test_stdin_jsonl_and_text_are_sniffed():
    jsonl = (json.dumps(record(id="s1")) + "\n").encode("utf-8")
    [from_jsonl] = read("-", stdin=io.BytesIO(jsonl))
    assert from_jsonl.id == "s1" and from_jsonl.origin == "<stdin>:1"
    [from_text] = read("-", stdin=io.BytesIO(ENGLISH.encode("utf-8")))
    assert from_text.raw_text == ENGLISH and from_text.origin == "<stdin>"
    [empty] = read("-", stdin=io.BytesIO(b"  \n"))
    assert isinstance(empty, Rejection) and empty.origin == "<stdin>"


# -- bad input ------------------------------------------------------------------------------
def test_each_kind_of_bad_file_is_a_rejection_with_its_reason(tmp_path):
    settings = SETTINGS.replace(max_chars=1000, max_file_bytes=5000)
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(("Caf\xe9 talks in Yerevan. " + PARA_1).encode("latin-1"))
    (tmp_path / "long.txt").write_text(PARA_1 * 10, encoding="utf-8")
    (tmp_path / "huge.txt").write_text(PARA_1 * 40, encoding="utf-8")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 ...")
    whole = gzip.compress(json.dumps(record(id="g")).encode("utf-8") + b"\n")
    (tmp_path / "broken.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    os.symlink(tmp_path / "missing-target.txt", tmp_path / "dangling.txt")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    items = read(tmp_path, tmp_path / "not-there.jsonl", settings=settings)
    assert [a.raw_text for a in articles(items)] == [ENGLISH]
    reasons = {Path(r.origin).name: r.reason for r in rejections(items)}
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["empty.txt"] == "empty file"
    assert reasons["latin1.txt"] == "not UTF-8 text (byte 0xe9 at byte offset 3)"
    assert reasons["long.txt"].startswith(f"oversized: {len(PARA_1) * 10} characters (limit: max_chars 1000; ")
    assert reasons["huge.txt"].startswith(f"oversized: {len(PARA_1) * 40} bytes (limit: max_file_bytes 5000; ")
    assert reasons["doc.pdf"].startswith("a PDF is not read; convert it to text first")
    assert "truncated or corrupt gzip" in reasons["broken.jsonl.gz"]
    assert reasons["dangling.txt"].startswith("cannot read")
    assert reasons["not-there.jsonl"] == "no such file or directory"


def test_utf8_bom_is_accepted_and_utf16_rejected(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    (tmp_path / "wide.txt").write_bytes(ENGLISH.encode("utf-16"))
    [good] = read(tmp_path / "bom.txt")
    assert good.raw_text == ENGLISH
    [bad] = read(tmp_path / "wide.txt")
    assert isinstance(bad, Rejection) and "UTF-16" in bad.reason


def test_encoding_error_in_jsonl_line_gives_byte_offset(tmp_path):
    path = tmp_path / "enc.jsonl"
    first = (json.dumps(record(id="a")) + "\n").encode("utf-8")
    path.write_bytes(first + b'{"id": "b", "text": "caf\xe9"}\n')
    items = read(path)
    assert [a.id for a in articles(items)] == ["a"]
    [rejection] = rejections(items)
    assert rejection.origin == f"{path}:2"
    assert rejection.reason == f"not UTF-8 text (byte offset {len(first) + 24})"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    path.chmod(0)
    [rejection] = read(path)
    assert rejection.reason.startswith("cannot read")


# -- language -------------------------------------------------------------------------------
def test_non_english_text_is_skipped_with_its_language(tmp_path):
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    [rejection] = read(tmp_path / "de.txt")
    assert rejection.reason == "language 'de' (not in en)"


def test_declared_language_is_trusted(tmp_path):
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps(record(language="fr-FR")) + "\n", encoding="utf-8")
    [rejection] = read(path)
    assert rejection.reason == "language 'fr' (not in en)"
    [article] = read(path, settings=SETTINGS.replace(languages=("en", "fr")))
    assert article.language == "fr"


def test_language_detection_is_deterministic_and_skips_short_texts(tmp_path):
    (tmp_path / "short.txt").write_text("Kurz.", encoding="utf-8")
    [article] = read(tmp_path / "short.txt")
    assert article.language is None
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    assert {read(tmp_path / "de.txt")[0].reason for _ in range(5)} == {"language 'de' (not in en)"}


# -- dates ---------------------------------------------------------------------------------
def test_unreadable_date_is_flagged(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record(published="sometime soon")) + "\n", encoding="utf-8")
    [article] = read(path)
    assert article.published is None
    assert {"unparsed_published_date", "no_published_date"} <= set(article.flags)


def test_make_article():
    article = make_article("x", ENGLISH, published="2022-01-02", title="  Road links ", author="")
    assert article.published == dt.date(2022, 1, 2) and article.title == "Road links" and article.author is None
    assert article.content_hash and article.flags == ()
    assert make_article("y", ENGLISH).flags == ("no_published_date",)


def test_a_crashing_reader_rejects_its_input_only(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "a.html").write_text(f"<html><body><p>{PARA_1}</p></body></html>")
    (tmp_path / "b.txt").write_text(ENGLISH)
    items = read(tmp_path)
    assert [a.raw_text for a in articles(items)] == [ENGLISH]
    [bad] = rejections(items)
    assert bad.origin.endswith("a.html") and "ImportError" in bad.reason


def test_bad_bytes_on_stdin_are_a_rejection_not_an_error():
    (bad,) = rejections(read("-", stdin=io.BytesIO(b"\xff\xfe\x00bad\x00bytes")))
    assert bad.origin == "<stdin>" and bad.reason


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1799-12-31"])
def test_implausible_publication_dates_are_no_dates(tmp_path, value):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(record(published=value)) + "\n", encoding="utf-8")
    [article] = read(path)
    assert article.published is None
    assert {"unparsed_published_date", "no_published_date"} <= set(article.flags)
    assert read_date("2200-12-31") == dt.date(2200, 12, 31)


def test_an_extreme_date_codes_without_error():
    from detente.pipeline import code_text

    events = code_text("Iran's army will attack Iraq tomorrow.", published="9999-12-31")
    assert all(e.date_basis != "publication" for e in events)


@pytest.mark.parametrize("raw_id, reason", [("true", "bool"), ("[]", "list"), ('{"a": 1}', "dict"),
                                            ('"' + "x" * 500 + '"', "longer"), ("1" * 400, "longer"),
                                            ("1" * 5000, "unreadable")],
                         ids=["bool", "list", "dict", "long-string", "400-digits", "5000-digits"])
def test_ids_that_are_not_ids_are_named_and_the_rest_is_kept(tmp_path, raw_id, reason):
    line = '{"id": %s, "text": %s}' % (raw_id, json.dumps(ENGLISH))
    path = tmp_path / "ids.jsonl"
    path.write_text(line + "\n" + json.dumps(record(id="ok")) + "\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok"]
    [bad] = rejections(items)
    assert reason in bad.reason and bad.origin.endswith(":1")


def test_lone_surrogates_reject_the_record_only(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "a", "text": "Iran \\ud800 visited Tajikistan and then went home again."}\n'
                    + json.dumps(record(id="ok")) + "\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok"]
    assert "surrogate" in rejections(items)[0].reason


def test_deeply_nested_json_rejects_its_line_only(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(record(id="ok")) + "\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in articles(items)] == ["ok"]
    assert rejections(items)[0].origin.endswith(":1")


# -- guards by decoded size and per-record isolation (issue 13) -----------------------------
def test_a_gzipped_line_too_long_is_skipped_unread_and_named(tmp_path):
    settings = SETTINGS.replace(max_chars=1000)  # lines of up to 71,536 bytes
    huge = json.dumps(record(id="huge", text="Iran " * 2_000_000))  # 10 MB, compresses to a few kB
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(record(id="a")) + "\n" + huge + "\n" + json.dumps(record(id="b")) + "\n")
    assert path.stat().st_size < 100_000
    items = read(path, settings=settings)
    assert [a.id for a in articles(items)] == ["a", "b"]
    [bad] = rejections(items)
    assert bad.origin == f"{path}:2" and bad.reason.startswith(f"oversized line: {len(huge) + 1} bytes")


def test_lines_are_read_with_a_limit_never_whole():
    from detente.ingest.formats import bounded_lines as _lines

    class Stream(io.BytesIO):
        largest = 0

        def readline(self, size=-1):
            assert size > 0, "a line is never read without a limit"
            line = super().readline(size)
            Stream.largest = max(Stream.largest, len(line))
            return line

    data = b"short\n" + b"x" * 5_000_000 + b"\nlast"
    assert list(_lines(Stream(data), 100)) == [b"short\n", 5_000_001, b"last"]
    assert Stream.largest <= 1 << 20


def test_a_text_file_is_read_up_to_the_record_limit(tmp_path):
    settings = SETTINGS.replace(max_chars=1000)
    path = tmp_path / "long.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(PARA_1 * 5000)
    [bad] = read(path, settings=settings)
    assert "oversized" in bad.reason and str(settings.max_record_bytes) in bad.reason


def test_nul_bytes_reject_only_their_jsonl_line(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(json.dumps(record(id="a")).encode() + b"\n" + b'{"id": "b", "text": "Iran\x00visited"}\n'
                     + json.dumps(record(id="c")).encode() + b"\n")
    items = read(path)
    assert [a.id for a in articles(items)] == ["a", "c"]
    [bad] = rejections(items)
    assert bad.origin == f"{path}:2" and "NUL" in bad.reason


def test_bad_csv_rows_reject_only_themselves(tmp_path):
    settings = SETTINGS.replace(max_chars=1000)
    path = tmp_path / "rows.csv"
    rows = [b"id,text", b"a," + PARA_1.encode(), b'b,"Iran\x00 visited"', b"c,caf\xe9 " + PARA_1.encode(),
            b'd,"' + b"x" * 80_000 + b'"', b"e," + PARA_2.encode()]
    path.write_bytes(b"\n".join(rows) + b"\n")
    items = read(path, settings=settings.replace(csv_id_column="id"))
    assert [a.id for a in articles(items)] == ["a", "e"]
    reasons = {r.origin: r.reason for r in rejections(items)}
    assert list(reasons) == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "NUL" in reasons[f"{path}:3"] and "UTF-8" in reasons[f"{path}:4"]
    assert reasons[f"{path}:5"].startswith("oversized line")


def test_a_row_cut_by_a_bad_line_is_not_stored_half(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes(b'id,text\na,"' + PARA_1.encode() + b"\ncaf\xe9 in the middle\n" + PARA_2.encode()
                     + b'"\nb,' + PARA_2.encode() + b"\n")
    items = read(path, settings=SETTINGS.replace(csv_id_column="id"))
    assert all(PARA_1 not in a.raw_text for a in articles(items))
    assert "b" in [a.id for a in articles(items)]
    assert rejections(items)[0].origin == f"{path}:3"


def test_a_binary_file_named_jsonl_is_rejected_whole(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    [bad] = read(path)
    assert bad.reason.startswith("binary file")


def test_gzip_on_stdin_is_decompressed_as_it_is_read():
    payload = gzip.compress((json.dumps(record(id="s1")) + "\n").encode() + b"x" * 20_000_000 + b"\n")
    items = read("-", stdin=io.BytesIO(payload), settings=SETTINGS.replace(max_chars=1000))
    assert [a.id for a in articles(items)] == ["s1"]
    assert rejections(items)[0].reason.startswith("oversized line")


def test_oversized_stdin_is_named_not_cut():
    [bad] = read("-", stdin=io.BytesIO(ENGLISH.encode() * 10), settings=SETTINGS.replace(max_file_bytes=500))
    assert bad.origin == "<stdin>" and bad.reason.startswith("oversized")


def test_a_text_of_symbols_is_rejected_by_its_number_of_tokens(tmp_path):
    path = tmp_path / "bangs.txt"
    path.write_text("! " * 300, encoding="utf-8")
    [bad] = read(path, settings=SETTINGS.replace(max_tokens=200))
    assert bad.reason.startswith("oversized: about 300 words and symbols (limit: max_tokens 200; ") and "--settings FILE" in bad.reason


def test_a_long_text_of_symbols_is_no_prose(tmp_path):
    path = tmp_path / "bangs.txt"
    path.write_text("Iran visited Tajikistan. " + "! " * 6000, encoding="utf-8")
    [bad] = read(path)
    assert bad.reason.startswith("not prose: about 6004 words and symbols")
    (tmp_path / "prose.txt").write_text(ENGLISH * 150, encoding="utf-8")
    assert isinstance(read(tmp_path / "prose.txt")[0], Article)
