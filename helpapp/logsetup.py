"""Logging for the app: a log file in the user's data folder plus stderr.

The file rotates when the app starts: a file past MAX_LOG_BYTES becomes
`helpapp.log.1`, and the oldest of LOG_BACKUPS older files goes. The app writes a
few lines per session, so checking once per start is enough, and the window's start
does not import `logging.handlers` (socket, pickle, queue: about 10 ms) for
RotatingFileHandler.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILE_NAME = "helpapp.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def rotate(log_path: Path, max_bytes: int = MAX_LOG_BYTES, backups: int = LOG_BACKUPS) -> None:
    """Move a log file of `max_bytes` or more to `NAME.1`, `NAME.1` to `NAME.2` and so
    on, keeping `backups` old files."""
    if not log_path.is_file() or log_path.stat().st_size < max_bytes:
        return

    def backup(number: int) -> Path:
        return log_path.with_name(f"{log_path.name}.{number}")

    for number in range(backups - 1, 0, -1):
        if backup(number).is_file():
            os.replace(backup(number), backup(number + 1))
    os.replace(log_path, backup(1))


def configure_logging(log_dir: Path | None, verbose: bool = False) -> Path | None:
    """Send INFO and above to a file in `log_dir`, rotated first when it is large, and
    warnings (or, with `verbose`, debug messages) to stderr. Return the log file's
    path, or None when the folder cannot be created."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_helpapp", False):
            root.removeHandler(handler)
            handler.close()

    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter(_FORMAT))
    console._helpapp = True
    root.addHandler(console)

    if log_dir is None:
        return None
    log_path = Path(log_dir) / LOG_FILE_NAME
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        rotate(log_path)
        file_handler = logging.FileHandler(log_path, encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", log_path, error)
        return None
    file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._helpapp = True
    root.addHandler(file_handler)
    return log_path
