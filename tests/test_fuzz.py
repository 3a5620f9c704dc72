"""A seeded fuzz run (issue 13): 2,000 hostile inputs — random bytes, huge and nested JSON, bad
dates, surrogates, runs of symbols, empty and binary files, wrong types, NUL bytes, conflicting
ids — through `detente ingest` and `detente code` (in process), standard input and the Python
API. No traceback, every bad input named, the good inputs of the same run stored.

Each input is a unit with an origin (a file, or ``file:line`` of a JSONL file): after a run,
every unit is either stored (an article with that origin), or named in the run's rejections
(its own origin or its file's).
"""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import InputError
from detente.store import Store

SEED = 13
GOOD = ("The foreign ministers of Armenia and Georgia met in Tbilisi on Tuesday to discuss road links and "
        "energy transit, and said that the two governments had agreed to hold their next talks in Yerevan.")
SETTINGS_YAML = "max_chars: 3000\nmax_file_bytes: 20000000\nmax_tokens: 2000\nmax_sentence_tokens: 60\ncoder: rules\n"
runner = CliRunner()

SYMBOLS = "!?.,;:()[]{}\"'-_/\\|@#$%^&*+=<>~`😀🔥💥✨🇮🇷…—–«»¿¡"


def good_text(i: int) -> str:
    return f"{GOOD} Report number {i}."


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYMBOLS + "ab \n") for _ in range(n))


def hostile_value(rng: random.Random) -> object:
    """A value of the wrong kind or shape for any field."""
    return rng.choice([
        None, True, 0, -1, 10**30, 1.5e308, float("nan"), [], [1, [2]], {}, {"a": {"b": None}}, "",
        " ", "\ud800", "x\udfffy", "0001-01-01", "9999-12-31", "2023-02-30", "-5", "yesterday",
        "x" * 500, "😀" * 50, "\x00", "<script>alert(1)</script>", "1" * 400,
    ])


def hostile_line(rng: random.Random, i: int) -> bytes:
    """One JSONL line: a bad record, or an odd but good one (which must then be stored)."""
    kind = rng.randrange(16)
    text = f"{GOOD} Line {i} {rng.random()}."
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))).replace(b"\n", b"")
    if kind == 1:
        depth = rng.choice([100, 5000, 50_000])
        return ("[" * depth + "]" * depth).encode()
    if kind == 2:
        return json.dumps({"id": f"n{i}", "text": text, "published": hostile_value(rng)}).encode()
    if kind == 3:
        return json.dumps({"id": hostile_value(rng), "text": text}).encode()
    if kind == 4:
        return json.dumps({"id": f"t{i}", "text": hostile_value(rng)}).encode()
    if kind == 5:
        return json.dumps({"id": f"s{i}", "text": text + "\ud800"}).encode()
    if kind == 6:
        return json.dumps({"id": f"p{i}", "text": f"Line {i}. " + rng.choice(SYMBOLS) * rng.randrange(50, 3000)}).encode()
    if kind == 7:
        return json.dumps({"id": f"h{i}", "text": "x " * rng.randrange(3000, 9000)}).encode()
    if kind == 8:
        return b'{"id": "nul%d", "text": "Iran\x00 visited"}' % i
    if kind == 9:
        return json.dumps({"id": f"m{i}", "text": text, "title": hostile_value(rng), "author": hostile_value(rng),
                           "url": hostile_value(rng), "language": hostile_value(rng)}).encode()
    if kind == 10:
        return json.dumps(hostile_value(rng)).encode()
    if kind == 11:
        return b'{"id": "c%d", "text": "caf\xe9 talks"}' % i
    if kind == 12:
        return b'{"id": 1' + b"0" * rng.randrange(10, 6000) + b', "text": "x"}'
    if kind == 13:
        return json.dumps({"id": "conflict", "text": text}).encode()  # the first is stored, the rest conflict
    if kind == 14:
        return b"{" + _random_text(rng, rng.randrange(1, 300)).encode() + b"}"
    return json.dumps({"id": f"ok{i}", "text": text, "published": "2023-06-05"}).encode()


