"""`helpapp --self-test`: check that an installed or frozen app works on this machine.

Opens the database, runs a search, and builds the main window offscreen. Prints one
line per check and returns 0 when all passed, else 1 with the reason.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from helpapp import __version__

SELF_TEST_QUERY = "开票"

# Qt's own messages while the window is built, such as the offscreen platform's
# "does not support propagateSizeHints()", go here instead of stderr.
qt_log = logging.getLogger("helpapp.qt")


class SelfTestFailed(Exception):
    pass


def _check(name: str, step: Callable[[], str]) -> None:
    started = time.perf_counter()
    try:
        detail = step()
    except SelfTestFailed:
        raise
    except Exception as error:  # noqa: BLE001 - every failure is reported, not raised
        raise SelfTestFailed(f"{name}: {type(error).__name__}: {error}") from error
    elapsed = (time.perf_counter() - started) * 1000
    print(f"ok   {name}: {detail} ({elapsed:.0f} ms)", flush=True)


def run_self_test(db_path: Path | None) -> int:
    from helpapp.core.database import FaqDatabase
    from helpapp.core.search import search
    from helpapp.paths import bundled_database

    print(f"helpapp {__version__} self-test (Python {sys.version.split()[0]}, frozen: {getattr(sys, 'frozen', False)})")
    path = db_path or bundled_database()
    state: dict = {}

    def open_database() -> str:
        state["db"] = FaqDatabase(path)
        info = state["db"].info
        return f"{path}: schema {info.schema_version}, {info.entry_count} entries, content {info.version_text}"

    def run_search() -> str:
        db = state["db"]
        db.warm_up()
        hits = search(db, SELF_TEST_QUERY, limit=5).hits
        if not hits:
            raise SelfTestFailed(f"search: no results for {SELF_TEST_QUERY!r}")
        return f"{len(hits)} results for {SELF_TEST_QUERY!r}, first: {hits[0].title}"

    def build_window() -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings, QtMsgType, QTimer, qInstallMessageHandler

        def log_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
            serious = kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
            qt_log.log(logging.ERROR if serious else logging.INFO, "%s", message)

        qInstallMessageHandler(log_qt_message)

        from helpapp.gui.app import application
        from helpapp.gui.i18n import choose_language, install_translators
        from helpapp.gui.mainwindow import MainWindow

        app = application()
        install_translators(app, choose_language("zh_CN"))

        # Settings and user data go to a throw-away folder, so the check leaves the
        # user's profile as it was.
        scratch = state["scratch"] = tempfile.TemporaryDirectory(prefix="helpapp-self-test-")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
        window = MainWindow(state["db"], Path(scratch.name))
        window.show()

        # Record what the event loop shows before quitting: quit() closes the windows.
        shown: dict[str, object] = {}

        def inspect() -> None:
            shown["visible"] = window.isVisible()
            shown["title"] = window.windowTitle()
            app.quit()

        QTimer.singleShot(0, inspect)
        app.exec()
        if not shown.get("visible"):
            raise SelfTestFailed("window: the main window did not show")
        return f"main window shown on {app.platformName()}, title {shown['title']!r}"

    try:
        _check("database", open_database)
        _check("search", run_search)
        _check("window", build_window)
    except SelfTestFailed as error:
        print(f"FAIL {error}", flush=True)
        return 1
    finally:
        if "db" in state:
            state["db"].close()
        if "scratch" in state:
            state["scratch"].cleanup()
    print("self-test passed")
    return 0
