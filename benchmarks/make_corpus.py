#!/usr/bin/env python3
"""Write a synthetic partner FAQ export for benchmarks.

    python benchmarks/make_corpus.py --entries 10000 --seed 1 -o /tmp/faq-10000.txt

The output follows the format of `resources/partner-faq.txt`: one entry per line,
`标题 正文 父主题: 一级 > 二级 > 三级`, with the same kinds of damage as the real
export. About 2% of the content lines are fragments, cut off at the start so that
they begin mid-sentence. About 2% are truncated: cut off mid-sentence at the end,
with no parent topic. About 1% are exact repeats of an earlier line, and about 0.5%
repeat an earlier entry under a second topic. A few banner lines come first and one sits in
the middle.

Words come from the real export and from jieba's dictionary (`dict.txt` in the
installed jieba package, read as a file so that no segmentation runs). The same
`--entries`, `--seed`, real export and jieba version give the same bytes. Only the
standard library is used.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
from pathlib import Path

REAL_EXPORT = Path(__file__).resolve().parent.parent / "resources" / "partner-faq.txt"

BANNER_LINES = (
    "检测到您已登录华为云国际站账号,为了您更好的体验,建议您访问国际站服务网站 https://www.huaweicloud.com/intl/zh-cn",
    "不再显示此消息",
)
MIDDLE_BANNER = "意见反馈"

TITLE_CHARS = (8, 40)
BODY_CHARS = (50, 400)
ROOT_TOPICS = 12
CHILD_TOPICS = (4, 10)
GRANDCHILD_TOPICS = (0, 6)

FRAGMENT_SHARE = 0.02
TRUNCATED_SHARE = 0.02
DUPLICATE_SHARE = 0.01
SECOND_TOPIC_SHARE = 0.005

# Characters that end a sentence for the parser (`_SENTENCE_END` in export.py). A
# truncated line must not end with one, because the parser would not see the cut.
SENTENCE_END = "。！？!?.…”」』）)》】"

_CJK_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_CLAUSE_SPLIT_RE = re.compile(r"[，,。；;！!？?\s]+")
_QUOTED_RE = re.compile(r"“([^”]{2,12})”")
_BREADCRUMB_RE = re.compile(r"“([\u4e00-\u9fff]{2,8}(?: > [\u4e00-\u9fff]{2,8}){1,3})”")

# Title patterns modelled on the real export. `{w}` is a dictionary word, `{t}` a term
# from the real export.
QUESTION_PATTERNS = (
    "什么是{t}{w}",
    "{t}如何{w}{w}",
    "合作伙伴如何{w}{t}",
    "伙伴可以将{w}改为{t}吗",
    "{w}已经{w}为什么{t}还没有{w}",
    "能不能先{w}{w}后{w}",
    "在哪里{w}{t}",
    "{t}的{w}怎么{w}",
    "为什么{w}{t}失败",
    "{w}{t}需要多长时间",
)
PHRASE_PATTERNS = (
    "{t}{w}",
    "{w}{t}须知",
    "{t}{w}注意事项",
    "{w}{w}说明",
)
SENTENCE_PATTERNS = (
    "{t}可以在伙伴中心{w}{w}的{w}",
    "请登录华为云官网,在伙伴中心的“{crumb}”页面{w}{t}",
    "{w}模式下,{t}可以前往{w}{w}",
    "详细的注意事项及操作步骤,请参见{w}{t}",
    "只有伙伴管理员角色可以{w}{t}",
    "{t}需要在{w}前{w}{w}",
    "如{w}、{w}、{w}等{t}发生变化,请及时{w}",
    "{w}{w}由{t}负责{w}",
    "MDF{w}需{w}{t}",
    "HCPN{w}完成后,{t}可以{w}{w}",
)


def find_jieba_dictionary() -> Path:
    """Return the path of jieba's `dict.txt` without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("make_corpus: error: jieba is not installed; install the project's dependencies first")
    return Path(spec.origin).parent / "dict.txt"


def load_dictionary_words(path: Path, min_freq: int = 50) -> list[str]:
    """Read the two- to four-character CJK words of jieba's dictionary that occur at
    least `min_freq` times in jieba's source corpus, in file order."""
    words = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and _CJK_WORD_RE.match(parts[0]) and int(parts[1]) >= min_freq:
                words.append(parts[0])
    return words


class RealVocabulary:
    """Terms, clauses and breadcrumbs taken from the real export."""

    def __init__(self, text: str) -> None:
        content_lines = [line for line in text.splitlines() if "父主题" in line]
        terms: dict[str, None] = {}
        clauses: dict[str, None] = {}
        crumbs: dict[str, None] = {}
        topics: dict[str, None] = {}
        for line in content_lines:
            content, _, topic = line.partition("父主题")
            topics[topic.strip(" :：")] = None
            for crumb in _BREADCRUMB_RE.findall(content):
                crumbs[crumb] = None
            for quoted in _QUOTED_RE.findall(content):
                if ">" not in quoted:
                    terms[quoted] = None
            for clause in _CLAUSE_SPLIT_RE.split(content):
                if 4 <= len(clause) <= 30 and "?" not in clause and "“" not in clause and "”" not in clause:
                    clauses[clause] = None
        for word in ("伙伴中心", "子客户", "合作伙伴", "发票", "开票", "激励", "经销商", "MDF", "HCPN", "SOW"):
            terms[word] = None
        self.terms = list(terms)
        self.clauses = list(clauses)
        self.crumbs = list(crumbs) or ["销售 > 激励 > 激励管理"]
        self.topics = [topic for topic in topics if topic]


