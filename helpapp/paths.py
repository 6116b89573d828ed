"""Locate the files bundled with the app: faq.db, word lists and translations.

The top-level `resources/` folder is installed as the package `helpapp.resources`
(see pyproject.toml), so a wheel has it in the `helpapp` package folder. The
PyInstaller bundle puts the same files there too, and a source checkout keeps them
beside the package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The organisation and application names that the window gives Qt; together they name
# the user's data folder.
ORGANIZATION_NAME = "PartnerOfflineHelp"
APPLICATION_NAME = "helpapp"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    # An installed wheel and the bundle keep the files in the package folder, a source
    # checkout beside it. Only other layouts ask importlib.resources, whose import
    # takes several milliseconds of the window's start.
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "faq.db").is_file():
            return candidate

    import importlib.resources

    try:
        installed = Path(str(importlib.resources.files("helpapp.resources")))
    except ModuleNotFoundError:
        installed = None
    if installed is not None and (installed / "faq.db").is_file():
        return installed
    return _PACKAGE_DIR.parent / "resources"


def bundled_database() -> Path:
    return resources_dir() / "faq.db"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def data_dir() -> Path:
    """Return the user's data folder (imported database, bookmarks, logs), the folder
    that Qt's `QStandardPaths.AppDataLocation` names for this app, without importing Qt."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION_NAME / APPLICATION_NAME
