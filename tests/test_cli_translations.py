"""The command line's message catalog: complete, compiled, and true to its placeholders."""

from __future__ import annotations

import re

import pytest

from tools.update_translations import cli_catalog_path, cli_source_messages, compile_cli_catalog, read_cli_catalog

LANGUAGE = "zh_CN"
PLACEHOLDER = re.compile(r"\{\w*\}|%(?:\(\w+\))?[sdr]")


@pytest.fixture(scope="module")
def catalog():
    return read_cli_catalog(cli_catalog_path(LANGUAGE), LANGUAGE)


def message_id(message: str | tuple[str, str]) -> str:
    return message if isinstance(message, str) else message[0]


def translations(entry) -> list[str]:
    return list(entry.string) if isinstance(entry.string, tuple) else [entry.string]


def test_every_message_in_catalog(catalog):
    missing = [message_id(message) for message in cli_source_messages() if catalog.get(message_id(message)) is None]

    assert missing == [], "run python tools/update_translations.py"


def test_every_message_translated(catalog):
    untranslated = [entry.id for entry in catalog if entry.id and not all(translations(entry))]

    assert untranslated == []


def test_translations_keep_placeholders(catalog):
    for entry in catalog:
        if not entry.id:
            continue
        expected = sorted(PLACEHOLDER.findall(message_id(entry.id)))
        for text in translations(entry):
            assert sorted(PLACEHOLDER.findall(text)) == expected, entry.id


def test_compiled_catalog_matches_po():
    path = cli_catalog_path(LANGUAGE)

    assert path.with_suffix(".mo").read_bytes() == compile_cli_catalog(path, LANGUAGE)
