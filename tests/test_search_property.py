"""Property test: no string a person can paste makes the search raise or stall."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpapp.core.database import FaqDatabase
from helpapp.core.search import MAX_QUERY_CHARS, parse_query, search

FTS_SYNTAX = ['"', "(", ")", "[", "]", "{", "}", "*", "^", "-", "+", ":", ",", "AND", "OR", "NOT", "NEAR", "NEAR(", "title:", "body_chars:", "rowid"]
WORDS = ["开票", "發票", "子客户", "kaipiao", "MDF", "ＭＤＦ", "12", "C++", "v2.0", "3.5%", "who's"]
ODD_CHARACTERS = [
    "\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u200e", "\u200f", "\u202e", "\ufeff",
    "\u0301", "\u0308", "\ud800", "\udfff", "🔥", "👍🏽", "\U0002a6a5", "\u3000", "ｱ",
]

pieces = st.one_of(
    st.sampled_from(FTS_SYNTAX + WORDS + ODD_CHARACTERS),
    st.text(alphabet=string.printable, max_size=8),
    st.text(max_size=8),
)
queries = st.one_of(
    st.lists(pieces, max_size=12).map(" ".join),
    st.lists(pieces, max_size=12).map("".join),
    st.text(max_size=300),
)


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=queries)
def test_search_never_raises(real_db: FaqDatabase, query: str):
    result = search(real_db, query, limit=5)
    assert len(result.hits) <= 5


@settings(max_examples=50, deadline=None)
@given(repeat=st.integers(min_value=1_000, max_value=100_000), unit=st.sampled_from(["开", "a ", '"(', "开票 OR "]))
def test_long_input_is_cut_before_work(real_db: FaqDatabase, repeat: int, unit: str):
    query = unit * repeat
    assert len(parse_query(real_db, query).normalized) <= MAX_QUERY_CHARS
    search(real_db, query)
