<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="256" />
        <source>选择左侧的会话开始接待</source>
        <translation>Pick a conversation on the left to start serving</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="183" />
        <source>聊天记录</source>
        <translation>Chat history</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../workbench/ui/chat.py" line="212" />
        <source>输入框</source>
        <translation>Composer</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/chat.py" line="213" />
        <source>输入回复,Enter 发送,Shift+Enter 换行</source>
        <translation>Type a reply: Enter sends, Shift+Enter new line</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../workbench/ui/conversation_list.py" line="153" />
        <source>会话列表</source>
        <translation>Conversations</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="30" />
        <source>客服工作台</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="31" />
        <source> — 客服:</source>
        <translation> — agent: </translation>
    </message>
</context>
<context>
    <name>OrderSidebar</name>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="66" />
        <source>买家订单</source>
        <translation>Buyer's orders</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="82" />
        <source>追加备注,Enter 保存</source>
        <translation>Append a remark, Enter saves</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="88" />
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="93" />
        <source>旗帜</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="141" />
        <source>订单号:</source>
        <translation>Order: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="142" />
        <source>状态:</source>
        <translation>Status: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="143" />
        <source>金额:</source>
        <translation>Amount: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="144" />
        <source>下单:</source>
        <translation>Placed: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="145" />
        <source>收货人:</source>
        <translation>Receiver: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="146" />
        <source>地址:</source>
        <translation>Address: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="149" />
        <source>物流:</source>
        <translation>Shipping: </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/orders_panel.py" line="151" />
        <source>买家留言:</source>
        <translation>Buyer's note: </translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="61" />
        <source>搜索快捷短语(编码或文字)</source>
        <translation>Search quick phrases (code or text)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/phrases_panel.py" line="69" />
        <source>快捷短语</source>
        <translation>Quick phrases</translation>
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
        <location filename="../../workbench/ui/todo_panel.py" line="53" />
        <source>待办</source>
        <translation>To-do</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/todo_panel.py" line="61" />
        <source>新待办,Enter 添加(24 小时内到期)</source>
        <translation>New to-do, Enter adds it (due in 24 hours)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/todo_panel.py" line="62" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
</TS>