"""Read-only access to faq.db.

Errors that come from the user's environment (a missing, unreadable or foreign file,
a schema this version cannot read) raise `DatabaseError` subclasses whose message
can be shown to the user. Anything else is a bug and propagates unchanged.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from helpapp.core import schema
from helpapp.core.segment import QuerySegmenter, prefix_dictionary, unpack_prefix_dictionary
from helpapp.core.topiccount import ancestor_ids, topic_entry_counts

log = logging.getLogger(__name__)

# How long a read waits for another program's write lock before giving up.
BUSY_TIMEOUT_SECONDS = 2.0

# A pinyin query searches for at most this many character strings it spells, the most
# frequent ones.
MAX_PINYIN_FORMS = 8


class DatabaseError(Exception):
    """The database cannot be used; `path` names the file and `reason` explains why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DatabaseNotFoundError(DatabaseError):
    pass


class DatabaseUnreadableError(DatabaseError):
    """The file exists but is not a readable SQLite database (empty, damaged, locked,
    or not SQLite at all)."""


class SchemaError(DatabaseError):
    """The file is SQLite but not a FAQ database this version can read."""


@dataclass(frozen=True)
class DatabaseInfo:
    """The `meta` table: what the builder recorded about the database and its source."""

    schema_version: int
    source_sha256: str
    source_names: str
    entry_count: int
    topic_count: int
    label: str
    builder: str

    @property
    def version_text(self) -> str:
        """Return the content version as shown to users: the label, else a short hash."""
        return self.label or self.source_sha256[:8]


@dataclass(frozen=True)
class Entry:
    """A question and its answer, with the topic paths it is listed under."""

    id: int
    key: str
    title: str
    body: str
    is_fragment: bool
    is_truncated: bool
    source_name: str
    source_line: int
    topic_paths: tuple[tuple[str, ...], ...]


@dataclass
class Topic:
    """A node of the topic tree."""

    id: int
    parent_id: int | None
    title: str
    position: int
    is_unassigned: bool
    # Entries listed directly under this topic; `FaqDatabase.topic_entry_ids` reads them.
    entry_count: int = 0
    children: list[Topic] = field(default_factory=list)

    def walk(self) -> Iterator[Topic]:
        """Yield this topic and its descendants, depth first, in display order."""
        yield self
        for child in self.children:
            yield from child.walk()


class _TopicIndex(NamedTuple):
    by_id: dict[int, Topic]
    roots: list[Topic]
    # Parent id of each topic id, None for a root.
    parents: dict[int, int | None]
    # Distinct entries under each topic and its descendants.
    subtree_counts: dict[int, int]


