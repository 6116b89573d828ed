"""Search as you type: results, keyboard navigation, empty results, stale jobs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from helpapp.core.outcome import RESULT_LIMIT, SearchOutcome, TitleChoice, run_search
from helpapp.core.search import SearchResult, search
from helpapp.gui.mainwindow import RESULTS_PAGE, TREE_PAGE
from helpapp.gui.models import ENTRY_ID_ROLE, ResultListModel
from helpapp.gui.resultspanel import QUOTED_QUERY_CHARS, HitDelegate, ResultsPanel
from helpapp.gui.searchworker import SearchController

SHARED_TITLE = "顾问销售类子客户如何开票?"


def commit_text(widget, text: str) -> None:
    """Enter `text` one character at a time the way a Chinese input method commits it.

    QTest.keyClicks only handles ASCII characters.
    """
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def type_query(qtbot, window, text: str) -> SearchOutcome:
    """Type `text` into the search box and return the outcome the window shows."""
    with qtbot.waitSignal(window.controller.results_ready, timeout=10_000) as blocker:
        commit_text(window.search_box, text)
    return blocker.args[0]


def type_and_suggest(qtbot, window, text: str) -> SearchOutcome:
    """Type `text`, then wait for the suggestion list, which follows the results by one
    pass of the event loop."""
    outcome = type_query(qtbot, window, text)
    qtbot.waitUntil(window.suggestion_list.isVisible)
    return outcome


def result_titles(window) -> list[str]:
    model = window.results_panel.model
    return [model.hit(row).title for row in range(model.rowCount())]


def test_search_box_focused_on_start(window, qtbot):
    qtbot.waitUntil(lambda: window.search_box.hasFocus())

    assert window.focusWidget() is window.search_box


def test_typing_shows_results(window, qtbot):
    outcome = type_query(qtbot, window, "开票")

    assert outcome.query == "开票"
    assert window.left_pages.currentIndex() == RESULTS_PAGE
    assert SHARED_TITLE in result_titles(window)


def test_hit_count_matches_list(window, qtbot):
    type_query(qtbot, window, "开票")
    count = window.results_panel.model.hit_count()

    assert count > 0
    assert window.results_panel.count_label.text() == f"找到 {count} 条结果"
    assert window.results_panel.count_label.isVisible()


def test_enter_opens_first_result(window, qtbot):
    type_query(qtbot, window, "开票")
    first = window.results_panel.model.hit(0)

    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert window.answer_view.entry_id == first.entry_id
    assert first.title in window.answer_view.toPlainText()


def test_enter_before_debounce_opens_first(window, qtbot):
    window.controller.set_query("开票")

    with qtbot.waitSignal(window.controller.results_ready, timeout=10_000):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert window.answer_view.entry_id == window.results_panel.model.hit(0).entry_id


def test_down_then_enter_opens_second(window, qtbot):
    type_query(qtbot, window, "开票")
    second = window.results_panel.model.hit(1)
    window.suggestion_list.hide()

    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert second is not None
    assert window.answer_view.entry_id == second.entry_id


def test_up_stops_at_first_row(window, qtbot):
    type_query(qtbot, window, "开票")

    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)

    assert window.results_panel.list_view.currentIndex().row() == 0


def test_escape_returns_to_tree(window, qtbot):
    type_query(qtbot, window, "开票")
    window.suggestion_list.hide()

    with qtbot.waitSignal(window.controller.cleared):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)

    assert window.search_box.text() == ""
    assert window.left_pages.currentIndex() == TREE_PAGE


def test_clicking_result_opens_it(window, qtbot):
    type_query(qtbot, window, "开票")
    view = window.results_panel.list_view
    index = window.results_panel.model.index(2, 0)

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())

    assert window.answer_view.entry_id == window.results_panel.model.hit(2).entry_id


def test_opened_result_marks_query_words(window, qtbot):
    type_query(qtbot, window, "开票")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)

    assert "background-color:#ffe066" in window.answer_view.toHtml()


def test_long_query_quoted_short(window, qtbot):
    query = "长" * 5000
    outcome = type_query(qtbot, window, query)
    text = window.results_panel.empty_label.text()

    assert outcome.result.hits == ()
    assert f"“{'长' * QUOTED_QUERY_CHARS}…”" in text
    assert "长" * (QUOTED_QUERY_CHARS + 1) not in text
    assert "请尝试减少关键词或换一种说法" in text


def test_nothing_found_message(window, qtbot):
    outcome = type_query(qtbot, window, "电脑")
    panel = window.results_panel

    assert outcome.result.hits == ()
    assert "没有找到与“电脑”相关的问答" in panel.empty_label.text()
    assert panel.empty_label.isVisible()
    assert not panel.count_label.isVisible()
    assert panel.model.rowCount() == 0


def test_closest_title_link_opens_entry(window, bundled_db, qtbot):
    empty = search(bundled_db, "")
    key = bundled_db.entry(8).key
    outcome = SearchOutcome(job_id=0, query="开发票吗", result=empty, closest=(TitleChoice(key, SHARED_TITLE),))
    window.results_panel.show_outcome(outcome)

    assert f'href="helpapp://entry/{key}"' in window.results_panel.empty_label.text()

    window.results_panel.empty_label.linkActivated.emit(f"helpapp://entry/{key}")

    assert window.answer_view.entry_id == 8


def test_stale_result_dropped(window, qtbot):
    old = type_query(qtbot, window, "发票")
    window.search_box.clear()
    new = type_query(qtbot, window, "开票")
    shown = result_titles(window)

    with qtbot.assertNotEmitted(window.controller.results_ready):
        window.controller.signals.search_finished.emit(old.job_id, old)

    assert old.job_id < new.job_id
    assert result_titles(window) == shown


def test_quick_queries_show_only_latest(window, qtbot):
    received: list[SearchOutcome] = []
    window.controller.results_ready.connect(received.append)

    window.controller.set_query("发票")
    window.controller.run_now()
    window.controller.set_query("开票")
    with qtbot.waitSignal(window.controller.results_ready, timeout=10_000):
        window.controller.run_now()

    assert [outcome.query for outcome in received] == ["开票"]


def test_search_runs_while_debounce_waits(bundled_db, qtbot):
    controller = SearchController(bundled_db, debounce_ms=60_000)
    received: list[SearchOutcome] = []
    controller.results_ready.connect(received.append)

    with qtbot.waitSignal(controller.results_held, timeout=10_000) as held:
        controller.set_query("开票")
    shown_while_held = list(received)
    controller.run_now()
    controller.shut_down()

    assert held.args[0].query == "开票"
    assert shown_while_held == []
    assert received == [held.args[0]]


def test_search_starts_on_the_next_pass(bundled_db, qtbot):
    controller = SearchController(bundled_db, debounce_ms=60_000)
    start_timer = controller.findChild(QTimer, "job_start_timer")
    searched: list[str] = []
    controller.signals.search_finished.connect(
        lambda job_id, outcome: searched.append(outcome.query), Qt.ConnectionType.DirectConnection
    )

    controller.set_query("开票")
    controller.set_query("子客户")
    waiting = start_timer.isActive()
    with qtbot.waitSignal(controller.results_held, timeout=10_000):
        pass
    controller.shut_down()

    assert waiting
    assert searched == ["子客户"]


def shown_panel(qtbot) -> ResultsPanel:
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_prepare_lays_out_rows_later(bundled_db, qtbot):
    panel = shown_panel(qtbot)
    outcome = run_search(bundled_db, "开票", 1, None)

    panel.prepare(outcome)

    assert panel.delegate.is_preparing()
    assert panel.delegate.documents_created == 0


def test_prepared_rows_are_not_laid_out_again(bundled_db, qtbot):
    panel = shown_panel(qtbot)
    outcome = run_search(bundled_db, "开票", 1, None)
    panel.prepare(outcome)
    qtbot.waitUntil(lambda: not panel.delegate.is_preparing())
    prepared = panel.delegate.documents_created

    panel.show_outcome(outcome)
    panel.list_view.viewport().repaint()

    assert 0 < panel.model.rowCount() <= HitDelegate.PREPARED_ROWS
    assert panel.delegate.documents_created == prepared


def test_topic_change_searches_again_at_once(bundled_db, qtbot):
    controller = SearchController(bundled_db, debounce_ms=60_000)
    topic = bundled_db.topic_tree()[0]
    with qtbot.waitSignal(controller.signals.search_finished, timeout=10_000):
        controller.set_query("开票")

    with qtbot.waitSignal(controller.results_ready, timeout=10_000) as blocker:
        controller.set_topic(topic.id)
    controller.shut_down()

    assert blocker.args[0].topic_id == topic.id


def test_ctrl_k_focuses_search(window, qtbot):
    window.answer_view.setFocus()
    qtbot.waitUntil(lambda: window.answer_view.hasFocus())

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)

    assert window.search_box.hasFocus()


def test_result_rows_match_hits(window, qtbot):
    outcome = type_query(qtbot, window, "开票")

    assert isinstance(outcome.result, SearchResult)
    assert window.results_panel.model.rowCount() == len(outcome.result.hits)


def test_searches_reuse_one_worker_connection(window, bundled_db, qtbot):
    for query in ("开票", "子客户", "激励", "kaipiao", "代金券"):
        type_query(qtbot, window, query)

    # One connection for the window's thread and one for the search thread.
    assert bundled_db.connection_count <= 2


MANY_HITS_EXPORT = "".join(
    f"第{number}号子客户如何开票? 顾问销售模式下,子客户{number}可以前往费用中心开票。 父主题: 开具发票\n" for number in range(40)
)


def test_result_list_stops_laying_out_when_idle(chinese, make_db, open_window, qtbot, monkeypatch):
    window = open_window(make_db(MANY_HITS_EXPORT))
    calls: list[int] = []
    original = HitDelegate.sizeHint

    def counting_size_hint(delegate, option, index):
        calls.append(index.row())
        return original(delegate, option, index)

    monkeypatch.setattr(HitDelegate, "sizeHint", counting_size_hint)
    type_query(qtbot, window, "开票")
    qtbot.waitUntil(lambda: bool(calls))
    qtbot.wait(300)
    settled = len(calls)

    # Nothing signals that a view is idle, so watch it for a while instead.
    qtbot.wait(300)

    assert len(calls) == settled


def test_result_rows_come_in_batches(qapp, make_db):
    hits = search(make_db(MANY_HITS_EXPORT), "开票", limit=20).hits
    model = ResultListModel()

    model.set_hits(hits)
    row_counts = [model.rowCount()]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        row_counts.append(model.rowCount())

    assert len(hits) == 20
    assert row_counts == [4, 8, 12, 16, 20]
    assert model.hit_count() == 20


def test_down_key_moves_past_first_batch(chinese, make_db, open_window, qtbot):
    window = open_window(make_db(MANY_HITS_EXPORT))
    outcome = type_query(qtbot, window, "开票")
    window.suggestion_list.hide()

    for _ in range(12):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Down)

    current = window.results_panel.list_view.currentIndex()
    assert current.row() == 12
    assert current.data(ENTRY_ID_ROLE) == outcome.result.hits[12].entry_id


def test_scrolling_to_end_shows_every_hit(chinese, make_db, open_window, qtbot):
    window = open_window(make_db(MANY_HITS_EXPORT))
    type_query(qtbot, window, "开票")
    view = window.results_panel.list_view
    model = window.results_panel.model

    def scrolled_to_end() -> bool:
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        return model.rowCount() == model.hit_count()

    qtbot.waitUntil(scrolled_to_end)

    assert model.rowCount() == 20


def test_cut_result_list_says_best_results(chinese, make_db, open_window, qtbot):
    window = open_window(make_db(MANY_HITS_EXPORT))

    outcome = type_query(qtbot, window, "开票")

    assert outcome.has_more
    assert window.results_panel.count_label.text() == f"显示最相关的 {RESULT_LIMIT} 条结果"
