"""The domain's names as the window shows them: ``word(name)``.

The domain (Qt-free) names order states, flags，待办 states, statuses and roles in
Chinese, and files, logs and the command line keep those names. The window shows them
through ``word()``, so they follow the chosen language like every other text. lupdate
collects only literal strings, hence the list below; a test checks it covers every name
the domain has.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocabulary"

WORDS = (
    # Order states as the back office names them (orders.codes.STATUS_NAMES) ...
    QT_TRANSLATE_NOOP("Vocabulary", "等待买家付款"),
    QT_TRANSLATE_NOOP("Vocabulary", "买家已付款，等待卖家发货"),
    QT_TRANSLATE_NOOP("Vocabulary", "卖家部分发货"),
    QT_TRANSLATE_NOOP("Vocabulary", "卖家已发货，等待买家确认"),
    QT_TRANSLATE_NOOP("Vocabulary", "买家已签收（货到付款）"),
    QT_TRANSLATE_NOOP("Vocabulary", "交易成功"),
    QT_TRANSLATE_NOOP("Vocabulary", "交易关闭（付款后退款成功）"),
    QT_TRANSLATE_NOOP("Vocabulary", "交易关闭（付款前关闭）"),
    # ... and as the sidebar's chips (STATUS_CHIPS)
    QT_TRANSLATE_NOOP("Vocabulary", "待付款"),
    QT_TRANSLATE_NOOP("Vocabulary", "已付款"),
    QT_TRANSLATE_NOOP("Vocabulary", "已发货"),
    QT_TRANSLATE_NOOP("Vocabulary", "已签收"),
    QT_TRANSLATE_NOOP("Vocabulary", "交易关闭"),
    # Flag colours (FLAG_NAMES)
    QT_TRANSLATE_NOOP("Vocabulary", "灰"),
    QT_TRANSLATE_NOOP("Vocabulary", "红"),
    QT_TRANSLATE_NOOP("Vocabulary", "黄"),
    QT_TRANSLATE_NOOP("Vocabulary", "绿"),
    QT_TRANSLATE_NOOP("Vocabulary", "蓝"),
    QT_TRANSLATE_NOOP("Vocabulary", "紫"),
    # 待办 states, priorities and the panel's filters (handover)
    QT_TRANSLATE_NOOP("Vocabulary", "未执行"),
    QT_TRANSLATE_NOOP("Vocabulary", "执行中"),
    QT_TRANSLATE_NOOP("Vocabulary", "完成"),
    QT_TRANSLATE_NOOP("Vocabulary", "超时"),
    QT_TRANSLATE_NOOP("Vocabulary", "取消"),
    QT_TRANSLATE_NOOP("Vocabulary", "忽略"),
    QT_TRANSLATE_NOOP("Vocabulary", "低"),
    QT_TRANSLATE_NOOP("Vocabulary", "普通"),
    QT_TRANSLATE_NOOP("Vocabulary", "紧急"),
    QT_TRANSLATE_NOOP("Vocabulary", "我的"),
    QT_TRANSLATE_NOOP("Vocabulary", "本班次"),
    QT_TRANSLATE_NOOP("Vocabulary", "全组"),
    QT_TRANSLATE_NOOP("Vocabulary", "未完成"),
    QT_TRANSLATE_NOOP("Vocabulary", "已超时"),
    QT_TRANSLATE_NOOP("Vocabulary", "已结束"),
    # An agent's reception status (conversations.reception.STATUSES; team mode adds 离线)
    QT_TRANSLATE_NOOP("Vocabulary", "在线"),
    QT_TRANSLATE_NOOP("Vocabulary", "忙碌"),
    QT_TRANSLATE_NOOP("Vocabulary", "离开"),
    QT_TRANSLATE_NOOP("Vocabulary", "挂起"),
    QT_TRANSLATE_NOOP("Vocabulary", "离线"),
    # Team mode's connection (channels.xmpp.STATE_LABELS)
    QT_TRANSLATE_NOOP("Vocabulary", "未连接"),
    QT_TRANSLATE_NOOP("Vocabulary", "正在连接…"),
    QT_TRANSLATE_NOOP("Vocabulary", "已连接"),
    QT_TRANSLATE_NOOP("Vocabulary", "连接失败"),
    # Roles (accounts.ROLE_NAMES)
    QT_TRANSLATE_NOOP("Vocabulary", "客服"),
    QT_TRANSLATE_NOOP("Vocabulary", "主管"),
    QT_TRANSLATE_NOOP("Vocabulary", "培训师"),
    # 催付: channels, why buyers had not paid, outcomes (orders.reminders.CHANNELS, REASONS,
    # OUTCOMES) and the reminder schedule's lines (RULE_LINES, {0} the dispatch time)
    QT_TRANSLATE_NOOP("Vocabulary", "旺旺"),
    QT_TRANSLATE_NOOP("Vocabulary", "短信"),
    QT_TRANSLATE_NOOP("Vocabulary", "电话"),
    QT_TRANSLATE_NOOP("Vocabulary", "不熟悉付款操作"),
    QT_TRANSLATE_NOOP("Vocabulary", "忘记支付密码"),
    QT_TRANSLATE_NOOP("Vocabulary", "余额不足"),
    QT_TRANSLATE_NOOP("Vocabulary", "议价未成功"),
    QT_TRANSLATE_NOOP("Vocabulary", "有顾虑"),
    QT_TRANSLATE_NOOP("Vocabulary", "货比三家"),
    QT_TRANSLATE_NOOP("Vocabulary", "忘记付款"),
    QT_TRANSLATE_NOOP("Vocabulary", "拍错了"),
    QT_TRANSLATE_NOOP("Vocabulary", "需要改价"),
    QT_TRANSLATE_NOOP("Vocabulary", "已提醒，等待付款"),  # 已付款 is a chip above
    QT_TRANSLATE_NOOP("Vocabulary", "答应稍后付款"),
    QT_TRANSLATE_NOOP("Vocabulary", "未回复"),
    QT_TRANSLATE_NOOP("Vocabulary", "不要了"),
    QT_TRANSLATE_NOOP("Vocabulary", "11 点前下单，当天 15 点前催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "15 点前下单，当天发货（{0}）前催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "22 点前下单，次日中午 12 点前催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "0 点以后下单，当天 12 点以后再催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "0 点以后下单，次日 12 点以后再催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "22 点以后下单（按 0 点以后的规则），次日 12 点以后再催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "22 点以后下单（按 22 点前的规则），次日中午 12 点前催付"),
    QT_TRANSLATE_NOOP("Vocabulary", "买过两次以上的买家，下单 48 小时后再催付"),
)


def word(name: str) -> str:
    """A name the domain gave, in the window's language (unknown names as they are)."""
    return QCoreApplication.translate(CONTEXT, name)
