"""The title suggestions that open under the search box while typing.

Design of the keys: while the suggestion list is open, Down and Up move through it
(Up from the first suggestion returns to the typed text), Enter opens the selected
suggestion, and Esc closes the list. While it is closed, or when no suggestion is
selected, Up, Down and Enter act on the search results as before. The list is a
child widget that never takes focus, so typing always goes to the search box.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

if TYPE_CHECKING:
    from helpapp.core.outcome import TitleChoice

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole + 10


class SuggestionList(QListView):
    """A list of matching titles drawn over the window below the search box."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._choices: tuple[TitleChoice, ...] = ()
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Matching question titles"))
        self.setToolTip(self.tr("Down and Enter open a suggested question; Esc closes the list"))
        self.clicked.connect(self._on_clicked)
        self.hide()

    def set_choices(self, choices: Sequence[TitleChoice]) -> None:
        """Replace the titles; no row is selected until the user moves into the list."""
        self._choices = tuple(choices)
        self._model.setStringList([choice.title for choice in self._choices])
        self.setCurrentIndex(QModelIndex())
        self.clearSelection()

    def choices(self) -> tuple[TitleChoice, ...]:
        return self._choices

    def place_below(self, anchor: QWidget) -> None:
        """Show the list under `anchor`, as wide as it and at most eight rows high."""
        if not self._choices:
            self.hide()
            return
        parent = self.parentWidget()
        top_left = anchor.mapTo(parent, anchor.rect().bottomLeft())
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().height())
        rows = min(len(self._choices), 8)
        height = rows * row_height + 2 * self.frameWidth() + 2
        available = parent.height() - top_left.y() - 4
        self.setGeometry(top_left.x(), top_left.y() + 2, anchor.width(), max(row_height, min(height, available)))
        self.raise_()
        self.show()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def move_selection(self, step: int) -> None:
        """Move the selection by `step` rows; above the first row, nothing is selected."""
        row = self.current_row() + step
        if row < 0:
            self.setCurrentIndex(QModelIndex())
            self.clearSelection()
            return
        row = min(row, len(self._choices) - 1)
        self.setCurrentIndex(self._model.index(row, 0))

    def current_key(self) -> str | None:
        row = self.current_row()
        return self._choices[row].key if 0 <= row < len(self._choices) else None

    def _on_clicked(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._choices):
            self.chosen.emit(self._choices[index.row()].key)
