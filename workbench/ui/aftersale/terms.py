"""The after-sale domain's names as the window shows them: ``term(name)``.

Kinds, causes, states, waiting points and steps are Chinese in the domain, the files and
the command line; the window shows them through ``term()`` so they follow the chosen
language. lupdate collects only literal strings, hence the list; a test checks it covers
every name the domain has.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AftersaleTerms"

TERMS = (
    # Kinds, compensations and causes (workbench.aftersale)
    QT_TRANSLATE_NOOP("AftersaleTerms", "仅退款"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "退货退款"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "换货"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "补发"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "退差价/补偿"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "缺货"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "仅跟进"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "运费"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "价保"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "折扣"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "发错货"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "发少货/漏发"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "质量问题"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "物流慢/破损/丢件"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "七天无理由"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "差评"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "投诉"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "未注明"),  # no cause (the figures' row)
    # States, waiting points, the open filter, approvals, who pays the postage
    QT_TRANSLATE_NOOP("AftersaleTerms", "待处理"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "处理中"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "已解决"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "已拒绝"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "已回访"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "等买家寄回"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "等仓库收货"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "等补发/换货发出"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "等买家确认"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "等主管审批"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "未结"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "待审批"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "已批准"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "已驳回"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "卖家"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "买家"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "回访"),
    # The 回访's outcomes
    QT_TRANSLATE_NOOP("AftersaleTerms", "满意"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "一般"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "不满意"),
    # Steps (workbench.aftersale.machine) and what each is for
    QT_TRANSLATE_NOOP("AftersaleTerms", "受理"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "核对条件"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "查明原因"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "认真倾听"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "安抚解释"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "跟进处理"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "发送退货地址"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "买家已寄回"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "仓库收货"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "安排发出"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "已发出"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "提出方案"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "买家确认"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "申请审批"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "批准"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "驳回"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "退款"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "解决"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "拒绝"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "提醒买家"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "记录评价"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "评价已修改"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "备注"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "新建"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "平台同步"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "修改"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "附加图片"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "接手处理这张售后单"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "核对退换货条件：七天内、吊牌完好、未使用"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "差评/投诉处理的四个要点之一"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "把退货地址和要求发给买家，等买家寄回"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "买家填写了退货快递单号"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "仓库收到退货：记下快递、单号和收到的东西"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "通知仓库补发或发出换货"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "补发或换货已发出，已告诉买家单号"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "把处理方案告诉买家，等买家同意"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "买家确认收到或同意方案"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "补偿或折扣超出客服权限，请主管审批"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "主管批准"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "主管驳回，写明原因"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "退款给买家，售后单解决"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "问题已解决"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "不符合条件：写明告诉买家的原因"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "回访买家：记下通话时间、结果和说明"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "提醒买家延长收货或填写退货单号"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "记下评价内容和星级"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "买家自己修改或追加了评价"),
    QT_TRANSLATE_NOOP("AftersaleTerms", "内部备注"),
)


def term(name: str | None) -> str:
    """A name the domain gave, in the window's language (unknown names as they are)."""
    return QCoreApplication.translate(CONTEXT, name) if name else ""
