from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "analyse"))

from fixture_store import irn_tjk_store, xss_store  # noqa: E402


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return irn_tjk_store(tmp_path / "fixture.duckdb")


@pytest.fixture
def xss_store_path(tmp_path: Path) -> Path:
    return xss_store(tmp_path / "xss.duckdb")
