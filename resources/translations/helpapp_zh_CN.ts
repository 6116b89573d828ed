<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnswerView</name>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Topic: </source>
        <translation>所属主题：</translation>
    </message>
    <message>
        <source>The beginning of this entry was cut off in the export, so the content may be incomplete.</source>
        <translation>此条目的开头在导出时被截断，内容可能不完整。</translation>
    </message>
    <message>
        <source>The end of this entry was cut off in the export, so the content may be incomplete.</source>
        <translation>此条目的结尾在导出时被截断，内容可能不完整。</translation>
    </message>
    <message>
        <source>Choose a question on the left, or type in the search box above.</source>
        <translation>请在左侧选择一个问题，或在上方的搜索框中输入关键词。</translation>
    </message>
</context>
<context>
    <name>DatabaseErrors</name>
    <message>
        <source>The help database was not found:
{path}

Reinstall Partner Offline Help, or start it with --db followed by the path of a database file.</source>
        <translation>找不到帮助数据库文件：
{path}

请重新安装伙伴离线帮助，或在启动时用 --db 参数指定数据库文件的路径。</translation>
    </message>
    <message>
        <source>This file is not a help database that this version can read:
{path}

It may come from a newer or older version, or be another kind of file. Install the version of Partner Offline Help that matches the database, or start it with --db followed by the path of the database that came with this version.</source>
        <translation>此文件不是本版本可以读取的帮助数据库：
{path}

它可能来自更新或更旧的版本，也可能根本不是帮助数据库。请安装与该数据库匹配的伙伴离线帮助版本，或在启动时用 --db 参数指定随本版本提供的数据库文件。</translation>
    </message>
    <message>
        <source>The help database cannot be read:
{path}

The file may be damaged or empty, or another program may be using it. Close programs that may use it and try again. If that does not help, reinstall Partner Offline Help, or start it with --db followed by the path of an intact database file.</source>
        <translation>无法读取帮助数据库文件：
{path}

该文件可能已损坏或为空，也可能正被其他程序占用。请关闭可能占用它的程序后重试。如果问题仍然存在，请重新安装伙伴离线帮助，或在启动时用 --db 参数指定一个完好的数据库文件。</translation>
    </message>
    <message>
        <source>The help database cannot be used:
{path}

Reinstall Partner Offline Help.</source>
        <translation>无法使用帮助数据库文件：
{path}

请重新安装伙伴离线帮助。</translation>
    </message>
    <message>
        <source>Partner Offline Help: database error</source>
        <translation>伙伴离线帮助：数据库错误</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Partner Offline Help</source>
        <translation>伙伴离线帮助</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>{count} questions · version {version}</source>
        <translation>共 {count} 条问答 · 版本 {version}</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <source>Partner Offline Help {version}

The Huawei Cloud partner FAQ, searchable without a network connection.

Database: {path}
{count} questions under {topics} topics, content version {content}.</source>
        <translation>伙伴离线帮助 {version}

华为云伙伴常见问题，无需网络即可搜索。

数据库：{path}
共 {count} 条问答，分属 {topics} 个主题，内容版本 {content}。</translation>
    </message>
    <message>
        <source>About Partner Offline Help</source>
        <translation>关于伙伴离线帮助</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>找到 %n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <source>The search for “{query}” failed because the database could not be read. Restart the app; if this keeps happening, reinstall it.</source>
        <translation>搜索“{query}”失败，因为无法读取数据库。请重新启动本程序；如果问题反复出现，请重新安装。</translation>
    </message>
    <message>
        <source>No answers found for “{query}”.</source>
        <translation>没有找到与“{query}”相关的问答。</translation>
    </message>
    <message>
        <source>Closest questions:</source>
        <translation>最接近的问题：</translation>
    </message>
    <message>
        <source>Try fewer or different words.</source>
        <translation>请尝试减少关键词或换一种说法。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search questions, for example: how to issue an invoice</source>
        <translation>搜索问题，例如：如何开票</translation>
    </message>
    <message>
        <source>Search the FAQ</source>
        <translation>搜索常见问题</translation>
    </message>
    <message>
        <source>Type words of your question; results appear as you type (Ctrl+F)</source>
        <translation>输入问题中的词语，结果会随输入实时显示（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Move to the search box (Ctrl+F or Ctrl+K)</source>
        <translation>转到搜索框（Ctrl+F 或 Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Partner Offline Help</source>
        <translation>关于伙伴离线帮助(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
</TS>
