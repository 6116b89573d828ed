"""Following the system colour scheme, live, in the palette and the answer's HTML."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from helpapp.gui.theme import DARK_COLORS, LIGHT_COLORS, palette_is_dark, theme


def set_scheme(scheme: Qt.ColorScheme) -> None:
    """Ask Qt for `scheme`; platforms that ignore the request (offscreen) get the
    signal that a real system change would send."""
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(scheme)
    if theme().scheme != scheme:
        hints.colorSchemeChanged.emit(scheme)


@contextlib.contextmanager
def dark_scheme() -> Iterator[None]:
    """Switch to the dark scheme for the block, then back to the light one."""
    set_scheme(Qt.ColorScheme.Dark)
    try:
        yield
    finally:
        set_scheme(Qt.ColorScheme.Light)


@pytest.fixture
def dark(qapp):
    with dark_scheme():
        yield
    QGuiApplication.styleHints().unsetColorScheme()


def test_light_by_default(window):
    assert not palette_is_dark(QGuiApplication.palette())
    assert theme().colors() == LIGHT_COLORS


def test_dark_scheme_darkens_palette(window, dark):
    assert palette_is_dark(QGuiApplication.palette())
    assert window.answer_view.palette().color(QPalette.ColorRole.Base).lightness() < 128


def test_dark_scheme_recolours_answer(window, qtbot):
    window.show_entry(8)
    light_html = window.answer_view.toHtml()

    with dark_scheme():
        dark_html = window.answer_view.toHtml()

    assert LIGHT_COLORS.muted in light_html
    assert DARK_COLORS.muted in dark_html
    assert LIGHT_COLORS.muted not in dark_html


def test_dark_scheme_recolours_marks(window, qtbot):
    from tests.gui.test_search_flow import type_and_suggest

    type_and_suggest(qtbot, window, "开票")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    with dark_scheme():
        html = window.answer_view.toHtml()

    assert DARK_COLORS.mark_background in html
    assert LIGHT_COLORS.mark_background not in html


def test_back_to_light(window, dark):
    set_scheme(Qt.ColorScheme.Light)

    assert not palette_is_dark(QGuiApplication.palette())
    assert LIGHT_COLORS.muted in window.answer_view.toHtml() or window.answer_view.entry_id is None


def test_find_marks_follow_scheme(window, qtbot, dark):
    window.show_entry(8)
    window.find_bar.open_bar()
    window.find_bar.field.setText("开票")

    selection = window.answer_view.extraSelections()[0]
    background = selection.format.background().color().name()

    assert background == DARK_COLORS.find_current_background
