#!/usr/bin/env python3
"""Open the window, search for 开票, open the first result and save a screenshot.

    xvfb-run -a -s "-screen 0 1280x800x24" python tools/screenshot.py docs/screenshot.png

Runs under any Qt platform; with offscreen, the fonts come from fontconfig as well.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from helpapp.core.database import FaqDatabase
from helpapp.gui.app import application, apply_ui_font
from helpapp.gui.i18n import choose_language, install_translators
from helpapp.gui.mainwindow import MainWindow
from helpapp.paths import bundled_database

log = logging.getLogger("screenshot")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save a screenshot of the window after a search.")
    parser.add_argument("output", type=Path, help="PNG file to write")
    parser.add_argument("--query", default="开票", help="text to search for (default: 开票)")
    parser.add_argument("--lang", default="zh_CN", help="interface language: zh_CN or en (default: zh_CN)")
    parser.add_argument("--db", type=Path, default=None, help="database file (default: the bundled faq.db)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    app = application()
    install_translators(app, choose_language(args.lang))
    apply_ui_font(app)
    db = FaqDatabase(args.db or bundled_database())
    window = MainWindow(db)
    window.resize(1200, 760)
    window.show()

    def open_first(outcome: object) -> None:
        window.controller.results_ready.disconnect(open_first)
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


if __name__ == "__main__":
    sys.exit(main())
