"""Startup: database errors, exit codes, language choice and fonts."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from helpapp.gui import app as gui_app
from helpapp.gui import errors
from helpapp.gui.i18n import CHINESE, ENGLISH, choose_language, install_translators


@pytest.fixture
def dialogs(monkeypatch, qapp) -> list[dict]:
    """Record error dialogs instead of showing them; reset translators afterwards."""
    shown: list[dict] = []

    def record(parent, title, text, details=""):
        shown.append({"title": title, "text": text, "details": details})

    monkeypatch.setattr(errors, "show_critical", record)
    yield shown
    install_translators(qapp, ENGLISH)


def test_missing_database_exits_nonzero(dialogs, tmp_path):
    path = tmp_path / "missing.db"

    code = gui_app.run_gui(path, "zh_CN")

    assert code != 0
    assert len(dialogs) == 1


def test_missing_db_option_message_chinese(dialogs, tmp_path):
    path = tmp_path / "missing.db"

    gui_app.run_gui(path, "zh_CN")
    text = dialogs[0]["text"]

    assert text.startswith("找不到 --db 指定的文件")
    assert str(path) in text
    assert "检查路径" in text
    assert "重新安装" not in text
    assert dialogs[0]["title"] == "伙伴离线帮助：数据库错误"


def test_missing_bundled_database_message_chinese(dialogs, tmp_path, monkeypatch):
    path = tmp_path / "missing.db"
    monkeypatch.setattr(gui_app, "bundled_database", lambda: path)

    gui_app.run_gui(None, "zh_CN")
    text = dialogs[0]["text"]

    assert text.startswith("找不到帮助数据库文件")
    assert str(path) in text
    assert "重新安装" in text


def test_error_details_labelled_in_chinese(dialogs, tmp_path):
    path = tmp_path / "notadb.txt"
    path.write_text("不是数据库", encoding="utf-8")

    gui_app.run_gui(path, "zh_CN")
    details = dialogs[0]["details"]

    assert details.startswith("技术信息（供技术支持）：\n")
    assert "not an SQLite database" in details


def test_damaged_database_message(dialogs, tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"this is not an sqlite file" * 100)

    code = gui_app.run_gui(path, "zh_CN")

    assert code != 0
    assert dialogs[0]["text"].startswith("无法读取帮助数据库文件")
    assert str(path) in dialogs[0]["text"]


def test_foreign_database_message(dialogs, tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()

    code = gui_app.run_gui(path, "zh_CN")

    assert code != 0
    assert dialogs[0]["text"].startswith("此文件不是本版本可以读取的帮助数据库")


def test_folder_as_database_message(dialogs, tmp_path):
    code = gui_app.run_gui(tmp_path, "zh_CN")

    assert code != 0
    assert dialogs[0]["text"].startswith("该路径是文件夹，不是帮助数据库文件")


def test_missing_db_option_message_english(dialogs, tmp_path):
    gui_app.run_gui(tmp_path / "missing.db", "en")

    assert dialogs[0]["text"].startswith("The file given with --db was not found")


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("zh_CN", CHINESE), ("zh", CHINESE), ("en", ENGLISH), ("en_US", ENGLISH), ("fr", CHINESE)],
)
def test_language_from_option(requested, expected):
    assert choose_language(requested) == expected


@pytest.mark.parametrize("locale_name", ["zh_CN", "zh_TW", "C", "en_US", "de_DE"])
def test_chinese_whatever_the_system_locale(locale_name, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(locale_name)))
    assert choose_language(None) == CHINESE


def test_qt_standard_buttons_translated(chinese):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_english_installs_no_translator(english):
    assert QCoreApplication.translate("MainWindow", "Partner Offline Help") == "Partner Offline Help"


def test_ui_font_prefers_chinese_families(qapp):
    original = qapp.font()
    try:
        gui_app.apply_ui_font(qapp)

        assert qapp.font().families()[: len(gui_app.UI_FONT_FAMILIES)] == gui_app.UI_FONT_FAMILIES
    finally:
        qapp.setFont(original)


def test_bundled_database_used_by_default(monkeypatch, qapp):
    opened: list[Path] = []
    monkeypatch.setattr(gui_app, "open_database", lambda path, given_by_user: opened.append(path))

    code = gui_app.run_gui(None, "en")

    assert code != 0
    assert opened == [gui_app.bundled_database()]


# Modules the window imports only after its first paint or on first use. Each took
# milliseconds of the start: the search and related-question code with their
# dataclasses, the hidden panes with their Qt classes, the answer pages with html,
# hashlib's OpenSSL, importlib.resources, and logging.handlers with socket and pickle.
DEFERRED_MODULES = (
    "helpapp.core.outcome",
    "helpapp.core.search",
    "helpapp.core.related",
    "helpapp.gui.resultspanel",
    "helpapp.gui.findbar",
    "helpapp.gui.suggestions",
    "helpapp.gui.savedlists",
    "helpapp.gui.pages",
    "helpapp.gui.richtext",
    "helpapp.gui.links",
    "html",
    "hashlib",
    "importlib.resources",
    "logging.handlers",
)


def test_gui_start_module_defers_imports():
    script = "import sys, helpapp.gui.app; print(' '.join(name for name in sys.argv[1:] if name in sys.modules))"

    completed = subprocess.run(
        [sys.executable, "-c", script, *DEFERRED_MODULES], capture_output=True, text=True, timeout=120, check=True
    )

    assert completed.stdout.split() == []


def test_message_box_has_icon_text_and_details(monkeypatch, qapp):
    opened_boxes: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: opened_boxes.append((box.icon(), box.windowTitle(), box.text(), box.detailedText())))

    errors._show_message("Warning", None, "伙伴离线帮助", "保存失败", "disk full")

    assert opened_boxes == [(QMessageBox.Icon.Warning, "伙伴离线帮助", "保存失败", "disk full")]
