"""Entry counts per topic: direct, and distinct entries per subtree."""

from __future__ import annotations

from helpapp.core.topiccount import MAX_TOPIC_DEPTH, ancestor_ids, topic_entry_counts

# 1 财务 > 2 开具发票, 1 财务 > 3 退票, 4 云实验
PARENTS = {1: None, 2: 1, 3: 1, 4: None}


def test_direct_counts_each_link():
    direct, _subtree = topic_entry_counts(PARENTS, [(10, 2), (11, 2), (12, 3)])

    assert direct == {1: 0, 2: 2, 3: 1, 4: 0}


def test_parent_counts_children_entries():
    _direct, subtree = topic_entry_counts(PARENTS, [(10, 2), (11, 3), (12, 4)])

    assert subtree == {1: 2, 2: 1, 3: 1, 4: 1}


def test_entry_under_two_children_counts_once_in_parent():
    direct, subtree = topic_entry_counts(PARENTS, [(10, 2), (10, 3)])

    assert (direct[2], direct[3]) == (1, 1)
    assert subtree[1] == 1


def test_entry_under_two_roots_counts_in_both():
    _direct, subtree = topic_entry_counts(PARENTS, [(10, 2), (10, 4)])

    assert (subtree[1], subtree[4]) == (1, 1)


def test_unknown_topic_is_ignored():
    direct, subtree = topic_entry_counts(PARENTS, [(10, 99), (11, 2)])

    assert 99 not in direct
    assert 99 not in subtree
    assert subtree[1] == 1


def test_parent_loop_ends_the_chain():
    looped = {1: 2, 2: 1}

    _direct, subtree = topic_entry_counts(looped, [(10, 1)])

    assert subtree == {1: 1, 2: 1}


def test_deep_chain_is_cut():
    depth = MAX_TOPIC_DEPTH + 10
    parents = {topic_id: (topic_id - 1 if topic_id > 1 else None) for topic_id in range(1, depth + 1)}

    _direct, subtree = topic_entry_counts(parents, [(10, depth)])

    assert sum(subtree.values()) == MAX_TOPIC_DEPTH


def test_ancestor_ids_topic_first():
    assert ancestor_ids(PARENTS, 3) == (3, 1)


def test_ancestor_ids_unknown_topic():
    assert ancestor_ids(PARENTS, 99) == ()
