<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BuyerHeader</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="51" />
        <source>标签,用逗号分隔,Enter 保存</source>
        <translation>Tags, separated by commas; Enter saves</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="52" />
        <source>转接</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="53" />
        <source>内部备注</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="55" />
        <source>打开后发出的内容只给同事看,不会发给买家</source>
        <translation>While on, what you send is seen by colleagues only, never by the buyer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="56" />
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="74" />
        <source>选择左侧的会话开始接待</source>
        <translation>Pick a conversation on the left to start serving</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="78" />
        <source>首次咨询</source>
        <translation>First enquiry</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="79" />
        <source>回头客 · {0} 单</source>
        <translation>Returning · {0} orders</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="206" />
        <source>不发送这些图片</source>
        <translation>Do not send these pictures</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="209" />
        <source>表情</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="211" />
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="289" />
        <source>还有没填的变量:{0}。再按一次 Enter 原样发送,或先改好。</source>
        <translation>Variables without a value: {0}. Press Enter again to send as it is, or edit first.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="312" />
        <source>附图:</source>
        <translation>Pictures: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="324" />
        <source>粘贴的图片无法读取。</source>
        <translation>The pasted picture cannot be read.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="338" />
        <source>超出单条消息上限 {0} 字,请删减或分几条发送。</source>
        <translation>Over the {0}-character limit of one message; shorten it or send several.</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="344" />
        <source>内部备注:只有同事能看到</source>
        <translation>Internal note: only colleagues see it</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="259" />
        <source>聊天记录</source>
        <translation>Chat history</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../workbench/ui/composer.py" line="28" />
        <source>输入框</source>
        <translation>Composer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/composer.py" line="29" />
        <location filename="../../workbench/ui/composer.py" line="49" />
        <source>输入回复,Enter 发送,Shift+Enter 换行,/编码 插入短语</source>
        <extracomment>prefix -&gt; [(label, text)]: where /code completions come from.</extracomment>
        <translation>Type a reply: Enter sends, Shift+Enter new line, /code inserts a phrase</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/composer.py" line="50" />
        <source>输入回复,Ctrl+Enter 发送,Enter 换行,/编码 插入短语</source>
        <translation>Type a reply: Ctrl+Enter sends, Enter new line, /code inserts a phrase</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../workbench/ui/conversation_list.py" line="212" />
        <source>会话列表</source>
        <translation>Conversations</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="99" />
        <source>在本会话中查找,Enter 下一个</source>
        <translation>Find in this conversation, Enter for the next</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="133" />
        <source>无结果</source>
        <translation>No match</translation>
    </message>
</context>
<context>
    <name>FullTextDialog</name>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="319" />
        <source>全文({0} 字)</source>
        <translation>Full text ({0} characters)</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="313" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="306" />
        <source>图片</source>
        <translation>Picture</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="275" />
        <source>导入短语包:</source>
        <translation>Import phrase pack: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="278" />
        <source>团队短语</source>
        <translation>Team phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="279" />
        <source>我的个人短语</source>
        <translation>My personal phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="287" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="288" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="290" />
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="291" />
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="313" />
        <source>预览(尚未导入):</source>
        <translation>Preview (not imported yet): </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="313" />
        <source>已导入:</source>
        <translation>Imported: </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="333" />
        <source>消息中的链接</source>
        <translation>Links in the message</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="335" />
        <source>请确认地址可信后再打开:</source>
        <translation>Check that the address can be trusted before opening it:</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="342" />
        <source>在浏览器中打开</source>
        <translation>Open in the browser</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat_view.py" line="343" />
        <source>不安全的链接,已阻止</source>
        <translation>Unsafe link, blocked</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="43" />
        <source>客服工作台</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="44" />
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
        <location filename="../../workbench/ui/phrases_window.py" line="139" />
        <location filename="../../workbench/ui/phrases_window.py" line="226" />
        <source>无图片</source>
        <translation>No picture</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="141" />
        <source>选择图片…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="142" />
        <source>去掉图片</source>
        <translation>Remove picture</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="145" />
        <source>可用变量:</source>
        <translation>Variables: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="151" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="152" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="153" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="155" />
        <source>短语包</source>
        <translation>Pack</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="156" />
        <source>快捷编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="157" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="158" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="159" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="164" />
        <source>图片</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="189" />
        <source>我的个人短语</source>
        <translation>My personal phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_window.py" line="229" />
        <source>短语图片</source>
        <translation>Phrase picture</translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="93" />
        <source>快捷短语</source>
        <translation>Quick phrases</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="98" />
        <source>推荐回复</source>
        <translation>Suggested replies</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="111" />
        <source>常用优先</source>
        <translation>Most used first</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="115" />
        <source>搜索:编码、文字或拼音首字母</source>
        <translation>Search: code, words or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="152" />
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="300" />
        <source>短语索引失败,搜索暂时只按编码和原文匹配。</source>
        <translation>Phrase indexing failed; search matches codes and plain text for now. </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="227" />
        <source>我的偏好</source>
        <translation>My preferences</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="230" />
        <source>Enter 发送,Shift+Enter 换行</source>
        <translation>Enter sends, Shift+Enter new line</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="231" />
        <source>Ctrl+Enter 发送,Enter 换行</source>
        <translation>Ctrl+Enter sends, Enter new line</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="233" />
        <source>买家等待提醒时响铃</source>
        <translation>Beep when a buyer waits too long</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="238" />
        <source>发送键</source>
        <translation>Send key</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="257" />
        <source>切换会话</source>
        <translation>Switch conversation</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="260" />
        <source>输入买家名字的一部分</source>
        <translation>Type part of a buyer name</translation>
    </message>
</context>
<context>
    <name>ReceptionMonitor</name>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="128" />
        <source>{0} 已等待 {1} 秒</source>
        <translation>{0} has waited {1} s</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="132" />
        <source>买家在等待</source>
        <translation>A buyer is waiting</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../workbench/ui/session.py" line="69" />
        <source>消息过长:{0} 字,通道上限 {1} 字。请分成几条发送。</source>
        <translation>Message too long: {0} characters, the channel carries {1}. Split it into several messages.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="184" />
        <source>接待设置</source>
        <translation>Reception settings</translation>
    </message>
</context>
<context>
    <name>StatusControls</name>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="160" />
        <source>同时接待 </source>
        <translation>Serve at once: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="166" />
        <source>状态</source>
        <translation>Status</translation>
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
    <name>TransferDialog</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="147" />
        <source>转接会话</source>
        <translation>Transfer conversation</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="151" />
        <source>客服:</source>
        <translation>Agent: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="153" />
        <source>分组:</source>
        <translation>Group: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="155" />
        <source>例如:买家要求退货,请售后跟进</source>
        <translation>e.g. the buyer wants a return; after-sale please follow up</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="161" />
        <source>转给</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="162" />
        <source>原因</source>
        <translation>Reason</translation>
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
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="67" />
        <source>接待</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="68" />
        <source>接待设置(主管)…</source>
        <translation>Reception settings (supervisor)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="69" />
        <source>我的偏好…</source>
        <translation>My preferences…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/reception_window.py" line="70" />
        <source>快捷键说明(F1)</source>
        <translation>Keyboard shortcuts (F1)</translation>
    </message>
</context>
</TS>