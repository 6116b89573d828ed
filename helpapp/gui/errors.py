"""User-facing messages for database, import and user data errors, and the dialogs
that show them. Tests replace the `show_*` functions so that no dialog blocks.

The window imports this module at start, but shows a dialog only when something
fails, so QMessageBox is imported and the pattern below compiled on first use.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from helpapp.core.database import DatabaseError, DatabaseNotFoundError, DatabaseUnreadableError, SchemaError

log = logging.getLogger(__name__)

_SCHEMA_VERSION_PATTERN = r"schema version (?P<found>\d+) is not supported; this version reads (?P<readable>[\d, ]+)"


def describe_database_error(error: DatabaseError | OSError, path: Path, given_by_user: bool = False) -> str:
    """Return a translated message that names the file and the fix. `given_by_user` is
    True when the user named the file with --db, so a missing file is a typing mistake
    rather than a damaged installation."""
    if isinstance(error, DatabaseNotFoundError) and given_by_user:
        text = QCoreApplication.translate(
            "DatabaseErrors",
            "The file given with --db was not found:\n{path}\n\nCheck the path and start Partner Offline Help again.",
        )
    elif isinstance(error, DatabaseNotFoundError):
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
    elif isinstance(error, DatabaseUnreadableError) and "is a folder" in error.reason:
        text = QCoreApplication.translate(
            "DatabaseErrors",
            "This path is a folder, not a help database file:\n{path}\n\n"
            "Start Partner Offline Help with --db followed by the path of a database file, such as faq.db.",
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


def describe_import_error(error: DatabaseError | OSError, path: Path) -> str:
    """Return a translated message that explains why importing `path` failed."""
    reason = error.reason if isinstance(error, DatabaseError) else str(error)
    version = re.search(_SCHEMA_VERSION_PATTERN, reason)

    if isinstance(error, DatabaseNotFoundError):
        text = QCoreApplication.translate("ImportErrors", "The file was not found:\n{path}")
    elif isinstance(error, SchemaError) and version is not None:
        text = QCoreApplication.translate(
            "ImportErrors",
            "The database {path} has format version {found}, but this version of Partner Offline Help "
            "reads only format version {readable}. Ask for a database made for this version, or update the app.",
        ).format(path="{path}", found=version.group("found"), readable=version.group("readable").strip())
    elif isinstance(error, SchemaError) and "no entries" in reason:
        text = QCoreApplication.translate("ImportErrors", "The database {path} contains no questions, so it was not imported.")
    elif isinstance(error, SchemaError):
        text = QCoreApplication.translate(
            "ImportErrors", "The file {path} is not a Partner Offline Help database. Choose the faq.db file you received."
        )
    elif "search index is damaged" in reason:
        text = QCoreApplication.translate(
            "ImportErrors", "The search index of {path} is damaged. Ask for a new copy of the database."
        )
    elif "locked" in reason:
        text = QCoreApplication.translate(
            "ImportErrors", "The file {path} is in use by another program. Close that program and try again."
        )
    elif "incomplete" in reason:
        text = QCoreApplication.translate(
            "ImportErrors", "The file {path} is incomplete, perhaps because copying it was interrupted. Copy it again and retry."
        )
    elif "copying failed" in reason and isinstance(error, DatabaseError):
        path = error.path
        text = QCoreApplication.translate(
            "ImportErrors", "The database could not be copied into the data folder ({path}). Check the free disk space and try again."
        )
    else:
        text = QCoreApplication.translate(
            "ImportErrors", "The file {path} is damaged or is not a database. Ask for a new copy of the database."
        )
    return text.format(path=path) + "\n\n" + QCoreApplication.translate("ImportErrors", "The questions you had stay as they were.")


def _show_message(icon: str, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show a modal message box with the QMessageBox.Icon named `icon` and an OK button."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon[icon], title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_critical(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show a modal error dialog."""
    _show_message("Critical", parent, title, text, details)


def show_warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show a modal warning: something failed but the app keeps working."""
    _show_message("Warning", parent, title, text, details)


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    _show_message("Information", parent, title, text)


def show_database_error(
    error: DatabaseError | OSError, path: Path, parent: QWidget | None = None, given_by_user: bool = False
) -> None:
    """Log the error and tell the user, in their language, what to do about it. The
    dialog's details add the technical reason, in English, for support staff."""
    reason = error.reason if isinstance(error, DatabaseError) else str(error)
    log.error("cannot open database %s: %s", path, reason)
    title = QCoreApplication.translate("DatabaseErrors", "Partner Offline Help: database error")
    details = QCoreApplication.translate("DatabaseErrors", "Technical details for support:") + "\n" + reason
    show_critical(parent, title, describe_database_error(error, path, given_by_user), details)
