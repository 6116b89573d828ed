"""Logging for the app: a rotating log file in the user's data folder plus stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "helpapp.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path | None, verbose: bool = False) -> Path | None:
    """Send INFO and above to a rotating file in `log_dir`, and warnings (or, with
    `verbose`, debug messages) to stderr. Return the log file's path, or None when
    the folder cannot be created."""
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
        file_handler = logging.handlers.RotatingFileHandler(
            log_path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", log_path, error)
        return None
    file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._helpapp = True
    root.addHandler(file_handler)
    return log_path
