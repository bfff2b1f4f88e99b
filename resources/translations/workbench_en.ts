<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="382" />
        <source>选择左侧的会话开始接待</source>
        <extracomment>prefix -&gt; [(label, text)]: where /code completions come from.</extracomment>
        <translation>Pick a conversation on the left to start serving</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="404" />
        <source>还有没填的变量:{0}。再按一次 Enter 原样发送,或先改好。</source>
        <translation>Variables without a value: {0}. Press Enter again to send as it is, or edit first.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="209" />
        <source>聊天记录</source>
        <translation>Chat history</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="239" />
        <source>输入框</source>
        <translation>Composer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="240" />
        <source>输入回复,Enter 发送,Shift+Enter 换行,/编码 插入短语</source>
        <translation>Type a reply: Enter sends, Shift+Enter new line, /code inserts a phrase</translation>
    </message>
    <message>
        <source>输入回复,Enter 发送,Shift+Enter 换行</source>
        <translation>Type a reply: Enter sends, Shift+Enter new line</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../workbench/ui/conversation_list.py" line="152" />
        <source>会话列表</source>
        <translation>Conversations</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="244" />
        <source>导入短语包:</source>
        <translation>Import phrase pack: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="247" />
        <source>团队短语</source>
        <translation>Team phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="248" />
        <source>我的个人短语</source>
        <translation>My personal phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="256" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="257" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="259" />
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="260" />
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="282" />
        <source>预览(尚未导入):</source>
        <translation>Preview (not imported yet): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="282" />
        <source>已导入:</source>
        <translation>Imported: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="40" />
        <source>客服工作台</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="41" />
        <source> — 客服:</source>
        <translation> — agent: </translation>
    </message>
</context>
<context>
    <name>OrderSidebar</name>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="75" />
        <source>买家订单</source>
        <translation>Buyer's orders</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="91" />
        <source>追加备注,Enter 保存</source>
        <translation>Append a remark, Enter saves</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="97" />
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="102" />
        <source>旗帜</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="150" />
        <source>订单号:</source>
        <translation>Order: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="151" />
        <source>状态:</source>
        <translation>Status: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="152" />
        <source>金额:</source>
        <translation>Amount: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="153" />
        <source>下单:</source>
        <translation>Placed: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="154" />
        <source>收货人:</source>
        <translation>Receiver: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="155" />
        <source>地址:</source>
        <translation>Address: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="158" />
        <source>物流:</source>
        <translation>Shipping: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="160" />
        <source>买家留言:</source>
        <translation>Buyer's note: </translation>
    </message>
</context>
<context>
    <name>PhraseManager</name>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="125" />
        <source>管理快捷短语</source>
        <translation>Manage quick phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="136" />
        <source>如:售后/退换货</source>
        <translation>e.g. After-sale/Returns</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="138" />
        <source>空格分隔,帮助推荐回复</source>
        <translation>Separated by spaces; they help suggestions</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="140" />
        <source>可用变量:</source>
        <translation>Variables: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="146" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="147" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="148" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="150" />
        <source>短语包</source>
        <translation>Pack</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="151" />
        <source>快捷编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="152" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="153" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="154" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="177" />
        <source>我的个人短语</source>
        <translation>My personal phrases</translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <source>搜索快捷短语(编码或文字)</source>
        <translation>Search quick phrases (code or text)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="92" />
        <source>快捷短语</source>
        <translation>Quick phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="97" />
        <source>推荐回复</source>
        <translation>Suggested replies</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="110" />
        <source>常用优先</source>
        <translation>Most used first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="114" />
        <source>搜索:编码、文字或拼音首字母</source>
        <translation>Search: code, words or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="151" />
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="296" />
        <source>短语索引失败,搜索暂时只按编码和原文匹配。</source>
        <translation>Phrase indexing failed; search matches codes and plain text for now. </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../workbench/ui/session.py" line="67" />
        <source>消息过长:{0} 字,通道上限 {1} 字。请分成几条发送。</source>
        <translation>Message too long: {0} characters, the channel carries {1}. Split it into several messages.</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <location filename="../../workbench/ui/todo_panel.py" line="61" />
        <source>待办</source>
        <translation>To-do</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/todo_panel.py" line="69" />
        <source>新待办,Enter 添加(24 小时内到期)</source>
        <translation>New to-do, Enter adds it (due in 24 hours)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/todo_panel.py" line="70" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="36" />
        <source>短语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="37" />
        <source>管理短语…</source>
        <translation>Manage phrases…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="39" />
        <source>导入短语包…</source>
        <translation>Import phrase pack…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="40" />
        <source>导出短语包…</source>
        <translation>Export phrase pack…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="41" />
        <source>预载文件夹…</source>
        <translation>Preload folder…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="54" />
        <source>导入短语包</source>
        <translation>Import phrase pack</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="64" />
        <source>还没有团队短语包可以导出。</source>
        <translation>There is no team phrase pack to export yet.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="66" />
        <source>导出短语包</source>
        <translation>Export phrase pack</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="74" />
        <source>已导出 {0} 条短语到 {1}</source>
        <translation>Exported {0} phrases to {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="79" />
        <source>团队短语包的预载文件夹</source>
        <translation>Preload folder for team phrase packs</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="85" />
        <source>文件夹里没有更新的短语包。</source>
        <translation>No newer phrase pack in the folder.</translation>
    </message>
</context>
</TS>