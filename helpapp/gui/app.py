"""Start the GUI: application, logging, translators, fonts, theme, database, main window."""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from helpapp.core.database import DatabaseError, FaqDatabase
from helpapp.core.library import active_database
from helpapp.gui import crash, profile
from helpapp.gui.errors import show_database_error
from helpapp.gui.i18n import choose_language, install_translators
from helpapp.gui.mainwindow import MainWindow
from helpapp.gui.theme import theme
from helpapp.logsetup import configure_logging
from helpapp.paths import bundled_database

log = logging.getLogger(__name__)

# The same code as the command line's EXIT_DATABASE: the database is missing or unreadable.
EXIT_DATABASE_ERROR = 3

# Chinese UI fonts in order of preference: Windows, macOS, then Linux. Naming them
# keeps Windows from falling back to SimSun for Chinese text.
UI_FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"]


def application() -> QApplication:
    """Return the running QApplication, creating it on first call."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    profile.set_application_names()
    return app


def apply_ui_font(app: QApplication) -> None:
    font = QFont(app.font())
    font.setFamilies([*UI_FONT_FAMILIES, *app.font().families()])
    app.setFont(font)


def freeze_heap(warm_up_ok: bool = True) -> None:
    """Collect garbage once, then exempt every object alive now from later collections.
    Runs when the search warm-up ends, whether or not it succeeded.

    After the warm-up the heap contains the window, the query dictionary and the
    database caches, and they live until the app quits. A full collection scans them
    all (about 12 ms at 100,000 entries), and when it runs in the search thread it
    keeps the interpreter lock, so the GUI thread stalls for as long."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    log.debug("froze %d objects in %.1f ms", gc.get_freeze_count(), (time.perf_counter() - started) * 1000)


def open_database(path: Path, given_by_user: bool = False) -> FaqDatabase | None:
    """Open the database, or show the error dialog and return None. `given_by_user`
    is True for a path given with --db."""
    try:
        return FaqDatabase(path)
    except (DatabaseError, OSError) as error:
        show_database_error(error, path, given_by_user=given_by_user)
    return None


def database_path(db_path: Path | None, data_dir: Path) -> Path:
    """Return `--db` when given (read for this run only, never imported), else the
    imported database when it is usable, else the bundled one."""
    if db_path is not None:
        return db_path
    return active_database(data_dir, bundled_database())


def start_gui(db_path: Path | None, lang: str | None, verbose: bool = False) -> MainWindow | None:
    """Prepare the application and show the main window; return None after a database
    error, which the user has been shown."""
    app = application()
    data_dir = profile.data_dir()
    log_path = configure_logging(data_dir / profile.LOG_DIR_NAME, verbose=verbose)
    crash.install_excepthook(log_path)

    language = choose_language(lang)
    install_translators(app, language)
    apply_ui_font(app)
    theme()
    log.info("starting the GUI in %s; log file %s", language, log_path)

    db = open_database(database_path(db_path, data_dir), given_by_user=db_path is not None)
    if db is None:
        return None

    window = MainWindow(db, data_dir)
    window.controller.warm_up_finished.connect(freeze_heap)
    window.show()
    window.start()
    return window


def run_gui(db_path: Path | None, lang: str | None, verbose: bool = False) -> int:
    """Show the main window for the database at `db_path` (None: the imported or the
    bundled one) in `lang` (None: Simplified Chinese) and return the exit code.
    With `verbose`, debug messages go to the log file and stderr."""
    window = start_gui(db_path, lang, verbose)
    if window is None:
        return EXIT_DATABASE_ERROR

    try:
        return application().exec()
    finally:
        window.db.close()