def hostile_file(rng: random.Random, folder: Path, i: int) -> Path:
    """One file of a kind the readers must survive."""
    kind = rng.randrange(14)
    suffix = rng.choice([".txt", ".html", ".json", ".jsonl", ".csv", "", ".txt.gz", ".jsonl.gz", ".pdf", ".htm"])
    path = folder / f"f{i:04d}{suffix}"
    if kind == 0:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
    elif kind == 1:
        data = b""
    elif kind == 2:
        data = b" \n\t " * rng.randrange(1, 50)
    elif kind == 3:
        data = (f"Iran {i} " + rng.choice(SYMBOLS) * rng.randrange(100, 20_000)).encode()
    elif kind == 4:
        data = ("<html><body><p>" + good_text(10_000 + i) + "</p><script>" + "x" * 100 + "</script>"
                + "<div>" * rng.randrange(1, 3000) + "</body></html>").encode()
    elif kind == 5:
        data = good_text(20_000 + i).encode("utf-16")
    elif kind == 6:
        row = rng.choice([b'"unclosed %d,2023\n', b"a\x00b %d,2023\n", b"\xff\xfe %d,1\n", b",,,%d,\n"])
        data = b"text,date\n" + b"".join(row % (i * 10 + k) for k in range(3))
    elif kind == 7:
        data = gzip.compress(b"a" * rng.randrange(1000, 3_000_000))[: rng.choice([None, 30])]
    elif kind == 8:
        data = b"\n".join(hostile_line(rng, 100_000 + i * 10 + k) for k in range(5))
    elif kind == 9:
        data = json.dumps({"text": good_text(30_000 + i), "published": hostile_value(rng)}).encode()
    elif kind == 10:
        data = ("[" * 20_000).encode()
    elif kind == 11:
        data = (good_text(40_000 + i) + "\n\n" + "Tajikistan, " * rng.randrange(10, 200)).encode()
    elif kind == 12:
        data = b'{"text": "' + b"\\ud83d" * rng.randrange(1, 100) + b'"}'
    else:
        data = _random_text(rng, rng.randrange(1, 5000)).encode()
    if suffix.endswith(".gz") and kind != 7:
        data = gzip.compress(data)
    if rng.random() < 0.02:
        path = folder / f".hidden{i}{suffix}"
    path.write_bytes(data)
    return path


def make_corpus(folder: Path, rng: random.Random, files: int, lines: int, good: int,
                offset: int = 0) -> tuple[list[str], list[str]]:
    """Hostile files and JSONL lines with good inputs among them; returns (unit origins, good ids).

    ``offset`` numbers the inputs, so that corpora made side by side share no text."""
    folder.mkdir(parents=True)
    units, good_ids = [], []
    for i in range(files):
        units.append(str(hostile_file(rng, folder, offset + i)))
    records = [hostile_line(rng, offset + i) for i in range(lines)]
    for k in range(offset, offset + good):  # good records spread through the file
        at = rng.randrange(len(records) + 1)
        records.insert(at, json.dumps({"id": f"good{k}", "text": good_text(k), "published": "2023-06-05"}).encode())
        good_ids.append(f"good{k}")
    lines_file = folder / "lines.jsonl"
    lines_file.write_bytes(b"\n".join(records) + b"\n")
    units += [f"{lines_file}:{n}" for n in range(1, len(records) + 1)]
    (folder / "good.txt").write_text(good_text(-1 - offset), encoding="utf-8")
    units.append(str(folder / "good.txt"))
    return units, good_ids


def run_and_check(tmp_path: Path, command: str, files: int, lines: int, good: int) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text(SETTINGS_YAML, encoding="utf-8")
    units, good_ids = make_corpus(tmp_path / "in", random.Random(f"{SEED}-{command}"), files, lines, good)
    assert len(units) >= files + lines
    db = tmp_path / "fuzz.duckdb"
    result = runner.invoke(app, [command, str(tmp_path / "in"), "--db", str(db), "--settings", str(settings),
                                 *(["--format", "none"] if command == "code" else [])])
    assert result.exit_code == 1, (result.exception, result.stderr[-2000:])  # 1: some inputs skipped
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    with Store.open(db) as store:
        stored = {a.origin: a for a in store.get_articles()}
        rejected = {row[0] for row in store.con.execute("SELECT origin FROM rejections").fetchall()}
        uncoded = store.uncoded_articles()
        ids = {a.id for a in stored.values()}
    assert set(good_ids) | {"conflict"} <= ids
    for unit in units:
        file = unit.rsplit(":", 1)[0] if ".jsonl:" in unit else unit
        named = unit in rejected or file in rejected or any(o.startswith(file + ":") for o in rejected)
        assert unit in stored or named or any(o.startswith(unit) for o in stored), f"{unit} neither stored nor named"
    for origin in rejected:
        assert f"skipped {origin}:" in result.stderr
    if command == "code":
        assert not uncoded  # every stored article was coded: nothing crashed the batch


