<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BranchesModel</name>
    <message>
        <source>客服说到（关键词，逗号分隔）</source>
        <translation>The agent says (words, comma separated)</translation>
    </message>
    <message>
        <source>买家的回答</source>
        <translation>The buyer answers</translation>
    </message>
    <message>
        <source>买家付款</source>
        <translation>Buyer pays</translation>
    </message>
    <message>
        <source>买家说完</source>
        <translation>Buyer is done</translation>
    </message>
</context>
<context>
    <name>ClassWindow</name>
    <message>
        <source>班级成绩</source>
        <translation>Class results</translation>
    </message>
    <message>
        <source>我的练习成绩</source>
        <translation>My practice results</translation>
    </message>
    <message>
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>趋势：最近几次练习的平均分减去之前同样次数的平均分。</source>
        <translation>Trend: the mean of the latest sessions minus the mean of as many sessions before them.</translation>
    </message>
    <message>
        <source>得分走势（从早到晚）</source>
        <translation>Scores, oldest to newest</translation>
    </message>
    <message>
        <source>导出班级成绩</source>
        <translation>Export the class results</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 {0} 次练习到 {1}</source>
        <translation>Exported {0} sessions to {1}</translation>
    </message>
</context>
<context>
    <name>KeyPointsModel</name>
    <message>
        <source>考核要点</source>
        <translation>Key point</translation>
    </message>
    <message>
        <source>做到的标志（关键词，逗号分隔）</source>
        <translation>Covered when the agent says (words, comma separated)</translation>
    </message>
    <message>
        <source>没做到时的建议</source>
        <translation>Tip when missed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>实训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>开始练习…</source>
        <translation>Start practice…</translation>
    </message>
    <message>
        <source>打字测试…</source>
        <translation>Typing test…</translation>
    </message>
    <message>
        <source>班级成绩…</source>
        <translation>Class results…</translation>
    </message>
    <message>
        <source>我的练习成绩…</source>
        <translation>My practice results…</translation>
    </message>
    <message>
        <source>情景脚本…</source>
        <translation>Scenarios…</translation>
    </message>
</context>
<context>
    <name>PointResultsModel</name>
    <message>
        <source>考核要点</source>
        <translation>Key point</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Tip</translation>
    </message>
