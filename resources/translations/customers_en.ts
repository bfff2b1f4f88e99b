<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BuyerCard</name>
    <message>
        <source>档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开买家的客户档案（Ctrl+I）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ 风险买家：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}
{1}标记于 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>买家要求不要主动联系，不发关怀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待办 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>累计 ¥{0:.2f} · {1} 单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近下单 {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareSettingsDialog</name>
    <message>
        <source>客户关怀设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关怀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延后（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>何时到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用变量：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有主管可以修改关怀的开关和模板。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板（买家看到的话）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareTableModel</name>
    <message>
        <source>应发时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关怀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>买家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>订单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>负责客服</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发送失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已到时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待发</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CareWindow</name>
    <message>
        <source>今日关怀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选中一条关怀，这里是要发出的话，可以先改再发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发送（Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跳过（Delete）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出电话/短信名单…（Ctrl+E）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客户档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 条：旺旺可发 {1} 条，需电话/短信 {2} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}在这里没有会话：请导出电话/短信名单联系。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已发给{0}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关怀名单-{0}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出电话/短信名单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {0} 条到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerFileWindow</name>
    <message>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>例如：直通车、老客推荐、微信群</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签，用逗号分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>买家要求不要主动联系（不发关怀）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>档案信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>风险买家标记（主管）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写一条备注，Enter 添加（署名和时间自动加上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收货地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开会话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这位买家已不存在。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客户档案 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ 风险买家：{0}（{1}，{2}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除的原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记的原因，例如：多次以差评要挟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除风险标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记为风险买家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:.0f} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>购买 {0} 次 · 累计 ¥{1:.2f} · {2} 件 · 客单价 {3} · 回购间隔 {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首次购买 {0} · 最近购买 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>咨询 {0} 天 · 最近咨询 {1} · 未完成待办 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}权益 — 价格：{1}；服务：{2}；专享：{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（空）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>买家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>购买次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>累计消费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近购买</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>咨询天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近咨询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>风险</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerWords</name>
    <message>
        <source>询单未购</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>高复购老客</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打标客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>高频咨询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>风险买家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勿扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未付款提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>付款关怀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发货提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到达提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签收提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评价感谢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客户回访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回购提醒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>升级模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>升降级模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>旺旺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话/短信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>风险标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>男</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按催付时间表：下单时间决定最早的提醒时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>付款后，发货前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发货后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发货后约两天，包裹快到时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发货后约四天，买家签收时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交易成功后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交易成功一周后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次购买后，过了买家平常的回购间隔</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersWindow</name>
    <message>
        <source>最近购买：不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 天内买过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 天内买过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 天内买过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一年内买过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 天以上没买</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一年以上没买</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从未购买</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按最近购买</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按累计消费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按最近咨询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索买家昵称（Ctrl+F）；一两个字按开头找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>累计消费：不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>累计消费 ≥ ¥{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>刷新（F5）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新计算全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按当前订单、聊天和会员规则重算每位买家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>等级：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签：全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在计数…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超过 {0} 位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在重新计算全部买家…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在重新计算：{0}/{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新计算完成：{0} 位买家，{1} 位有变化。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>客户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客户列表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前买家的档案…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日关怀…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员等级规则…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客户关怀设置…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberFiguresModel</name>
    <message>
        <source>会员数（期末）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增会员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增会员率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员消费占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员活跃度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员流失率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复购率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发出的关怀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关怀后 7 天内成交的比例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间成交额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数值</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberFiguresView</name>
    <message>
        <source>会员数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员：首次购买即成为普通会员；流失：一年没有购买。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TiersDialog</name>
    <message>
        <source>等级名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>升级：消费满（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>升级：购买次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保级：消费满（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保级：购买次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>价格权益</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务权益</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专享权益</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>会员等级规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加一级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删去最高一级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第一行是基础等级，不需要升级条件。升降级模式下，达不到保级条件的买家会降到能保住的等级。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有主管可以修改会员等级规则。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存并重算所有买家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>成长模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计最近</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 {0} 行的条件应为数字（次数为整数）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在按新规则重算所有买家…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存：{0} 位买家重算，{1} 位的等级变了。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