@pytest.mark.slow
def test_fuzz_ingest_1800_hostile_inputs(tmp_path):
    run_and_check(tmp_path, "ingest", files=700, lines=1100, good=30)


@pytest.mark.slow
def test_fuzz_code_200_hostile_inputs(tmp_path):
    run_and_check(tmp_path, "code", files=60, lines=140, good=5)


@pytest.mark.slow
def test_fuzz_stdin_next_to_a_good_file(tmp_path):
    rng = random.Random(f"{SEED}-stdin")
    settings = tmp_path / "settings.yaml"
    settings.write_text(SETTINGS_YAML, encoding="utf-8")
    good = tmp_path / "good.txt"
    db = tmp_path / "stdin.duckdb"
    for i in range(60):
        good.write_text(good_text(50_000 + i), encoding="utf-8")
        payload = rng.choice([
            bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2000))),
            gzip.compress(bytes(rng.randrange(256) for _ in range(500))),
            gzip.compress(b"a" * 2_000_000),
            gzip.compress(b"x" * 500)[:20],
            b"\n".join(hostile_line(rng, 200_000 + i * 10 + k) for k in range(4)),
            ("[" * 50_000).encode(),
            "\ud800".encode("utf-8", "surrogatepass"),
        ])
        result = runner.invoke(app, ["ingest", "-", str(good), "--db", str(db), "--settings", str(settings)],
                               input=payload)
        assert result.exit_code in (0, 1), (i, result.exception, result.stderr[-1000:])
        assert "Traceback" not in result.stderr
        assert "1 stored" in result.stderr or "already stored" in result.stderr
        if result.exit_code == 1:
            assert "skipped <stdin>" in result.stderr
    with Store.open(db) as store:
        assert {good_text(50_000 + i) for i in range(60)} <= {a.raw_text for a in store.get_articles()}


@pytest.mark.slow
def test_fuzz_python_api_codes_hostile_texts(resources, nlp):
    from detente.pipeline import Pipeline

    pipe = Pipeline(resources.settings)
    pipe._resources, pipe._nlp = resources, nlp
    rng = random.Random(f"{SEED}-api")
    texts = [_random_text(rng, rng.randrange(1, 2000)) for _ in range(12)]
    texts += [rng.choice(SYMBOLS) * 5000, "Iran " * 2000, "\ud800 Iran visited Tajikistan.", "\x00" * 100,
              "Iran visited Tajikistan, " * 400, "(" * 3000 + "Iran" + ")" * 3000]
    refused: list[str] = []
    dates = ("2023-06-05", "0001-01-01", "9999-12-31", None, "not a date")
    for i, text in enumerate(texts):
        try:
            pipe.code_text(text, published=dates[i % len(dates)])  # events, or detente's error naming the input
        except InputError as exc:
            refused.append(exc.reason)
    # the Python API applies the readers' guard: the surrogate text, and the 5,000 symbols as not prose
    assert sum("surrogates" in r for r in refused) == 1
    assert sum(r.startswith("not prose") for r in refused) >= 1
    assert all("surrogates" in r or r.startswith(("oversized", "not prose")) for r in refused)


def test_the_python_api_refuses_what_the_readers_refuse(resources, nlp):
    from detente.pipeline import Pipeline

    pipe = Pipeline(resources.settings.replace(max_chars=2000))
    pipe._resources, pipe._nlp = resources, nlp
    with pytest.raises(InputError, match="oversized: 2500 characters .limit: max_chars 2000; to raise it"):
        pipe.code_text("Iran visited Tajikistan. " * 100)
    assert pipe.code_text("Iran's defence minister visited Tajikistan on 17 May.", published="2023-05-20")
