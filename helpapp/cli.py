"""Command line: start the window, or search, list topics and show entries for scripts.

Output is UTF-8 whatever the console's encoding. Exit codes: 0 success, 1 entry not
found or self-test failed, 2 usage error, 3 database missing or unreadable.

Help, messages and text output are in Simplified Chinese unless --lang en is given.
The strings go through gettext, with the catalog
resources/translations/helpapp_cli_zh_CN.po, compiled to the .mo beside it. JSON
output and the self-test's check lines stay in English, for scripts and support.
"""

from __future__ import annotations

import argparse
import gettext
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from helpapp import __version__
from helpapp.languages import CHINESE, ENGLISH, LANGUAGES
from helpapp.paths import bundled_database, data_dir, translations_dir

if TYPE_CHECKING:
    from helpapp.core.database import DatabaseError, FaqDatabase, Topic

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3

# The text output marks matched words with these. The FAQ text itself uses 【】.
MATCH_MARKS = ("〖", "〗")

# Translates one message of the command line.
Translate = Callable[[str], str]


def requested_language(argv: list[str]) -> str:
    """Return the language of the last --lang in `argv`, else Simplified Chinese.

    The parser's own help and errors are translated, so the language is needed before
    parsing. An unknown value gives Chinese here, and the parser then reports it."""
    language = CHINESE
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
        else:
            continue
        language = value if value in LANGUAGES else CHINESE
    return language


def load_translation(language: str) -> gettext.NullTranslations:
    """Return the catalog of the command line's messages in `language`. English, the
    language of the source strings, needs none."""
    if language == ENGLISH:
        return gettext.NullTranslations()

    path = translations_dir() / f"helpapp_cli_{language}.mo"
    try:
        with path.open("rb") as catalog:
            return gettext.GNUTranslations(catalog)
    except (OSError, UnicodeError) as error:
        log.warning("reading the command-line translations %s failed (%s), so messages stay in English", path, error)
        return gettext.NullTranslations()


