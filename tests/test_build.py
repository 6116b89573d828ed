"""build_db.py: the report, errors, the schema, deterministic and atomic output."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import build_db
from helpapp.core import builder, schema
from helpapp.core.database import FaqDatabase
from tests.conftest import BUNDLED_DB, REAL_EXPORT, ROOT

SMALL_EXPORT = "如何开票? 前往费用中心开票。 父主题: 开具发票\n什么是券? 券是代金券。 父主题: 云实验\n"


def run_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build_db.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )


def test_report_lists_counts_and_dropped_lines(tmp_path: Path, capsys):
    assert build_db.main([str(REAL_EXPORT), "-o", str(tmp_path / "faq.db")]) == 0
    report = capsys.readouterr().out
    assert "lines read: 22" in report
    assert "entries: 18 under 9 topics" in report
    assert "exact duplicate lines merged: 1 (partner-faq.txt:15)" in report
    assert "same entry under another topic merged: 1 (partner-faq.txt:11)" in report
    assert "fragments (cut off at the start): 5" in report
    assert "truncated (cut off at the end): 4" in report
    assert "dropped banner lines: 2 (partner-faq.txt:1, partner-faq.txt:2)" in report


@pytest.mark.parametrize(
    ("content", "expected_message"),
    [
        (None, "missing.txt: file not found"),
        (b"", "missing.txt: the file is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)), "missing.txt:1: not valid utf-8 text"),
        ("不再显示此消息\n".encode(), "missing.txt: no entries found"),
        (b"hello world\nthis is not an export\n", "missing.txt: no line has the \u7236\u4e3b\u9898: parent-topic marker"),
    ],
    ids=["missing", "empty", "not-utf8", "no-entries", "no-topics"],
)
def test_bad_input_exits_nonzero_naming_file(tmp_path: Path, content, expected_message):
    source = tmp_path / "missing.txt"
    if content is not None:
        source.write_bytes(content)
    result = run_build(str(source), "-o", str(tmp_path / "faq.db"))
    assert result.returncode == 1
    assert expected_message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "faq.db").exists()


def test_previous_database_kept_for_text_without_topics(tmp_path: Path):
    source = tmp_path / "notes.txt"
    source.write_text("hello world\nthis is not an export\n", encoding="utf-8")
    output = tmp_path / "faq.db"
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(output)]) == 0
    before = output.read_bytes()

    result = run_build(str(source), "-o", str(output))

    assert result.returncode == 1
    assert output.read_bytes() == before


def test_allow_no_topics_builds_text_without_topics(tmp_path: Path):
    source = tmp_path / "notes.txt"
    source.write_text("如何开票? 前往费用中心开票。\n", encoding="utf-8")

    result = run_build(str(source), "-o", str(tmp_path / "faq.db"), "--allow-no-topics")

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "faq.db").exists()


def test_output_folder_missing(tmp_path: Path):
    result = run_build(str(REAL_EXPORT), "-o", str(tmp_path / "no" / "faq.db"))
    assert result.returncode == 1
    assert "folder not found" in result.stderr


def test_same_input_gives_identical_bytes(tmp_path: Path):
    first = tmp_path / "first.db"
    second = tmp_path / "second.db"
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(first)]) == 0
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def _sqlite_version_of(path: Path) -> int:
    # Bytes 96-99 of the header hold the SQLITE_VERSION_NUMBER of the last writer.
    return int.from_bytes(path.read_bytes()[96:100], "big")


def test_committed_database_matches_fresh_build(tmp_path: Path):
    fresh = tmp_path / "faq.db"
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(fresh)]) == 0
    if _sqlite_version_of(fresh) == _sqlite_version_of(BUNDLED_DB):
        assert fresh.read_bytes() == BUNDLED_DB.read_bytes(), "rebuild resources/faq.db with build_db.py"
    else:
        # Another SQLite library lays out pages differently; compare the content.
        with sqlite3.connect(fresh) as new, sqlite3.connect(BUNDLED_DB) as committed:
            assert list(new.iterdump()) == list(committed.iterdump()), "rebuild resources/faq.db with build_db.py"


def test_failed_build_keeps_previous_database(tmp_path: Path, monkeypatch):
    output = tmp_path / "faq.db"
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(output)]) == 0
    before = output.read_bytes()

    def fail_midway(path: Path, *args, **kwargs):
        path.write_bytes(b"half a database")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(builder, "_write", fail_midway)
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(output)]) == 1
    assert output.read_bytes() == before
    assert list(tmp_path.glob(".faq.db.*.tmp")) == []


def test_stale_temp_file_removed(tmp_path: Path):
    stale = tmp_path / ".faq.db.999999999.tmp"
    stale.write_bytes(b"left by a killed build")
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(tmp_path / "faq.db")]) == 0
    assert not stale.exists()


def test_schema_tables_and_metadata(real_db_path: Path):
    with sqlite3.connect(real_db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        metadata = dict(connection.execute("SELECT key, value FROM metadata"))
    assert set(schema.REQUIRED_TABLES) <= tables
    assert metadata["schema_version"] == str(schema.SCHEMA_VERSION)
    assert len(metadata["source_sha256"]) == 64
    assert metadata["entry_count"] == "18"


def test_entries_flags_and_source_lines(real_db_path: Path):
    with sqlite3.connect(real_db_path) as connection:
        rows = connection.execute(
            "SELECT source_line, is_fragment, is_truncated FROM entries WHERE is_fragment OR is_truncated ORDER BY source_line"
        ).fetchall()
    assert rows == [(5, 0, 1), (12, 1, 0), (13, 0, 1), (14, 1, 1), (18, 1, 0), (19, 1, 1), (20, 1, 0)]


def test_topics_include_unassigned_group_last(real_db: FaqDatabase):
    titles = [topic.title for topic in real_db.topic_tree()]
    assert len(titles) == 10
    assert titles[-1] == "未分类"


def test_entry_listed_under_both_topics(real_db: FaqDatabase):
    [entry_id] = [entry_id for entry_id, title in real_db.all_titles() if title == "顾问销售类子客户如何开票?"]
    assert real_db.entry(entry_id).topic_paths == (("开具发票",), ("经销商子客户",))


def test_fts_index_passes_integrity_check(real_db_path: Path):
    with sqlite3.connect(real_db_path) as connection:
        # Raises sqlite3.DatabaseError when the index does not match its data.
        connection.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 0)")


def test_fts_character_column_indexes_titles(real_db_path: Path):
    with sqlite3.connect(real_db_path) as connection:
        count = connection.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'title_chars : 票'").fetchone()[0]
    # 开票 twice, 发票号 and 开专票 in the titles of the real export.
    assert count == 4


def test_build_writes_no_jieba_cache_to_temp_folder(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    result = run_build("-q", str(REAL_EXPORT), "-o", str(tmp_path / "faq.db"))
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []


def test_several_sources(tmp_path: Path):
    other = tmp_path / "more.txt"
    other.write_text(SMALL_EXPORT, encoding="utf-8")
    output = tmp_path / "faq.db"
    assert build_db.main(["-q", str(REAL_EXPORT), str(other), "-o", str(output)]) == 0
    with FaqDatabase(output) as db:
        assert db.info.entry_count == 20
        assert db.info.source_names == "partner-faq.txt, more.txt"


def _large_export(path: Path, entries: int) -> None:
    lines = [
        f"第{number}号问题如何开票? 顾问销售模式下,子客户{number}可以前往费用中心开票。 父主题: 主题{number % 40}"
        for number in range(entries)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_killed_build_keeps_previous_database(tmp_path: Path):
    output = tmp_path / "faq.db"
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(output)]) == 0
    before = output.read_bytes()
    large = tmp_path / "large.txt"
    _large_export(large, 20_000)

    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build_db.py"), "-q", str(large), "-o", str(output)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    temp_file = tmp_path / f".faq.db.{process.pid}.tmp"
    deadline = time.monotonic() + 120
    # The build creates its temp file only once parsing and segmenting are done, and
    # nothing signals that moment, so poll for it.
    while not temp_file.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert temp_file.exists(), "the build finished or failed before it wrote its temp file"
    process.kill()
    process.wait()

    assert output.read_bytes() == before
    assert build_db.main(["-q", str(REAL_EXPORT), "-o", str(output)]) == 0
    assert list(tmp_path.glob(".faq.db.*.tmp")) == []
