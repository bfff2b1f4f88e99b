<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BuyerCard</name>
    <message>
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <source>打开买家的客户档案（Ctrl+I）</source>
        <translation>Open the buyer&apos;s customer file (Ctrl+I)</translation>
    </message>
    <message>
        <source>⚠ 风险买家：{0}</source>
        <translation>⚠ Risk buyer: {0}</translation>
    </message>
    <message>
        <source>{0}
{1}标记于 {2}（点击打开档案）</source>
        <translation>{0}
Marked by {1} at {2} (click to open the file)</translation>
    </message>
    <message>
        <source>买家要求不要主动联系，不发关怀</source>
        <translation>The buyer asked not to be contacted: no care is sent</translation>
    </message>
    <message>
        <source>待办 {0}</source>
        <translation>To-dos {0}</translation>
    </message>
    <message>
        <source>累计 ¥{0:.2f} · {1} 单</source>
        <translation>Lifetime ¥{0:.2f} · orders: {1}</translation>
    </message>
    <message>
        <source>最近下单 {0} {1}</source>
        <translation>Last order {0} {1}</translation>
    </message>
</context>
<context>
    <name>CareSettingsDialog</name>
    <message>
        <source>客户关怀设置</source>
        <translation>Care settings</translation>
    </message>
    <message>
        <source>关怀</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>延后（小时）</source>
        <translation>Delay (hours)</translation>
    </message>
    <message>
        <source>何时到期</source>
        <translation>When it is due</translation>
    </message>
    <message>
        <source>可用变量：</source>
        <translation>Variables: </translation>
    </message>
    <message>
        <source>只有主管可以修改关怀的开关和模板。</source>
        <translation>Only a supervisor changes the care switches and templates.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>模板（买家看到的话）</source>
        <translation>Template (what the buyer reads)</translation>
    </message>
</context>
<context>
    <name>CareTableModel</name>
    <message>
        <source>应发时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>关怀</source>
        <translation>Care</translation>
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
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>负责客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>发送失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>已到时间</source>
        <translation>Due now</translation>
    </message>
    <message>
        <source>待发</source>
        <translation>Later today</translation>
    </message>
</context>
<context>
    <name>CareWindow</name>
    <message>
        <source>今日关怀</source>
        <translation>Today&apos;s care</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>选中一条关怀，这里是要发出的话，可以先改再发</source>
        <translation>Select a care item: its message shows here and can be edited before sending</translation>
    </message>
    <message>
        <source>发送（Enter）</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>跳过（Delete）</source>
        <translation>Skip (Delete)</translation>
    </message>
    <message>
        <source>导出电话/短信名单…（Ctrl+E）</source>
        <translation>Export call/SMS list… (Ctrl+E)</translation>
    </message>
    <message>
        <source>客户档案</source>
        <translation>Customer file</translation>
    </message>
    <message>
        <source>共 {0} 条：旺旺可发 {1} 条，需电话/短信 {2} 条</source>
        <translation>{0} items: {1} by chat, {2} by phone/SMS</translation>
    </message>
    <message>
        <source>{0}在这里没有会话：请导出电话/短信名单联系。</source>
        <translation>{0} has no conversation here: export the call/SMS list.</translation>
    </message>
    <message>
        <source>已发给{0}。</source>
        <translation>Sent to {0}.</translation>
    </message>
    <message>
        <source>关怀名单-{0}.xlsx</source>
        <translation>care-list-{0}.xlsx</translation>
    </message>
    <message>
        <source>导出电话/短信名单</source>
        <translation>Export call/SMS list</translation>
    </message>
    <message>
        <source>已导出 {0} 条到 {1}</source>
        <translation>Exported {0} items to {1}</translation>
    </message>
    <message>
        <source>；{0} 条缺少订单信息（如物流单号），没有导出</source>
        <translation>; {0} lacking order details (such as the tracking number) were held back</translation>
    </message>
