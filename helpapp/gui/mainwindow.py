"""The main window: search row, contents/bookmarks/history tabs on the left, answer on the right."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from helpapp.core.database import Entry, FaqDatabase
from helpapp.gui import errors, profile, windowstate
from helpapp.gui.actions import WindowActions
from helpapp.gui.answerview import DEFAULT_ZOOM, ZOOM_STEP, AnswerView
from helpapp.gui.bookmarks import ReadingRecords
from helpapp.gui.firstpaint import FirstPaintHook
from helpapp.gui.models import ENTRY_ID_ROLE, TOPIC_ID_ROLE, TopicTreeModel
from helpapp.gui.navigation import ENTRY_PAGE, HOME_PAGE, TOPIC_PAGE, NavigationHistory, Page
from helpapp.gui.scopebox import ScopeBox
from helpapp.gui.searchbox import SearchBox
from helpapp.gui.searchworker import SearchController
from helpapp.gui.theme import LIGHT_COLORS, theme

if TYPE_CHECKING:
    from collections.abc import Sequence

    from helpapp.core.highlight import Highlighter
    from helpapp.core.outcome import SearchOutcome, TitleChoice
    from helpapp.gui.findbar import FindBar
    from helpapp.gui.links import InternalLink
    from helpapp.gui.models import SavedEntryListModel
    from helpapp.gui.resultspanel import ResultsPanel
    from helpapp.gui.savedlists import SavedEntryPanel
    from helpapp.gui.suggestions import SuggestionList

log = logging.getLogger(__name__)

# Topic trees of FAQs up to this size open fully expanded.
EXPAND_ALL_MAX_ENTRIES = 2_000

TREE_PAGE = 0
RESULTS_PAGE = 1

CONTENTS_TAB = 0
BOOKMARKS_TAB = 1
HISTORY_TAB = 2


class MainWindow(QMainWindow):
    """Wire the views to the database, the search controller and the user's records."""

    def __init__(self, db: FaqDatabase, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dir = data_dir if data_dir is not None else profile.data_dir()
        self.settings = profile.settings()
        self.setWindowTitle(self.tr("Partner Offline Help"))
        self.resize(1100, 720)

        self.records = ReadingRecords(self.data_dir, self)
        self.navigation = NavigationHistory(self)
        self.controller = SearchController(db, self)
        self._highlighter: Highlighter | None = None
        self._open_first_on_arrival = False
        self.current_entry: Entry | None = None
        self._current_highlighter: Highlighter | None = None

        self._build_widgets()
        self._build_layout()
        self.window_actions = WindowActions(self, self.answer_pane)
        self._build_status_bar()
        self._connect()

        self.records.refresh(db)
        # The topics follow after the first paint: the closed box shows only this item.
        self.scope_box.addItem(self.tr("All topics"), None)
        windowstate.restore(self, self.settings)
        self._update_actions()
        self.search_box.setFocus()

    # Construction

    def _build_widgets(self) -> None:
        self.search_box = SearchBox(self)
        self.scope_box = ScopeBox(self)
        self.scope_box.setAccessibleName(self.tr("Search in topic"))
        self.scope_box.setToolTip(self.tr("Limit the search to one topic and its subtopics"))

        self.tree_model = TopicTreeModel(self.db, self)
        self.tree_view = QTreeView(self)
        self.tree_view.setModel(self.tree_model)
        self.tree_view.setHeaderHidden(True)
        # Every row is one line of text, so the view need not measure each row.
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setAccessibleName(self.tr("Topics"))
        self._expand_tree()

        self._results_panel: ResultsPanel | None = None
        self._bookmarks_panel: SavedEntryPanel | None = None
        self._history_panel: SavedEntryPanel | None = None

        self.answer_view = AnswerView(self)
        self._find_bar: FindBar | None = None
        self._suggestion_list: SuggestionList | None = None
        self._pending_choices: Sequence[TitleChoice] = ()
        self._suggestion_timer = QTimer(self)
        self._suggestion_timer.setSingleShot(True)
        self._suggestion_timer.setInterval(0)
        self._suggestion_timer.timeout.connect(self._show_pending_suggestions)

    # The results pane, the find bar, the suggestion list and the bookmarks and history
    # tabs stay hidden until the user searches, presses Ctrl+F or opens a tab. Each is
    # built on first use, and `start` builds them after the window's first paint:
    # importing them with their Qt classes and enums would delay it (about 50 ms for
    # the results pane with Qt's QStyle types).

    @property
    def bookmarks_panel(self) -> SavedEntryPanel:
        """Return the panel of the bookmarks tab, building it on first use."""
        if self._bookmarks_panel is None:
            self._bookmarks_panel = self._build_saved_panel(
                BOOKMARKS_TAB,
                self.records.bookmark_model,
                self.tr("No bookmarks yet. Press Ctrl+D or the star to bookmark the open question."),
                self.tr("Remove Bookmark"),
                self.tr("Bookmarks"),
                removes_selected=True,
            )
            self._bookmarks_panel.remove_requested.connect(self._remove_bookmark)
        return self._bookmarks_panel

    @property
    def history_panel(self) -> SavedEntryPanel:
        """Return the panel of the history tab, building it on first use."""
        if self._history_panel is None:
            self._history_panel = self._build_saved_panel(
                HISTORY_TAB,
                self.records.history_model,
                self.tr("Questions you open appear here."),
                self.tr("Clear History"),
                self.tr("History"),
                removes_selected=False,
            )
            self._history_panel.clear_requested.connect(lambda: self.records.clear_history(self.db))
        return self._history_panel

    def _build_saved_panel(
        self,
        tab: int,
        model: SavedEntryListModel,
        empty_text: str,
        button_text: str,
        accessible_name: str,
        removes_selected: bool,
    ) -> SavedEntryPanel:
        """Build a list of saved questions into the page of `tab`."""
        from helpapp.gui.savedlists import SavedEntryPanel

        page = self.left_tabs.widget(tab)
        panel = SavedEntryPanel(model, empty_text, button_text, accessible_name, removes_selected, page)
        page.layout().addWidget(panel)
        panel.open_requested.connect(self.open_entry_key)
        return panel

    @property
    def results_panel(self) -> ResultsPanel:
        """Return the results pane, building it on first use."""
        if self._results_panel is None:
            from helpapp.gui.resultspanel import ResultsPanel

            panel = ResultsPanel(self)
            self.left_pages.insertWidget(RESULTS_PAGE, panel)
            panel.entry_requested.connect(self._open_result)
            panel.link_activated.connect(self.open_link)
            self._results_panel = panel
        return self._results_panel

    @property
    def find_bar(self) -> FindBar:
        """Return the find bar below the answer view, building it on first use."""
        if self._find_bar is None:
            from helpapp.gui.findbar import FindBar

            self._find_bar = FindBar(self.answer_view, self)
            self.answer_pane.layout().addWidget(self._find_bar)
        return self._find_bar

    @property
    def suggestion_list(self) -> SuggestionList:
        """Return the list of suggested titles below the search box, building it on first use."""
        if self._suggestion_list is None:
            from helpapp.gui.suggestions import SuggestionList

            self._suggestion_list = SuggestionList(self)
            self.search_box.focus_lost.connect(self._suggestion_list.hide)
            self._suggestion_list.chosen.connect(self._open_suggestion)
        return self._suggestion_list

    def _suggestions_shown(self) -> bool:
        return self._suggestion_list is not None and self._suggestion_list.isVisible()

    def _hide_suggestions(self) -> None:
        self._suggestion_timer.stop()
        self._pending_choices = ()
        if self._suggestion_list is not None:
            self._suggestion_list.hide()

    def _refresh_find_bar(self) -> None:
        """Count the find bar's matches in a new page. A bar not yet built has none to count."""
        if self._find_bar is not None:
            self._find_bar.refresh()

    def _build_layout(self) -> None:
        self.left_pages = QStackedWidget(self)
        self.left_pages.insertWidget(TREE_PAGE, self.tree_view)

        self.left_tabs = QTabWidget(self)
        self.left_tabs.insertTab(CONTENTS_TAB, self.left_pages, self.tr("Contents"))
        for tab, title in ((BOOKMARKS_TAB, self.tr("Bookmarks")), (HISTORY_TAB, self.tr("History"))):
            page = QWidget(self)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.left_tabs.insertTab(tab, page, title)
        self.left_tabs.setDocumentMode(True)

        self.answer_pane = QWidget(self)
        answer_layout = QVBoxLayout(self.answer_pane)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.setSpacing(0)
        answer_layout.addWidget(self.answer_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.answer_pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 720])

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.scope_box)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.database_label)
        self._update_database_label()
        self.statusBar().showMessage(self.tr("Preparing search…"))

    def _update_database_label(self) -> None:
        info = self.db.info
        text = self.tr("{count} questions · version {version}").format(count=f"{info.entry_count:,}", version=info.version_text)
        self.database_label.setText(text)

    def _fill_scope_box(self) -> None:
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        self.scope_box.addItem(self.tr("All topics"), None)
        for topic in self.db.iter_topics():
            depth = len(self.db.topic_chain(topic.id)) - 1
            self.scope_box.addItem("\u3000" * depth + topic.title, topic.id)
        self.scope_box.setCurrentIndex(0)
        self.scope_box.blockSignals(False)

    def _connect(self) -> None:
        self.search_box.textChanged.connect(self._on_query_changed)
        self.search_box.move_requested.connect(self._on_move_requested)
        self.search_box.accept_requested.connect(self._on_accept_requested)
        self.search_box.cancel_requested.connect(self._on_cancel_requested)
        self.scope_box.currentIndexChanged.connect(self._on_scope_changed)

        self.controller.results_ready.connect(self._show_outcome)
        self.controller.results_held.connect(self._prepare_outcome)
        self.controller.search_failed.connect(self._show_failure)
        self.controller.cleared.connect(self._show_tree)
        self.controller.warm_up_finished.connect(self._on_warm_up_finished)

        self.tree_view.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree_view.clicked.connect(self._on_tree_current_changed)
        self.answer_view.link_activated.connect(self.open_link)
        self.answer_view.zoom_requested.connect(lambda step: self.set_zoom(self.answer_view.zoom + step * ZOOM_STEP))

        self.navigation.changed.connect(self._update_actions)
        theme().changed.connect(self._on_theme_changed)
        self._connect_actions()

    def _connect_actions(self) -> None:
        actions = self.window_actions
        actions.import_database.triggered.connect(self.import_database)
        actions.restore_bundled.triggered.connect(self.restore_bundled_database)
        actions.print.triggered.connect(self.print_answer)
        actions.export_pdf.triggered.connect(self.export_pdf)
        actions.quit.triggered.connect(self.close)
        actions.copy_answer.triggered.connect(self.copy_answer)
        actions.focus_search.triggered.connect(self.focus_search)
        actions.find_in_answer.triggered.connect(lambda: self.find_bar.open_bar())
        actions.find_next.triggered.connect(lambda: self.find_bar.find_next())
        actions.find_previous.triggered.connect(lambda: self.find_bar.find_previous())
        actions.bookmark.triggered.connect(self.toggle_bookmark)
        actions.back.triggered.connect(self.go_back)
        actions.forward.triggered.connect(self.go_forward)
        actions.home.triggered.connect(self.show_home)
        actions.show_contents.triggered.connect(lambda: self._show_tab(CONTENTS_TAB))
        actions.show_bookmarks.triggered.connect(lambda: self._show_tab(BOOKMARKS_TAB))
        actions.show_history.triggered.connect(lambda: self._show_tab(HISTORY_TAB))
        actions.zoom_in.triggered.connect(lambda: self.set_zoom(self.answer_view.zoom + ZOOM_STEP))
        actions.zoom_out.triggered.connect(lambda: self.set_zoom(self.answer_view.zoom - ZOOM_STEP))
        actions.zoom_reset.triggered.connect(lambda: self.set_zoom(DEFAULT_ZOOM))
        actions.about.triggered.connect(self.show_about)

    def _expand_tree(self) -> None:
        """Expand every topic of a small FAQ. A large one stays collapsed, because
        expanding reads and lays out every row: 6 s for 100,000 entries."""
        if self.db.info.entry_count <= EXPAND_ALL_MAX_ENTRIES:
            self.tree_model.fetch_all()
            self.tree_view.expandAll()

    def start(self) -> None:
        """Finish starting once the window is shown. After its first paint, load the
        search dictionary in the background and build the hidden views. Report
        problems with the user's bookmark file now."""
        FirstPaintHook(self, self._after_first_paint)
        self.records.report_startup_problems()

    def _after_first_paint(self) -> None:
        # The warm-up runs Python on a worker thread. Started before the first paint,
        # it held the interpreter lock while the window painted, which delayed the
        # paint by up to 40 ms at 100,000 entries.
        self.controller.start_warm_up()
        # The answer pages import their modules (rich text, links, html) on first use.
        self._restore_reading()
        self._fill_scope_box()
        self._build_hidden_views()

    def _build_hidden_views(self) -> None:
        """Build the views that the first paint does not show, before the first search."""
        _ = self.results_panel, self.suggestion_list, self.find_bar, self.bookmarks_panel, self.history_panel

    # Search

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        self.search_box.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+F reaches the window only when the answer pane, whose find action
        # takes it, does not have focus: there it means "search the questions".
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)

    def _on_query_changed(self, text: str) -> None:
        if not text.strip():
            self._hide_suggestions()
        self.controller.set_query(text)

    def _on_scope_changed(self, _row: int) -> None:
        self.controller.set_topic(self.scope_box.currentData())

    def _on_move_requested(self, step: int) -> None:
        if self._suggestions_shown() and abs(step) == 1:
            self.suggestion_list.move_selection(step)
            return
        self.results_panel.move_current(step)

    def _on_accept_requested(self) -> None:
        key = self.suggestion_list.current_key() if self._suggestions_shown() else None
        self._hide_suggestions()
        if key is not None:
            self._open_suggestion(key)
            return
        self._open_current_result()

    def _on_cancel_requested(self) -> None:
        if self._suggestions_shown():
            self._hide_suggestions()
            return
        self.clear_search()

    def _open_suggestion(self, key: str) -> None:
        """Open a suggested title with the words of the search marked, as a result is."""
        self._hide_suggestions()
        entry = self.db.entry_by_key(key)
        if entry is None:
            self.open_entry_key(key)
            return
        self._show_entry(entry, self._highlighter)

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

    def _prepare_outcome(self, outcome: SearchOutcome) -> None:
        self.results_panel.prepare(outcome)

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        self._highlighter = outcome.result.highlighter
        self.results_panel.show_outcome(outcome)
        self._show_contents_page(RESULTS_PAGE)
        self._show_suggestions(outcome)

        if self._open_first_on_arrival:
            self._open_first_on_arrival = False
            entry_id = self.results_panel.current_entry_id()
            if entry_id is not None:
                self._open_result(entry_id)

    def _show_suggestions(self, outcome: SearchOutcome) -> None:
        choices = outcome.suggestions
        typed = outcome.query.strip()
        only_the_typed_title = len(choices) == 1 and choices[0].title.strip() == typed
        if not choices or only_the_typed_title or self._open_first_on_arrival or not self.search_box.hasFocus():
            self._hide_suggestions()
            return

        # The list follows on the next pass of the event loop, so the pass that paints
        # the results does not also lay out and paint the list.
        self._pending_choices = choices
        self._suggestion_timer.start()

    def _show_pending_suggestions(self) -> None:
        choices, self._pending_choices = self._pending_choices, ()
        if choices and self.search_box.hasFocus():
            self.suggestion_list.set_choices(choices)
            self.suggestion_list.place_below(self.search_box)

    def _show_failure(self, query: str, reason: str) -> None:
        self._open_first_on_arrival = False
        self._hide_suggestions()
        self.results_panel.show_failure(query)
        self._show_contents_page(RESULTS_PAGE)

    def _show_tree(self) -> None:
        self._open_first_on_arrival = False
        self._highlighter = None
        self._hide_suggestions()
        self._show_contents_page(TREE_PAGE)

    def _show_contents_page(self, page: int) -> None:
        self.left_pages.setCurrentIndex(page)
        title = self.tr("Search Results") if page == RESULTS_PAGE else self.tr("Contents")
        # Setting a tab's text repaints the tab bar even when the text is unchanged.
        if self.left_tabs.tabText(CONTENTS_TAB) != title:
            self.left_tabs.setTabText(CONTENTS_TAB, title)
        self.left_tabs.setCurrentIndex(CONTENTS_TAB)

    def _show_tab(self, tab: int) -> None:
        self.left_tabs.setCurrentIndex(tab)
        widget = {CONTENTS_TAB: self.left_pages.currentWidget(), BOOKMARKS_TAB: self.bookmarks_panel.list_view,
                  HISTORY_TAB: self.history_panel.list_view}[tab]
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_warm_up_finished(self, ok: bool) -> None:
        self.statusBar().clearMessage()

    # Pages of the answer view

    def show_entry(self, entry_id: int, highlighter: Highlighter | None = None) -> bool:
        """Show the entry, marking the words of `highlighter`; return False if it does not exist."""
        entry = self.db.entry(entry_id)
        if entry is None:
            log.warning("entry %d not found in %s", entry_id, self.db.path)
            return False
        self._show_entry(entry, highlighter)
        return True

    def open_entry_key(self, key: str) -> bool:
        """Show the entry with the stable `key`; return False if this database lacks it."""
        entry = self.db.entry_by_key(key)
        if entry is None:
            log.info("entry %s is not in %s", key, self.db.path)
            self.statusBar().showMessage(self.tr("This question is not in the current FAQ database."), 5000)
            return False
        self._show_entry(entry, None)
        return True

    def _show_entry(self, entry: Entry, highlighter: Highlighter | None, record: bool = True) -> None:
        from helpapp.gui import pages

        title_spans = highlighter.spans(entry.title) if highlighter else []
        body_spans = highlighter.spans(entry.body) if highlighter else []
        page_html = pages.entry_page(self.db, entry, self.answer_view.labels(), theme().colors(), title_spans, body_spans)
        self.answer_view.show_page(page_html, entry.id)

        self.current_entry = entry
        self._current_highlighter = highlighter
        if record:
            self.navigation.visit(Page(ENTRY_PAGE, entry.key))
            self.records.record_view(entry, self.db)
        self._hide_suggestions()
        self._select_in_tree(self.tree_model.entry_indexes(entry.id))
        self._refresh_find_bar()
        self._update_actions()

    def show_topic(self, topic_id: int, record: bool = True) -> bool:
        from helpapp.gui import pages

        topic = self.db.topic(topic_id)
        if topic is None:
            log.warning("topic %d not found in %s", topic_id, self.db.path)
            return False
        labels = self.answer_view.page_labels(self.db.info.entry_count, self.db.info.version_text)
        self.answer_view.show_page(pages.topic_page(self.db, topic, labels, theme().colors()))
        self.current_entry = None
        if record:
            self.navigation.visit(Page(TOPIC_PAGE, str(topic_id)))
        self._select_in_tree([self.tree_model.topic_index(topic_id)])
        self._refresh_find_bar()
        self._update_actions()
        return True

    def show_home(self, record: bool = True) -> None:
        from helpapp.gui import pages

        labels = self.answer_view.page_labels(self.db.info.entry_count, self.db.info.version_text)
        history = self.records.history(pages.HOME_HISTORY_LIMIT * 2)
        self.answer_view.show_page(pages.home_page(self.db, history, labels, theme().colors()))
        self.current_entry = None
        if record:
            self.navigation.visit(Page(HOME_PAGE))
        self._refresh_find_bar()
        self._update_actions()

    def _show_page(self, page: Page, record: bool) -> bool:
        if page.kind == ENTRY_PAGE:
            entry = self.db.entry_by_key(page.value)
            if entry is not None:
                self._show_entry(entry, None, record)
                return True
            return False
        if page.kind == TOPIC_PAGE:
            return self.show_topic(int(page.value), record)
        self.show_home(record)
        return True

    def go_back(self) -> None:
        page = self.navigation.back()
        if page is not None:
            self._show_page(page, record=False)

    def go_forward(self) -> None:
        page = self.navigation.forward()
        if page is not None:
            self._show_page(page, record=False)

    def _render_current(self) -> None:
        """Show the current page again, after a theme or database change."""
        page = self.navigation.current
        if page is not None and page.kind == ENTRY_PAGE and self.current_entry is not None:
            self._show_entry(self.current_entry, self._current_highlighter, record=False)
        elif page is not None:
            self._show_page(page, record=False)

    def open_link(self, url: QUrl | str) -> None:
        """Follow a clicked link: internal links here, http and https in the system browser."""
        from helpapp.gui import links

        url = QUrl(url) if isinstance(url, str) else url
        link = links.parse_internal(url)
        if link is not None:
            self._open_internal(link)
            return
        if links.is_web_url(url):
            log.info("opening %s in the system browser", url.toString())
            QDesktopServices.openUrl(url)
            return
        log.warning("ignored a link with scheme %r", url.scheme())

    def _open_internal(self, link: InternalLink) -> None:
        from helpapp.gui import links

        if link.kind == links.ENTRY:
            self.open_entry_key(link.value)
        elif link.kind == links.TOPIC:
            self.show_topic(int(link.value))
        elif link.kind == links.HOME:
            self.show_home()
        elif link.kind == links.SEARCH_ALL:
            self.scope_box.setCurrentIndex(0)

    # The tree follows the answer

    def _select_in_tree(self, indexes: list[QModelIndex]) -> None:
        indexes = [index for index in indexes if index.isValid()]
        if not indexes:
            return
        current = self.tree_view.currentIndex()
        target = current if current in indexes else indexes[0]

        parent = target.parent()
        while parent.isValid():
            self.tree_view.expand(parent)
            parent = parent.parent()
        if target != current:
            self.tree_view.setCurrentIndex(target)
        self.tree_view.scrollTo(target)

    def _on_tree_current_changed(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry_id = index.data(ENTRY_ID_ROLE)
        topic_id = index.data(TOPIC_ID_ROLE)
        if entry_id is not None and entry_id != self.answer_view.entry_id:
            self.show_entry(entry_id)
        elif entry_id is None and topic_id is not None and self.navigation.current != Page(TOPIC_PAGE, str(topic_id)):
            self.show_topic(topic_id)

    # Bookmarks, copy, print

    def toggle_bookmark(self) -> None:
        if self.current_entry is None:
            return
        state = self.records.toggle_bookmark(self.current_entry, self.db)
        self.window_actions.bookmark.setChecked(state)
        message = self.tr("Bookmarked.") if state else self.tr("Bookmark removed.")
        self.statusBar().showMessage(message, 3000)

    def _remove_bookmark(self, key: str) -> None:
        self.records.remove_bookmark(key, self.db)
        self._update_actions()

    def copy_answer(self) -> None:
        if self.current_entry is None:
            return
        from helpapp.gui.richtext import paragraphs_text

        QGuiApplication.clipboard().setText(paragraphs_text(self.current_entry))
        self.statusBar().showMessage(self.tr("Question and answer copied."), 3000)

    # Printing, PDF, the file dialogs and content updates are imported when first used,
    # so the window's start does not wait for QtPrintSupport and the dialogs.

    def _print_parts(self) -> tuple[str, str]:
        from helpapp.gui import printing
        from helpapp.gui.richtext import entry_html, format_topic_paths

        entry = self.current_entry
        assert entry is not None
        body = entry_html(entry, self.answer_view.labels(), colors=LIGHT_COLORS)
        footer = printing.footer_text(entry.title, format_topic_paths(entry.topic_paths), self.db.info.version_text)
        return body, footer

    def print_answer(self) -> None:
        if self.current_entry is None:
            return
        from PySide6.QtPrintSupport import QPrinter

        from helpapp.gui import dialogs, printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printing.prepare_printer(printer, self.current_entry.title)
        if not dialogs.accept_print_dialog(printer, self):
            return
        body, footer = self._print_parts()
        try:
            printing.print_html(printer, body, footer, self.answer_view.font())
        except OSError as error:
            log.error("printing failed: %s", error)
            errors.show_warning(self, self.tr("Partner Offline Help: printing failed"), str(error))

    def export_pdf(self) -> Path | None:
        """Ask for a file name and write the open question to it as PDF; return the path."""
        if self.current_entry is None:
            return None
        from helpapp.gui import dialogs, printing

        path = dialogs.choose_pdf_file(self, printing.safe_file_name(self.current_entry.title) + ".pdf")
        if path is None:
            return None
        body, footer = self._print_parts()
        try:
            printing.export_pdf(path, body, footer, self.current_entry.title, self.answer_view.font())
        except OSError as error:
            log.error("writing %s failed: %s", path, error)
            text = self.tr("The PDF file could not be written:\n{path}\n\n{error}").format(path=path, error=error)
            errors.show_warning(self, self.tr("Partner Offline Help: export failed"), text)
            return None
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return path

    # Zoom and theme

    def set_zoom(self, percent: int) -> None:
        self.answer_view.set_zoom(percent)
        self.settings.setValue(windowstate.ZOOM_KEY, self.answer_view.zoom)
        self.statusBar().showMessage(self.tr("Text size {percent}%").format(percent=self.answer_view.zoom), 2000)

    def _on_theme_changed(self) -> None:
        self._render_current()
        if self._results_panel is not None:
            self._results_panel.list_view.viewport().update()

    # Content updates

    def import_database(self) -> bool:
        from helpapp.gui import contentupdate

        return contentupdate.import_database(self)

    def restore_bundled_database(self) -> bool:
        from helpapp.gui import contentupdate

        return contentupdate.restore_bundled_database(self)

    def show_about(self) -> None:
        from helpapp.gui import dialogs

        dialogs.show_about(self, self.db)

    def switch_database(self, db: FaqDatabase) -> None:
        """Show `db` instead of the current database and close the old one."""
        old = self.db
        current_key = self.current_entry.key if self.current_entry is not None else None
        self.controller.set_database(db)
        self.db = db
        if old is not db:
            old.close()

        self.tree_model.reload(db)
        self._expand_tree()
        self._fill_scope_box()
        self._update_database_label()
        self.records.refresh(db)

        self.navigation.reset()
        if current_key is None or not self.open_entry_key(current_key):
            self.current_entry = None
            self.show_home()
        if self.search_box.text().strip():
            self.controller.set_query(self.search_box.text())
            self.controller.run_now()
        log.info("switched to %s", db.path)

    # State

    def _restore_reading(self) -> None:
        key = self.settings.value(windowstate.LAST_ENTRY_KEY, "", str)
        if key and self.db.entry_by_key(key) is not None:
            self.open_entry_key(key)
        else:
            self.show_home()

    def _update_actions(self) -> None:
        actions = self.window_actions
        has_entry = self.current_entry is not None
        actions.back.setEnabled(self.navigation.can_go_back())
        actions.forward.setEnabled(self.navigation.can_go_forward())
        for action in (actions.copy_answer, actions.print, actions.export_pdf):
            action.setEnabled(has_entry)
        actions.bookmark.setEnabled(has_entry and self.records.available)
        actions.bookmark.setChecked(has_entry and self.records.is_bookmarked(self.current_entry.key))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._suggestions_shown():
            self.suggestion_list.place_below(self.search_box)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.shut_down()
        windowstate.save(self, self.settings)
        self.records.close()
        super().closeEvent(event)

