"""Shared helpers of the store tests."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest


@pytest.fixture
def old_store():
    """A store file at an earlier schema version (its first ``version`` migrations applied), as an
    open connection, for tests of the migrations that follow."""
    from detente.store.migrations import MIGRATIONS

    def make(path: Path, version: int) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(str(path))
        con.execute("CREATE TABLE schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
        for m in MIGRATIONS[:version]:
            con.execute(m.sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, NULL)", [m.version, m.name])
        return con

    return make
