"""Search the FAQ the way partners type: colloquial Chinese, pinyin, traditional
characters, full-width Latin, stray FTS syntax.

The query is normalised like the index, segmented into whole words, and stripped of
function words. Each word becomes a term that matches as a phrase of characters
(so it also matches inside longer words), as its sub-words, as a synonym, or, for
Latin letters that spell pinyin, as pinyin. SQLite FTS5 finds candidates that match
all terms, then any term; Python ranks them so that literal, phrase and title matches
come first.

Nothing the user types reaches FTS5 as syntax: every token is quoted, and tokens
contain only letters and digits.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from helpapp.core.database import Entry, FaqDatabase
from helpapp.core.schema import TITLES_FTS, fts_phrase
from helpapp.core.highlight import Highlighter, make_snippet
from helpapp.core.text import char_tokens, has_cjk, normalize

log = logging.getLogger(__name__)

# Longer input is cut to this many characters before any other work, so that a
# pasted page cannot stall the search. FAQ questions are far shorter.
MAX_QUERY_CHARS = 200

# At most this many terms take part in a query; later words are ignored.
MAX_TERMS = 12

DEFAULT_LIMIT = 20

# Share of the query's characters (counted over its terms) that a hit must match.
MIN_COVERAGE = 0.5

# Candidates fetched from FTS5 per tier, before ranking in Python: bm25 with the title
# weighted up already puts the best candidates first, so a few per hit suffice.
CANDIDATES_PER_HIT = 2
MIN_CANDIDATE_POOL = 40

# An expression matching more entries than this is not ranked as a whole; see _candidates.
RANK_SCAN_LIMIT = 1000

# bm25 weights in the order of schema.FTS_COLUMNS: titles above bodies.
_BM25_WEIGHTS = (5.0, 1.0)

_LATIN_RE = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class QueryTerm:
    """One word of the query and the alternative forms that also match it."""

    text: str
    parts: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    pinyin: tuple[str, ...] = ()
    pinyin_forms: tuple[str, ...] = ()

    @property
    def alternatives(self) -> tuple[str, ...]:
        """Return the other strings that count as this term: synonyms and the corpus
        words its pinyin spells."""
        return (*self.synonyms, *self.pinyin_forms)


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    normalized: str
    terms: tuple[QueryTerm, ...]

    @property
    def core(self) -> str:
        """Return the terms joined without spaces, for phrase and title comparisons."""
        return "".join(term.text for term in self.terms)

    @property
    def is_empty(self) -> bool:
        return not self.terms


@dataclass(frozen=True)
class Hit:
    entry_id: int
    title: str
    topic_paths: tuple[tuple[str, ...], ...]
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    title_spans: tuple[tuple[int, int], ...]
    score: float
    is_fragment: bool
    is_truncated: bool


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    highlighter: Highlighter
    parsed: ParsedQuery = field(repr=False)


def _split_pinyin(letters: str, syllables: frozenset[str]) -> tuple[str, ...]:
    """Split a run of letters into the fewest pinyin syllables, or () if it is not pinyin."""
    if len(letters) < 2 or len(letters) > 60 or not syllables:
        return ()
    best: list[tuple[str, ...] | None] = [None] * (len(letters) + 1)
    best[0] = ()
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 6), end):
            previous = best[start]
            piece = letters[start:end]
            if previous is None or piece not in syllables:
                continue
            candidate = (*previous, piece)
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[len(letters)] or ()


def _sub_words(db: FaqDatabase, word: str) -> tuple[str, ...]:
    """Return the dictionary words inside `word` that cover it, for matching its
    pieces when the whole word does not occur as written (`取消关联` in
    `取消与子客户的关联关系`)."""
    if len(word) < 3 or not has_cjk(word):
        return ()
    tokenizer_words = db.segmenter.sub_words(word)
    return tuple(part for part in tokenizer_words if part != word)


def parse_query(db: FaqDatabase, raw: str) -> ParsedQuery:
    """Normalise and segment a raw query into terms."""
    cut = raw[:MAX_QUERY_CHARS]
    normalized = normalize(cut)
    words = db.segmenter.words(normalized)

    # Pinyin typed with spaces between syllables (`kai piao`) is one word in pinyin.
    if len(words) > 1 and all(_LATIN_RE.match(word) for word in words):
        joined = "".join(words)
        if db.words_for_pinyin(_split_pinyin(joined, db.pinyin_syllables)):
            words = [joined]

    content_words = [word for word in words if word not in db.stopwords]
    if not content_words:
        # A query of function words alone still searches for them.
        content_words = words

    terms: list[QueryTerm] = []
    seen: set[str] = set()
    for word in content_words:
        if word in seen or not char_tokens(word):
            continue
        seen.add(word)
        pinyin = _split_pinyin(word, db.pinyin_syllables) if _LATIN_RE.match(word) else ()
        pinyin_forms = tuple(db.words_for_pinyin(pinyin))
        # The synonyms of the words a pinyin spells count too: `jiebang` spells 解绑,
        # which finds 解除关联.
        synonyms = dict.fromkeys(db.synonyms.get(word, ()))
        for form in pinyin_forms:
            synonyms.update(dict.fromkeys(db.synonyms.get(form, ())))
        terms.append(
            QueryTerm(
                text=word,
                parts=_sub_words(db, word),
                synonyms=tuple(synonyms),
                pinyin=pinyin,
                pinyin_forms=pinyin_forms,
            )
        )
        if len(terms) == MAX_TERMS:
            break
    return ParsedQuery(raw=raw, normalized=normalized, terms=tuple(terms))


def _term_expression(term: QueryTerm) -> str:
    alternatives = []
    for form in (term.text, *term.alternatives):
        tokens = char_tokens(form)
        if tokens:
            alternatives.append(fts_phrase(tokens))
    if term.parts:
        part_phrases = [fts_phrase(char_tokens(part)) for part in term.parts]
        alternatives.append("(" + " AND ".join(part_phrases) + ")")
    return "(" + " OR ".join(alternatives) + ")"


def _filtered(sql: str, expression: str, topic_ids: list[int] | None) -> tuple[str, list]:
    """Append the topic filter to a query on entries_fts and return it with its parameters."""
    parameters: list = [expression]
    if topic_ids is not None:
        placeholders = ", ".join("?" * len(topic_ids))
        sql += f" AND rowid IN (SELECT entry_id FROM entry_topics WHERE topic_id IN ({placeholders}))"
        parameters.extend(topic_ids)
    return sql, parameters


def _match_ids(db: FaqDatabase, expression: str, topic_ids: list[int] | None, limit: int) -> list[int]:
    """Return up to `limit` matching entry ids in rowid order. Without ranking, SQLite
    stops after `limit` matches instead of visiting every one."""
    sql, parameters = _filtered("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?", expression, topic_ids)
    return [row[0] for row in db.execute(sql + " LIMIT ?", [*parameters, limit]).fetchall()]


def _title_match_ids(db: FaqDatabase, expression: str, topic_ids: list[int] | None, limit: int) -> list[int]:
    """Return up to `limit` ids of entries whose title matches `expression`, in rowid
    order, from the titles-only index when the database has one."""
    if db.has_title_index:
        sql, parameters = _filtered(f"SELECT rowid FROM {TITLES_FTS} WHERE {TITLES_FTS} MATCH ?", expression, topic_ids)
        return [row[0] for row in db.execute(sql + " LIMIT ?", [*parameters, limit]).fetchall()]
    return _match_ids(db, f"title_chars : ({expression})", topic_ids, limit)


def _candidates(db: FaqDatabase, expression: str, topic_ids: list[int] | None, pool: int) -> list[tuple[int, float]]:
    """Return up to `pool` (entry id, bm25) pairs matching `expression`, best first.

    bm25 needs every match of every phrase, so ranking an expression that matches most
    entries costs more than scanning the text. Up to `pool` matches are all returned
    unranked, up to RANK_SCAN_LIMIT are ranked by bm25. Beyond that, entries that match in the title come first, shortest title
    first, then the other matches in id order, all with a bm25 of 0.
    """
    ids = _match_ids(db, expression, topic_ids, RANK_SCAN_LIMIT + 1)
    if len(ids) <= pool:
        # All of them go to the ranking in Python; bm25 would only break ties there.
        return [(entry_id, 0.0) for entry_id in ids]
    if len(ids) <= RANK_SCAN_LIMIT:
        weights = ", ".join(str(weight) for weight in _BM25_WEIGHTS)
        sql, parameters = _filtered(
            f"SELECT rowid, bm25(entries_fts, {weights}) AS rank FROM entries_fts WHERE entries_fts MATCH ?",
            expression,
            topic_ids,
        )
        rows = db.execute(sql + " ORDER BY rank, rowid LIMIT ?", [*parameters, pool]).fetchall()
        return [(row[0], row[1]) for row in rows]

    title_ids = _title_match_ids(db, expression, topic_ids, RANK_SCAN_LIMIT)
    best_titles = db.ids_by_title_length(title_ids, pool)
    chosen = set(best_titles)
    ordered = best_titles + [entry_id for entry_id in ids if entry_id not in chosen]
    return [(entry_id, 0.0) for entry_id in ordered[:pool]]


def _query_tiers(terms: tuple[QueryTerm, ...]) -> list[str]:
    """Return the FTS5 expressions to try in order: every word as written, then every
    word in any of its forms, then any word.

    A later tier only adds hits that rank below all hits of an earlier one, so the
    search stops at the first tier that fills the result list.
    """
    literal = " AND ".join(fts_phrase(char_tokens(term.text)) for term in terms)
    expressions = [_term_expression(term) for term in terms]
    tiers = [literal]
    if any(term.alternatives or term.parts for term in terms):
        tiers.append(" AND ".join(expressions))
    if len(terms) > 1:
        tiers.append(" OR ".join(expressions))
    return tiers


@dataclass
class _TermMatch:
    """The places a term matched: as written (after normalisation), as the same word
    in another spelling (pinyin, or its sub-words), or as a synonym."""

    literal_title: bool = False
    literal_body: bool = False
    spelled_title: bool = False
    spelled_body: bool = False
    synonym_title: bool = False
    synonym_body: bool = False
    # The term's sub-words stand side by side somewhere (`伙伴账号` for `伙伴主账号`).
    parts_together: bool = False

    @property
    def literal(self) -> bool:
        return self.literal_title or self.literal_body

    @property
    def in_title(self) -> bool:
        return self.literal_title or self.spelled_title or self.synonym_title

    @property
    def any(self) -> bool:
        return self.in_title or self.literal_body or self.spelled_body or self.synonym_body


def _match_term(term: QueryTerm, title: str, body: str) -> _TermMatch:
    match = _TermMatch(literal_title=term.text in title, literal_body=term.text in body)
    if match.literal:
        return match

    for text, is_title in ((title, True), (body, False)):
        spelled = any(form in text for form in term.pinyin_forms)
        spelled = spelled or (bool(term.parts) and all(part in text for part in term.parts))
        synonym = any(synonym in text for synonym in term.synonyms)
        if is_title:
            match.spelled_title, match.synonym_title = spelled, synonym
        else:
            match.spelled_body, match.synonym_body = spelled, synonym

    if len(term.parts) > 1:
        joined = "".join(term.parts)
        match.parts_together = joined in title or joined in body
    return match


_STRIP_RE = re.compile(r"[\W_]+")


class _RankKey(NamedTuple):
    """Features of a hit, compared in field order, larger first."""

    coverage: float
    literal: float
    exact_title: bool
    phrase_in_title: bool
    literal_in_title: float
    spelled_in_title: float
    phrase_in_body: bool
    title_closeness: float
    synonym_in_title: float
    parts_together: float
    bm25: float
    tie_break: int


def _term_weight(term: QueryTerm) -> float:
    """Weigh a term by its length for coverage, so that matching `到账` counts more than
    matching `没`. A single character, often the piece of a word the dictionary does
    not know (`更新` as `更` and `新`), counts half."""
    return 0.5 if len(term.text) == 1 else float(len(term.text))


def _rank_key(parsed: ParsedQuery, entry: Entry, bm25: float) -> _RankKey | None:
    """Return the rank key of a candidate, or None when it matches too little of the query."""
    title = normalize(entry.title)
    body = normalize(entry.body)
    matches = [_match_term(term, title, body) for term in parsed.terms]
    count = len(parsed.terms)

    total_weight = sum(_term_weight(term) for term in parsed.terms)
    matched_terms = [term for term, match in zip(parsed.terms, matches) if match.any]
    coverage = sum(_term_weight(term) for term in matched_terms) / total_weight
    if coverage < 1.0:
        # A partial hit must match half the query and at least one word of two or more
        # characters: `开飞机` or `天气` must not list every entry containing `开` or `天`.
        if coverage < MIN_COVERAGE or all(len(term.text) < 2 for term in matched_terms):
            return None

    core = parsed.core
    title_core = _STRIP_RE.sub("", title)
    all_in_title = all(match.in_title for match in matches)
    closeness = len(core) / max(len(title_core), 1) if all_in_title else 0.0

    return _RankKey(
        coverage=round(coverage, 3),
        literal=sum(match.literal for match in matches) / count,
        exact_title=bool(core) and title_core in (core, _STRIP_RE.sub("", parsed.normalized)),
        phrase_in_title=count > 1 and core in title_core,
        literal_in_title=sum(match.literal_title for match in matches) / count,
        spelled_in_title=sum(match.spelled_title and not match.literal_title for match in matches) / count,
        phrase_in_body=count > 1 and core in _STRIP_RE.sub("", body),
        title_closeness=round(closeness, 2),
        synonym_in_title=sum(
            match.synonym_title and not (match.literal_title or match.spelled_title) for match in matches
        ) / count,
        parts_together=sum(match.parts_together for match in matches) / count,
        bm25=-bm25,
        tie_break=-entry.id,
    )


def _score(key: _RankKey) -> float:
    """Fold the rank key into one number for display and JSON; ordering uses the key."""
    return round(
        100 * key.coverage
        + 50 * key.literal
        + 40 * key.exact_title
        + 20 * key.phrase_in_title
        + 20 * key.literal_in_title
        + 15 * key.spelled_in_title
        + 10 * key.phrase_in_body
        + 10 * key.title_closeness
        + 5 * key.synonym_in_title
        + 3 * key.parts_together
        + min(key.bm25, 9.99),
        3,
    )


def search(
    db: FaqDatabase,
    raw: str,
    limit: int = DEFAULT_LIMIT,
    topic_id: int | None = None,
) -> SearchResult:
    """Return the entries that best match `raw`, best first.

    Never raises for any string: input that yields no terms gives no hits. With
    `topic_id`, only entries in that topic and its descendants are searched.
    """
    parsed = parse_query(db, raw)
    highlighter = Highlighter.for_query(parsed)
    if parsed.is_empty or limit <= 0:
        return SearchResult(query=raw, hits=(), highlighter=highlighter, parsed=parsed)

    topic_ids: list[int] | None = None
    if topic_id is not None:
        topic = db.topic(topic_id)
        topic_ids = [] if topic is None else [node.id for node in topic.walk()]

    pool = max(limit * CANDIDATES_PER_HIT, MIN_CANDIDATE_POOL)
    keyed: list[tuple[_RankKey, Entry]] = []
    seen: set[int] = set()
    for expression in _query_tiers(parsed.terms):
        candidates = [(entry_id, rank) for entry_id, rank in _candidates(db, expression, topic_ids, pool) if entry_id not in seen]
        seen.update(entry_id for entry_id, _ in candidates)
        entries = db.entries([entry_id for entry_id, _ in candidates], with_topics=False)
        for entry_id, rank in candidates:
            key = _rank_key(parsed, entries[entry_id], rank) if entry_id in entries else None
            if key is not None:
                keyed.append((key, entries[entry_id]))
        if len(keyed) >= limit:
            break
    ranked = sorted(keyed, key=lambda item: item[0], reverse=True)[:limit]
    topic_paths = db.topic_paths_of([entry.id for _, entry in ranked])

    hits = []
    for key, entry in ranked:
        snippet, snippet_spans = make_snippet(entry.body, highlighter)
        hits.append(
            Hit(
                entry_id=entry.id,
                title=entry.title,
                topic_paths=topic_paths.get(entry.id, ()),
                snippet=snippet,
                snippet_spans=tuple(snippet_spans),
                title_spans=tuple(highlighter.spans(entry.title)),
                score=_score(key),
                is_fragment=entry.is_fragment,
                is_truncated=entry.is_truncated,
            )
        )
    log.debug("query %r: %d terms, %d candidates, %d hits", raw[:40], len(parsed.terms), len(candidates), len(hits))
    return SearchResult(query=raw, hits=tuple(hits), highlighter=highlighter, parsed=parsed)


@dataclass(frozen=True)
class Suggestion:
    entry_id: int
    title: str
    spans: tuple[tuple[int, int], ...]


def suggest_titles(db: FaqDatabase, raw: str, limit: int = 8) -> list[Suggestion]:
    """Return titles that contain every term of `raw` anywhere (not only as a prefix),
    shortest first.

    When more than RANK_SCAN_LIMIT titles match, the shortest of the first
    RANK_SCAN_LIMIT (in entry order) are returned, so a common word costs no more
    than a rare one.
    """
    parsed = parse_query(db, raw)
    if parsed.is_empty:
        return []

    expression = " AND ".join(fts_phrase(char_tokens(term.text)) for term in parsed.terms)
    ids = db.ids_by_title_length(_title_match_ids(db, expression, None, RANK_SCAN_LIMIT), limit)
    titles = db.entries(ids, with_topics=False)

    highlighter = Highlighter.for_query(parsed)
    return [
        Suggestion(entry_id, titles[entry_id].title, tuple(highlighter.spans(titles[entry_id].title)))
        for entry_id in ids
        if entry_id in titles
    ]


def closest_titles(db: FaqDatabase, raw: str, limit: int = 5) -> list[Suggestion]:
    """Return the titles that share the most characters with `raw`, for a query that
    found nothing. A title must share two characters or more (one, for a query of
    one character): a single shared character such as `天` is no sign of relevance."""
    tokens = list(dict.fromkeys(char_tokens(normalize(raw[:MAX_QUERY_CHARS]))))[:MAX_TERMS * 2]
    if not tokens:
        return []
    required = min(2, len(tokens))

    expression = " OR ".join(fts_phrase([token]) for token in tokens)
    rows = _title_match_ids(db, expression, None, RANK_SCAN_LIMIT)
    titles = db.entries(rows, with_topics=False)
    scored = []
    for entry_id in rows:
        entry = titles.get(entry_id)
        if entry is None:
            continue
        shared = len(set(tokens) & set(char_tokens(normalize(entry.title))))
        if shared >= required:
            scored.append((-shared, len(entry.title), entry_id, entry.title))
    scored.sort()
    return [Suggestion(entry_id, title, ()) for _, _, entry_id, title in scored[:limit]]
