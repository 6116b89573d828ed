"""Locations of bundled resources and of the user's data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from helpapp.paths import APPLICATION_NAME, ORGANIZATION_NAME, bundled_database, data_dir, translations_dir


def test_bundled_database_exists():
    assert bundled_database().is_file()


def test_translations_folder_has_chinese():
    assert (translations_dir() / "helpapp_zh_CN.qm").is_file()


@pytest.mark.skipif(sys.platform != "linux", reason="compares the Linux location rule")
def test_data_dir_matches_qt(qapp, isolated_data_dir: Path):
    qapp.setOrganizationName(ORGANIZATION_NAME)
    qapp.setApplicationName(APPLICATION_NAME)
    # The GUI tests switch Qt to its test locations (~/.qttest); compare with the real rule.
    test_mode = QStandardPaths.isTestModeEnabled()
    QStandardPaths.setTestModeEnabled(False)
    try:
        qt_location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        QStandardPaths.setTestModeEnabled(test_mode)
    assert data_dir() == Path(qt_location)
    assert data_dir() == isolated_data_dir / ORGANIZATION_NAME / APPLICATION_NAME
