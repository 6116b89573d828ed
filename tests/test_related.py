"""Related questions and cross references between entries."""

from __future__ import annotations

import pytest

from helpapp.core.database import FaqDatabase
from helpapp.core.related import cross_references, related_entries

LINKED_EXPORT = (
    "管理客户关联关系 伙伴可以在伙伴中心管理客户关联关系。 父主题: 关联\n"
    "如何取消关联? 详细的注意事项,请参见管理客户关联关系。 父主题: 关联\n"
    "如何索取发票? 详细操作步骤请参见向华为云索取发票和开具发票。 父主题: 开具发票\n"
    "向华为云索取发票 在费用中心申请发票。 父主题: 开具发票\n"
    "如何开专票? 请参见不存在的页面。 父主题: 开具发票\n"
)


def entry_id(db: FaqDatabase, title: str) -> int:
    return next(entry_id for entry_id, entry_title in db.all_titles() if entry_title == title)


def test_reference_to_entry_title(make_db):
    db = make_db(LINKED_EXPORT)
    body = db.entry(entry_id(db, "如何取消关联?")).body
    [reference] = cross_references(db, body)
    assert body[reference.start : reference.end] == "管理客户关联关系"
    assert reference.kind == "entry"
    assert reference.target_id == entry_id(db, "管理客户关联关系")


def test_two_references_joined_by_and(make_db):
    db = make_db(LINKED_EXPORT)
    body = db.entry(entry_id(db, "如何索取发票?")).body
    references = cross_references(db, body)
    assert [(body[ref.start : ref.end], ref.kind) for ref in references] == [
        ("向华为云索取发票", "entry"),
        ("开具发票", "topic"),
    ]


def test_unknown_reference_left_out(make_db):
    db = make_db(LINKED_EXPORT)
    assert cross_references(db, db.entry(entry_id(db, "如何开专票?")).body) == []


def test_real_export_reference_without_target(real_db: FaqDatabase):
    # The real export names 管理客户关联关系, which is not one of its titles.
    body = real_db.entry(entry_id(real_db, "合作伙伴如何取消与子客户的关联关系?")).body
    assert "请参见管理客户关联关系" in body
    assert cross_references(real_db, body) == []


def test_related_same_topic_first(real_db: FaqDatabase):
    source = entry_id(real_db, "合作伙伴如何取消与子客户的关联关系?")
    related = [entry.title for entry in related_entries(real_db, source, limit=5)]
    same_topic = {"伙伴可以将客户的代售模式改为顾问销售模式吗?", "合作伙伴拓展客户时,关联类型“顾问销售模式”和“代售模式”指的是什么?"}
    assert set(related[:2]) == same_topic
    assert len(related) == 5
    assert "合作伙伴如何取消与子客户的关联关系?" not in related


def test_related_by_shared_words(real_db: FaqDatabase):
    source = entry_id(real_db, "合作伙伴如何取消与子客户的关联关系?")
    related = [entry.title for entry in related_entries(real_db, source, limit=5)]
    # Not in the same topic, but about the same customer relationship events.
    assert "合作伙伴如何处理子客户发起的解除关联事件?" in related[2:]


def test_related_unknown_entry(real_db: FaqDatabase):
    assert related_entries(real_db, 9999) == []


SPELLING_EXPORT = (
    "如何开具发票? 第一种说法。 父主题: 开具发票\n"
    "如何开具发票？ 第二种说法。 父主题: 开具发票\n"
    "如何開具專票? 繁体标题。 父主题: 开具发票\n"
    "为什么开票失败……? 标题以省略号结尾。 父主题: 开具发票\n"
    "开具发票 在费用中心开具发票。 父主题: 开具发票\n"
    "如何申请? 请参见如何开具发票。另请参见如何开具专票和为什么开票失败……。更多内容详见开具发票。 父主题: 申请\n"
)


def test_text_without_reference(real_db: FaqDatabase):
    assert cross_references(real_db, "伙伴可以在伙伴中心发起申请。") == []


def test_reference_title_twice_lowest_id(make_db):
    db = make_db(SPELLING_EXPORT)
    first, second = sorted(entry_id for entry_id, title in db.all_titles() if title.startswith("如何开具发票"))
    body = db.entry(entry_id(db, "如何申请?")).body
    reference = cross_references(db, body)[0]
    assert body[reference.start : reference.end] == "如何开具发票"
    assert reference.target_id == first
    assert reference.target_id != second


@pytest.mark.parametrize(
    ("reference_text", "kind", "target_title"),
    [
        pytest.param("如何开具专票", "entry", "如何開具專票?", id="traditional-title"),
        pytest.param("为什么开票失败……", "entry", "为什么开票失败……?", id="ellipsis-title"),
        pytest.param("开具发票", "entry", "开具发票", id="entry-over-same-named-topic"),
    ],
)
def test_reference_resolves_to_entry(make_db, reference_text, kind, target_title):
    db = make_db(SPELLING_EXPORT)
    body = db.entry(entry_id(db, "如何申请?")).body
    by_text = {body[ref.start : ref.end]: ref for ref in cross_references(db, body)}

    assert by_text[reference_text].kind == kind
    assert by_text[reference_text].target_id == entry_id(db, target_title)


UNASSIGNED_EXPORT = (
    "如何重置密码? 在账号设置页面重置密码。\n"
    "什么是云实验? 云实验是动手练习的环境。\n"
    "忘记密码怎么办? 登录页面可以重置密码。\n"
    "如何绑定手机? 在个人信息中绑定手机。 父主题: 安全\n"
    "如何修改邮箱? 联系管理员更换邮箱地址。 父主题: 安全\n"
    "手机无法绑定怎么办? 检查手机号码后重新绑定手机。\n"
)


def test_related_unassigned_by_shared_words(make_db):
    db = make_db(UNASSIGNED_EXPORT)
    related = [entry.title for entry in related_entries(db, entry_id(db, "如何重置密码?"))]
    # Unassigned entries do not count as one topic, so only shared words relate them.
    assert related == ["忘记密码怎么办?"]


def test_related_same_topic_without_shared_words(make_db):
    db = make_db(UNASSIGNED_EXPORT)
    related = [entry.title for entry in related_entries(db, entry_id(db, "如何绑定手机?"))]
    assert related == ["如何修改邮箱?", "手机无法绑定怎么办?"]


def test_related_limit(real_db: FaqDatabase):
    source = entry_id(real_db, "合作伙伴如何取消与子客户的关联关系?")
    assert related_entries(real_db, source, limit=0) == []
    assert len(related_entries(real_db, source, limit=3)) == 3
