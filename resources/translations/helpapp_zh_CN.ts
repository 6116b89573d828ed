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
        <source>Related questions</source>
        <translation>相关问题</translation>
    </message>
    <message>
        <source>Partner Offline Help</source>
        <translation>伙伴离线帮助</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>最近查看</translation>
    </message>
    <message>
        <source>Questions you open appear here.</source>
        <translation>打开过的问答会显示在这里。</translation>
    </message>
    <message>
        <source>Subtopics</source>
        <translation>子主题</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问答</translation>
    </message>
    <message>
        <source>This topic has no questions.</source>
        <translation>此主题下没有问答。</translation>
    </message>
    <message>
        <source>{count} questions · version {version}</source>
        <translation>共 {count} 条问答 · 版本 {version}</translation>
    </message>
    <message>
        <source>{count} more questions: expand this topic in the contents to see them all.</source>
        <translation>另有 {count} 个问题：在目录中展开此主题即可查看全部。</translation>
    </message>
</context>
<context>
    <name>ContentUpdate</name>
    <message>
        <source>Partner Offline Help: import failed</source>
        <translation>伙伴离线帮助：导入失败</translation>
    </message>
    <message>
        <source>Imported {count} questions, version {version}.</source>
        <translation>已导入 {count} 条问答，版本 {version}。</translation>
    </message>
    <message>
        <source>The imported database could not be removed:
{error}</source>
        <translation>无法删除导入的问答库：
{error}</translation>
    </message>
    <message>
        <source>Partner Offline Help: restore failed</source>
        <translation>伙伴离线帮助：恢复失败</translation>
    </message>
    <message>
        <source>The built-in FAQ database is in use again.</source>
        <translation>已恢复使用内置问答库。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>An unexpected error occurred. Partner Offline Help keeps running, but the last action may not have finished.</source>
        <translation>发生了意外错误。伙伴离线帮助仍在运行，但上一个操作可能没有完成。</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}
Send this file to your support contact.</source>
        <translation>详细信息已写入日志文件：
{path}
请将此文件发送给技术支持人员。</translation>
    </message>
    <message>
        <source>Partner Offline Help: unexpected error</source>
        <translation>伙伴离线帮助：意外错误</translation>
    </message>
</context>
<context>
    <name>DatabaseErrors</name>
    <message>
        <source>The file given with --db was not found:
{path}

Check the path and start Partner Offline Help again.</source>
        <translation>找不到 --db 指定的文件：
{path}

请检查路径，然后重新启动伙伴离线帮助。</translation>
    </message>
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
        <source>This path is a folder, not a help database file:
{path}

Start Partner Offline Help with --db followed by the path of a database file, such as faq.db.</source>
        <translation>该路径是文件夹，不是帮助数据库文件：
{path}

请在启动伙伴离线帮助时用 --db 参数指定数据库文件（例如 faq.db）的路径。</translation>
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
    <message>
        <source>Technical details for support:</source>
        <translation>技术信息（供技术支持）：</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Import FAQ database</source>
        <translation>导入问答库</translation>
    </message>
    <message>
        <source>FAQ databases (*.db);;All files (*)</source>
        <translation>问答库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Partner Offline Help {version}

The Huawei Cloud partner FAQ, searchable without a network connection.

Database version: {content}
{count} questions under {topics} topics
Source hash (SHA-256): {sha}
File: {path}</source>
        <translation>伙伴离线帮助 {version}

华为云伙伴常见问题，无需联网即可搜索。

