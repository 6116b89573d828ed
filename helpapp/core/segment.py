"""Chinese word segmentation with jieba.

The builder segments with jieba's full dictionary plus the domain words. The app
never loads that dictionary, which takes most of a second and tens of megabytes:
the builder stores the vocabulary it saw, with jieba's frequencies, in the database,
and `QuerySegmenter` builds a small jieba tokenizer from it. The builder also stores
that tokenizer's prefix dictionary packed in one row, which loads in a few
milliseconds instead of reading the vocabulary row by row and deriving the prefixes.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import sys
import threading
from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

log = logging.getLogger(__name__)

_WORD_CHAR_RE = re.compile(r"\w")

# Quoted labels (“开票清单”) and breadcrumb steps (销售 > 激励 > 激励管理) name the
# screens and terms of the partner centre: good candidates for whole words.
# Compiled by discover_terms, which only the build calls: each takes about 5 ms to compile.
_QUOTED_TERM_PATTERN = r"[“「【]([\u4e00-\u9fffA-Za-z0-9]{2,8})[”」】]"
_BREADCRUMB_PATTERN = r"(?:^|[“\s])([\u4e00-\u9fff]{2,8})\s*>\s*([\u4e00-\u9fff]{2,8})"


@functools.cache
def _jieba():
    """Import jieba on first use, without pkg_resources.

    jieba 0.42.1 imports pkg_resources only to open its bundled data files, and falls
    back to opening them next to its own modules when that import fails. On the
    benchmark machine, pkg_resources took about 0.3 s of jieba's 0.36 s, so it is
    kept out while jieba loads, unless another module has already imported it.
    """
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]

    # jieba logs its dictionary loading at DEBUG on its own stderr handler.
    jieba.setLogLevel(logging.WARNING)
    return jieba


def user_cache_dir() -> Path:
    """Return the per-user cache folder for jieba's dictionary cache."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "helpapp" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "helpapp"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "helpapp"


def discover_terms(texts: Iterable[str]) -> list[str]:
    """Find domain terms in the corpus: quoted labels and breadcrumb steps."""
    quoted_term_re = re.compile(_QUOTED_TERM_PATTERN)
    breadcrumb_re = re.compile(_BREADCRUMB_PATTERN)

    terms: set[str] = set()
    for text in texts:
        terms.update(quoted_term_re.findall(text))
        for first, second in breadcrumb_re.findall(text):
            terms.add(first)
            terms.add(second)
    return sorted(terms)


def is_word(token: str) -> bool:
    return _WORD_CHAR_RE.search(token) is not None


@functools.cache
def _default_dictionary() -> tuple[dict[str, int], int]:
    """Load jieba's default dictionary once per process; builders copy it."""
    tokenizer = _jieba().Tokenizer()
    cache_dir = user_cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)
    # By default jieba writes its cache to the shared temp folder, where another user
    # could replace it.
    tokenizer.tmp_dir = str(cache_dir)
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


class BuildSegmenter:
    """jieba with its full dictionary and the domain words, for building the index."""

    def __init__(self, domain_words: Iterable[str]) -> None:
        base_freq, base_total = _default_dictionary()
        self.tokenizer = _jieba().Tokenizer()
        self.tokenizer.FREQ = dict(base_freq)
        self.tokenizer.total = base_total
        self.tokenizer.initialized = True

        for word in domain_words:
            self.tokenizer.add_word(word)

    def search_words(self, normalized: str) -> list[str]:
        """Segment in jieba's search mode: whole words plus their dictionary sub-words."""
        return [token for token in self.tokenizer.cut_for_search(normalized, HMM=False) if is_word(token)]

    def words(self, normalized: str) -> list[str]:
        return [token for token in self.tokenizer.cut(normalized, HMM=False) if is_word(token)]

    def vocabulary(self, words: Iterable[str]) -> dict[str, int]:
        """Return the words of two or more characters with jieba's frequency for each."""
        freq = self.tokenizer.FREQ
        vocabulary: dict[str, int] = {}
        for word in words:
            if len(word) < 2 or not is_word(word) or word in vocabulary:
                continue
            count = freq.get(word) or self.tokenizer.suggest_freq(word) or 1
            vocabulary[word] = int(count)
        return vocabulary

    @property
    def total(self) -> int:
        return int(self.tokenizer.total)


