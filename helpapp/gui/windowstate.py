"""Save and restore the window's geometry, splitter, zoom and last open question."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from helpapp.gui.answerview import DEFAULT_ZOOM

if TYPE_CHECKING:
    from helpapp.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter"
ZOOM_KEY = "view/zoom"
LAST_ENTRY_KEY = "reading/last_entry"


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore(window: MainWindow, settings: QSettings) -> None:
    """Apply the saved geometry, splitter sizes and zoom; ignore missing or invalid values."""
    geometry = _bytes(settings, GEOMETRY_KEY)
    if geometry is not None and not window.restoreGeometry(geometry):
        log.warning("ignored invalid saved window geometry")
    state = _bytes(settings, STATE_KEY)
    if state is not None:
        window.restoreState(state)
    splitter = _bytes(settings, SPLITTER_KEY)
    if splitter is not None and not window.splitter.restoreState(splitter):
        log.warning("ignored invalid saved splitter sizes")

    try:
        zoom = int(settings.value(ZOOM_KEY, DEFAULT_ZOOM))
    except (TypeError, ValueError):
        zoom = DEFAULT_ZOOM
    window.answer_view.set_zoom(zoom)


def save(window: MainWindow, settings: QSettings) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.setValue(SPLITTER_KEY, window.splitter.saveState())
    settings.setValue(ZOOM_KEY, window.answer_view.zoom)
    settings.setValue(LAST_ENTRY_KEY, window.current_entry.key if window.current_entry is not None else "")
    settings.sync()
