"""文件 > 导入问答库… and 文件 > 恢复内置问答库: change the database while the window runs.

A failed import leaves everything as it was: `import_database` replaces the user's
copy only after every check passed, and the window switches only to a database
that opened. On Windows an open file cannot be replaced, so the current database's
connections are closed first when it is the file being replaced. If the import
fails, `FaqDatabase` reopens them on the next query.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from helpapp.core.database import DatabaseError, FaqDatabase
from helpapp.core.library import import_database as import_into, imported_database_path, restore_bundled
from helpapp.gui import dialogs, errors
from helpapp.paths import bundled_database

if TYPE_CHECKING:
    from pathlib import Path

    from helpapp.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)



def _release_if_replaced(window: MainWindow) -> None:
    """Stop using the current database file if the import or restore replaces it."""
    if window.db.path.resolve() == imported_database_path(window.data_dir).resolve():
        window.controller.wait_idle()
        window.db.close()


def import_database(window: MainWindow, source: Path | None = None) -> bool:
    """Import `source` (None: ask for a file) and switch the window to it; return success."""
    if source is None:
        source = dialogs.choose_database_file(window)
    if source is None:
        return False

    _release_if_replaced(window)
    try:
        installed = import_into(source, window.data_dir)
        db = FaqDatabase(installed)
    except (DatabaseError, OSError) as error:
        log.error("importing %s failed: %s", source, error)
        errors.show_warning(window, QCoreApplication.translate("ContentUpdate", "Partner Offline Help: import failed"), errors.describe_import_error(error, source), str(error))
        return False

    window.switch_database(db)
    info = db.info
    text = QCoreApplication.translate("ContentUpdate", "Imported {count} questions, version {version}.").format(count=f"{info.entry_count:,}", version=info.version_text)
    window.statusBar().showMessage(text, 8000)
    return True


def restore_bundled_database(window: MainWindow) -> bool:
    """Remove the imported database and switch the window to the bundled one; return success."""
    bundled = bundled_database()
    try:
        db = FaqDatabase(bundled)
    except DatabaseError as error:
        errors.show_database_error(error, bundled, window)
        return False

    _release_if_replaced(window)
    try:
        restore_bundled(window.data_dir)
    except OSError as error:
        db.close()
        log.error("removing the imported database failed: %s", error)
        text = QCoreApplication.translate("ContentUpdate", "The imported database could not be removed:\n{error}").format(error=error)
        errors.show_warning(window, QCoreApplication.translate("ContentUpdate", "Partner Offline Help: restore failed"), text)
        return False

    window.switch_database(db)
    window.statusBar().showMessage(QCoreApplication.translate("ContentUpdate", "The built-in FAQ database is in use again."), 8000)
    return True
