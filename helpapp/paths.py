"""Locate the files bundled with the app: faq.db, word lists and translations.

The top-level `resources/` folder is installed as the package `helpapp.resources`
(see pyproject.toml), so `importlib.resources` finds it in a wheel, an editable
install and a PyInstaller bundle. A plain source checkout without an install
falls back to the folder beside the package.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_SOURCE_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    try:
        root = importlib.resources.files("helpapp.resources")
    except ModuleNotFoundError:
        return _SOURCE_RESOURCES
    path = Path(str(root))
    return path if path.is_dir() else _SOURCE_RESOURCES


def bundled_database() -> Path:
    return resources_dir() / "faq.db"


def translations_dir() -> Path:
    return resources_dir() / "translations"
