"""The answer view: escaping, notices, paragraphs and marked words."""

from __future__ import annotations

from helpapp.core.database import Entry
from helpapp.gui.richtext import AnswerLabels, entry_html, hit_html, mark, paragraph_ranges

MARKUP_EXPORT = (
    "如何在正文中写<b>标签</b>? 正文里有<b>粗体</b>、<img src=x>图片和<script>alert(1)</script>脚本。 父主题: 测试主题\n"
    "什么是伙伴主账号? 伙伴主账号就是完成入驻的华为账号。 父主题: 注册与认证\n"
)

LABELS = AnswerLabels(topics="主题：", fragment_notice="开头被截断。", truncated_notice="结尾被截断。")


def make_entry(body: str, is_fragment: bool = False, is_truncated: bool = False) -> Entry:
    return Entry(
        id=1,
        key="key",
        title="标题",
        body=body,
        is_fragment=is_fragment,
        is_truncated=is_truncated,
        source_name="export.txt",
        source_line=1,
        topic_paths=(("主题",),),
    )


def document_has_image(view) -> bool:
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if iterator.fragment().charFormat().isImageFormat():
                return True
            iterator += 1
        block = block.next()
    return False


def markup_entry_id(db) -> int:
    return next(entry_id for entry_id, title in db.all_titles() if "<b>" in title)


def test_markup_shown_as_text(chinese, make_db, open_window):
    db = make_db(MARKUP_EXPORT)
    window = open_window(db)

    window.show_entry(markup_entry_id(db))
    text = window.answer_view.toPlainText()

    assert "<b>粗体</b>" in text
    assert "<img src=x>" in text
    assert "<script>alert(1)</script>" in text


def test_markup_creates_no_image(chinese, make_db, open_window):
    db = make_db(MARKUP_EXPORT)
    window = open_window(db)

    window.show_entry(markup_entry_id(db))

    assert not document_has_image(window.answer_view)
    assert "<img" not in window.answer_view.toHtml()


def test_markup_title_escaped_in_tree(chinese, make_db, open_window):
    db = make_db(MARKUP_EXPORT)
    window = open_window(db)

    titles = [index.data() for index in window.tree_model.entry_indexes(markup_entry_id(db))]

    assert titles == ["如何在正文中写<b>标签</b>?"]


def test_fragment_notice_shown(window, bundled_db):
    fragment = next(entry for entry in bundled_db.entries([i for i, _ in bundled_db.all_titles()]).values() if entry.is_fragment and not entry.is_truncated)

    window.show_entry(fragment.id)

    assert "此条目的开头在导出时被截断，内容可能不完整。" in window.answer_view.toPlainText()


def test_truncated_notice_shown(window, bundled_db):
    truncated = next(entry for entry in bundled_db.entries([i for i, _ in bundled_db.all_titles()]).values() if entry.is_truncated and not entry.is_fragment)

    window.show_entry(truncated.id)
    text = window.answer_view.toPlainText()

    assert "此条目的结尾在导出时被截断，内容可能不完整。" in text
    assert "此条目的开头" not in text


def test_complete_entry_has_no_notice(window):
    window.show_entry(1)

    assert "截断" not in window.answer_view.toPlainText()


def test_topic_path_shown(window):
    window.show_entry(8)

    assert "所属主题：开具发票；经销商子客户" in window.answer_view.toPlainText()


def test_body_split_into_paragraphs(window, bundled_db):
    entry = bundled_db.entry(8)

    window.show_entry(entry.id)
    paragraphs = [line for line in window.answer_view.toPlainText().splitlines() if line.startswith("顾问销售模式下")]

    assert len(paragraphs) == 2


def test_paragraph_ranges_keep_latin_spaces():
    body = "使用 Huawei Cloud 账号登录。 单击页面 注意事项 伙伴管理员"

    pieces = [body[start:end] for start, end in paragraph_ranges(body)]

    assert pieces == ["使用 Huawei Cloud 账号登录。", "单击页面", "注意事项", "伙伴管理员"]


def test_mark_escapes_and_highlights():
    html = mark("<b>开票</b>", [(3, 5)])

    assert html.startswith("&lt;b&gt;<span")
    assert ">开票</span>&lt;/b&gt;" in html


def test_mark_clips_out_of_range_spans():
    assert mark("开票", [(1, 9)]).endswith(">票</span>")


def test_entry_html_escapes_title_and_topics():
    entry = make_entry("正文。")
    entry = Entry(**{**entry.__dict__, "title": "<script>x</script>", "topic_paths": (("<i>主题</i>",),)})

    html = entry_html(entry, LABELS)

    assert "<script>" not in html
    assert "<i>" not in html
    assert "&lt;script&gt;" in html


def test_entry_html_notices():
    html = entry_html(make_entry("正文。", is_fragment=True, is_truncated=True), LABELS)

    assert "开头被截断。" in html
    assert "结尾被截断。" in html


def test_hit_html_escapes_snippet():
    html = hit_html("标题", [], "主题", "<img src=x>开票", [(11, 13)])

    assert "<img" not in html
    assert "&lt;img src=x&gt;" in html
