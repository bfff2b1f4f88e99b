"""The service standard's names as the window shows them: ``name(text)``.

The domain names rules, results, states, sampling filters and sheet kinds in Chinese (the
CLI and files keep those); the window shows them through Qt's translation. lupdate reads
only literal strings, hence the list; a test checks it covers every name the domain has.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "StandardNames"

NAMES = (
    # rules (checklist.RULES: name, standard)
    QT_TRANSLATE_NOOP("StandardNames", "首次响应30秒"),
    QT_TRANSLATE_NOOP("StandardNames", "买家当天第一次发消息后，30 秒内有人工回复。"),
    QT_TRANSLATE_NOOP("StandardNames", "后续回复3分钟"),
    QT_TRANSLATE_NOOP("StandardNames", "之后买家的每一轮提问，3 分钟内有人工回复。"),
    QT_TRANSLATE_NOOP("StandardNames", "等待不超120秒"),
    QT_TRANSLATE_NOOP("StandardNames", "任何一轮提问，买家等待人工回复都不超过 120 秒。"),
    QT_TRANSLATE_NOOP("StandardNames", "称呼用“您”"),
    QT_TRANSLATE_NOOP("StandardNames", "客服的消息里不出现“你”（用“您”；“你们”也算“你”）。"),
    QT_TRANSLATE_NOOP("StandardNames", "不用反问句"),
    QT_TRANSLATE_NOOP("StandardNames", "客服不用反问或不耐烦的问句。"),
    QT_TRANSLATE_NOOP("StandardNames", "异议时不用感叹号"),
    QT_TRANSLATE_NOOP("StandardNames", "买家提出异议时，客服的回复里没有感叹号。"),
    QT_TRANSLATE_NOOP("StandardNames", "异议时不用自动回复"),
    QT_TRANSLATE_NOOP("StandardNames", "买家提出异议时，没有自动回复去应答。"),
    QT_TRANSLATE_NOOP("StandardNames", "不用违禁用语"),
    QT_TRANSLATE_NOOP("StandardNames", "客服的消息里没有团队违禁用语。"),
    QT_TRANSLATE_NOOP("StandardNames", "付款后核对地址"),
    QT_TRANSLATE_NOOP("StandardNames", "买家在会话中付款后，客服核对了收货地址。"),
    QT_TRANSLATE_NOOP("StandardNames", "关联推荐"),
    QT_TRANSLATE_NOOP("StandardNames", "售前会话中，客服推荐了相关的商品。"),
    QT_TRANSLATE_NOOP("StandardNames", "引导好评"),
    QT_TRANSLATE_NOOP("StandardNames", "买家下单或付款后，客服邀请买家给好评。"),
    QT_TRANSLATE_NOOP("StandardNames", "礼貌告别"),
    QT_TRANSLATE_NOOP("StandardNames", "会话结束时，客服致谢并交代发货或售后事项。"),
    # who wrote a message (supervision.search.SENDER_NAMES)
    QT_TRANSLATE_NOOP("StandardNames", "买家"),
    QT_TRANSLATE_NOOP("StandardNames", "客服"),
    QT_TRANSLATE_NOOP("StandardNames", "自动回复"),
    QT_TRANSLATE_NOOP("StandardNames", "系统"),
    # results (checklist.RESULT_NAMES)
    QT_TRANSLATE_NOOP("StandardNames", "通过"),
    QT_TRANSLATE_NOOP("StandardNames", "不通过"),
    QT_TRANSLATE_NOOP("StandardNames", "不适用"),
    # word lists (checklist.WORD_LISTS)
    QT_TRANSLATE_NOOP("StandardNames", "违禁用语"),
    QT_TRANSLATE_NOOP("StandardNames", "异议用语（买家）"),
    QT_TRANSLATE_NOOP("StandardNames", "反问/不耐烦用语（客服）"),
    QT_TRANSLATE_NOOP("StandardNames", "推荐用语"),
    QT_TRANSLATE_NOOP("StandardNames", "好评邀请用语"),
    QT_TRANSLATE_NOOP("StandardNames", "致谢用语"),
    QT_TRANSLATE_NOOP("StandardNames", "发货/售后交代用语"),
    QT_TRANSLATE_NOOP("StandardNames", "售后/差评用语（买家）"),
    QT_TRANSLATE_NOOP("StandardNames", "已下单用语（买家）"),
    # inspection states and sampling filters (inspection.STATES, REASONS)
    QT_TRANSLATE_NOOP("StandardNames", "待质检"),
    QT_TRANSLATE_NOOP("StandardNames", "已质检"),
    QT_TRANSLATE_NOOP("StandardNames", "已确认"),
    QT_TRANSLATE_NOOP("StandardNames", "随机抽检"),
    QT_TRANSLATE_NOOP("StandardNames", "慢回复"),
    QT_TRANSLATE_NOOP("StandardNames", "未转化"),
    QT_TRANSLATE_NOOP("StandardNames", "售后/差评"),
    # problem sheets (problems.KINDS, Sheet.state_name)
    QT_TRANSLATE_NOOP("StandardNames", "遇到的问题"),
    QT_TRANSLATE_NOOP("StandardNames", "没答上的问题"),
    QT_TRANSLATE_NOOP("StandardNames", "填写中"),
    QT_TRANSLATE_NOOP("StandardNames", "已提交"),
    QT_TRANSLATE_NOOP("StandardNames", "已汇总"),
)


def name(text: str) -> str:
    """A name the domain gave, in the window's language."""
    return QCoreApplication.translate(CONTEXT, text)
