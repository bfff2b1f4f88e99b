"""Reception (接待): agent status and capacity, automatic replies, the queue, idle endings,
transfers, and the thresholds of the waiting clock.

The team's reception settings are set by a supervisor: agents don't edit the auto-reply
themselves (the seeds' rule). Each agent keeps their own preferences (send key, sound).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace

from workbench.accounts import Agent, permissions
from workbench.changes import Changes, Refused
from workbench.conversations import Conversation, add_line, get
from workbench.store import Store, chat, events, settings

STATUSES = {"online": "在线", "busy": "忙碌", "away": "离开", "suspended": "挂起"}
SETTINGS_KEY = "reception"
PREFERENCES_KEY = "preferences.{agent}"
NORMAL, WARNING, ALERT = "normal", "warning", "alert"


@dataclass(frozen=True)
class ReceptionSettings:
    """Team settings. Times in seconds unless named otherwise."""

    greeting: str = "您好，欢迎光临{店铺}！客服马上为您服务，请稍候~"
    busy_reply: str = "亲，现在咨询的人比较多，我会按顺序尽快回复您，请稍等~"
    away_reply: str = "亲，客服暂时离开，回来后第一时间回复您，您可以先留言~"
    queue_reply: str = "亲，前面还有几位买家在咨询，轮到您时客服会马上接待，请不要走开~"
    # The waiting clock: warning from *_warn_s, alert past the standard (*_alert_s).
    first_reply_warn_s: int = 20
    first_reply_alert_s: int = 30      # first reply within 30 s
    reply_warn_s: int = 120
    reply_alert_s: int = 180           # later replies within 3 minutes
    idle_end_minutes: int = 30         # an answered conversation with no news ends
    reminder_after_s: int = 30         # remind the agent of a buyer waiting this long
    # The busy reply also goes out once this many buyers wait for the agent's answer (the
    # course: 3–5); 0 switches it off. Apart from the capacity queue.
    busy_reply_waiting: int = 4


@dataclass(frozen=True)
class Preferences:
    """One agent's own choices."""

    send_key: str = "enter"            # or "ctrl_enter"
    sound: bool = False


def _load(cls, raw: str | None):
    known = {f.name for f in fields(cls)}
    values = json.loads(raw) if raw else {}
    return cls(**{k: v for k, v in values.items() if k in known})


def load_settings(store: Store) -> ReceptionSettings:
    return _load(ReceptionSettings, settings.get(store, SETTINGS_KEY))


def settings_at(store: Store, now: float) -> ReceptionSettings:
    """The team's settings with the auto-replies of the promotions running at ``now``: a
    限时活动's replies give way to the normal ones the moment it ends."""
    from workbench.products import promotions

    return replace(load_settings(store), **promotions.auto_replies_at(store, now))


def save_settings(store: Store, agent: Agent, values: ReceptionSettings, now: float) -> Changes:
    permissions.require(agent, permissions.EDIT_TEAM_SETTINGS)
    if values.first_reply_warn_s > values.first_reply_alert_s or \
            values.reply_warn_s > values.reply_alert_s:
        raise Refused("提醒时间不能晚于超时时间。", "The reminder cannot come after the timeout.")
    if values.busy_reply_waiting < 0:
        raise Refused("等待人数不能为负。", "The number of waiting buyers cannot be negative.")
    with store.transaction():
        settings.put(store, SETTINGS_KEY, json.dumps(asdict(values), ensure_ascii=False))
        events.record(store, now, agent.id, "reception.settings", "team", asdict(values))
    return Changes()


def load_preferences(store: Store, agent: Agent) -> Preferences:
    return _load(Preferences, settings.get(store, PREFERENCES_KEY.format(agent=agent.name)))


def save_preferences(store: Store, agent: Agent, values: Preferences) -> None:
    settings.put(store, PREFERENCES_KEY.format(agent=agent.name),
                 json.dumps(asdict(values), ensure_ascii=False))


def waiting_level(conversation: Conversation, now: float, team: ReceptionSettings) -> str:
    """normal, warning or alert, by how long the buyer has waited and whether the agent has
    answered before (first reply within 30 s, later ones within 3 minutes)."""
    if conversation.waiting_since is None:
        return NORMAL
    waited = now - conversation.waiting_since
    warn, alert = ((team.reply_warn_s, team.reply_alert_s) if conversation.replied
                   else (team.first_reply_warn_s, team.first_reply_alert_s))
    return ALERT if waited >= alert else WARNING if waited >= warn else NORMAL


