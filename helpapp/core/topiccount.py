"""Count the entries under each topic, shared by the builder and the reader."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby
from operator import itemgetter

# Topic chains are cut at this depth, so a damaged parent loop cannot hang a walk.
MAX_TOPIC_DEPTH = 64


def topic_entry_counts(
    parents: Mapping[int, int | None], links: Iterable[tuple[int, int]]
) -> tuple[dict[int, int], dict[int, int]]:
    """Return the entries listed directly under each topic, and the distinct entries
    under each topic and its descendants, both keyed by topic id.

    `parents` maps every topic id to its parent id (None for a root). `links` yields
    (entry id, topic id) pairs grouped by entry id. An entry listed under two topics
    of one subtree counts once for their common ancestors. Topics without entries
    count 0; links to unknown topics are ignored.
    """
    direct = dict.fromkeys(parents, 0)
    subtree = dict.fromkeys(parents, 0)
    ancestors_of: dict[int, tuple[int, ...]] = {}

    for _entry_id, group in groupby(links, key=itemgetter(0)):
        counted: set[int] = set()
        for _same_entry, topic_id in group:
            if topic_id not in parents:
                continue
            direct[topic_id] += 1
            chain = ancestors_of.get(topic_id)
            if chain is None:
                chain = ancestors_of[topic_id] = ancestor_ids(parents, topic_id)
            counted.update(chain)
        for topic_id in counted:
            subtree[topic_id] += 1

    return direct, subtree


def ancestor_ids(parents: Mapping[int, int | None], topic_id: int) -> tuple[int, ...]:
    """Return the ids of the topic and its ancestors, the topic first. An unknown id
    ends the chain, and a parent loop or a chain deeper than MAX_TOPIC_DEPTH is cut."""
    chain: list[int] = []
    current: int | None = topic_id
    while current is not None and current in parents and current not in chain and len(chain) < MAX_TOPIC_DEPTH:
        chain.append(current)
        current = parents[current]
    return tuple(chain)
