"""Print an entry, or write it to a PDF file, with a footer on every page.

The footer names the question, its topic path and the database version, so a
printed answer can be traced back to the content it came from.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

# Page margins in millimetres, and the gap between the text and the footer in points.
MARGIN_MM = 18
FOOTER_GAP_PT = 10


def safe_file_name(title: str) -> str:
    """Return `title` without characters that Windows forbids in file names, at most 60 long."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    return cleaned[:60] or "answer"


def footer_text(title: str, topic_path: str, version: str) -> str:
    """Return the footer line: question · topic path · database version."""
    parts = [title]
    if topic_path:
        parts.append(topic_path)
    parts.append(QCoreApplication.translate("Printing", "FAQ version {version}").format(version=version))
    return " · ".join(parts)


def page_number_text(page: int, total: int) -> str:
    return QCoreApplication.translate("Printing", "Page {page} of {total}").format(page=page, total=total)


def prepare_printer(printer: QPrinter, document_name: str) -> None:
    printer.setDocName(document_name)
    printer.setCreator("Partner Offline Help")
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )
    printer.setPageLayout(layout)


def print_html(printer: QPrinter, body_html: str, footer: str, font: QFont) -> int:
    """Lay out `body_html` on the printer's pages, paint `footer` under each page and
    return the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("Printing", "The printer or file could not be opened."))

    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        footer_font = QFont(font)
        footer_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        metrics = QFontMetricsF(footer_font, printer)
        footer_height = metrics.height() + FOOTER_GAP_PT * printer.resolution() / 72

        document = QTextDocument()
        document.documentLayout().setPaintDevice(printer)
        document.setDefaultFont(font)
        document.setHtml(body_html)
        body_height = page.height() - footer_height
        document.setPageSize(QSizeF(page.width(), body_height))
        total = document.pageCount()

        for number in range(total):
            if number > 0:
                printer.newPage()
            _paint_page(painter, document, number, page.width(), body_height)
            _paint_footer(painter, footer_font, footer, page_number_text(number + 1, total), page.width(), page.height(), metrics)
    finally:
        painter.end()

    log.info("printed %d page(s) to %s", total, printer.outputFileName() or printer.printerName())
    return total


def _paint_page(painter: QPainter, document: QTextDocument, number: int, width: float, height: float) -> None:
    painter.save()
    painter.translate(0, -number * height)
    clip = QRectF(0, number * height, width, height)
    painter.setClipRect(clip)
    document.drawContents(painter, clip)
    painter.restore()


def _paint_footer(painter: QPainter, font: QFont, left: str, right: str, width: float, height: float, metrics: QFontMetricsF) -> None:
    painter.save()
    painter.setFont(font)
    right_width = metrics.horizontalAdvance(right) + metrics.averageCharWidth() * 2
    line = QRectF(0, height - metrics.height(), width, metrics.height())
    elided = metrics.elidedText(left, Qt.TextElideMode.ElideRight, width - right_width)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.restore()


def export_pdf(path: Path, body_html: str, footer: str, document_name: str, font: QFont) -> int:
    """Write the entry to the PDF file `path` and return the number of pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_printer(printer, document_name)
    return print_html(printer, body_html, footer, font)
