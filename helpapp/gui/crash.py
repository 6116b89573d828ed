"""Show uncaught exceptions in a dialog instead of letting the window vanish."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from helpapp.gui import errors

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_message(log_path: Path | None) -> str:
    text = QCoreApplication.translate(
        "Crash",
        "An unexpected error occurred. Partner Offline Help keeps running, but the last action may not have finished.",
    )
    if log_path is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Crash", "The details were written to the log file:\n{path}\nSend this file to your support contact."
        ).format(path=log_path)
    return text


def make_excepthook(log_path: Path | None) -> ExceptHook:
    """Return a hook that logs an uncaught exception with its traceback and shows the error dialog."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("uncaught exception", exc_info=(kind, error, trace))
        if QApplication.instance() is None:
            return
        title = QCoreApplication.translate("Crash", "Partner Offline Help: unexpected error")
        details = "".join(traceback.format_exception(kind, error, trace))
        errors.show_critical(QApplication.activeWindow(), title, crash_message(log_path), details)

    return hook


def install_excepthook(log_path: Path | None) -> ExceptHook:
    """Install the hook as `sys.excepthook` and return the hook it replaced."""
    previous = sys.excepthook
    sys.excepthook = make_excepthook(log_path)
    return previous