</context>
<context>
    <name>CustomerFileWindow</name>
    <message>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>例如：直通车、老客推荐、微信群</source>
        <translation>e.g. paid search, referral, WeChat group</translation>
    </message>
    <message>
        <source>标签，用逗号分隔</source>
        <translation>Tags, separated by commas</translation>
    </message>
    <message>
        <source>买家要求不要主动联系（不发关怀）</source>
        <translation>The buyer asked not to be contacted (no care)</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>档案信息</source>
        <translation>File</translation>
    </message>
    <message>
        <source>风险买家标记（主管）</source>
        <translation>Risk mark (supervisors)</translation>
    </message>
    <message>
        <source>写一条备注，Enter 添加（署名和时间自动加上）</source>
        <translation>Write a note, Enter adds it (signed and dated)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>收货地址</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>打开会话</source>
        <translation>Open conversation</translation>
    </message>
    <message>
        <source>这位买家已不存在。</source>
        <translation>This buyer no longer exists.</translation>
    </message>
    <message>
        <source>客户档案 — {0}</source>
        <translation>Customer file — {0}</translation>
    </message>
    <message>
        <source>⚠ 风险买家：{0}（{1}，{2}）</source>
        <translation>⚠ Risk buyer: {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>解除的原因</source>
        <translation>Why it is lifted</translation>
    </message>
    <message>
        <source>标记的原因，例如：多次以差评要挟</source>
        <translation>Why, e.g. threatened bad reviews several times</translation>
    </message>
    <message>
        <source>解除风险标记</source>
        <translation>Lift the risk mark</translation>
    </message>
    <message>
        <source>标记为风险买家</source>
        <translation>Mark as a risk buyer</translation>
    </message>
    <message>
        <source>{0:.0f} 天</source>
        <translation>{0:.0f} days</translation>
    </message>
    <message>
        <source>购买 {0} 次 · 累计 ¥{1:.2f} · {2} 件 · 客单价 {3} · 回购间隔 {4}</source>
        <translation>{0} purchases · ¥{1:.2f} in all · {2} items · average order {3} · repurchase interval {4}</translation>
    </message>
    <message>
        <source>首次购买 {0} · 最近购买 {1}</source>
        <translation>First purchase {0} · last purchase {1}</translation>
    </message>
    <message>
        <source>咨询 {0} 天 · 最近咨询 {1} · 未完成待办 {2}</source>
        <translation>Chats on {0} days · last chat {1} · open to-dos {2}</translation>
    </message>
    <message>
        <source>{0}权益 — 价格：{1}；服务：{2}；专享：{3}</source>
        <translation>Rights of {0} — price: {1}; service: {2}; exclusive: {3}</translation>
    </message>
    <message>
        <source>最近 {0}，共 {1} 单</source>
        <translation>last {0}, orders: {1}</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>system</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>购买次数</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>累计消费</source>
        <translation>Paid total</translation>
    </message>
    <message>
        <source>最近购买</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <source>咨询天数</source>
        <translation>Chat days</translation>
    </message>
    <message>
        <source>最近咨询</source>
        <translation>Last chat</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risk</translation>
    </message>
</context>
<context>
    <name>CustomerWords</name>
    <message>
        <source>询单未购</source>
        <translation>Asked, never bought</translation>
    </message>
    <message>
        <source>高复购老客</source>
        <translation>Repeat buyer</translation>
    </message>
    <message>
        <source>打标客户</source>
        <translation>Tagged</translation>
    </message>
    <message>
        <source>高频咨询</source>
        <translation>Chats often</translation>
    </message>
    <message>
        <source>风险买家</source>
        <translation>Risk buyer</translation>
    </message>
    <message>
        <source>勿扰</source>
        <translation>Do not contact</translation>
    </message>
    <message>
        <source>未付款提醒</source>
        <translation>Unpaid reminder</translation>
    </message>
    <message>
        <source>付款关怀</source>
        <translation>Payment thanks</translation>
    </message>
    <message>
        <source>发货提醒</source>
        <translation>Dispatch notice</translation>
    </message>
    <message>
        <source>到达提醒</source>
        <translation>Arrival notice</translation>
    </message>
    <message>
        <source>签收提醒</source>
        <translation>Signing reminder</translation>
    </message>
    <message>
        <source>评价感谢</source>
        <translation>Thanks for the review</translation>
    </message>
    <message>
        <source>客户回访</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>回购提醒</source>
        <translation>Repurchase reminder</translation>
    </message>
    <message>
        <source>升级模式</source>
        <translation>Upgrade only</translation>
    </message>
    <message>
        <source>升降级模式</source>
        <translation>Up and down</translation>
    </message>
    <message>
        <source>旺旺</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>电话/短信</source>
        <translation>Phone/SMS</translation>
    </message>
    <message>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member tier</translation>
    </message>
    <message>
        <source>风险标记</source>
        <translation>Risk mark</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>按催付时间表：下单时间决定最早的提醒时间</source>
        <translation>By the payment reminder table: the order time sets the earliest reminder</translation>
    </message>
    <message>
        <source>付款后，发货前</source>
        <translation>After payment, before dispatch</translation>
    </message>
    <message>
        <source>发货后</source>
        <translation>After dispatch</translation>
    </message>
    <message>
        <source>发货后约两天，包裹快到时</source>
        <translation>About two days after dispatch, as the parcel arrives</translation>
    </message>
    <message>
        <source>发货后约四天，买家签收时</source>
        <translation>About four days after dispatch, when the buyer signs</translation>
    </message>
    <message>
        <source>交易成功后</source>
        <translation>After the trade succeeds</translation>
    </message>
    <message>
        <source>交易成功一周后</source>
        <translation>A week after the trade succeeds</translation>
    </message>
    <message>
        <source>上次购买后，过了买家平常的回购间隔</source>
        <translation>When the buyer&apos;s usual repurchase interval since the last purchase has passed</translation>
    </message>
</context>
<context>
    <name>CustomersWindow</name>
    <message>
        <source>最近购买：不限</source>
        <translation>Last purchase: any</translation>
    </message>
    <message>
        <source>7 天内买过</source>
        <translation>Bought within 7 days</translation>
    </message>
    <message>
        <source>30 天内买过</source>
        <translation>Bought within 30 days</translation>
    </message>
    <message>
        <source>90 天内买过</source>
        <translation>Bought within 90 days</translation>
    </message>
    <message>
        <source>一年内买过</source>
        <translation>Bought within a year</translation>
    </message>
    <message>
        <source>90 天以上没买</source>
        <translation>Nothing for 90 days</translation>
    </message>
    <message>
        <source>一年以上没买</source>
        <translation>Nothing for a year</translation>
    </message>
    <message>
        <source>从未购买</source>
        <translation>Never bought</translation>
    </message>
    <message>
        <source>按最近购买</source>
        <translation>By last purchase</translation>
    </message>
    <message>
        <source>按累计消费</source>
        <translation>By paid total</translation>
    </message>
    <message>
        <source>按最近咨询</source>
        <translation>By last chat</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>搜索买家昵称（Ctrl+F）；一两个字按开头找</source>
        <translation>Search nicks (Ctrl+F); one or two characters find the start</translation>
    </message>
    <message>
        <source>累计消费：不限</source>
        <translation>Paid total: any</translation>
    </message>
    <message>
        <source>累计消费 ≥ ¥{0}</source>
        <translation>Paid total ≥ ¥{0}</translation>
    </message>
    <message>
        <source>刷新（F5）</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>重新计算全部</source>
        <translation>Recompute all</translation>
    </message>
    <message>
        <source>按当前订单、聊天和会员规则重算每位买家</source>
        <translation>Recompute every buyer from today&apos;s orders, chats and member rules</translation>
    </message>
    <message>
        <source>打开档案</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>等级：全部</source>
        <translation>Tier: all</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>分类：全部</source>
        <translation>Class: all</translation>
    </message>
    <message>
        <source>标签：全部</source>
        <translation>Tag: all</translation>
    </message>
    <message>
        <source>正在计数…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>共 {0} 位</source>
        <translation>{0} buyers</translation>
    </message>
    <message>
        <source>超过 {0} 位</source>
        <translation>More than {0} buyers</translation>
    </message>
    <message>
        <source>正在重新计算全部买家…</source>
        <translation>Recomputing every buyer…</translation>
    </message>
    <message>
        <source>正在重新计算：{0}/{1}</source>
        <translation>Recomputing: {0}/{1}</translation>
    </message>
    <message>
        <source>重新计算完成：{0} 位买家，{1} 位有变化。</source>
        <translation>Recomputed {0} buyers, {1} changed.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>客户列表…</source>
        <translation>Customer list…</translation>
    </message>
    <message>
        <source>当前买家的档案…</source>
        <translation>Current buyer&apos;s file…</translation>
    </message>
    <message>
        <source>今日关怀…</source>
        <translation>Today&apos;s care…</translation>
    </message>
    <message>
        <source>会员等级规则…</source>
        <translation>Member tiers…</translation>
    </message>
    <message>
        <source>客户关怀设置…</source>
        <translation>Care settings…</translation>
    </message>
</context>
<context>
    <name>MemberFiguresModel</name>
    <message>
        <source>会员数（期末）</source>
        <translation>Members (at the end)</translation>
    </message>
    <message>
        <source>新增会员</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>新增会员率</source>
        <translation>New member rate</translation>
    </message>
    <message>
        <source>会员消费占比</source>
        <translation>Members&apos; share of sales</translation>
    </message>
    <message>
        <source>会员活跃度</source>
        <translation>Member activity</translation>
    </message>
    <message>
        <source>会员流失率</source>
        <translation>Member churn</translation>
    </message>
    <message>
        <source>复购率</source>
        <translation>Repurchase rate</translation>
    </message>
    <message>
        <source>发出的关怀</source>
        <translation>Care sent</translation>
    </message>
    <message>
        <source>关怀后 7 天内成交的比例</source>
        <translation>Care followed by a purchase within 7 days</translation>
    </message>
    <message>
        <source>期间成交额</source>
        <translation>Sales in the period</translation>
    </message>
    <message>
        <source>会员数据</source>
        <translation>Member figures</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>MemberFiguresView</name>
    <message>
        <source>会员数据</source>
        <translation>Member figures</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>会员：首次购买即成为普通会员；流失：一年没有购买。</source>
        <translation>Member: from the first purchase; churned: no purchase for a year.</translation>
    </message>
</context>
<context>
    <name>TiersDialog</name>
    <message>
        <source>等级名称</source>
        <translation>Tier name</translation>
    </message>
    <message>
        <source>升级：消费满（元）</source>
        <translation>Upgrade: paid (¥)</translation>
    </message>
    <message>
        <source>升级：购买次数</source>
        <translation>Upgrade: purchases</translation>
    </message>
    <message>
        <source>保级：消费满（元）</source>
        <translation>Keep: paid (¥)</translation>
    </message>
    <message>
        <source>保级：购买次数</source>
        <translation>Keep: purchases</translation>
    </message>
    <message>
        <source>价格权益</source>
        <translation>Price rights</translation>
    </message>
    <message>
        <source>服务权益</source>
        <translation>Service rights</translation>
    </message>
    <message>
        <source>专享权益</source>
        <translation>Exclusive rights</translation>
    </message>
    <message>
        <source>会员等级规则</source>
        <translation>Member tiers</translation>
    </message>
    <message>
        <source>全部时间</source>
        <translation>All time</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>加一级</source>
        <translation>Add a tier</translation>
    </message>
    <message>
        <source>删去最高一级</source>
        <translation>Remove the top tier</translation>
    </message>
    <message>
        <source>第一行是基础等级，不需要升级条件。升降级模式下，达不到保级条件的买家会降到能保住的等级。</source>
        <translation>The first row is the base tier and needs no upgrade rule. In the up-and-down mode a buyer who misses the keep rule falls to the tier they still keep.</translation>
    </message>
    <message>
        <source>只有主管可以修改会员等级规则。</source>
        <translation>Only a supervisor changes the member tiers.</translation>
    </message>
    <message>
        <source>保存并重算所有买家</source>
        <translation>Save and recompute every buyer</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>成长模式</source>
        <translation>Growth mode</translation>
    </message>
    <message>
        <source>统计最近</source>
        <translation>Counting the last</translation>
    </message>
    <message>
        <source>{0} 位</source>
        <translation>{0} buyers</translation>
    </message>
    <message>
        <source>第 {0} 行的条件应为数字（次数为整数）。</source>
        <translation>Row {0}: the rules are numbers (purchases whole numbers).</translation>
    </message>
    <message>
        <source>正在按新规则重算所有买家…</source>
        <translation>Recomputing every buyer by the new rules…</translation>
    </message>
    <message>
        <source>已保存：{0} 位买家重算，{1} 位的等级变了。</source>
        <translation>Saved: {0} buyers recomputed, {1} changed tier.</translation>
    </message>
</context>
</TS>
