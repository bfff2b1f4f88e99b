<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BuyerHeader</name>
    <message>
        <source>标签，用逗号分隔，Enter 保存</source>
        <translation>Tags, separated by commas; Enter saves</translation>
    </message>
    <message>
        <source>转接</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>内部备注</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>打开后发出的内容只给同事看，不会发给买家</source>
        <translation>While on, what you send is seen by colleagues only, never by the buyer</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>选择左侧的会话开始接待</source>
        <translation>Pick a conversation on the left to start serving</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>不发送这些图片</source>
        <translation>Do not send these pictures</translation>
    </message>
    <message>
        <source>表情</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>还有没填的变量：{0}。再按一次 Enter 原样发送，或先改好。</source>
        <translation>Variables without a value: {0}. Press Enter again to send as it is, or edit first.</translation>
    </message>
    <message>
        <source>附图：</source>
        <translation>Pictures: </translation>
    </message>
    <message>
        <source>粘贴的图片无法读取。</source>
        <translation>The pasted picture cannot be read.</translation>
    </message>
    <message>
        <source>超出单条消息上限 {0} 字，请删减或分几条发送。</source>
        <translation>Over the {0}-character limit of one message; shorten it or send several.</translation>
    </message>
    <message>
        <source>内部备注：只有同事能看到</source>
        <translation>Internal note: only colleagues see it</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>聊天记录</source>
        <translation>Chat history</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>输入框</source>
        <translation>Composer</translation>
    </message>
    <message>
        <source>输入回复，Enter 发送，Shift+Enter 换行，/编码 插入短语</source>
        <extracomment>prefix -&gt; [(label, text)]: where /code completions come from.</extracomment>
        <translation>Type a reply: Enter sends, Shift+Enter new line, /code inserts a phrase</translation>
    </message>
    <message>
        <source>输入回复，Ctrl+Enter 发送，Enter 换行，/编码 插入短语</source>
        <translation>Type a reply: Ctrl+Enter sends, Enter new line, /code inserts a phrase</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>排队中</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>{0}秒</source>
        <translation>{0}s</translation>
    </message>
    <message>
        <source>{0}分{1:02d}秒</source>
        <translation>{0}m{1:02d}s</translation>
    </message>
    <message>
        <source>{0}时{1:02d}分</source>
        <translation>{0}h{1:02d}m</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <source>会话列表</source>
        <translation>Conversations</translation>
    </message>
</context>
<context>
    <name>ConversationPanel</name>
    <message>
        <source>全部会话</source>
        <translation>All conversations</translation>
    </message>
    <message>
        <source>等待回复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>有未读</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>等待最久优先</source>
        <translation>Longest wait first</translation>
    </message>
    <message>
        <source>最新消息优先</source>
        <translation>Newest message first</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>服务数据看板</source>
        <translation>Service dashboard</translation>
    </message>
    <message>
        <source>我的服务数据</source>
        <translation>My service figures</translation>
    </message>
    <message>
        <source>全部客服</source>
        <translation>All agents</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>每小时接待量（按消息数）</source>
        <translation>Hourly reception volume (by messages)</translation>
    </message>
    <message>
        <source>响应时长分布（按对话轮次）</source>
        <translation>Response time distribution (by round)</translation>
    </message>
    <message>
        <source>超过3分钟的回复</source>
        <translation>Replies over 3 minutes</translation>
    </message>
    <message>
        <source>未致结束语</source>
        <translation>No closing phrase</translation>
    </message>
    <message>
        <source>违禁用语</source>
        <translation>Banned phrases</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sale</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>服务数据</source>
        <translation>Service figures</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>买家消息</source>
        <translation>Buyer messages</translation>
    </message>
    <message>
        <source>客服消息</source>
        <translation>Agent messages</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>未回复</source>
        <translation>No reply</translation>
    </message>
    <message>
        <source>{0:.0f} 秒</source>
        <translation>{0:.0f} s</translation>
    </message>
    <message>
        <source>服务时间 {0}；自动回复不计入。</source>
        <translation>Service hours {0}; auto-replies are not counted.</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>接待人数</source>
        <translation>Buyers served</translation>
    </message>
    <message>
        <source>首次响应时长（均值）</source>
        <translation>First response time (mean)</translation>
    </message>
    <message>
        <source>首次响应时长（中位数）</source>
        <translation>First response time (median)</translation>
    </message>
    <message>
        <source>平均响应时长</source>
        <translation>Average response time</translation>
    </message>
    <message>
        <source>30秒应答率</source>
        <translation>Answered within 30 s</translation>
    </message>
    <message>
        <source>三分钟响应率</source>
        <translation>Answered within 3 min</translation>
    </message>
    <message>
        <source>120秒内回复率</source>
        <translation>Answered within 120 s</translation>
    </message>
    <message>
        <source>询单转化率</source>
        <translation>Inquiry conversion</translation>
    </message>
    <message>
        <source>转化评级</source>
        <translation>Conversion grade</translation>
    </message>
    <message>
        <source>付款转化率</source>
        <translation>Payment conversion</translation>
    </message>
    <message>
        <source>客单价</source>
        <translation>Average order value</translation>
    </message>
    <message>
        <source>发送消息数</source>
        <translation>Messages sent</translation>
    </message>
    <message>
        <source>优秀</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>{0:.1f} 秒</source>
        <translation>{0:.1f} s</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>FileImportDialog</name>
    <message>
        <source>只预览，不写入</source>
        <translation>Preview only, write nothing</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>{0}：{1}/{2}</source>
        <translation>{0}: {1}/{2}</translation>
    </message>
    <message>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>预览完成，没有写入。</source>
        <translation>Preview finished; nothing was written.</translation>
    </message>
    <message>
        <source>导入完成。</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>在本会话中查找，Enter 下一个</source>
        <translation>Find in this conversation, Enter for the next</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>No match</translation>
    </message>
</context>
<context>
    <name>FlagPolicyDialog</name>
    <message>
        <source>按“11 点前下单”：当天 15 点前催付</source>
        <translation>As “ordered before 11:00”: remind by 15:00 the same day</translation>
    </message>
    <message>
        <source>按“0 点以后下单”：当天 12 点以后再催付（“次日”指下单前那个晚上的次日）</source>
        <translation>As “ordered after 00:00”: remind after 12:00 that day (“next day” counted from the evening before)</translation>
    </message>
    <message>
        <source>按“0 点以后下单”：下单次日 12 点以后再催付</source>
        <translation>As “ordered after 00:00”: remind after 12:00 the day after ordering</translation>
    </message>
    <message>
        <source>按“0 点以后下单”：次日 12 点以后再催付</source>
        <translation>As “ordered after 00:00”: remind after 12:00 the next day</translation>
    </message>
    <message>
        <source>按“22 点前下单”：次日中午 12 点前催付</source>
        <translation>As “ordered before 22:00”: remind by noon the next day</translation>
    </message>
    <message>
        <source>旗帜规则</source>
        <translation>Flag rules</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>含义</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>禁用</source>
        <translation>Forbidden</translation>
    </message>
    <message>
        <source>禁用原因</source>
        <translation>Why forbidden</translation>
    </message>
    <message>
        <source>需备注</source>
        <translation>Needs remark</translation>
    </message>
    <message>
        <source>每天发货时间（催付时间表用）</source>
        <translation>Daily dispatch time (for the payment reminder schedule)</translation>
    </message>
    <message>
        <source>0–11 点下单</source>
        <translation>Ordered 00:00–11:00</translation>
    </message>
    <message>
        <source>22–24 点下单</source>
        <translation>Ordered 22:00–24:00</translation>
    </message>
    <message>
        <source>催付时间表</source>
        <translation>Reminder schedule</translation>
    </message>
    <message>
        <source>只有主管可以修改旗帜规则；你可以查看。</source>
        <translation>Only a supervisor can change the flag rules; you can view them.</translation>
    </message>
    <message>
        <source>修改后对全队生效，并记录在操作日志里。</source>
        <translation>Changes apply to the whole team and are recorded in the activity log.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FlagRemarkDialog</name>
    <message>
        <source>插{0}旗</source>
        <translation>Set {0} flag</translation>
    </message>
    <message>
        <source>{0}