# --- agent status ----------------------------------------------------------------------

@dataclass(frozen=True)
class AgentReception:
    status: str
    capacity: int
    team_group: str


def agent_reception(store: Store, agent: Agent) -> AgentReception:
    row = chat.agent_reception(store, agent.id)
    return AgentReception(**row) if row else AgentReception("online", 20, "")


def set_status(store: Store, agent: Agent, status: str, now: float,
               capacity: int | None = None) -> Changes:
    if status not in STATUSES:
        raise Refused(f"未知的接待状态：{status}", f"Unknown reception status: {status}")
    current = agent_reception(store, agent)
    capacity = current.capacity if capacity is None else capacity
    if capacity < 1:
        raise Refused("同时接待人数至少为 1。", "At least 1 buyer at a time.")
    with store.transaction():
        chat.set_agent_reception(store, agent.id, status, capacity)
        events.record(store, now, agent.id, "reception.status", f"agent:{agent.id}",
                      {"status": status, "capacity": capacity})
        changes = _admit_queued(store, agent, now)
    return changes


# --- what happens when a buyer writes ----------------------------------------------------

def after_buyer_message(store: Store, conversation_id: int, agent: Agent, now: float,
                        shop_values: dict[str, str]) -> tuple[list[str], Changes]:
    """Decide the automatic replies and queueing for a buyer's new message.

    Returns the uids of auto-replies to send (stored as 'auto', not human replies) and the
    changes. A new buyer gets the greeting. A new conversation beyond the agent's capacity,
    or arriving while the agent is suspended, waits in the queue with the queue reply. The
    busy reply goes out while the agent is busy (the away reply while away), or once
    ``busy_reply_waiting`` buyers wait unanswered (then not to a buyer the agent answered
    within the last three minutes: they are talking).

    None of them answers an objecting buyer: while the buyer's unanswered messages hold
    an objection in the standard's words (like 太贵了 or 考虑一下), by the checklist's own
    test, no automatic reply goes out (the course: no auto-reply during 议价). The buyer
    still waits, and queues, as any other.
    """
    from workbench.quickphrases import fill

    team = settings_at(store, now)
    mine = agent_reception(store, agent)
    conversation = get(store, conversation_id)
    assert conversation is not None
    replies: list[str] = []
    changes = Changes()
    with store.transaction():
        first = chat.count_buyer_messages(store, conversation_id) == 1
        quiet = _objecting(store, conversation_id)
        if first and team.greeting and not quiet:
            replies.append(fill(team.greeting, shop_values))
        if first and conversation.state == "waiting" and (
                mine.status == "suspended" or
                chat.count_in_hand(store, agent.id, conversation_id) >= mine.capacity):
            chat.set_state(store, conversation_id, "queued", now)
            changes |= Changes(conversations=frozenset({conversation_id}))
            if team.queue_reply and not quiet:
                replies.append(team.queue_reply)
        elif mine.status in ("busy", "away") or (
                _many_waiting(store, agent, team)
                and not _in_dialogue(store, conversation_id, team, now)):
            reply = team.away_reply if mine.status == "away" else team.busy_reply
            last_auto = chat.last_message(store, conversation_id, ("auto", "agent"))
            # Once per wait: not again while the agent has not answered since.
            if reply and not (last_auto and last_auto["text"] == reply) and not quiet:
                replies.append(reply)
        uids = []
        for text in replies:
            message, added = add_line(store, conversation_id, "auto", text, now)
            uids.append(message.uid)
            changes |= added
    return uids, changes


def _in_dialogue(store: Store, conversation_id: int, team: ReceptionSettings,
                 now: float) -> bool:
    """The agent answered this buyer within the later-reply standard: they are talking, and
    a 'we are busy' line would tell the buyer otherwise."""
    last = chat.last_message(store, conversation_id, ("agent",))
    return last is not None and now - last["created_at"] < team.reply_alert_s


def _many_waiting(store: Store, agent: Agent, team: ReceptionSettings) -> bool:
    limit = team.busy_reply_waiting
    return limit > 0 and chat.count_waiting_unanswered(store, agent.id) >= limit


