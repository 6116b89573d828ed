"""The main window: search box, topic tree or results on the left, answer on the right."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from helpapp import __version__
from helpapp.core.database import FaqDatabase
from helpapp.core.highlight import Highlighter
from helpapp.gui.actions import WindowActions
from helpapp.gui.answerview import AnswerView
from helpapp.gui.models import ENTRY_ID_ROLE, TopicTreeModel
from helpapp.gui.resultspanel import ResultsPanel
from helpapp.gui.searchbox import SearchBox
from helpapp.gui.searchworker import SearchController, SearchOutcome

log = logging.getLogger(__name__)

TREE_PAGE = 0
RESULTS_PAGE = 1


class MainWindow(QMainWindow):
    """Wire the views to the database and the search controller."""

    def __init__(self, db: FaqDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Partner Offline Help"))
        self.resize(1100, 720)

        self.search_box = SearchBox(self)
        self.tree_model = TopicTreeModel(db, self)
        self.tree_view = QTreeView(self)
        self.tree_view.setModel(self.tree_model)
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setAccessibleName(self.tr("Topics"))
        self.tree_view.expandAll()
        self.results_panel = ResultsPanel(self)
        self.answer_view = AnswerView(self)
        self._build_layout()

        self.controller = SearchController(db, self)
        self._highlighter: Highlighter | None = None
        self._open_first_on_arrival = False
        self.window_actions = WindowActions(self)
        self._build_status_bar()
        self._connect()

        self.search_box.setFocus()

    def _build_layout(self) -> None:
        self.left_pages = QStackedWidget(self)
        self.left_pages.insertWidget(TREE_PAGE, self.tree_view)
        self.left_pages.insertWidget(RESULTS_PAGE, self.results_panel)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.left_pages)
        splitter.addWidget(self.answer_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 720])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        info = self.db.info
        text = self.tr("{count} questions · version {version}").format(count=info.entry_count, version=info.version_text)
        self.database_label = QLabel(text, self)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().showMessage(self.tr("Preparing search…"))

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self.controller.set_query)
        self.search_box.move_requested.connect(self.results_panel.move_current)
        self.search_box.accept_requested.connect(self._open_current_result)
        self.search_box.cancel_requested.connect(self.clear_search)

        self.controller.results_ready.connect(self._show_outcome)
        self.controller.search_failed.connect(self._show_failure)
        self.controller.cleared.connect(self._show_tree)
        self.controller.warm_up_finished.connect(self._on_warm_up_finished)

        self.tree_view.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree_view.clicked.connect(self._on_tree_current_changed)
        self.results_panel.entry_requested.connect(self._open_result)

        self.window_actions.focus_search.triggered.connect(self.focus_search)
        self.window_actions.quit.triggered.connect(self.close)
        self.window_actions.about.triggered.connect(self._show_about)

    def start(self) -> None:
        """Begin loading the search dictionary in the background."""
        self.controller.start_warm_up()

    # Intents from the views

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()

    def show_entry(self, entry_id: int, highlighter: Highlighter | None = None) -> bool:
        """Show the entry in the answer view, marking the words of `highlighter`."""
        entry = self.db.entry(entry_id)
        if entry is None:
            log.warning("entry %d not found in %s", entry_id, self.db.path)
            return False
        title_spans = highlighter.spans(entry.title) if highlighter else []
        body_spans = highlighter.spans(entry.body) if highlighter else []
        self.answer_view.show_entry(entry, title_spans, body_spans)
        return True

    def _open_result(self, entry_id: int) -> None:
        self.show_entry(entry_id, self._highlighter)

    def _open_current_result(self) -> None:
        if self.controller.is_pending():
            self._open_first_on_arrival = True
            self.controller.run_now()
            return
        entry_id = self.results_panel.current_entry_id()
        if entry_id is not None and self.left_pages.currentIndex() == RESULTS_PAGE:
            self._open_result(entry_id)

    def _on_tree_current_changed(self, index: QModelIndex) -> None:
        entry_id = index.data(ENTRY_ID_ROLE) if index.isValid() else None
        if entry_id is not None and entry_id != self.answer_view.entry_id:
            self.show_entry(entry_id)

    # Reports from the search controller

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        self._highlighter = outcome.result.highlighter
        self.results_panel.show_outcome(outcome)
        self.left_pages.setCurrentIndex(RESULTS_PAGE)

        if self._open_first_on_arrival:
            self._open_first_on_arrival = False
            entry_id = self.results_panel.current_entry_id()
            if entry_id is not None:
                self._open_result(entry_id)

    def _show_failure(self, query: str, reason: str) -> None:
        self._open_first_on_arrival = False
        self.results_panel.show_failure(query)
        self.left_pages.setCurrentIndex(RESULTS_PAGE)

    def _show_tree(self) -> None:
        self._open_first_on_arrival = False
        self._highlighter = None
        self.left_pages.setCurrentIndex(TREE_PAGE)

    def _on_warm_up_finished(self, ok: bool) -> None:
        self.statusBar().clearMessage()

    def _show_about(self) -> None:
        info = self.db.info
        text = self.tr(
            "Partner Offline Help {version}\n\n"
            "The Huawei Cloud partner FAQ, searchable without a network connection.\n\n"
            "Database: {path}\n{count} questions under {topics} topics, content version {content}."
        ).format(
            version=__version__,
            path=self.db.path,
            count=info.entry_count,
            topics=info.topic_count,
            content=info.version_text,
        )
        QMessageBox.about(self, self.tr("About Partner Offline Help"), html.escape(text).replace("\n", "<br>"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.shut_down()
        super().closeEvent(event)
