"""Find the words a query matched in the text the reader sees.

Matching happens on normalised text (see `text.normalize_with_origins`), and spans are
mapped back to the original string, so `發票` in an entry is marked for the query `发票`,
`ＭＤＦ` for `mdf`, and `开票` for the pinyin `kaipiao`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from helpapp.core.text import normalize_with_origins

if TYPE_CHECKING:
    from helpapp.core.search import ParsedQuery

Span = tuple[int, int]

SNIPPET_CHARS = 80
SNIPPET_LEAD_CHARS = 12


@dataclass(frozen=True)
class Highlighter:
    """The normalised strings that count as matches: the query words, their synonyms,
    sub-words, and the corpus words their pinyin spells."""

    needles: tuple[str, ...]

    @classmethod
    def for_query(cls, parsed: ParsedQuery) -> Highlighter:
        needles: dict[str, None] = {}
        for term in parsed.terms:
            for form in (term.text, *term.alternatives, *term.parts):
                if form.strip():
                    needles[form] = None
        return cls(needles=tuple(sorted(needles, key=len, reverse=True)))

    @property
    def is_empty(self) -> bool:
        return not self.needles

    def normalized_spans(self, normalized: str) -> list[Span]:
        """Return merged, sorted match spans in already normalised text."""
        spans: list[Span] = []
        for needle in self.needles:
            start = normalized.find(needle)
            while start != -1:
                spans.append((start, start + len(needle)))
                start = normalized.find(needle, start + len(needle))
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
