"""Startup: database choice, logging, the crash dialog, About, accessibility and language."""

from __future__ import annotations

import gc
import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from helpapp import __version__
from helpapp.core.library import import_database
from helpapp.gui import app as gui_app
from helpapp.gui import crash, dialogs
from helpapp.gui.i18n import CHINESE, ENGLISH, choose_language, install_translators

from tests.gui.conftest import BUNDLED_DB


@pytest.fixture
def started(qapp, qtbot, monkeypatch):
    """Call start_gui like `helpapp` does; close the window and undo the global changes after."""
    windows = []
    previous_hook = sys.excepthook

    def start(db_path: Path | None, lang: str | None):
        window = gui_app.start_gui(db_path, lang)
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window

    yield start
    for window in windows:
        window.close()
        window.db.close()
    sys.excepthook = previous_hook
    gc.unfreeze()
    root = logging.getLogger()
    for handler in [handler for handler in root.handlers if getattr(handler, "_helpapp", False)]:
        root.removeHandler(handler)
        handler.close()
    install_translators(qapp, ENGLISH)


def test_database_error_exit_code(tmp_path):
    assert gui_app.EXIT_DATABASE_ERROR == 3
    assert gui_app.run_gui(tmp_path / "missing.db", "zh_CN") == 3


def test_bundled_database_without_import(started):
    window = started(None, "zh_CN")

    assert window.db.path == gui_app.bundled_database()


def test_heap_frozen_after_warm_up(started, qtbot):
    window = started(None, "zh_CN")

    with qtbot.waitSignal(window.controller.warm_up_finished, timeout=10_000):
        pass

    assert gc.get_freeze_count() > 0


def test_imported_database_used(started, isolated_profile, real_db_path):
    import_database(real_db_path, isolated_profile)

    window = started(None, "zh_CN")

    assert window.db.path == isolated_profile / "faq.db"


def test_db_option_not_imported(started, isolated_profile, real_db_path):
    window = started(real_db_path, "zh_CN")

    assert window.db.path == real_db_path
    assert not (isolated_profile / "faq.db").exists()


def test_log_file_in_data_folder(started, isolated_profile):
    started(None, "zh_CN")
    logging.getLogger("helpapp.test").error("a test message")

    log_file = isolated_profile / "logs" / "helpapp.log"

    assert "a test message" in log_file.read_text(encoding="utf-8")


def test_excepthook_installed(started):
    started(None, "zh_CN")

    assert sys.excepthook.__name__ == "hook"


def test_uncaught_exception_dialog(chinese, dialog_log, caplog, tmp_path):
    hook = crash.make_excepthook(tmp_path / "logs" / "helpapp.log")
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        hook(*sys.exc_info())

    message = dialog_log.messages[0]

    assert message["title"] == "伙伴离线帮助：意外错误"
    assert str(tmp_path / "logs" / "helpapp.log") in message["text"]
    assert "发生了意外错误" in message["text"]
    assert "ValueError: boom in a slot" in message["details"]


def test_uncaught_exception_logged(dialog_log, caplog, tmp_path):
    hook = crash.make_excepthook(None)
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        hook(*sys.exc_info())

    record = next(record for record in caplog.records if record.name == "helpapp.gui.crash")

    assert record.levelno == logging.CRITICAL
    assert record.exc_info[0] is ValueError


def test_install_returns_previous(dialog_log):
    previous = sys.excepthook
    try:
        assert crash.install_excepthook(None) is previous
    finally:
        sys.excepthook = previous


def test_about_text(window, bundled_db):
    box = dialogs.about_box(window, bundled_db)
    text = box.text()

    assert box.windowTitle() == "关于伙伴离线帮助"
    assert f"伙伴离线帮助 {__version__}" in text
    assert f"问答库版本：{bundled_db.info.version_text}" in text
    assert f"共 {bundled_db.info.entry_count} 条问答" in text
    assert bundled_db.info.source_sha256 in text


def test_about_menu_opens_dialog(window, dialog_log):
    window.window_actions.about.trigger()

    assert dialog_log.about_shown == 1


@pytest.mark.parametrize(
    ("widget", "name"),
    [("search_box", "搜索常见问题"), ("tree_view", "主题"), ("answer_view", "答案")],
)
def test_accessible_names_chinese(window, widget, name):
    assert getattr(window, widget).accessibleName() == name


def test_results_accessible_name(window):
    assert window.results_panel.list_view.accessibleName() == "搜索结果"


def test_accessible_names_english(english, bundled_db, open_window):
    window = open_window(bundled_db)

    assert window.search_box.accessibleName() == "Search the FAQ"
    assert window.tree_view.accessibleName() == "Topics"
    assert window.results_panel.list_view.accessibleName() == "Search results"
    assert window.answer_view.accessibleName() == "Answer"


def test_menu_actions_have_mnemonics(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                assert "&" in action.text(), action.text()


def test_main_actions_have_shortcuts(window):
    actions = window.window_actions
    for action in (actions.back, actions.forward, actions.home, actions.bookmark, actions.copy_answer,
                   actions.print, actions.export_pdf, actions.zoom_in, actions.zoom_out, actions.zoom_reset,
                   actions.focus_search, actions.find_in_answer, actions.find_next, actions.find_previous):
        assert not action.shortcut().isEmpty(), action.text()


def test_lang_en_shows_english(started):
    window = started(None, "en")

    assert window.search_box.placeholderText() == "Search questions, for example: how to issue an invoice"
    assert window.menuBar().actions()[0].text() == "&File"


def test_default_language_chinese(started):
    window = started(None, choose_language(None))

    assert window.search_box.placeholderText() == "搜索问题，例如：如何开票"
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_english_only_on_request():
    assert choose_language("en") == ENGLISH
    assert choose_language(None) == CHINESE


def test_every_action_translated(window):
    from tests.gui.test_translations import english_words

    untranslated = [action.text() for action in window.findChildren(QAction) if english_words(action.text())]

    assert untranslated == []


def test_schema_two_database_rejected_at_start(dialog_log, tmp_path):
    path = tmp_path / "v2.db"
    path.write_bytes(BUNDLED_DB.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE metadata SET value='2' WHERE key='schema_version'")
    connection.close()

    assert gui_app.run_gui(path, "zh_CN") == 3
    assert dialog_log.messages[0]["text"].startswith("此文件不是本版本可以读取的帮助数据库")
