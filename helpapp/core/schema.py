"""The layout of faq.db, shared by the builder and the reader."""

from __future__ import annotations

# Bump when a reader of the previous layout would misread a new database.
SCHEMA_VERSION = 1

# Schema versions this version of the app reads.
READABLE_SCHEMA_VERSIONS = (1,)

REQUIRED_TABLES = (
    "metadata",
    "entries",
    "topics",
    "entry_topics",
    "vocabulary",
    "char_pinyin",
    "synonyms",
    "stopwords",
    "entries_fts",
)

# The FTS5 index is contentless: the tokens exist only as index terms, and the
# original text for display lives in `entries`. Its rowid is the entry id. Each CJK
# character is one token and each run of letters or digits another, so a phrase of
# characters matches any substring, including parts of longer words, and `12` does not
# match `123`. jieba's words are not indexed: queries are segmented with the corpus
# vocabulary that jieba produced (table `vocabulary`), and every word becomes a phrase
# of characters. A words column would add about 40 % to the index without changing any
# ranking (see docs/benchmarks.md). Pinyin is not indexed either: the vocabulary maps
# pinyin to the corpus words it spells.
FTS_COLUMNS = ("title_chars", "body_chars")

def fts_phrase(tokens: list[str]) -> str:
    """Quote index tokens as one FTS5 phrase, so no query text is read as FTS5 syntax."""
    return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'


CREATE_FTS = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    + ", ".join(FTS_COLUMNS)
    + ", content='', tokenize='unicode61 remove_diacritics 0')"
)

# A second contentless index contains the titles alone, with the same tokens and
# rowids. Title queries (suggestions, closest titles, title-first ordering of large
# match sets) read its short posting lists instead of filtering those of entries_fts
# by column, which reads the body positions of common characters too. The table is
# optional: for a database built without it, the reader falls back to the column filter.
TITLES_FTS = "titles_fts"

CREATE_TITLES_FTS = (
    f"CREATE VIRTUAL TABLE {TITLES_FTS} USING fts5(title_chars, content='', tokenize='unicode61 remove_diacritics 0')"
)

# The number of entries under each topic, computed at build time: `entries` counts
# those listed directly under the topic, `subtree_entries` the distinct entries under
# the topic and its descendants. The window's topic tree shows them at start, and
# counting them from entry_topics takes about 0.1 s at 100,000 entries. The table is optional:
# for a database built without it, the reader counts from entry_topics.
TOPIC_COUNTS = "topic_counts"

CREATE_TOPIC_COUNTS = (
    f"CREATE TABLE {TOPIC_COUNTS} (topic_id INTEGER PRIMARY KEY REFERENCES topics(id),"
    " entries INTEGER NOT NULL, subtree_entries INTEGER NOT NULL)"
)

# The query segmenter's prefix dictionary (segment.pack_prefix_dictionary) in one row:
# reading the vocabulary row by row and deriving the prefixes took about 0.2 s at
# 50,000 words. Optional: for a database built without it, the reader derives it.
QUERY_DICTIONARY = "query_dictionary"

CREATE_QUERY_DICTIONARY = (
    f"CREATE TABLE {QUERY_DICTIONARY} (id INTEGER PRIMARY KEY CHECK (id = 1), words TEXT NOT NULL, freqs BLOB NOT NULL)"
)

# Keys of the metadata table.
META_SCHEMA_VERSION = "schema_version"
META_SOURCE_SHA256 = "source_sha256"
META_SOURCE_NAMES = "source_names"
META_ENTRY_COUNT = "entry_count"
META_TOPIC_COUNT = "topic_count"
META_LABEL = "label"
META_JIEBA_TOTAL = "jieba_total"
META_BUILDER = "builder"
