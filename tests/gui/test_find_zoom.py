"""Find in the answer (Ctrl+F, F3, Esc) and zoom that is remembered between runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from helpapp.gui.mainwindow import MainWindow

ENTRY_ID = 8


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def open_find(qtbot, window, text: str) -> None:
    window.show_entry(ENTRY_ID)
    focus(qtbot, window.answer_view)
    qtbot.keyClick(window.answer_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.field.setText(text)


def test_ctrl_f_in_answer_opens_find(window, qtbot):
    window.show_entry(ENTRY_ID)
    focus(qtbot, window.answer_view)

    qtbot.keyClick(window.answer_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    assert window.find_bar.isVisible()
    assert window.find_bar.field.hasFocus()


def test_ctrl_f_in_search_box_stays(window, qtbot):
    focus(qtbot, window.search_box)

    qtbot.keyClick(window.search_box, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    assert not window.find_bar.isVisible()
    assert window.search_box.hasFocus()


def test_ctrl_f_in_tree_focuses_search(window, qtbot):
    focus(qtbot, window.tree_view)

    qtbot.keyClick(window.tree_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    assert window.search_box.hasFocus()
    assert not window.find_bar.isVisible()


def test_find_marks_every_hit(window, qtbot):
    open_find(qtbot, window, "开票")
    expected = window.answer_view.toPlainText().count("开票")

    assert expected > 1
    assert window.find_bar.match_count() == expected
    assert len(window.answer_view.extraSelections()) == expected
    assert window.find_bar.count_label.text() == f"第 1 处，共 {expected} 处"


@pytest.mark.parametrize(
    ("key", "modifier", "from_last"),
    [
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier, False),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier, True),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, False),
    ],
    ids=["f3-next", "shift-f3-wraps-to-last", "enter-next"],
)
def test_find_key_moves_current_hit(window, qtbot, key, modifier, from_last):
    open_find(qtbot, window, "开票")

    qtbot.keyClick(window.find_bar.field, key, modifier)

    expected = window.find_bar.match_count() - 1 if from_last else 1
    assert window.find_bar.current == expected


def test_current_hit_marked_differently(window, qtbot):
    open_find(qtbot, window, "开票")
    selections = window.answer_view.extraSelections()

    assert selections[0].format.background() != selections[1].format.background()


def test_escape_closes_find(window, qtbot):
    open_find(qtbot, window, "开票")

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)

    assert not window.find_bar.isVisible()
    assert window.answer_view.extraSelections() == []
    assert window.answer_view.hasFocus()


def test_no_match_message(window, qtbot):
    open_find(qtbot, window, "不存在的词语")

    assert window.find_bar.match_count() == 0
    assert window.find_bar.count_label.text() == "无匹配项"


def test_find_follows_new_page(window, qtbot, bundled_db):
    open_find(qtbot, window, "发票")

    window.show_entry(13)

    assert window.find_bar.match_count() == window.answer_view.toPlainText().count("发票")


def test_menu_action_opens_find(window):
    window.show_entry(ENTRY_ID)

    window.window_actions.find_in_answer.trigger()

    assert window.find_bar.isVisible()


def test_zoom_keys(window, qtbot):
    window.show_entry(ENTRY_ID)
    size = window.answer_view.font().pointSizeF()

    qtbot.keyClick(window.answer_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = window.answer_view.font().pointSizeF()
    qtbot.keyClick(window.answer_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.answer_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    smaller = window.answer_view.font().pointSizeF()

    assert larger > size
    assert smaller < size
    assert window.answer_view.zoom == 90


def test_zoom_reset(window, qtbot):
    window.set_zoom(150)

    qtbot.keyClick(window.answer_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)

    assert window.answer_view.zoom == 100


def test_zoom_limits(window):
    window.set_zoom(1000)

    assert window.answer_view.zoom == 300


def test_zoom_remembered(chinese, bundled_db, open_window):
    first = open_window(bundled_db)
    first.set_zoom(140)
    first.close()

    second = open_window(bundled_db)

    assert second.answer_view.zoom == 140


def test_state_remembered(chinese, bundled_db, open_window):
    first = open_window(bundled_db)
    first.resize(700, 500)
    first.splitter.setSizes([250, 430])
    first.show_entry(ENTRY_ID)
    sizes = first.splitter.sizes()
    first.close()

    second: MainWindow = open_window(bundled_db)

    assert second.size().width() == 700
    assert second.splitter.sizes() == sizes
    assert second.answer_view.entry_id == ENTRY_ID
