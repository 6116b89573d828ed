#!/usr/bin/env python3
"""Regenerate the translations of the window and of the command line.

    python tools/update_translations.py

The window: pyside6-lupdate collects every tr() and QCoreApplication.translate()
string of helpapp/gui into resources/translations/helpapp_zh_CN.ts and keeps the
translations already there. pyside6-lrelease compiles the .ts into the .qm that the
app loads. Both steps write the same bytes for the same inputs because the sources
are passed in sorted order and the .ts carries no line numbers.

The command line: Babel collects every tr() string of helpapp/cli.py and the strings
that argparse translates into resources/translations/helpapp_cli_zh_CN.po, keeping
the translations already there, and compiles it into the .mo beside it. New strings
arrive untranslated; translate them in the .po and run this again.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "helpapp" / "gui"
CLI_SOURCE = ROOT / "helpapp" / "cli.py"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)

# The catalog's header dates are fixed, so that compiling the same .po writes the same bytes.
CATALOG_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def cli_catalog_path(language: str) -> Path:
    return TRANSLATIONS / f"helpapp_cli_{language}.po"


def _extract(path: Path, keywords: dict) -> list[str | tuple[str, str]]:
    from babel.messages.extract import extract_from_file

    messages: list[str | tuple[str, str]] = []
    for _line, message, _comments, _context in extract_from_file("python", str(path), keywords=keywords):
        if message not in messages:
            messages.append(message)
    return messages


def cli_source_messages() -> list[str | tuple[str, str]]:
    """Return the messages of helpapp/cli.py (the calls of `tr`), in order."""
    return _extract(CLI_SOURCE, {"tr": None})


def argparse_messages() -> list[str | tuple[str, str]]:
    """Return the messages of the running Python's argparse. Other Python versions may
    add or reword some, which then print in English."""
    from babel.messages.extract import DEFAULT_KEYWORDS

    return _extract(Path(argparse.__file__), DEFAULT_KEYWORDS)


def read_cli_catalog(path: Path, language: str):
    """Return the Babel catalog in the .po at `path`, with the fixed header dates."""
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        catalog = read_po(source, locale=language)
    catalog.creation_date = CATALOG_DATE
    catalog.revision_date = CATALOG_DATE
    return catalog


def compile_cli_catalog(path: Path, language: str) -> bytes:
    """Return the .mo bytes of the .po at `path`."""
    from babel.messages.mofile import write_mo

    output = io.BytesIO()
    write_mo(output, read_cli_catalog(path, language))
    return output.getvalue()


def _empty_catalog(language: str):
    from babel.messages.catalog import Catalog

    return Catalog(locale=language, project="helpapp", creation_date=CATALOG_DATE, revision_date=CATALOG_DATE)


def update_cli_catalog(language: str) -> None:
    """Merge the current messages into the command line's .po and compile its .mo."""
    from babel.messages.pofile import write_po

    template = _empty_catalog(language)
    for message in cli_source_messages() + argparse_messages():
        template.add(message)

    po_path = cli_catalog_path(language)
    catalog = read_cli_catalog(po_path, language) if po_path.exists() else _empty_catalog(language)
    catalog.update(template, no_fuzzy_matching=True)
    with po_path.open("wb") as output:
        write_po(output, catalog, omit_header=True, no_location=True, ignore_obsolete=True, width=0)
    po_path.with_suffix(".mo").write_bytes(compile_cli_catalog(po_path, language))
    print("+ wrote", po_path.relative_to(ROOT), "and", po_path.with_suffix(".mo").relative_to(ROOT))


def find_tool(name: str) -> str:
    """Return the path of a PySide6 tool, preferring the one beside this Python."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"update_translations: {name} not found; install PySide6-Essentials in this Python")
    return found


def run(command: list[str]) -> None:
    print("+", Path(command[0]).name, *command[1:])
    subprocess.run(command, check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Update the translation catalogs from the sources and compile them.")
    parser.parse_args(argv)

    sources = sorted(str(path.relative_to(ROOT)) for path in SOURCES.glob("*.py"))
    lupdate = find_tool("pyside6-lupdate")
    lrelease = find_tool("pyside6-lrelease")

    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"helpapp_{language}.ts"
        qm_file = ts_file.with_suffix(".qm")
        run([lupdate, *sources, "-locations", "none", "-no-obsolete", "-source-language", "en", "-target-language", language, "-ts", str(ts_file.relative_to(ROOT))])
        run([lrelease, "-removeidentical", str(ts_file.relative_to(ROOT)), "-qm", str(qm_file.relative_to(ROOT))])
        update_cli_catalog(language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
