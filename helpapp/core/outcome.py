"""One search job of the window as a whole: the hits, the titles to suggest, and
what to offer when nothing matched. The window's worker thread calls `run_search`.
This module imports the search code, so the window imports it only on that thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from helpapp.core.database import FaqDatabase
from helpapp.core.search import SearchResult, Suggestion, closest_titles, search, suggest_titles

RESULT_LIMIT = 20
CLOSEST_LIMIT = 5
SUGGESTION_LIMIT = 8


@dataclass(frozen=True)
class TitleChoice:
    """A question title offered to the user, with the entry's stable key."""

    key: str
    title: str


@dataclass(frozen=True)
class TopicChoice:
    """A topic offered to browse when a search found nothing."""

    topic_id: int
    title: str


@dataclass(frozen=True)
class SearchOutcome:
    """The result of one search job.

    `suggestions` are titles that contain every word of the query. When nothing
    matched, `closest` contains titles that share characters with the query, and when
    there are none either, `topics` contains the root topics to browse instead.
    `topic_id` and `topic_title` name the topic the search was limited to.
    `has_more` is True when more entries matched than the result list holds.
    """

    job_id: int
    query: str
    result: SearchResult
    closest: tuple[TitleChoice, ...] = ()
    suggestions: tuple[TitleChoice, ...] = ()
    topics: tuple[TopicChoice, ...] = ()
    topic_id: int | None = None
    topic_title: str = ""
    has_more: bool = False


def title_choices(db: FaqDatabase, suggestions: list[Suggestion]) -> tuple[TitleChoice, ...]:
    """Return the suggestions with their entry keys, in the same order."""
    entries = db.entries([suggestion.entry_id for suggestion in suggestions])
    return tuple(
        TitleChoice(entries[suggestion.entry_id].key, suggestion.title)
        for suggestion in suggestions
        if suggestion.entry_id in entries
    )


def run_search(db: FaqDatabase, query: str, job_id: int, topic_id: int | None) -> SearchOutcome:
    """Search, then collect the suggestions and the fallbacks for an empty result."""
    # Searching for one hit more than the list shows finds out whether the list is cut.
    result = search(db, query, limit=RESULT_LIMIT + 1, topic_id=topic_id)
    has_more = len(result.hits) > RESULT_LIMIT
    result = replace(result, hits=result.hits[:RESULT_LIMIT])
    suggestions = title_choices(db, suggest_titles(db, query, SUGGESTION_LIMIT))

    closest: tuple[TitleChoice, ...] = ()
    topics: tuple[TopicChoice, ...] = ()
    if not result.hits:
        closest = title_choices(db, closest_titles(db, query, CLOSEST_LIMIT))
    if not result.hits and not closest:
        topics = tuple(TopicChoice(topic.id, topic.title) for topic in db.topic_tree())

    topic = db.topic(topic_id) if topic_id is not None else None
    return SearchOutcome(
        job_id=job_id,
        query=query,
        result=result,
        closest=closest,
        suggestions=suggestions,
        topics=topics,
        topic_id=topic_id,
        topic_title=topic.title if topic is not None else "",
        has_more=has_more,
    )
