"""Parse the partner FAQ export: plain text, one entry per line.

A content line reads `标题 正文 父主题: 主题名`. The title is a question ending in `?`
or `？`, or a short noun phrase followed by a space. The export also contains site
banner lines, lines cut off at the start (no real title) or at the end (no parent
topic, body ends mid-sentence), exact duplicates, and the same question listed under
two parent topics. `parse_exports` turns all of that into entries plus a report.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from helpapp.core.text import cjk_char_re

log = logging.getLogger(__name__)

UNASSIGNED_TOPIC = "未分类"

# Separator between levels in a parent topic name: `父主题: 激励 > 业绩管理`.
TOPIC_PATH_SEPARATOR = " > "

# `父主题:` (ASCII or full-width colon) and the topic name up to the end of the line.
_PARENT_TOPIC_RE = re.compile(r"\s*父主题\s*[:：]\s*(?P<topic>\S.*?)\s*$")

# Site furniture that the help centre prints around the content.
BANNER_PATTERNS = (
    re.compile(r"^检测到您已登录华为云"),
    re.compile(r"^不再显示此消息$"),
    re.compile(r"^(以上内容)?对您是否有帮助"),
    re.compile(r"^意见反馈$"),
)

# An FAQ answer is a few thousand characters at most; a longer line is not an entry.
MAX_LINE_CHARS = 100_000

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))

# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_BINARY_RE = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")

MAX_QUESTION_TITLE_CHARS = 80
MAX_PHRASE_TITLE_CHARS = 30
MAX_DERIVED_TITLE_CHARS = 40

# Characters that end a sentence; a body ending in anything else was cut off.
_SENTENCE_END = "。！？!?.…”」』）)》】"

# Clause punctuation: a noun-phrase title never contains it, a fragment's first
# clause ends at it.
_CLAUSE_PUNCTUATION = "，,。；;：:、！!？?"

_BRACKET_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "【": "】", "「": "」", "《": "》", "[": "]"}
_CLOSING_BRACKETS = {close: opening for opening, close in _BRACKET_PAIRS.items()}
_QUOTES = {"“", "‘", "「"}


class ExportError(Exception):
    """The export cannot be read; the message names the file and, where known, the line."""


@dataclass(frozen=True)
class SourceLine:
    source_name: str
    number: int
    text: str


@dataclass
class ParsedEntry:
    """One entry after parsing, before duplicates are merged."""

    title: str
    body: str
    is_fragment: bool
    is_truncated: bool
    topic_path: tuple[str, ...] | None
    source_name: str
    source_line: int


@dataclass
class Entry:
    """One entry of the database: a title and body listed under one or more topics."""

    title: str
    body: str
    is_fragment: bool
    is_truncated: bool
    topic_paths: list[tuple[str, ...]]
    source_name: str
    source_line: int


@dataclass
class ParseReport:
    lines_read: int = 0
    blank_lines: int = 0
    dropped_lines: list[SourceLine] = field(default_factory=list)
    exact_duplicates: list[SourceLine] = field(default_factory=list)
    merged_topics: list[SourceLine] = field(default_factory=list)
    fragments: int = 0
    truncated: int = 0
    entries: int = 0
    topics: int = 0

    def format(self) -> str:
        lines = [
            f"lines read: {self.lines_read} (blank: {self.blank_lines})",
            f"entries: {self.entries} under {self.topics} topics",
            f"exact duplicate lines merged: {len(self.exact_duplicates)}"
            + _format_line_list(self.exact_duplicates),
            f"same entry under another topic merged: {len(self.merged_topics)}"
            + _format_line_list(self.merged_topics),
            f"fragments (cut off at the start): {self.fragments}",
            f"truncated (cut off at the end): {self.truncated}",
            f"dropped banner lines: {len(self.dropped_lines)}" + _format_line_list(self.dropped_lines),
        ]
        return "\n".join(lines)


# Places listed per kind in the build report; the rest are counted.
REPORT_LINES_SHOWN = 10


def _format_line_list(lines: list[SourceLine]) -> str:
    if not lines:
        return ""
    places = [f"{line.source_name}:{line.number}" for line in lines[:REPORT_LINES_SHOWN]]
    if len(lines) > REPORT_LINES_SHOWN:
        places.append(f"and {len(lines) - REPORT_LINES_SHOWN} more")
    return " (" + ", ".join(places) + ")"


@dataclass
class ParseResult:
    entries: list[Entry]
    report: ParseReport


def is_banner(text: str) -> bool:
    return any(pattern.search(text) for pattern in BANNER_PATTERNS)


def split_parent_topic(text: str) -> tuple[str, tuple[str, ...] | None]:
    """Split `正文 父主题: 主题` into the content and the topic path, or None when the
    line has no parent topic marker."""
    match = _PARENT_TOPIC_RE.search(text)
    if match is None:
        return text, None

    content = text[: match.start()]
    levels = tuple(level.strip() for level in match.group("topic").split(TOPIC_PATH_SEPARATOR.strip()))
    levels = tuple(level for level in levels if level)
    return content, levels or None


def _has_unmatched_closer(text: str) -> bool:
    """Return True when `text` closes a quote or bracket it never opened, the sign of
    a line cut off inside a quotation."""
    open_counts: dict[str, int] = {}
    for char in text:
        if char in _BRACKET_PAIRS:
            open_counts[char] = open_counts.get(char, 0) + 1
        elif char in _CLOSING_BRACKETS:
            opening = _CLOSING_BRACKETS[char]
            if open_counts.get(opening, 0) == 0:
                return True
            open_counts[opening] -= 1
    return False


def _first_sentence(text: str) -> str:
    match = re.search(r"[。！？!?]", text)
    return text if match is None else text[: match.start()]


def _question_title(content: str) -> tuple[str, str] | None:
    match = re.search(r"[?？]", content)
    if match is None or match.start() == 0 or match.end() > MAX_QUESTION_TITLE_CHARS:
        return None

    title = content[: match.end()]
    rest = content[match.end() :]
    if rest and not rest[0].isspace():
        return None
    if re.search(r"[。！!；;]", title) or _has_unmatched_closer(title):
        return None
    return title, rest.strip()


def _phrase_title(content: str) -> tuple[str, str] | None:
    head, separator, rest = content.partition(" ")
    if not separator or not rest.strip() or len(head) > MAX_PHRASE_TITLE_CHARS or len(head) < 2:
        return None
    if any(char in _CLAUSE_PUNCTUATION for char in head) or _has_unmatched_closer(head):
        return None

    # A real noun-phrase title is followed by the start of a sentence. `运营看板 > 业绩看板”…`
    # continues a breadcrumb and closes a quote it never opened: a line cut off inside
    # a quotation, not a title.
    body = rest.strip()
    if not (body[0].isalnum() or body[0] in _BRACKET_PAIRS):
        return None
    if _has_unmatched_closer(_first_sentence(content)):
        return None
    return head, body


def derive_fragment_title(content: str) -> str:
    """Derive a readable title from the first sentence of a line cut off at the start.

    The lost start leaves traces that the title drops: text up to an unmatched closing
    bracket (`邮箱)将…`), an unmatched closing quote (`业绩看板”中…`), and a stray word
    tail of one or two characters before the first comma (`辩,达到…`). The title starts
    with `…` to show that text is missing.
    """
    sentence = _first_sentence(content.strip())

    depth: dict[str, int] = {}
    kept: list[str] = []
    for char in sentence:
        if char in _BRACKET_PAIRS:
            depth[char] = depth.get(char, 0) + 1
        elif char in _CLOSING_BRACKETS:
            opening = _CLOSING_BRACKETS[char]
            if depth.get(opening, 0) > 0:
                depth[opening] -= 1
            elif opening in _QUOTES:
                continue
            else:
                kept.clear()
                continue
        kept.append(char)
    text = "".join(kept).strip()

    head = re.match(r"^[^，,、；;：:\s]{1,2}[，,、]", text)
    if head is not None:
        text = text[head.end() :]

    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_DERIVED_TITLE_CHARS:
        text = text[:MAX_DERIVED_TITLE_CHARS].rstrip() + "…"
    return "…" + text


def parse_line(line: SourceLine) -> ParsedEntry:
    """Parse one content line (not a banner, not blank)."""
    content, topic_path = split_parent_topic(line.text)
    content = content.strip()

    titled = _question_title(content) or _phrase_title(content)
    if titled is not None:
        title, body = titled
        is_fragment = False
    else:
        title, body = derive_fragment_title(content), content
        is_fragment = True

    is_truncated = topic_path is None and not body.rstrip().endswith(tuple(_SENTENCE_END))
    return ParsedEntry(
        title=title,
        body=body,
        is_fragment=is_fragment,
        is_truncated=is_truncated,
        topic_path=topic_path,
        source_name=line.source_name,
        source_line=line.number,
    )


def _line_number(data: bytes | str, offset: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    """Decode export bytes: the given encoding, else a BOM, else UTF-8, else GB18030."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ExportError(f"{path}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise ExportError(
                f"{path}:{_line_number(data, error.start)}: not valid {encoding} text "
                f"(byte offset {error.start})"
            ) from None

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise ExportError(
                    f"{path}:{_line_number(data, error.start)}: not valid {codec} text "
                    f"although the file starts with a {codec} byte order mark"
                ) from None

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and cjk_char_re().search(text) and not _BINARY_RE.search(text):
            log.warning("%s is not UTF-8; read it as GB18030 (GBK)", path)
            return text
        raise ExportError(
            f"{path}:{_line_number(data, utf8_error.start)}: not valid utf-8 text "
            f"(byte offset {utf8_error.start}); save the export as UTF-8 or pass --encoding"
        ) from None


