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
MANAGE_STORE = "manage_store"
APPROVE_COMPENSATION = "approve_compensation"  # 售后: compensation above the agent's limit
INSPECT_CONVERSATIONS = "inspect_conversations"
READ_TRAINING_RESULTS = "read_training_results"
EDIT_MEMBER_TIERS = "edit_member_tiers"
MARK_RISK_BUYERS = "mark_risk_buyers"
SEE_WHOLE_PHONES = "see_whole_phones"
EDIT_CARE = "edit_care"
EDIT_PRODUCTS = "edit_products"

GRANTS: dict[str, frozenset[str]] = {
    "agent": frozenset(),
    "trainer": frozenset({EDIT_TEAM_PHRASES, EDIT_SCENARIOS, READ_TRAINING_RESULTS,
                         EDIT_PRODUCTS}),
    "supervisor": frozenset({
        EDIT_TEAM_PHRASES,
        EDIT_FLAG_POLICY,
        EDIT_TEAM_SETTINGS,
        READ_ALL_LOGS,
        MANAGE_ACCOUNTS,
        READ_ALL_FIGURES,
        IMPORT_LOGS,
        MANAGE_STORE,
        APPROVE_COMPENSATION,
        INSPECT_CONVERSATIONS,
        EDIT_SCENARIOS,
        READ_TRAINING_RESULTS,
        EDIT_MEMBER_TIERS,
        MARK_RISK_BUYERS,
        SEE_WHOLE_PHONES,
        EDIT_CARE,
        EDIT_PRODUCTS,
    }),
}
REFUSALS = {
    EDIT_TEAM_PHRASES: ("团队短语只能由培训师或主管修改，客服可以使用但不能改动。",
                        "Only a trainer or a supervisor may change team phrases; agents "
                        "use them."),
    EDIT_FLAG_POLICY: ("旗帜规则只能由主管修改。", "Only a supervisor may change the flag rules."),
    EDIT_TEAM_SETTINGS: ("团队设置只能由主管修改。",
                         "Only a supervisor may change the team's settings."),
    READ_ALL_LOGS: ("只有主管可以查看所有客服的聊天记录。",
                    "Only a supervisor may read every agent's conversations."),
    EDIT_SCENARIOS: ("情景脚本只能由培训师或主管修改。",
                     "Only a trainer or a supervisor may change scenarios."),
    MANAGE_ACCOUNTS: ("只有主管可以管理账号。", "Only a supervisor may manage accounts."),
    READ_ALL_FIGURES: ("只有主管可以查看团队和其他客服的服务数据。",
                       "Only a supervisor may read the team's and other agents' figures."),
    IMPORT_LOGS: ("只有主管可以导入聊天记录。", "Only a supervisor may import conversation logs."),
    MANAGE_STORE: ("只有主管可以备份或恢复数据文件。",
                   "Only a supervisor may back up or restore the store."),
    APPROVE_COMPENSATION: ("超出客服权限的补偿只能由主管审批。",
                           "Only a supervisor may approve compensation above an agent's limit."),
    INSPECT_CONVERSATIONS: ("只有主管可以质检会话和汇总问题单。",
                            "Only a supervisor may inspect conversations and collect the "
                            "problem sheets."),
    READ_TRAINING_RESULTS: ("只有培训师或主管可以查看其他人的练习成绩。",
                            "Only a trainer or a supervisor may read other people's training "
                            "results."),
    EDIT_MEMBER_TIERS: ("会员等级规则只能由主管修改。",
                        "Only a supervisor may change the member tier rules."),
    MARK_RISK_BUYERS: ("风险买家标记只能由主管设置或解除。",
                       "Only a supervisor may set or lift a buyer's risk mark."),
    SEE_WHOLE_PHONES: ("只有主管可以看到完整的手机号。",
                       "Only a supervisor may see whole phone numbers."),
    EDIT_CARE: ("客户关怀的模板和开关只能由主管修改。",
                "Only a supervisor may change the care templates and switches."),
    EDIT_PRODUCTS: ("商品资料、尺码表、快递和促销活动只能由培训师或主管修改。",
                    "Only trainers and supervisors change products, size charts, couriers "
                    "and promotions."),
}


def allowed(role: str, action: str) -> bool:
    return action in GRANTS.get(role, frozenset())


def require(agent, action: str) -> None:
    """Raise Refused unless ``agent`` (anything with a ``role``) may do ``action``.

    A disabled account (``active`` false) may do nothing."""
    if agent is not None and not getattr(agent, "active", 1):
        raise Refused(f"账号 {agent.name} 已停用，不能进行任何操作。",
                      f"The account {agent.name} is disabled and can do nothing.")
    if agent is None or not allowed(agent.role, action):
        raise Refused(*REFUSALS.get(action, ("没有权限。", "Not allowed.")))
