"""Title suggestions under the search box, and which list the keys go to."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from tests.gui.test_search_flow import type_and_suggest, type_query


def test_typing_shows_suggestions(window, qtbot):
    outcome = type_and_suggest(qtbot, window, "开票")

    assert outcome.suggestions
    assert window.suggestion_list.isVisible()
    assert window.suggestion_list.model().rowCount() == len(outcome.suggestions)


def test_suggestions_contain_query(window, qtbot):
    outcome = type_query(qtbot, window, "开票")

    for choice in outcome.suggestions:
        assert "开票" in choice.title


def test_no_suggestion_selected_at_first(window, qtbot):
    type_and_suggest(qtbot, window, "开票")

    assert window.suggestion_list.current_key() is None


def test_down_enter_opens_suggestion(window, qtbot, bundled_db):
    outcome = type_and_suggest(qtbot, window, "开票")

    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert window.current_entry is not None
    assert window.current_entry.key == outcome.suggestions[0].key
    assert not window.suggestion_list.isVisible()


def test_down_moves_suggestion_not_result(window, qtbot):
    type_and_suggest(qtbot, window, "开票")
    result_row = window.results_panel.list_view.currentIndex().row()

    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)

    assert window.suggestion_list.current_row() == 1
    assert window.results_panel.list_view.currentIndex().row() == result_row


def test_up_from_first_leaves_list(window, qtbot):
    type_and_suggest(qtbot, window, "开票")

    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)

    assert window.suggestion_list.current_key() is None


def test_enter_without_selection_opens_result(window, qtbot):
    type_and_suggest(qtbot, window, "开票")
    first = window.results_panel.model.hit(0)

    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert window.answer_view.entry_id == first.entry_id


def test_escape_closes_suggestions_first(window, qtbot):
    type_and_suggest(qtbot, window, "开票")

    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)

    assert not window.suggestion_list.isVisible()
    assert window.search_box.text() == "开票"


def test_down_after_escape_moves_results(window, qtbot):
    type_and_suggest(qtbot, window, "开票")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)

    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)

    assert window.results_panel.list_view.currentIndex().row() == 1


def test_click_opens_suggestion(window, qtbot):
    outcome = type_and_suggest(qtbot, window, "开票")
    view = window.suggestion_list
    index = view.model().index(0, 0)

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    assert window.current_entry.key == outcome.suggestions[0].key


def test_suggestions_below_search_box(window, qtbot):
    type_and_suggest(qtbot, window, "开票")
    box_bottom = window.search_box.mapTo(window, window.search_box.rect().bottomLeft()).y()

    assert window.suggestion_list.geometry().top() >= box_bottom
    assert window.suggestion_list.width() == window.search_box.width()


def test_clearing_hides_suggestions(window, qtbot):
    type_and_suggest(qtbot, window, "开票")

    window.search_box.clear()

    assert not window.suggestion_list.isVisible()


def test_suggestion_opens_with_words_marked(window, qtbot):
    type_and_suggest(qtbot, window, "开票")

    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert "background-color:#ffe066" in window.answer_view.toHtml()


def test_suggestions_follow_results_by_one_pass(window, qtbot):
    type_query(qtbot, window, "开票")
    shown_with_results = window.suggestion_list.isVisible()

    qtbot.waitUntil(window.suggestion_list.isVisible)

    assert not shown_with_results


def test_clearing_cancels_pending_suggestions(window, qtbot):
    type_query(qtbot, window, "开票")
    window.search_box.clear()

    with qtbot.waitCallback() as next_pass:
        QTimer.singleShot(0, next_pass)

    assert not window.suggestion_list.isVisible()
