"""Light and dark colours that follow the system colour scheme, live.

Qt switches the palette by itself on platforms whose theme supports it (Windows 11,
macOS, GNOME and KDE). Where it does not (the offscreen and plain X11 platforms,
or when the platform ignores a scheme requested with `QStyleHints.setColorScheme`), the
theme sets a dark Fusion palette itself. The answer view's HTML colours come from
`AnswerColors`, because rich text cannot take them from the palette.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnswerColors:
    """CSS colours for the answer HTML and the find-in-page marks of one scheme."""

    is_dark: bool
    muted: str
    link: str
    mark_background: str
    mark_text: str
    notice_background: str
    notice_text: str
    find_background: str
    find_current_background: str
    find_text: str


LIGHT_COLORS = AnswerColors(
    is_dark=False,
    muted="#666666",
    link="#0b57d0",
    mark_background="#ffe066",
    mark_text="#000000",
    notice_background="#fff4e5",
    notice_text="#8a4b00",
    find_background="#b7d7ff",
    find_current_background="#ff9632",
    find_text="#000000",
)

DARK_COLORS = AnswerColors(
    is_dark=True,
    muted="#a8a8a8",
    link="#8ab4f8",
    mark_background="#8a6d00",
    mark_text="#ffffff",
    notice_background="#4a3412",
    notice_text="#ffd8a8",
    find_background="#2d5a8c",
    find_current_background="#c25e00",
    find_text="#ffffff",
)


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """Return a dark palette for the Fusion style, with contrast like Qt's own dark themes."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3c3c3c",
        QPalette.ColorRole.Mid: "#2f2f2f",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3d6fb3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: DARK_COLORS.link,
        QPalette.ColorRole.LinkVisited: "#c58af9",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))

    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


class ThemeController(QObject):
    """Track the colour scheme, keep the palette in step and report changes."""

    changed = Signal()

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._own_palette = False
        self._system_palette = QPalette(app.palette())
        hints = QGuiApplication.styleHints()
        self._scheme = hints.colorScheme()
        hints.colorSchemeChanged.connect(self.set_scheme)
        self._apply_palette()

    @property
    def scheme(self) -> Qt.ColorScheme:
        return self._scheme

    def colors(self) -> AnswerColors:
        return DARK_COLORS if palette_is_dark(self._app.palette()) else LIGHT_COLORS

    def set_scheme(self, scheme: Qt.ColorScheme) -> None:
        """Switch to `scheme`; connected to `QStyleHints.colorSchemeChanged`."""
        self._scheme = scheme
        self._apply_palette()
        log.info("colour scheme is now %s", scheme.name)
        self.changed.emit()

    def _apply_palette(self) -> None:
        wants_dark = self._scheme == Qt.ColorScheme.Dark
        if wants_dark and not palette_is_dark(self._app.palette()):
            self._app.setPalette(dark_palette())
            self._own_palette = True
        elif not wants_dark and self._own_palette:
            self._app.setPalette(self._system_palette)
            self._own_palette = False


_controller: ThemeController | None = None


def theme() -> ThemeController:
    """Return the application's theme controller, creating it on first call."""
    global _controller
    app = QApplication.instance()
    if _controller is None or _controller.parent() is not app:
        _controller = ThemeController(app, app)
    return _controller