@contextmanager
def argparse_translated(translation: gettext.NullTranslations) -> Iterator[None]:
    """Translate argparse's own strings (usage, section titles, errors) inside the block.

    argparse looks these strings up through its module globals `_` and `ngettext`,
    which this swaps for the block and then restores.

    NOTE: those two names are not documented API of argparse. A Python whose argparse
    looks its strings up otherwise prints them in English, and the help tests fail."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = translation.gettext, translation.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _add_common_options(parser: argparse.ArgumentParser, tr: Translate, default: object = None) -> None:
    """Add --db and --lang. Subcommands pass argparse.SUPPRESS, so that an option given
    before the command is kept instead of being reset to None."""
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        metavar="PATH",
        help=tr("FAQ database to open read-only (default: the one imported in the app, else the bundled resources/faq.db)"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=tr("language of the window and of these messages: zh_CN or en (default: zh_CN, Simplified Chinese)"),
    )


def _value_parsers(tr: Translate) -> tuple[Callable[[str], str], Callable[[str], int], Callable[[str], int]]:
    """Return the parsers of a query, a result limit and an entry id. They reject bad
    values with a message in the language of `tr`, which argparse prints with the
    usage line."""

    def query(text: str) -> str:
        if text != "-" and not text.strip():
            raise argparse.ArgumentTypeError(tr("the query is empty; give the words to search for"))
        return text

    def whole_number(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(tr("{value} is not a whole number").format(value=repr(text))) from None

    def limit(text: str) -> int:
        value = whole_number(text)
        if value < 1:
            raise argparse.ArgumentTypeError(tr("must be at least 1"))
        return value

    return query, limit, whole_number


def build_parser(tr: Translate = str) -> argparse.ArgumentParser:
    """Return the parser, with help texts translated by `tr` (default: `str`, which
    leaves them in English)."""
    query, limit, whole_number = _value_parsers(tr)
    parser = argparse.ArgumentParser(
        prog="helpapp",
        description=tr("伙伴离线帮助: the Huawei Cloud partner FAQ, searchable offline. Without a command, starts the window."),
    )
    parser.add_argument("--version", action="version", version=f"helpapp {__version__}", help=tr("show the version and exit"))
    _add_common_options(parser, tr)
    parser.add_argument("-v", "--verbose", action="store_true", help=tr("log debug messages to stderr"))
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=tr("open the database, run a search and build the window offscreen, print each check, and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = commands.add_parser("search", help=tr("search the FAQ and print ranked results"))
    search.add_argument("query", type=query, metavar="QUERY", help=tr("the query; '-' reads one query per line from stdin"))
    search.add_argument("--limit", type=limit, default=10, metavar="N", help=tr("maximum results per query (default: 10)"))
    search.add_argument("--json", action="store_true", help=tr("print one JSON object per query, one per line"))
    _add_common_options(search, tr, default=argparse.SUPPRESS)

    topics = commands.add_parser("topics", help=tr("print the topic tree"))
    topics.add_argument("--json", action="store_true", help=tr("print the tree as a JSON list of nodes"))
    _add_common_options(topics, tr, default=argparse.SUPPRESS)

    show = commands.add_parser("show", help=tr("print one entry"))
    show.add_argument("entry_id", type=whole_number, metavar="ID", help=tr("entry id, as printed by search"))
    show.add_argument("--json", action="store_true", help=tr("print the entry as a JSON object"))
    _add_common_options(show, tr, default=argparse.SUPPRESS)
    return parser


def _print_error(command: str, message: str, tr: Translate) -> None:
    print(tr("helpapp {command}: error: {message}").format(command=command, message=message), file=sys.stderr)


def describe_database_error(error: DatabaseError, tr: Translate, given_by_user: bool) -> str:
    """Return the message for a database that cannot be used, with the file and the fix.
    `given_by_user` is True when the path came from --db. The technical reason, in
    English, goes to the debug log (-v)."""
    from helpapp.core.database import DatabaseNotFoundError, DatabaseUnreadableError, SchemaError

    if isinstance(error, DatabaseNotFoundError) and given_by_user:
        text = tr("database not found: {path}. Check the path given with --db.")
    elif isinstance(error, DatabaseNotFoundError):
        text = tr("database not found: {path}. Reinstall Partner Offline Help, or give the path of a database with --db.")
    elif isinstance(error, SchemaError):
        text = tr(
            "{path} is not a help database that this version can read. It may come from a newer or older version, "
            "or be another kind of file."
        )
    elif isinstance(error, DatabaseUnreadableError) and "is a folder" in error.reason:
        text = tr("{path} is a folder, not a help database file. Give the path of a database file, such as faq.db, with --db.")
    else:
        text = tr("cannot read the database {path}. The file may be empty or damaged, or in use by another program.")
    return text.format(path=error.path)


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


def _run_search(args: argparse.Namespace, tr: Translate) -> int:
    from helpapp.core.search import MAX_QUERY_CHARS, search
    from helpapp.core.text import shorten

    with _open_database(args.db) as db:
        for query in _queries(args.query):
            # Fetching one hit more than the limit shows whether the list is cut.
            result = search(db, query, limit=args.limit + 1)
            hits = result.hits[: args.limit]
            if args.json:
                entries = db.entries([hit.entry_id for hit in hits])
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
                        for hit in hits
                    ],
                }
                print(json.dumps(record, ensure_ascii=False), flush=True)
                continue

            # The header shows the part of the query that was searched.
            if len(result.hits) > len(hits):
                header = tr("# {query}  (the first {count} results)")
            else:
                header = tr("# {query}  ({count} results)")
            print(header.format(query=shorten(query, MAX_QUERY_CHARS), count=len(hits)))
            for hit in hits:
                topics = "; ".join(_topic_label(path) for path in hit.topic_paths)
                print(f"[{hit.entry_id}] {hit.title}  ({topics})")
                print(f"    {_mark(hit.snippet, hit.snippet_spans, *MATCH_MARKS)}")
    return EXIT_OK


def _topic_node(db: FaqDatabase, topic: Topic) -> dict:
    return {
        "id": topic.id,
        "title": topic.title,
        "entries": db.topic_entry_ids(topic.id),
        "children": [_topic_node(db, child) for child in topic.children],
    }


def _run_topics(args: argparse.Namespace, tr: Translate) -> int:
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


def _run_show(args: argparse.Namespace, tr: Translate) -> int:
    with _open_database(args.db) as db:
        entry = db.entry(args.entry_id)
        if entry is None:
            _print_error("show", tr("no entry with id {id}").format(id=args.entry_id), tr)
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
            print(tr("(the start of this entry was cut off in the export)"))
        if entry.is_truncated:
            print(tr("(the end of this entry was cut off in the export)"))
        print()
        print(entry.body)
    return EXIT_OK


_COMMANDS = {"search": _run_search, "topics": _run_topics, "show": _run_show}


def main(argv: list[str] | None = None) -> int:
    _utf8_stdout()
    arguments = sys.argv[1:] if argv is None else argv
    translation = load_translation(requested_language(arguments))
    tr = translation.gettext
    # argparse translates its section titles when the parser is built, the rest when
    # it prints.
    with argparse_translated(translation):
        parser = build_parser(tr)
        args = parser.parse_args(arguments)

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
        return _COMMANDS[args.command](args, tr)
    except DatabaseError as error:
        log.debug("%s failed: %s", args.command, error)
        _print_error(args.command, describe_database_error(error, tr, given_by_user=args.db is not None), tr)
        return EXIT_DATABASE
    except BrokenPipeError:
        # The reader of a pipe (`| head`) went away; nothing is left to report.
        sys.stderr.close()
        return EXIT_OK
