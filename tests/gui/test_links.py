"""Related questions, cross references and web links in answers; nothing is loaded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from helpapp.core.related import related_entries
from helpapp.gui import links

REFERENCE_EXPORT = (
    "如何管理客户关联关系? 在伙伴中心管理客户关联关系。 父主题: 客户管理\n"
    "如何解除关联? 解除关联的条件请参见如何管理客户关联关系。其余说明请参见不存在的标题。"
    "更多内容详见客户管理。 父主题: 客户管理\n"
    "有哪些外部链接? 官网 http://example.com/help?id=1。 不要打开 file:///etc/passwd 和 javascript:alert(1)，"
    "也不要显示 <img src=\"http://example.com/x.png\"> 或 <a href=\"https://evil.example\">链接</a>。 父主题: 其他\n"
)


@pytest.fixture
def reference_db(make_db):
    return make_db(REFERENCE_EXPORT)


def entry_id_titled(db, prefix: str) -> int:
    return next(entry_id for entry_id, title in db.all_titles() if title.startswith(prefix))


def anchor_list(view) -> list[tuple[str, str]]:
    """Return the (href, text) of each link in the view's document, in order."""
    found: list[tuple[str, str]] = []
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        previous = None
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else None
            if href is not None and href == previous:
                found[-1] = (href, found[-1][1] + fragment.text())
            elif href is not None:
                found.append((href, fragment.text()))
            previous = href
            iterator += 1
        block = block.next()
    return found


def anchors(view) -> dict[str, str]:
    """Return the links of the view as {href: text}; a later link with the same href wins."""
    return dict(anchor_list(view))


@pytest.fixture
def opened_urls(monkeypatch) -> list[QUrl]:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url)) or True)
    return opened


def test_related_questions_listed(window, bundled_db):
    window.show_entry(8)
    text = window.answer_view.toPlainText()

    assert "相关问题" in text
    for entry in related_entries(bundled_db, 8):
        assert entry.title in text


def test_related_question_opens(window, bundled_db):
    related = related_entries(bundled_db, 8)[0]
    window.show_entry(8)

    assert links.entry_url(related.key) in anchors(window.answer_view)

    window.answer_view.anchorClicked.emit(QUrl(links.entry_url(related.key)))

    assert window.answer_view.entry_id == related.id


def test_cross_reference_to_entry(chinese, reference_db, open_window):
    window = open_window(reference_db)
    target = reference_db.entry(entry_id_titled(reference_db, "如何管理客户关联关系"))

    window.show_entry(entry_id_titled(reference_db, "如何解除关联"))

    assert (links.entry_url(target.key), "如何管理客户关联关系") in anchor_list(window.answer_view)


def test_cross_reference_to_topic(chinese, reference_db, open_window):
    window = open_window(reference_db)
    topic = next(topic for topic in reference_db.iter_topics() if topic.title == "客户管理")

    window.show_entry(entry_id_titled(reference_db, "如何解除关联"))

    assert (links.topic_url(topic.id), "客户管理") in anchor_list(window.answer_view)


def test_unknown_reference_plain(chinese, reference_db, open_window):
    window = open_window(reference_db)

    window.show_entry(entry_id_titled(reference_db, "如何解除关联"))

    assert "不存在的标题" in window.answer_view.toPlainText()
    assert not any("不存在" in text for text in anchors(window.answer_view).values())


def test_cross_reference_click_opens(chinese, reference_db, open_window):
    window = open_window(reference_db)
    target = entry_id_titled(reference_db, "如何管理客户关联关系")
    window.show_entry(entry_id_titled(reference_db, "如何解除关联"))

    window.answer_view.anchorClicked.emit(QUrl(links.entry_url(reference_db.entry(target).key)))

    assert window.answer_view.entry_id == target


def test_http_url_becomes_link(chinese, reference_db, open_window):
    window = open_window(reference_db)

    window.show_entry(entry_id_titled(reference_db, "有哪些外部链接"))

    assert "http://example.com/help?id=1" in anchors(window.answer_view)


def test_other_schemes_stay_text(chinese, reference_db, open_window):
    window = open_window(reference_db)

    window.show_entry(entry_id_titled(reference_db, "有哪些外部链接"))
    hrefs = anchors(window.answer_view)
    text = window.answer_view.toPlainText()

    assert not any(href.startswith(("file:", "javascript:")) for href in hrefs)
    assert "file:///etc/passwd" in text
    assert "javascript:alert(1)" in text


def test_markup_links_and_images_text(chinese, reference_db, open_window):
    window = open_window(reference_db)

    window.show_entry(entry_id_titled(reference_db, "有哪些外部链接"))
    text = window.answer_view.toPlainText()

    assert '<img src="http://example.com/x.png">' in text
    assert '<a href="https://evil.example">链接</a>' in text
    assert "链接" not in anchors(window.answer_view).values()
    assert "<img" not in window.answer_view.toHtml()


def test_web_link_opens_browser(window, opened_urls):
    window.answer_view.anchorClicked.emit(QUrl("https://example.com/a"))

    assert [url.toString() for url in opened_urls] == ["https://example.com/a"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "helpapp://nowhere/1"])
def test_other_links_ignored(window, opened_urls, url):
    window.show_entry(1)

    window.answer_view.anchorClicked.emit(QUrl(url))

    assert opened_urls == []
    assert window.answer_view.entry_id == 1


@pytest.mark.parametrize(
    "url",
    ["http://example.com/x.png", "https://example.com/style.css", "file:///etc/passwd", "x.png", "helpapp://entry/abc"],
)
def test_load_resource_returns_nothing(window, url):
    for kind in (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.StyleSheetResource):
        assert window.answer_view.loadResource(kind, QUrl(url)) is None


def test_find_web_urls_trims_punctuation():
    text = "见 https://example.com/a.html。或 (http://example.com/b), 结束"

    found = [text[start:end] for start, end in links.find_web_urls(text)]

    assert found == ["https://example.com/a.html", "http://example.com/b"]


def test_parse_internal_rejects_junk():
    assert links.parse_internal("helpapp://entry/../../x") is None
    assert links.parse_internal("helpapp://topic/abc") is None
    assert links.parse_internal("https://entry/abc") is None
    assert links.parse_internal("helpapp://entry/abc123") == links.InternalLink("entry", "abc123")
