"""Links between entries: related questions and cross references in answer text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpapp.core.database import Entry, FaqDatabase
from helpapp.core.schema import fts_phrase
from helpapp.core.text import char_tokens, normalize

# Words of an entry used to look for related entries; more add little but cost time.
MAX_RELATED_WORDS = 32

# `请参见X`, `详见X`, `操作详情请查看X`: the reference runs to the next punctuation mark.
_REFERENCE_RE = re.compile(r"(?:请参见|请参考|请参阅|请查看|参见|详见)(?P<target>[^。，,；;！!？?\s“”\"()（）]+)")

_TARGET_SEPARATOR_RE = re.compile(r"和|与|及|、")

_TITLE_PUNCTUATION_RE = re.compile(r"[\s?？。.!！:：]+$")


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
    sharing the most words with it, each group by shared words, best first."""
    entry = db.entry(entry_id)
    if entry is None or limit <= 0:
        return []

    same_topic: set[int] = set()
    for topic in db.iter_topics():
        if entry_id in topic.entry_ids and not topic.is_unassigned:
            same_topic.update(topic.entry_ids)
    same_topic.discard(entry_id)

    words = []
    for word in db.segmenter.words(normalize(f"{entry.title} {entry.body}")):
        if len(word) >= 2 and word not in db.stopwords and word not in words:
            words.append(word)
    words = words[:MAX_RELATED_WORDS]

    positions: dict[int, int] = {}
    if words:
        expression = " OR ".join(fts_phrase(char_tokens(word)) for word in words)
        rows = db.execute(
            "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts), rowid LIMIT ?",
            (expression, limit * 4 + len(same_topic) + 1),
        ).fetchall()
        positions = {row[0]: position for position, row in enumerate(rows) if row[0] != entry_id}

    candidates = same_topic | set(positions)
    ordered = sorted(candidates, key=lambda other: (other not in same_topic, positions.get(other, len(positions)), other))
    found = db.entries(ordered[:limit])
    return [found[other] for other in ordered[:limit] if other in found]


def _plain_title(title: str) -> str:
    return _TITLE_PUNCTUATION_RE.sub("", normalize(title))


def cross_references(db: FaqDatabase, text: str) -> list[CrossReference]:
    """Find references such as `请参见管理客户关联关系` whose target is the title of an
    entry or a topic. References to unknown titles are left out."""
    entry_titles = {_plain_title(title): (entry_id, title) for entry_id, title in reversed(db.all_titles())}
    topic_titles = {_plain_title(topic.title): (topic.id, topic.title) for topic in db.iter_topics()}

    def resolve(start: int, end: int) -> CrossReference | None:
        key = _plain_title(text[start:end])
        if key in entry_titles:
            target_id, title = entry_titles[key]
            return CrossReference(start, end, "entry", target_id, title)
        if key in topic_titles:
            target_id, title = topic_titles[key]
            return CrossReference(start, end, "topic", target_id, title)
        return None

    references = []
    for match in _REFERENCE_RE.finditer(text):
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
