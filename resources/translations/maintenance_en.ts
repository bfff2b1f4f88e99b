<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DataDialog</name>
    <message>
        <source>数据与备份</source>
        <translation>Data and backups</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>Store file</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>最近一次备份</source>
        <translation>Newest backup</translation>
    </message>
    <message>
        <source>保留的备份</source>
        <translation>Backups kept</translation>
    </message>
    <message>
        <source>每天第一次打开工作台时自动备份，保留最近 {0} 份。恢复备份：关闭工作台，由主管运行 workbench store restore 备份文件（原来的数据文件会留在旁边）。</source>
        <translation>The first start of each day makes a backup; the newest {0} are kept. To restore one, close the workbench and have a supervisor run workbench store restore FILE (the store as it was is kept beside it).</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已损坏，只读：{0}</source>
        <translation>Damaged, read-only: {0}</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>完好（已完整检查）</source>
        <translation>Sound (checked in full)</translation>
    </message>
    <message>
        <source>完好（与上次正常关闭时一致；完整检查稍后在后台进行）</source>
        <translation>Sound (as the last clean close left it; the full check runs in the background shortly)</translation>
    </message>
    <message>
        <source>还没有备份</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>{0} 份</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>数据与备份…</source>
        <translation>Data and backups…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>关闭提示</source>
        <translation>Close this notice</translation>
    </message>
</context>
<context>
    <name>Upkeep</name>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>备份没有完成：{0}</source>
        <translation>The backup did not finish: {0}</translation>
    </message>
</context>
</TS>
