"""Bookmarks and reading history for the window, stored through `UserData`.

A failure to open or write the user's file never stops the app. The window shows
one message in the user's language, and the lists stay empty or unchanged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from helpapp.core.database import Entry, FaqDatabase
from helpapp.core.userdata import SavedEntry, UserData, UserDataError
from helpapp.gui import errors
from helpapp.gui.models import SavedEntryListModel
from helpapp.gui.profile import USER_DATA_NAME

log = logging.getLogger(__name__)


class ReadingRecords(QObject):
    """Own the `UserData` file and the list models of bookmarks and history."""

    bookmarks_changed = Signal()

    def __init__(self, data_dir: Path, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._write_failed = False
        self.open_error: UserDataError | None = None
        self.user_data: UserData | None = None
        missing = self.tr("This question is not in the current FAQ database.")
        self.bookmark_model = SavedEntryListModel(missing, self)
        self.history_model = SavedEntryListModel(missing, self)

        try:
            self.user_data = UserData(data_dir / USER_DATA_NAME)
        except UserDataError as error:
            log.error("bookmarks and history are unavailable: %s", error)
            self.open_error = error

    @property
    def available(self) -> bool:
        return self.user_data is not None

    def close(self) -> None:
        if self.user_data is not None:
            self.user_data.close()
            self.user_data = None

    def report_startup_problems(self) -> None:
        """Tell the user once about a user data file that failed to open or was replaced."""
        title = self.tr("Partner Offline Help: bookmarks and history")
        if self.open_error is not None:
            text = self.tr(
                "Bookmarks and history cannot be saved in this session, because their file could not be opened:\n{error}"
            ).format(error=self.open_error)
            errors.show_warning(self._parent_widget, title, text)
        elif self.user_data is not None and self.user_data.recovered_backup is not None:
            text = self.tr(
                "The file with your bookmarks and history was damaged, so a new empty one was started. "
                "The damaged file was kept as:\n{path}"
            ).format(path=self.user_data.recovered_backup)
            errors.show_warning(self._parent_widget, title, text)

    def refresh(self, db: FaqDatabase) -> None:
        """Reload both lists, marking items that are not in `db`."""
        if self.user_data is None:
            return
        bookmarks = self.user_data.bookmarks()
        history = self.user_data.history()
        self.bookmark_model.set_items(bookmarks, self._missing(db, bookmarks))
        self.history_model.set_items(history, self._missing(db, history))

    @staticmethod
    def _missing(db: FaqDatabase, items: list[SavedEntry]) -> set[str]:
        return {item.key for item in items if db.entry_by_key(item.key) is None}

    def is_bookmarked(self, key: str) -> bool:
        return self.user_data is not None and self.user_data.is_bookmarked(key)

    def history(self, limit: int) -> list[SavedEntry]:
        return self.user_data.history(limit) if self.user_data is not None else []

    def toggle_bookmark(self, entry: Entry, db: FaqDatabase) -> bool:
        """Add or remove the bookmark; return whether the entry is bookmarked afterwards."""
        if self.user_data is None:
            return False
        try:
            state = self.user_data.toggle_bookmark(entry.key, entry.title)
        except UserDataError as error:
            self._report_write_error(error)
            return self.is_bookmarked(entry.key)
        self.refresh(db)
        self.bookmarks_changed.emit()
        return state

    def remove_bookmark(self, key: str, db: FaqDatabase) -> None:
        if self.user_data is None:
            return
        try:
            self.user_data.remove_bookmark(key)
        except UserDataError as error:
            self._report_write_error(error)
            return
        self.refresh(db)
        self.bookmarks_changed.emit()

    def clear_history(self, db: FaqDatabase) -> None:
        if self.user_data is None:
            return
        try:
            self.user_data.clear_history()
        except UserDataError as error:
            self._report_write_error(error)
            return
        self.refresh(db)

    def record_view(self, entry: Entry, db: FaqDatabase) -> None:
        if self.user_data is None:
            return
        try:
            self.user_data.record_view(entry.key, entry.title)
        except UserDataError as error:
            self._report_write_error(error)
            return
        self.refresh(db)

    def _report_write_error(self, error: UserDataError) -> None:
        log.error("saving bookmarks or history failed: %s", error)
        # One dialog per session: a full disk would otherwise raise one per click.
        if self._write_failed:
            return
        self._write_failed = True
        text = self.tr(
            "Your bookmarks and history could not be saved. Check the free disk space; "
            "the app keeps working without saving them.\n\n{error}"
        ).format(error=error)
        errors.show_warning(self._parent_widget, self.tr("Partner Offline Help: saving failed"), text)
