<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AftersaleClock</name>
    <message>
        <source>{0}天{1}小时</source>
        <translation>{0} d {1} h</translation>
    </message>
    <message>
        <source>{0}小时{1:02d}分</source>
        <translation>{0} h {1:02d} min</translation>
    </message>
    <message>
        <source>{0}分</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>超时 {0}</source>
        <translation>overdue {0}</translation>
    </message>
    <message>
        <source>剩 {0}</source>
        <translation>{0} left</translation>
    </message>
</context>
<context>
    <name>AftersaleFiguresModel</name>
    <message>
        <source>售后开单数</source>
        <translation>Cases opened</translation>
    </message>
    <message>
        <source>退款率</source>
        <translation>Refund rate</translation>
    </message>
    <message>
        <source>解决用时中位数（小时）</source>
        <translation>Median hours to settle</translation>
    </message>
    <message>
        <source>超时占比</source>
        <translation>Overdue share</translation>
    </message>
    <message>
        <source>差评单数</source>
        <translation>Bad-review cases</translation>
    </message>
    <message>
        <source>差评跟进率（已改评或已回访）</source>
        <translation>Bad reviews followed up (changed or visited)</translation>
    </message>
    <message>
        <source>申请审批</source>
        <translation>Approvals asked</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approvals granted</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>AftersaleFiguresTab</name>
    <message>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>退款率 = 时段内有退款的订单 ÷ 时段内付款的订单；定义见 docs/metrics.md。</source>
        <translation>Refund rate = orders refunded in the period ÷ orders paid in the period; see docs/metrics.md.</translation>
    </message>
</context>
<context>
    <name>AftersaleHelp</name>
    <message>
        <source>平台禁止诱导好评：不得以返现、红包、礼品或补偿换取买家修改、删除评价。补偿只为解决问题本身。</source>
        <translation>The platforms forbid buying reviews: never offer cash back, red packets, gifts or compensation for changing or deleting a review. Compensation is only for the problem itself.</translation>
    </message>
    <message>
        <source>售后单从买家的一句话跟到回访：</source>
        <translation>An after-sale case follows the buyer from the first word to the follow-up call:</translation>
    </message>
    <message>
        <source>待处理 → 处理中（等买家寄回 · 等仓库收货 · 等补发/换货发出 · 等买家确认 · 等主管审批）→ 已解决 或 已拒绝 → 已回访</source>
        <translation>Pending → In hand (waiting for the buyer&apos;s return · the warehouse · the reissue or exchange to ship · the buyer&apos;s confirmation · a supervisor&apos;s approval) → Resolved or Refused → Followed up</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S  新建售后：从所选消息或订单</source>
        <translation>Ctrl+Shift+S  New case: from the selected message or order</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A  打开售后单窗口</source>
        <translation>Ctrl+Shift+A  Open the after-sale cases window</translation>
    </message>
    <message>
        <source>售后单窗口里：↑↓ 选择，Enter 执行步骤，Ctrl+O 打开买家会话，Ctrl+F 搜索买家或订单，Ctrl+1 我的，Ctrl+2 全组，Ctrl+L 只看超时，Ctrl+P 全组待审批</source>
        <translation>In the cases window: ↑↓ choose, Enter take a step, Ctrl+O open the buyer&apos;s conversation, Ctrl+F search a buyer or order, Ctrl+1 mine, Ctrl+2 team, Ctrl+L overdue only, Ctrl+P the team&apos;s cases awaiting approval</translation>
    </message>
    <message>
        <source>超出客服权限的补偿或折扣先“申请审批”，由主管批准或驳回；主管的待办面板上会提示有几张在等审批。</source>
        <translation>Compensation or a discount above the agent&apos;s limit is asked for first (Ask approval); a supervisor approves or denies it. The supervisors&apos; to-do panel says how many approvals wait.</translation>
    </message>
    <message>
        <source>每个等待点都有时限（主管在“售后规则”里设定），超时变红并提醒；未结的售后单都在待办和交接单上。</source>
        <translation>Every waiting point has a time limit (set by a supervisor in the after-sale policy); an overdue case turns red and reminds you. Open cases are on the to-do panel and the handover sheet.</translation>
    </message>
