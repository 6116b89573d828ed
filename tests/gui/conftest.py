"""Fixtures for the GUI tests: the bundled database, translators and a real window.

Every test runs with its settings and user data in tmp_path and with every dialog
replaced, so no test touches the real profile or blocks on a dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from helpapp.core.database import FaqDatabase
from helpapp.gui import dialogs, errors, profile
from helpapp.gui.i18n import CHINESE, ENGLISH, install_translators
from helpapp.gui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
BUNDLED_DB = RESOURCES / "faq.db"


@pytest.fixture(autouse=True)
def isolated_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Path:
    """Keep settings and user data in tmp_path; return the data folder."""
    data = tmp_path / "appdata"
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(profile, "data_dir", lambda: data)
    return data


class DialogLog:
    """Messages shown through `errors`, and stubs for the file, print and About dialogs."""

    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.open_file: Path | None = None
        self.save_file: Path | None = None
        self.print_accepted = False
        self.about_shown = 0

    def texts(self) -> list[str]:
        return [message["text"] for message in self.messages]


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    """Replace every dialog with a recorder; tests set the answers of file dialogs."""
    shown = DialogLog()

    def recorder(kind: str):
        def record(parent, title, text, details=""):
            shown.messages.append({"kind": kind, "title": title, "text": text, "details": details})

        return record

    monkeypatch.setattr(errors, "show_critical", recorder("critical"))
    monkeypatch.setattr(errors, "show_warning", recorder("warning"))
    monkeypatch.setattr(errors, "show_information", recorder("information"))
    monkeypatch.setattr(dialogs, "choose_database_file", lambda parent: shown.open_file)
    monkeypatch.setattr(dialogs, "choose_pdf_file", lambda parent, name: shown.save_file)
    monkeypatch.setattr(dialogs, "accept_print_dialog", lambda printer, parent: shown.print_accepted)

    def count_about(parent, db):
        shown.about_shown += 1

    monkeypatch.setattr(dialogs, "show_about", count_about)
    return shown


@pytest.fixture
def bundled_db() -> Iterator[FaqDatabase]:
    with FaqDatabase(BUNDLED_DB) as db:
        yield db


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Install the Chinese translators for one test, then return to English."""
    install_translators(qapp, CHINESE)
    yield
    install_translators(qapp, ENGLISH)


@pytest.fixture
def english(qapp: QApplication) -> None:
    install_translators(qapp, ENGLISH)


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[[FaqDatabase], MainWindow]]:
    """Show a window on a database and wait until its search is warmed up."""
    windows: list[MainWindow] = []

    def open_(db: FaqDatabase) -> MainWindow:
        window = MainWindow(db, data_dir=profile.data_dir())
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        with qtbot.waitSignal(window.controller.warm_up_finished, timeout=30_000):
            window.start()
        return window

    yield open_
    # Close before the database fixture closes the connections the worker uses.
    for window in windows:
        window.close()


@pytest.fixture
def window(chinese: None, bundled_db: FaqDatabase, open_window) -> MainWindow:
    """The main window in Chinese on the bundled database."""
    return open_window(bundled_db)
