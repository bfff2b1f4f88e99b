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
EDIT_PRODUCTS = "edit_products"

GRANTS: dict[str, frozenset[str]] = {
    "agent": frozenset(),
    "trainer": frozenset({EDIT_TEAM_PHRASES, EDIT_SCENARIOS, EDIT_PRODUCTS}),
    "supervisor": frozenset({EDIT_TEAM_PHRASES, EDIT_FLAG_POLICY, EDIT_TEAM_SETTINGS,
                             READ_ALL_LOGS, MANAGE_ACCOUNTS, READ_ALL_FIGURES,
                             IMPORT_LOGS, EDIT_PRODUCTS}),
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
    EDIT_PRODUCTS: "商品资料、尺码表、快递和促销活动只能由培训师或主管修改。",
}
REFUSALS_EN = {
    EDIT_PRODUCTS: "Only trainers and supervisors change products, size charts, couriers "
                   "and promotions.",
}


def allowed(role: str, action: str) -> bool:
    return action in GRANTS.get(role, frozenset())


def require(agent, action: str) -> None:
    """Raise Refused unless ``agent`` (anything with a ``role``) may do ``action``.

    A disabled account (``active`` false) may do nothing."""
    if agent is None or not getattr(agent, "active", 1) or not allowed(agent.role, action):
        raise Refused(REFUSALS.get(action, "没有权限。"), REFUSALS_EN.get(action))
