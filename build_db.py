#!/usr/bin/env python3
"""Build faq.db from one or more partner FAQ exports.

    python build_db.py resources/partner-faq.txt -o resources/faq.db
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from helpapp.core.builder import BuildError, build_database, load_word_lists
from helpapp.core.export import ExportError, parse_exports

RESOURCES = Path(__file__).resolve().parent / "resources"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the FAQ database from partner FAQ exports.")
    parser.add_argument(
        "sources", nargs="+", type=Path, metavar="SOURCE", help="export file (text: UTF-8, UTF-16 with a BOM, or GB18030)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="database file to write")
    parser.add_argument("--label", default="", help="human content version, such as 2026-12")
    parser.add_argument(
        "--encoding",
        help="text encoding of the exports, such as gb18030 (default: from a byte order mark, else UTF-8, "
        "else GB18030 when the bytes decode to Chinese text)",
    )
    parser.add_argument(
        "--word-lists",
        type=Path,
        default=RESOURCES,
        help="folder with domain-words.txt, synonyms.txt and stopwords.txt (default: resources/)",
    )
    parser.add_argument(
        "--allow-no-topics",
        action="store_true",
        help="build even when no line has the 父主题: marker (by default such a file is rejected as not an export)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    try:
        result = parse_exports(args.sources, encoding=args.encoding)
        if result.report.topics == 0 and not args.allow_no_topics:
            names = ", ".join(str(source) for source in args.sources)
            print(
                f"build_db: error: {names}: no line has the 父主题: parent-topic marker, so this does not look like "
                f"a partner FAQ export; {args.output} was not written. Pass --allow-no-topics to build it anyway.",
                file=sys.stderr,
            )
            return 1
        word_lists = load_word_lists(args.word_lists)
        build_database(result, args.sources, args.output, word_lists, label=args.label)
    except (ExportError, BuildError) as error:
        print(f"build_db: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"build_db: error: {error}", file=sys.stderr)
        return 1

    if not args.quiet:
        print(result.report.format())
        print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
