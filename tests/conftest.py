"""Shared fixtures: offscreen Qt, the real export, and databases built from small exports."""

from __future__ import annotations

import os

# Set before anything imports Qt, so every test runs without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpapp.core.builder import build_database, load_word_lists
from helpapp.core.database import FaqDatabase
from helpapp.core.export import parse_exports

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
REAL_EXPORT = RESOURCES / "partner-faq.txt"
BUNDLED_DB = RESOURCES / "faq.db"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user's data folder (imported database, bookmarks, logs) at a temporary
    folder, for this process and the subprocesses it starts."""
    home = tmp_path_factory.mktemp("data-home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("APPDATA", str(home))
    return home


@pytest.fixture(scope="session")
def real_export() -> Path:
    return REAL_EXPORT


@pytest.fixture(scope="session")
def real_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the committed export, in a temporary folder."""
    path = tmp_path_factory.mktemp("real") / "faq.db"
    build_database(parse_exports([REAL_EXPORT]), [REAL_EXPORT], path, load_word_lists(RESOURCES))
    return path


@pytest.fixture(scope="session")
def real_db(real_db_path: Path) -> Iterator[FaqDatabase]:
    with FaqDatabase(real_db_path) as db:
        yield db


@pytest.fixture
def make_db(tmp_path: Path) -> Iterator[Callable[[str], FaqDatabase]]:
    """Build a database from export text and open it."""
    opened: list[FaqDatabase] = []

    def make(export_text: str, name: str = "export.txt") -> FaqDatabase:
        source = tmp_path / name
        source.write_text(export_text, encoding="utf-8")
        output = tmp_path / (name + ".db")
        build_database(parse_exports([source]), [source], output, load_word_lists(RESOURCES))
        db = FaqDatabase(output)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()