def prefix_dictionary(vocabulary: Mapping[str, int]) -> dict[str, int]:
    """Return jieba's prefix dictionary for `vocabulary`: each word with its frequency,
    and each proper prefix of a word with 0 unless it is a word itself.

    This is what `jieba.Tokenizer.gen_pfdict` builds from a dictionary file, without
    writing and parsing the text of one: three times faster for 50,000 words.
    """
    prefixes: dict[str, int] = {}
    for word, count in vocabulary.items():
        prefixes[word] = count
        for end in range(1, len(word)):
            prefixes.setdefault(word[:end], 0)
    return prefixes


# Packed prefix dictionaries separate their words with a newline, which normalised text
# never contains, and store the frequencies as little-endian unsigned 32-bit integers.
# Array type "I" is a C unsigned int: 4 bytes with the usual Windows, macOS and Linux
# compilers. Elsewhere the lengths would not match, and the reader derives the dictionary.
_PACKED_WORD_SEPARATOR = "\n"
_PACKED_FREQ_TYPE = "I"


def pack_prefix_dictionary(prefixes: Mapping[str, int]) -> tuple[str, bytes]:
    """Return the words of a prefix dictionary in word order, joined by newlines, and
    their frequencies as little-endian 32-bit integers."""
    words = sorted(word for word in prefixes if _PACKED_WORD_SEPARATOR not in word)
    freqs = array(_PACKED_FREQ_TYPE, (min(prefixes[word], 2**32 - 1) for word in words))
    if sys.byteorder == "big":
        freqs.byteswap()
    return _PACKED_WORD_SEPARATOR.join(words), freqs.tobytes()


def unpack_prefix_dictionary(words: str, freqs: bytes) -> dict[str, int]:
    """Return the prefix dictionary that `pack_prefix_dictionary` packed. Raise
    ValueError when the two parts do not match."""
    counts = array(_PACKED_FREQ_TYPE)
    counts.frombytes(freqs)
    if sys.byteorder == "big":
        counts.byteswap()
    word_list = words.split(_PACKED_WORD_SEPARATOR) if words else []
    if len(word_list) != len(counts):
        raise ValueError(f"packed prefix dictionary has {len(word_list)} words but {len(counts)} frequencies")
    return dict(zip(word_list, counts))


class QuerySegmenter:
    """A jieba tokenizer whose dictionary is the vocabulary stored in the database."""

    def __init__(self, prefixes: dict[str, int], total: int) -> None:
        """Take jieba's prefix dictionary of the vocabulary (see `prefix_dictionary`),
        which the tokenizer then owns, and the total frequency of jieba's full dictionary."""
        self._prefixes = prefixes
        self._total = total
        self._tokenizer: jieba.Tokenizer | None = None
        self._lock = threading.Lock()

    def _load(self) -> jieba.Tokenizer:
        with self._lock:
            if self._tokenizer is None:
                tokenizer = _jieba().Tokenizer()
                tokenizer.FREQ = self._prefixes
                tokenizer.total = max(self._total, 1)
                tokenizer.initialized = True
                self._tokenizer = tokenizer
                self._prefixes = {}
                log.debug("query segmenter ready with %d words and prefixes", len(tokenizer.FREQ))
            return self._tokenizer

    def warm_up(self) -> None:
        self._load()

    def words(self, normalized: str) -> list[str]:
        """Segment a normalised query into whole words, dropping punctuation and spaces."""
        return [token for token in self._load().cut(normalized, HMM=False) if is_word(token)]

    def sub_words(self, word: str) -> list[str]:
        """Return the two- and three-character dictionary words inside `word`, as
        jieba's search mode finds them."""
        freq = self._load().FREQ
        found = []
        for size in (2, 3):
            for start in range(len(word) - size + 1):
                piece = word[start : start + size]
                if piece != word and freq.get(piece):
                    found.append(piece)
        return found
