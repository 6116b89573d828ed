"""Back, forward, home, the tree following the answer, and clickable topic paths."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpapp.gui import pages
from helpapp.gui.models import ENTRY_ID_ROLE, TOPIC_ID_ROLE

SHARED_ENTRY_ID = 8


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_starts_on_home_page(window, bundled_db):
    text = window.answer_view.toPlainText()

    assert text.startswith("伙伴离线帮助")
    assert "最近查看" in text
    for topic in bundled_db.topic_tree():
        assert topic.title in text


def test_back_and_forward_keys(window, qtbot):
    window.show_entry(1)
    window.show_entry(2)

    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    after_back = window.answer_view.entry_id
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)

    assert after_back == 1
    assert window.answer_view.entry_id == 2


def test_back_action_state(window):
    window.show_home()
    window.show_entry(1)

    assert window.window_actions.back.isEnabled()
    assert not window.window_actions.forward.isEnabled()

    window.go_back()

    assert window.window_actions.forward.isEnabled()


def test_opening_drops_forward_pages(window):
    window.show_entry(1)
    window.show_entry(2)
    window.go_back()

    window.show_entry(3)

    assert not window.navigation.can_go_forward()


def test_back_returns_to_home(window):
    window.show_entry(1)

    window.go_back()

    assert window.answer_view.entry_id is None
    assert "最近查看" in window.answer_view.toPlainText()


def test_home_key_shows_recent(window, qtbot, bundled_db):
    window.show_entry(3)
    window.show_entry(5)

    press(qtbot, window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    text = window.answer_view.toPlainText()

    assert window.answer_view.entry_id is None
    assert text.index(bundled_db.entry(5).title) < text.index(bundled_db.entry(3).title)


def test_home_recent_links_open_entries(window, bundled_db):
    entry = bundled_db.entry(3)
    window.show_entry(3)
    window.show_home()

    assert f'href="helpapp://entry/{entry.key}"' in window.answer_view.toHtml()

    window.open_link(f"helpapp://entry/{entry.key}")

    assert window.answer_view.entry_id == 3


def test_tree_follows_open_entry(window):
    window.tree_view.collapseAll()

    window.show_entry(SHARED_ENTRY_ID)
    current = window.tree_view.currentIndex()

    assert current.data(ENTRY_ID_ROLE) == SHARED_ENTRY_ID
    assert window.tree_view.isExpanded(current.parent())
    assert window.tree_view.visualRect(current).intersects(window.tree_view.viewport().rect())


def test_tree_keeps_clicked_copy_of_shared_entry(window, qtbot):
    second = window.tree_model.entry_indexes(SHARED_ENTRY_ID)[1]
    window.tree_view.setCurrentIndex(second)

    window.show_entry(SHARED_ENTRY_ID)

    assert window.tree_view.currentIndex() == second


def test_topic_path_links_in_answer(window, bundled_db):
    window.show_entry(SHARED_ENTRY_ID)
    html = window.answer_view.toHtml()

    for topic_id in bundled_db.topic_ids_of(SHARED_ENTRY_ID):
        assert f'href="helpapp://topic/{topic_id}"' in html


def test_topic_link_selects_topic(window, bundled_db):
    topic = bundled_db.topic(min(bundled_db.topic_ids_of(SHARED_ENTRY_ID)))
    window.show_entry(SHARED_ENTRY_ID)

    window.answer_view.anchorClicked.emit(f"helpapp://topic/{topic.id}")

    assert window.tree_view.currentIndex().data(TOPIC_ID_ROLE) == topic.id
    assert window.answer_view.toPlainText().startswith(topic.title)
    assert bundled_db.entry(SHARED_ENTRY_ID).title in window.answer_view.toPlainText()


def test_clicking_topic_shows_topic_page(window, qtbot, bundled_db):
    index = window.tree_model.index(0, 0)
    view = window.tree_view

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    assert window.answer_view.toPlainText().startswith(bundled_db.topic_tree()[0].title)


def test_unknown_entry_key_keeps_page(window):
    window.show_entry(1)

    opened = window.open_entry_key("0000000000000000")

    assert not opened
    assert window.answer_view.entry_id == 1


def test_large_topic_page_lists_first_questions(window, bundled_db, monkeypatch):
    monkeypatch.setattr(pages, "TOPIC_PAGE_QUESTIONS", 2)
    unassigned = bundled_db.topic_tree()[-1]
    titles = [title for _id, _key, title in bundled_db.topic_titles(unassigned.id)]

    window.show_topic(unassigned.id)
    text = window.answer_view.toPlainText()

    assert len(titles) > 2
    assert titles[1] in text
    assert titles[2] not in text
    assert f"另有 {len(titles) - 2} 个问题" in text
