"""How the web app reads a store without blocking its writers: a snapshot that follows the file.

DuckDB locks its file: while any process holds it open, even read-only, no other process can open
it to write. So the server never keeps the store itself open. ``SnapshotReader`` copies the
store (and its write-ahead log, if any) to a private file, answers every request from a
read-only connection to that copy, and checks every ``interval`` seconds whether the store has
changed (size or modification time of the file or its log); when it has, it copies it again and
swaps connections. It holds the store's own file only while copying — a lock of a moment, which
a writer waits out (``Store.open`` retries a locked file for ``lock_wait`` seconds) — and not at
all while a writer has it: it then keeps answering from the last copy. ``generation`` changes with
each copy, so answers cached under it (``AnswerCache``) are never staler than the snapshot;
``on_snapshot`` is called with each new copy before it serves (the app renders its most recently
used answers again on it: ``AnswerCache.remake``).
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from ..analyse.once import OnceCache
from ..errors import StoreError

log = logging.getLogger(__name__)


class SnapshotReader:
    """Read-only connections to a private copy of the store at ``path``, refreshed when it changes."""

    def __init__(self, path: Path, interval: float = 2.0, startup_wait: float = 10.0):
        self.path = Path(path)
        self.interval = interval
        self._dir = Path(tempfile.mkdtemp(prefix="detente-serve-"))
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._retired: list[duckdb.DuckDBPyConnection] = []
        self._signature: tuple[int, ...] | None = None
        self.generation = 0
        # Called with a read-only connection to each new snapshot (but the first) and its
        # generation, before requests see it.
        self.on_snapshot: Callable[[duckdb.DuckDBPyConnection, int], None] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        deadline = time.monotonic() + startup_wait
        while not self.refresh():  # a writer, or another worker's first copy, may hold it a moment
            if time.monotonic() >= deadline:
                self.close()
                raise StoreError(f"{self.path}: cannot read the database (is a writer holding it?)")
            time.sleep(0.2)

    def _file_signature(self) -> tuple[int, ...]:
        out: list[int] = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = p.stat()
                out += [st.st_size, st.st_mtime_ns]
            except FileNotFoundError:
                out += [-1, -1]
        return tuple(out)

    def refresh(self) -> bool:
        """Copy the store again if it changed since the last copy; False when it could not be read
        (a writer holds it: the last copy stays). One refresh at a time (the following thread and
        a request that has just written may both ask)."""
        with self._refreshing:
            return self._refresh()

    def _refresh(self) -> bool:
        signature = self._file_signature()
        if signature == self._signature and self._con is not None:
            return True
        target = self._dir / f"snapshot-{self.generation + 1}.duckdb"
        try:
            # Holding the store read-only for the copy keeps writers out meanwhile, so the copy is whole.
            source = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            log.info("store %s busy, serving the last snapshot: %s", self.path, exc)
            return self._con is not None
        try:
            signature = self._file_signature()
            shutil.copyfile(self.path, target)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        finally:
            source.close()
        con = duckdb.connect(str(target), read_only=True)
        if self.on_snapshot is not None and self._con is not None:
            try:  # e.g. answers of the old snapshot rendered again on the new one before it is published
                self.on_snapshot(con, self.generation + 1)
            except Exception:
                log.exception("preparing the new snapshot of %s failed", self.path)
        with self._lock:
            old, self._con = self._con, con
            self._signature = signature
            self.generation += 1
            for retired in self._retired:  # retired one swap ago: no request still uses them
                _close_quietly(retired)
            self._retired = [old] if old is not None else []
        self._remove_old_files(target)
        return True

    def _remove_old_files(self, keep: Path) -> None:
        for p in self._dir.glob("snapshot-*.duckdb*"):
            number = int(p.name.split("-")[1].split(".")[0])
            if number < self.generation - 1 and not p.name.startswith(keep.name):
                p.unlink(missing_ok=True)

    def cursor(self) -> tuple[duckdb.DuckDBPyConnection, int]:
        """A cursor on the current snapshot, and the snapshot's generation."""
        with self._lock:
            if self._con is None:
                raise StoreError(f"{self.path}: the reader is closed")
            return self._con.cursor(), self.generation

    def start(self) -> None:
        """Follow the store in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._follow, name="detente-snapshot", daemon=True)
            self._thread.start()

    def _follow(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.refresh()
            except Exception:  # a failed copy must not end the thread; the last snapshot stays
                log.exception("refreshing the snapshot of %s failed", self.path)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.interval + 5)
        with self._lock:
            for con in [self._con, *self._retired]:
                if con is not None:
                    _close_quietly(con)
            self._con, self._retired = None, []
        shutil.rmtree(self._dir, ignore_errors=True)


def _close_quietly(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.close()
    except duckdb.Error:
        pass


class AnswerCache(OnceCache[Any, bytes]):
    """A small thread-safe LRU of rendered answers, keyed by what was asked and the snapshot's
    generation (a new snapshot makes every older answer unreachable; they age out).

    Each answer is kept with the function that made it (``make(store) -> bytes``), so that when
    the store changes, ``remake`` can render the most recently used answers again on the new
    snapshot before it is published: the answers clients keep asking stay cached while a writer
    changes the store every few seconds."""

    def __init__(self, size: int = 512):
        super().__init__()
        self.size = size
        self._items: OrderedDict[Any, tuple[bytes, Callable[[Any], bytes] | None]] = OrderedDict()
        self.remade = 0

    def get(self, key: Any) -> bytes | None:
        """The answer kept under ``key`` (counted as a hit), or None."""
        with self._lock:
            found = self._find(key)
            if found is not None:
                self.hits += 1
            return found

    def get_or_make(self, key: Any, make: Callable[[], bytes], remake: Callable[[Any], bytes] | None = None) -> bytes:
        """The answer under ``key``, made by ``make()`` when missing (once: a thread that asks
        while another makes it waits for that answer); ``remake(store)`` makes it again on another
        snapshot (``remake``)."""
        def made() -> bytes:
            value = make()
            self.put(key, value, remake)
            return value
        return self._once(key, made)

    def _find(self, key: Any) -> bytes | None:
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return found[0]

    def _keep(self, key: Any, value: bytes) -> None:
        pass  # kept by ``made`` with its remake function

    def put(self, key: Any, value: bytes, remake: Callable[[Any], bytes] | None = None) -> None:
        with self._lock:
            self._items[key] = (value, remake)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def remake(self, store: Any, old: int, new: int, limit: int, seconds: float) -> int:
        """Render again on ``store`` (the snapshot of generation ``new``) the ``limit`` most recently
        used answers of generation ``old`` (keys ending with the generation), for at most
        ``seconds``; the number rendered. An answer that fails is left to be asked again."""
        with self._lock:
            todo = [(key, remake) for key, (_, remake) in reversed(self._items.items())
                    if key[-1] == old and remake is not None][:limit]
        end, done = time.monotonic() + seconds, 0
        for key, make in todo:
            if time.monotonic() > end:
                break
            try:
                value = make(store)
            except Exception:  # a query error, a bad store: that answer is computed when asked
                log.debug("answer %s not made again", key, exc_info=True)
                continue
            self.put((*key[:-1], new), value, make)
            done += 1
        with self._lock:
            self.remade += done
        return done


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            return False
        time.sleep(step)
    return True
