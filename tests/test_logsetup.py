"""The rotating log file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from helpapp.logsetup import LOG_FILE_NAME, configure_logging


@pytest.fixture(autouse=True)
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_errors_reach_log_file(tmp_path: Path):
    log_path = configure_logging(tmp_path / "logs")
    logging.getLogger("helpapp.test").error("opening faq.db failed")
    assert log_path == tmp_path / "logs" / LOG_FILE_NAME
    assert "ERROR helpapp.test: opening faq.db failed" in log_path.read_text(encoding="utf-8")


def test_configuring_twice_adds_no_duplicate_handlers(tmp_path: Path):
    configure_logging(tmp_path)
    count = len(logging.getLogger().handlers)
    configure_logging(tmp_path)
    assert len(logging.getLogger().handlers) == count


def test_unwritable_log_folder_returns_none(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert configure_logging(blocker / "logs") is None
