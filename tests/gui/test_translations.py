"""Every visible string of the window is translated into Simplified Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QLineEdit, QMenu, QWidget

from helpapp.core.outcome import SearchOutcome

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "helpapp_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
GUI_SOURCES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "helpapp" / "gui").glob("*.py"))

# Latin words that stay in Chinese text: key names, product and option names.
ALLOWED_WORDS = {"Ctrl", "Shift", "Alt", "Esc", "Home", "PDF", "SHA", "db", "SOW", "MDF", "HCPN"}
PLACEHOLDER_RE = re.compile(r"\{\w+\}|%n")


def pyside_tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside {sys.executable}")
    return str(path)


def ts_messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [(message.findtext("source"), message.find("translation")) for message in root.iter("message")]


def translation_texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_ts_has_messages():
    assert len(ts_messages()) >= 20


@pytest.mark.parametrize(("source", "translation"), ts_messages(), ids=lambda value: str(value)[:30])
def test_ts_message_translated(source, translation):
    assert translation.get("type") is None, f"translation of {source!r} is {translation.get('type')}"
    for text in translation_texts(translation):
        assert text.strip(), f"translation of {source!r} is empty"
        assert re.search(r"[\u4e00-\u9fff]", text), f"translation of {source!r} has no Chinese: {text!r}"


@pytest.mark.parametrize(("source", "translation"), ts_messages(), ids=lambda value: str(value)[:30])
def test_ts_placeholders_kept(source, translation):
    expected = sorted(PLACEHOLDER_RE.findall(source))
    for text in translation_texts(translation):
        assert sorted(PLACEHOLDER_RE.findall(text)) == expected, f"placeholders differ in {text!r}"


def test_ts_up_to_date_with_sources(tmp_path):
    lupdate = pyside_tool("pyside6-lupdate")
    copy = tmp_path / TS_FILE.name
    shutil.copyfile(TS_FILE, copy)

    subprocess.run(
        [lupdate, *GUI_SOURCES, "-locations", "none", "-no-obsolete", "-source-language", "en",
         "-target-language", "zh_CN", "-ts", str(copy)],
        cwd=ROOT, check=True, capture_output=True,
    )

    assert copy.read_text(encoding="utf-8") == TS_FILE.read_text(encoding="utf-8"), (
        "helpapp_zh_CN.ts is out of date: run tools/update_translations.py and translate new strings"
    )


def test_qm_compiled_from_ts(tmp_path):
    lrelease = pyside_tool("pyside6-lrelease")
    compiled = tmp_path / QM_FILE.name

    subprocess.run([lrelease, "-removeidentical", str(TS_FILE), "-qm", str(compiled)], check=True, capture_output=True)

    assert compiled.read_bytes() == QM_FILE.read_bytes(), "helpapp_zh_CN.qm is stale: run tools/update_translations.py"


def visible_texts(window) -> dict[str, str]:
    """Return the user-visible strings of the window's widgets, actions and menus."""
    texts = {"window title": window.windowTitle(), "status message": window.statusBar().currentMessage()}
    for number, widget in enumerate([window, *window.findChildren(QWidget)]):
        name = f"#{number} {type(widget).__name__} {widget.objectName()}".strip()
        texts[f"{name} tooltip"] = widget.toolTip()
        texts[f"{name} accessible name"] = widget.accessibleName()
        if isinstance(widget, QLabel):
            texts[f"{name} text"] = re.sub(r"<[^>]+>", "", widget.text())
        if isinstance(widget, QLineEdit):
            texts[f"{name} placeholder"] = widget.placeholderText()
        if isinstance(widget, QAbstractButton):
            texts[f"{name} text"] = widget.text()
        if isinstance(widget, QMenu):
            texts[f"{name} title"] = widget.title()
    for action in window.findChildren(QAction):
        texts[f"action {action.text()!r} text"] = action.text()
        texts[f"action {action.text()!r} tooltip"] = action.toolTip()
    texts["answer view"] = window.answer_view.toPlainText()
    return texts


def english_words(text: str) -> list[str]:
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in ALLOWED_WORDS]


def assert_all_chinese(texts: dict[str, str], data: str) -> None:
    """Assert that no text has English words once the database's own `data` is removed."""
    untranslated = {place: text for place, text in texts.items() if english_words(text.replace(data, ""))}
    assert untranslated == {}


def test_window_strings_chinese(window):
    assert_all_chinese(visible_texts(window), window.db.info.version_text)


def test_results_strings_chinese(window, bundled_db, qtbot):
    from helpapp.core.search import search

    result = search(bundled_db, "开票")
    window.results_panel.show_outcome(SearchOutcome(job_id=0, query="开票", result=result))

    assert_all_chinese(visible_texts(window), window.db.info.version_text)


def test_nothing_found_strings_chinese(window, bundled_db):
    from helpapp.core.search import search

    result = search(bundled_db, "电脑")
    window.results_panel.show_outcome(SearchOutcome(job_id=0, query="电脑", result=result))

    assert_all_chinese(visible_texts(window), window.db.info.version_text)


def test_failure_message_chinese(window):
    window.results_panel.show_failure("开票")

    assert_all_chinese(visible_texts(window), window.db.info.version_text)


def test_fragment_notice_chinese(window, bundled_db):
    window.show_entry(16)

    assert english_words(window.answer_view.toPlainText()) == []


def test_window_title_chinese(window):
    assert window.windowTitle() == "伙伴离线帮助"


def test_placeholder_chinese(window):
    assert window.search_box.placeholderText() == "搜索问题，例如：如何开票"


def test_status_bar_text(window, bundled_db):
    version = bundled_db.info.version_text

    assert window.database_label.text() == f"共 18 条问答 · 版本 {version}"


def test_english_mode(english, bundled_db, open_window):
    window = open_window(bundled_db)

    assert window.windowTitle() == "Partner Offline Help"
    assert window.search_box.placeholderText().startswith("Search questions")


def test_file_dialog_labels_chinese(chinese, qtbot):
    dialog = QFileDialog(None, "导入问答库")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)

    labels = [label.text() for label in dialog.findChildren(QLabel)]

    assert labels
    assert [text for text in labels if english_words(text)] == []
