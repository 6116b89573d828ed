"""Locations of the user's files: settings, bookmarks, imported databases, logs.

`data_dir()` is `QStandardPaths.AppDataLocation`, which needs the organisation and
application names that `set_application_names` sets. Tests replace `data_dir` and
point `QSettings` at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from helpapp.paths import APPLICATION_NAME, ORGANIZATION_NAME

USER_DATA_NAME = "user.db"
LOG_DIR_NAME = "logs"


def set_application_names() -> None:
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)


def data_dir() -> Path:
    """Return the folder for the user's data; it may not exist yet."""
    set_application_names()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def settings() -> QSettings:
    set_application_names()
    return QSettings()
