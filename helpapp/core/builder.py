"""Write faq.db from parsed export entries.

The database is written to a temporary file beside the target and renamed into
place, so an interrupted build leaves the previous database as it was. The same
input gives a byte-identical file: nothing in it depends on the clock, the machine
or the order of a hash set.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from helpapp import __version__
from helpapp.core import schema
from helpapp.core.export import UNASSIGNED_TOPIC, Entry, ParseResult
from helpapp.core.indexer import index_entries, word_pinyin
from helpapp.core.segment import BuildSegmenter, discover_terms, pack_prefix_dictionary, prefix_dictionary
from helpapp.core.text import CJK_CHAR_PATTERN, cjk_char_re, normalize, title_key
from helpapp.core.topiccount import topic_entry_counts

log = logging.getLogger(__name__)

_TEMP_NAME_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.tmp$")
CJK_WORD_RE = re.compile(f"(?:{CJK_CHAR_PATTERN})+")


class BuildError(Exception):
    """The database cannot be written; the message names the file."""


@dataclass(frozen=True)
class WordLists:
    """The maintainer-edited word lists that go into the database."""

    domain_words: tuple[str, ...]
    synonym_groups: tuple[tuple[str, ...], ...]
    stopwords: tuple[str, ...]


def read_word_list(path: Path) -> list[str]:
    """Read one word per line, skipping blank lines and `#` comments."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(normalize(line))
    return words


def read_synonym_groups(path: Path) -> list[tuple[str, ...]]:
    """Read synonym groups: one group per line, words separated by spaces or `/`."""
    groups = []
    for line in read_word_list(path):
        words = tuple(dict.fromkeys(word for word in re.split(r"[\s/]+", line) if word))
        if len(words) >= 2:
            groups.append(words)
    return groups


def load_word_lists(resources: Path) -> WordLists:
    return WordLists(
        domain_words=tuple(read_word_list(resources / "domain-words.txt")),
        synonym_groups=tuple(read_synonym_groups(resources / "synonyms.txt")),
        stopwords=tuple(read_word_list(resources / "stopwords.txt")),
    )


