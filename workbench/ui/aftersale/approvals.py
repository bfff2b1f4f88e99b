"""What tells a supervisor that approvals wait: a notice on their 待办 panel.

An agent's 申请审批 leaves the case with the agent (its todo is theirs, due in the
policy's hours for 等主管审批). The supervisors who decide learn of it here, in a notice
saying how many wait and how many are overdue; its button opens the 售后 window on the
team's cases awaiting approval. The count follows every change to a case and, for
changes made elsewhere (the command line, another workstation on the same store), a
slow clock.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.ui.handover.todo_panel import Notice

TICK_MS = 30_000
COLOUR = "#ffe0b2"


class ApprovalsNotice(QObject):
    open_requested = Signal()   # show the cases awaiting approval

    def __init__(self, panel, session):
        super().__init__(panel)
        self.session = session
        self.notice = Notice("approvalsNotice", COLOUR, self.tr("查看"))
        panel.add_notice(self.notice)
        self.notice.action_clicked.connect(self.open_requested)
        session.changed.connect(lambda changes: changes.aftersale and self.refresh())
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(0)  # the first count after the first paint; stop() ends it

    def refresh(self) -> None:
        from workbench import aftersale  # the domain loads after the first paint

        if self.timer.interval() != TICK_MS:
            self.timer.setInterval(TICK_MS)
        asked, late = aftersale.awaiting_approval(self.session.store, self.session.clock())
        if not asked:
            self.notice.dismissed = ""
            self.notice.hide()
            return
        text = self.tr("售后待审批 {0} 张，等你批准或驳回").format(asked)
        if late:
            text += self.tr("（{0} 张已超时）").format(late)
        if text != self.notice.dismissed:
            self.notice.show_text(text)

    def stop(self) -> None:
        self.timer.stop()
