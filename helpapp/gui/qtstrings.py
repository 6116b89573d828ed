"""Qt's own dialog texts that Qt's Simplified Chinese catalog lacks.

qtbase_zh_CN.qm translates `Look in:` but not the `&Look in:` and `Files of &type:`
that the file dialog of Qt 6 shows. Listing them here lets pyside6-lupdate copy them
into the app's catalog under Qt's context, where the translator finds them after
Qt's catalog found nothing. Nothing calls this module; only lupdate reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

FILE_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
