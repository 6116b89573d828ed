"""Command line: start the window, or search, list topics and show entries for scripts.

Output is UTF-8 whatever the console's encoding. Exit codes: 0 success, 1 entry not
found or self-test failed, 2 usage error, 3 database missing or unreadable.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from helpapp import __version__
from helpapp.paths import bundled_database, data_dir

if TYPE_CHECKING:
    from helpapp.core.database import FaqDatabase, Topic

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3


def _add_db_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    """Add --db. Subcommands pass argparse.SUPPRESS, so that a --db given before the
    command is kept instead of being reset to None."""
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PATH",
        help="FAQ database to open read-only (default: the one imported in the app, else the bundled resources/faq.db)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="helpapp",
        description="伙伴离线帮助: the Huawei Cloud partner FAQ, searchable offline. "
        "Without a command, starts the window.",
    )
    parser.add_argument("--version", action="version", version=f"helpapp {__version__}")
    _add_db_option(parser)
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        help="language of the window: zh_CN or en (default: zh_CN, Simplified Chinese)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the database, run a search and build the window offscreen, print each check, and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = commands.add_parser("search", help="search the FAQ and print ranked results")
    search.add_argument("query", metavar="QUERY", help="the query; '-' reads one query per line from stdin")
    search.add_argument("--limit", type=int, default=10, metavar="N", help="maximum results per query (default: 10)")
    search.add_argument("--json", action="store_true", help="print one JSON object per query, one per line")
    _add_db_option(search, default=argparse.SUPPRESS)

    topics = commands.add_parser("topics", help="print the topic tree")
    topics.add_argument("--json", action="store_true", help="print the tree as a JSON list of nodes")
    _add_db_option(topics, default=argparse.SUPPRESS)

    show = commands.add_parser("show", help="print one entry")
    show.add_argument("entry_id", type=int, metavar="ID", help="entry id, as printed by search")
    show.add_argument("--json", action="store_true", help="print the entry as a JSON object")
    _add_db_option(show, default=argparse.SUPPRESS)
    return parser


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _open_database(path: Path | None):
    """Open `path`, else the database imported in the app, else the bundled one."""
    from helpapp.core.database import FaqDatabase
    from helpapp.core.library import active_database

    return FaqDatabase(path or active_database(data_dir(), bundled_database()))


def _queries(argument: str) -> Iterator[str]:
    if argument != "-":
        yield argument
        return
    for line in sys.stdin:
        yield line.rstrip("\r\n")


def _mark(text: str, spans: tuple[tuple[int, int], ...], start: str, end: str) -> str:
    pieces = []
    position = 0
    for span_start, span_end in spans:
        pieces.append(text[position:span_start])
        pieces.append(start + text[span_start:span_end] + end)
        position = span_end
    pieces.append(text[position:])
    return "".join(pieces)


def _topic_label(path: tuple[str, ...]) -> str:
    return " > ".join(path)


def _run_search(args: argparse.Namespace) -> int:
    from helpapp.core.search import MAX_QUERY_CHARS, search
    from helpapp.core.text import shorten

    if args.limit < 1:
        print("helpapp search: error: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.query != "-" and not args.query.strip():
        print("helpapp search: error: the query is empty; give the words to search for", file=sys.stderr)
        return EXIT_USAGE

    with _open_database(args.db) as db:
        for query in _queries(args.query):
            result = search(db, query, limit=args.limit)
            if args.json:
                entries = db.entries([hit.entry_id for hit in result.hits])
                record = {
                    "query": query,
                    "results": [
                        {
                            "id": hit.entry_id,
                            "title": hit.title,
                            "topics": [_topic_label(path) for path in hit.topic_paths],
                            "snippet": hit.snippet,
                            "highlights": [list(span) for span in hit.snippet_spans],
                            "body": entries[hit.entry_id].body,
                            "score": hit.score,
                        }
                        for hit in result.hits
                    ],
                }
                print(json.dumps(record, ensure_ascii=False), flush=True)
                continue

            # The header shows the part of the query that was searched.
            print(f"# {shorten(query, MAX_QUERY_CHARS)}  ({len(result.hits)} results)")
            for hit in result.hits:
                topics = "; ".join(_topic_label(path) for path in hit.topic_paths)
                print(f"[{hit.entry_id}] {hit.title}  ({topics})")
                print(f"    {_mark(hit.snippet, hit.snippet_spans, '【', '】')}")
    return EXIT_OK


def _topic_node(db: FaqDatabase, topic: Topic) -> dict:
    return {
        "id": topic.id,
        "title": topic.title,
        "entries": db.topic_entry_ids(topic.id),
        "children": [_topic_node(db, child) for child in topic.children],
    }


def _run_topics(args: argparse.Namespace) -> int:
    with _open_database(args.db) as db:
        tree = db.topic_tree()
        if args.json:
            print(json.dumps([_topic_node(db, topic) for topic in tree], ensure_ascii=False))
            return EXIT_OK

        counts = db.topic_entry_counts()

        def print_node(topic, depth: int) -> None:
            print(f"{'  ' * depth}{topic.title} ({counts.get(topic.id, 0)})")
            for child in topic.children:
                print_node(child, depth + 1)

        for topic in tree:
            print_node(topic, 0)
    return EXIT_OK


def _run_show(args: argparse.Namespace) -> int:
    with _open_database(args.db) as db:
        entry = db.entry(args.entry_id)
        if entry is None:
            print(f"helpapp show: error: no entry with id {args.entry_id}", file=sys.stderr)
            return EXIT_NOT_FOUND
        if args.json:
            record = {
                "id": entry.id,
                "title": entry.title,
                "topics": [_topic_label(path) for path in entry.topic_paths],
                "body": entry.body,
                "fragment": entry.is_fragment,
                "truncated": entry.is_truncated,
                "source": f"{entry.source_name}:{entry.source_line}",
            }
            print(json.dumps(record, ensure_ascii=False))
            return EXIT_OK

        print(entry.title)
        print("; ".join(_topic_label(path) for path in entry.topic_paths))
        if entry.is_fragment:
            print("(the start of this entry was cut off in the export)")
        if entry.is_truncated:
            print("(the end of this entry was cut off in the export)")
        print()
        print(entry.body)
    return EXIT_OK


_COMMANDS = {"search": _run_search, "topics": _run_topics, "show": _run_show}


def main(argv: list[str] | None = None) -> int:
    _utf8_stdout()
    parser = build_parser()
    args = parser.parse_args(argv)

    if args.command is None and not args.self_test:
        from helpapp.gui.app import run_gui

        # The window sets up its own logging: a rotating file in the user's data folder.
        return run_gui(args.db, args.lang, verbose=args.verbose)

    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.self_test:
        from helpapp.selftest import run_self_test

        return run_self_test(args.db)

    from helpapp.core.database import DatabaseError

    try:
        return _COMMANDS[args.command](args)
    except DatabaseError as error:
        print(f"helpapp {args.command}: error: {error}", file=sys.stderr)
        return EXIT_DATABASE
    except BrokenPipeError:
        # The reader of a pipe (`| head`) went away; nothing is left to report.
        sys.stderr.close()
        return EXIT_OK