问答库版本：{content}
共 {count} 条问答，{topics} 个主题
来源文件哈希（SHA-256）：{sha}
文件：{path}</translation>
    </message>
    <message>
        <source>About Partner Offline Help</source>
        <translation>关于伙伴离线帮助</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in answer</source>
        <translation>在答案中查找</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配项（F3）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 处，共 {total} 处</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>ImportErrors</name>
    <message>
        <source>The file was not found:
{path}</source>
        <translation>找不到文件：
{path}</translation>
    </message>
    <message>
        <source>The database {path} has format version {found}, but this version of Partner Offline Help reads only format version {readable}. Ask for a database made for this version, or update the app.</source>
        <translation>问答库 {path} 的格式版本为 {found}，而此版本的伙伴离线帮助只能读取格式版本 {readable}。请索取适用于此版本的问答库，或更新程序。</translation>
    </message>
    <message>
        <source>The database {path} contains no questions, so it was not imported.</source>
        <translation>问答库 {path} 中没有任何问答，因此未导入。</translation>
    </message>
    <message>
        <source>The file {path} is not a Partner Offline Help database. Choose the faq.db file you received.</source>
        <translation>文件 {path} 不是伙伴离线帮助的问答库。请选择您收到的 faq.db 文件。</translation>
    </message>
    <message>
        <source>The search index of {path} is damaged. Ask for a new copy of the database.</source>
        <translation>{path} 的搜索索引已损坏。请重新索取一份问答库。</translation>
    </message>
    <message>
        <source>The file {path} is in use by another program. Close that program and try again.</source>
        <translation>文件 {path} 正被其他程序使用。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The file {path} is incomplete, perhaps because copying it was interrupted. Copy it again and retry.</source>
        <translation>文件 {path} 不完整，可能是复制时被中断。请重新复制后再试。</translation>
    </message>
    <message>
        <source>The database could not be copied into the data folder ({path}). Check the free disk space and try again.</source>
        <translation>无法将问答库复制到数据文件夹（{path}）。请检查磁盘剩余空间后重试。</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a database. Ask for a new copy of the database.</source>
        <translation>文件 {path} 已损坏或不是问答库。请重新索取一份问答库。</translation>
    </message>
    <message>
        <source>The questions you had stay as they were.</source>
        <translation>当前使用的问答保持不变。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Partner Offline Help</source>
        <translation>伙伴离线帮助</translation>
    </message>
    <message>
        <source>Search in topic</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <source>Limit the search to one topic and its subtopics</source>
        <translation>只在一个主题及其子主题中搜索</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>No bookmarks yet. Press Ctrl+D or the star to bookmark the open question.</source>
        <translation>还没有收藏。按 Ctrl+D 或单击星形按钮可收藏当前问答。</translation>
    </message>
    <message>
        <source>Remove Bookmark</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Questions you open appear here.</source>
        <translation>打开过的问答会显示在这里。</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>清除历史记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>{count} questions · version {version}</source>
        <translation>共 {count} 条问答 · 版本 {version}</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>所有主题</translation>
    </message>
    <message>
        <source>Search Results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>This question is not in the current FAQ database.</source>
        <translation>当前问答库中没有此问答。</translation>
    </message>
    <message>
        <source>Bookmarked.</source>
        <translation>已收藏。</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>已取消收藏。</translation>
    </message>
    <message>
        <source>Question and answer copied.</source>
        <translation>已复制问题和答案。</translation>
    </message>
    <message>
        <source>Partner Offline Help: printing failed</source>
        <translation>伙伴离线帮助：打印失败</translation>
    </message>
    <message>
        <source>The PDF file could not be written:
{path}

{error}</source>
        <translation>无法写入 PDF 文件：
{path}

{error}</translation>
    </message>
    <message>
        <source>Partner Offline Help: export failed</source>
        <translation>伙伴离线帮助：导出失败</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>文字大小 {percent}%</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>FAQ version {version}</source>
        <translation>问答库版本 {version}</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>第 {page} 页，共 {total} 页</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>无法打开打印机或文件。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReadingRecords</name>
    <message>
        <source>This question is not in the current FAQ database.</source>
        <translation>当前问答库中没有此问答。</translation>
    </message>
    <message>
        <source>Partner Offline Help: bookmarks and history</source>
        <translation>伙伴离线帮助：收藏和历史记录</translation>
    </message>
    <message>
        <source>Bookmarks and history cannot be saved in this session, because their file could not be opened:
{error}</source>
        <translation>无法打开保存收藏和历史记录的文件，本次运行期间不会保存它们：
{error}</translation>
    </message>
    <message>
        <source>The file with your bookmarks and history was damaged, so a new empty one was started. The damaged file was kept as:
{path}</source>
        <translation>保存收藏和历史记录的文件已损坏，已新建一个空文件。损坏的文件已保留为：
{path}</translation>
    </message>
    <message>
        <source>Your bookmarks and history could not be saved. Check the free disk space; the app keeps working without saving them.

