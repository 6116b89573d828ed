"""Run work once a widget has been painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaintHook(QObject):
    """Call `callback` once, on the event loop's next turn after `widget`'s first paint.

    A zero timer started before the first paint fires before it, because Qt delivers
    the paint later through an update request, so work meant for after the window
    appears waits for the paint itself. The filter removes itself after that paint.
    """

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False