def source_hash(paths: Sequence[Path]) -> str:
    """Hash the export files in the order given."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _char_readings(chars: Iterable[str]) -> dict[str, str]:
    """Return every toneless reading of each CJK character, space-separated."""
    from pypinyin import Style, pinyin

    readings = {}
    for char in chars:
        options = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
        if options and options[0]:
            readings[char] = " ".join(sorted(set(options[0])))
    return readings


def _topic_rows(entries: Sequence[Entry]) -> tuple[list[dict], dict[tuple[str, ...], int]]:
    """Number the topics in order of first appearance, with the unassigned group last."""
    ids: dict[tuple[str, ...], int] = {}
    rows: list[dict] = []
    positions: dict[int | None, int] = {}

    def add(path: tuple[str, ...], is_unassigned: bool = False) -> int:
        if path in ids:
            return ids[path]
        parent_id = add(path[:-1]) if len(path) > 1 else None
        topic_id = len(rows) + 1
        position = positions.get(parent_id, 0)
        positions[parent_id] = position + 1
        rows.append(
            {
                "id": topic_id,
                "parent_id": parent_id,
                "title": path[-1],
                "position": position,
                "is_unassigned": int(is_unassigned),
            }
        )
        ids[path] = topic_id
        return topic_id

    for entry in entries:
        for path in entry.topic_paths:
            add(path)
    if any(not entry.topic_paths for entry in entries):
        add((UNASSIGNED_TOPIC,), is_unassigned=True)
    return rows, ids


def _remove_stale_temp_files(target: Path) -> None:
    """Remove temp files that builds killed mid-write left beside `target`."""
    for candidate in target.parent.glob(f".{target.name}.*.tmp"):
        match = _TEMP_NAME_RE.match(candidate.name)
        if match is None or match.group("name") != target.name:
            continue
        pid = int(match.group("pid"))
        if pid != os.getpid() and _process_exists(pid):
            continue
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
            log.info("removed stale temp file %s", candidate)


def _process_exists(pid: int) -> bool:
    if os.name == "nt":
        # NOTE: Windows has no cheap liveness check, so every temp file counts as stale
        # there. Two concurrent builds of the same target can then disturb each other.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def build_database(
    result: ParseResult,
    sources: Sequence[Path],
    output: Path,
    word_lists: WordLists,
    label: str = "",
) -> None:
    """Write the database for `result` to `output`, atomically."""
    output = output.resolve()
    if output.is_dir():
        raise BuildError(f"{output}: is a directory; give the path of the database file")
    if not output.parent.is_dir():
        raise BuildError(f"{output.parent}: folder not found")

    _remove_stale_temp_files(output)
    temp_path = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        _write(temp_path, result, sources, word_lists, label)
        with open(temp_path, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp_path, output)
    except sqlite3.Error as error:
        raise BuildError(f"{output}: writing the database failed: {error}") from error
    except OSError as error:
        raise BuildError(f"{output}: writing the database failed: {error.strerror or error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()
    log.info("wrote %s with %d entries", output, len(result.entries))


def _write(path: Path, result: ParseResult, sources: Sequence[Path], word_lists: WordLists, label: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()

    entries = result.entries
    discovered = discover_terms(entry.body for entry in entries)
    synonym_words = [word for group in word_lists.synonym_groups for word in group]
    segmenter = BuildSegmenter([*word_lists.domain_words, *discovered, *synonym_words])

    topic_rows, topic_ids = _topic_rows(entries)
    unassigned_id = topic_ids.get((UNASSIGNED_TOPIC,))

    extra_words = [*word_lists.domain_words, *discovered, *synonym_words]
    indexed = index_entries([(entry.title, entry.body) for entry in entries], segmenter, extra_words)

    entry_rows = []
    link_rows = []
    for entry_id, entry in enumerate(entries, start=1):
        entry_rows.append(
            {
                "id": entry_id,
                "key": title_key(entry.title),
                "title": entry.title,
                "body": entry.body,
                "is_fragment": int(entry.is_fragment),
                "is_truncated": int(entry.is_truncated),
                "source_name": entry.source_name,
                "source_line": entry.source_line,
            }
        )
        if entry.topic_paths:
            topic_list = [topic_ids[path] for path in entry.topic_paths]
        else:
            topic_list = [unassigned_id]
        for topic_id in topic_list:
            link_rows.append({"entry_id": entry_id, "topic_id": topic_id})
    fts_rows = [(entry_id, *row) for entry_id, row in enumerate(indexed.rows, start=1)]

    # Query words the user may type must segment as they do in the index.
    query_words = [
        word for listed in (*word_lists.stopwords, *synonym_words) for word in segmenter.words(listed)
    ]
    vocabulary = segmenter.vocabulary(
        sorted({*indexed.words, *query_words, *extra_words, *word_lists.stopwords})
    )
    # Readings of the characters of the text and of every vocabulary word: the word
    # lists add words such as 解绑 whose characters the export may not contain.
    cjk_chars = indexed.cjk_chars | {char for word in vocabulary for char in cjk_char_re().findall(word)}
    pinyin_by_word = word_pinyin([word for word in sorted(vocabulary) if CJK_WORD_RE.fullmatch(word)])

    metadata = {
        schema.META_SCHEMA_VERSION: str(schema.SCHEMA_VERSION),
        schema.META_SOURCE_SHA256: source_hash(sources),
        schema.META_SOURCE_NAMES: ", ".join(path.name for path in sources),
        schema.META_ENTRY_COUNT: str(len(entries)),
        schema.META_TOPIC_COUNT: str(len(topic_rows)),
        schema.META_LABEL: label,
        schema.META_JIEBA_TOTAL: str(segmenter.total),
        schema.META_BUILDER: f"helpapp {__version__}",
    }

    db = sqlite_utils.Database(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        with db.conn:
            db["metadata"].insert_all(
                ({"key": key, "value": value} for key, value in sorted(metadata.items())), pk="key"
            )
            db["topics"].create(
                {"id": int, "parent_id": int, "title": str, "position": int, "is_unassigned": int},
                pk="id",
                not_null={"title", "position", "is_unassigned"},
                foreign_keys=[("parent_id", "topics", "id")],
            )
            db["topics"].insert_all(topic_rows)
            db["entries"].create(
                {
                    "id": int,
                    "key": str,
                    "title": str,
                    "body": str,
                    "is_fragment": int,
                    "is_truncated": int,
                    "source_name": str,
                    "source_line": int,
                },
                pk="id",
                not_null={"key", "title", "body", "is_fragment", "is_truncated", "source_name", "source_line"},
            )
            db["entries"].insert_all(entry_rows)
            db["entries"].create_index(["key"])
            db.execute(
                "CREATE TABLE entry_topics ("
                "entry_id INTEGER NOT NULL REFERENCES entries(id), "
                "topic_id INTEGER NOT NULL REFERENCES topics(id), "
                "PRIMARY KEY (entry_id, topic_id)) WITHOUT ROWID"
            )
            db["entry_topics"].insert_all(link_rows)
            db["entry_topics"].create_index(["topic_id"])
            db.execute(schema.CREATE_TOPIC_COUNTS)
            db.conn.executemany(
                f"INSERT INTO {schema.TOPIC_COUNTS}(topic_id, entries, subtree_entries) VALUES (?, ?, ?)",
                _topic_count_rows(topic_rows, link_rows),
            )
            # WITHOUT ROWID tables keyed by text store each key once, not again in an index.
            # Keyed by pinyin first, so a pinyin query finds its words with a range scan
            # of the primary key. Words that are not all CJK have the pinyin ''.
            db.execute(
                "CREATE TABLE vocabulary (pinyin TEXT NOT NULL, word TEXT NOT NULL, freq INTEGER NOT NULL, "
                "PRIMARY KEY (pinyin, word)) WITHOUT ROWID"
            )
            db["vocabulary"].insert_all(
                {"pinyin": pinyin_by_word.get(word, ""), "word": word, "freq": freq}
                for word, freq in sorted(vocabulary.items())
            )
            db.execute(schema.CREATE_QUERY_DICTIONARY)
            db.execute(
                f"INSERT INTO {schema.QUERY_DICTIONARY}(id, words, freqs) VALUES (1, ?, ?)",
                pack_prefix_dictionary(prefix_dictionary(vocabulary)),
            )
            db.execute("CREATE TABLE char_pinyin (char TEXT PRIMARY KEY, syllables TEXT NOT NULL) WITHOUT ROWID")
            db["char_pinyin"].insert_all(
                {"char": char, "syllables": syllables} for char, syllables in sorted(_char_readings(cjk_chars).items())
            )
            db["synonyms"].create({"group_id": int, "word": str}, pk=("group_id", "word"))
            db["synonyms"].insert_all(
                {"group_id": group_id, "word": word}
                for group_id, group in enumerate(word_lists.synonym_groups, start=1)
                for word in group
            )
            db["stopwords"].create({"word": str}, pk="word")
            db["stopwords"].insert_all({"word": word} for word in sorted(set(word_lists.stopwords)))

            db.execute(schema.CREATE_FTS)
            placeholders = ", ".join("?" * (len(schema.FTS_COLUMNS) + 1))
            db.conn.executemany(
                f"INSERT INTO entries_fts(rowid, {', '.join(schema.FTS_COLUMNS)}) VALUES ({placeholders})",
                fts_rows,
            )
            db.execute("INSERT INTO entries_fts(entries_fts) VALUES ('optimize')")

            db.execute(schema.CREATE_TITLES_FTS)
            db.conn.executemany(
                f"INSERT INTO {schema.TITLES_FTS}(rowid, title_chars) VALUES (?, ?)",
                ((entry_id, title_chars) for entry_id, title_chars, _body_chars in fts_rows),
            )
            db.execute(f"INSERT INTO {schema.TITLES_FTS}({schema.TITLES_FTS}) VALUES ('optimize')")
        db.execute("VACUUM")
    finally:
        db.close()


def _topic_count_rows(topic_rows: list[dict], link_rows: list[dict]) -> list[tuple[int, int, int]]:
    """Return (topic id, direct entries, subtree entries) for every topic."""
    parents = {row["id"]: row["parent_id"] for row in topic_rows}
    direct, subtree = topic_entry_counts(parents, ((row["entry_id"], row["topic_id"]) for row in link_rows))
    return [(topic_id, direct[topic_id], subtree[topic_id]) for topic_id in sorted(parents)]
