"""Shared fixtures: a throwaway library and the path to the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file path of each test's own (not created): never the user's settings."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("COPYDESK_CONFIG", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh library path; COPYDESK_DB points at it so nothing touches the user's library."""
    path = tmp_path / "library.sqlite"
    monkeypatch.setenv("COPYDESK_DB", str(path))
    return path


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library holding the five seeds, shared (read-only) by a test module."""
    from tui.library import Library

    path = tmp_path_factory.mktemp("seeded") / "lib.sqlite"
    with Library(path) as library:
        assert all(r.status == "added" for r in library.ingest([str(SEEDS)]))
    return path
