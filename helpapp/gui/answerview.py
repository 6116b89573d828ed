"""The read-only view that shows an entry, a topic page or the home page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from helpapp.gui.theme import AnswerColors

if TYPE_CHECKING:
    from helpapp.gui.pages import PageLabels
    from helpapp.gui.richtext import AnswerLabels

log = logging.getLogger(__name__)

DEFAULT_ZOOM = 100
MIN_ZOOM = 50
MAX_ZOOM = 300
ZOOM_STEP = 10


def clamp_zoom(percent: int) -> int:
    return max(MIN_ZOOM, min(MAX_ZOOM, int(percent)))


class AnswerView(QTextBrowser):
    """Show escaped HTML and report clicked links. The view follows no link itself and
    loads no resource."""

    link_activated = Signal(QUrl)
    zoom_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Answer"))
        self.document().setDocumentMargin(16)
        self.anchorClicked.connect(self.link_activated)

        self._base_point_size = self.font().pointSizeF()
        self.zoom = DEFAULT_ZOOM
        # Empty until the window shows the home page or the last question after its
        # first paint.
        self.entry_id: int | None = None

    def labels(self) -> AnswerLabels:
        from helpapp.gui.richtext import AnswerLabels

        return AnswerLabels(
            topics=self.tr("Topic: "),
            fragment_notice=self.tr(
                "The beginning of this entry was cut off in the export, so the content may be incomplete."
            ),
            truncated_notice=self.tr(
                "The end of this entry was cut off in the export, so the content may be incomplete."
            ),
            related=self.tr("Related questions"),
        )

    def page_labels(self, entry_count: int, version: str) -> PageLabels:
        from helpapp.gui.pages import PageLabels

        return PageLabels(
            home_title=self.tr("Partner Offline Help"),
            topics=self.tr("Topics"),
            recent=self.tr("Recently viewed"),
            no_recent=self.tr("Questions you open appear here."),
            subtopics=self.tr("Subtopics"),
            questions=self.tr("Questions"),
            empty_topic=self.tr("This topic has no questions."),
            database=self.tr("{count} questions · version {version}").format(count=f"{entry_count:,}", version=version),
            more_questions=self.tr("{count} more questions: expand this topic in the contents to see them all."),
        )

    def show_page(self, page_html: str, entry_id: int | None = None) -> None:
        """Show a page built by `helpapp.gui.pages`; `entry_id` is set for an entry page."""
        self.entry_id = entry_id
        self.setHtml(page_html)
        self.verticalScrollBar().setValue(0)
        log.debug("showing %s", f"entry {entry_id}" if entry_id is not None else "a page")

    # Zoom

    def set_zoom(self, percent: int) -> None:
        """Scale the text to `percent` of the normal size (50 to 300)."""
        self.zoom = clamp_zoom(percent)
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * self.zoom / 100)
        self.setFont(font)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel goes through the window's zoom, so the level is remembered.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1 if event.angleDelta().y() > 0 else -1
            self.zoom_requested.emit(step)
            event.accept()
            return
        super().wheelEvent(event)

    # Find in page

    def find_all(self, text: str) -> list[QTextCursor]:
        """Return a cursor selecting each occurrence of `text`, ignoring case."""
        if not text:
            return []
        found = []
        document = self.document()
        cursor = document.find(text, 0)
        while not cursor.isNull() and cursor.hasSelection():
            found.append(cursor)
            cursor = document.find(text, cursor)
        return found

    def mark_found(self, cursors: list[QTextCursor], current: int, colors: AnswerColors) -> None:
        """Mark every found occurrence, the current one in a stronger colour, and scroll to it."""
        selections = []
        for number, cursor in enumerate(cursors):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            background = colors.find_current_background if number == current else colors.find_background
            selection.format.setBackground(QColor(background))
            selection.format.setForeground(QColor(colors.find_text))
            selections.append(selection)
        self.setExtraSelections(selections)

        if 0 <= current < len(cursors):
            caret = QTextCursor(cursors[current])
            caret.clearSelection()
            self.setTextCursor(caret)
            self.ensureCursorVisible()

    def clear_found(self) -> None:
        self.setExtraSelections([])

    def loadResource(self, kind: int, name: QUrl) -> object:
        # Entry text is escaped, so no image or style sheet should ever be requested.
        log.warning("blocked a request for resource %s", name.toString())
        return None

