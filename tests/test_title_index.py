"""The titles-only FTS5 index, and the column filter used on databases without it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpapp.core.builder import build_database, load_word_lists
from helpapp.core.database import FaqDatabase
from helpapp.core.export import parse_exports
from helpapp.core.schema import TITLES_FTS
from helpapp.core.search import RANK_SCAN_LIMIT, closest_titles, search, suggest_titles
from tests.conftest import RESOURCES

# More entries than RANK_SCAN_LIMIT contain 开票, so a search for it orders the
# matches by title before ranking them.
LARGE_ENTRIES = RANK_SCAN_LIMIT + 200


def without_title_index(source: Path, target: Path) -> Path:
    """Copy the database at `source` to `target` and drop its titles-only index, as in
    a database built before the index existed."""
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as connection:
        connection.execute(f"DROP TABLE {TITLES_FTS}")
    connection.close()
    return target


@pytest.fixture(scope="module")
def large_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FaqDatabase, FaqDatabase]]:
    """A database of LARGE_ENTRIES entries, and a copy of it without the title index."""
    folder = tmp_path_factory.mktemp("large")
    export = folder / "large.txt"
    lines = [f"第{number}号问题如何开票? 子客户{number}可以前往费用中心开票。 父主题: 主题{number % 40}" for number in range(LARGE_ENTRIES)]
    lines += [f"代金券{number}如何开票? 请在费用中心申请。 父主题: 代金券" for number in range(5)]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    built = folder / "large.db"
    build_database(parse_exports([export]), [export], built, load_word_lists(RESOURCES))

    with FaqDatabase(built) as indexed, FaqDatabase(without_title_index(built, folder / "old.db")) as old:
        yield indexed, old


@pytest.fixture
def real_pair(real_db: FaqDatabase, real_db_path: Path, tmp_path: Path) -> Iterator[tuple[FaqDatabase, FaqDatabase]]:
    with FaqDatabase(without_title_index(real_db_path, tmp_path / "old.db")) as old:
        yield real_db, old


def test_built_database_has_title_index(real_db: FaqDatabase):
    assert real_db.has_title_index


def test_title_index_matches_titles_only(real_db: FaqDatabase):
    rows = real_db.execute(f"SELECT rowid FROM {TITLES_FTS} WHERE {TITLES_FTS} MATCH ?", ('"开 票"',)).fetchall()
    in_body_only = [
        entry_id for entry_id, title in real_db.all_titles() if "开票" in real_db.entry(entry_id).body and "开票" not in title
    ]

    assert sorted(row[0] for row in rows) == [entry_id for entry_id, title in real_db.all_titles() if "开票" in title]
    assert in_body_only


def test_old_database_lacks_title_index(real_pair):
    _indexed, old = real_pair
    assert not old.has_title_index


@pytest.mark.parametrize("query", ["开票", "子客户", "代金券", "kaipiao", "發票"])
def test_suggestions_same_without_title_index(real_pair, query: str):
    indexed, old = real_pair
    assert suggest_titles(old, query) == suggest_titles(indexed, query)


@pytest.mark.parametrize("query", ["开飞机票", "天气代金"])
def test_closest_titles_same_without_title_index(real_pair, query: str):
    indexed, old = real_pair
    assert closest_titles(old, query) == closest_titles(indexed, query)


def test_large_match_set_same_without_title_index(large_pair):
    indexed, old = large_pair
    hits = search(indexed, "代金券开票", limit=10).hits

    assert [hit.entry_id for hit in search(old, "代金券开票", limit=10).hits] == [hit.entry_id for hit in hits]
    assert hits[0].title.startswith("代金券")