{error}</source>
        <translation>无法保存收藏和历史记录。请检查磁盘剩余空间；程序会继续运行，但不保存它们。

{error}</translation>
    </message>
    <message>
        <source>Partner Offline Help: saving failed</source>
        <translation>伙伴离线帮助：保存失败</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message numerus="yes">
        <source>The best %n result(s) in “{topic}”</source>
        <translation>
            <numerusform>在“{topic}”中显示最相关的 %n 条结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The best %n result(s)</source>
        <translation>
            <numerusform>显示最相关的 %n 条结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) in “{topic}”</source>
        <translation>
            <numerusform>在“{topic}”中找到 %n 条结果</numerusform>
        </translation>
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
        <source>No answers found for “{query}” in “{topic}”.</source>
        <translation>在“{topic}”中没有找到与“{query}”相关的问答。</translation>
    </message>
    <message>
        <source>No answers found for “{query}”.</source>
        <translation>没有找到与“{query}”相关的问答。</translation>
    </message>
    <message>
        <source>Search all topics</source>
        <translation>在所有主题中搜索</translation>
    </message>
    <message>
        <source>Closest questions:</source>
        <translation>最接近的问题：</translation>
    </message>
    <message>
        <source>No question shares a word with your search. Browse the topics instead:</source>
        <translation>没有问答与搜索内容有相同的字词。可以按主题浏览：</translation>
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
        <source>Type words of your question; results appear as you type (Ctrl+K)</source>
        <translation>输入问题中的字词，结果随输入显示（Ctrl+K）</translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <source>Matching question titles</source>
        <translation>匹配的问题标题</translation>
    </message>
    <message>
        <source>Down and Enter open a suggested question; Esc closes the list</source>
        <translation>按向下键和回车键打开建议的问题；按 Esc 关闭列表</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Import FAQ Database…</source>
        <translation>导入问答库(&amp;I)…</translation>
    </message>
    <message>
        <source>Replace the questions with those of a faq.db file</source>
        <translation>用 faq.db 文件中的问答替换当前问答</translation>
    </message>
    <message>
        <source>&amp;Restore Built-in FAQ Database</source>
        <translation>恢复内置问答库(&amp;R)</translation>
    </message>
    <message>
        <source>Go back to the questions that came with the app</source>
        <translation>恢复使用程序自带的问答</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the answer (Ctrl+P)</source>
        <translation>打印答案（Ctrl+P）</translation>
    </message>
    <message>
        <source>&amp;Export as PDF…</source>
        <translation>导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy Answer</source>
        <translation>复制答案(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the question and answer as text, ready to paste into a chat (Ctrl+Shift+C)</source>
        <translation>将问题和答案复制为纯文本，可直接粘贴到聊天窗口（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>&amp;Search Questions</source>
        <translation>搜索问题(&amp;S)</translation>
    </message>
    <message>
        <source>Move to the search box (Ctrl+K)</source>
        <translation>转到搜索框（Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;Find in Answer…</source>
        <translation>在答案中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the answer (Ctrl+F while the answer has focus)</source>
        <translation>在答案中查找文字（焦点在答案中时按 Ctrl+F）</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>收藏(&amp;B)</translation>
    </message>
    <message>
        <source>Bookmark this question, or remove the bookmark (Ctrl+D)</source>
        <translation>收藏此问答，或取消收藏（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>后退（Alt+向左键）</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>前进（Alt+向右键）</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <source>Topics and recently viewed questions (Alt+Home)</source>
        <translation>主题和最近查看的问答（Alt+Home）</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>Book&amp;marks</source>
        <translation>收藏(&amp;M)</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>历史记录(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text (Ctrl++)</source>
        <translation>放大文字（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小文字（Ctrl+-）</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
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
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
</context>
</TS>