</context>
<context>
    <name>AftersaleTerms</name>
    <message>
        <source>仅退款</source>
        <translation>Refund only</translation>
    </message>
    <message>
        <source>退货退款</source>
        <translation>Return and refund</translation>
    </message>
    <message>
        <source>换货</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>补发</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <source>退差价/补偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>缺货</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>仅跟进</source>
        <translation>Follow-up only</translation>
    </message>
    <message>
        <source>运费</source>
        <translation>postage</translation>
    </message>
    <message>
        <source>价保</source>
        <translation>price protection</translation>
    </message>
    <message>
        <source>折扣</source>
        <translation>discount</translation>
    </message>
    <message>
        <source>发错货</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>发少货/漏发</source>
        <translation>Missing item</translation>
    </message>
    <message>
        <source>质量问题</source>
        <translation>Quality problem</translation>
    </message>
    <message>
        <source>物流慢/破损/丢件</source>
        <translation>Slow, damaged or lost delivery</translation>
    </message>
    <message>
        <source>七天无理由</source>
        <translation>7-day no-reason return</translation>
    </message>
    <message>
        <source>差评</source>
        <translation>Bad review</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>In hand</translation>
    </message>
    <message>
        <source>已解决</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>等买家寄回</source>
        <translation>Waiting for the buyer&apos;s return</translation>
    </message>
    <message>
        <source>等仓库收货</source>
        <translation>Waiting for the warehouse</translation>
    </message>
    <message>
        <source>等补发/换货发出</source>
        <translation>Waiting for the shipment</translation>
    </message>
    <message>
        <source>等买家确认</source>
        <translation>Waiting for the buyer</translation>
    </message>
    <message>
        <source>等主管审批</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>未结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Approval asked</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已驳回</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>卖家</source>
        <translation>The seller</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>The buyer</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up call</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Unsatisfied</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>核对条件</source>
        <translation>Check conditions</translation>
    </message>
    <message>
        <source>查明原因</source>
        <translation>Find the cause</translation>
    </message>
    <message>
        <source>认真倾听</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>安抚解释</source>
        <translation>Soothe and explain</translation>
    </message>
    <message>
        <source>跟进处理</source>
        <translation>Follow through</translation>
    </message>
    <message>
        <source>发送退货地址</source>
        <translation>Send return address</translation>
    </message>
    <message>
        <source>买家已寄回</source>
        <translation>Buyer sent it back</translation>
    </message>
    <message>
        <source>仓库收货</source>
        <translation>Warehouse received</translation>
    </message>
    <message>
        <source>安排发出</source>
        <translation>Arrange shipment</translation>
    </message>
    <message>
        <source>已发出</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>提出方案</source>
        <translation>Propose a remedy</translation>
    </message>
    <message>
        <source>买家确认</source>
        <translation>Buyer confirmed</translation>
    </message>
    <message>
        <source>申请审批</source>
        <translation>Ask approval</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Deny</translation>
    </message>
    <message>
        <source>退款</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>解决</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>提醒买家</source>
        <translation>Remind the buyer</translation>
    </message>
    <message>
        <source>记录评价</source>
        <translation>Record the review</translation>
    </message>
    <message>
        <source>评价已修改</source>
        <translation>Review changed</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>平台同步</source>
        <translation>Platform update</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Revised</translation>
    </message>
    <message>
        <source>附加图片</source>
        <translation>Pictures attached</translation>
    </message>
    <message>
        <source>接手处理这张售后单</source>
        <translation>Take this case in hand</translation>
    </message>
    <message>
        <source>核对退换货条件：七天内、吊牌完好、未使用</source>
        <translation>Check the return conditions: within 7 days, tags intact, unused</translation>
    </message>
    <message>
        <source>差评/投诉处理的四个要点之一</source>
        <translation>One of the four points of handling a bad review or complaint</translation>
    </message>
    <message>
        <source>把退货地址和要求发给买家，等买家寄回</source>
        <translation>Send the buyer the return address and requirements; wait for the return</translation>
    </message>
    <message>
        <source>买家填写了退货快递单号</source>
        <translation>The buyer gave the return tracking number</translation>
    </message>
    <message>
        <source>仓库收到退货：记下快递、单号和收到的东西</source>
        <translation>The warehouse received the return: note the courier, tracking number and what arrived</translation>
    </message>
    <message>
        <source>通知仓库补发或发出换货</source>
        <translation>Tell the warehouse to ship the reissue or exchange</translation>
    </message>
    <message>
        <source>补发或换货已发出，已告诉买家单号</source>
        <translation>The reissue or exchange shipped; the buyer has the tracking number</translation>
    </message>
    <message>
        <source>把处理方案告诉买家，等买家同意</source>
        <translation>Tell the buyer the remedy and wait for their agreement</translation>
    </message>
    <message>
        <source>买家确认收到或同意方案</source>
        <translation>The buyer confirmed receipt or agreed</translation>
    </message>
    <message>
        <source>补偿或折扣超出客服权限，请主管审批</source>
        <translation>Compensation or a discount above the agent&apos;s limit: ask a supervisor</translation>
    </message>
    <message>
        <source>主管批准</source>
        <translation>A supervisor approves</translation>
    </message>
    <message>
        <source>主管驳回，写明原因</source>
        <translation>A supervisor denies, saying why</translation>
    </message>
    <message>
        <source>退款给买家，售后单解决</source>
        <translation>Refund the buyer; the case is resolved</translation>
    </message>
    <message>
        <source>问题已解决</source>
        <translation>The problem is solved</translation>
    </message>
    <message>
        <source>不符合条件：写明告诉买家的原因</source>
        <translation>Not eligible: write the reason the buyer is told</translation>
    </message>
    <message>
        <source>回访买家：记下通话时间、结果和说明</source>
        <translation>Call the buyer back: record the time of the call, the outcome and notes</translation>
    </message>
    <message>
        <source>提醒买家延长收货或填写退货单号</source>
        <translation>Remind the buyer to extend the receipt time or give the return tracking number</translation>
    </message>
    <message>
        <source>记下评价内容和星级</source>
        <translation>Note the review&apos;s text and stars</translation>
    </message>
    <message>
        <source>买家自己修改或追加了评价</source>
        <translation>The buyer changed or added to the review themselves</translation>
    </message>
    <message>
        <source>内部备注</source>
        <translation>Internal note</translation>
    </message>
