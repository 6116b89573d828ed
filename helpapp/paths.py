"""Locate the files bundled with the app: faq.db, word lists and translations.

The top-level `resources/` folder is installed as the package `helpapp.resources`
(see pyproject.toml), which `importlib.resources` finds in a wheel. The PyInstaller
bundle puts the same files in `resources/` inside the `helpapp` package folder, and a
source checkout keeps them beside the package.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    try:
        installed = Path(str(importlib.resources.files("helpapp.resources")))
    except ModuleNotFoundError:
        installed = None
    for candidate in (installed, _PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if candidate is not None and (candidate / "faq.db").is_file():
            return candidate
    return _PACKAGE_DIR.parent / "resources"


def bundled_database() -> Path:
    return resources_dir() / "faq.db"


def translations_dir() -> Path:
    return resources_dir() / "translations"
