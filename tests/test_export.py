"""Parsing the partner FAQ export: each quirk on a small input and on the real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpapp.core.export import (
    MAX_LINE_CHARS,
    UNASSIGNED_TOPIC,
    ExportError,
    SourceLine,
    derive_fragment_title,
    parse_exports,
    parse_line,
    parse_lines,
    read_export,
)


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine("export.txt", number, text) for number, text in enumerate(texts, start=1)]


def parse_one(text: str):
    return parse_line(SourceLine("export.txt", 1, text))


# Small inputs, one quirk each


def test_question_title_ascii_mark():
    entry = parse_one("什么是伙伴主账号? 伙伴主账号就是注册的华为账号。 父主题: 注册与认证")
    assert entry.title == "什么是伙伴主账号?"
    assert entry.body == "伙伴主账号就是注册的华为账号。"
    assert entry.topic_path == ("注册与认证",)
    assert not entry.is_fragment
    assert not entry.is_truncated


def test_question_title_fullwidth_mark():
    entry = parse_one("经销商如何开专票？ 登录伙伴中心申请。 父主题: 开具发票")
    assert entry.title == "经销商如何开专票？"
    assert entry.body == "登录伙伴中心申请。"


def test_noun_phrase_title():
    entry = parse_one("项目经理工作量分解 SOW中伙伴投入人天需具体拆分至负责人。 父主题: SOW注意事项")
    assert entry.title == "项目经理工作量分解"
    assert entry.body.startswith("SOW中伙伴")
    assert not entry.is_fragment


def test_fullwidth_topic_marker():
    entry = parse_one("如何开票? 前往费用中心开票。 父主题：开具发票")
    assert entry.topic_path == ("开具发票",)
    assert entry.body == "前往费用中心开票。"


def test_nested_topic_path():
    entry = parse_one("如何开票? 前往费用中心开票。 父主题: 财务 > 开具发票")
    assert entry.topic_path == ("财务", "开具发票")


@pytest.mark.parametrize(
    ("line", "expected_title"),
    [
        ("径项目专员,并且需要定期维护项目专员信息。 操作步骤 邀请成员。", "…径项目专员,并且需要定期维护项目专员信息"),
        ("邮箱)将邀请链接或者二维码发送给其报备客户,邀请其注册。 注意事项", "…将邀请链接或者二维码发送给其报备客户,邀请其注册"),
        ("辩,达到验收条件的专家可申请专职人员激励。 操作步骤", "…达到验收条件的专家可申请专职人员激励"),
        ("运营看板 > 业绩看板”中查看业绩数据。业绩看板数据延迟1天。 父主题: 激励", "…运营看板 > 业绩看板中查看业绩数据"),
        ("模板如下: 单击开票通知邮件中的链接,打印开票清单。 合作伙伴也可以登录", "…模板如下: 单击开票通知邮件中的链接,打印开票清单"),
    ],
)
def test_fragment_gets_derived_title(line, expected_title):
    entry = parse_one(line)
    assert entry.is_fragment
    assert entry.title == expected_title


def test_fragment_keeps_whole_text_as_body():
    line = "邮箱)将邀请链接或者二维码发送给其报备客户,邀请其注册和关联。 注意事项 伙伴管理员"
    entry = parse_one(line)
    assert entry.body == line


def test_derived_title_is_capped():
    title = derive_fragment_title("径" + "很长的句子" * 20 + "。")
    assert title.startswith("…")
    assert title.endswith("…")
    assert len(title) <= 42


def test_truncated_line_without_topic_and_sentence_end():
    entry = parse_one("合作伙伴如何处理解除关联事件? 合作伙伴可以单击页面")
    assert entry.is_truncated
    assert entry.topic_path is None


def test_complete_line_without_topic_not_truncated():
    entry = parse_one("辩,达到验收条件的专家可申请专职人员激励。 联系您的生态经理提交专家简历。")
    assert not entry.is_truncated


def test_line_with_topic_is_not_truncated():
    entry = parse_one("如何开票? 前往费用中心 父主题: 开具发票")
    assert not entry.is_truncated


def test_banner_lines_dropped_and_counted():
    result = parse_lines(
        lines(
            "检测到您已登录华为云国际站账号,为了您更好的体验,建议您访问国际站服务网站 https://example.invalid",
            "不再显示此消息",
            "如何开票? 前往费用中心开票。 父主题: 开具发票",
        )
    )
    assert len(result.entries) == 1
    assert [line.number for line in result.report.dropped_lines] == [1, 2]


def test_exact_duplicate_lines_become_one_entry():
    text = "如何开票? 前往费用中心开票。 父主题: 开具发票"
    result = parse_lines(lines(text, text))
    assert len(result.entries) == 1
    assert [line.number for line in result.report.exact_duplicates] == [2]


def test_same_entry_under_two_topics_merged():
    result = parse_lines(
        lines(
            "顾问销售类子客户如何开票? 前往费用中心开票。 父主题: 开具发票",
            "顾问销售类子客户如何开票? 前往费用中心开票。 父主题: 经销商子客户",
        )
    )
    assert len(result.entries) == 1
    assert result.entries[0].topic_paths == [("开具发票",), ("经销商子客户",)]
    assert [line.number for line in result.report.merged_topics] == [2]


def test_blank_lines_skipped():
    result = parse_lines(lines("", "如何开票? 前往费用中心开票。 父主题: 开具发票", "   "))
    assert len(result.entries) == 1
    assert result.report.blank_lines == 2


# Reading files


def test_missing_file_named(tmp_path: Path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(ExportError, match="nope.txt: file not found"):
        read_export(missing)


def test_empty_file_named(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n  \n")
    with pytest.raises(ExportError, match="empty.txt: the file is empty"):
        read_export(empty)


ENTRY_LINE = "如何开票? 前往费用中心开票。 父主题: 开具发票"


def test_binary_file_names_line(tmp_path: Path):
    source = tmp_path / "image.png"
    source.write_bytes("第一行\n".encode() + b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)))
    with pytest.raises(ExportError, match=r"image.png:2: not valid utf-8 text"):
        read_export(source)


def test_gbk_file_detected(tmp_path: Path):
    source = tmp_path / "gbk.txt"
    source.write_bytes(ENTRY_LINE.encode("gbk"))
    assert read_export(source)[0].text == ENTRY_LINE


def test_explicit_encoding(tmp_path: Path):
    source = tmp_path / "big5.txt"
    source.write_bytes("如何開票? 前往費用中心開票。 父主題: 開具發票".encode("big5"))
    assert read_export(source, encoding="big5")[0].text.startswith("如何開票?")


def test_wrong_explicit_encoding_names_line(tmp_path: Path):
    source = tmp_path / "utf8.txt"
    source.write_text("第一行\n" + ENTRY_LINE, encoding="utf-8")
    with pytest.raises(ExportError, match=r"utf8.txt:1: not valid ascii text"):
        read_export(source, encoding="ascii")


def test_unknown_encoding_named(tmp_path: Path):
    source = tmp_path / "export.txt"
    source.write_text(ENTRY_LINE, encoding="utf-8")
    with pytest.raises(ExportError, match="unknown encoding 'klingon'"):
        read_export(source, encoding="klingon")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str):
    source = tmp_path / "utf16.txt"
    data = ENTRY_LINE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    source.write_bytes(data)
    assert read_export(source)[0].text == ENTRY_LINE


def test_crlf_line_ends(tmp_path: Path):
    source = tmp_path / "crlf.txt"
    source.write_bytes(f"不再显示此消息\r\n{ENTRY_LINE}\r\n".encode())
    lines = read_export(source)
    assert [line.text for line in lines] == ["不再显示此消息", ENTRY_LINE]


def test_line_numbers_ignore_unicode_line_separators(tmp_path: Path):
    source = tmp_path / "separators.txt"
    source.write_text(f"甲\u2028乙\n{ENTRY_LINE}\n", encoding="utf-8")
    assert [line.number for line in read_export(source)] == [1, 2]


def test_nul_bytes_name_line(tmp_path: Path):
    source = tmp_path / "nul.txt"
    source.write_bytes(f"{ENTRY_LINE}\n".encode() + b"abc\x00def\n")
    with pytest.raises(ExportError, match=r"nul.txt:2: contains NUL bytes"):
        read_export(source)


def test_overlong_line_rejected(tmp_path: Path):
    source = tmp_path / "long.txt"
    source.write_text(ENTRY_LINE + "\n" + "长" * (MAX_LINE_CHARS + 1), encoding="utf-8")
    with pytest.raises(ExportError, match=r"long.txt:2: line is 100,001 characters long"):
        read_export(source)


def test_50_megabyte_line_rejected(tmp_path: Path):
    source = tmp_path / "huge.txt"
    source.write_bytes(ENTRY_LINE.encode() + b"\n" + b"x" * 50_000_000 + b"\n")
    with pytest.raises(ExportError, match=r"huge.txt:2: line is 50,000,000 characters long"):
        read_export(source)


def test_utf8_bom_stripped(tmp_path: Path):
    source = tmp_path / "bom.txt"
    source.write_bytes(b"\xef\xbb\xbf" + "如何开票? 前往费用中心开票。 父主题: 开具发票".encode())
    assert read_export(source)[0].text.startswith("如何开票")


def test_file_without_entries(tmp_path: Path):
    source = tmp_path / "banners.txt"
    source.write_text("不再显示此消息\n不再显示此消息\n", encoding="utf-8")
    with pytest.raises(ExportError, match="banners.txt: no entries found"):
        parse_exports([source])


def test_several_files_parsed_as_one(tmp_path: Path):
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("如何开票? 前往费用中心开票。 父主题: 开具发票\n", encoding="utf-8")
    second.write_text("如何开票? 前往费用中心开票。 父主题: 开具发票\n什么是券? 券是代金券。 父主题: 云实验\n", encoding="utf-8")
    result = parse_exports([first, second])
    assert [entry.title for entry in result.entries] == ["如何开票?", "什么是券?"]
    assert result.report.exact_duplicates[0].source_name == "b.txt"


# The real export


def test_real_export_counts(real_export: Path):
    result = parse_exports([real_export])
    assert result.report.entries == 18
    assert result.report.topics == 9
    assert len(result.report.dropped_lines) == 2
    assert len(result.report.exact_duplicates) == 1
    assert len(result.report.merged_topics) == 1


def test_real_export_fragments_and_truncated(real_export: Path):
    entries = parse_exports([real_export]).entries
    fragment_lines = sorted(entry.source_line for entry in entries if entry.is_fragment)
    truncated_lines = sorted(entry.source_line for entry in entries if entry.is_truncated)
    assert fragment_lines == [12, 14, 18, 19, 20]
    assert truncated_lines == [5, 13, 14, 19]


def test_real_export_unassigned_entries(real_export: Path):
    entries = parse_exports([real_export]).entries
    unassigned = sorted(entry.source_line for entry in entries if not entry.topic_paths)
    assert unassigned == [5, 12, 13, 14, 19, 20]
    assert UNASSIGNED_TOPIC == "未分类"


def test_real_export_entry_under_two_topics(real_export: Path):
    entries = parse_exports([real_export]).entries
    entry = next(entry for entry in entries if entry.title == "顾问销售类子客户如何开票?")
    assert entry.topic_paths == [("开具发票",), ("经销商子客户",)]


def test_real_export_noun_phrase_titles(real_export: Path):
    titles = {entry.title for entry in parse_exports([real_export]).entries}
    assert "项目经理工作量分解" in titles
    assert "云经销商客户信息授权须知" in titles


def test_real_export_loses_no_text(real_export: Path):
    """Every character of every content line is kept, except the parent topic marker."""
    entries = parse_exports([real_export]).entries
    by_line = {entry.source_line: entry for entry in entries}
    for number, line in enumerate(real_export.read_text(encoding="utf-8").splitlines(), start=1):
        entry = by_line.get(number)
        if entry is None:
            continue
        content = line.split(" 父主题:")[0].strip()
        rebuilt = entry.body if entry.is_fragment else f"{entry.title} {entry.body}"
        assert rebuilt == content, f"line {number}"


def test_report_counts_places_beyond_ten():
    line = "如何开票? 前往费用中心开票。 父主题: 开具发票"
    result = parse_lines(lines(*[line] * 14))

    report = result.report.format()

    assert "exact duplicate lines merged: 13 (" in report
    assert ", and 3 more)" in report