</context>
<context>
    <name>ApprovalsNotice</name>
    <message>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>售后待审批 {0} 张，等你批准或驳回</source>
        <translation>{0} after-sale approvals wait for you to approve or deny</translation>
    </message>
    <message>
        <source>（{0} 张已超时）</source>
        <translation> ({0} overdue)</translation>
    </message>
</context>
<context>
    <name>CaseSection</name>
    <message>
        <source>售后</source>
        <translation>After-sale</translation>
    </message>
    <message>
        <source>新建售后…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <source>订单的售后单</source>
        <translation>The order&apos;s after-sale cases</translation>
    </message>
    <message>
        <source>售后（{0}）</source>
        <translation>After-sale ({0})</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>售后单号</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>时钟</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>开单时间</source>
        <translation>Opened</translation>
    </message>
</context>
<context>
    <name>CasesWindow</name>
    <message>
        <source>售后单</source>
        <translation>After-sale cases</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>全组</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>全部原因</source>
        <translation>All causes</translation>
    </message>
    <message>
        <source>已超时</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>买家或订单号</source>
        <translation>Buyer or order</translation>
    </message>
    <message>
        <source>执行步骤…</source>
        <translation>Take a step…</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>驳回…</source>
        <translation>Deny…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Revise…</translation>
    </message>
    <message>
        <source>修改原因、类型或金额（待处理或处理中时）</source>
        <translation>Change the cause, kind or amount (while pending or in hand)</translation>
    </message>
    <message>
        <source>打开会话</source>
        <translation>Open conversation</translation>
    </message>
    <message>
        <source>附加买家图片</source>
        <translation>Attach the buyer&apos;s pictures</translation>
    </message>
    <message>
        <source>导出纠纷材料…</source>
        <translation>Export for a dispute…</translation>
    </message>
    <message>
        <source>图片证据</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>导入退款报表…</source>
        <translation>Import refund report…</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>待审批（{0}）</source>
        <translation>Awaiting approval ({0})</translation>
    </message>
    <message>
        <source>共 {0} 张</source>
        <translation>Cases: {0}</translation>
    </message>
    <message>
        <source>没有售后单。从聊天消息或订单新建（Ctrl+Shift+S）。</source>
        <translation>No case. Open one from a chat message or an order (Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} · {3}</source>
        <translation>{0} · {1} · {2} · {3}</translation>
    </message>
    <message>
        <source>{0}（{1} 到期）</source>
        <translation>{0} (due {1})</translation>
    </message>
    <message>
        <source>无待办事项</source>
        <translation>Nothing owed</translation>
    </message>
    <message>
        <source>订单：{0}</source>
        <translation>Order: {0}</translation>
    </message>
    <message>
        <source>原因：{0}</source>
        <translation>Cause: {0}</translation>
    </message>
    <message>
        <source>未注明</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>负责人：{0}</source>
        <translation>Assignee: {0}</translation>
    </message>
    <message>
        <source>金额：</source>
        <translation>Amount: </translation>
    </message>
    <message>
        <source>已退款：</source>
        <translation>Refunded: </translation>
    </message>
    <message>
        <source>寄回运费：</source>
        <translation>Return postage paid by: </translation>
    </message>
    <message>
        <source>退换货条件：</source>
        <translation>Return conditions: </translation>
    </message>
    <message>
        <source>退货物流：</source>
        <translation>Return shipment: </translation>
    </message>
    <message>
        <source>仓库收货：</source>
        <translation>Warehouse received: </translation>
    </message>
    <message>
        <source>补发/换货物流：</source>
        <translation>Reissue or exchange shipment: </translation>
    </message>
    <message>
        <source>主管审批：</source>
        <translation>Approval: </translation>
    </message>
    <message>
        <source>评价：</source>
        <translation>Review: </translation>
    </message>
    <message>
        <source>{0} 星</source>
        <translation>{0} stars</translation>
    </message>
    <message>
        <source>平台退款：</source>
        <translation>Platform refund: </translation>
    </message>
    <message>
        <source>回访：</source>
        <translation>Follow-up call: </translation>
    </message>
    <message>
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>开单：{0} {1}</source>
        <translation>Opened: {0} {1}</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>已附加买家图片，共 {0} 张</source>
        <translation>The buyer&apos;s pictures are attached: {0} in all</translation>
    </message>
    <message>
        <source>导出纠纷材料</source>
        <translation>Export for a dispute</translation>
    </message>
    <message>
        <source>售后-{0}.xlsx</source>
        <translation>case-{0}.xlsx</translation>
    </message>
    <message>
        <source>已导出 {0}：{1}</source>
        <translation>Exported {0}: {1}</translation>
    </message>
    <message>
        <source>导入退款报表</source>
        <translation>Import refund report</translation>
    </message>
    <message>
        <source>退款报表 (*.csv *.xlsx)</source>
        <translation>Refund report (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>正在导入 {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>导入已取消，数据没有改动。</source>
        <translation>Import cancelled; nothing changed.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>{0}（买家 {1} 发送）</source>
        <translation>{0} (sent by the buyer {1})</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>售后说明</source>
        <translation>After-sale help</translation>
    </message>
    <message>
        <source>已新建售后单 {0}</source>
        <translation>Case {0} opened</translation>
    </message>
    <message>
        <source>先在聊天记录里选中一条消息。</source>
        <translation>Select a message in the chat first.</translation>
    </message>
    <message>
        <source>买家 {0} 没有订单，不能建售后单。</source>
        <translation>The buyer {0} has no orders: no after-sale case.</translation>
    </message>
    <message>
        <source>先在订单列表里选中一个订单。</source>
        <translation>Select an order in the order list first.</translation>
    </message>
    <message>
        <source>买家 {0} 还没有会话：消息已复制，可以电话或短信告诉买家。</source>
        <translation>The buyer {0} has no conversation yet: the message was copied; tell them by phone or text.</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sale</translation>
    </message>
    <message>
        <source>售后单…</source>
        <translation>After-sale cases…</translation>
    </message>
    <message>
        <source>新建售后（所选消息或订单）…</source>
        <translation>New case (selected message or order)…</translation>
    </message>
    <message>
        <source>导入退款报表…</source>
        <translation>Import refund report…</translation>
    </message>
    <message>
        <source>售后规则…</source>
        <translation>After-sale policy…</translation>
    </message>
    <message>
        <source>售后说明…</source>
        <translation>After-sale help…</translation>
    </message>
    <message>
        <source>新建售后…</source>
        <translation>New after-sale case…</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>新建售后</source>
        <translation>New after-sale case</translation>
    </message>
    <message>
        <source>（未付款）</source>
        <translation> (unpaid)</translation>
    </message>
    <message>
        <source>（未注明）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>（不细分）</source>
        <translation>(unspecified)</translation>
    </message>
    <message>
        <source>填写金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>买家说了什么，要做什么</source>
        <translation>What the buyer said, what is to be done</translation>
    </message>
    <message>
        <source>消息</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>补偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>寄回运费</source>
        <translation>Return postage</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>[图片]（新建后自动附加为证据）</source>
        <translation>[picture] (attached as evidence once the case is open)</translation>
    </message>
    <message>
        <source>（建议）</source>
        <translation> (suggested)</translation>
    </message>
    <message>
        <source>{0}承担</source>
        <translation>{0} pays</translation>
    </message>
    <message>
        <source>不涉及或待协商</source>
        <translation>None, or to be agreed</translation>
    </message>
    <message>
        <source>实付 ¥{0:.2f}，还能退 ¥{1:.2f}</source>
        <translation>Paid ¥{0:.2f}; ¥{1:.2f} can still be refunded</translation>
    </message>
</context>
<context>
    <name>OrderCasesModel</name>
    <message>
        <source>{0}，原因：{1}，负责人：{2}</source>
        <translation>{0}, cause: {1}, assignee: {2}</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>售后规则</source>
        <translation>After-sale policy</translation>
    </message>
    <message>
        <source> 小时</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>{0} 时限</source>
        <translation>Time limit: {0}</translation>
    </message>
    <message>
        <source>客服可自主补偿</source>
        <translation>Agent&apos;s compensation limit</translation>
    </message>
    <message>
        <source>退货地址</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>退货要求</source>
        <translation>Return requirements</translation>
    </message>
    <message>
        <source>解决后需回访</source>
        <translation>Follow-up call after settling</translation>
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
        <source>这些时限和金额是团队自己的规则（默认值由我们设定），不是平台的规定。</source>
        <translation>These limits are the team&apos;s own rules (the defaults are ours), not the platform&apos;s.</translation>
    </message>
    <message>
        <source>售后规则只能由主管修改。</source>
        <translation>Only a supervisor may change the after-sale policy.</translation>
    </message>
</context>
<context>
    <name>ReviseDialog</name>
    <message>
        <source>修改售后单 {0}</source>
        <translation>Revise case {0}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>售后单 {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <source>快递公司（可不填）</source>
        <translation>Courier (optional)</translation>
    </message>
    <message>
        <source> 星</source>
        <translation> stars</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>什么时候打的电话（默认现在，可改）</source>
        <translation>When the call was made (now by default; change it if needed)</translation>
    </message>
    <message>
        <source>在七天内（从签收算起）</source>
        <translation>Within 7 days (from signing for it)</translation>
    </message>
    <message>
        <source>吊牌完好</source>
        <translation>Tags intact</translation>
    </message>
    <message>
        <source>未使用、不影响二次销售</source>
        <translation>Unused, can be sold again</translation>
    </message>
    <message>
        <source>提醒延长收货</source>
        <translation>Remind to extend receipt</translation>
    </message>
    <message>
        <source>提醒填写退货单号</source>
        <translation>Remind to give the return tracking number</translation>
    </message>
    <message>
        <source>同时发给买家</source>
        <translation>Also send to the buyer</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>快递单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>星级</source>
        <translation>Stars</translation>
    </message>
    <message>
        <source>回访结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>通话时间</source>
        <translation>Time of the call</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>常用</source>
        <translation>Presets</translation>
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
        <source>这张售后单现在没有可做的步骤。</source>
        <translation>No step can be taken on this case now.</translation>
    </message>
    <message>
        <source>告诉买家的原因（会发给买家）</source>
        <translation>The reason the buyer is told (sent to the buyer)</translation>
    </message>
    <message>
        <source>回访记录（可不填）</source>
        <translation>Notes of the call (optional)</translation>
    </message>
</context>
</TS>
