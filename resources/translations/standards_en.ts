<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CollectModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>主管解答</source>
        <translation>Supervisor&apos;s answer</translation>
    </message>
</context>
<context>
    <name>InspectionModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>抽检方式</source>
        <translation>Sampled by</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>自动结果</source>
        <translation>Checker&apos;s result</translation>
    </message>
    <message>
        <source>质检</source>
        <translation>Quality inspection</translation>
    </message>
    <message>
        <source>我的质检</source>
        <translation>My inspections</translation>
    </message>
    <message>
        <source>每人每天 </source>
        <translation>Per agent per day: </translation>
    </message>
    <message>
        <source>抽检</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>改为所选结果</source>
        <translation>Set this result</translation>
    </message>
    <message>
        <source>人工评分项，如：产品知识</source>
        <translation>Manual item, e.g. product knowledge</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>权重 </source>
        <translation>Weight </translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除所选项</source>
        <translation>Remove selected item</translation>
    </message>
    <message>
        <source>给客服的点评</source>
        <translation>Comment for the agent</translation>
    </message>
    <message>
        <source>保存点评</source>
        <translation>Save comment</translation>
    </message>
    <message>
        <source>完成质检</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>确认已阅</source>
        <translation>Acknowledge</translation>
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
        <source>所选规则</source>
        <translation>Selected rule</translation>
    </message>
    <message>
        <source>点评</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>{0} 条待确认</source>
        <translation>{0} to acknowledge</translation>
    </message>
    <message>
        <source>正在抽检…</source>
        <translation>Sampling…</translation>
    </message>
    <message>
        <source>抽到 {0} 个会话</source>
        <translation>Sampled {0} conversations</translation>
    </message>
    <message>
        <source>选择左边的一条质检记录。</source>
        <translation>Choose an inspection on the left.</translation>
    </message>
    <message>
        <source>{0}  买家 {1}  客服 {2}  {3}  得分 {4}  会话 {5}</source>
        <translation>{0}  buyer {1}  agent {2}  {3}  score {4}  conversation {5}</translation>
    </message>
    <message>
        <source>先在结果表里选一条规则。</source>
        <translation>Choose a rule in the results first.</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>人工评分项</source>
        <translation>Manual item</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>质检</source>
        <translation>Quality inspection</translation>
    </message>
    <message>
        <source>质检…</source>
        <translation>Quality inspection…</translation>
    </message>
    <message>
        <source>问题单汇总…</source>
        <translation>Collect problem sheets…</translation>
    </message>
    <message>
        <source>我的质检…</source>
        <translation>My inspections…</translation>
    </message>
    <message>
        <source>填写问题单反馈表…</source>
        <translation>Fill in the problem sheet…</translation>
    </message>
    <message>
        <source>质检标准…</source>
        <translation>Service standard…</translation>
    </message>
    <message>
        <source>我的质检（{0} 条待确认）…</source>
        <translation>My inspections ({0} to acknowledge)…</translation>
    </message>
</context>
<context>
    <name>MarkedTranscriptModel</name>
    <message>
        <source>[图片]</source>
        <translation>[picture]</translation>
    </message>
</context>
<context>
    <name>ProblemCollectWindow</name>
    <message>
        <source>问题单汇总</source>
        <translation>Problem sheets</translation>
    </message>
    <message>
        <source>汇总这一天</source>
        <translation>Collect this day</translation>
    </message>
    <message>
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>团队的标准答复（也用作培训素材）</source>
        <translation>The team&apos;s answer (also training material)</translation>
    </message>
    <message>
        <source>保存解答</source>
        <translation>Save answer</translation>
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
        <source>已汇总 {0} 的问题单</source>
        <translation>Collected the sheets of {0}</translation>
    </message>
    <message>
        <source>导出问题单</source>
        <translation>Export problem sheets</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 {0} 条到 {1}</source>
        <translation>Exported {0} rows to {1}</translation>
    </message>
</context>
<context>
    <name>ProblemSheetWindow</name>
    <message>
        <source>问题单反馈表</source>
        <translation>Daily problem sheet</translation>
    </message>
    <message>
        <source>遇到的问题，或买家问了却没答上的问题</source>
        <translation>A problem met, or a buyer&apos;s question you could not answer</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>提交给主管</source>
        <translation>Submit to the supervisor</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>（人工，原为{0}）</source>
        <translation> (by hand, was {0})</translation>
    </message>
    <message>
        <source>{0} 条消息</source>
        <translation>{0} messages</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>主管解答</source>
        <translation>Supervisor&apos;s answer</translation>
    </message>
</context>
<context>
    <name>StandardDialog</name>
    <message>
        <source>质检标准</source>
        <translation>Service standard</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>On</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>每行一个</source>
        <translation>One per line</translation>
    </message>
    <message>
        <source>违禁用语与服务数据看板的违禁用语是同一份团队名单。</source>
        <translation>The banned words are the team&apos;s one list, shared with the service dashboard.</translation>
    </message>
    <message>
        <source>规则和权重</source>
        <translation>Rules and weights</translation>
    </message>
    <message>
        <source>用语</source>
        <translation>Words</translation>
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
    <message>
        <source>只有主管可以修改质检标准；你可以查看。</source>
        <translation>Only a supervisor can change the standard; you can read it.</translation>
    </message>
    <message>
        <source>得分 = 通过规则的权重之和 ÷ 适用规则的权重之和 × 100。</source>
        <translation>Score = weights of the rules passed ÷ weights of the rules that applied × 100.</translation>
    </message>
