"""The search field at the top of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """A line edit that turns Up, Down, Page Up, Page Down, Enter and Esc into requests
    for the window, which sends them to the suggestion list or the results."""

    move_requested = Signal(int)
    accept_requested = Signal()
    cancel_requested = Signal()
    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search questions, for example: how to issue an invoice"))
        self.setAccessibleName(self.tr("Search the FAQ"))
        self.setToolTip(self.tr("Type words of your question; results appear as you type (Ctrl+K)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.move_requested.emit(5)
        elif key == Qt.Key.Key_PageUp:
            self.move_requested.emit(-5)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()
