"""The query segmenter built from the vocabulary stored in faq.db."""

from __future__ import annotations

import io
import logging
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from helpapp.core import schema
from helpapp.core.database import FaqDatabase
from helpapp.core.segment import pack_prefix_dictionary, prefix_dictionary, unpack_prefix_dictionary
from tests.conftest import ROOT


def test_prefix_dictionary_equals_jiebas_own(real_db: FaqDatabase):
    vocabulary = dict(real_db.execute("SELECT word, freq FROM vocabulary").fetchall())
    lines = "".join(f"{word} {count}\n" for word, count in vocabulary.items())

    expected, _total = jieba.Tokenizer().gen_pfdict(io.BytesIO(lines.encode("utf-8")))

    assert prefix_dictionary(vocabulary) == expected


def test_query_segmenter_keeps_corpus_words(real_db: FaqDatabase):
    assert real_db.segmenter.words("合作伙伴如何取消关联") == ["合作伙伴", "如何", "取消关联"]


def test_query_segmenter_loads_without_pkg_resources():
    # A new process, because this test process may have imported pkg_resources.
    script = (
        "import sys\n"
        "from helpapp.core.segment import QuerySegmenter\n"
        "segmenter = QuerySegmenter({'开': 0, '开票': 5, '开票清': 0, '开票清单': 3}, 8)\n"
        "print(segmenter.words('开票清单'), 'pkg_resources' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['开票清单'] False"


@pytest.mark.parametrize(
    "prefixes",
    [
        {},
        {"开": 0, "开票": 5},
        {"HCPN": 12, "伙": 0, "伙伴": 2**31},
    ],
)
def test_packed_dictionary_round_trip(prefixes: dict[str, int]):
    assert unpack_prefix_dictionary(*pack_prefix_dictionary(prefixes)) == prefixes


def test_packed_dictionary_rejects_mismatched_parts():
    words, freqs = pack_prefix_dictionary({"开": 0, "开票": 5})

    with pytest.raises(ValueError, match="2 words but 1 frequencies"):
        unpack_prefix_dictionary(words, freqs[:4])


def test_stored_dictionary_matches_vocabulary(real_db: FaqDatabase):
    vocabulary = dict(real_db.execute("SELECT word, freq FROM vocabulary").fetchall())
    row = real_db.execute(f"SELECT words, freqs FROM {schema.QUERY_DICTIONARY}").fetchone()

    assert unpack_prefix_dictionary(row["words"], row["freqs"]) == prefix_dictionary(vocabulary)


@pytest.mark.parametrize("query", ["合作伙伴如何取消关联", "在哪里填写发票号", "子客户开票"])
def test_segmenter_same_without_stored_dictionary(real_db: FaqDatabase, tmp_path: Path, query: str):
    copy = tmp_path / "old.db"
    shutil.copyfile(real_db.path, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute(f"DROP TABLE {schema.QUERY_DICTIONARY}")
    connection.close()

    with FaqDatabase(copy) as old:
        assert old.segmenter.words(query) == real_db.segmenter.words(query)


def test_damaged_stored_dictionary_is_derived(real_db: FaqDatabase, tmp_path: Path, caplog):
    copy = tmp_path / "damaged.db"
    shutil.copyfile(real_db.path, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute(f"UPDATE {schema.QUERY_DICTIONARY} SET freqs = substr(freqs, 1, 4)")
    connection.close()

    with caplog.at_level(logging.INFO, logger="helpapp.core.database"), FaqDatabase(copy) as damaged:
        words = damaged.segmenter.words("子客户开票")

    assert words == real_db.segmenter.words("子客户开票")
    assert "invalid packed query dictionary" in caplog.text
    assert "has no packed query dictionary" not in caplog.text
