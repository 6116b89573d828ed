"""Printing and PDF export with a footer that names the question and the database version."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from helpapp.gui import printing

ENTRY_ID = 8


def pdf_texts(data: bytes) -> list[str]:
    """Decode the text runs (BT … ET) of a Qt-written PDF with each font's ToUnicode map.

    Qt writes each glyph as `<hhhh> Tj`. A run is decoded with every map, so one of
    the results is the real text. Enough for tests, not a general PDF reader.
    """
    streams = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            streams.append(raw)

    maps = []
    for stream in (s for s in streams if b"begincmap" in s):
        mapping = {}
        for start, end, target in re.findall(rb"^<([0-9A-F]{4})> <([0-9A-F]{4})> \[((?:<[0-9A-F]+> ?)+)\]", stream, re.M):
            for offset, code in enumerate(re.findall(rb"<([0-9A-F]+)>", target)):
                mapping[int(start, 16) + offset] = bytes.fromhex(code.decode()).decode("utf-16-be")
        for start, end, code in re.findall(rb"^<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>$", stream, re.M):
            for offset in range(int(start, 16), int(end, 16) + 1):
                mapping[offset] = chr(int(code, 16) + offset - int(start, 16))
        maps.append(mapping)

    texts = []
    for stream in (s for s in streams if b" Tj" in s):
        for run in re.findall(rb"BT(.*?)ET", stream, re.S):
            codes = [int(code, 16) for code in re.findall(rb"<([0-9A-Fa-f]{4})> Tj", run)]
            texts.extend("".join(mapping.get(code, "\ufffd") for code in codes) for mapping in maps)
    return texts


def test_footer_text_parts():
    text = printing.footer_text("如何开票?", "开具发票", "v1")

    assert text == "如何开票? · 开具发票 · FAQ version v1"


def test_footer_text_translated(chinese):
    assert printing.footer_text("标题", "主题", "abc").endswith("问答库版本 abc")


def test_export_pdf_writes_pdf(window, dialog_log, tmp_path):
    dialog_log.save_file = tmp_path / "answer.pdf"
    window.show_entry(ENTRY_ID)

    written = window.export_pdf()

    assert written == tmp_path / "answer.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_pdf_footer_has_version(window, dialog_log, tmp_path, bundled_db):
    dialog_log.save_file = tmp_path / "answer.pdf"
    window.show_entry(ENTRY_ID)

    texts = pdf_texts(window.export_pdf().read_bytes())
    version = bundled_db.info.version_text

    # Chinese and Latin glyphs come from different fonts, so they are separate runs.
    assert any("问答库版本" in text for text in texts)
    assert any(version in text for text in texts)
    assert any("页，共" in text for text in texts)


def test_pdf_title_metadata(window, dialog_log, tmp_path, bundled_db):
    dialog_log.save_file = tmp_path / "answer.pdf"
    window.show_entry(ENTRY_ID)

    data = window.export_pdf().read_bytes()
    title = "顾问销售类子客户如何开票".encode("utf-16-be")

    assert b"/Title (\xfe\xff" + title in data


def test_export_cancelled_writes_nothing(window, dialog_log, tmp_path):
    window.show_entry(ENTRY_ID)

    assert window.export_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_export_to_missing_folder_reports(window, dialog_log, tmp_path):
    dialog_log.save_file = tmp_path / "missing" / "answer.pdf"
    window.show_entry(ENTRY_ID)

    assert window.export_pdf() is None
    assert dialog_log.messages[0]["title"] == "伙伴离线帮助：导出失败"


def test_print_uses_dialog_printer(window, dialog_log, monkeypatch, tmp_path):
    target = tmp_path / "printed.pdf"

    def accept(printer: QPrinter, parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr("helpapp.gui.dialogs.accept_print_dialog", accept)
    window.show_entry(ENTRY_ID)

    window.window_actions.print.trigger()

    assert target.read_bytes().startswith(b"%PDF")


def test_print_cancelled(window, dialog_log, tmp_path):
    window.show_entry(ENTRY_ID)

    window.print_answer()

    assert dialog_log.messages == []


def test_safe_file_name():
    assert printing.safe_file_name('如何开票?<b>/x') == "如何开票 b x"
    assert isinstance(Path(printing.safe_file_name("a:b")), Path)
