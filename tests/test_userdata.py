"""Bookmarks and history in the user data file: order, persistence, recovery."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpapp.core.userdata import MAX_HISTORY, UserData


@pytest.fixture
def user_data(tmp_path: Path):
    data = UserData(tmp_path / "user.db")
    yield data
    data.close()


def test_bookmark_toggle(user_data: UserData):
    assert user_data.toggle_bookmark("k1", "如何开票?") is True
    assert user_data.is_bookmarked("k1")
    assert user_data.toggle_bookmark("k1", "如何开票?") is False
    assert not user_data.is_bookmarked("k1")


def test_bookmarks_newest_first(user_data: UserData):
    user_data.add_bookmark("k1", "甲")
    user_data.add_bookmark("k2", "乙")
    assert [item.key for item in user_data.bookmarks()] == ["k2", "k1"]


def test_bookmarks_persist_across_reopen(tmp_path: Path):
    first = UserData(tmp_path / "user.db")
    first.add_bookmark("k1", "如何开票?")
    first.close()
    second = UserData(tmp_path / "user.db")
    assert [item.title for item in second.bookmarks()] == ["如何开票?"]
    second.close()


def test_history_most_recent_first_without_repeats(user_data: UserData):
    for key in ("a", "b", "c", "a"):
        user_data.record_view(key, key.upper())
    assert [item.key for item in user_data.history()] == ["a", "c", "b"]


def test_history_is_capped(user_data: UserData):
    for number in range(MAX_HISTORY + 5):
        user_data.record_view(f"k{number}", "title")
    keys = [item.key for item in user_data.history()]
    assert len(keys) == MAX_HISTORY
    assert keys[0] == f"k{MAX_HISTORY + 4}"


def test_corrupt_file_kept_aside_and_replaced(tmp_path: Path):
    path = tmp_path / "user.db"
    path.write_bytes(b"this is not sqlite" * 200)
    data = UserData(path)
    assert data.recovered_backup is not None
    assert data.recovered_backup.read_bytes() == b"this is not sqlite" * 200
    assert data.bookmarks() == []
    data.add_bookmark("k1", "甲")
    data.close()


def test_healthy_file_reports_no_recovery(user_data: UserData):
    assert user_data.recovered_backup is None


WRITER = textwrap.dedent(
    """
    import sys
    from helpapp.core.userdata import UserData
    data = UserData(sys.argv[1])
    number = len(data.bookmarks())
    while True:
        data.add_bookmark(f"k{number}", f"title {number}")
        print(f"k{number}", flush=True)
        data.record_view(f"k{number}", f"title {number}")
        number += 1
    """
)


@pytest.mark.slow
def test_killed_writer_loses_nothing_committed(tmp_path: Path):
    path = tmp_path / "user.db"
    rounds = random.Random(20261204)
    committed: list[str] = []
    for _round in range(15):
        with subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True) as process:
            # Each line is printed after its bookmark was committed.
            for _line in range(rounds.randint(1, 40)):
                committed.append(process.stdout.readline().strip())
            process.send_signal(signal.SIGKILL)
            process.wait()

        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = {row[0] for row in connection.execute("SELECT key FROM bookmarks")}
        connection.close()
        assert set(committed) <= keys
        # Bookmarks are added in order k0, k1, …: a gap would mean a lost write.
        assert keys == {f"k{number}" for number in range(len(keys))}
