"""Assemble what the answer view shows: an entry, a topic, or the home page.

These functions read the database through the core API and return HTML built from
escaped text only; the widgets render it and report the links the user clicks.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from helpapp.core.database import DatabaseInfo, Entry, FaqDatabase, Topic
from helpapp.core.userdata import SavedEntry
from helpapp.gui import links
from helpapp.gui.richtext import TOPIC_SEPARATOR, AnswerLabels, LinkItem, TextLink, entry_html, link_html
from helpapp.gui.theme import AnswerColors

log = logging.getLogger(__name__)

RELATED_LIMIT = 5
HOME_HISTORY_LIMIT = 10


@dataclass(frozen=True)
class PageLabels:
    """Translated texts of the home and topic pages."""

    home_title: str
    topics: str
    recent: str
    no_recent: str
    subtopics: str
    questions: str
    empty_topic: str
    database: str
    # A format string with {count}: the questions of a topic that its page leaves out.
    more_questions: str


# Questions listed on a topic's page at most. The answer view takes about 0.3 s per
# 1,000 links to lay out, and the contents tree lists every question of a topic.
TOPIC_PAGE_QUESTIONS = 200


def entry_topics(db: FaqDatabase, entry_id: int) -> list[Topic]:
    """Return the topics that list the entry, in tree order."""
    listed = set(db.topic_ids_of(entry_id))
    return [topic for topic in db.iter_topics() if topic.id in listed]


def topic_link_paths(db: FaqDatabase, entry_id: int) -> list[list[LinkItem]]:
    """Return one path of topic links, root first, for each topic that lists the entry."""
    return [
        [LinkItem(item.title, links.topic_url(item.id)) for item in db.topic_chain(topic.id)]
        for topic in entry_topics(db, entry_id)
    ]


def body_links(db: FaqDatabase, body: str) -> list[TextLink]:
    """Return the links of an entry body: cross references to known titles, then web URLs.

    A URL that overlaps a cross reference stays plain text.
    """
    # Imported for the first entry page, because the home page shown at start needs neither.
    from helpapp.core.related import cross_references

    references = cross_references(db, body)
    keys = {entry.id: entry.key for entry in db.entries([ref.target_id for ref in references if ref.kind == "entry"]).values()}

    found: list[TextLink] = []
    for reference in references:
        if reference.kind == "entry" and reference.target_id in keys:
            found.append(TextLink(reference.start, reference.end, links.entry_url(keys[reference.target_id])))
        elif reference.kind == "topic":
            found.append(TextLink(reference.start, reference.end, links.topic_url(reference.target_id)))

    for start, end in links.find_web_urls(body):
        if all(end <= link.start or start >= link.end for link in found):
            found.append(TextLink(start, end, body[start:end]))
    return sorted(found, key=lambda link: link.start)


def related_links(db: FaqDatabase, entry_id: int) -> list[LinkItem]:
    from helpapp.core.related import related_entries

    return [LinkItem(entry.title, links.entry_url(entry.key)) for entry in related_entries(db, entry_id, RELATED_LIMIT)]


def entry_page(
    db: FaqDatabase,
    entry: Entry,
    labels: AnswerLabels,
    colors: AnswerColors,
    title_spans: Sequence[tuple[int, int]] = (),
    body_spans: Sequence[tuple[int, int]] = (),
) -> str:
    return entry_html(
        entry,
        labels,
        title_spans,
        body_spans,
        colors=colors,
        topic_links=topic_link_paths(db, entry.id),
        body_links=body_links(db, entry.body),
        related=related_links(db, entry.id),
    )


def _link_list(items: Sequence[LinkItem]) -> str:
    return "<ul>" + "".join(f"<li>{link_html(item.href, html.escape(item.text))}</li>" for item in items) + "</ul>"


def _topic_item(db: FaqDatabase, topic: Topic) -> LinkItem:
    count = db.topic_entry_counts().get(topic.id, 0)
    return LinkItem(f"{topic.title} ({count:,})", links.topic_url(topic.id))


def topic_page(db: FaqDatabase, topic: Topic, labels: PageLabels, colors: AnswerColors) -> str:
    """Return the page of a topic: its path, subtopics and questions."""
    chain = db.topic_chain(topic.id)
    path = html.escape(TOPIC_SEPARATOR).join(
        link_html(links.topic_url(item.id), html.escape(item.title)) for item in chain[:-1]
    )
    parts = [f"<h2>{html.escape(topic.title)}</h2>"]
    if path:
        parts.append(f'<p style="color:{colors.muted};">{path}</p>')

    if topic.children:
        parts.append(f"<h3>{html.escape(labels.subtopics)}</h3>")
        parts.append(_link_list([_topic_item(db, child) for child in topic.children]))

    items = [LinkItem(title, links.entry_url(key)) for _id, key, title in db.topic_titles(topic.id)]
    if items:
        parts.append(f"<h3>{html.escape(labels.questions)}</h3>")
        parts.append(_link_list(items[:TOPIC_PAGE_QUESTIONS]))
    if len(items) > TOPIC_PAGE_QUESTIONS:
        more = labels.more_questions.format(count=f"{len(items) - TOPIC_PAGE_QUESTIONS:,}")
        parts.append(f'<p style="color:{colors.muted};">{html.escape(more)}</p>')
    elif not items and not topic.children:
        parts.append(f"<p>{html.escape(labels.empty_topic)}</p>")
    return "\n".join(parts)


def home_page(
    db: FaqDatabase,
    history: Sequence[SavedEntry],
    labels: PageLabels,
    colors: AnswerColors,
) -> str:
    """Return the home page: recently viewed questions that still exist, then the topics."""
    info: DatabaseInfo = db.info
    parts = [
        f"<h2>{html.escape(labels.home_title)}</h2>",
        f'<p style="color:{colors.muted};">{html.escape(labels.database)}</p>',
        f"<h3>{html.escape(labels.recent)}</h3>",
    ]

    recent = []
    for saved in history:
        entry = db.entry_by_key(saved.key)
        if entry is not None:
            recent.append(LinkItem(entry.title, links.entry_url(entry.key)))
        if len(recent) == HOME_HISTORY_LIMIT:
            break
    parts.append(_link_list(recent) if recent else f'<p style="color:{colors.muted};">{html.escape(labels.no_recent)}</p>')

    parts.append(f"<h3>{html.escape(labels.topics)}</h3>")
    parts.append(_link_list([_topic_item(db, topic) for topic in db.topic_tree()]))
    log.debug("home page: %d recent entries, %d entries in the database", len(recent), info.entry_count)
    return "\n".join(parts)
