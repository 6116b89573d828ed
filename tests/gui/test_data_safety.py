"""The window never changes faq.db, and tells the user once about a damaged
bookmark file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from helpapp.core.database import FaqDatabase
from helpapp.gui import profile
from tests.gui.conftest import BUNDLED_DB
from tests.gui.test_search_flow import type_query


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_window_leaves_database_byte_identical(chinese, qtbot, open_window, tmp_path: Path):
    copy = tmp_path / "db" / "faq.db"
    copy.parent.mkdir()
    shutil.copyfile(BUNDLED_DB, copy)
    before = file_hash(copy)

    with FaqDatabase(copy) as db:
        window = open_window(db)
        outcome = type_query(qtbot, window, "开票")
        window.show_entry(outcome.result.hits[0].entry_id)
        window.toggle_bookmark()
        window.copy_answer()
        window.close()

    assert file_hash(copy) == before
    assert sorted(item.name for item in copy.parent.iterdir()) == ["faq.db"]


def test_damaged_bookmark_file_reported_once(chinese, bundled_db, open_window, dialog_log, isolated_profile: Path):
    isolated_profile.mkdir(parents=True, exist_ok=True)
    (isolated_profile / profile.USER_DATA_NAME).write_bytes(b"not a database" * 100)

    first = open_window(bundled_db)
    first.close()
    second = open_window(bundled_db)
    second.close()

    warnings = [message for message in dialog_log.messages if message["kind"] == "warning"]
    [backup] = isolated_profile.glob("user.corrupt-*.db")
    assert len(warnings) == 1
    assert str(backup) in warnings[0]["text"]
