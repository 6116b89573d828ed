"""The read-only view that shows one entry."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from helpapp.core.database import Entry
from helpapp.gui.richtext import AnswerLabels, entry_html

log = logging.getLogger(__name__)


class AnswerView(QTextBrowser):
    """Show an entry as escaped HTML. The view follows no link and loads no resource."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Answer"))
        self.document().setDocumentMargin(16)
        self.entry_id: int | None = None
        self.show_placeholder()

    def labels(self) -> AnswerLabels:
        return AnswerLabels(
            topics=self.tr("Topic: "),
            fragment_notice=self.tr(
                "The beginning of this entry was cut off in the export, so the content may be incomplete."
            ),
            truncated_notice=self.tr(
                "The end of this entry was cut off in the export, so the content may be incomplete."
            ),
        )

    def show_placeholder(self) -> None:
        self.entry_id = None
        self.setPlainText(self.tr("Choose a question on the left, or type in the search box above."))

    def show_entry(self, entry: Entry, title_spans: Sequence[tuple[int, int]] = (), body_spans: Sequence[tuple[int, int]] = ()) -> None:
        self.entry_id = entry.id
        self.setHtml(entry_html(entry, self.labels(), title_spans, body_spans))
        self.verticalScrollBar().setValue(0)
        log.debug("showing entry %d", entry.id)

    def loadResource(self, kind: int, name: QUrl) -> object:
        # Entry text is escaped, so no image or style sheet should ever be requested.
        log.warning("blocked a request for resource %s", name.toString())
        return None
