"""Importing a new faq.db: every check, the atomic switch and the fallback."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from helpapp.core.builder import build_database, load_word_lists
from helpapp.core.database import DatabaseError, FaqDatabase
from helpapp.core.export import parse_exports
from helpapp.core.library import (
    active_database,
    import_database,
    imported_database_path,
    restore_bundled,
    verify_database,
)
from helpapp.core.userdata import UserData
from tests.conftest import REAL_EXPORT, RESOURCES


@pytest.fixture
def good_copy(real_db_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "faq.db"
    path.parent.mkdir()
    shutil.copyfile(real_db_path, path)
    return path


def run_sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def test_verify_accepts_real_database(good_copy: Path):
    assert verify_database(good_copy).entry_count == 18


def test_import_installs_copy(good_copy: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    installed = import_database(good_copy, data_dir)
    assert installed == imported_database_path(data_dir)
    assert installed.read_bytes() == good_copy.read_bytes()
    assert sorted(item.name for item in data_dir.iterdir()) == ["faq.db"]


def test_import_leaves_source_unchanged(good_copy: Path, tmp_path: Path):
    before = good_copy.read_bytes()
    import_database(good_copy, tmp_path / "data")
    assert good_copy.read_bytes() == before
    assert sorted(item.name for item in good_copy.parent.iterdir()) == ["faq.db"]


def damage_truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 4])


def damage_random(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def damage_schema_version(path: Path) -> None:
    run_sql(path, "UPDATE metadata SET value = '2' WHERE key = 'schema_version'")


def damage_fts_index(path: Path) -> None:
    run_sql(
        path,
        "UPDATE entries_fts_data SET block = zeroblob(length(block)) WHERE id = (SELECT max(id) FROM entries_fts_data)",
    )


def damage_zero_entries(path: Path) -> None:
    run_sql(path, "DELETE FROM entry_topics", "DELETE FROM entries")


def damage_missing_table(path: Path) -> None:
    run_sql(path, "DROP TABLE vocabulary")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (damage_truncate, "incomplete|damaged"),
        (damage_random, "not an SQLite database"),
        (damage_schema_version, "schema version 2 is not supported"),
        (damage_fts_index, "search index is damaged"),
        (damage_zero_entries, "contains no entries"),
        (damage_missing_table, "missing tables: vocabulary"),
    ],
    ids=["truncated", "random-bytes", "schema-version", "fts-damaged", "zero-entries", "missing-table"],
)
def test_broken_file_rejected_and_current_kept(good_copy: Path, tmp_path: Path, damage, message):
    data_dir = tmp_path / "data"
    import_database(good_copy, data_dir)
    current = imported_database_path(data_dir).read_bytes()

    broken = tmp_path / "broken.db"
    shutil.copyfile(good_copy, broken)
    damage(broken)
    with pytest.raises(DatabaseError, match=message):
        import_database(broken, data_dir)

    assert imported_database_path(data_dir).read_bytes() == current
    assert sorted(item.name for item in data_dir.iterdir()) == ["faq.db"]


def test_active_database_prefers_import(good_copy: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    bundled = tmp_path / "bundled.db"
    assert active_database(data_dir, bundled) == bundled
    import_database(good_copy, data_dir)
    assert active_database(data_dir, bundled) == imported_database_path(data_dir)


def test_active_database_falls_back_when_import_unreadable(good_copy: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    bundled = tmp_path / "bundled.db"
    import_database(good_copy, data_dir)
    imported_database_path(data_dir).write_bytes(b"garbage" * 100)
    assert active_database(data_dir, bundled) == bundled


def test_restore_bundled_removes_import(good_copy: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    bundled = tmp_path / "bundled.db"
    import_database(good_copy, data_dir)
    restore_bundled(data_dir)
    assert active_database(data_dir, bundled) == bundled


def test_bookmarks_survive_import_of_rebuilt_database(tmp_path: Path, real_db_path: Path):
    user_data = UserData(tmp_path / "user.db")
    with FaqDatabase(real_db_path) as old_db:
        [old_id] = [entry_id for entry_id, title in old_db.all_titles() if title == "经销商如何开专票?"]
        entry = old_db.entry(old_id)
        user_data.add_bookmark(entry.key, entry.title)

    # A new export with an extra entry first renumbers every entry.
    new_export = tmp_path / "new.txt"
    new_export.write_text("新增的问题? 新的答案。 父主题: 新主题\n" + REAL_EXPORT.read_text(encoding="utf-8"), encoding="utf-8")
    rebuilt = tmp_path / "rebuilt.db"
    build_database(parse_exports([new_export]), [new_export], rebuilt, load_word_lists(RESOURCES))
    installed = import_database(rebuilt, tmp_path / "data")

    with FaqDatabase(installed) as new_db:
        [bookmark] = user_data.bookmarks()
        found = new_db.entry_by_key(bookmark.key)
        assert found is not None
        assert found.title == "经销商如何开专票?"
        assert found.id != old_id
    user_data.close()
