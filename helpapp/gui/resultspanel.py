"""The search results pane: hit count and result list, or a 'nothing found' page."""

from __future__ import annotations

import html
import logging
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from helpapp.core.text import shorten
from helpapp.gui import links
from helpapp.gui.models import ENTRY_ID_ROLE, HIT_ROLE, ResultListModel
from helpapp.gui.richtext import format_topic_paths, hit_html, link_html, mark_style
from helpapp.gui.theme import theme

if TYPE_CHECKING:
    from helpapp.core.outcome import SearchOutcome
    from helpapp.core.search import Hit

log = logging.getLogger(__name__)


# Space between the list's edge and a row's text, in pixels.
TEXT_MARGIN = 4

# Messages quote at most this many characters of the query, so a pasted page of text
# does not push the rest of the message out of the pane.
QUOTED_QUERY_CHARS = 40


def quoted_query(query: str) -> str:
    """Return the query as messages quote it: stripped, and shortened when long."""
    return shorten(query.strip(), QUOTED_QUERY_CHARS)


def _blend(foreground: QColor, background: QColor, weight: float) -> QColor:
    """Return a colour `weight` of the way from `background` to `foreground`."""
    return QColor(
        round(background.red() + (foreground.red() - background.red()) * weight),
        round(background.green() + (foreground.green() - background.green()) * weight),
        round(background.blue() + (foreground.blue() - background.blue()) * weight),
    )


