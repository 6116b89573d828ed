#!/usr/bin/env python3
"""Regenerate the GUI translations: pyside6-lupdate, then pyside6-lrelease.

    python tools/update_translations.py

lupdate collects every tr() and QCoreApplication.translate() string of helpapp/gui
into resources/translations/helpapp_zh_CN.ts and keeps the translations already
there. lrelease compiles the .ts into the .qm that the app loads. Both steps write
the same bytes for the same inputs because the sources are passed in sorted order
and the .ts carries no line numbers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "helpapp" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


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
    parser = argparse.ArgumentParser(description="Update the .ts files from the GUI sources and compile the .qm files.")
    parser.parse_args(argv)

    sources = sorted(str(path.relative_to(ROOT)) for path in SOURCES.glob("*.py"))
    lupdate = find_tool("pyside6-lupdate")
    lrelease = find_tool("pyside6-lrelease")

    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"helpapp_{language}.ts"
        qm_file = ts_file.with_suffix(".qm")
        run([lupdate, *sources, "-locations", "none", "-no-obsolete", "-source-language", "en", "-target-language", language, "-ts", str(ts_file.relative_to(ROOT))])
        run([lrelease, "-removeidentical", str(ts_file.relative_to(ROOT)), "-qm", str(qm_file.relative_to(ROOT))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
