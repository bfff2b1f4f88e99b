"""Agents, their roles, passwords and who is signed in at this workstation.

Roles: ``agent`` (客服), ``supervisor`` (客服主管), ``trainer`` (培训). The first account
created in a store is always a supervisor, so somebody can manage the others. Passwords are
kept only as scrypt hashes (see :mod:`workbench.accounts.passwords`). An account without
any hash is a *demo account* (the demo shop's): it signs in without a password and the
login dialog says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.accounts import passwords, permissions, signins
from workbench.changes import Changes, Refused
from workbench.filewriter import FORMULA_STARTS
from workbench.store import Store, events, people, settings
from workbench.store import accounts as audit

ROLES = ("agent", "supervisor", "trainer")
ROLE_NAMES = {"agent": "客服", "supervisor": "主管", "trainer": "培训师"}
CURRENT_AGENT_KEY = "current_agent"


@dataclass(frozen=True)
class Agent:
    id: int
    name: str
    display_name: str
    role: str
    active: int

    @property
    def signature(self) -> str:
        """The name that signs remarks and messages."""
        return self.display_name or self.name

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


def add(store: Store, name: str, role: str, now: float, display_name: str = "") -> Agent:
    """An account without a password: the demo shop's accounts are made this way."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with store.transaction():
        agent_id = people.insert_agent(store, name, display_name or name, role, now)
    agent = by_id(store, agent_id)
    assert agent is not None
    return agent


def by_name(store: Store, name: str) -> Agent | None:
    row = people.agent_by_name(store, name)
    return Agent(**row) if row else None


def by_display_name(store: Store, display_name: str) -> Agent | None:
    """The account signing as ``display_name`` (小满), when exactly one does."""
    found = [agent for agent in all_agents(store) if agent.display_name == display_name]
    return found[0] if len(found) == 1 else None


def by_id(store: Store, agent_id: int) -> Agent | None:
    row = people.agent_by_id(store, agent_id)
    return Agent(**row) if row else None


def all_agents(store: Store) -> list[Agent]:
    return [Agent(**row) for row in people.all_agents(store)]


def active_agents(store: Store) -> list[Agent]:
    """Who may sign in at the login dialog."""
    return [agent for agent in all_agents(store) if agent.active]


def sign_in(store: Store, agent: Agent) -> None:
    settings.put(store, CURRENT_AGENT_KEY, agent.name)


def current(store: Store) -> Agent | None:
    name = settings.get(store, CURRENT_AGENT_KEY)
    return by_name(store, name) if name else None


def is_demo(store: Store, agent: Agent) -> bool:
    """A demo account has no password at all (not even a locked one)."""
    return agent.id in people.agents_without_password(store)


def is_locked(store: Store, agent: Agent) -> bool:
    """Created by a log import: cannot sign in until a supervisor sets a password."""
    return people.agent_password_hash(store, agent.id) == passwords.LOCKED


# --- changes ---------------------------------------------------------------------------

def create(store: Store, name: str, role: str, password: str, now: float,
           by: Agent | None = None, display_name: str = "") -> Agent:
    """A new account with a password. The store's first account is made a supervisor
    (whatever ``role`` says, nobody could manage accounts otherwise); later ones need
    ``by`` to be allowed to manage accounts."""
    name = name.strip()
    if not name or any(ch.isspace() for ch in name):
        raise Refused("账号名不能为空，也不能含空格。",
                      "An account name cannot be empty or contain spaces.")
    for given in (name, display_name.strip()):
        _check_name(given)
    if role not in ROLES:
        raise Refused(f"未知角色 {role}：可选 agent（客服）、supervisor（主管）、"
                      "trainer（培训师）。",
                      f"Unknown role {role}: choose agent, supervisor or trainer.")
    _check_password(password)
    with store.transaction():
        if people.count_agents(store) == 0:
            role = "supervisor"
        else:
            permissions.require(by, permissions.MANAGE_ACCOUNTS)
        if people.agent_by_name(store, name) is not None:
            raise Refused(f"账号 {name} 已存在。", f"The account {name} already exists.")
        agent_id = people.insert_agent_account(store, name, display_name.strip() or name, role,
                                               passwords.hash_password(password), now)
        events.record(store, now, by.id if by else agent_id, "account.add", f"agent:{agent_id}",
                      {"name": name, "role": role})
    agent = by_id(store, agent_id)
    assert agent is not None
    return agent


def set_password(store: Store, name: str, password: str, by: Agent | None,
                 now: float) -> Changes:
    """Anyone may change their own password; a supervisor may set anybody's (which also
    lifts a lock after failed sign-ins)."""
    target = _existing(store, name)
    if by is None or by.id != target.id:
        permissions.require(by, permissions.MANAGE_ACCOUNTS)
    _check_password(password)
    with store.transaction():
        people.set_agent_password_hash(store, target.id, passwords.hash_password(password))
        events.record(store, now, by.id if by else None, audit.PASSWORD_SET,
                      f"agent:{target.id}", {"name": target.name})
    return Changes(accounts=frozenset({target.id}))


def disable(store: Store, name: str, by: Agent | None, now: float) -> Changes:
    """The account can no longer sign in; its history and signatures stay."""
    permissions.require(by, permissions.MANAGE_ACCOUNTS)
    target = _existing(store, name)
    with store.transaction():
        if target.role == "supervisor" and target.active and \
                people.count_active_supervisors(store) <= 1:
            raise Refused("这是最后一个可用的主管账号，不能停用。",
                          "This is the last active supervisor: it cannot be disabled.")
        people.set_agent_active(store, target.id, False)
        events.record(store, now, by.id if by else None, "account.disable",
                      f"agent:{target.id}", {"name": target.name})
    return Changes(accounts=frozenset({target.id}))