class HitDelegate(QStyledItemDelegate):
    """Paint a hit as rich text: marked title, snippet and topic path.

    Laying out a rich-text document takes about a millisecond, and the view asks for
    each row's size and painting several times per search, so documents are cached by
    hit, width, colours and font. Every row is laid out at the width the list has
    with its scroll bar shown, so a scroll bar that appears or goes does not lay out
    every row again.

    `prepare` lays out the rows of results that are not shown yet, one row per pass of
    the event loop, so that showing them later costs the GUI thread little.
    """

    CACHE_SIZE = 64

    # Rows laid out ahead: about what the list shows at the window's default size.
    PREPARED_ROWS = 10

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[tuple, QTextDocument] = OrderedDict()
        # Row heights by hit, width and font: the view requests a row's size several
        # times when results arrive, and a height does not depend on colours.
        self._heights: OrderedDict[tuple, int] = OrderedDict()
        self.documents_created = 0
        self._queue: list[tuple[Hit, bool]] = []
        self._queue_view: QListView | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_next)

    @staticmethod
    def text_width(view: QListView) -> int:
        """Return the width of a row's text in `view`, with room for a scroll bar."""
        scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        return max(view.maximumViewportSize().width() - scroll_bar - 2 * TEXT_MARGIN, 80)

    @staticmethod
    def _topics_color(palette: QPalette, selected: bool) -> QColor:
        if selected:
            return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
        return _blend(text, base, 0.55)

    @staticmethod
    def _is_selected(option: QStyleOptionViewItem) -> bool:
        return bool(option.state & QStyle.StateFlag.State_Selected)

    def _document(self, hit: Hit, font: QFont, topics_color: QColor, width: int) -> QTextDocument:
        marks = mark_style(theme().colors())
        key = (hit, width, topics_color.name(), marks, font.key())
        document = self._cache.get(key)
        if document is not None:
            self._cache.move_to_end(key)
            return document

        self.documents_created += 1
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setDocumentMargin(6)
        topics = format_topic_paths(hit.topic_paths)
        document.setHtml(hit_html(hit.title, hit.title_spans, topics, hit.snippet, hit.snippet_spans, topics_color.name(), marks))
        document.setTextWidth(width)
        self._cache[key] = document
        if len(self._cache) > self.CACHE_SIZE:
            self._cache.popitem(last=False)
        return document

    def _width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        return self.text_width(widget) if isinstance(widget, QListView) else max(option.rect.width() - 2 * TEXT_MARGIN, 80)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        widget = options.widget
        style = widget.style() if widget is not None else QApplication.style()

        options.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)

        hit = index.data(HIT_ROLE)
        selected = self._is_selected(options)
        document = self._document(hit, options.font, self._topics_color(options.palette, selected), self._width(options))
        context = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            color = options.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
            context.palette.setColor(QPalette.ColorRole.Text, color)

        text_rect = options.rect.adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, 0)
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(text_rect.translated(-text_rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hit = index.data(HIT_ROLE)
        width = self._width(option)
        height = self._heights.get(self._height_key(hit, option.font, width))
        if height is None:
            # The unselected row's document, which painting needs too, gives the height.
            height = self._height(hit, option.font, self._topics_color(option.palette, False), width)
        return QSize(width + 2 * TEXT_MARGIN, height)

    @staticmethod
    def _height_key(hit: Hit, font: QFont, width: int) -> tuple:
        return (hit, width, font.key())

    def _height(self, hit: Hit, font: QFont, topics_color: QColor, width: int) -> int:
        height = int(self._document(hit, font, topics_color, width).size().height()) + 4
        self._heights[self._height_key(hit, font, width)] = height
        if len(self._heights) > self.CACHE_SIZE:
            self._heights.popitem(last=False)
        return height

    def prepare(self, view: QListView, hits: Sequence[Hit]) -> None:
        """Lay out the first rows of `hits` for `view` in the coming passes of the event
        loop, the first row also as selected, replacing any rows still waiting."""
        selected_first = [(hits[0], True)] if hits else []
        self._queue = selected_first + [(hit, False) for hit in hits[: self.PREPARED_ROWS]]
        self._queue_view = view
        if self._queue:
            self._prepare_timer.start()

    def is_preparing(self) -> bool:
        return bool(self._queue)

    def _prepare_next(self) -> None:
        view = self._queue_view
        if not self._queue or view is None:
            return

        hit, selected = self._queue.pop(0)
        font = view.font()
        width = self.text_width(view)
        topics_color = self._topics_color(view.palette(), selected)
        if selected:
            self._document(hit, font, topics_color, width)
        elif self._height_key(hit, font, width) not in self._heights:
            self._height(hit, font, topics_color, width)

        if self._queue:
            self._prepare_timer.start()


class ResultsPanel(QWidget):
    """Show the latest search outcome and emit the entry or link the user picks."""

    entry_requested = Signal(int)
    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultListModel(self)

        self.count_label = QLabel(self)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.delegate = HitDelegate(self.list_view)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setWordWrap(True)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        # The scroll bar stays shown. Rows are laid out for the width beside it, and a
        # scroll bar appearing with the second batch of rows would repaint every row.
        self.list_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # NOTE: the batched layout mode would spread the row layout over several
        # passes of the event loop, but with word-wrapped rows of varying height it
        # lays the list out again and again and keeps a core busy while idle.
        self.list_view.setAccessibleName(self.tr("Search results"))
        self.list_view.clicked.connect(self._on_activated)
        self.list_view.activated.connect(self._on_activated)

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.empty_label.setMargin(8)
        self.empty_label.linkActivated.connect(self.link_activated)

        results_page = QWidget(self)
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.count_label)
        results_layout.addWidget(self.list_view)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(results_page)
        self.pages.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def prepare(self, outcome: SearchOutcome) -> None:
        """Lay out the rows of an outcome that `show_outcome` will show soon."""
        self.delegate.prepare(self.list_view, outcome.result.hits)

    def show_outcome(self, outcome: SearchOutcome) -> None:
        hits = outcome.result.hits
        self.model.set_hits(hits)
        if hits:
            if outcome.has_more and outcome.topic_id is not None:
                count = self.tr("The best %n result(s) in “{topic}”", "", len(hits)).format(topic=outcome.topic_title)
            elif outcome.has_more:
                count = self.tr("The best %n result(s)", "", len(hits))
            elif outcome.topic_id is not None:
                count = self.tr("%n result(s) in “{topic}”", "", len(hits)).format(topic=outcome.topic_title)
            else:
                count = self.tr("%n result(s)", "", len(hits))
            self.count_label.setText(count)
            self.pages.setCurrentIndex(0)
            self.list_view.setCurrentIndex(self.model.index(0, 0))
            self.list_view.scrollToTop()
            return

        self.empty_label.setText(self._nothing_found_html(outcome))
        self.pages.setCurrentIndex(1)

    def show_failure(self, query: str) -> None:
        self.model.set_hits(())
        message = self.tr(
            "The search for “{query}” failed because the database could not be read. "
            "Restart the app; if this keeps happening, reinstall it."
        ).format(query=quoted_query(query))
        self.empty_label.setText(html.escape(message))
        self.pages.setCurrentIndex(1)

    def _nothing_found_html(self, outcome: SearchOutcome) -> str:
        query = quoted_query(outcome.query)
        if outcome.topic_id is not None:
            message = self.tr("No answers found for “{query}” in “{topic}”.").format(query=query, topic=outcome.topic_title)
        else:
            message = self.tr("No answers found for “{query}”.").format(query=query)
        parts = [f"<p>{html.escape(message)}</p>"]

        if outcome.topic_id is not None:
            search_all = html.escape(self.tr("Search all topics"))
            parts.append(f"<p>{link_html(links.search_all_url(), search_all)}</p>")

        if outcome.closest:
            items = "".join(
                f"<li>{link_html(links.entry_url(choice.key), html.escape(choice.title))}</li>" for choice in outcome.closest
            )
            heading = self.tr("Closest questions:")
            parts.append(f"<p>{html.escape(heading)}</p><ul>{items}</ul>")
        elif outcome.topics:
            items = "".join(
                f"<li>{link_html(links.topic_url(topic.topic_id), html.escape(topic.title))}</li>" for topic in outcome.topics
            )
            heading = self.tr("No question shares a word with your search. Browse the topics instead:")
            parts.append(f"<p>{html.escape(heading)}</p><ul>{items}</ul>")

        advice = self.tr("Try fewer or different words.")
        parts.append(f"<p>{html.escape(advice)}</p>")
        return "".join(parts)

    def is_showing_hits(self) -> bool:
        return self.pages.currentIndex() == 0 and self.model.hit_count() > 0

    def move_current(self, step: int) -> None:
        """Move the selection by `step` rows, showing more hits when it passes the last
        row shown."""
        row = self.list_view.currentIndex().row()
        target = 0 if row < 0 else row + step
        while target >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())

        count = self.model.rowCount()
        if count == 0:
            return
        self.list_view.setCurrentIndex(self.model.index(max(0, min(count - 1, target)), 0))

    def current_entry_id(self) -> int | None:
        """Return the selected hit's entry, else the first hit's, else None."""
        index = self.list_view.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        return index.data(ENTRY_ID_ROLE) if index.isValid() else None

    def _on_activated(self, index: QModelIndex) -> None:
        entry_id = index.data(ENTRY_ID_ROLE)
        if entry_id is not None:
            self.entry_requested.emit(entry_id)
