"""The customers domain's names as the window shows them: ``word(name)``.

Classes, marks, care stages and growth modes are named in Chinese by the domain (and so in
files and on the command line); the window shows them through Qt translation. Tier names
are the shop's own and are shown as written.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CustomerWords"

WORDS = (
    QT_TRANSLATE_NOOP("CustomerWords", "询单未购"),
    QT_TRANSLATE_NOOP("CustomerWords", "高复购老客"),
    QT_TRANSLATE_NOOP("CustomerWords", "打标客户"),
    QT_TRANSLATE_NOOP("CustomerWords", "高频咨询"),
    QT_TRANSLATE_NOOP("CustomerWords", "风险买家"),
    QT_TRANSLATE_NOOP("CustomerWords", "勿扰"),
    QT_TRANSLATE_NOOP("CustomerWords", "未付款提醒"),
    QT_TRANSLATE_NOOP("CustomerWords", "付款关怀"),
    QT_TRANSLATE_NOOP("CustomerWords", "发货提醒"),
    QT_TRANSLATE_NOOP("CustomerWords", "到达提醒"),
    QT_TRANSLATE_NOOP("CustomerWords", "签收提醒"),
    QT_TRANSLATE_NOOP("CustomerWords", "评价感谢"),
    QT_TRANSLATE_NOOP("CustomerWords", "客户回访"),
    QT_TRANSLATE_NOOP("CustomerWords", "回购提醒"),
    QT_TRANSLATE_NOOP("CustomerWords", "升级模式"),
    QT_TRANSLATE_NOOP("CustomerWords", "升降级模式"),
    QT_TRANSLATE_NOOP("CustomerWords", "旺旺"),
    QT_TRANSLATE_NOOP("CustomerWords", "电话/短信"),
    QT_TRANSLATE_NOOP("CustomerWords", "已发送"),
    QT_TRANSLATE_NOOP("CustomerWords", "已跳过"),
    QT_TRANSLATE_NOOP("CustomerWords", "已导出"),
    QT_TRANSLATE_NOOP("CustomerWords", "会员等级"),
    QT_TRANSLATE_NOOP("CustomerWords", "风险标记"),
    QT_TRANSLATE_NOOP("CustomerWords", "标签"),
    QT_TRANSLATE_NOOP("CustomerWords", "姓名"),
    QT_TRANSLATE_NOOP("CustomerWords", "性别"),
    QT_TRANSLATE_NOOP("CustomerWords", "电话"),
    QT_TRANSLATE_NOOP("CustomerWords", "来源"),
    QT_TRANSLATE_NOOP("CustomerWords", "女"),
    QT_TRANSLATE_NOOP("CustomerWords", "男"),
    # When each care stage falls due (care.STAGES)
    QT_TRANSLATE_NOOP("CustomerWords", "按催付时间表：下单时间决定最早的提醒时间"),
    QT_TRANSLATE_NOOP("CustomerWords", "付款后，发货前"),
    QT_TRANSLATE_NOOP("CustomerWords", "发货后"),
    QT_TRANSLATE_NOOP("CustomerWords", "发货后约两天，包裹快到时"),
    QT_TRANSLATE_NOOP("CustomerWords", "发货后约四天，买家签收时"),
    QT_TRANSLATE_NOOP("CustomerWords", "交易成功后"),
    QT_TRANSLATE_NOOP("CustomerWords", "交易成功一周后"),
    QT_TRANSLATE_NOOP("CustomerWords", "上次购买后，过了买家平常的回购间隔"),
)


def word(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, name)
