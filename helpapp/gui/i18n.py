"""Choose the interface language and install the Qt translators for it.

The source strings are English. Chinese (zh_CN) is the default whatever the system
locale, and `--lang en` selects English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from helpapp.languages import CHINESE, ENGLISH
from helpapp.paths import translations_dir

log = logging.getLogger(__name__)

APP_CATALOG = "helpapp"

# Qt's own catalog: translated standard buttons (OK, Cancel) and line-edit menus.
QT_CATALOG = "qtbase"

_installed: list[QTranslator] = []


def choose_language(requested: str | None) -> str:
    """Return `CHINESE` or `ENGLISH` for a `--lang` value. Without one the window is in
    Simplified Chinese whatever the system language, because partners read Chinese
    also on a laptop whose system language is English."""
    if not requested:
        return CHINESE
    if requested.lower().startswith("zh"):
        return CHINESE
    if requested.lower().startswith("en"):
        return ENGLISH
    log.warning("unknown language %r; using %s", requested, CHINESE)
    return CHINESE


def install_translators(app: QCoreApplication, language: str) -> None:
    """Install the translators for `language`, replacing any installed before.

    English needs none because it is the source language.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != CHINESE:
        return

    sources = (
        (APP_CATALOG, translations_dir()),
        (QT_CATALOG, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for catalog, folder in sources:
        translator = QTranslator(app)
        if translator.load(f"{catalog}_{CHINESE}", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s_%s not found in %s; some texts stay in English", catalog, CHINESE, folder)
