"""文件 > 导入问答库… and 文件 > 恢复内置问答库 while the window runs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from helpapp.core.builder import build_database, load_word_lists
from helpapp.core.export import parse_exports
from helpapp.gui import dialogs

from tests.gui.conftest import BUNDLED_DB, RESOURCES

NEW_EXPORT = (
    "什么是伙伴主账号? 伙伴主账号就是完成入驻的华为账号，新版说明。 父主题: 注册与认证\n"
    "如何导入新问答库? 在文件菜单中选择导入问答库。 父主题: 新主题\n"
)


@pytest.fixture
def new_database(tmp_path: Path) -> Path:
    """A rebuilt database with one entry the bundled one also has and one new entry."""
    source = tmp_path / "new-export.txt"
    source.write_text(NEW_EXPORT, encoding="utf-8")
    output = tmp_path / "new" / "faq.db"
    output.parent.mkdir()
    build_database(parse_exports([source]), [source], output, load_word_lists(RESOURCES))
    return output


def copy_of_bundled(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(BUNDLED_DB.read_bytes())
    return path


def truncated(tmp_path: Path) -> Path:
    path = tmp_path / "truncated.db"
    data = BUNDLED_DB.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def random_bytes(tmp_path: Path) -> Path:
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def schema_two(tmp_path: Path) -> Path:
    path = copy_of_bundled(tmp_path, "schema2.db")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE metadata SET value='2' WHERE key='schema_version'")
    connection.close()
    return path


def foreign(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    return path


def empty_faq(tmp_path: Path) -> Path:
    path = copy_of_bundled(tmp_path, "empty.db")
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM entry_topics")
        connection.execute("DELETE FROM entries")
    connection.close()
    return path


def import_file(window, dialog_log, path: Path) -> bool:
    dialog_log.open_file = path
    return window.import_database()


def test_import_switches_database(window, dialog_log, new_database, isolated_profile):
    imported = import_file(window, dialog_log, new_database)

    assert imported
    assert window.db.path == isolated_profile / "faq.db"
    assert window.db.info.entry_count == 2
    assert dialog_log.messages == []


def test_import_reloads_tree_and_status(window, dialog_log, new_database):
    import_file(window, dialog_log, new_database)
    roots = [window.tree_model.index(row, 0).data() for row in range(window.tree_model.rowCount())]

    assert "新主题 (1)" in roots
    assert window.database_label.text().startswith("共 2 条问答")
    assert any(window.scope_box.itemText(row) == "新主题" for row in range(window.scope_box.count()))


def test_import_reopens_current_entry(window, dialog_log, new_database):
    window.show_entry(1)
    key = window.current_entry.key

    import_file(window, dialog_log, new_database)

    assert window.current_entry.key == key
    assert "新版说明" in window.answer_view.toPlainText()


def test_import_shows_home_when_entry_gone(window, dialog_log, new_database):
    window.show_entry(8)

    import_file(window, dialog_log, new_database)

    assert window.current_entry is None
    assert "最近查看" in window.answer_view.toPlainText()


def test_import_repeats_search(window, dialog_log, new_database, qtbot):
    from tests.gui.test_search_flow import type_query

    type_query(qtbot, window, "问答库")
    with qtbot.waitSignal(window.controller.results_ready, timeout=10_000) as blocker:
        import_file(window, dialog_log, new_database)

    assert [hit.title for hit in blocker.args[0].result.hits] == ["如何导入新问答库?"]


def test_bookmarks_resolve_after_import(window, dialog_log, new_database):
    window.show_entry(1)
    window.toggle_bookmark()
    window.show_entry(8)
    window.toggle_bookmark()

    import_file(window, dialog_log, new_database)
    model = window.records.bookmark_model
    missing = [model.is_missing(key) for key in model.keys()]

    assert missing == [True, False]
    assert window.open_entry_key(model.keys()[1])


def test_import_cancelled(window, dialog_log):
    before = window.db

    assert not import_file(window, dialog_log, None)
    assert window.db is before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (truncated, "已损坏"),
        (random_bytes, "已损坏或不是问答库"),
        (schema_two, "格式版本为 2"),
        (foreign, "不是伙伴离线帮助的问答库"),
        (empty_faq, "没有任何问答"),
    ],
    ids=["truncated", "random", "schema2", "foreign", "empty"],
)
def test_broken_import_changes_nothing(window, dialog_log, tmp_path, isolated_profile, make, expected):
    window.show_entry(8)
    before = (window.db, window.db.path, window.tree_model.rowCount(), window.database_label.text())

    imported = import_file(window, dialog_log, make(tmp_path))

    assert not imported
    assert (window.db, window.db.path, window.tree_model.rowCount(), window.database_label.text()) == before
    assert window.answer_view.entry_id == 8
    assert not (isolated_profile / "faq.db").exists()
    assert expected in dialog_log.messages[0]["text"]
    assert "当前使用的问答保持不变" in dialog_log.messages[0]["text"]


def test_schema_message_names_readable(window, dialog_log, tmp_path):
    import_file(window, dialog_log, schema_two(tmp_path))

    assert "只能读取格式版本 1" in dialog_log.messages[0]["text"]


def test_damaged_search_index_message(window, dialog_log, tmp_path):
    path = copy_of_bundled(tmp_path, "index.db")
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM entries_fts_data WHERE id > 10")
    connection.close()

    import_file(window, dialog_log, path)

    assert "搜索索引已损坏" in dialog_log.messages[0]["text"]


def test_failed_import_keeps_previous_import(window, dialog_log, new_database, tmp_path, isolated_profile):
    import_file(window, dialog_log, new_database)
    window.show_entry(1)

    import_file(window, dialog_log, random_bytes(tmp_path))

    assert window.db.info.entry_count == 2
    assert window.show_entry(window.db.all_titles()[0][0])


def test_restore_bundled(window, dialog_log, new_database, isolated_profile):
    import_file(window, dialog_log, new_database)

    restored = window.restore_bundled_database()

    assert restored
    assert window.db.path == BUNDLED_DB.resolve() or window.db.path.name == "faq.db"
    assert window.db.info.entry_count == 18
    assert not (isolated_profile / "faq.db").exists()


def test_missing_documents_falls_back_home(tmp_path, monkeypatch):
    monkeypatch.setattr(
        dialogs.QStandardPaths, "writableLocation", staticmethod(lambda location: str(tmp_path / "missing"))
    )

    assert dialogs.documents_dir() == Path.home()
