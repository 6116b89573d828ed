"""Back and forward over the pages the answer view showed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

ENTRY_PAGE = "entry"
TOPIC_PAGE = "topic"
HOME_PAGE = "home"

# Older pages are forgotten beyond this many.
MAX_PAGES = 100


@dataclass(frozen=True)
class Page:
    """A page of the answer view: an entry by key, a topic by id, or home."""

    kind: str
    value: str = ""


class NavigationHistory(QObject):
    """A browser-style list of pages with a current position."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: list[Page] = []
        self._index = -1

    @property
    def current(self) -> Page | None:
        return self._pages[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._pages) - 1

    def visit(self, page: Page) -> None:
        """Make `page` current, dropping the pages ahead of the current one."""
        if page == self.current:
            return
        del self._pages[self._index + 1 :]
        self._pages.append(page)
        if len(self._pages) > MAX_PAGES:
            del self._pages[: len(self._pages) - MAX_PAGES]
        self._index = len(self._pages) - 1
        self.changed.emit()

    def back(self) -> Page | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self.current

    def forward(self) -> Page | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self.current

    def reset(self, page: Page | None = None) -> None:
        """Forget every page; with `page`, start again from it."""
        self._pages = [page] if page is not None else []
        self._index = len(self._pages) - 1
        self.changed.emit()
