"""The window never opens a network connection, whatever the user does."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.gui.test_search_flow import type_and_suggest


@pytest.fixture
def connections(monkeypatch) -> list[tuple]:
    """Record and refuse every attempt to connect a Python socket."""
    attempts: list[tuple] = []

    def reject_connect(self, address):
        attempts.append(("connect", address))
        raise OSError("network access is not allowed in this test")

    def reject_create(address, *args, **kwargs):
        attempts.append(("create_connection", address))
        raise OSError("network access is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", reject_connect)
    monkeypatch.setattr(socket, "create_connection", reject_create)
    return attempts


def test_main_features_stay_offline(connections, chinese, bundled_db, open_window, qtbot, dialog_log, tmp_path):
    window = open_window(bundled_db)

    type_and_suggest(qtbot, window, "开票")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    window.toggle_bookmark()
    window.copy_answer()
    window.answer_view.setFocus()
    qtbot.waitUntil(window.answer_view.hasFocus)
    qtbot.keyClick(window.answer_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.field.setText("发票")
    window.set_zoom(130)
    window.show_home()
    window.go_back()
    dialog_log.save_file = tmp_path / "answer.pdf"
    window.export_pdf()

    assert window.current_entry is not None
    assert window.records.bookmark_model.rowCount() == 1
    assert QGuiApplication.clipboard().text().startswith(window.current_entry.title)
    assert window.find_bar.match_count() > 0
    assert connections == []
