"""The log file, rotated at start."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from helpapp.logsetup import LOG_FILE_NAME, MAX_LOG_BYTES, configure_logging, rotate


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


def test_large_log_rotates_at_start(tmp_path: Path):
    log_path = tmp_path / LOG_FILE_NAME
    log_path.write_text("x" * MAX_LOG_BYTES, encoding="utf-8")
    (tmp_path / f"{LOG_FILE_NAME}.1").write_text("older", encoding="utf-8")

    configure_logging(tmp_path)
    logging.getLogger("helpapp.test").error("after the rotation")

    assert (tmp_path / f"{LOG_FILE_NAME}.1").stat().st_size == MAX_LOG_BYTES
    assert (tmp_path / f"{LOG_FILE_NAME}.2").read_text(encoding="utf-8") == "older"
    assert "after the rotation" in log_path.read_text(encoding="utf-8")


def test_small_log_keeps_growing(tmp_path: Path):
    log_path = tmp_path / LOG_FILE_NAME
    log_path.write_text("earlier session\n", encoding="utf-8")

    configure_logging(tmp_path)
    logging.getLogger("helpapp.test").error("this session")

    assert log_path.read_text(encoding="utf-8").startswith("earlier session\n")
    assert not (tmp_path / f"{LOG_FILE_NAME}.1").exists()


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ((), (1,)),
        ((1,), (1, 2)),
        ((1, 2), (1, 2, 3)),
        ((1, 2, 3), (1, 2, 3)),
    ],
)
def test_rotation_keeps_three_old_files(tmp_path: Path, existing: tuple[int, ...], expected: tuple[int, ...]):
    log_path = tmp_path / LOG_FILE_NAME
    log_path.write_bytes(b"x" * 10)
    for number in existing:
        (tmp_path / f"{LOG_FILE_NAME}.{number}").write_bytes(b"old")

    rotate(log_path, max_bytes=10, backups=3)

    assert not log_path.exists()
    assert tuple(sorted(int(path.suffix[1:]) for path in tmp_path.glob(f"{LOG_FILE_NAME}.*"))) == expected
