"""Opening faq.db: each fault of the user's environment raises a DatabaseError that
names the file, and reading never changes the file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpapp import cli
from helpapp.core import schema
from helpapp.core.database import (
    DatabaseNotFoundError,
    DatabaseUnreadableError,
    FaqDatabase,
    SchemaError,
)
from helpapp.core.search import search
from tests.conftest import ROOT


def copy_of(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "faq.db"
    shutil.copyfile(source, target)
    return target


def set_schema_version(path: Path, version: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE metadata SET value = ? WHERE key = 'schema_version'", (version,))
    connection.close()


def test_missing_file(tmp_path: Path):
    with pytest.raises(DatabaseNotFoundError, match="faq.db: file not found"):
        FaqDatabase(tmp_path / "faq.db")


def test_empty_file(tmp_path: Path):
    (tmp_path / "faq.db").write_bytes(b"")
    with pytest.raises(DatabaseUnreadableError, match="the file is empty"):
        FaqDatabase(tmp_path / "faq.db")


def test_random_bytes(tmp_path: Path):
    (tmp_path / "faq.db").write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseUnreadableError, match="not an SQLite database"):
        FaqDatabase(tmp_path / "faq.db")


@pytest.mark.parametrize("kept", [0.1, 0.5, 0.9, 0.99])
def test_truncated_copy(real_db_path: Path, tmp_path: Path, kept: float):
    data = real_db_path.read_bytes()
    (tmp_path / "faq.db").write_bytes(data[: int(len(data) * kept)])
    with pytest.raises(DatabaseUnreadableError, match="incomplete|damaged"):
        FaqDatabase(tmp_path / "faq.db")


def test_sqlite_file_without_tables(tmp_path: Path):
    path = tmp_path / "faq.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    with pytest.raises(SchemaError, match="not a FAQ database"):
        FaqDatabase(path)


@pytest.mark.parametrize("version", ["0", "2", "99"])
def test_unsupported_schema_version(real_db_path: Path, tmp_path: Path, version: str):
    path = copy_of(real_db_path, tmp_path)
    set_schema_version(path, version)
    with pytest.raises(SchemaError, match=f"schema version {version} is not supported; this version reads 1"):
        FaqDatabase(path)


def test_missing_table(real_db_path: Path, tmp_path: Path):
    path = copy_of(real_db_path, tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE synonyms")
    connection.close()
    with pytest.raises(SchemaError, match="missing tables: synonyms"):
        FaqDatabase(path)


def test_folder_instead_of_file(tmp_path: Path):
    with pytest.raises(DatabaseUnreadableError, match="folder"):
        FaqDatabase(tmp_path)


def test_locked_database_reports_lock(real_db_path: Path, tmp_path: Path, monkeypatch):
    path = copy_of(real_db_path, tmp_path)
    monkeypatch.setattr("helpapp.core.database.BUSY_TIMEOUT_SECONDS", 0.1)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnreadableError, match="locked by another program"):
            FaqDatabase(path)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder(real_db_path: Path, tmp_path: Path):
    path = copy_of(real_db_path, tmp_path)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with FaqDatabase(path) as db:
            assert search(db, "开票").hits
    finally:
        tmp_path.chmod(0o755)


def test_read_only_file_searchable(real_db_path: Path, tmp_path: Path):
    path = copy_of(real_db_path, tmp_path)
    path.chmod(0o444)
    with FaqDatabase(path) as db:
        assert search(db, "开票").hits


def test_reading_leaves_file_byte_identical(real_db_path: Path, tmp_path: Path):
    path = copy_of(real_db_path, tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with FaqDatabase(path) as db:
        db.warm_up()
        for query in ("开票", "kaipiao", "發票", '"', "NEAR("):
            search(db, query)
        db.topic_tree()
        db.entry(1)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(item.name for item in tmp_path.iterdir()) == ["faq.db"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "找不到帮助数据库"),
        (b"", "无法读取数据库"),
        (b"\x00\x01garbage" * 512, "无法读取数据库"),
    ],
    ids=["missing", "empty", "random"],
)
def test_cli_database_fault_exit_code(tmp_path: Path, content, message):
    path = tmp_path / "faq.db"
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "helpapp", "search", "开票", "--db", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    assert result.returncode == cli.EXIT_DATABASE
    assert message in result.stderr
    assert "Traceback" not in result.stderr


NESTED_EXPORT = "\n".join(
    [
        "如何开票? 前往费用中心开票。 父主题: 财务 > 开具发票",
        "如何开专票? 在费用中心申请专票。 父主题: 财务 > 开具发票",
        "如何退票? 在费用中心退票。 父主题: 财务 > 退票",
        "如何开票? 前往费用中心开票。 父主题: 财务 > 退票",
        "什么是券? 券是代金券。 父主题: 云实验",
    ]
)


def topic_ids_by_title(db: FaqDatabase) -> dict[str, int]:
    return {topic.title: topic.id for topic in db.iter_topics()}


def test_topic_counts_shared_entry_once(make_db):
    db = make_db(NESTED_EXPORT)
    ids = topic_ids_by_title(db)

    counts = db.topic_entry_counts()

    assert counts[ids["开具发票"]] == 2
    assert counts[ids["退票"]] == 2
    assert counts[ids["财务"]] == 3
    assert counts[ids["云实验"]] == 1


def test_topic_counts_match_entry_ids_of_real_export(real_db: FaqDatabase):
    counts = real_db.topic_entry_counts()

    for topic in real_db.iter_topics():
        subtree = {entry_id for member in topic.walk() for entry_id in real_db.topic_entry_ids(member.id)}
        assert counts[topic.id] == len(subtree), topic.title


def without_topic_counts(db: FaqDatabase, target: Path) -> FaqDatabase:
    """Open a copy of `db` without the stored topic counts, as built by an earlier version."""
    shutil.copyfile(db.path, target)
    with sqlite3.connect(target) as connection:
        connection.execute(f"DROP TABLE {schema.TOPIC_COUNTS}")
    connection.close()
    return FaqDatabase(target)


def test_counts_same_without_stored_table(make_db, tmp_path: Path):
    db = make_db(NESTED_EXPORT)

    with without_topic_counts(db, tmp_path / "old.db") as old:
        assert old.topic_entry_counts() == db.topic_entry_counts()
        assert [topic.entry_count for topic in old.iter_topics()] == [topic.entry_count for topic in db.iter_topics()]


def test_real_counts_same_without_stored_table(real_db: FaqDatabase, tmp_path: Path):
    with without_topic_counts(real_db, tmp_path / "old.db") as old:
        assert old.topic_entry_counts() == real_db.topic_entry_counts()


def test_topic_titles_lists_direct_entries_in_entry_order(make_db):
    db = make_db(NESTED_EXPORT)
    ids = topic_ids_by_title(db)

    assert [title for _id, _key, title in db.topic_titles(ids["开具发票"])] == ["如何开票?", "如何开专票?"]
    assert db.topic_titles(ids["财务"]) == []


def test_topic_ids_of_shared_entry(make_db):
    db = make_db(NESTED_EXPORT)
    ids = topic_ids_by_title(db)
    [shared_id] = [entry_id for entry_id, title in db.all_titles() if title == "如何开票?"]

    assert sorted(db.topic_ids_of(shared_id)) == sorted([ids["开具发票"], ids["退票"]])


def test_thread_reuses_its_connection(real_db_path: Path):
    with FaqDatabase(real_db_path) as db:
        first = db.connection

        assert db.connection is first
        assert db.connection_count == 1


def test_topic_chain_root_first(make_db):
    db = make_db(NESTED_EXPORT)
    ids = topic_ids_by_title(db)

    assert [topic.title for topic in db.topic_chain(ids["开具发票"])] == ["财务", "开具发票"]
    assert db.topic_chain(999_999) == []
