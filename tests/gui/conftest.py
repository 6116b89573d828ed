"""Fixtures for the GUI tests: the bundled database, translators and a real window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from helpapp.core.builder import build_database, load_word_lists
from helpapp.core.database import FaqDatabase
from helpapp.core.export import parse_exports
from helpapp.gui.i18n import CHINESE, ENGLISH, install_translators
from helpapp.gui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
BUNDLED_DB = RESOURCES / "faq.db"


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
        window = MainWindow(db)
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


@pytest.fixture
def make_export_db(tmp_path: Path) -> Iterator[Callable[[str], FaqDatabase]]:
    """Build a database from export text in tmp_path and open it."""
    opened: list[FaqDatabase] = []

    def make(export_text: str) -> FaqDatabase:
        source = tmp_path / "export.txt"
        source.write_text(export_text, encoding="utf-8")
        output = tmp_path / "faq.db"
        build_database(parse_exports([source]), [source], output, load_word_lists(RESOURCES))
        db = FaqDatabase(output)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()
