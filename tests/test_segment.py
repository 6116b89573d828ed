"""The query segmenter built from the vocabulary stored in faq.db."""

from __future__ import annotations

import io
import subprocess
import sys

import jieba

from helpapp.core.database import FaqDatabase
from helpapp.core.segment import prefix_dictionary
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
        "segmenter = QuerySegmenter({'开票': 5, '开票清单': 3}, 8)\n"
        "print(segmenter.words('开票清单'), 'pkg_resources' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['开票清单'] False"
