<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>重设 {0} 的密码</source>
        <translation>Reset {0}&apos;s password</translation>
    </message>
    <message>
        <source>账号名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>演示账号，无需密码</source>
        <translation>Demo login, no password</translation>
    </message>
    <message>
        <source>未设密码，不能登录</source>
        <translation>No password yet, cannot sign in</translation>
    </message>
    <message>
        <source>已设密码</source>
        <translation>Password set</translation>
    </message>
    <message>
        <source>账号名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>账号管理…</source>
        <translation>Manage accounts…</translation>
    </message>
</context>
<context>
    <name>AccountsWindow</name>
    <message>
        <source>账号管理</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <source>添加账号…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>最近 7 天的登录失败</source>
        <translation>Failed sign-ins of the last 7 days</translation>
    </message>
    <message>
        <source>请先选择一个账号。</source>
        <translation>Select an account first.</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>停用 {0} 后，这个账号不能再登录或做任何操作；它的聊天记录和备注署名保留。</source>
        <translation>Once {0} is disabled, it can no longer sign in or do anything; its conversations and signed remarks stay.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>新店铺 — 客服工作台</source>
        <translation>New shop — Agent Workbench</translation>
    </message>
    <message>
        <source>欢迎使用客服工作台。这是一个新的店铺数据文件，先填写店铺名称。</source>
        <translation>Welcome to the agent workbench. This is a new shop&apos;s store: first enter the shop&apos;s name.</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>可选：回复买家时的署名</source>
        <translation>Optional: the name that signs replies to buyers</translation>
    </message>
    <message>
        <source>第一个账号是主管：由主管添加其他客服、重设密码、停用账号。</source>
        <translation>The first account is a supervisor, who adds the other agents, resets passwords and disables accounts.</translation>
    </message>
    <message>
        <source>账号名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>可选：JSON、CSV、千牛导出或 XLSX</source>
        <translation>Optional: JSON, CSV, a Qianniu export or XLSX</translation>
    </message>
    <message>
        <source>可选：后台导出的订单报表 CSV 或 XLSX</source>
        <translation>Optional: the back office&apos;s order report, CSV or XLSX</translation>
    </message>
    <message>
        <source>导入所选文件</source>
        <translation>Import the chosen files</translation>
    </message>
    <message>
        <source>短语包</source>
        <translation>Phrase pack</translation>
    </message>
    <message>
        <source>订单报表</source>
        <translation>Order report</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>店铺已建好。已有的短语包和订单报表可以现在导入，也可以以后从菜单导入。</source>
        <translation>The shop is ready. Import a phrase pack or an order report you already have now, or later from the menus.</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>开始使用</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>请填写店铺名称。</source>
        <translation>Please enter the shop&apos;s name.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>请先选择要导入的文件。</source>
        <translation>Choose a file to import first.</translation>
    </message>
    <message>
        <source>短语包：</source>
        <translation>Phrase pack: </translation>
    </message>
    <message>
        <source>订单报表：</source>
        <translation>Order report: </translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Old password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Again</translation>
    </message>
</context>
<context>
    <name>SignInProblemModel</name>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <source>锁定中，未检查密码</source>
        <translation>Refused while locked (password not checked)</translation>
    </message>
    <message>
        <source>账号被锁定</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>已停用的账号尝试登录</source>
        <translation>A disabled account tried to sign in</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>账号</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>锁定时长</source>
        <translation>Locked for</translation>
    </message>
</context>
</TS>
