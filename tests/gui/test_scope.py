"""The topic filter, and what the results pane shows when nothing matched."""

from __future__ import annotations

from helpapp.core.outcome import run_search
from helpapp.gui.scopebox import ScopeBox

from tests.gui.test_search_flow import type_query

INVOICE_TOPIC = "开具发票"


def scope_row(window, title: str) -> int:
    return next(row for row in range(window.scope_box.count()) if window.scope_box.itemText(row).strip("\u3000") == title)


def choose_scope(qtbot, window, title: str):
    """Pick a topic in the scope box and return the outcome of the search it repeats."""
    with qtbot.waitSignal(window.controller.results_ready, timeout=10_000) as blocker:
        window.scope_box.setCurrentIndex(scope_row(window, title))
    return blocker.args[0]


def test_scope_lists_all_topics(window, bundled_db):
    titles = [window.scope_box.itemText(row).strip("\u3000") for row in range(1, window.scope_box.count())]

    assert window.scope_box.itemText(0) == "所有主题"
    assert titles == [topic.title for topic in bundled_db.iter_topics()]


def test_scope_limits_results(window, qtbot):
    everywhere = type_query(qtbot, window, "开票")
    limited = choose_scope(qtbot, window, INVOICE_TOPIC)

    assert len(limited.result.hits) < len(everywhere.result.hits)
    for hit in limited.result.hits:
        assert any(path[0] == INVOICE_TOPIC for path in hit.topic_paths), hit.title


def test_scope_count_names_topic(window, qtbot):
    type_query(qtbot, window, "开票")
    outcome = choose_scope(qtbot, window, INVOICE_TOPIC)

    assert window.results_panel.count_label.text() == f"在“{INVOICE_TOPIC}”中找到 {len(outcome.result.hits)} 条结果"
    assert window.results_panel.model.rowCount() == len(outcome.result.hits)


def test_scope_includes_subtopics(make_db):
    db = make_db(
        "如何申请子主题激励? 在子主题页面申请激励。 父主题: 激励总览 > 激励细则\n"
        "如何查看总览激励? 在总览页面查看激励。 父主题: 激励总览\n"
        "如何查看其他激励? 在其他页面查看激励。 父主题: 其他\n"
    )
    parent = next(topic for topic in db.iter_topics() if topic.title == "激励总览")

    titles = {hit.title for hit in run_search(db, "激励", 1, parent.id).result.hits}

    assert titles == {"如何申请子主题激励?", "如何查看总览激励?"}


def test_nothing_in_scope_offers_all_topics(window, qtbot):
    type_query(qtbot, window, "伙伴主账号")
    outcome = choose_scope(qtbot, window, INVOICE_TOPIC)
    text = window.results_panel.empty_label.text()

    assert outcome.result.hits == ()
    assert f"在“{INVOICE_TOPIC}”中没有找到与“伙伴主账号”相关的问答" in text
    assert 'href="helpapp://search-all"' in text
    assert not window.results_panel.count_label.isVisible()


def test_search_all_link_resets_scope(window, qtbot):
    type_query(qtbot, window, "伙伴主账号")
    choose_scope(qtbot, window, INVOICE_TOPIC)

    with qtbot.waitSignal(window.controller.results_ready, timeout=10_000) as blocker:
        window.results_panel.empty_label.linkActivated.emit("helpapp://search-all")

    assert window.scope_box.currentIndex() == 0
    assert blocker.args[0].result.hits


def test_no_shared_character_offers_topics(window, qtbot, bundled_db):
    outcome = type_query(qtbot, window, "喵呜")
    text = window.results_panel.empty_label.text()

    assert outcome.result.hits == ()
    assert outcome.closest == ()
    assert "可以按主题浏览" in text
    assert f'href="helpapp://topic/{bundled_db.topic_tree()[0].id}"' in text


def test_no_results_has_no_count(window, qtbot):
    type_query(qtbot, window, "电脑")

    assert window.results_panel.model.rowCount() == 0
    assert not window.results_panel.list_view.isVisible()
    assert "条结果" not in window.results_panel.empty_label.text()


def test_topic_link_from_results_shows_topic(window, qtbot, bundled_db):
    type_query(qtbot, window, "喵呜")
    topic = bundled_db.topic_tree()[0]

    window.results_panel.empty_label.linkActivated.emit(f"helpapp://topic/{topic.id}")

    assert topic.title in window.answer_view.toPlainText()
    assert window.answer_view.entry_id is None


def test_scope_box_width_ignores_long_topics(qapp):
    box = ScopeBox()
    box.addItem("所有主题")
    width = box.sizeHint().width()

    box.addItem("很长的主题名称" * 10)

    assert box.sizeHint().width() == width


def test_scope_list_opens_as_wide_as_longest_topic(qtbot):
    box = ScopeBox()
    qtbot.addWidget(box)
    box.addItems(["所有主题", "很长的主题名称" * 6])
    box.show()
    qtbot.waitExposed(box)

    box.showPopup()
    qtbot.waitUntil(box.view().isVisible)
    width = box.view().width()
    box.hidePopup()

    assert width > box.view().fontMetrics().horizontalAdvance("很长的主题名称" * 6) > box.width()
