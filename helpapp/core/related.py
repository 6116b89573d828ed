"""Links between entries: related questions and cross references in answer text.

Both run on the GUI thread when an answer opens, so neither reads every entry. A
cross reference finds its target entry through the indexed `entries.key`, the hash
of the normalised title (`title_key`). Related questions are ranked in Python over a
bounded set of candidates, because FTS5's bm25() counts every match of every phrase,
which is slow once common words match most entries.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from helpapp.core.database import Entry, FaqDatabase
from helpapp.core.text import char_tokens, normalize, title_key

# Words of an entry used to look for related entries; more add little but cost time.
MAX_RELATED_WORDS = 32

# Entries of the source's own topics that are ranked: the nearest ones in export order.
MAX_SAME_TOPIC_CANDIDATES = 40

# Entries up to this many places before or after the source in export order are
# ranked by shared words. The export lists the questions of one product section
# together, so its neighbours are the likeliest related entries.
NEIGHBOUR_WINDOW = 50

# The constants of FTS5's bm25(): with every entry as a candidate, _bm25_scores
# returns the scores of bm25() in SQLite 3.40 with the sign flipped.
BM25_K1 = 1.2
BM25_B = 0.75
BM25_MIN_IDF = 1e-6

# `请参见X`, `详见X`, `操作详情请查看X`: the reference runs to the next punctuation mark.
_REFERENCE_RE = re.compile(r"(?:请参见|请参考|请参阅|请查看|参见|详见)(?P<target>[^。，,；;！!？?\s“”\"()（）]+)")

_TARGET_SEPARATOR_RE = re.compile(r"和|与|及|、")

_TITLE_PUNCTUATION_RE = re.compile(r"[\s?？。.!！:：]+$")

# What may follow the words of a title in the export: the parser ends a question title
# at its first `?` (NFKC turns `？` into `?`), and a noun-phrase title has no ending.
_TITLE_ENDINGS = ("", "?")


@dataclass(frozen=True)
class CrossReference:
    """A span of answer text that names another entry or topic."""

    start: int
    end: int
    kind: str  # "entry" or "topic"
    target_id: int
    title: str


def related_entries(db: FaqDatabase, entry_id: int, limit: int = 5) -> list[Entry]:
    """Return entries related to `entry_id`: those in the same topic first, then those
    sharing words with it, each group ranked by bm25 over the shared words, best first.

    Only a bounded set of candidates is ranked: up to MAX_SAME_TOPIC_CANDIDATES of the
    same topic and, when those are fewer than `limit`, the entries within
    NEIGHBOUR_WINDOW places of the source. Where the candidates are all entries of the
    database, the scores equal those of FTS5's bm25().
    """
    # NOTE: an entry that shares rare words with the source but sits far from it in
    # export order is not found unless it is in the same topic.
    entry = db.entry(entry_id)
    if entry is None or limit <= 0:
        return []

    same_topic = _same_topic_ids(db, entry_id)
    words = _content_words(db, entry)

    # The source itself counts in the word frequencies, as it does in bm25().
    candidates = [entry_id, *_nearest(same_topic, entry_id, MAX_SAME_TOPIC_CANDIDATES)]
    if len(candidates) <= limit:
        neighbours = range(entry_id - NEIGHBOUR_WINDOW, entry_id + NEIGHBOUR_WINDOW + 1)
        candidates.extend(other for other in neighbours if other != entry_id and other not in same_topic)
    scores = _bm25_scores(words, db.entries(candidates, with_topics=False))

    related = [other for other in scores if other != entry_id and (other in same_topic or scores[other] > 0)]
    ranked = sorted(related, key=lambda other: (other not in same_topic, -scores[other], other))
    found = db.entries(ranked[:limit])
    return [found[other] for other in ranked[:limit] if other in found]


def _same_topic_ids(db: FaqDatabase, entry_id: int) -> set[int]:
    """Return the ids of the other entries listed directly under the entry's topics,
    apart from the group of unassigned entries."""
    same_topic: set[int] = set()
    for topic_id in db.topic_ids_of(entry_id):
        topic = db.topic(topic_id)
        if topic is not None and not topic.is_unassigned:
            same_topic.update(db.topic_entry_ids(topic.id))
    same_topic.discard(entry_id)
    return same_topic


def _content_words(db: FaqDatabase, entry: Entry) -> list[str]:
    """Return the distinct words of the entry's title and body, title first, without
    stopwords, single characters and words without index tokens."""
    words: list[str] = []
    for word in db.segmenter.words(normalize(f"{entry.title} {entry.body}")):
        if len(word) >= 2 and word not in db.stopwords and word not in words and char_tokens(word):
            words.append(word)
    return words[:MAX_RELATED_WORDS]


def _nearest(entry_ids: set[int], entry_id: int, count: int) -> list[int]:
    """Return up to `count` of `entry_ids`, nearest to `entry_id` first."""
    return sorted(entry_ids, key=lambda other: (abs(other - entry_id), other))[:count]


def _token_text(text: str) -> tuple[str, int]:
    """Return the index tokens of `text` between single spaces, with a space at each
    end, and the number of tokens."""
    tokens = char_tokens(normalize(text))
    return " " + " ".join(tokens) + " ", len(tokens)


def _count_overlapping(text: str, phrase: str) -> int:
    """Count the occurrences of `phrase` in `text`, overlapping ones included, as FTS5
    counts phrase matches. str.count would miss the second of two adjacent matches,
    because both contain the space between them."""
    count = 0
    start = text.find(phrase)
    while start >= 0:
        count += 1
        start = text.find(phrase, start + 1)
    return count


def _bm25_scores(words: list[str], candidates: dict[int, Entry]) -> dict[int, float]:
    """Score each candidate by the words it shares with the source. A larger score is
    a better match.

    The formula is that of FTS5's bm25() with equal column weights, but the word
    frequencies and the mean length come from the candidates alone. A word matches
    as an FTS5 phrase does: as a run of whole tokens within the title or the body.
    """
    if not candidates:
        return {}

    phrases = [_token_text(word)[0] for word in words]
    lengths: dict[int, int] = {}
    frequencies: dict[int, list[int]] = {}
    for other, entry in candidates.items():
        title, title_length = _token_text(entry.title)
        body, body_length = _token_text(entry.body)
        # Two spaces between title and body, so that no phrase matches across them.
        text = title + body
        lengths[other] = title_length + body_length
        frequencies[other] = [_count_overlapping(text, phrase) for phrase in phrases]

    count = len(candidates)
    mean_length = max(sum(lengths.values()) / count, 1.0)
    weights = []
    for index in range(len(phrases)):
        matching = sum(1 for found in frequencies.values() if found[index])
        weights.append(max(math.log((count - matching + 0.5) / (matching + 0.5)), BM25_MIN_IDF))

    scores = {}
    for other, found in frequencies.items():
        saturation = BM25_K1 * (1 - BM25_B + BM25_B * lengths[other] / mean_length)
        scores[other] = sum(
            weight * frequency * (BM25_K1 + 1) / (frequency + saturation)
            for weight, frequency in zip(weights, found)
            if frequency
        )
    return scores


def _plain_title(title: str) -> str:
    return _TITLE_PUNCTUATION_RE.sub("", normalize(title))


def _entry_named(db: FaqDatabase, target: str) -> tuple[int, str] | None:
    """Return the id and title of the entry that the reference text `target` names,
    the lowest id where several entries have that title.

    The lookup goes through the indexed `entries.key`: the keys of `target` as written
    and without its closing punctuation, each with and without a `?`.
    """
    plain = _plain_title(target)
    written = normalize(target)
    keys = list(dict.fromkeys(title_key(stem + ending) for stem in (written, plain) for ending in _TITLE_ENDINGS))
    placeholders = ", ".join("?" * len(keys))
    rows = db.execute(f"SELECT id, title FROM entries WHERE key IN ({placeholders}) ORDER BY id", keys).fetchall()
    for row in rows:
        # The hash is cut to 16 hex digits, so compare the titles themselves.
        if _plain_title(row["title"]) == plain:
            return row["id"], row["title"]
    return None


def _topic_titles(db: FaqDatabase) -> dict[str, tuple[int, str]]:
    """Return the id and title of each topic keyed by its plain title, the last topic
    in tree order where several have it."""
    return {_plain_title(topic.title): (topic.id, topic.title) for topic in db.iter_topics()}


def cross_references(db: FaqDatabase, text: str) -> list[CrossReference]:
    """Find references such as `请参见管理客户关联关系` whose target is the title of an
    entry or a topic. References to unknown titles are left out. An entry title wins
    over a topic title, and the lowest entry id over other entries with that title."""
    matches = list(_REFERENCE_RE.finditer(text))
    if not matches:
        return []

    topic_titles = _topic_titles(db)

    def resolve(start: int, end: int) -> CrossReference | None:
        key = _plain_title(text[start:end])
        entry = _entry_named(db, text[start:end])
        if entry is not None:
            return CrossReference(start, end, "entry", entry[0], entry[1])
        if key in topic_titles:
            target_id, title = topic_titles[key]
            return CrossReference(start, end, "topic", target_id, title)
        return None

    references = []
    for match in matches:
        whole = resolve(match.start("target"), match.end("target"))
        if whole is not None:
            references.append(whole)
            continue

        # Several targets in one reference: `请参见向华为云索取发票和向云商店服务商索取发票`.
        position = match.start("target")
        for piece in _TARGET_SEPARATOR_RE.split(match.group("target")):
            start = position
            position += len(piece)
            reference = resolve(start, position) if piece else None
            if reference is not None:
                references.append(reference)
            position += 1
    return references
