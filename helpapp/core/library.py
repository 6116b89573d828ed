"""Content updates: import a new faq.db into the user's data folder, or go back to
the bundled one.

An imported database is checked fully before use: SQLite's integrity check, the FTS5
index's integrity check, the schema version, the required tables and at least one
entry. It is copied to a temporary file beside its destination, checked again there,
and renamed into place, so a failed import leaves the current database as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from helpapp.core.database import DatabaseError, DatabaseInfo, DatabaseUnreadableError, FaqDatabase, SchemaError
from helpapp.core.schema import TITLES_FTS

log = logging.getLogger(__name__)

IMPORTED_NAME = "faq.db"


def imported_database_path(data_dir: Path) -> Path:
    return Path(data_dir) / IMPORTED_NAME


def verify_database(path: Path) -> DatabaseInfo:
    """Check every part of a FAQ database and return its description.

    SQLite runs the FTS5 integrity check only on a writable connection, so this
    opens `path` read-write: call it on a private copy, never on the user's file.
    Raises DatabaseError (or a subclass) naming the first check that failed.
    """
    path = Path(path)
    with FaqDatabase(path) as db:
        info = db.info
        try:
            connection = sqlite3.connect(path)
        except sqlite3.Error as error:
            raise DatabaseUnreadableError(path, f"cannot open: {error}") from error
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
            if problems != ["ok"]:
                raise DatabaseUnreadableError(path, "the database file is damaged: " + "; ".join(problems))
            try:
                # The FTS5 integrity check reads every index entry and compares it
                # with the stored document sizes; it writes nothing.
                connection.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 0)")
                if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TITLES_FTS,)).fetchone():
                    connection.execute(f"INSERT INTO {TITLES_FTS}({TITLES_FTS}, rank) VALUES ('integrity-check', 0)")
            except sqlite3.DatabaseError as error:
                raise DatabaseUnreadableError(path, f"the search index is damaged: {error}") from error
            entries = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise DatabaseUnreadableError(path, f"the database file is damaged: {error}") from error
        finally:
            connection.close()

    if entries == 0:
        raise SchemaError(path, "the database contains no entries")
    return info


def import_database(source: Path, data_dir: Path) -> Path:
    """Check `source` and install a copy as the user's database; return its path.

    The current database is replaced only after the copy passed every check.
    """
    source = Path(source)
    # The quick checks on the user's file give a clear message before anything is copied.
    FaqDatabase(source).close()

    destination = imported_database_path(data_dir)
    destination.parent.mkdir(parents=True, exist_ok=True)
    temp_path = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, temp_path)
        with open(temp_path, "rb") as handle:
            os.fsync(handle.fileno())
        info = verify_database(temp_path)
        os.replace(temp_path, destination)
    except OSError as error:
        raise DatabaseUnreadableError(destination, f"copying failed: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()

    log.info("imported %s as %s: %d entries, content %s", source, destination, info.entry_count, info.version_text)
    return destination


def restore_bundled(data_dir: Path) -> None:
    """Remove the imported database, so the bundled one is used again."""
    with contextlib.suppress(FileNotFoundError):
        imported_database_path(data_dir).unlink()
        log.info("removed the imported database; using the bundled one")


def active_database(data_dir: Path | None, bundled: Path) -> Path:
    """Return the imported database if there is a usable one, else the bundled one."""
    if data_dir is None:
        return bundled
    imported = imported_database_path(data_dir)
    if not imported.exists():
        return bundled
    try:
        FaqDatabase(imported).close()
    except DatabaseError as error:
        log.error("imported database unusable, using the bundled one: %s", error)
        return bundled
    return imported