</context>
<context>
    <name>StandardNames</name>
    <message>
        <source>首次响应30秒</source>
        <translation>First reply in 30 s</translation>
    </message>
    <message>
        <source>买家当天第一次发消息后，30 秒内有人工回复。</source>
        <translation>A person replies within 30 s of the buyer&apos;s first message of the day.</translation>
    </message>
    <message>
        <source>后续回复3分钟</source>
        <translation>Later replies in 3 min</translation>
    </message>
    <message>
        <source>之后买家的每一轮提问，3 分钟内有人工回复。</source>
        <translation>Every later question of the buyer gets a human reply within 3 minutes.</translation>
    </message>
    <message>
        <source>等待不超120秒</source>
        <translation>No wait over 120 s</translation>
    </message>
    <message>
        <source>任何一轮提问，买家等待人工回复都不超过 120 秒。</source>
        <translation>No buyer waits more than 120 s for a human reply to any question.</translation>
    </message>
    <message>
        <source>称呼用“您”</source>
        <translation>Polite “您”</translation>
    </message>
    <message>
        <source>客服的消息里不出现“你”（用“您”；“你们”也算“你”）。</source>
        <translation>Agent messages never use “你” (use “您”; “你们” counts as “你”).</translation>
    </message>
    <message>
        <source>不用反问句</source>
        <translation>No rhetorical questions</translation>
    </message>
    <message>
        <source>客服不用反问或不耐烦的问句。</source>
        <translation>The agent asks no rhetorical or impatient questions.</translation>
    </message>
    <message>
        <source>异议时不用感叹号</source>
        <translation>No “!” on objections</translation>
    </message>
    <message>
        <source>买家提出异议时，客服的回复里没有感叹号。</source>
        <translation>When the buyer objects, the agent&apos;s replies carry no exclamation mark.</translation>
    </message>
    <message>
        <source>异议时不用自动回复</source>
        <translation>No auto-reply on objections</translation>
    </message>
    <message>
        <source>买家提出异议时，没有自动回复去应答。</source>
        <translation>No auto-reply answers a buyer who objects.</translation>
    </message>
    <message>
        <source>不用违禁用语</source>
        <translation>No banned words</translation>
    </message>
    <message>
        <source>客服的消息里没有团队违禁用语。</source>
        <translation>Agent messages hold none of the team&apos;s banned words.</translation>
    </message>
    <message>
        <source>付款后核对地址</source>
        <translation>Address confirmed after payment</translation>
    </message>
    <message>
        <source>买家在会话中付款后，客服核对了收货地址。</source>
        <translation>When the buyer paid during the conversation, the agent confirmed the address.</translation>
    </message>
    <message>
        <source>关联推荐</source>
        <translation>Related recommendation</translation>
    </message>
    <message>
        <source>售前会话中，客服推荐了相关的商品。</source>
        <translation>In a pre-sale conversation the agent recommended a related product.</translation>
    </message>
    <message>
        <source>引导好评</source>
        <translation>Review invited</translation>
    </message>
    <message>
        <source>买家下单或付款后，客服邀请买家给好评。</source>
        <translation>After the buyer ordered or paid, the agent invited a good review.</translation>
    </message>
    <message>
        <source>礼貌告别</source>
        <translation>Polite goodbye</translation>
    </message>
    <message>
        <source>会话结束时，客服致谢并交代发货或售后事项。</source>
        <translation>At the end the agent thanks the buyer and tells about delivery or after-sale.</translation>
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
        <source>通过</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>不通过</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>违禁用语</source>
        <translation>Banned words</translation>
    </message>
    <message>
        <source>异议用语（买家）</source>
        <translation>Objection words (buyer)</translation>
    </message>
    <message>
        <source>反问/不耐烦用语（客服）</source>
        <translation>Rhetorical or impatient words (agent)</translation>
    </message>
    <message>
        <source>推荐用语</source>
        <translation>Recommendation words</translation>
    </message>
    <message>
        <source>好评邀请用语</source>
        <translation>Review invitation words</translation>
    </message>
    <message>
        <source>致谢用语</source>
        <translation>Thanks words</translation>
    </message>
    <message>
        <source>发货/售后交代用语</source>
        <translation>Delivery / after-sale words</translation>
    </message>
    <message>
        <source>售后/差评用语（买家）</source>
        <translation>After-sale / bad review words (buyer)</translation>
    </message>
    <message>
        <source>已下单用语（买家）</source>
        <translation>Ordered words (buyer)</translation>
    </message>
    <message>
        <source>待质检</source>
        <translation>To inspect</translation>
    </message>
    <message>
        <source>已质检</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>随机抽检</source>
        <translation>At random</translation>
    </message>
    <message>
        <source>慢回复</source>
        <translation>Slow replies</translation>
    </message>
    <message>
        <source>未转化</source>
        <translation>No conversion</translation>
    </message>
    <message>
        <source>售后/差评</source>
        <translation>After-sale / bad review</translation>
    </message>
    <message>
        <source>遇到的问题</source>
        <translation>Problem met</translation>
    </message>
    <message>
        <source>没答上的问题</source>
        <translation>Question not answered</translation>
    </message>
    <message>
        <source>填写中</source>
        <translation>Being filled</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>已汇总</source>
        <translation>Collected</translation>
    </message>
</context>
</TS>
