"""Build the HTML that the answer view and the result list display.

Every piece of entry text passes through `html.escape`, so markup inside an entry
(`<b>`, `<img src=…>`, `<script>`) is shown as text and never interpreted. Qt's rich
text engine supports only a subset of HTML 4 and CSS, so the markup stays simple.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from helpapp.core.database import Entry
from helpapp.core.text import is_cjk
from helpapp.gui.theme import LIGHT_COLORS, AnswerColors

Span = tuple[int, int]

# Marked words in the light scheme; `mark_style` gives the style of any scheme.
MARK_STYLE = "background-color:#ffe066;color:#000000;"

TOPIC_SEPARATOR = " › "

# Punctuation that ends a sentence or introduces what follows (a colon).
_BREAK_AFTER = "。！？!?；;：:…”」』）)》】"

_WHITESPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class AnswerLabels:
    """Translated texts that the answer HTML shows around the entry's own text."""

    topics: str
    fragment_notice: str
    truncated_notice: str
    related: str = "Related questions"


@dataclass(frozen=True)
class TextLink:
    """A link over `text[start:end]` of an entry body, to `href`."""

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class LinkItem:
    """A link shown with its own text: a topic in a path or a related question."""

    text: str
    href: str


def mark_style(colors: AnswerColors) -> str:
    return f"background-color:{colors.mark_background};color:{colors.mark_text};"


def mark(text: str, spans: Sequence[Span], style: str = MARK_STYLE) -> str:
    """Escape `text` and wrap each span of it in a highlight."""
    pieces: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        end = min(end, len(text))
        if start >= end:
            continue
        pieces.append(html.escape(text[position:start]))
        pieces.append(f'<span style="{style}">{html.escape(text[start:end])}</span>')
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def link_html(href: str, text_html: str) -> str:
    """Return an anchor around already escaped `text_html`."""
    return f'<a href="{html.escape(href, quote=True)}">{text_html}</a>'


def marked_with_links(text: str, spans: Sequence[Span], links: Sequence[TextLink], style: str = MARK_STYLE) -> str:
    """Escape `text`, mark `spans` and turn each non-overlapping link range into an anchor."""
    pieces: list[str] = []
    position = 0
    for link in sorted(links, key=lambda item: item.start):
        if link.start < position or link.end > len(text) or link.start >= link.end:
            continue
        pieces.append(mark(text[position : link.start], _clip_spans(spans, position, link.start), style))
        inner = mark(text[link.start : link.end], _clip_spans(spans, link.start, link.end), style)
        pieces.append(link_html(link.href, inner))
        position = link.end
    pieces.append(mark(text[position:], _clip_spans(spans, position, len(text)), style))
    return "".join(pieces)


def paragraph_ranges(body: str) -> list[Span]:
    """Return the (start, end) offsets of each paragraph of an entry body.

    The export joins paragraphs with a space. So a run of whitespace is a paragraph
    break when it follows the end of a sentence, or when it sits between two Chinese
    characters (a heading such as `操作步骤` followed by its text). Spaces inside
    Latin text stay.
    """
    ranges: list[Span] = []
    start = 0
    for gap in _WHITESPACE_RE.finditer(body):
        before = body[gap.start() - 1] if gap.start() > 0 else ""
        after = body[gap.end()] if gap.end() < len(body) else ""
        is_break = before in _BREAK_AFTER or (is_cjk(before) and is_cjk(after))
        if before and after and is_break:
            ranges.append((start, gap.start()))
            start = gap.end()
    ranges.append((start, len(body.rstrip())))
    return [(begin, end) for begin, end in ranges if end > begin]


def _clip_spans(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    return [
        (max(span_start, start) - start, min(span_end, end) - start)
        for span_start, span_end in spans
        if span_end > start and span_start < end
    ]


def format_topic_paths(topic_paths: Sequence[Sequence[str]]) -> str:
    """Return the topic paths as plain text: `开具发票；经销商子客户`."""
    return "；".join(TOPIC_SEPARATOR.join(path) for path in topic_paths)


def _topic_paths_html(labels: AnswerLabels, paths: Sequence[Sequence[LinkItem]]) -> str:
    rendered = [
        html.escape(TOPIC_SEPARATOR).join(link_html(item.href, html.escape(item.text)) for item in path)
        for path in paths
    ]
    return html.escape(labels.topics) + "；".join(rendered)


def entry_html(
    entry: Entry,
    labels: AnswerLabels,
    title_spans: Sequence[Span] = (),
    body_spans: Sequence[Span] = (),
    *,
    colors: AnswerColors = LIGHT_COLORS,
    topic_links: Sequence[Sequence[LinkItem]] = (),
    body_links: Sequence[TextLink] = (),
    related: Sequence[LinkItem] = (),
) -> str:
    """Return the HTML document for one entry: title, topics, notices, body and related questions.

    With `topic_links`, each topic of the path is a link; without, the path is plain text.
    `body_links` are offsets into `entry.body`; a link that crosses a paragraph break is dropped.
    """
    style = mark_style(colors)
    parts = [f"<h2>{mark(entry.title, title_spans, style)}</h2>"]

    if topic_links:
        parts.append(f'<p style="color:{colors.muted};">{_topic_paths_html(labels, topic_links)}</p>')
    elif entry.topic_paths:
        topics = html.escape(format_topic_paths(entry.topic_paths))
        parts.append(f'<p style="color:{colors.muted};">{html.escape(labels.topics)}{topics}</p>')

    notices = []
    if entry.is_fragment:
        notices.append(labels.fragment_notice)
    if entry.is_truncated:
        notices.append(labels.truncated_notice)
    for notice in notices:
        parts.append(
            f'<table width="100%" cellpadding="6" style="background-color:{colors.notice_background};'
            f'color:{colors.notice_text};"><tr><td>⚠ {html.escape(notice)}</td></tr></table>'
        )

    for start, end in paragraph_ranges(entry.body):
        links = [
            TextLink(link.start - start, link.end - start, link.href)
            for link in body_links
            if link.start >= start and link.end <= end
        ]
        text = entry.body[start:end]
        parts.append(f"<p>{marked_with_links(text, _clip_spans(body_spans, start, end), links, style)}</p>")

    if related:
        items = "".join(f"<li>{link_html(item.href, html.escape(item.text))}</li>" for item in related)
        parts.append(f"<h3>{html.escape(labels.related)}</h3><ul>{items}</ul>")

    return "\n".join(parts)


def paragraphs_text(entry: Entry) -> str:
    """Return the title, a blank line and the body paragraphs, one per line, as plain text."""
    paragraphs = [entry.body[start:end] for start, end in paragraph_ranges(entry.body)]
    return "\n".join([entry.title, "", *paragraphs])


def hit_html(
    title: str,
    title_spans: Sequence[Span],
    topics: str,
    snippet: str,
    snippet_spans: Sequence[Span],
    topics_color: str = "#777777",
    mark_css: str = MARK_STYLE,
) -> str:
    """Return the HTML of one result row: marked title, snippet, then topic path.

    `topics_color` is a CSS colour; the delegate passes one that contrasts with the
    row's background, which differs for selected rows.
    """
    return (
        f"<b>{mark(title, title_spans, mark_css)}</b>"
        f"<br>{mark(snippet, snippet_spans, mark_css)}"
        f'<br><small style="color:{html.escape(topics_color)};">{html.escape(topics)}</small>'
    )
