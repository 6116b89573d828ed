"""The file, print and About dialogs. Tests replace these functions so that none blocks."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from helpapp import __version__
from helpapp.core.database import FaqDatabase



def documents_dir() -> Path:
    """Return the user's documents folder, or the home folder when it does not exist:
    a file dialog given a missing folder offers its name as the file name."""
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return documents if documents.is_dir() else Path.home()


def choose_database_file(parent: QWidget | None) -> Path | None:
    """Ask for a database file to import; return None when the user cancels."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Import FAQ database"),
        str(documents_dir()),
        QCoreApplication.translate("Dialogs", "FAQ databases (*.db);;All files (*)"),
    )
    return Path(path) if path else None


def choose_pdf_file(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save a PDF; return None when the user cancels. Adds `.pdf` when missing."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Export as PDF"),
        str(documents_dir() / suggested_name),
        QCoreApplication.translate("Dialogs", "PDF files (*.pdf)"),
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


def accept_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """Show the print dialog; return whether the user chose to print."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def about_text(db: FaqDatabase) -> str:
    """Return the About text: app version, database version, entry count and source hash."""
    info = db.info
    return QCoreApplication.translate("Dialogs", 
        "Partner Offline Help {version}\n\n"
        "The Huawei Cloud partner FAQ, searchable without a network connection.\n\n"
        "Database version: {content}\n"
        "{count} questions under {topics} topics\n"
        "Source hash (SHA-256): {sha}\n"
        "File: {path}"
    ).format(
        version=__version__,
        content=info.version_text,
        count=f"{info.entry_count:,}",
        topics=info.topic_count,
        sha=info.source_sha256 or "-",
        path=db.path,
    )


def about_box(parent: QWidget | None, db: FaqDatabase) -> QMessageBox:
    """Build the About dialog without showing it."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "About Partner Offline Help"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(html.escape(about_text(db)).replace("\n", "<br>"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_about(parent: QWidget | None, db: FaqDatabase) -> None:
    about_box(parent, db).exec()
