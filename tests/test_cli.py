"""The command line: output shapes, stdin queries, help text and exit codes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpapp import cli
from helpapp.core.search import MAX_QUERY_CHARS
from tests.conftest import ROOT


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpapp", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )


def test_search_json_shape(real_db_path: Path, capsys):
    assert cli.main(["search", "开票", "--json", "--limit", "3", "--db", str(real_db_path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["query"] == "开票"
    assert 1 <= len(record["results"]) <= 3
    first = record["results"][0]
    assert set(first) == {"id", "title", "topics", "snippet", "highlights", "body", "score"}
    assert first["title"] == "顾问销售类子客户如何开票?"
    assert first["topics"] == ["开具发票", "经销商子客户"]
    assert all(first["snippet"][start:end] == "开票" for start, end in first["highlights"])


def test_search_reads_queries_from_stdin(real_db_path: Path):
    result = run_cli("search", "-", "--json", "--db", str(real_db_path), stdin="發票\n\n[\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["query"] for record in records] == ["發票", "", "["]
    assert records[0]["results"]
    assert records[1]["results"] == []


def test_search_text_output_marks_matches(real_db_path: Path, capsys):
    assert cli.main(["search", "审批", "--db", str(real_db_path)]) == 0
    output = capsys.readouterr().out
    assert "能不能先开展活动后审批?" in output
    assert "〖审批〗" in output


def test_search_uses_bundled_database_by_default():
    result = run_cli("search", "专票", "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["title"] == "经销商如何开专票?"


def test_topics_json_tree(real_db_path: Path, capsys):
    assert cli.main(["topics", "--json", "--db", str(real_db_path)]) == 0
    tree = json.loads(capsys.readouterr().out)
    assert len(tree) == 10
    assert set(tree[0]) == {"id", "title", "entries", "children"}
    invoice = next(node for node in tree if node["title"] == "开具发票")
    assert len(invoice["entries"]) == 2
    assert tree[-1]["title"] == "未分类"


def test_show_json(real_db_path: Path, capsys):
    assert cli.main(["show", "1", "--json", "--db", str(real_db_path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "什么是伙伴主账号?"
    assert record["topics"] == ["注册与认证"]
    assert record["fragment"] is False


def test_show_unknown_id_exits_1(real_db_path: Path, capsys):
    assert cli.main(["show", "999", "--db", str(real_db_path)]) == cli.EXIT_NOT_FOUND
    assert "没有编号为 999 的问答" in capsys.readouterr().err


def test_missing_database_exits_3_without_traceback(tmp_path: Path):
    result = run_cli("search", "开票", "--db", str(tmp_path / "none.db"))
    assert result.returncode == cli.EXIT_DATABASE
    assert f"找不到帮助数据库：{tmp_path / 'none.db'}" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_a_database_exits_3(tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    result = run_cli("topics", "--db", str(junk))
    assert result.returncode == cli.EXIT_DATABASE
    assert f"无法读取数据库 {junk}。" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["search", ""], "参数 QUERY：查询为空，请给出要搜索的词"),
        (["search", "   "], "参数 QUERY：查询为空，请给出要搜索的词"),
        (["search", "开票", "--limit", "0"], "参数 --limit：必须至少为 1"),
        (["search", "开票", "--limit", "abc"], "参数 --limit：'abc' 不是整数"),
        (["show", "abc"], "参数 ID：'abc' 不是整数"),
    ],
)
def test_bad_value_is_usage_error(real_db_path: Path, capsys, arguments: list[str], message: str):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*arguments, "--db", str(real_db_path)])
    error = capsys.readouterr().err

    assert exit_info.value.code == cli.EXIT_USAGE
    assert error.startswith("用法: helpapp ")
    assert message in error


def test_long_query_header_shows_searched_part(real_db_path: Path, capsys):
    query = "长" * (MAX_QUERY_CHARS + 50)

    assert cli.main(["search", query, "--db", str(real_db_path)]) == 0
    header = capsys.readouterr().out.splitlines()[0]

    assert header == f"# {'长' * MAX_QUERY_CHARS}…  （0 条结果）"


def _subparsers(parser):
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            return action
    raise AssertionError("no subcommands")


@pytest.mark.parametrize("command", ["search", "topics", "show"])
def test_every_command_has_help(command: str):
    action = _subparsers(cli.build_parser())
    help_texts = {choice.dest: choice.help for choice in action._choices_actions}
    assert help_texts[command]
    for option in action.choices[command]._actions:
        assert option.help, f"{command} {option.option_strings or option.dest} has no help text"


def test_search_uses_imported_database(real_db_path: Path, tmp_path: Path):
    from helpapp.core.builder import build_database, load_word_lists
    from helpapp.core.export import parse_exports
    from helpapp.core.library import import_database
    from helpapp.paths import data_dir
    from tests.conftest import RESOURCES

    export = tmp_path / "new.txt"
    export.write_text("如何申请云耳机? 在伙伴中心申请云耳机。 父主题: 新主题\n", encoding="utf-8")
    build_database(parse_exports([export]), [export], tmp_path / "new.db", load_word_lists(RESOURCES))
    import_database(tmp_path / "new.db", data_dir())

    result = run_cli("search", "云耳机", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"][0]["title"] == "如何申请云耳机?"


@pytest.mark.parametrize("position", ["before", "after"])
def test_db_option_before_or_after_command(tmp_path: Path, position: str):
    missing = str(tmp_path / "none.db")
    arguments = ["--db", missing, "topics"] if position == "before" else ["topics", "--db", missing]
    result = run_cli(*arguments)
    assert result.returncode == cli.EXIT_DATABASE
    assert "none.db" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "language"),
    [
        ([], "zh_CN"),
        (["--lang", "en"], "en"),
        (["--lang=en"], "en"),
        (["search", "开票", "--lang", "en"], "en"),
        (["--lang", "en", "--lang", "zh_CN"], "zh_CN"),
        (["--lang", "fr"], "zh_CN"),
        (["--lang"], "zh_CN"),
        (["search", "--", "--lang", "en"], "zh_CN"),
    ],
)
def test_requested_language(arguments: list[str], language: str):
    assert cli.requested_language(arguments) == language


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ([], ["用法: helpapp", "位置参数:", "选项:", "显示此帮助信息后退出", "搜索问答库，按相关度打印结果"]),
        (["--lang", "en"], ["usage: helpapp", "positional arguments", "options", "show this help message and exit", "search the FAQ"]),
    ],
)
def test_help_language(capsys, lang: list[str], expected: list[str]):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*lang, "--help"])
    output = capsys.readouterr().out

    assert exit_info.value.code == 0
    for text in expected:
        assert text in output


@pytest.mark.parametrize(
    ("lang", "expected"),
    [([], "helpapp search：错误：缺少以下参数：QUERY"), (["--lang", "en"], "helpapp search: error: the following arguments are required: QUERY")],
)
def test_usage_error_language(capsys, lang: list[str], expected: str):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*lang, "search"])

    assert exit_info.value.code == cli.EXIT_USAGE
    assert expected in capsys.readouterr().err


def test_not_found_message_in_english(real_db_path: Path, capsys):
    assert cli.main(["--lang", "en", "show", "999", "--db", str(real_db_path)]) == cli.EXIT_NOT_FOUND
    assert "helpapp show: error: no entry with id 999" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["search", " "], "helpapp search: error: argument QUERY: the query is empty; give the words to search for"),
        (["search", "开票", "--limit", "0"], "helpapp search: error: argument --limit: must be at least 1"),
    ],
)
def test_usage_errors_in_english(real_db_path: Path, capsys, arguments: list[str], expected: str):
    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", *arguments, "--db", str(real_db_path)])

    assert expected in capsys.readouterr().err


def test_missing_bundled_database_suggests_reinstall(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "bundled_database", lambda: tmp_path / "faq.db")

    assert cli.main(["topics"]) == cli.EXIT_DATABASE
    assert "请重新安装伙伴离线帮助" in capsys.readouterr().err


def test_argparse_strings_restored_after_run(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])

    assert argparse._("usage: ") == "usage: "


def test_missing_catalog_leaves_english(tmp_path: Path, monkeypatch, caplog):
    monkeypatch.setattr(cli, "translations_dir", lambda: tmp_path)

    translation = cli.load_translation("zh_CN")

    assert translation.gettext("print one entry") == "print one entry"
    assert "reading the command-line translations" in caplog.text


def test_folder_as_database_names_the_fix(tmp_path: Path, capsys):
    assert cli.main(["topics", "--db", str(tmp_path)]) == cli.EXIT_DATABASE
    assert f"{tmp_path} 是一个文件夹，不是帮助数据库文件" in capsys.readouterr().err


def test_reason_of_database_error_in_verbose_log(tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)

    result = run_cli("-v", "topics", "--db", str(junk))

    assert "not an SQLite database" in result.stderr


@pytest.mark.parametrize(("limit", "header"), [(1, "# 开票  （前 1 条结果）"), (50, "# 开票  （4 条结果）")])
def test_search_header_says_when_list_is_cut(real_db_path: Path, capsys, limit: int, header: str):
    assert cli.main(["search", "开票", "--limit", str(limit), "--db", str(real_db_path)]) == 0
    output = capsys.readouterr().out

    assert output.splitlines()[0] == header
    assert output.count("\n[") + output.startswith("[") == min(limit, 4)


def test_marks_differ_from_brackets_in_text(real_db_path: Path, capsys):
    assert cli.main(["search", "发放", "--db", str(real_db_path)]) == 0
    output = capsys.readouterr().out

    assert "【权益已〖发放〗】" in output