</context>
<context>
    <name>PracticeMode</name>
    <message>
        <source>【练习模式】</source>
        <translation>[PRACTICE] </translation>
    </message>
    <message>
        <source>练习模式 · 练习的会话不计入服务数据，也不进入聊天记录</source>
        <translation>Practice mode · practice conversations never count in the service figures or the logs</translation>
    </message>
    <message>
        <source>结束练习</source>
        <translation>End practice</translation>
    </message>
    <message>
        <source>情景：{0}（{1}，{2}）</source>
        <translation>Scenario: {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>买家：{0}</source>
        <translation>Buyer: {0}</translation>
    </message>
    <message>
        <source>商品：{0} {1}{2}</source>
        <translation>Product: {0} {1}{2}</translation>
    </message>
    <message>
        <source>时限 {0} 分钟，从买家第一句话开始计时。</source>
        <translation>Time limit {0} minutes, counted from the buyer&apos;s first message.</translation>
    </message>
    <message>
        <source>等待买家…</source>
        <translation>Waiting for the buyer…</translation>
    </message>
    <message>
        <source>剩余 {0}:{1:02d}</source>
        <translation>{0}:{1:02d} left</translation>
    </message>
    <message>
        <source> · 买家说完了，告别后结束</source>
        <translation> · the buyer is done: say goodbye, then end</translation>
    </message>
    <message>
        <source>得分 {0:g}</source>
        <translation>Score {0:g}</translation>
    </message>
    <message>
        <source>关闭练习窗口</source>
        <translation>Close the practice window</translation>
    </message>
</context>
<context>
    <name>PracticeRun</name>
    <message>
        <source>无法准备练习：{0}</source>
        <translation>Cannot prepare the practice: {0}</translation>
    </message>
</context>
<context>
    <name>ProbationModel</name>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>考核期</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>询单转化率</source>
        <translation>Enquiry conversion</translation>
    </message>
    <message>
        <source>评级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>服务规范均分</source>
        <translation>Checklist average</translation>
    </message>
    <message>
        <source>打字（字/分钟）</source>
        <translation>Typing (chars/min)</translation>
    </message>
    <message>
        <source>练习次数</source>
        <translation>Practice sessions</translation>
    </message>
    <message>
        <source>练习均分</source>
        <translation>Practice average</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
</context>
<context>
    <name>ProbationPanel</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>设为所选客服的入职日期</source>
        <translation>Set as the chosen agent&apos;s first day</translation>
    </message>
    <message>
        <source>新客服考核期为一个月，以询单转化率评级：50% 以下不合格，50%–60% 合格，60%–70% 良好，70% 以上优秀。</source>
        <translation>A new agent&apos;s probation is one month, graded on enquiry conversion: below 50 % fail, 50–60 % pass, 60–70 % good, 70 % and above excellent.</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>共 {0} 位客服在考核期内或刚结束</source>
        <translation>{0} agents on probation or just finished</translation>
    </message>
    <message>
        <source>考核期</source>
        <translation>Probation</translation>
    </message>
</context>
<context>
    <name>QuestionPicker</name>
    <message>
        <source>从问题单新建情景</source>
        <translation>New scenario from a problem sheet</translation>
    </message>
    <message>
        <source>用这个问题新建</source>
        <translation>Start from this question</translation>
    </message>
    <message>
        <source>问题单里客服没答上的买家问题（主管的解答会成为改进建议）</source>
        <translation>Buyers&apos; questions agents could not answer on the problem sheets (the supervisor&apos;s answer becomes the tip)</translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>买家的问题</source>
        <translation>Buyer&apos;s question</translation>
    </message>
    <message>
        <source>主管解答</source>
        <translation>Supervisor&apos;s answer</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>服务规范</source>
        <translation>Service standard</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>情景脚本</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>从问题单新建…</source>
        <translation>New from a problem sheet…</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不标价</source>
        <translation>no price</translation>
    </message>
    <message>
        <source>买家的订单</source>
        <translation>The buyer&apos;s order</translation>
    </message>
    <message>
        <source> 分钟前下单</source>
        <translation> min before the session</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>收货人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>收货地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>买家昵称</source>
        <translation>Buyer&apos;s nick</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>买家画像</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>买家的开场白（每行一句）</source>
        <translation>The buyer&apos;s opening (one message a line)</translation>
    </message>
    <message>
        <source>分支：客服的话里有某个关键词时，买家这样回答（从上往下找，每个分支只用一次）</source>
        <translation>Branches: when the agent&apos;s message holds one of the words, the buyer answers this (tried top down, each used once)</translation>
    </message>
    <message>
        <source>没有分支对上时，买家依次这样回答（每行一句）</source>
        <translation>When no branch matches, the buyer answers these in turn (one a line)</translation>
    </message>
    <message>
        <source>考核要点：客服的回复里出现任一关键词就算做到</source>
        <translation>Key points: covered when a reply of the agent holds one of the words</translation>
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
        <source>试玩</source>
        <translation>Try it</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Remove the selected row</translation>
    </message>
    <message>
        <source>新情景：填好后保存。</source>
        <translation>New scenario: fill it in, then save.</translation>
    </message>
    <message>
        <source>已从问题单生成草稿：请为考核要点填上关键词，再保存。</source>
        <translation>Draft made from the problem sheet: give the key point its words, then save.</translation>
    </message>
    <message>
        <source>已保存“{0}”</source>
        <translation>Saved “{0}”</translation>
    </message>
    <message>
        <source>已删除“{0}”，以前的成绩仍保留</source>
        <translation>Deleted “{0}”; past results stay</translation>
    </message>
</context>
<context>
    <name>ScenarioModel</name>
    <message>
        <source>情景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>场景</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>买家等级</source>
        <translation>Buyer tier</translation>
    </message>
    <message>
        <source>时限（分钟）</source>
        <translation>Time limit (min)</translation>
    </message>
    <message>
        <source>要点</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
</context>
<context>
    <name>ScenarioPicker</name>
    <message>
        <source>开始练习</source>
        <translation>Start practice</translation>
    </message>
    <message>
        <source>练习在单独的练习窗口进行，不计入服务数据。</source>
        <translation>Practice runs in a window of its own and never counts in the service figures.</translation>
    </message>
    <message>
        <source>商品：{0} {1}</source>
        <translation>Product: {0} {1}</translation>
    </message>
</context>
<context>
    <name>ScorecardDialog</name>
    <message>
        <source>练习成绩单</source>
        <translation>Practice scorecard</translation>
    </message>
    <message>
        <source>{0:g} 分</source>
        <translation>{0:g} points</translation>
    </message>
    <message>
        <source>时限内完成</source>
        <translation>within the time limit</translation>
    </message>
    <message>
        <source>超出时限</source>
        <translation>over the time limit</translation>
    </message>
    <message>
        <source>{0} · 用时 {1}:{2:02d}（{3}）· 服务规范 {4} 分 · 要点 {5}/{6}</source>
        <translation>{0} · took {1}:{2:02d} ({3}) · checklist {4} · key points {5}/{6}</translation>
    </message>
    <message>
        <source>全部做到了，继续保持。</source>
        <translation>Everything covered. Keep it up.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>改进建议</source>
        <translation>What to improve</translation>
    </message>
    <message>
        <source>没做到“{0}”：{1}</source>
        <translation>Missed “{0}”: {1}</translation>
    </message>
    <message>
        <source>没做到“{0}”</source>
        <translation>Missed “{0}”</translation>
    </message>
    <message>
        <source>按规范做到“{0}”：{1}</source>
        <translation>Follow the standard “{0}”: {1}</translation>
    </message>
    <message>
        <source>在 {0} 分钟的时限内完成接待。</source>
        <translation>Finish within the {0}-minute time limit.</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>情景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>服务规范</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>要点</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>时限内</source>
        <translation>In time</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Played in</translation>
    </message>
    <message>
        <source>没做到的要点</source>
        <translation>Key points missed</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>TraineesModel</name>
    <message>
        <source>客服</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>练习次数</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>最近</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>最高</source>
        <translation>Best</translation>
    </message>
    <message>
        <source>趋势</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>打字（字/分钟）</source>
        <translation>Typing (chars/min)</translation>
    </message>
</context>
<context>
    <name>TrainingArea</name>
    <message>
        <source>已有一个练习在进行，请先结束它。</source>
        <translation>A practice session is already running; end it first.</translation>
    </message>
</context>
<context>
    <name>TrainingNames</name>
    <message>
        <source>售前</source>
        <translation>pre-sale</translation>
    </message>
    <message>
        <source>售中</source>
        <translation>in-sale</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>after-sale</translation>
    </message>
    <message>
        <source>内置</source>
        <translation>shipped</translation>
    </message>
    <message>
        <source>团队</source>
        <translation>team</translation>
    </message>
    <message>
        <source>窗口练习</source>
        <translation>window</translation>
    </message>
    <message>
        <source>脚本回放</source>
        <translation>script</translation>
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
</context>
<context>
    <name>TypingResultsModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>速度（字/分钟）</source>
        <translation>Speed (chars/min)</translation>
    </message>
    <message>
        <source>准确率</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>用时</source>
        <translation>Time taken</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>Standard met</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{0:g} 秒</source>
        <translation>{0:g} s</translation>
    </message>
</context>
<context>
    <name>TypingTestWindow</name>
    <message>
        <source>打字测试</source>
        <translation>Typing test</translation>
    </message>
    <message>
        <source>在这里照着上面的文字输入，第一个字起开始计时</source>
        <translation>Type the text above here; the clock starts with the first character</translation>
    </message>
    <message>
        <source>请逐字输入：不能粘贴或拖入文字。</source>
        <translation>Type each character: pasted or dropped text is not taken.</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>标准：每分钟 {0:g} 字</source>
        <translation>Standard: {0:g} characters a minute</translation>
    </message>
    <message>
        <source>我的测试记录</source>
        <translation>My tests</translation>
    </message>
    <message>
        <source>共 {0} 字</source>
        <translation>{0} characters</translation>
    </message>
    <message>
        <source>不能粘贴或拖入文字，打字测试只计逐字输入的内容。</source>
        <translation>Text cannot be pasted or dropped: the typing test counts only what is typed.</translation>
    </message>
    <message>
        <source>已输入 {0} 字，用时 {1:.0f} 秒</source>
        <translation>{0} characters typed in {1:.0f} s</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>standard met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>below the standard</translation>
    </message>
    <message>
        <source>每分钟 {0:g} 字，准确率 {1:.1%}，用时 {2:g} 秒：{3}</source>
        <translation>{0:g} characters a minute, accuracy {1:.1%}, {2:g} s: {3}</translation>
    </message>
</context>
</TS>
