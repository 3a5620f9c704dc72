"""Caches that make each missing value once: a thread that asks for a value another thread is
making waits for it instead of making it too (the web app's answers and pair data)."""
from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class OnceCache(Generic[K, V]):
    """The single-flight part of a thread-safe cache. A subclass keeps its items under ``_lock``,
    says how to find one (``_find``, called with the lock held) and how to keep one (``_keep``,
    which takes the lock itself)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._making: dict[K, threading.Event] = {}  # values being made, each made once
        self.hits = self.misses = 0

    def _find(self, key: K) -> V | None:
        raise NotImplementedError

    def _keep(self, key: K, value: V) -> None:
        raise NotImplementedError

    def _once(self, key: K, make: Callable[[], V]) -> V:
        """The value under ``key``, made by ``make()`` when missing (once: a thread that asks while
        another makes it waits for it, then looks again; had the maker failed, it makes it in turn)."""
        while True:
            with self._lock:
                found = self._find(key)
                if found is not None:
                    self.hits += 1
                    return found
                making = self._making.get(key)
                if making is None:  # this thread makes it
                    making = self._making[key] = threading.Event()
                    self.misses += 1
                    break
            making.wait()
        try:
            value = make()
            self._keep(key, value)
            return value
        finally:
            with self._lock:
                del self._making[key]
            making.set()