def found_shop(store: Store, shop_name: str, name: str, password: str, now: float,
               display_name: str = "") -> Agent:
    """A new shop's first start: its name and its first supervisor, who is signed in at
    this workstation. Refused once the shop has any account."""
    from workbench import quickphrases

    shop_name = shop_name.strip()
    if not shop_name:
        raise Refused("请填写店铺名称。", "Please enter the shop's name.")
    with store.transaction():
        if people.count_agents(store):
            raise Refused("这个店铺已经有账号了，请直接登录。",
                          "This shop already has accounts: sign in instead.")
        settings.put(store, quickphrases.SHOP_NAME_KEY, shop_name)
        supervisor = create(store, name, "supervisor", password, now,
                            display_name=display_name)
        sign_in(store, supervisor)
        events.record(store, now, supervisor.id, audit.SUCCEEDED, f"agent:{supervisor.id}",
                      {"name": supervisor.name, "via": "first-run"})
    return supervisor


def authenticate(store: Store, name: str, password: str, now: float,
                 via: str = "cli") -> Agent:
    """The account, if ``password`` opens it; otherwise Refused (the same words for an
    unknown name and a wrong password, so names cannot be probed). Every attempt goes to
    the audit log; repeated failures lock the name for a while (see ``signins``), and a
    locked name is refused without looking at the password. ``via`` says where: "cli" or
    "window"."""
    agent = by_name(store, name) or by_display_name(store, name)
    agent_id = agent.id if agent else None
    who = signins.subject(agent_id, name)
    until = signins.locked_until(store, who, now)
    if until is not None:
        signins.record(store, audit.BLOCKED, who, agent_id, name, now, via=via)
        zh, en = signins.wait_text(until - now)
        raise Refused(f"登录失败次数过多，账号 {name} 已暂时锁定，请 {zh}后再试。",
                      f"Too many failed sign-ins: {name} is locked; try again in {en}.")
    if agent is not None and not agent.active:
        signins.record(store, audit.DISABLED, who, agent_id, name, now, via=via)
        raise Refused(f"账号 {name} 已停用，请联系主管。",
                      f"The account {name} is disabled; ask a supervisor.")
    stored = people.agent_password_hash(store, agent.id) if agent else passwords.decoy()
    if stored == passwords.LOCKED:
        raise Refused(f"账号 {name} 还没有设置密码，请主管先用 `workbench accounts passwd "
                      f"{agent.name}` 设置。",
                      f"The account {name} has no password yet; a supervisor sets one with "
                      f"`workbench accounts passwd {agent.name}`.")
    if stored is not None and (not passwords.verify(password, stored) or agent is None):
        lock = signins.record_failure(store, who, agent_id, name, now, via)
        if lock:
            zh, en = signins.wait_text(lock)
            raise Refused(f"账号或密码不正确。连续失败 {signins.FAILURES_BEFORE_LOCK} 次以上，"
                          f"请 {zh}后再试。",
                          f"Wrong account name or password. After "
                          f"{signins.FAILURES_BEFORE_LOCK} failures, try again in {en}.")
        raise Refused("账号或密码不正确。", "Wrong account name or password.")
    # A demo account (no password at all) or the right password.
    signins.record(store, audit.SUCCEEDED, who, agent_id, name, now, via=via)
    return agent


def log_in(store: Store, name: str, password: str, now: float) -> Agent:
    """The window's sign-in: check the password, then remember the account as this
    workstation's last agent."""
    agent = authenticate(store, name, password, now, via="window")
    sign_in(store, agent)
    return agent


def require_active(store: Store, agent: Agent) -> Agent:
    """The account as the store has it now; Refused once it has been disabled (the window
    checks this before every operation; the command line proves the account for each
    command)."""
    current_state = by_id(store, agent.id)
    if current_state is None or not current_state.active:
        raise Refused(f"账号 {agent.name} 已停用，不能再进行任何操作。请联系主管。",
                      f"The account {agent.name} is disabled and can do nothing more; "
                      "ask a supervisor.")
    return current_state


def ensure_agent(store: Store, name: str, now: float) -> int:
    """The id of the agent called ``name``, creating a locked ``agent`` account if missing
    (used by log imports: the account exists for the history but cannot sign in yet)."""
    with store.transaction():
        row = people.agent_by_name(store, name)
        if row is not None:
            return row["id"]
        return people.insert_agent_account(store, name, name, "agent", passwords.LOCKED, now)


def _existing(store: Store, name: str) -> Agent:
    agent = by_name(store, name)
    if agent is None:
        raise Refused(f"没有账号 {name}。", f"No account named {name}.")
    return agent


NAME_LIMIT = 32
# A name is signed under replies and written into every export; one that reads as a
# formula in a spreadsheet (=HYPERLINK(…), filewriter.FORMULA_STARTS) is no person's name.


def _check_name(name: str) -> None:
    if len(name) > NAME_LIMIT:
        raise Refused(f"账号名和显示名最多 {NAME_LIMIT} 个字。",
                      f"An account or display name takes at most {NAME_LIMIT} characters.")
    if name.startswith(FORMULA_STARTS):
        raise Refused("账号名和显示名不能以 = + - @ 开头（像公式）。",
                      "An account or display name cannot start with = + - or @.")


def _check_password(password: str) -> None:
    if len(password) < passwords.MIN_LENGTH:
        raise Refused(f"密码至少 {passwords.MIN_LENGTH} 个字符。",
                      f"A password has at least {passwords.MIN_LENGTH} characters.")
