"""analyse.once: a value is made once however many threads ask for it at the same time."""
import threading
import time

import pytest

from detente.analyse.once import OnceCache


class Dict(OnceCache[str, int]):
    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, int] = {}

    def _find(self, key: str) -> int | None:
        return self.items.get(key)

    def _keep(self, key: str, value: int) -> None:
        with self._lock:
            self.items[key] = value

    def get(self, key: str, make) -> int:
        return self._once(key, make)


def test_concurrent_askers_share_one_making() -> None:
    cache, calls, out = Dict(), [], []

    def make() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 7

    threads = [threading.Thread(target=lambda: out.append(cache.get("k", make))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [7] * 8 and len(calls) == 1
    assert cache.misses == 1 and cache.hits == 7


def test_a_failed_making_is_made_again_by_the_next_asker() -> None:
    cache = Dict()

    def fail() -> int:
        raise RuntimeError("store gone")

    with pytest.raises(RuntimeError):
        cache.get("k", fail)
    assert cache.get("k", lambda: 3) == 3 and cache.misses == 2
