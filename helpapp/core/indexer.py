"""Turn entries into FTS5 index text and the corpus vocabulary, in parallel for large
exports.

Segmenting with jieba dominates the build. Large exports are split into chunks that a
process pool segments on every core. Small ones are segmented in this process, because
starting workers would cost more than it saves. Results come back in entry order, so
the database stays byte-identical whatever the number of workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from helpapp.core.segment import BuildSegmenter
from helpapp.core.text import char_tokens, cjk_char_re, normalize

log = logging.getLogger(__name__)

# Exports with fewer entries are indexed in this process.
PARALLEL_MIN_ENTRIES = 2_000

CHUNK_ENTRIES = 500

# (title_chars, body_chars), each a space-separated token list.
IndexRow = tuple[str, str]


@dataclass
class IndexResult:
    rows: list[IndexRow]
    words: set[str]
    cjk_chars: set[str]


_worker_segmenter: BuildSegmenter | None = None


def _init_worker(extra_words: Sequence[str]) -> None:
    global _worker_segmenter
    _worker_segmenter = BuildSegmenter(extra_words)


def _index_texts(segmenter: BuildSegmenter, texts: Iterable[tuple[str, str]]) -> IndexResult:
    result = IndexResult(rows=[], words=set(), cjk_chars=set())
    for raw_title, raw_body in texts:
        title = normalize(raw_title)
        body = normalize(raw_body)
        result.words.update(segmenter.search_words(title))
        result.words.update(segmenter.search_words(body))
        result.cjk_chars.update(cjk_char_re().findall(title))
        result.cjk_chars.update(cjk_char_re().findall(body))
        result.rows.append((" ".join(char_tokens(title)), " ".join(char_tokens(body))))
    return result


def _index_chunk(texts: list[tuple[str, str]]) -> IndexResult:
    assert _worker_segmenter is not None, "worker started without _init_worker"
    return _index_texts(_worker_segmenter, texts)


def worker_count(entries: int) -> int:
    """Return how many worker processes to use for an export of `entries` entries."""
    if entries < PARALLEL_MIN_ENTRIES:
        return 0
    return min(os.cpu_count() or 1, 8)


def index_entries(
    texts: Sequence[tuple[str, str]], segmenter: BuildSegmenter, extra_words: Sequence[str]
) -> IndexResult:
    """Index (title, body) pairs in order; `extra_words` are the domain words that
    every worker adds to its dictionary, as `segmenter` did."""
    workers = worker_count(len(texts))
    if workers <= 1:
        return _index_texts(segmenter, texts)

    chunks = [list(texts[start : start + CHUNK_ENTRIES]) for start in range(0, len(texts), CHUNK_ENTRIES)]
    log.info("segmenting %d entries in %d chunks on %d processes", len(texts), len(chunks), workers)
    merged = IndexResult(rows=[], words=set(), cjk_chars=set())
    with multiprocessing.get_context().Pool(workers, initializer=_init_worker, initargs=(list(extra_words),)) as pool:
        for part in pool.imap(_index_chunk, chunks):
            merged.rows.extend(part.rows)
            merged.words.update(part.words)
            merged.cjk_chars.update(part.cjk_chars)
    return merged


def _pinyin_chunk(words: list[str]) -> dict[str, str]:
    from pypinyin import Style, lazy_pinyin

    readings = {}
    for word in words:
        syllables = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if len(syllables) == len(word):
            readings[word] = " ".join(syllables)
    return readings


def word_pinyin(words: Sequence[str]) -> dict[str, str]:
    """Return the toneless pinyin of each word, one syllable per character, with
    readings chosen in the context of the word (pypinyin's phrase dictionary)."""
    workers = worker_count(len(words) // 10)
    if workers <= 1:
        return _pinyin_chunk(list(words))

    size = len(words) // workers + 1
    chunks = [list(words[start : start + size]) for start in range(0, len(words), size)]
    readings: dict[str, str] = {}
    with multiprocessing.get_context().Pool(workers) as pool:
        for part in pool.map(_pinyin_chunk, chunks):
            readings.update(part)
    return readings