def read_export(path: Path, encoding: str | None = None) -> list[SourceLine]:
    """Read an export file into numbered lines, raising ExportError with the file and
    line when it is missing, empty, binary or not decodable.

    Without `encoding`, a UTF-8 or UTF-16 byte order mark decides, then UTF-8, then
    GB18030 (a superset of GBK) when the bytes decode to Chinese text.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ExportError(f"{path}: is a directory, not an export file") from None
    except OSError as error:
        raise ExportError(f"{path}: cannot read the file: {error.strerror}") from None

    if not data.strip():
        raise ExportError(f"{path}: the file is empty")

    has_bom = any(data.startswith(bom) for bom, _codec in _BOMS)
    if encoding is None and not has_bom and b"\x00" in data:
        # UTF-16 without a byte order mark is the only text with NUL bytes, and exports
        # never use it: this is a binary file such as an image or a program.
        raise ExportError(
            f"{path}:{_line_number(data, data.index(0))}: contains NUL bytes; this is a binary file, not a text export"
        )

    text = _decode(path, data, encoding)
    if "\x00" in text:
        raise ExportError(
            f"{path}:{_line_number(text, text.index(chr(0)))}: contains NUL bytes; this is not a text export"
        )
    binary = _BINARY_RE.search(text)
    if binary is not None:
        raise ExportError(
            f"{path}:{_line_number(text, binary.start())}: contains control characters; this is not a text export"
        )

    raw_lines = _NEWLINE_RE.split(text)
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()

    lines = []
    for number, raw in enumerate(raw_lines, start=1):
        if len(raw) > MAX_LINE_CHARS:
            raise ExportError(
                f"{path}:{number}: line is {len(raw):,} characters long; "
                f"an entry may have at most {MAX_LINE_CHARS:,}"
            )
        lines.append(SourceLine(source_name=path.name, number=number, text=raw.strip()))
    if not any(line.text for line in lines):
        raise ExportError(f"{path}: the file is empty")
    return lines


def parse_lines(lines: Iterable[SourceLine]) -> ParseResult:
    """Parse content lines into merged entries and a report."""
    report = ParseReport()
    seen_lines: set[str] = set()
    entries: list[Entry] = []
    by_content: dict[tuple[str, str], Entry] = {}

    for line in lines:
        report.lines_read += 1
        if not line.text.strip():
            report.blank_lines += 1
            continue
        if is_banner(line.text):
            report.dropped_lines.append(line)
            continue
        if line.text in seen_lines:
            report.exact_duplicates.append(line)
            continue
        seen_lines.add(line.text)

        parsed = parse_line(line)
        key = (parsed.title, parsed.body)
        existing = by_content.get(key)
        if existing is not None:
            if parsed.topic_path is not None and parsed.topic_path not in existing.topic_paths:
                existing.topic_paths.append(parsed.topic_path)
            report.merged_topics.append(line)
            continue

        entry = Entry(
            title=parsed.title,
            body=parsed.body,
            is_fragment=parsed.is_fragment,
            is_truncated=parsed.is_truncated,
            topic_paths=[parsed.topic_path] if parsed.topic_path is not None else [],
            source_name=parsed.source_name,
            source_line=parsed.source_line,
        )
        by_content[key] = entry
        entries.append(entry)

    report.entries = len(entries)
    report.fragments = sum(entry.is_fragment for entry in entries)
    report.truncated = sum(entry.is_truncated for entry in entries)
    report.topics = len({level for entry in entries for path in entry.topic_paths for level in _prefixes(path)})
    return ParseResult(entries=entries, report=report)


def _prefixes(path: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [path[: depth + 1] for depth in range(len(path))]


def parse_exports(paths: Iterable[Path], encoding: str | None = None) -> ParseResult:
    """Read and parse one or more export files, in order, as one export."""
    lines: list[SourceLine] = []
    for path in paths:
        lines.extend(read_export(path, encoding=encoding))

    result = parse_lines(lines)
    if not result.entries:
        names = ", ".join(sorted({line.source_name for line in lines}))
        raise ExportError(
            f"{names}: no entries found in {len(lines)} lines "
            f"({len(result.report.dropped_lines)} banner lines dropped); "
            "expected lines of the form '标题 正文 父主题: 主题'"
        )
    log.info(
        "parsed %d lines into %d entries (%d fragments, %d truncated)",
        result.report.lines_read,
        result.report.entries,
        result.report.fragments,
        result.report.truncated,
    )
    return result
