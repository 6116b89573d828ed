"""Start the GUI: application, translators, fonts, database, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from helpapp.core.database import DatabaseError, FaqDatabase
from helpapp.gui.errors import show_database_error
from helpapp.gui.i18n import choose_language, install_translators
from helpapp.gui.mainwindow import MainWindow
from helpapp.paths import bundled_database

log = logging.getLogger(__name__)

EXIT_DATABASE_ERROR = 2

# Chinese UI fonts in order of preference: Windows, macOS, then Linux. Naming them
# keeps Windows from falling back to SimSun for Chinese text.
UI_FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]


def application() -> QApplication:
    """Return the running QApplication, creating it on first call."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("helpapp")
    return app


def apply_ui_font(app: QApplication) -> None:
    font = QFont(app.font())
    font.setFamilies([*UI_FONT_FAMILIES, *app.font().families()])
    app.setFont(font)


def open_database(path: Path) -> FaqDatabase | None:
    """Open the database, or show the error dialog and return None."""
    try:
        return FaqDatabase(path)
    except DatabaseError as error:
        show_database_error(error, path)
    except OSError as error:
        show_database_error(error, path)
    return None


def run_gui(db_path: Path | None, lang: str | None) -> int:
    """Show the main window for the database at `db_path` (None: the bundled one)
    in `lang` (None: from the system locale) and return the exit code."""
    app = application()
    language = choose_language(lang)
    install_translators(app, language)
    apply_ui_font(app)
    log.info("starting the GUI in %s", language)

    path = db_path if db_path is not None else bundled_database()
    db = open_database(path)
    if db is None:
        return EXIT_DATABASE_ERROR

    try:
        window = MainWindow(db)
        window.show()
        window.start()
        return app.exec()
    finally:
        db.close()