按团队旗帜规则，插这面旗需要同时写一条备注，说明具体要做什么。</source>
        <translation>{0}
Under the team flag rules, this flag needs a remark saying exactly what to do.</translation>
    </message>
    <message>
        <source>备注内容，例如：改地址为……</source>
        <translation>Remark, e.g. change the address to…</translation>
    </message>
    <message>
        <source>插旗并备注</source>
        <translation>Flag and add remark</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FullTextDialog</name>
    <message>
        <source>全文（{0} 字）</source>
        <translation>Full text ({0} characters)</translation>
    </message>
</context>
<context>
    <name>HandoverComposer</name>
    <message>
        <source>新建交接单</source>
        <translation>New handover sheet</translation>
    </message>
    <message>
        <source>（不指定班次）</source>
        <translation>(No shift)</translation>
    </message>
    <message>
        <source>下一班（任何接班客服）</source>
        <translation>Next shift (any incoming agent)</translation>
    </message>
    <message>
        <source>本班的重要信息，一行一条（例如：仓库今天 17 点后不发顺丰）</source>
        <translation>Key notes for this shift, one per line (e.g. the warehouse ships no SF Express after 17:00 today)</translation>
    </message>
    <message>
        <source>班次</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>交给</source>
        <translation>Hand to</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>生成交接单</source>
        <translation>Create handover sheet</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>将交接的事项</source>
        <translation>Items to hand over</translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <source>交接单</source>
        <translation>Handover sheets</translation>
    </message>
    <message>
        <source>新建交接单…</source>
        <translation>New handover sheet…</translation>
    </message>
    <message>
        <source>导入交接文件…</source>
        <translation>Import handover file…</translation>
    </message>
    <message>
        <source>只看未接收</source>
        <translation>Unacknowledged only</translation>
    </message>
    <message>
        <source>接收所选</source>
        <translation>Acknowledge selected</translation>
    </message>
    <message>
        <source>全部接收</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <source>导出交接表 XLSX…</source>
        <translation>Export handover table (XLSX)…</translation>
    </message>
    <message>
        <source>导出交接文件…</source>
        <translation>Export handover file…</translation>
    </message>
    <message>
        <source>还没有交接单。下班前用“新建交接单”把未完成的事交给下一班。</source>
        <translation>No handover sheets yet. Before your shift ends, use “New handover sheet” to pass unfinished work to the next shift.</translation>
    </message>
    <message>
        <source>，{0} 全部接收</source>
        <translation>, all acknowledged {0}</translation>
    </message>
    <message>
        <source>交接单 #{0} · {1} · 班次 {2} · {3} → {4} · {5}{6}</source>
        <translation>Handover sheet #{0} · {1} · shift {2} · {3} → {4} · {5}{6}</translation>
    </message>
    <message>
        <source>下一班</source>
        <translation>Next shift</translation>
    </message>
    <message>
        <source>本班重要信息：</source>
        <translation>Key notes for this shift: </translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已接收 {0}/{1} 项。</source>
        <translation>Acknowledged {0}/{1} items.</translation>
    </message>
    <message>
        <source>先在表格里选中要接收的事项。</source>
        <translation>First select the items to acknowledge in the table.</translation>
    </message>
    <message>
        <source>导出交接表</source>
        <translation>Export handover table</translation>
    </message>
    <message>
        <source>交接表-{0}.xlsx</source>
        <translation>handover-{0}.xlsx</translation>
    </message>
    <message>
        <source>交接表已导出：{0}（{1} 项）</source>
        <translation>Handover table exported: {0} ({1} items)</translation>
    </message>
    <message>
        <source>导出交接文件</source>
        <translation>Export handover file</translation>
    </message>
    <message>
        <source>交接单-{0}{1}</source>
        <translation>handover-sheet-{0}{1}</translation>
    </message>
    <message>
        <source>交接文件 (*.json)</source>
        <translation>Handover files (*.json)</translation>
    </message>
    <message>
        <source>交接文件已导出：{0}（{1} 项）。在另一台工作台用“导入交接文件”打开。</source>
        <translation>Handover file exported: {0} ({1} items). Open it on another workbench with “Import handover file”.</translation>
    </message>
    <message>
        <source>导入交接文件</source>
        <translation>Import handover file</translation>
    </message>
    <message>
        <source>交接文件 (*.json);;所有文件 (*)</source>
        <translation>Handover files (*.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>发送（可在“我的偏好”改为 Ctrl+Enter）</source>
        <translation>Send (change to Ctrl+Enter under “My preferences”)</translation>
    </message>
    <message>
        <source>换行</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>下一位等待回复的买家</source>
        <translation>Next buyer awaiting a reply</translation>
    </message>
    <message>
        <source>上一位等待回复的买家</source>
        <translation>Previous buyer awaiting a reply</translation>
    </message>
    <message>
        <source>快速切换：输入买家名字</source>
        <translation>Quick switch: type a buyer&apos;s name</translation>
    </message>
    <message>
        <source>在本会话中查找</source>
        <translation>Find in this conversation</translation>
    </message>
    <message>
        <source>回到输入框</source>
        <translation>Back to the input box</translation>
    </message>
    <message>
        <source>/编码</source>
        <translation>/code</translation>
    </message>
    <message>
        <source>插入快捷短语（方向键选择，Enter 或 Tab 确认）</source>
        <translation>Insert a quick phrase (arrow keys to choose, Enter or Tab to confirm)</translation>
    </message>
    <message>
        <source>插入短语列表中的前九条</source>
        <translation>Insert one of the first nine phrases in the list</translation>
    </message>
    <message>
        <source>搜索商品，Enter 发送商品卡片</source>
        <translation>Search products; Enter sends a product card</translation>
    </message>
    <message>
        <source>发送商品页签推荐的尺码回复</source>
        <translation>Send the size reply the Products tab proposes</translation>
    </message>
    <message>
        <source>显示这份快捷键说明</source>
        <translation>Show this list of shortcuts</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>图片</source>
        <translation>Picture</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>追加（编码不能重复）</source>
        <translation>Append (codes must be new)</translation>
    </message>
    <message>
        <source>按编码更新</source>
        <translation>Update by code</translation>
    </message>
    <message>
        <source>整包替换</source>
        <translation>Replace the whole pack</translation>
    </message>
    <message>
        <source>导入短语包：</source>
        <translation>Import phrase pack: </translation>
    </message>
    <message>
        <source>团队短语</source>
        <translation>Team phrases</translation>
    </message>
    <message>
        <source>我的个人短语</source>
        <translation>My personal phrases</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>预览（尚未导入）：</source>
        <translation>Preview (not imported yet): </translation>
    </message>
    <message>
        <source>已导入：</source>
        <translation>Imported: </translation>
    </message>
    <message>
        <source>订单报表 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Order reports (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>导入订单报表</source>
        <translation>Import order report</translation>
    </message>
    <message>
        <source>后台导出的订单报表：CSV（GBK 或 UTF-8）或 XLSX</source>
        <translation>Order report exported from the shop back office: CSV (GBK or UTF-8) or XLSX</translation>
    </message>
    <message>
        <source>可选：宝贝明细文件</source>
        <translation>Optional: item details file</translation>
    </message>
    <message>
        <source>订单报表</source>
        <translation>Order report</translation>
    </message>
    <message>
        <source>宝贝明细</source>
        <translation>Item details</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Start import</translation>
    </message>
    <message>
        <source>请先选择订单报表文件。</source>
        <translation>Choose an order report file first.</translation>
    </message>
    <message>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>已取消，工作台里的订单没有任何改动。</source>
        <translation>Cancelled; no orders in the workbench were changed.</translation>
    </message>
    <message>
        <source>导入聊天记录</source>
        <translation>Import chat logs</translation>
    </message>
    <message>
        <source>JSONL 文件，每行一条消息（格式见 docs/formats-logs.md）</source>
        <translation>JSONL file, one message per line (format: see docs/formats-logs.md)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>跳过坏行（写入 .rejected.jsonl 文件），导入其余各行</source>
        <translation>Skip bad lines (written to a .rejected.jsonl file) and import the rest</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择聊天记录文件</source>
        <translation>Choose a chat log file</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json);;全部 (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;All files (*)</translation>
    </message>
    <message>
        <source>正在检查每一行…</source>
        <translation>Checking each line…</translation>
    </message>
    <message>
        <source>没有导入：</source>
        <translation>Nothing imported: </translation>
    </message>
    <message>
        <source>已取消，没有导入任何记录。</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>正在写入…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>导入 {0} 条消息，新会话 {1} 个；已有而跳过 {2} 条。</source>
        <translation>Imported {0} messages in {1} new conversations; skipped {2} already present.</translation>
    </message>
    <message>
        <source>冲突 {0} 条：uid 已属于另一条内容不同的消息，没有导入。</source>
        <translation>{0} conflicts: their uid belongs to a different message; not imported.</translation>
    </message>
    <message>
        <source>新建客服账号（未设密码，主管设置后才能登录）：</source>
        <translation>New agent accounts (no password; they can sign in once a supervisor sets one): </translation>
    </message>
    <message>
        <source>{0} 行坏行已写入 {1}：</source>
        <translation>{0} bad lines written to {1}: </translation>
    </message>
    <message>
        <source>第 {0} 行：{1}</source>
        <translation>Line {0}: {1}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>zh</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>消息中的链接</source>
        <translation>Links in the message</translation>
    </message>
    <message>
        <source>请确认地址可信后再打开：</source>
        <translation>Check that the address can be trusted before opening it:</translation>
    </message>
    <message>
        <source>在浏览器中打开</source>
        <translation>Open in the browser</translation>
    </message>
    <message>
        <source>不安全的链接，已阻止</source>
        <translation>Unsafe link, blocked</translation>
    </message>
</context>
<context>
    <name>LogSearchWindow</name>
    <message>
        <source>全部发送方</source>
        <translation>All senders</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>自动回复</source>
        <translation>Auto-reply</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>聊天记录查询</source>
        <translation>Chat log search</translation>
    </message>
    <message>
        <source>我的聊天记录</source>
        <translation>My chat logs</translation>
    </message>
    <message>
        <source>搜索聊天内容：空格隔开的词须同时出现，“引号”内为连续短语</source>
        <translation>Search messages: words separated by spaces must all appear; &quot;quotes&quot; match an exact phrase</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>全部客服</source>
        <translation>All agents</translation>
    </message>
    <message>
        <source>买家昵称（包含）</source>
        <translation>Buyer nickname (contains)</translation>
    </message>
    <message>
        <source>时间段</source>
        <translation>Date range</translation>
    </message>
    <message>
        <source>有订单</source>
        <translation>Has orders</translation>
    </message>
    <message>
        <source>慢回复（超过3分钟）</source>
        <translation>Slow replies (over 3 minutes)</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>导出结果…</source>
        <translation>Export results…</translation>
    </message>
    <message>
        <source>导出整段会话…</source>
        <translation>Export whole conversations…</translation>
    </message>
    <message>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>输入关键词或选择条件后按 Enter 搜索。</source>
        <translation>Type keywords or choose filters, then press Enter to search.</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} matches</translation>
    </message>
    <message>
        <source>，第 {0}–{1} 条</source>
        <translation>, showing {0}–{1}</translation>
    </message>
    <message>
        <source>（还有 {0} 条新消息未编入索引，稍后会自动补上）</source>
        <translation> ({0} new messages not indexed yet; they will be added automatically)</translation>
    </message>
    <message>
        <source>正在编制搜索索引：{0} / {1}</source>
        <translation>Building the search index: {0} / {1}</translation>
    </message>
    <message>
        <source>导出聊天记录</source>
        <translation>Export chat logs</translation>
    </message>
    <message>
        <source>聊天记录.xlsx</source>
        <translation>chat-logs.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>正在导出：已写 {0} 条</source>
        <translation>Exporting: {0} written</translation>
    </message>
    <message>
        <source>导出已取消，没有写入文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>已导出 {0} 条到 {1}</source>
        <translation>Exported {0} messages to {1}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 客服工作台</source>
        <translation>Sign in — Agent Workbench</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>没有可登录的账号。请先用 `workbench accounts add 名字` 创建账号（第一个账号是主管）。</source>
        <translation>There is no account to sign in with. First create one with `workbench accounts add NAME` (the first account is the supervisor).</translation>
    </message>
    <message>
        <source>演示账号无需密码</source>
        <translation>Demo accounts need no password</translation>
    </message>
    <message>
        <source>演示登录：这是演示店铺的账号，没有密码，任何人都能登录。正式使用前请主管用 `workbench accounts passwd` 为每个账号设置密码。</source>
        <translation>Demo sign-in: this account belongs to the demo shop; it has no password and anyone can sign in. Before real use, a supervisor should set a password for every account with `workbench accounts passwd`.</translation>
    </message>
    <message>
        <source>团队模式登录</source>
        <translation>Team mode sign-in</translation>
    </message>
    <message>
        <source>留空则按账号的域名查找</source>
        <translation>Leave empty to look it up from the account&apos;s domain</translation>
    </message>
    <message>
        <source>加密连接（TLS，建议保持开启）</source>
        <translation>Encrypted connection (TLS; best left on)</translation>
    </message>
    <message>
        <source>选择本店的 CA 证书</source>
        <translation>Choose the shop&apos;s CA certificate</translation>
    </message>
    <message>
        <source>使用本店自建证书时填写</source>
        <translation>Only if the shop uses its own certificate</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>我的账号（JID）</source>
        <translation>My account (JID)</translation>
    </message>
    <message>
        <source>店铺服务账号</source>
        <translation>Shop service account</translation>
    </message>
    <message>
        <source>私有 CA 证书</source>
        <translation>Private CA certificate</translation>
    </message>
    <message>
        <source>请填写完整的账号，例如 xiaoman@shop.example。</source>
        <translation>Enter the full account, e.g. xiaoman@shop.example.</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>接待（&amp;R）</source>
        <translation>&amp;Reception</translation>
    </message>
    <message>
        <source>短语（&amp;P）</source>
        <translation>&amp;Phrases</translation>
    </message>
    <message>
        <source>订单（&amp;O）</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>交接（&amp;N）</source>
        <translation>Ha&amp;ndover</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sale</translation>
    </message>
    <message>
        <source>售后（&amp;A）</source>
        <translation>&amp;After-sale</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>主管（&amp;E）</source>
        <translation>Sup&amp;ervisor</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>账号（&amp;C）</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>团队（&amp;T）</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>客户（&amp;U）</source>
        <translation>C&amp;ustomers</translation>
    </message>
    <message>
        <source>质检</source>
        <translation>Quality inspection</translation>
    </message>
    <message>
        <source>质检（&amp;Q）</source>
        <translation>&amp;Quality inspection</translation>
    </message>
    <message>
        <source>实训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>实训（&amp;I）</source>
        <translation>Tra&amp;ining</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>商品（&amp;D）</source>
        <translation>Pro&amp;ducts</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>帮助（&amp;H）</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>客服工作台</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <source> — 客服：</source>
        <translation> — agent: </translation>
    </message>
    <message>
        <source>快捷短语</source>
        <translation>Quick phrases</translation>
    </message>
    <message>
        <source>交接</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>新建待办…</source>
        <translation>New to-do…</translation>
    </message>
    <message>
        <source>加入待办（所选消息或订单）</source>
        <translation>Add as to-do (selected message or order)</translation>
    </message>
    <message>
        <source>交接单…</source>
        <translation>Handover sheets…</translation>
    </message>
    <message>
        <source>新建交接单…</source>
        <translation>New handover sheet…</translation>
    </message>
    <message>
        <source>导入交接文件…</source>
        <translation>Import handover file…</translation>
    </message>
    <message>
        <source>班次设置…</source>
        <translation>Shift settings…</translation>
    </message>
    <message>
        <source>加入待办</source>
        <translation>Add as to-do</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>订单列表…</source>
        <translation>Order list…</translation>
    </message>
    <message>
        <source>待催付订单…</source>
        <translation>Unpaid orders to remind…</translation>
    </message>
    <message>
        <source>催付登记表…</source>
        <translation>Payment reminder log…</translation>
    </message>
    <message>
        <source>导入订单报表…</source>
        <translation>Import order report…</translation>
    </message>
    <message>
        <source>旗帜规则…</source>
        <translation>Flag rules…</translation>
    </message>
    <message>
        <source>短语包 (*.json *.csv *.xlsx);;所有文件 (*)</source>
        <translation>Phrase packs (*.json *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>工作台短语包 (*.json)</source>
        <translation>Workbench phrase pack (*.json)</translation>
    </message>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>千牛快捷短语 (*.csv)</source>
        <translation>Qianniu quick phrases (*.csv)</translation>
    </message>
    <message>
        <source>短语</source>
        <translation>Phrases</translation>
    </message>
    <message>
        <source>管理短语…</source>
        <translation>Manage phrases…</translation>
    </message>
    <message>
        <source>导入短语包…</source>
        <translation>Import phrase pack…</translation>
    </message>
    <message>
        <source>导出短语包…</source>
        <translation>Export phrase pack…</translation>
    </message>
    <message>
        <source>预载文件夹…</source>
        <translation>Preload folder…</translation>
    </message>
    <message>
        <source>导入短语包</source>
        <translation>Import phrase pack</translation>
    </message>
    <message>
        <source>还没有团队短语包可以导出。</source>
        <translation>There is no team phrase pack to export yet.</translation>
    </message>
    <message>
        <source>导出短语包</source>
        <translation>Export phrase pack</translation>
    </message>
    <message>
        <source>已导出 {0} 条短语到 {1}</source>
        <translation>Exported {0} phrases to {1}</translation>
    </message>
    <message>
        <source>团队短语包的预载文件夹</source>
        <translation>Preload folder for team phrase packs</translation>
    </message>
    <message>
        <source>文件夹里没有更新的短语包。</source>
        <translation>No newer phrase pack in the folder.</translation>
    </message>
    <message>
        <source>接待</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>接待设置（主管）…</source>
        <translation>Reception settings (supervisor)…</translation>
    </message>
    <message>
        <source>我的偏好…</source>
        <translation>My preferences…</translation>
    </message>
    <message>
        <source>快捷键说明（F1）</source>
        <translation>Keyboard shortcuts (F1)</translation>
    </message>
    <message>
        <source>先在聊天记录里选中一条消息。</source>
        <translation>Select a message in the chat first.</translation>
    </message>
    <message>
        <source>先在订单列表里选中一个订单。</source>
        <translation>Select an order in the order list first.</translation>
    </message>
    <message>
        <source>这一项没有可以打开的会话或订单。</source>
        <translation>This item has no conversation or order to open.</translation>
    </message>
    <message>
        <source>买家 {0} 还没有会话，无法在侧栏打开；可以电话或短信联系后在催付登记表里记录。</source>
        <translation>Buyer {0} has no conversation yet, so the order cannot open in the sidebar; contact them by phone or SMS and record it in the payment reminder log.</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>发送中</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>已发送</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>发送失败，点击重发</source>
        <translation>failed, click to resend</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>[自动回复] </source>
        <translation>[auto-reply] </translation>
    </message>
    <message>
        <source>[系统] </source>
        <translation>[system] </translation>
    </message>
    <message>
        <source>[内部备注] </source>
        <translation>[internal note] </translation>
    </message>
    <message>
        <source>…（共 {0} 字，仅显示前 {1} 字，点击查看全文）</source>
        <translation>… ({0} characters, first {1} shown; click for the full text)</translation>
    </message>
</context>
<context>
    <name>MetricSettingsDialog</name>
    <message>
        <source>服务数据设置</source>
        <translation>Service figure settings</translation>
    </message>
    <message>
        <source>服务时间</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>结束语（每行一个）</source>
        <translation>Closing phrases (one per line)</translation>
    </message>
    <message>
        <source>违禁用语（每行一个）</source>
        <translation>Banned phrases (one per line)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>OrderDelegate</name>
    <message>
        <source>已催付 {0} 次</source>
        <translation>reminded {0}×</translation>
    </message>
</context>
<context>
    <name>OrderModel</name>
    <message>
        <source>{0} · {1}旗</source>
        <translation>{0} · {1} flag</translation>
    </message>
</context>
<context>
    <name>OrderSidebar</name>
    <message>
        <source>买家订单</source>
        <translation>Buyer&apos;s orders</translation>
    </message>
    <message>
        <source>买家订单列表</source>
        <translation>Buyer&apos;s order list</translation>
    </message>
    <message>
        <source>复制单号</source>
        <translation>Copy order no.</translation>
    </message>
    <message>
        <source>复制地址</source>
        <translation>Copy address</translation>
    </message>
    <message>
        <source>核对地址</source>
        <translation>Confirm address</translation>
    </message>
    <message>
        <source>把订单的宝贝和收货地址发给买家核对</source>
        <translation>Send the order&apos;s items and shipping address to the buyer to confirm</translation>
    </message>
    <message>
        <source>催付</source>
        <translation>Remind to pay</translation>
    </message>
    <message>
        <source>给未付款的订单发催付话术并登记</source>
        <translation>Send a payment reminder for an unpaid order and log it</translation>
    </message>
    <message>
        <source>追加备注，Enter 保存</source>
        <translation>Append a remark, Enter saves</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>修改自己最新的一条备注（{0} 分钟内）</source>
        <translation>Edit your latest remark (within {0} minutes)</translation>
    </message>
    <message>
        <source>旗帜</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>复制订单号</source>
        <translation>Copy order number</translation>
    </message>
    <message>
        <source>复制收货地址</source>
        <translation>Copy shipping address</translation>
    </message>
    <message>
        <source>发给买家核对地址</source>
        <translation>Send to buyer to confirm address</translation>
    </message>
    <message>
        <source>催付…</source>
        <translation>Payment reminder…</translation>
    </message>
    <message>
        <source>{0} 的订单（{1}）</source>
        <translation>{0}&apos;s orders ({1})</translation>
    </message>
    <message>
        <source>{0} 暂无订单</source>
        <translation>{0} has no orders yet</translation>
    </message>
    <message>
        <source>（禁用）</source>
        <translation> (disabled)</translation>
    </message>
    <message>
        <source>未插旗。选择颜色时会显示它在团队规则里的含义。</source>
        <translation>No flag. Choosing a colour shows what it means under the team rules.</translation>
    </message>
    <message>
        <source>订单号：</source>
        <translation>Order: </translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <source>金额：</source>
        <translation>Amount: </translation>
    </message>
    <message>
        <source>（实付 ¥{0:.2f}，邮费 ¥{1:.2f}）</source>
        <translation> (paid ¥{0:.2f}, postage ¥{1:.2f})</translation>
    </message>
    <message>
        <source>退款：</source>
        <translation>Refund: </translation>
    </message>
    <message>
        <source>下单：</source>
        <translation>Placed: </translation>
    </message>
    <message>
        <source>  付款：</source>
        <translation>  Paid: </translation>
    </message>
    <message>
        <source>发货：</source>
        <translation>Shipped: </translation>
    </message>
    <message>
        <source>  完成：</source>
        <translation>  Completed: </translation>
    </message>
    <message>
        <source>收货人：</source>
        <translation>Receiver: </translation>
    </message>
    <message>
        <source>地址：</source>
        <translation>Address: </translation>
    </message>
    <message>
        <source>物流：</source>
        <translation>Shipping: </translation>
    </message>
    <message>
        <source>买家留言：</source>
        <translation>Buyer&apos;s note: </translation>
    </message>
    <message>
        <source>催付：</source>
        <translation>Payment reminder: </translation>
    </message>
    <message>
        <source>旗帜：</source>
        <translation>Flag: </translation>
    </message>
    <message>
        <source>{0}/{1} 字节 超出{2}</source>
        <translation>{0}/{1} bytes, {2} over</translation>
    </message>
    <message>
        <source>{0}/{1} 字节</source>
        <translation>{0}/{1} bytes</translation>
    </message>
    <message>
        <source>取消修改</source>
        <translation>Cancel edit</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>请先打开买家 {0} 的会话，再发送。</source>
        <translation>Open the conversation with buyer {0} first, then send.</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>旗帜</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>总金额</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>付款时间</source>
        <translation>Paid at</translation>
    </message>
    <message>
        <source>收货人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>催付</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>OrdersWindow</name>
    <message>
        <source>订单列表</source>
        <translation>Order list</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部旗帜</source>
        <translation>All flags</translation>
    </message>
    <message>
        <source>买家昵称</source>
        <translation>Buyer nickname</translation>
    </message>
    <message>
        <source>下单日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <source>未付款超过</source>
        <translation>Unpaid for over</translation>
    </message>
    <message>
        <source> 小时且未催付</source>
        <translation> hours, not reminded</translation>
    </message>
    <message>
        <source>在侧栏打开</source>
        <translation>Open in sidebar</translation>
    </message>
    <message>
        <source>催付…</source>
        <translation>Payment reminder…</translation>
    </message>
    <message>
        <source>客户档案</source>
        <translation>Customer file</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>共 {0} 单</source>
        <translation>{0} orders</translation>
    </message>
    <message>
        <source>订单-{0}{1}</source>
        <translation>orders-{0}{1}</translation>
    </message>
    <message>
        <source>导出订单</source>
        <translation>Export orders</translation>
    </message>
    <message>
        <source>已导出 {0} 单到 {1}</source>
        <translation>Exported {0} orders to {1}</translation>
    </message>
    <message>
        <source>导出已取消，没有留下文件。</source>
        <translation>Export cancelled; no file was left behind.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>PhraseManager</name>
    <message>
        <source>管理快捷短语</source>
        <translation>Manage quick phrases</translation>
    </message>
    <message>
        <source>如：售后/退换货</source>
        <translation>e.g. After-sale/Returns</translation>
    </message>
    <message>
        <source>空格分隔，帮助推荐回复</source>
        <translation>Separated by spaces; they help suggestions</translation>
    </message>
    <message>
        <source>无图片</source>
        <translation>No picture</translation>
    </message>
    <message>
        <source>选择图片…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <source>去掉图片</source>
        <translation>Remove picture</translation>
    </message>
    <message>
        <source>可用变量：</source>
        <translation>Variables: </translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>短语包</source>
        <translation>Pack</translation>
    </message>
    <message>
        <source>快捷编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>我的个人短语</source>
        <translation>My personal phrases</translation>
    </message>
    <message>
        <source>短语图片</source>
        <translation>Phrase picture</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</translation>
    </message>
</context>
<context>
    <name>PhraseModel</name>
    <message>
        <source>[个人] </source>
        <translation>[personal] </translation>
    </message>
    <message>
        <source>[图] </source>
        <translation>[picture] </translation>
    </message>
</context>
<context>
    <name>PhrasePanel</name>
    <message>
        <source>快捷短语</source>
        <translation>Quick phrases</translation>
    </message>
    <message>
        <source>推荐回复</source>
        <translation>Suggested replies</translation>
    </message>
    <message>
        <source>常用优先</source>
        <translation>Most used first</translation>
    </message>
    <message>
        <source>搜索：编码、文字或拼音首字母</source>
        <translation>Search: code, words or pinyin initials</translation>
    </message>
    <message>
        <source>全部分组</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>短语索引失败，搜索暂时只按编码和原文匹配。</source>
        <translation>Phrase indexing failed; search matches codes and plain text for now. </translation>
    </message>
</context>
<context>
    <name>PhraseTableModel</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>短语</source>
        <translation>Phrase</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>短语包</source>
        <translation>Pack</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>我的偏好</source>
        <translation>My preferences</translation>
    </message>
    <message>
        <source>Enter 发送，Shift+Enter 换行</source>
        <translation>Enter sends, Shift+Enter new line</translation>
    </message>
    <message>
        <source>Ctrl+Enter 发送，Enter 换行</source>
        <translation>Ctrl+Enter sends, Enter new line</translation>
    </message>
    <message>
        <source>买家等待提醒时响铃</source>
        <translation>Beep when a buyer waits too long</translation>
    </message>
    <message>
        <source>发送键</source>
        <translation>Send key</translation>
    </message>
</context>
<context>
    <name>QualityModel</name>
    <message>
        <source>提问时间</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>等待</source>
        <translation>Wait</translation>
    </message>
    <message>
        <source>最后回复</source>
        <translation>Last reply</translation>
    </message>
    <message>
        <source>最后一句</source>
        <translation>Last message</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用语</source>
        <translation>Wording</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <source>切换会话</source>
        <translation>Switch conversation</translation>
    </message>
    <message>
        <source>输入买家名字的一部分</source>
        <translation>Type part of a buyer name</translation>
    </message>
</context>
<context>
    <name>ReceptionMonitor</name>
    <message>
        <source>{0} 已等待 {1} 秒</source>
        <translation>{0} has waited {1} s</translation>
    </message>
    <message>
        <source>买家在等待</source>
        <translation>A buyer is waiting</translation>
    </message>
</context>
<context>
    <name>RemarkModel</name>
    <message>
        <source>[后台] </source>
        <translation>[Back office] </translation>
    </message>
    <message>
        <source>来自后台订单报表的备注，只读</source>
        <translation>Remark from the back-office order report; read-only</translation>
    </message>
    <message>
        <source>（已修改）</source>
        <translation> (edited)</translation>
    </message>
    <message>
        <source>你的最新备注，{0} 分钟内可以修改</source>
        <translation>Your latest remark; you can edit it for {0} minutes</translation>
    </message>
    <message>
        <source>只读：{0}的备注</source>
        <translation>Read-only: {0}&apos;s remark</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>催付 · {0}</source>
        <translation>Payment reminder · {0}</translation>
    </message>
    <message>
        <source>订单 {0} · 买家 {1} · {2} 下单 · ¥{3:.2f}</source>
        <translation>Order {0} · buyer {1} · placed {2} · ¥{3:.2f}</translation>
    </message>
    <message>
        <source>下单时间不详</source>
        <translation>Order time unknown</translation>
    </message>
    <message>
        <source>催付时间：</source>
        <translation>Reminder window: </translation>
    </message>
    <message>
        <source>我已了解以上提醒，仍要催付</source>
        <translation>I have read the warnings above and still want to send a reminder</translation>
    </message>
    <message>
        <source>未付款原因（知道的话）</source>
        <translation>Reason for not paying (if known)</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>话术</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>发送并登记</source>
        <translation>Send and log</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>请先打开买家 {0} 的会话，再发送催付。</source>
        <translation>Open the conversation with buyer {0} first, then send the payment reminder.</translation>
    </message>
    <message>
        <source>已登记催付。团队旗帜规则里没有催付后使用的颜色。</source>
        <translation>Payment reminder logged. The team flag rules set no colour for after a reminder.</translation>
    </message>
    <message>
        <source>已登记催付。按团队旗帜规则：{0}</source>
        <translation>Payment reminder logged. Under the team flag rules: {0}</translation>
    </message>
    <message>
        <source>插{0}旗并备注</source>
        <translation>Set {0} flag with remark</translation>
    </message>
    <message>
        <source>已{0}催付</source>
        <translation>Reminded to pay via {0}</translation>
    </message>
    <message>
        <source>，原因：{0}</source>
        <translation>, reason: {0}</translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>未付原因</source>
        <translation>Reason unpaid</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>订单现状</source>
        <translation>Order now</translation>
    </message>
</context>
<context>
    <name>RemindersWindow</name>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>催付登记表</source>
        <translation>Payment reminder log</translation>
    </message>
    <message>
        <source>保存原因和结果</source>
        <translation>Save reason and outcome</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>待催付订单…</source>
        <translation>Unpaid orders to remind…</translation>
    </message>
    <message>
        <source>打开所选订单</source>
        <translation>Open selected order</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>未付原因</source>
        <translation>Reason unpaid</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>导出催付登记表</source>
        <translation>Export the payment reminder register</translation>
    </message>
    <message>
        <source>催付登记表.xlsx</source>
        <translation>payment-reminders.xlsx</translation>
    </message>
    <message>
        <source>已导出 {0} 条催付记录和总结优化表到 {1}</source>
        <translation>Exported {0} reminders and the summary table to {1}</translation>
    </message>
    <message>
        <source>总结优化表（同一范围内的催付，按时机、方式和原因看付款成功率）</source>
        <translation>Summary (reminders of the same range: payment success by timing, channel and reason)</translation>
    </message>
</context>
<context>
    <name>ResultModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>发送方</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>消息过长：{0} 字，通道上限 {1} 字。请分成几条发送。</source>
        <translation>Message too long: {0} characters, the channel carries {1}. Split it into several messages.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>自动问候语</source>
        <translation>Automatic greeting</translation>
    </message>
    <message>
        <source>忙碌时自动回复</source>
        <translation>Auto-reply when busy</translation>
    </message>
    <message>
        <source>离开时自动回复</source>
        <translation>Auto-reply when away</translation>
    </message>
    <message>
        <source>排队时自动回复</source>
        <translation>Auto-reply when queued</translation>
    </message>
    <message>
        <source>首次回复提醒（秒）</source>
        <translation>First reply warning (s)</translation>
    </message>
    <message>
        <source>首次回复超时（秒）</source>
        <translation>First reply overdue (s)</translation>
    </message>
    <message>
        <source>后续回复提醒（秒）</source>
        <translation>Later reply warning (s)</translation>
    </message>
    <message>
        <source>后续回复超时（秒）</source>
        <translation>Later reply overdue (s)</translation>
    </message>
    <message>
        <source>无新消息自动结束（分钟）</source>
        <translation>End when idle for (min)</translation>
    </message>
    <message>
        <source>买家等待多久提醒我（秒）</source>
        <translation>Remind me when a buyer waits (s)</translation>
    </message>
    <message>
        <source>几位买家等待时发忙碌回复（0 关闭）</source>
        <translation>Busy reply when this many buyers wait (0: off)</translation>
    </message>
    <message>
        <source>接待设置</source>
        <translation>Reception settings</translation>
    </message>
</context>
<context>
    <name>SheetItemModel</name>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>未接收</source>
        <translation>not yet</translation>
    </message>
</context>
<context>
    <name>SheetListModel</name>
    <message>
        <source>#{0} 【{1}】 {2}
{3}/{4} 项已接收（导入）</source>
        <translation>#{0} [{1}] {2}
{3}/{4} items received (imported)</translation>
    </message>
    <message>
        <source>#{0} 【{1}】 {2}
{3}/{4} 项已接收</source>
        <translation>#{0} [{1}] {2}
{3}/{4} items received</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>班次设置</source>
        <translation>Shift settings</translation>
    </message>
    <message>
        <source>添加班次</source>
        <translation>Add shift</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>时间写成 HH:MM；结束不晚于开始表示次日（晚班 18:00–次日 01:00）。</source>
        <translation>Write times as HH:MM; an end no later than the start means the next day (evening shift 18:00–01:00 next day).</translation>
    </message>
    <message>
        <source>只有主管可以修改班次，这里只能查看。</source>
        <translation>Only a supervisor can change shifts; here you can only view them.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ShiftTableModel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>客服（账号名，逗号分隔）</source>
        <translation>Agents (account names, comma-separated)</translation>
    </message>
    <message>
        <source>结束不晚于开始表示次日，例如 18:00–01:00</source>
        <translation>An end no later than the start means the next day, e.g. 18:00–01:00</translation>
    </message>
    <message>
        <source>新班次</source>
        <translation>New shift</translation>
    </message>
</context>
<context>
    <name>StatusControls</name>
    <message>
        <source>同时接待 </source>
        <translation>Serve at once: </translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>StoreWork</name>
    <message>
        <source>出错了（程序问题，请告诉开发者）：{0}</source>
        <translation>Something went wrong (a bug, please tell the developers): {0}</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>维度</source>
        <translation>By</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>催付次数</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>成功率</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>催付时机</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>催付方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>未付原因</source>
        <translation>Reason unpaid</translation>
    </message>
    <message>
        <source>按时间表</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <source>早于时间表</source>
        <translation>Before the schedule</translation>
    </message>
    <message>
        <source>晚于时间表</source>
        <translation>After the schedule</translation>
    </message>
    <message>
        <source>下单时间不详</source>
        <translation>Order time unknown</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>聊天记录查询…</source>
        <translation>Search chat logs…</translation>
    </message>
    <message>
        <source>服务数据看板…</source>
        <translation>Service dashboard…</translation>
    </message>
    <message>
        <source>导入聊天记录…</source>
        <translation>Import chat logs…</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>当前：{0}（{1}）</source>
        <translation>Signed in: {0} ({1})</translation>
    </message>
    <message>
        <source>我的聊天记录…</source>
        <translation>My chat logs…</translation>
    </message>
    <message>
        <source>我的服务数据…</source>
        <translation>My service figures…</translation>
    </message>
    <message>
        <source>切换账号 / 退出登录…</source>
        <translation>Switch account / sign out…</translation>
    </message>
</context>
<context>
    <name>TeamMode</name>
    <message>
        <source>拉取失败：{0}</source>
        <translation>Fetching failed: {0}</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>登录设置…</source>
        <translation>Sign-in settings…</translation>
    </message>
    <message>
        <source>我的状态</source>
        <translation>My status</translation>
    </message>
    <message>
        <source>转接当前买家…</source>
        <translation>Transfer current buyer…</translation>
    </message>
    <message>
        <source>结束当前会话（释放接待名额）</source>
        <translation>End current conversation (frees a reception slot)</translation>
    </message>
    <message>
        <source>拉取团队聊天记录…</source>
        <translation>Fetch team chat logs…</translation>
    </message>
    <message>
        <source>以 workbench run --channel xmpp 启动进入团队模式</source>
        <translation>Start with workbench run --channel xmpp to use team mode</translation>
    </message>
    <message>
        <source>团队：</source>
        <translation>Team: </translation>
    </message>
    <message>
        <source> · 路由在线</source>
        <translation> · router online</translation>
    </message>
    <message>
        <source> · 等待路由</source>
        <translation> · waiting for router</translation>
    </message>
    <message>
        <source>请先选中一个会话。</source>
        <translation>Select a conversation first.</translation>
    </message>
    <message>
        <source>未连接到服务器，无法转接。</source>
        <translation>Not connected to the server; cannot transfer.</translation>
    </message>
    <message>
        <source>未连接到服务器。</source>
        <translation>Not connected to the server.</translation>
    </message>
    <message>
        <source>拉取团队聊天记录（店铺服务账号）</source>
        <translation>Fetch team chat logs (shop service account)</translation>
    </message>
    <message>
        <source>正在拉取团队聊天记录…</source>
        <translation>Fetching team chat logs…</translation>
    </message>
    <message>
        <source>已拉取 {0} 条新消息。</source>
        <translation>Fetched {0} new messages.</translation>
    </message>
</context>
<context>
    <name>TodoDelegate</name>
    <message>
        <source>订单 {0}</source>
        <translation>Order {0}</translation>
    </message>
</context>
<context>
    <name>TodoDialog</name>
    <message>
        <source>[图片]</source>
        <translation>[picture]</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>回复{0}：{1}</source>
        <translation>Reply to {0}: {1}</translation>
    </message>
    <message>
        <source>编辑待办</source>
        <translation>Edit to-do</translation>
    </message>
    <message>
        <source>新建待办</source>
        <translation>New to-do</translation>
    </message>
    <message>
        <source>班次：</source>
        <translation>Shift: </translation>
    </message>
    <message>
        <source>全组</source>
        <translation>Whole team</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>due</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>优先级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>负责</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这个订单要跟进什么？例如：缺货，推荐其他颜色</source>
        <translation>What needs following up on this order? e.g. out of stock, suggest another colour</translation>
    </message>
    <message>
        <source>买家 </source>
        <translation>Buyer </translation>
    </message>
    <message>
        <source>会话 #{0}</source>
        <translation>Conversation #{0}</translation>
    </message>
    <message>
        <source>订单 </source>
        <translation>Order </translation>
    </message>
    <message>
        <source>无（自由待办）</source>
        <translation>None (standalone to-do)</translation>
    </message>
</context>
<context>
    <name>TodoModel</name>
    <message>
        <source>状态：{0}</source>
        <translation>State: {0}</translation>
    </message>
    <message>
        <source>负责：{0}</source>
        <translation>Assignee: {0}</translation>
    </message>
    <message>
        <source>买家：{0}</source>
        <translation>Buyer: {0}</translation>
    </message>
    <message>
        <source>订单：{0}</source>
        <translation>Order: {0}</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <source>无到期时间</source>
        <translation>no due time</translation>
    </message>
    <message>
        <source>{0} 分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0:.0f} 小时</source>
        <translation>{0:.0f} h</translation>
    </message>
    <message>
        <source>{0:.0f} 天</source>
        <translation>{0:.0f} d</translation>
    </message>
    <message>
        <source>到期 {0}</source>
        <translation>due {0}</translation>
    </message>
    <message>
        <source>还剩 {0}（{1}）</source>
        <translation>{0} left ({1})</translation>
    </message>
    <message>
        <source>已超时 {0}（{1}）</source>
        <translation>overdue by {0} ({1})</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To-do</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>打开交接单</source>
        <translation>Open handover sheets</translation>
    </message>
    <message>
        <source>待办列表</source>
        <translation>To-do list</translation>
    </message>
    <message>
        <source>新待办，Enter 添加（24 小时内到期；！开头为紧急）</source>
        <translation>New to-do, Enter adds (due within 24 hours; start with ! for urgent)</translation>
    </message>
    <message>
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <source>打开关联会话/订单</source>
        <translation>Open linked conversation/order</translation>
    </message>
    <message>
        <source>开始执行</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>编辑 / 查看记录…</source>
        <translation>Edit / view history…</translation>
    </message>
    <message>
        <source>新建待办…</source>
        <translation>New to-do…</translation>
    </message>
    <message>
        <source>⏰ 待办提醒：{0}{1}，{2}</source>
        <translation>⏰ To-do reminder: {0}{1}, {2}</translation>
    </message>
    <message>
        <source> 等 {0} 项</source>
        <translation> ({0} in all)</translation>
    </message>
    <message>
        <source>待办提醒</source>
        <translation>To-do reminder</translation>
    </message>
    <message>
        <source>客服工作台</source>
        <translation>Agent Workbench</translation>
    </message>
    <message>
        <source>{0} 份交接单尚未被接收</source>
        <translation>{0} handover sheets not yet acknowledged</translation>
    </message>
    <message>
        <source>{0} 份交接单待接收</source>
        <translation>{0} handover sheets to acknowledge</translation>
    </message>
    <message>
        <source>你交出的 {0} 份尚未被接收</source>
        <translation>{0} of your handover sheets not yet acknowledged</translation>
    </message>
    <message>
        <source>交接：</source>
        <translation>Handover: </translation>
    </message>
    <message>
        <source>{0} 项</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>[图片]</source>
        <translation>[picture]</translation>
    </message>
</context>
<context>
    <name>TranscriptWindow</name>
    <message>
        <source>会话记录 — {0}</source>
        <translation>Transcript — {0}</translation>
    </message>
    <message>
        <source>买家：{0}  客服：{1}  会话：{2}  共 {3} 条</source>
        <translation>Buyer: {0}  Agent: {1}  Conversation: {2}  {3} messages</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>售前</source>
        <translation>Pre-sales</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sales</translation>
    </message>
    <message>
        <source>转接会话</source>
        <translation>Transfer conversation</translation>
    </message>
    <message>
        <source>客服：</source>
        <translation>Agent: </translation>
    </message>
    <message>
        <source>分组：</source>
        <translation>Group: </translation>
    </message>
    <message>
        <source>例如：买家要求退货，请售后跟进</source>
        <translation>e.g. the buyer wants a return; after-sale please follow up</translation>
    </message>
    <message>
        <source>转给</source>
        <translation>To</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>转接买家</source>
        <translation>Transfer buyer</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>转给客服（JID）</source>
        <translation>To agent (JID)</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>等待买家付款</source>
        <translation>Awaiting buyer payment</translation>
    </message>
    <message>
        <source>买家已付款，等待卖家发货</source>
        <translation>Paid, awaiting shipment</translation>
    </message>
    <message>
        <source>卖家部分发货</source>
        <translation>Partly shipped</translation>
    </message>
    <message>
        <source>卖家已发货，等待买家确认</source>
        <translation>Shipped, awaiting buyer confirmation</translation>
    </message>
    <message>
        <source>买家已签收（货到付款）</source>
        <translation>Signed for (cash on delivery)</translation>
    </message>
    <message>
        <source>交易成功</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>交易关闭（付款后退款成功）</source>
        <translation>Closed (refunded after payment)</translation>
    </message>
    <message>
        <source>交易关闭（付款前关闭）</source>
        <translation>Closed (before payment)</translation>
    </message>
    <message>
        <source>待付款</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已发货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>已签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <source>交易关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>灰</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>紫</source>
        <translation>Purple</translation>
    </message>
    <message>
        <source>未执行</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>执行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>紧急</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>本班次</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>全组</source>
        <translation>Whole team</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>忙碌</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>离开</source>
        <translation>Away</translation>
    </message>
    <message>
        <source>挂起</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>已连接</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>连接失败</source>
        <translation>Connection failed</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>培训师</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>旺旺</source>
        <translation>Wangwang chat</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>不熟悉付款操作</source>
        <translation>Unsure how to pay</translation>
    </message>
    <message>
        <source>忘记支付密码</source>
        <translation>Forgot payment password</translation>
    </message>
    <message>
        <source>余额不足</source>
        <translation>Insufficient balance</translation>
    </message>
    <message>
        <source>议价未成功</source>
        <translation>Price not agreed</translation>
    </message>
    <message>
        <source>有顾虑</source>
        <translation>Has doubts</translation>
    </message>
    <message>
        <source>货比三家</source>
        <translation>Comparing shops</translation>
    </message>
    <message>
        <source>忘记付款</source>
        <translation>Forgot to pay</translation>
    </message>
    <message>
        <source>拍错了</source>
        <translation>Ordered by mistake</translation>
    </message>
    <message>
        <source>需要改价</source>
        <translation>Needs a price change</translation>
    </message>
    <message>
        <source>已提醒，等待付款</source>
        <translation>Reminded, awaiting payment</translation>
    </message>
    <message>
        <source>答应稍后付款</source>
        <translation>Promised to pay later</translation>
    </message>
    <message>
        <source>未回复</source>
        <translation>No reply</translation>
    </message>
    <message>
        <source>不要了</source>
        <translation>No longer wants it</translation>
    </message>
    <message>
        <source>11 点前下单，当天 15 点前催付</source>
        <translation>Ordered before 11:00: remind by 15:00 the same day</translation>
    </message>
    <message>
        <source>15 点前下单，当天发货（{0}）前催付</source>
        <translation>Ordered before 15:00: remind before the day&apos;s dispatch ({0})</translation>
    </message>
    <message>
        <source>22 点前下单，次日中午 12 点前催付</source>
        <translation>Ordered before 22:00: remind by noon the next day</translation>
    </message>
    <message>
        <source>0 点以后下单，当天 12 点以后再催付</source>
        <translation>Ordered after 00:00: remind after 12:00 that day</translation>
    </message>
    <message>
        <source>0 点以后下单，次日 12 点以后再催付</source>
        <translation>Ordered after 00:00: remind after 12:00 the next day</translation>
    </message>
    <message>
        <source>22 点以后下单（按 0 点以后的规则），次日 12 点以后再催付</source>
        <translation>Ordered after 22:00 (as after 00:00): remind after 12:00 the next day</translation>
    </message>
    <message>
        <source>22 点以后下单（按 22 点前的规则），次日中午 12 点前催付</source>
        <translation>Ordered after 22:00 (as before 22:00): remind by noon the next day</translation>
    </message>
    <message>
        <source>买过两次以上的买家，下单 48 小时后再催付</source>
        <translation>Buyers with two or more purchases: remind 48 hours after the order</translation>
    </message>
</context>
<context>
    <name>_FileField</name>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
</context>
</TS>