class CorpusWriter:
    def __init__(self, rng: random.Random, words: list[str], real: RealVocabulary) -> None:
        self.rng = rng
        self.words = words
        self.real = real

    def word(self) -> str:
        return self.rng.choice(self.words)

    def term(self) -> str:
        # Half the terms come from the real export, so real queries find matches.
        return self.rng.choice(self.real.terms) if self.rng.random() < 0.5 else self.word()

    def fill(self, pattern: str) -> str:
        text = pattern
        while "{w}" in text or "{t}" in text or "{crumb}" in text:
            text = text.replace("{w}", self.word(), 1).replace("{t}", self.term(), 1)
            text = text.replace("{crumb}", self.rng.choice(self.real.crumbs), 1)
        return text

    def title(self) -> str:
        low, high = TITLE_CHARS
        if self.rng.random() < 0.7:
            mark = "?" if self.rng.random() < 0.8 else "？"
            patterns, suffix = QUESTION_PATTERNS, mark
        else:
            patterns, suffix = PHRASE_PATTERNS, ""
        for _ in range(20):
            text = self.fill(self.rng.choice(patterns))
            if low <= len(text) + len(suffix) <= high:
                return text + suffix
        return (text[: high - len(suffix)] + suffix) if len(text) + len(suffix) > high else (text + "相关问题" + suffix)

    def sentence(self) -> str:
        if self.real.clauses and self.rng.random() < 0.3:
            return self.rng.choice(self.real.clauses) + "。"
        return self.fill(self.rng.choice(SENTENCE_PATTERNS)) + "。"

    def body(self) -> str:
        low, high = BODY_CHARS
        target = self.rng.randint(low, high)
        sentences: list[str] = []
        length = 0
        while length < target:
            sentence = self.sentence()
            # Sentences are joined with a space in about a third of the places, as
            # in the real export, where paragraphs became spaces.
            joiner = " " if sentences and self.rng.random() < 0.35 else ""
            sentences.append(joiner + sentence)
            length += len(joiner) + len(sentence)
        body = "".join(sentences)
        if len(body) > high:
            cut = body.rfind("。", 0, high)
            body = body[: cut + 1] if cut >= low else body[: high - 1] + "。"
        return body


def make_topics(writer: CorpusWriter) -> list[tuple[str, ...]]:
    """Return the topic paths that entries are listed under: second and third levels
    below a dozen roots, a few hundred paths in all."""
    rng = writer.rng
    roots = list(dict.fromkeys(writer.real.topics))[:ROOT_TOPICS]
    while len(roots) < ROOT_TOPICS:
        roots.append(writer.word() + writer.word())
    roots = list(dict.fromkeys(roots))

    paths: list[tuple[str, ...]] = []
    for root in roots:
        children = list(dict.fromkeys(writer.word() + rng.choice(("", "管理", "服务", "流程")) for _ in range(rng.randint(*CHILD_TOPICS))))
        for child in children:
            grandchildren = list(dict.fromkeys(writer.word() for _ in range(rng.randint(*GRANDCHILD_TOPICS))))
            if not grandchildren:
                paths.append((root, child))
            paths.extend((root, child, grandchild) for grandchild in grandchildren)
    return paths


def cut_start(line: str, title: str, rng: random.Random) -> str:
    """Cut a line inside its body so that it starts mid-sentence."""
    body_start = len(title) + 1
    start = rng.randint(body_start + 3, body_start + 30)
    fragment = line[start:]
    # A fragment that starts with a space or punctuation reads as a clean start.
    return fragment.lstrip(" ，,。")


def cut_end(title: str, body: str, rng: random.Random) -> str:
    """Cut a line mid-sentence near the end of its body, dropping the parent topic."""
    end = rng.randint(len(body) // 2, len(body) - 1)
    while end > 1 and body[end - 1] in SENTENCE_END + " ，,":
        end -= 1
    return f"{title} {body[:end]}"


def generate(entries: int, seed: int, real_text: str, words: list[str]) -> list[str]:
    """Return the export lines for `entries` distinct entries."""
    rng = random.Random(seed)
    writer = CorpusWriter(rng, words, RealVocabulary(real_text))
    topics = make_topics(writer)

    lines: list[str] = list(BANNER_LINES)
    content: list[str] = []
    for _ in range(entries):
        title = writer.title()
        body = writer.body()
        path = rng.choice(topics)
        line = f"{title} {body} 父主题: {' > '.join(path)}"

        roll = rng.random()
        if roll < FRAGMENT_SHARE:
            line = cut_start(line, title, rng)
        elif roll < FRAGMENT_SHARE + TRUNCATED_SHARE:
            line = cut_end(title, body, rng)
        elif roll < FRAGMENT_SHARE + TRUNCATED_SHARE + SECOND_TOPIC_SHARE:
            other = rng.choice(topics)
            content.append(line)
            line = f"{title} {body} 父主题: {' > '.join(other)}"
        content.append(line)

        if content and rng.random() < DUPLICATE_SHARE:
            content.append(rng.choice(content))

    middle = len(content) // 2
    content.insert(middle, MIDDLE_BANNER)
    lines.extend(content)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic partner FAQ export for benchmarks.")
    parser.add_argument("--entries", type=int, required=True, help="number of distinct entries to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="export file to write (UTF-8 text)")
    parser.add_argument("--real-export", type=Path, default=REAL_EXPORT, help="export to take terms from (default: resources/partner-faq.txt)")
    args = parser.parse_args(argv)

    if args.entries < 1:
        parser.error(f"--entries must be at least 1, got {args.entries}")
    try:
        real_text = args.real_export.read_text(encoding="utf-8")
    except OSError as error:
        print(f"make_corpus: error: cannot read {args.real_export}: {error.strerror}", file=sys.stderr)
        return 1

    words = load_dictionary_words(find_jieba_dictionary())
    lines = generate(args.entries, args.seed, real_text, words)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
