"""Text helpers shared by the command line and the window."""

from __future__ import annotations

import pytest

from helpapp.core.text import shorten


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("开票", "开票"),
        ("如何开票", "如何开票"),
        ("如何开专票", "如何开专…"),
    ],
)
def test_shorten_cuts_long_text(text: str, expected: str):
    assert shorten(text, 4) == expected