class FaqDatabase:
    """A read-only FAQ database. Each thread gets its own SQLite connection.

    Connections are keyed by thread id rather than kept in a `threading.local`. A Qt
    thread-pool thread loses its Python thread state, and with it its thread-local
    data, after each task. A thread-local connection would then be opened again for
    every search, and the old ones left open.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connections: dict[int, sqlite3.Connection] = {}
        self._connections_lock = threading.Lock()
        self._topics_lock = threading.Lock()
        self.info = self._check()
        log.info(
            "opened %s: schema %d, %d entries, content %s",
            self.path,
            self.info.schema_version,
            self.info.entry_count,
            self.info.version_text,
        )

    # Connections

    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():
            raise DatabaseNotFoundError(self.path, "file not found")
        if self.path.is_dir():
            raise DatabaseUnreadableError(self.path, "is a folder, not a database file")
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error as error:
            raise DatabaseUnreadableError(self.path, f"cannot open: {error}") from error
        connection.row_factory = sqlite3.Row
        return connection

    @property
    def connection(self) -> sqlite3.Connection:
        """Return this thread's connection, opening it on first use.

        A thread that ended leaves its connection to the next thread that gets the
        same id, which is safe because the connection is not bound to a thread.
        """
        thread_id = threading.get_ident()
        connection = self._connections.get(thread_id)
        if connection is None:
            connection = self._connect()
            with self._connections_lock:
                self._connections[thread_id] = connection
            log.debug("opened connection %d to %s", len(self._connections), self.path)
        return connection

    @property
    def connection_count(self) -> int:
        """Return the number of open connections, one per thread that has read."""
        return len(self._connections)

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections.values():
                connection.close()
            self._connections.clear()

    def __enter__(self) -> FaqDatabase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Validation

    def _check(self) -> DatabaseInfo:
        if not self.path.exists():
            raise DatabaseNotFoundError(self.path, "file not found")
        if self.path.is_file() and self.path.stat().st_size == 0:
            raise DatabaseUnreadableError(self.path, "the file is empty")
        try:
            tables = {
                row[0]
                for row in self.connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            }
        except sqlite3.DatabaseError as error:
            raise DatabaseUnreadableError(self.path, _describe_sqlite_error(error)) from error

        page_count = self.connection.execute("PRAGMA page_count").fetchone()[0]
        page_size = self.connection.execute("PRAGMA page_size").fetchone()[0]
        if page_count * page_size > self.path.stat().st_size:
            raise DatabaseUnreadableError(self.path, "the file is incomplete (a truncated copy)")

        if "metadata" not in tables:
            raise SchemaError(self.path, "not a FAQ database (no metadata table)")
        metadata = {row["key"]: row["value"] for row in self.connection.execute("SELECT key, value FROM metadata")}
        try:
            version = int(metadata.get(schema.META_SCHEMA_VERSION, ""))
        except ValueError:
            raise SchemaError(self.path, "not a FAQ database (no schema version)") from None
        if version not in schema.READABLE_SCHEMA_VERSIONS:
            readable = ", ".join(str(number) for number in schema.READABLE_SCHEMA_VERSIONS)
            raise SchemaError(self.path, f"schema version {version} is not supported; this version reads {readable}")
        missing = [table for table in schema.REQUIRED_TABLES if table not in tables]
        if missing:
            raise SchemaError(self.path, f"not a FAQ database (missing tables: {', '.join(missing)})")

        return DatabaseInfo(
            schema_version=version,
            source_sha256=metadata.get(schema.META_SOURCE_SHA256, ""),
            source_names=metadata.get(schema.META_SOURCE_NAMES, ""),
            entry_count=int(metadata.get(schema.META_ENTRY_COUNT, "0")),
            topic_count=int(metadata.get(schema.META_TOPIC_COUNT, "0")),
            label=metadata.get(schema.META_LABEL, ""),
            builder=metadata.get(schema.META_BUILDER, ""),
        )

    # Queries

    def execute(self, sql: str, parameters: tuple | list = ()) -> sqlite3.Cursor:
        """Run a read query, turning SQLite faults of the file into DatabaseError."""
        try:
            return self.connection.execute(sql, parameters)
        except sqlite3.OperationalError as error:
            message = str(error)
            if "fts5: syntax error" in message or "no such column" in message:
                raise
            raise DatabaseUnreadableError(self.path, _describe_sqlite_error(error)) from error
        except sqlite3.DatabaseError as error:
            raise DatabaseUnreadableError(self.path, _describe_sqlite_error(error)) from error

    def _tuples(self, sql: str, parameters: tuple | list = ()) -> Iterator[tuple]:
        """Run a read query and yield plain tuples, which are faster to build than
        `sqlite3.Row` objects, one at a time, so a large result is never held whole."""
        cursor = self.execute(sql, parameters)
        cursor.row_factory = None
        try:
            yield from cursor
        except sqlite3.DatabaseError as error:
            raise DatabaseUnreadableError(self.path, _describe_sqlite_error(error)) from error

    def entry(self, entry_id: int) -> Entry | None:
        row = self.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        return self._entry_from_row(row)

    def entries(self, entry_ids: list[int], with_topics: bool = True) -> dict[int, Entry]:
        """Return the entries with the given ids, keyed by id; unknown ids are skipped.

        With `with_topics` False, `topic_paths` is left empty, which saves a query per
        entry when only the text is needed.
        """
        if not entry_ids:
            return {}
        placeholders = ", ".join("?" * len(entry_ids))
        rows = self.execute(f"SELECT * FROM entries WHERE id IN ({placeholders})", entry_ids).fetchall()
        paths = self.topic_paths_of([row["id"] for row in rows]) if with_topics else {}
        return {row["id"]: self._entry_from_row(row, paths.get(row["id"], ())) for row in rows}

    def topic_paths_of(self, entry_ids: list[int]) -> dict[int, tuple[tuple[str, ...], ...]]:
        """Return the topic paths of each entry, keyed by entry id, in one query."""
        if not entry_ids:
            return {}
        placeholders = ", ".join("?" * len(entry_ids))
        rows = self.execute(
            f"SELECT entry_id, topic_id FROM entry_topics WHERE entry_id IN ({placeholders}) ORDER BY entry_id, topic_id",
            entry_ids,
        ).fetchall()
        paths: dict[int, list[tuple[str, ...]]] = {}
        for row in rows:
            paths.setdefault(row["entry_id"], []).append(self._topic_path(row["topic_id"]))
        return {entry_id: tuple(entry_paths) for entry_id, entry_paths in paths.items()}

    def ids_by_title_length(self, entry_ids: list[int], limit: int) -> list[int]:
        """Return up to `limit` of the given entry ids, shortest title first."""
        if not entry_ids:
            return []
        placeholders = ", ".join("?" * len(entry_ids))
        rows = self.execute(
            f"SELECT id FROM entries WHERE id IN ({placeholders}) ORDER BY length(title), id LIMIT ?",
            [*entry_ids, limit],
        ).fetchall()
        return [row[0] for row in rows]

    def entry_by_key(self, key: str) -> Entry | None:
        row = self.execute("SELECT * FROM entries WHERE key = ? ORDER BY id LIMIT 1", (key,)).fetchone()
        return None if row is None else self._entry_from_row(row)

    def all_titles(self) -> list[tuple[int, str]]:
        return [(row["id"], row["title"]) for row in self.execute("SELECT id, title FROM entries ORDER BY id")]

    def _entry_from_row(self, row: sqlite3.Row, topic_paths: tuple[tuple[str, ...], ...] | None = None) -> Entry:
        if topic_paths is None:
            topic_paths = tuple(self.topic_paths(row["id"]))
        return Entry(
            id=row["id"],
            key=row["key"],
            title=row["title"],
            body=row["body"],
            is_fragment=bool(row["is_fragment"]),
            is_truncated=bool(row["is_truncated"]),
            source_name=row["source_name"],
            source_line=row["source_line"],
            topic_paths=topic_paths,
        )

    def topic_paths(self, entry_id: int) -> list[tuple[str, ...]]:
        """Return the path from the root to each topic that lists the entry."""
        rows = self.execute(
            "SELECT topic_id FROM entry_topics WHERE entry_id = ? ORDER BY topic_id", (entry_id,)
        ).fetchall()
        return [self._topic_path(row["topic_id"]) for row in rows]

    def _topic_path(self, topic_id: int) -> tuple[str, ...]:
        return tuple(topic.title for topic in self.topic_chain(topic_id))

    def topic_chain(self, topic_id: int) -> list[Topic]:
        """Return the topic and its ancestors, root first. Unknown ids end the chain,
        and a parent loop or a chain deeper than `topiccount.MAX_TOPIC_DEPTH` is cut."""
        index = self._topics
        return [index.by_id[chain_id] for chain_id in reversed(ancestor_ids(index.parents, topic_id))]

    @property
    def _topics(self) -> _TopicIndex:
        """Return every topic by id, the roots with children filled in, and the entry
        counts of each subtree, loading them on first use. The lock keeps a search
        thread and the window from building two trees at once. A topic's entries are
        not loaded: 100,000 of them took 0.2 s, and only a topic's page or branch of the
        tree needs them."""
        loaded = self.__dict__.get("_topics_loaded")
        if loaded is not None:
            return loaded
        with self._topics_lock:
            if "_topics_loaded" in self.__dict__:
                return self.__dict__["_topics_loaded"]

            topics = {
                topic_id: Topic(
                    id=topic_id,
                    parent_id=parent_id,
                    title=title,
                    position=position,
                    is_unassigned=bool(is_unassigned),
                )
                for topic_id, parent_id, title, position, is_unassigned in self._tuples(
                    "SELECT id, parent_id, title, position, is_unassigned FROM topics ORDER BY position, id"
                )
            }

            parents = {topic.id: topic.parent_id for topic in topics.values()}
            direct, subtree = self._read_topic_counts(parents)
            for topic_id, count in direct.items():
                if topic_id in topics:
                    topics[topic_id].entry_count = count

            roots: list[Topic] = []
            for topic in sorted(topics.values(), key=lambda item: (item.position, item.id)):
                parent = topics.get(topic.parent_id) if topic.parent_id is not None else None
                if parent is None:
                    roots.append(topic)
                else:
                    parent.children.append(topic)
            roots.sort(key=lambda item: (item.is_unassigned, item.position, item.id))

            loaded = _TopicIndex(topics, roots, parents, {topic_id: subtree.get(topic_id, 0) for topic_id in topics})
            self.__dict__["_topics_loaded"] = loaded
            return loaded

    def _read_topic_counts(self, parents: dict[int, int | None]) -> tuple[dict[int, int], dict[int, int]]:
        """Return the direct and subtree entry counts by topic id: stored at build time,
        or counted from entry_topics for a database built without them."""
        if self._has_table(schema.TOPIC_COUNTS):
            direct: dict[int, int] = {}
            subtree: dict[int, int] = {}
            for topic_id, entries, subtree_entries in self._tuples(
                f"SELECT topic_id, entries, subtree_entries FROM {schema.TOPIC_COUNTS}"
            ):
                direct[topic_id] = entries
                subtree[topic_id] = subtree_entries
            return direct, subtree

        log.info("%s has no stored topic counts, so they are counted from entry_topics", self.path)
        return topic_entry_counts(parents, self._tuples("SELECT entry_id, topic_id FROM entry_topics ORDER BY entry_id"))

    @property
    def _topics_by_id(self) -> dict[int, Topic]:
        return self._topics.by_id

    def topic_tree(self) -> list[Topic]:
        """Return the root topics, each with its children and entry count, in display order.

        The unassigned group comes last among the roots.
        """
        return list(self._topics.roots)

    def topic(self, topic_id: int) -> Topic | None:
        """Return the topic with its children filled in, or None."""
        return self._topics_by_id.get(topic_id)

    def topic_entry_counts(self) -> dict[int, int]:
        """Return the number of entries in each topic and its descendants, keyed by
        topic id. An entry listed under two topics of one subtree counts once there."""
        return self._topics.subtree_counts

    def topic_titles(self, topic_id: int) -> list[tuple[int, str, str]]:
        """Return (entry id, key, title) of the entries listed directly under the topic,
        in entry order."""
        return list(
            self._tuples(
                "SELECT entries.id, entries.key, entries.title FROM entry_topics"
                " JOIN entries ON entries.id = entry_topics.entry_id"
                " WHERE entry_topics.topic_id = ? ORDER BY entries.id",
                (topic_id,),
            )
        )

    def topic_entry_ids(self, topic_id: int) -> list[int]:
        """Return the ids of the entries listed directly under the topic, in entry order."""
        return [
            row[0]
            for row in self._tuples("SELECT entry_id FROM entry_topics WHERE topic_id = ? ORDER BY entry_id", (topic_id,))
        ]

    def topic_ids_of(self, entry_id: int) -> list[int]:
        """Return the ids of the topics that list the entry directly."""
        return [row[0] for row in self._tuples("SELECT topic_id FROM entry_topics WHERE entry_id = ?", (entry_id,))]

    def iter_topics(self) -> Iterator[Topic]:
        for root in self.topic_tree():
            yield from root.walk()

    # Search support

    @cached_property
    def segmenter(self) -> QuerySegmenter:
        prefixes = self._query_prefixes()
        total_row = self.execute(
            "SELECT value FROM metadata WHERE key = ?", (schema.META_JIEBA_TOTAL,)
        ).fetchone()
        total = int(total_row["value"]) if total_row else sum(prefixes.values())
        return QuerySegmenter(prefixes, total)

    def _query_prefixes(self) -> dict[str, int]:
        """Return the segmenter's prefix dictionary: the packed copy stored at build
        time, or one derived from the vocabulary for a database built without it."""
        row = None
        if self._has_table(schema.QUERY_DICTIONARY):
            row = self.execute(f"SELECT words, freqs FROM {schema.QUERY_DICTIONARY}").fetchone()

        if row is None:
            log.info("%s has no packed query dictionary, so it is derived from the vocabulary", self.path)
        else:
            try:
                return unpack_prefix_dictionary(row["words"], row["freqs"])
            except (TypeError, ValueError) as error:
                log.warning("%s: invalid packed query dictionary (%s), so it is derived from the vocabulary", self.path, error)
        return prefix_dictionary(dict(self._tuples("SELECT word, freq FROM vocabulary")))

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return frozenset(row["word"] for row in self.execute("SELECT word FROM stopwords"))

    @cached_property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """Return, for each word in a synonym group, the other words of its groups."""
        groups: dict[int, list[str]] = {}
        for row in self.execute("SELECT group_id, word FROM synonyms ORDER BY group_id, rowid"):
            groups.setdefault(row["group_id"], []).append(row["word"])
        result: dict[str, list[str]] = {}
        for words in groups.values():
            for word in words:
                others = result.setdefault(word, [])
                others.extend(other for other in words if other != word and other not in others)
        return {word: tuple(others) for word, others in result.items()}

    @cached_property
    def char_pinyin(self) -> dict[str, tuple[str, ...]]:
        return {row["char"]: tuple(row["syllables"].split()) for row in self.execute("SELECT * FROM char_pinyin")}

    @cached_property
    def pinyin_syllables(self) -> frozenset[str]:
        return frozenset(syllable for readings in self.char_pinyin.values() for syllable in readings)

    def words_for_pinyin(self, syllables: tuple[str, ...], limit: int = MAX_PINYIN_FORMS) -> list[str]:
        """Return the corpus character strings that the pinyin syllables spell, most
        frequent first.

        One syllable gives the characters with that reading. Several give the vocabulary
        words whose pinyin starts with the syllables, cut to their length: `kai piao`
        gives `开票` from both `开票` and `开票清单`.
        """
        if not syllables:
            return []
        if len(syllables) == 1:
            return sorted(char for char, readings in self.char_pinyin.items() if syllables[0] in readings)[:limit]

        prefix = " ".join(syllables)
        # The next syllable after the prefix starts after a space; "!" sorts right after it.
        rows = self.execute(
            "SELECT word, freq FROM vocabulary WHERE pinyin = ? OR (pinyin >= ? AND pinyin < ?)",
            (prefix, prefix + " ", prefix + "!"),
        ).fetchall()
        frequency: dict[str, int] = {}
        for row in rows:
            form = row["word"][: len(syllables)]
            frequency[form] = frequency.get(form, 0) + row["freq"]
        ranked = sorted(frequency, key=lambda form: (-frequency[form], form))
        return ranked[:limit]

    @cached_property
    def has_title_index(self) -> bool:
        """Return whether the database has the titles-only index, which databases
        built by earlier versions lack."""
        return self._has_table(schema.TITLES_FTS)

    def _has_table(self, name: str) -> bool:
        row = self.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    def warm_up(self) -> None:
        """Load what the first search needs: the segmenter, word lists, OpenCC and the
        compiled token patterns."""
        from helpapp.core.text import char_tokens, normalize

        self.segmenter.warm_up()
        _ = self.stopwords, self.synonyms, self.pinyin_syllables, self._topics_by_id, self.has_title_index
        char_tokens(normalize("預熱"))


def _describe_sqlite_error(error: sqlite3.Error) -> str:
    message = str(error)
    if "file is not a database" in message or "file is encrypted" in message:
        return "not an SQLite database, or the file is damaged"
    if "malformed" in message:
        return "the database file is damaged (database disk image is malformed)"
    if "locked" in message or "busy" in message:
        return "the database is locked by another program; close it and try again"
    if "unable to open" in message:
        return "cannot open the file; check that it exists and that you may read it"
    return message
