"""The bookmarks and history tabs: a list of saved questions with a button below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from helpapp.gui.models import KEY_ROLE, SavedEntryListModel


class SavedListView(QListView):
    """A list view that emits `remove_requested` for the current item on Delete."""

    remove_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            key = self.currentIndex().data(KEY_ROLE)
            if key is not None:
                self.remove_requested.emit(key)
            return
        super().keyPressEvent(event)


class SavedEntryPanel(QWidget):
    """Show bookmarks or history; emit the key the user opens or removes."""

    open_requested = Signal(str)
    remove_requested = Signal(str)
    clear_requested = Signal()

    def __init__(
        self,
        model: SavedEntryListModel,
        empty_text: str,
        button_text: str,
        accessible_name: str,
        removes_selected: bool,
        parent: QWidget | None = None,
    ) -> None:
        """With `removes_selected`, the button removes the selected item; otherwise it
        emits `clear_requested` for the whole list."""
        super().__init__(parent)
        self.model = model
        self._removes_selected = removes_selected
        self.list_view = SavedListView(self)
        self.list_view.setModel(model)
        self.list_view.setAccessibleName(accessible_name)
        self.list_view.setWordWrap(True)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_view.activated.connect(self._on_activated)
        self.list_view.clicked.connect(self._on_activated)
        self.list_view.remove_requested.connect(self.remove_requested)

        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(8)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.button = QPushButton(button_text, self)
        self.button.clicked.connect(self._on_button)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(buttons)

        model.modelReset.connect(self._update_empty)
        self._update_empty()

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.list_view.setVisible(not empty)
        self.button.setEnabled(not empty)
        if not empty and not self.list_view.currentIndex().isValid():
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key is not None:
            self.open_requested.emit(key)

    def _on_button(self) -> None:
        if not self._removes_selected:
            self.clear_requested.emit()
            return
        key = self.list_view.currentIndex().data(KEY_ROLE)
        if key is not None:
            self.remove_requested.emit(key)
