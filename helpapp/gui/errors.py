"""User-facing messages for database errors, and the dialog that shows them."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from helpapp.core.database import DatabaseError, DatabaseNotFoundError, DatabaseUnreadableError, SchemaError

log = logging.getLogger(__name__)

def describe_database_error(error: DatabaseError | OSError, path: Path) -> str:
    """Return a translated message that names the file and the fix."""
    if isinstance(error, DatabaseNotFoundError):
        text = QCoreApplication.translate(
            "DatabaseErrors",
            "The help database was not found:\n{path}\n\n"
            "Reinstall Partner Offline Help, or start it with --db followed by the path of a database file."
        )
    elif isinstance(error, SchemaError):
        text = QCoreApplication.translate(
            "DatabaseErrors",
            "This file is not a help database that this version can read:\n{path}\n\n"
            "It may come from a newer or older version, or be another kind of file. "
            "Install the version of Partner Offline Help that matches the database, "
            "or start it with --db followed by the path of the database that came with this version."
        )
    elif isinstance(error, (DatabaseUnreadableError, OSError)):
        text = QCoreApplication.translate(
            "DatabaseErrors",
            "The help database cannot be read:\n{path}\n\n"
            "The file may be damaged or empty, or another program may be using it. "
            "Close programs that may use it and try again. If that does not help, reinstall Partner Offline Help, "
            "or start it with --db followed by the path of an intact database file."
        )
    else:
        text = QCoreApplication.translate("DatabaseErrors", "The help database cannot be used:\n{path}\n\nReinstall Partner Offline Help.")
    return text.format(path=path)


def show_critical(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show a modal error dialog. Tests replace this function so that none blocks."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_database_error(error: DatabaseError | OSError, path: Path, parent: QWidget | None = None) -> None:
    """Log the error and tell the user, in their language, what to do about it."""
    details = error.reason if isinstance(error, DatabaseError) else str(error)
    log.error("cannot open database %s: %s", path, details)
    title = QCoreApplication.translate("DatabaseErrors", "Partner Offline Help: database error")
    show_critical(parent, title, describe_database_error(error, path), details)
