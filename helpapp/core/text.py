"""Text normalisation shared by the index builder, the search and the highlighter.

Index and query go through the same `normalize` so that full-width and half-width
forms, upper and lower case, and traditional and simplified characters compare
equal. `NormalizedText` keeps a map back to the original string, so matches found
in normalised text can be marked in the text the reader sees.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from array import array
from dataclasses import dataclass

log = logging.getLogger(__name__)

# CJK Unified Ideographs with extension A and the compatibility block. Extension B and
# later are outside the BMP and rare in this content; they count as "other" letters.
_CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR_PATTERN = f"[{_CJK_RANGES}]"

# One index token: a single CJK character, or a run of letters and digits.
# Letters include accented Latin, Greek, Cyrillic and so on; `_` counts as a separator.
_TOKEN_PATTERN = f"[{_CJK_RANGES}]|[^\\W_{_CJK_RANGES}]+"


# The patterns are compiled on first use: a character class spanning the CJK blocks
# takes about 8 ms to compile, which the window's start should not wait for.
@functools.cache
def cjk_char_re() -> re.Pattern[str]:
    return re.compile(CJK_CHAR_PATTERN)


@functools.cache
def _token_re() -> re.Pattern[str]:
    return re.compile(_TOKEN_PATTERN)


def is_cjk(char: str) -> bool:
    return cjk_char_re().fullmatch(char) is not None


def has_cjk(text: str) -> bool:
    return cjk_char_re().search(text) is not None


_converter_lock = threading.Lock()


@functools.cache
def _t2s_converter():
    import opencc

    with _converter_lock:
        return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese characters to simplified with OpenCC's t2s profile."""
    if not has_cjk(text):
        return text
    return _t2s_converter().convert(text)


def _fold_char(char: str) -> str:
    """Apply NFKC and case folding to one character."""
    return unicodedata.normalize("NFKC", char).casefold()


# Control characters (Unicode category Cc) and lone surrogates (Cs): surrogates cannot
# be encoded for SQLite or OpenCC, and control characters carry no meaning for search.
_UNSAFE_PATTERN = "[\x00-\x1f\x7f-\x9f\ud800-\udfff]"


def _strip_unsafe(text: str) -> str:
    return re.sub(_UNSAFE_PATTERN, " ", text)


@dataclass(frozen=True, eq=False)
class NormalizedText:
    """Normalised text with, for each of its characters, the offset of the original
    character it came from. `origins` is None when character i came from character i."""

    original: str
    text: str
    origins: array[int] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open range [start, end) of `text` to a range of `original`."""
        if self.origins is None:
            first, last = start, end - 1
        else:
            first, last = self.origins[start], self.origins[end - 1]
        end_original = last + 1
        while end_original < len(self.original) and unicodedata.combining(self.original[end_original]):
            end_original += 1
        return first, end_original


# Search normalises the same entry titles and bodies again and again while a partner
# types, so the cache keeps the most recent ones: about 650 bytes per text on
# average in the synthetic export of 100,000 entries.
NORMALIZE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=NORMALIZE_CACHE_SIZE)
def normalize_with_origins(original: str) -> NormalizedText:
    """Normalise `original` and keep the origin of every output character.

    Width, case and compatibility forms are folded per character (NFKC plus casefold),
    then OpenCC converts traditional to simplified. OpenCC's t2s profile maps one
    character to one character in the texts tried so far. When a conversion changes
    the length, the characters are converted one by one instead.
    """
    cleaned = _strip_unsafe(original)

    casefolded = cleaned.casefold()
    origins: list[int] | None
    if unicodedata.is_normalized("NFKC", cleaned) and len(casefolded) == len(cleaned):
        # Fast path: case folding works per character and never shortens one, so
        # equal lengths mean every character maps to exactly one character.
        folded_text = casefolded
        origins = None
    else:
        pieces: list[str] = []
        origins = []
        for offset, char in enumerate(cleaned):
            folded = _fold_char(char)
            pieces.append(folded)
            origins.extend([offset] * len(folded))
        folded_text = "".join(pieces)

    simplified = to_simplified(folded_text)
    if len(simplified) != len(folded_text):
        # NOTE: only multi-character OpenCC phrase rules can change the length; the
        # per-character fallback loses those phrase conversions in exchange for exact
        # offsets.
        simplified = "".join(
            converted if len(converted := to_simplified(char)) == 1 else char for char in folded_text
        )
    if simplified == original:
        # Keep one string instead of two equal ones in the cache.
        simplified = original
    return NormalizedText(original=original, text=simplified, origins=None if origins is None else array("I", origins))


def normalize(text: str) -> str:
    """Return the normalised form of `text` used for indexing and matching."""
    return normalize_with_origins(text).text


def shorten(text: str, max_chars: int) -> str:
    """Return `text` cut to `max_chars` characters, with "…" added when it was longer."""
    return text if len(text) <= max_chars else text[:max_chars] + "…"


def char_tokens(normalized: str) -> list[str]:
    """Split normalised text into index tokens: single CJK characters and runs of
    letters or digits."""
    return _token_re().findall(normalized)


def title_key(title: str) -> str:
    """Return the stable key of an entry with this title: a hash of the normalised
    title. Bookmarks use it, and it survives rebuilds that renumber entries."""
    # hashlib loads OpenSSL, which the window's start does not need.
    import hashlib

    return hashlib.sha1(normalize(title).encode("utf-8")).hexdigest()[:16]
