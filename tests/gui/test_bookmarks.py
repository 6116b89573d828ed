"""Bookmarks and history through UserData, surviving a restart; copying the answer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from helpapp.core.userdata import UserData, UserDataError
from helpapp.gui.mainwindow import BOOKMARKS_TAB, HISTORY_TAB
from helpapp.gui.richtext import paragraph_ranges

ENTRY_ID = 8


def test_ctrl_d_bookmarks_entry(window, qtbot, bundled_db):
    window.show_entry(ENTRY_ID)

    qtbot.keyClick(window.answer_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert window.window_actions.bookmark.isChecked()
    assert window.records.bookmark_model.keys() == [bundled_db.entry(ENTRY_ID).key]


def test_ctrl_d_twice_removes(window, qtbot):
    window.show_entry(ENTRY_ID)

    qtbot.keyClick(window.answer_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.answer_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert not window.window_actions.bookmark.isChecked()
    assert window.records.bookmark_model.rowCount() == 0


def test_bookmark_disabled_without_entry(window):
    window.show_home()

    assert not window.window_actions.bookmark.isEnabled()
    assert not window.window_actions.copy_answer.isEnabled()


def test_bookmark_survives_restart(chinese, bundled_db, open_window, isolated_profile):
    first = open_window(bundled_db)
    first.show_entry(ENTRY_ID)
    first.toggle_bookmark()
    first.close()

    second = open_window(bundled_db)
    second.show_entry(ENTRY_ID)

    assert second.records.bookmark_model.keys() == [bundled_db.entry(ENTRY_ID).key]
    assert second.window_actions.bookmark.isChecked()
    assert (isolated_profile / "user.db").exists()


def test_bookmark_list_opens_entry(window, qtbot):
    window.show_entry(ENTRY_ID)
    window.toggle_bookmark()
    window.show_home()
    window.window_actions.show_bookmarks.trigger()
    view = window.bookmarks_panel.list_view

    qtbot.keyClick(view, Qt.Key.Key_Return)

    assert window.left_tabs.currentIndex() == BOOKMARKS_TAB
    assert window.answer_view.entry_id == ENTRY_ID


def bookmark_and_list(window) -> None:
    """Bookmark the entry ENTRY_ID and show the bookmark list."""
    window.show_entry(ENTRY_ID)
    window.toggle_bookmark()
    window.window_actions.show_bookmarks.trigger()


def test_bookmark_list_delete_key(window, qtbot):
    bookmark_and_list(window)

    qtbot.keyClick(window.bookmarks_panel.list_view, Qt.Key.Key_Delete)

    assert window.records.bookmark_model.rowCount() == 0
    assert not window.window_actions.bookmark.isChecked()


def test_remove_button(window, qtbot):
    bookmark_and_list(window)

    qtbot.mouseClick(window.bookmarks_panel.button, Qt.MouseButton.LeftButton)

    assert window.records.bookmark_model.rowCount() == 0


def test_history_newest_first(window, bundled_db):
    window.show_entry(1)
    window.show_entry(2)

    keys = window.records.history_model.keys()

    assert keys[:2] == [bundled_db.entry(2).key, bundled_db.entry(1).key]


def test_history_tab_and_clear(window, qtbot):
    window.show_entry(1)
    window.window_actions.show_history.trigger()

    qtbot.mouseClick(window.history_panel.button, Qt.MouseButton.LeftButton)

    assert window.left_tabs.currentIndex() == HISTORY_TAB
    assert window.records.history_model.rowCount() == 0
    assert window.history_panel.empty_label.isVisible()


def test_missing_bookmark_greyed(chinese, bundled_db, open_window, isolated_profile):
    user_data = UserData(isolated_profile / "user.db")
    user_data.add_bookmark("ffffffffffffffff", "旧问答库中的问题")
    user_data.close()

    window = open_window(bundled_db)
    index = window.records.bookmark_model.index(0, 0)

    assert index.data(Qt.ItemDataRole.ToolTipRole) == "当前问答库中没有此问答。"
    assert not window.open_entry_key("ffffffffffffffff")


def test_recovered_user_data_reported(chinese, bundled_db, open_window, isolated_profile, dialog_log):
    isolated_profile.mkdir(parents=True)
    (isolated_profile / "user.db").write_bytes(b"not a database" * 500)

    open_window(bundled_db)
    texts = dialog_log.texts()

    assert len(texts) == 1
    assert "已损坏" in texts[0]
    assert "user.corrupt-" in texts[0]


def test_write_failure_reported_once(window, dialog_log, monkeypatch):
    def fail(key, title):
        raise UserDataError("user.db: saving failed: disk I/O error")

    monkeypatch.setattr(window.records.user_data, "record_view", fail)
    window.show_entry(1)
    window.show_entry(2)

    assert len(dialog_log.messages) == 1
    assert dialog_log.messages[0]["title"] == "伙伴离线帮助：保存失败"
    assert window.answer_view.entry_id == 2


def test_copy_answer_plain_text(window, bundled_db):
    entry = bundled_db.entry(ENTRY_ID)
    window.show_entry(ENTRY_ID)

    window.window_actions.copy_answer.trigger()
    lines = QGuiApplication.clipboard().text().split("\n")

    assert lines[0] == entry.title
    assert lines[1] == ""
    assert lines[2:] == [entry.body[start:end] for start, end in paragraph_ranges(entry.body)]
    assert "<" not in "".join(lines[2:]) or "<" in entry.body


def test_ctrl_c_copies_selection(window, qtbot):
    window.show_entry(ENTRY_ID)
    window.answer_view.setFocus()
    window.answer_view.selectAll()

    qtbot.keyClick(window.answer_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == window.answer_view.textCursor().selection().toPlainText()
