"""Work that waits for the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from helpapp.core.database import FaqDatabase
from helpapp.gui import profile
from helpapp.gui.firstpaint import FirstPaintHook
from helpapp.gui.mainwindow import RESULTS_PAGE, MainWindow


def test_hook_runs_after_first_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)

    with qtbot.waitCallback() as callback:
        FirstPaintHook(widget, callback)
        widget.show()

    assert callback.called


def test_hook_runs_once(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    FirstPaintHook(widget, lambda: calls.append(1))
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])

    widget.repaint()
    # A callback queued by that paint would run before this later zero timer.
    with qtbot.waitCallback() as later:
        QTimer.singleShot(0, later)

    assert calls == [1]


def test_results_pane_built_after_first_paint(qtbot, bundled_db: FaqDatabase):
    window = MainWindow(bundled_db, data_dir=profile.data_dir())
    qtbot.addWidget(window)
    assert window.left_pages.count() == RESULTS_PAGE

    window.show()
    with qtbot.waitSignal(window.controller.warm_up_finished, timeout=30_000):
        window.start()

    qtbot.waitUntil(lambda: window.left_pages.count() == RESULTS_PAGE + 1)
    assert window.left_pages.widget(RESULTS_PAGE) is window.results_panel
    window.close()


def test_scope_topics_added_after_first_paint(qtbot, bundled_db: FaqDatabase):
    window = MainWindow(bundled_db, data_dir=profile.data_dir())
    qtbot.addWidget(window)
    assert window.scope_box.count() == 1

    window.show()
    with qtbot.waitSignal(window.controller.warm_up_finished, timeout=30_000):
        window.start()

    assert window.scope_box.count() == 1 + len(list(bundled_db.iter_topics()))
    window.close()


def test_home_page_shown_after_first_paint(qtbot, chinese, bundled_db: FaqDatabase):
    window = MainWindow(bundled_db, data_dir=profile.data_dir())
    qtbot.addWidget(window)
    assert window.answer_view.toPlainText() == ""

    window.show()
    with qtbot.waitSignal(window.controller.warm_up_finished, timeout=30_000):
        window.start()

    assert "伙伴离线帮助" in window.answer_view.toPlainText()
    window.close()
