"""Internal links of the answer view and the results pane.

Internal links use the `helpapp` scheme: `helpapp://entry/<key>` (an entry by its
stable key), `helpapp://topic/<id>`, `helpapp://home` and `helpapp://search-all`
(repeat the search in every topic). The window handles them itself; of all other
links it follows only http and https, and only in the system browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QUrl

SCHEME = "helpapp"

ENTRY = "entry"
TOPIC = "topic"
HOME = "home"
SEARCH_ALL = "search-all"

WEB_SCHEMES = ("http", "https")

# An http(s) URL in entry text: ASCII URL characters only, so Chinese punctuation
# after a URL ends it. Trailing ASCII punctuation is trimmed by `find_web_urls`.
_WEB_URL_RE = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?'\")]"


@dataclass(frozen=True)
class InternalLink:
    """A parsed `helpapp:` link: what it points to and the key or id."""

    kind: str
    value: str = ""


def entry_url(key: str) -> str:
    return f"{SCHEME}://{ENTRY}/{key}"


def topic_url(topic_id: int) -> str:
    return f"{SCHEME}://{TOPIC}/{topic_id}"


def home_url() -> str:
    return f"{SCHEME}://{HOME}"


def search_all_url() -> str:
    return f"{SCHEME}://{SEARCH_ALL}"


def parse_internal(url: QUrl | str) -> InternalLink | None:
    """Return the internal link that `url` names, or None for any other URL."""
    url = QUrl(url) if isinstance(url, str) else url
    if url.scheme() != SCHEME:
        return None

    kind = url.host()
    value = url.path().strip("/")
    if kind == ENTRY and re.fullmatch(r"[0-9A-Za-z_-]+", value):
        return InternalLink(ENTRY, value)
    if kind == TOPIC and value.isdigit():
        return InternalLink(TOPIC, value)
    if kind in (HOME, SEARCH_ALL) and not value:
        return InternalLink(kind)
    return None


def is_web_url(url: QUrl) -> bool:
    return url.isValid() and url.scheme().lower() in WEB_SCHEMES and bool(url.host())


def find_web_urls(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the http and https URLs in `text`."""
    spans = []
    for match in _WEB_URL_RE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1
        if end - match.start() > len("https://"):
            spans.append((match.start(), end))
    return spans
