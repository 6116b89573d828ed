"""The window's actions, menus and toolbar, kept in one place.

Keyboard map (also in the menus):

- Ctrl+K: search box. Ctrl+F: find in the answer when the answer pane has focus,
  otherwise the search box (the window handles that case in `keyPressEvent`).
- F3 / Shift+F3: next / previous match of the find bar.
- Alt+Left / Alt+Right (`QKeySequence.Back`/`Forward`): back / forward. Alt+Home: home.
- Ctrl+D: bookmark the open question. Ctrl+Shift+C: copy the answer. Ctrl+C: copy the selection.
- Ctrl+P: print. Ctrl+Shift+E: export as PDF.
- Ctrl++ / Ctrl+- / Ctrl+0: zoom in / out / reset.
- Ctrl+1 / Ctrl+2 / Ctrl+3: the contents, bookmarks and history tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from helpapp.gui.icons import icon

StandardKey = QKeySequence.StandardKey


class WindowActions(QObject):
    """The QActions of the main window. The window connects their signals."""

    def __init__(self, window: QMainWindow, answer_pane: QWidget) -> None:
        super().__init__(window)

        # File
        self.import_database = QAction(self.tr("&Import FAQ Database…"), window)
        self.import_database.setStatusTip(self.tr("Replace the questions with those of a faq.db file"))
        self.restore_bundled = QAction(self.tr("&Restore Built-in FAQ Database"), window)
        self.restore_bundled.setStatusTip(self.tr("Go back to the questions that came with the app"))
        self.print = QAction(icon("print"), self.tr("&Print…"), window)
        self.print.setShortcut(QKeySequence(StandardKey.Print))
        self.print.setToolTip(self.tr("Print the answer (Ctrl+P)"))
        self.export_pdf = QAction(self.tr("&Export as PDF…"), window)
        self.export_pdf.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.quit = QAction(self.tr("&Quit"), window)
        self.quit.setShortcut(QKeySequence(StandardKey.Quit))

        # Edit
        self.copy_answer = QAction(icon("copy"), self.tr("&Copy Answer"), window)
        self.copy_answer.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_answer.setToolTip(self.tr("Copy the question and answer as text, ready to paste into a chat (Ctrl+Shift+C)"))
        self.focus_search = QAction(self.tr("&Search Questions"), window)
        self.focus_search.setShortcut(QKeySequence("Ctrl+K"))
        self.focus_search.setToolTip(self.tr("Move to the search box (Ctrl+K)"))
        self.find_in_answer = QAction(self.tr("&Find in Answer…"), window)
        self.find_in_answer.setShortcut(QKeySequence(StandardKey.Find))
        self.find_in_answer.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_in_answer.setToolTip(self.tr("Find text in the answer (Ctrl+F while the answer has focus)"))
        self.find_next = QAction(self.tr("Find &Next"), window)
        self.find_next.setShortcut(QKeySequence(StandardKey.FindNext))
        self.find_next.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_previous = QAction(self.tr("Find Pre&vious"), window)
        self.find_previous.setShortcut(QKeySequence(StandardKey.FindPrevious))
        self.find_previous.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.bookmark = QAction(icon("star", "star-filled"), self.tr("&Bookmark"), window)
        self.bookmark.setCheckable(True)
        self.bookmark.setShortcut(QKeySequence("Ctrl+D"))
        self.bookmark.setToolTip(self.tr("Bookmark this question, or remove the bookmark (Ctrl+D)"))

        # Go
        self.back = QAction(icon("back"), self.tr("&Back"), window)
        self.back.setShortcuts(QKeySequence.keyBindings(StandardKey.Back))
        self.back.setToolTip(self.tr("Back (Alt+Left)"))
        self.forward = QAction(icon("forward"), self.tr("&Forward"), window)
        self.forward.setShortcuts(QKeySequence.keyBindings(StandardKey.Forward))
        self.forward.setToolTip(self.tr("Forward (Alt+Right)"))
        self.home = QAction(icon("home"), self.tr("&Home"), window)
        self.home.setShortcut(QKeySequence("Alt+Home"))
        self.home.setToolTip(self.tr("Topics and recently viewed questions (Alt+Home)"))
        self.show_contents = QAction(self.tr("&Contents"), window)
        self.show_contents.setShortcut(QKeySequence("Ctrl+1"))
        self.show_bookmarks = QAction(self.tr("Book&marks"), window)
        self.show_bookmarks.setShortcut(QKeySequence("Ctrl+2"))
        self.show_history = QAction(self.tr("H&istory"), window)
        self.show_history.setShortcut(QKeySequence("Ctrl+3"))

        # View
        self.zoom_in = QAction(icon("zoom-in"), self.tr("Zoom &In"), window)
        self.zoom_in.setShortcuts([QKeySequence(StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_in.setToolTip(self.tr("Larger text (Ctrl++)"))
        self.zoom_out = QAction(icon("zoom-out"), self.tr("Zoom &Out"), window)
        self.zoom_out.setShortcut(QKeySequence(StandardKey.ZoomOut))
        self.zoom_out.setToolTip(self.tr("Smaller text (Ctrl+-)"))
        self.zoom_reset = QAction(self.tr("&Actual Size"), window)
        self.zoom_reset.setShortcut(QKeySequence("Ctrl+0"))

        # Help
        self.about = QAction(self.tr("&About Partner Offline Help"), window)

        self._build_menus(window)
        self._build_toolbar(window)

        # Find works only where it makes sense: in the answer and its find bar.
        answer_pane.addActions([self.find_in_answer, self.find_next, self.find_previous])

        # Shortcuts of actions in menus work anyway; adding them to the window keeps
        # them working when a later release hides the menu bar.
        window.addActions(
            [
                self.focus_search, self.quit, self.back, self.forward, self.home, self.bookmark, self.copy_answer,
                self.print, self.export_pdf, self.zoom_in, self.zoom_out, self.zoom_reset,
                self.show_contents, self.show_bookmarks, self.show_history,
            ]
        )

    def _build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.import_database, self.restore_bundled])
        file_menu.addSeparator()
        file_menu.addActions([self.print, self.export_pdf])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.copy_answer)
        edit_menu.addSeparator()
        edit_menu.addActions([self.focus_search, self.find_in_answer, self.find_next, self.find_previous])
        edit_menu.addSeparator()
        edit_menu.addAction(self.bookmark)

        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addActions([self.back, self.forward, self.home])
        go_menu.addSeparator()
        go_menu.addActions([self.show_contents, self.show_bookmarks, self.show_history])

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)

    def _build_toolbar(self, window: QMainWindow) -> None:
        self.toolbar = QToolBar(self.tr("Toolbar"), window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.addActions([self.back, self.forward, self.home])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.bookmark, self.copy_answer, self.print])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.zoom_out, self.zoom_in])
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
