"""The window's actions and menus, kept in one place so that later features
(back and forward, bookmarks, find in page, zoom, print) add entries here."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


class WindowActions(QObject):
    """The QActions of the main window. The window connects their signals."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)

        self.focus_search = QAction(self.tr("&Search"), window)
        self.focus_search.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
        self.focus_search.setToolTip(self.tr("Move to the search box (Ctrl+F or Ctrl+K)"))

        self.quit = QAction(self.tr("&Quit"), window)
        self.quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))

        self.about = QAction(self.tr("&About Partner Offline Help"), window)

        file_menu = window.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.focus_search)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        help_menu = window.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)

        # Shortcuts of actions in menus work anyway; adding them to the window keeps
        # them working when a later release hides the menu bar.
        window.addActions([self.focus_search, self.quit])
