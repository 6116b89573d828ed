"""Find in page: a bar under the answer that marks every occurrence of a text.

The bar opens with Ctrl+F while the answer pane has focus, or with
编辑 > 在答案中查找. Enter or F3 goes to the next occurrence, Shift+Enter or
Shift+F3 to the previous one, and Esc closes the bar and returns to the answer.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from helpapp.gui.answerview import AnswerView
from helpapp.gui.theme import theme

log = logging.getLogger(__name__)


class FindField(QLineEdit):
    """The find bar's text field: Enter, Shift+Enter and Esc become requests."""

    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.close_requested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """Find a text in the answer view, mark all occurrences and step through them."""

    def __init__(self, view: AnswerView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._found: list[QTextCursor] = []
        self.current = -1

        self.field = FindField(self)
        self.field.setPlaceholderText(self.tr("Find in answer"))
        self.field.setAccessibleName(self.tr("Find in answer"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.close_button = QToolButton(self)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self.field.textChanged.connect(self.refresh)
        self.field.next_requested.connect(self.find_next)
        self.field.previous_requested.connect(self.find_previous)
        self.field.close_requested.connect(self.close_bar)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        theme().changed.connect(self._mark)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the answer's selected text, if any, and focus the field."""
        selected = self.view.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self._found = []
        self.current = -1
        self.view.clear_found()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Find the text again, after it or the page changed, starting at the first occurrence."""
        if not self.isVisible():
            return
        self._found = self.view.find_all(self.field.text())
        self.current = 0 if self._found else -1
        self._mark()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def match_count(self) -> int:
        return len(self._found)

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if not self._found:
            return
        self.current = (self.current + step) % len(self._found)
        self._mark()

    def _mark(self) -> None:
        if not self.isVisible():
            return
        self.view.mark_found(self._found, self.current, theme().colors())
        if not self.field.text():
            self.count_label.setText("")
        elif self._found:
            self.count_label.setText(self.tr("{current} of {total}").format(current=self.current + 1, total=len(self._found)))
        else:
            self.count_label.setText(self.tr("No matches"))
