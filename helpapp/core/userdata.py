"""Bookmarks and reading history, kept in the user's own SQLite file.

The user data file lives in the user's data folder, never in the read-only faq.db.
Entries are referred to by `Entry.key`, a hash of the normalised title, so bookmarks
and history survive a rebuild or an import of faq.db that renumbers the entries.

Every change is one SQLite transaction with synchronous=FULL, so a crash or power
loss loses at most the change in flight. A file that SQLite cannot read is moved
aside as a backup and replaced by an empty one. `recovered_backup` names the backup,
so the window can tell the user once.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

USER_SCHEMA_VERSION = 1

# History keeps this many most recent distinct entries.
MAX_HISTORY = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    viewed REAL NOT NULL
);
"""


@dataclass(frozen=True)
class SavedEntry:
    """A bookmark or history item: the entry's stable key and its title when saved."""

    key: str
    title: str
    timestamp: float


class UserDataError(Exception):
    """The user data file cannot be created or written; the message names the file."""


class UserData:
    """Bookmarks and history in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.recovered_backup: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserDataError(f"{self.path.parent}: cannot create the folder: {error.strerror}") from error

        try:
            self._connection = self._open()
        except sqlite3.DatabaseError as error:
            self.recovered_backup = self._move_aside(error)
            self._connection = self._open()
        log.info("user data at %s", self.path)

    def _open(self) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        except sqlite3.OperationalError as error:
            raise UserDataError(f"{self.path}: cannot open: {error}") from error
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {result}")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > USER_SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"user data schema {version} is newer than this app")
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION}")
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def _move_aside(self, error: Exception) -> Path:
        backup = self.path.with_name(f"{self.path.stem}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}{self.path.suffix}")
        counter = 1
        while backup.exists():
            backup = backup.with_name(f"{backup.stem}-{counter}{backup.suffix}")
            counter += 1
        self.path.replace(backup)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + suffix).replace(Path(str(backup) + suffix))
        log.error("user data %s is unreadable (%s); kept it as %s and started a new file", self.path, error, backup)
        return backup

    def close(self) -> None:
        self._connection.close()

    def _write(self, sql: str, parameters: tuple = ()) -> None:
        try:
            with self._connection:
                self._connection.execute("BEGIN IMMEDIATE")
                self._connection.execute(sql, parameters)
        except sqlite3.Error as error:
            raise UserDataError(f"{self.path}: saving failed: {error}") from error

    # Bookmarks

    def add_bookmark(self, key: str, title: str) -> None:
        self._write(
            "INSERT INTO bookmarks (key, title, created) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET title = excluded.title",
            (key, title, time.time()),
        )

    def remove_bookmark(self, key: str) -> None:
        self._write("DELETE FROM bookmarks WHERE key = ?", (key,))

    def toggle_bookmark(self, key: str, title: str) -> bool:
        """Add or remove the bookmark and return whether the entry is now bookmarked."""
        if self.is_bookmarked(key):
            self.remove_bookmark(key)
            return False
        self.add_bookmark(key, title)
        return True

    def is_bookmarked(self, key: str) -> bool:
        return self._connection.execute("SELECT 1 FROM bookmarks WHERE key = ?", (key,)).fetchone() is not None

    def bookmarks(self) -> list[SavedEntry]:
        """Return bookmarks, newest first."""
        rows = self._connection.execute("SELECT key, title, created FROM bookmarks ORDER BY created DESC, rowid DESC")
        return [SavedEntry(*row) for row in rows]

    # History

    def record_view(self, key: str, title: str) -> None:
        """Move the entry to the top of the history, and drop the oldest beyond MAX_HISTORY."""
        try:
            with self._connection:
                self._connection.execute("BEGIN IMMEDIATE")
                latest = self._connection.execute("SELECT coalesce(max(viewed), 0) FROM history").fetchone()[0]
                # Two views within the clock's resolution still keep their order.
                viewed = max(time.time(), latest + 1e-6)
                self._connection.execute(
                    "INSERT INTO history (key, title, viewed) VALUES (?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET title = excluded.title, viewed = excluded.viewed",
                    (key, title, viewed),
                )
                self._connection.execute(
                    "DELETE FROM history WHERE key NOT IN (SELECT key FROM history ORDER BY viewed DESC LIMIT ?)",
                    (MAX_HISTORY,),
                )
        except sqlite3.Error as error:
            raise UserDataError(f"{self.path}: saving failed: {error}") from error

    def history(self, limit: int = MAX_HISTORY) -> list[SavedEntry]:
        """Return viewed entries, most recent first."""
        rows = self._connection.execute(
            "SELECT key, title, viewed FROM history ORDER BY viewed DESC, rowid DESC LIMIT ?", (limit,)
        )
        return [SavedEntry(*row) for row in rows]

    def clear_history(self) -> None:
        self._write("DELETE FROM history")
