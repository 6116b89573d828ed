"""Find the words a query matched in the text the reader sees.

Matching happens on normalised text (see `text.normalize_with_origins`), and spans are
mapped back to the original string, so `發票` in an entry is marked for the query `发票`,
`ＭＤＦ` for `mdf`, and `开票` for the pinyin `kaipiao`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from helpapp.core.text import is_cjk, normalize_with_origins

if TYPE_CHECKING:
    from helpapp.core.search import ParsedQuery

Span = tuple[int, int]

SNIPPET_CHARS = 80
SNIPPET_LEAD_CHARS = 12


@dataclass(frozen=True)
class Highlighter:
    """The normalised strings and pinyin syllable sequences that count as matches."""

    needles: tuple[str, ...]
    pinyin_sequences: tuple[tuple[str, ...], ...]
    char_pinyin: Mapping[str, tuple[str, ...]]

    @classmethod
    def for_query(cls, parsed: ParsedQuery, char_pinyin: Mapping[str, tuple[str, ...]]) -> Highlighter:
        needles: dict[str, None] = {}
        sequences: dict[tuple[str, ...], None] = {}
        for term in parsed.terms:
            for form in (term.text, *term.synonyms, *term.parts):
                if form.strip():
                    needles[form] = None
            if term.pinyin:
                sequences[term.pinyin] = None
        ordered = tuple(sorted(needles, key=len, reverse=True))
        return cls(needles=ordered, pinyin_sequences=tuple(sequences), char_pinyin=char_pinyin)

    @property
    def is_empty(self) -> bool:
        return not self.needles and not self.pinyin_sequences

    def _pinyin_spans(self, text: str, syllables: tuple[str, ...]) -> list[Span]:
        spans = []
        size = len(syllables)
        start = 0
        while start + size <= len(text):
            window = text[start : start + size]
            if all(
                is_cjk(char) and syllable in self.char_pinyin.get(char, ())
                for char, syllable in zip(window, syllables)
            ):
                spans.append((start, start + size))
                start += size
            else:
                start += 1
        return spans

    def has_pinyin(self, normalized: str, syllables: tuple[str, ...]) -> bool:
        return bool(self._pinyin_spans(normalized, syllables))

    def normalized_spans(self, normalized: str) -> list[Span]:
        """Return merged, sorted match spans in already normalised text."""
        spans: list[Span] = []
        for needle in self.needles:
            start = normalized.find(needle)
            while start != -1:
                spans.append((start, start + len(needle)))
                start = normalized.find(needle, start + len(needle))
        for syllables in self.pinyin_sequences:
            spans.extend(self._pinyin_spans(normalized, syllables))
        return _merge(spans)

    def spans(self, text: str) -> list[Span]:
        """Return merged, sorted match spans as offsets into `text` itself."""
        if self.is_empty or not text:
            return []
        normalized = normalize_with_origins(text)
        return _merge([normalized.original_span(start, end) for start, end in self.normalized_spans(normalized.text)])


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(body: str, highlighter: Highlighter, width: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """Cut the part of `body` with the most matches, and return it with its spans.

    The snippet starts a little before its first match and carries `…` where it cuts
    the body.
    """
    spans = highlighter.spans(body)
    if not spans:
        snippet = body[:width] + ("…" if len(body) > width else "")
        return snippet, []

    best_start = 0
    best_count = -1
    for anchor, _ in spans:
        start = max(0, anchor - SNIPPET_LEAD_CHARS)
        count = sum(1 for span_start, span_end in spans if span_start >= start and span_end <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    end = min(len(body), best_start + width)
    start = max(0, end - width) if end == len(body) else best_start

    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    snippet = prefix + body[start:end] + suffix
    offset = len(prefix) - start
    snippet_spans = [
        (max(span_start, start) + offset, min(span_end, end) + offset)
        for span_start, span_end in spans
        if span_end > start and span_start < end
    ]
    return snippet, snippet_spans
