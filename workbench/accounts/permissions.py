"""What each role may do, checked in the domain layer (not only by hiding buttons)."""

from __future__ import annotations

from workbench.changes import Refused

# Actions a domain operation may require; roles grant them.
EDIT_TEAM_PHRASES = "edit_team_phrases"
EDIT_FLAG_POLICY = "edit_flag_policy"
EDIT_TEAM_SETTINGS = "edit_team_settings"
READ_ALL_LOGS = "read_all_logs"
EDIT_SCENARIOS = "edit_scenarios"
MANAGE_ACCOUNTS = "manage_accounts"
READ_ALL_FIGURES = "read_all_figures"
IMPORT_LOGS = "import_logs"
EDIT_MEMBER_TIERS = "edit_member_tiers"
MARK_RISK_BUYERS = "mark_risk_buyers"
SEE_WHOLE_PHONES = "see_whole_phones"
EDIT_CARE = "edit_care"

GRANTS: dict[str, frozenset[str]] = {
    "agent": frozenset(),
    "trainer": frozenset({EDIT_TEAM_PHRASES, EDIT_SCENARIOS}),
    "supervisor": frozenset({EDIT_TEAM_PHRASES, EDIT_FLAG_POLICY, EDIT_TEAM_SETTINGS,
                             READ_ALL_LOGS, MANAGE_ACCOUNTS, READ_ALL_FIGURES,
                             IMPORT_LOGS,
                             EDIT_MEMBER_TIERS, MARK_RISK_BUYERS, SEE_WHOLE_PHONES, EDIT_CARE}),
}
REFUSALS = {
    EDIT_TEAM_PHRASES: "团队短语只能由培训师或主管修改，客服可以使用但不能改动。",
    EDIT_FLAG_POLICY: "旗帜规则只能由主管修改。",
    EDIT_TEAM_SETTINGS: "团队设置只能由主管修改。",
    READ_ALL_LOGS: "只有主管可以查看所有客服的聊天记录。",
    EDIT_SCENARIOS: "情景脚本只能由培训师或主管修改。",
    MANAGE_ACCOUNTS: "只有主管可以管理账号。",
    READ_ALL_FIGURES: "只有主管可以查看团队和其他客服的服务数据。",
    IMPORT_LOGS: "只有主管可以导入聊天记录。",
    EDIT_MEMBER_TIERS: "会员等级规则只能由主管修改。",
    MARK_RISK_BUYERS: "风险买家标记只能由主管设置或解除。",
    SEE_WHOLE_PHONES: "只有主管可以看到完整的手机号。",
    EDIT_CARE: "客户关怀的模板和开关只能由主管修改。",
}


def allowed(role: str, action: str) -> bool:
    return action in GRANTS.get(role, frozenset())


def require(agent, action: str) -> None:
    """Raise Refused unless ``agent`` (anything with a ``role``) may do ``action``.

    A disabled account (``active`` false) may do nothing."""
    if agent is None or not getattr(agent, "active", 1) or not allowed(agent.role, action):
        raise Refused(REFUSALS.get(action, "没有权限。"))