def _objecting(store: Store, conversation_id: int) -> bool:
    """The buyer objects: a message of theirs since the agent last answered is an objection
    by the team's standard (the checklist's test: an automatic reply now would be one
    answering the objection, which ``no_auto_on_objection`` fails)."""
    from workbench.standards import load_standard

    standard = load_standard(store)
    return any(standard.is_objection(row["text"], row["kind"])
               for row in chat.unanswered_buyer_messages(store, conversation_id))


def end_conversation(store: Store, conversation_id: int, agent: Agent, now: float) -> Changes:
    """Finish a conversation; the oldest queued buyer is admitted in its place."""
    with store.transaction():
        chat.set_state(store, conversation_id, "ended", now)
        changes = Changes(conversations=frozenset({conversation_id}))
        changes |= _admit_queued(store, agent, now)
    return changes


def end_idle(store: Store, agent: Agent, now: float) -> Changes:
    """End answered conversations quiet for longer than the team's idle time."""
    team = load_settings(store)
    changes = Changes()
    for conversation_id in chat.idle_in_service(store, now - team.idle_end_minutes * 60):
        changes |= end_conversation(store, conversation_id, agent, now)
    return changes


def _admit_queued(store: Store, agent: Agent, now: float) -> Changes:
    mine = agent_reception(store, agent)
    admitted: set[int] = set()
    while mine.status != "suspended":
        queued = chat.oldest_queued(store)
        if queued is None or chat.count_in_hand(store, agent.id, queued["id"]) >= mine.capacity:
            break
        chat.set_state(store, queued["id"], "waiting", now)
        chat.set_agent(store, queued["id"], agent.id)
        admitted.add(queued["id"])
    return Changes(conversations=frozenset(admitted))


# --- transfer (转接) ----------------------------------------------------------------------

def transfer(store: Store, conversation_id: int, by: Agent, now: float, reason: str, *,
             to_agent: Agent | None = None, to_group: str | None = None) -> Changes:
    """Hand a conversation to another agent or a group; the reason stays in the history,
    where the receiving agent reads it."""
    reason = reason.strip()
    if not reason:
        raise Refused("转接需要写明原因，方便接手的同事了解情况。",
                      "A transfer needs a reason, so that the colleague taking over knows why.")
    if (to_agent is None) == (not to_group):
        raise Refused("请选择转接给一位客服或一个分组。",
                      "Choose an agent or a group to transfer to.")
    if to_agent is not None and to_agent.id == by.id:
        raise Refused("不能转接给自己。", "You cannot transfer to yourself.")
    target = to_agent.signature if to_agent else f"{to_group}组"
    with store.transaction():
        chat.insert_transfer(store, conversation_id, by.id, to_agent.id if to_agent else None,
                             to_group, reason, now)
        chat.set_agent(store, conversation_id, to_agent.id if to_agent else None)
        add_line(store, conversation_id, "system",
                 f"{by.signature} 将会话转接给 {target}。原因：{reason}", now)
        events.record(store, now, by.id, "conversation.transfer", f"conversation:"
                      f"{conversation_id}", {"to": target, "reason": reason})
    return Changes(conversations=frozenset({conversation_id}))


def take_over(store: Store, conversation_id: int, agent: Agent, now: float,
              reason: str) -> Changes:
    """The agent takes an open conversation over (from a handover sheet, say): recorded as
    a transfer to them, with a line in the history."""
    conversation = get(store, conversation_id)
    if conversation is None or conversation.state == "ended" or \
            conversation.agent_id == agent.id:
        return Changes()
    with store.transaction():
        chat.insert_transfer(store, conversation_id, conversation.agent_id, agent.id, None,
                             reason, now)
        chat.set_agent(store, conversation_id, agent.id)
        add_line(store, conversation_id, "system", f"{agent.signature} 接手了会话。原因：{reason}",
                 now)
        events.record(store, now, agent.id, "conversation.take_over",
                      f"conversation:{conversation_id}", {"reason": reason})
    return Changes(conversations=frozenset({conversation_id}))


def transfers(store: Store, conversation_id: int) -> list[dict]:
    return [dict(row) for row in chat.transfers(store, conversation_id)]
