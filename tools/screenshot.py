#!/usr/bin/env python3
"""Open the window, search for 开票, open the first result and save a screenshot.

    xvfb-run -a -s "-screen 0 2560x1600x24" python tools/screenshot.py docs/screenshot.png
    xvfb-run -a -s "-screen 0 2560x1600x24" python tools/screenshot.py --all docs

`--dark` requests the dark colour scheme and `--scale 2` sets QT_SCALE_FACTOR=2.
`--all FOLDER` writes the four screenshots of the docs (light and dark, at scale 1
and 2), each from its own process because the scale is fixed when Qt starts.
Settings and bookmarks go to a temporary folder, never to the user's profile.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("screenshot")

# (file name, extra arguments) of the screenshots in docs/.
VARIANTS = (
    ("screenshot.png", []),
    ("screenshot-dark.png", ["--dark"]),
    ("screenshot-scale2.png", ["--scale", "2"]),
    ("screenshot-dark-scale2.png", ["--dark", "--scale", "2"]),
)


def write_all(folder: Path, common: list[str]) -> int:
    for name, extra in VARIANTS:
        command = [sys.executable, __file__, str(folder / name), *extra, *common]
        log.info("running %s", " ".join(command[1:]))
        if subprocess.run(command, check=False).returncode != 0:
            log.error("writing %s failed", name)
            return 1
    return 0


def take(args: argparse.Namespace, profile_dir: Path) -> int:
    # Imported here so that QT_SCALE_FACTOR is set before Qt starts.
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QGuiApplication

    from helpapp.core.database import FaqDatabase
    from helpapp.gui.app import application, apply_ui_font
    from helpapp.gui.i18n import choose_language, install_translators
    from helpapp.gui.mainwindow import MainWindow
    from helpapp.gui.theme import theme
    from helpapp.paths import bundled_database

    app = application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(profile_dir / "settings"))
    install_translators(app, choose_language(args.lang))
    apply_ui_font(app)
    if args.dark:
        QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        theme().set_scheme(Qt.ColorScheme.Dark)

    db = FaqDatabase(args.db or bundled_database())
    window = MainWindow(db, profile_dir / "data")
    window.resize(1200, 760)
    window.show()

    def open_first(outcome: object) -> None:
        window.controller.results_ready.disconnect(open_first)
        window.suggestion_list.hide()
        window.search_box.accept_requested.emit()
        QTimer.singleShot(300, save)

    def save() -> None:
        if not window.grab().save(str(args.output)):
            log.error("could not write %s", args.output)
            app.exit(1)
            return
        log.info("wrote %s", args.output)
        window.close()

    window.controller.results_ready.connect(open_first)
    window.controller.warm_up_finished.connect(lambda ok: window.search_box.setText(args.query))
    window.start()
    code = app.exec()
    db.close()
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save a screenshot of the window after a search.")
    parser.add_argument("output", type=Path, help="PNG file to write, or the folder with --all")
    parser.add_argument("--all", action="store_true", help="write the four screenshots of the docs into OUTPUT")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--scale", type=float, default=None, help="QT_SCALE_FACTOR, for example 2 (default: 1)")
    parser.add_argument("--query", default="开票", help="text to search for (default: 开票)")
    parser.add_argument("--lang", default="zh_CN", help="interface language: zh_CN or en (default: zh_CN)")
    parser.add_argument("--db", type=Path, default=None, help="database file (default: the bundled faq.db)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    if args.all:
        common = ["--query", args.query, "--lang", args.lang] + (["--db", str(args.db)] if args.db else [])
        return write_all(args.output, common)

    if args.scale is not None:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    with tempfile.TemporaryDirectory(prefix="helpapp-screenshot-") as profile_dir:
        return take(args, Path(profile_dir))


if __name__ == "__main__":
    sys.exit(main())
