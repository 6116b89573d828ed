"""The topic tree: counts, shared entries, order, and opening an entry."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from helpapp.gui import mainwindow
from helpapp.gui.models import ENTRY_ID_ROLE, TOPIC_ID_ROLE, TopicTreeModel

SHARED_ENTRY_ID = 8
SHARED_TITLE = "顾问销售类子客户如何开票?"


def root_texts(window) -> list[str]:
    model = window.tree_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_topic_shows_entry_count(window):
    assert "开具发票 (2)" in root_texts(window)


def test_unassigned_group_last(window):
    assert root_texts(window)[-1].startswith("未分类 (")


def test_shared_entry_under_both_topics(window):
    indexes = window.tree_model.entry_indexes(SHARED_ENTRY_ID)
    parents = sorted(index.parent().data() for index in indexes)

    assert [index.data() for index in indexes] == [SHARED_TITLE, SHARED_TITLE]
    assert parents == ["开具发票 (2)", "经销商子客户 (1)"]


def test_every_entry_listed(window, bundled_db):
    for entry_id, _title in bundled_db.all_titles():
        assert window.tree_model.entry_indexes(entry_id), f"entry {entry_id} is missing from the tree"


def test_topic_rows_carry_topic_id(window):
    first = window.tree_model.index(0, 0)

    assert first.data(TOPIC_ID_ROLE) is not None
    assert first.data(ENTRY_ID_ROLE) is None


def test_clicking_entry_shows_it(window, qtbot):
    index = window.tree_model.entry_indexes(SHARED_ENTRY_ID)[0]
    view = window.tree_view
    view.scrollTo(index)

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    assert window.answer_view.entry_id == SHARED_ENTRY_ID
    assert SHARED_TITLE in window.answer_view.toPlainText()


def test_clicking_topic_keeps_placeholder(window, qtbot):
    index = window.tree_model.index(0, 0)
    view = window.tree_view

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    assert window.answer_view.entry_id is None


def test_tree_building_keeps_none_alive(qapp, bundled_db):
    # PySide6 6.12's QStandardItem setters drop a reference to None on each call. That
    # aborts Python once a large tree has been built, so the model must not use them.
    before = sys.getrefcount(None)
    models = [TopicTreeModel(bundled_db) for _ in range(20)]
    after = sys.getrefcount(None)
    assert len(models) == 20
    assert after >= before - 100


def first_leaf_topic(model: TopicTreeModel):
    """Return the index of the first root topic that lists entries directly."""
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.canFetchMore(index):
            return index
    raise AssertionError("no root topic lists entries")


def test_entries_read_only_when_topic_expands(qtbot, bundled_db):
    model = TopicTreeModel(bundled_db)
    topic = first_leaf_topic(model)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    unread = (model.rowCount(topic), model.hasChildren(topic))

    with qtbot.waitSignal(model.rowsInserted):
        view.expand(topic)

    assert unread == (0, True)
    assert model.rowCount(topic) > 0


def test_fetch_more_lists_the_topics_entries(qapp, bundled_db):
    model = TopicTreeModel(bundled_db)
    topic = first_leaf_topic(model)
    expected = [title for _id, _key, title in bundled_db.topic_titles(topic.data(TOPIC_ID_ROLE))]

    model.fetchMore(topic)

    assert [model.index(row, 0, topic).data() for row in range(model.rowCount(topic))] == expected


def test_entry_indexes_reads_unexpanded_topics(qapp, bundled_db):
    model = TopicTreeModel(bundled_db)

    indexes = model.entry_indexes(SHARED_ENTRY_ID)

    assert sorted(index.parent().data() for index in indexes) == ["开具发票 (2)", "经销商子客户 (1)"]


def test_large_faq_opens_collapsed(chinese, make_db, open_window, monkeypatch):
    monkeypatch.setattr(mainwindow, "EXPAND_ALL_MAX_ENTRIES", 1)
    db = make_db("如何开票? 前往费用中心开票。 父主题: 开具发票\n什么是券? 券是代金券。 父主题: 云实验\n")

    window = open_window(db)
    model = window.tree_model

    assert not any(window.tree_view.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))
    assert all(model.canFetchMore(model.index(row, 0)) for row in range(model.rowCount()))


def test_small_faq_opens_expanded(window):
    model = window.tree_model

    assert all(window.tree_view.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))


def test_topic_count_grouped_by_thousands(qapp, bundled_db, monkeypatch):
    first = bundled_db.topic_tree()[0]
    monkeypatch.setattr(bundled_db, "topic_entry_counts", lambda: {first.id: 12345})

    model = TopicTreeModel(bundled_db)

    assert model.index(0, 0).data() == f"{first.title} (12,345)"
