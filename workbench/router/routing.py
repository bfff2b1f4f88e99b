"""Who serves which buyer: assignment, the queue, transfers and the duplicate check.

Plain Python over the router's SQLite file, without XMPP: each event method records what
happened in one transaction and returns the stanzas to send as small action values, which
the service (service.py) turns into XMPP. That keeps the rules testable without a server.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from workbench.channels.xmpp_protocol import Relay
from workbench.standards.checklist import DEFAULT_STANDARD
from workbench.store import router as db
from workbench.store.router import RouterStore

log = logging.getLogger(__name__)

NOT_ASSIGNED = "这位买家的会话已不由你接待（已结束或已转接）。"
NOT_YOURS = "这条消息不属于你和这位买家的会话，已拒绝。"
ASSIGNABLE = "online"   # only an online agent gets new buyers; busy/away/suspended do not
CONNECTED = ("online", "busy", "away", "suspended")


@dataclass(frozen=True)
class AgentConfig:
    jid: str
    capacity: int = 20
    weight: float = 1.0


# --- actions: what the service sends ------------------------------------------------------

@dataclass(frozen=True)
class ToAgent:
    agent: str
    relay: Relay


@dataclass(frozen=True)
class ToBuyer:
    buyer: str
    uid: str
    text: str
    conversation: int
    auto: bool = False


@dataclass(frozen=True)
class Confirm:
    """The agent's reply reached the buyer's server: the workbench marks it sent."""

    agent: str
    uid: str


@dataclass(frozen=True)
class Refuse:
    agent: str
    uid: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Tells an agent about a change: 'assigned', 'released' or 'transfer-refused'."""

    agent: str
    kind: str
    buyer: str
    conversation: int
    other: str = ""
    reason: str = ""


Action = ToAgent | ToBuyer | Confirm | Refuse | Notice


class Router:
    def __init__(self, store: RouterStore, agents: list[AgentConfig], auto_reply: str,
                 idle_s: float = 1800.0):
        self.store = store
        self.agents = {agent.jid: agent for agent in agents}
        self._order = {agent.jid: index for index, agent in enumerate(agents)}
        self.auto_reply = auto_reply
        self.idle_s = idle_s
        # Presence is live information: after a restart every agent is offline until its
        # workbench says otherwise.
        self.status: dict[str, str] = {jid: "offline" for jid in self.agents}

    def is_agent(self, jid: str) -> bool:
        return jid in self.agents

    # --- buyers ---------------------------------------------------------------------------

    def buyer_message(self, buyer: str, uid: str, text: str, at: float, now: float,
                      kind: str = "text") -> list[Action]:
        """A buyer wrote to the service address; a message seen before is dropped."""
        actions: list[Action] = []
        with self.store.transaction():
            conversation = db.live_conversation(self.store, buyer)
            new = conversation is None
            conversation_id = (db.insert_conversation(self.store, buyer, now) if new
                               else conversation["id"])
            if not db.insert_message(self.store, uid, conversation_id, "in", None, kind, text,
                                     at):
                log.info("dropped a duplicate of %s from %s", uid, buyer)
                return []
            db.touch(self.store, conversation_id, now)
            conversation = db.conversation(self.store, conversation_id)
            if conversation["state"] == "active":
                actions += self._deliver(conversation, [db.message(self.store, uid)], now)
            elif new:
                actions += self._drain(now)
                # No auto-reply answers an objection (the checklist's test, with the
                # standard's default words: the router has no shop store).
                if db.conversation(self.store, conversation_id)["state"] == "queued" and \
                        not DEFAULT_STANDARD.is_objection(text, kind):
                    actions.append(self._auto_reply(conversation_id, buyer, uid, now))
        return actions

    def _auto_reply(self, conversation_id: int, buyer: str, uid: str, now: float) -> ToBuyer:
        auto_uid = f"auto-{uid}"
        db.insert_message(self.store, auto_uid, conversation_id, "auto", None, "text",
                          self.auto_reply, now)
        return ToBuyer(buyer, auto_uid, self.auto_reply, conversation_id, auto=True)

    # --- agents' presence -----------------------------------------------------------------

    def agent_status(self, agent: str, status: str, now: float) -> list[Action]:
        """An agent's workbench came online, changed status or left ('offline')."""
        before = self.status.get(agent, "offline")
        self.status[agent] = status
        actions: list[Action] = []
        if before == "offline" and status != "offline":
            # Whatever we handed over before it left (or before we restarted) goes again;
            # the workbench stores each uid once.
            actions += self.resend_pending(agent)
        if status == ASSIGNABLE:
            with self.store.transaction():
                actions += self._drain(now)
        return actions

    def resend_pending(self, agent: str) -> list[Action]:
        return [ToAgent(agent, _relay(row)) for row in db.pending_deliveries(self.store, agent)]

    def agent_confirmed(self, agent: str, uid: str, now: float) -> None:
        """The agent's workbench stored a relayed message."""
        with self.store.transaction():
            db.confirm_delivery(self.store, uid, agent, now)

    # --- agents' replies and requests -----------------------------------------------------

    def agent_reply(self, agent: str, uid: str, buyer: str, text: str,
                    now: float, kind: str = "text") -> list[Action]:
        """An agent's answer (a product card, 'card', goes to the buyer as its text). A uid
        seen before is a resend: it goes only to the buyer of the conversation that owns
        it, only as the same agent's reply, with the text first received; anything else (a
        buyer's uid, another agent's, another buyer) is refused and logged. A new uid may
        only address a buyer assigned to this agent."""
        with self.store.transaction():
            seen = db.message(self.store, uid)
            if seen is not None:
                owner = db.conversation(self.store, seen["conversation_id"])
                if seen["direction"] != "out" or seen["agent"] != agent \
                        or owner["buyer"] != buyer:
                    log.warning("refused %s's reply to %s: its uid %s is a %s message of "
                                "the conversation with %s", agent, buyer, uid,
                                seen["direction"], owner["buyer"])
                    return [Refuse(agent, uid, NOT_YOURS)]
                if seen["relayed_at"] is not None:
                    return [Confirm(agent, uid)]
                # Taken before but not known to have left: send again with the same id.
                return [ToBuyer(owner["buyer"], uid, seen["text"], owner["id"])]
            conversation = db.live_conversation(self.store, buyer)
            if conversation is None or conversation["agent"] != agent:
                _log_not_assigned("reply to", agent, buyer, conversation)
                return [Refuse(agent, uid, NOT_ASSIGNED)]
            db.insert_message(self.store, uid, conversation["id"], "out", agent, kind, text,
                              now)
            db.touch(self.store, conversation["id"], now)
        return [ToBuyer(buyer, uid, text, conversation["id"])]

    def relayed(self, uid: str, now: float) -> list[Action]:
        """The server took our copy of an agent's reply: now the agent may mark it sent."""
        with self.store.transaction():
            db.mark_relayed(self.store, uid, now)
            row = db.message(self.store, uid)
        if row is None or row["direction"] != "out":
            return []
        return [Confirm(row["agent"], uid)]

    def transfer(self, agent: str, buyer: str, to: str, reason: str,
                 now: float) -> list[Action]:
        with self.store.transaction():
            conversation = db.live_conversation(self.store, buyer)
            if conversation is None or conversation["agent"] != agent:
                _log_not_assigned("transfer of", agent, buyer, conversation)
                return [Notice(agent, "transfer-refused", buyer, 0, to,
                               "这位买家的会话已不由你接待。")]
            if to not in self.agents or to == agent:
                return [Notice(agent, "transfer-refused", buyer, conversation["id"], to,
                               "对方不是本店的客服账号。")]
            if self.status.get(to, "offline") not in ("online", "busy", "away"):
                return [Notice(agent, "transfer-refused", buyer, conversation["id"], to,
                               "对方不在线或已挂起。")]
            db.assign(self.store, conversation["id"], to)
            db.insert_transfer(self.store, conversation["id"], agent, to, reason, now)
            conversation = db.conversation(self.store, conversation["id"])
            actions: list[Action] = [
                Notice(agent, "released", buyer, conversation["id"], to, reason),
                Notice(to, "assigned", buyer, conversation["id"], agent, reason)]
            # The new agent gets the buyer's side of the conversation so far.
            actions += self._deliver(conversation,
                                     db.buyer_messages(self.store, conversation["id"]), now)
            actions += self._drain(now)
        return actions

    def end(self, agent: str, buyer: str, now: float) -> list[Action]:
        """The agent closed the conversation: the buyer's next message starts a new one."""
        with self.store.transaction():
            conversation = db.live_conversation(self.store, buyer)
            if conversation is None or conversation["agent"] != agent:
                _log_not_assigned("end of", agent, buyer, conversation)
                return []
            db.end(self.store, conversation["id"], now)
            return self._drain(now)

    def expire_idle(self, now: float) -> list[Action]:
        """Conversations quiet for ``idle_s`` end, which frees their agents."""
        actions: list[Action] = []
        with self.store.transaction():
            for conversation in db.idle_conversations(self.store, now - self.idle_s):
                db.end(self.store, conversation["id"], now)
                actions.append(Notice(conversation["agent"], "released", conversation["buyer"],
                                      conversation["id"], "", "idle"))
            actions += self._drain(now)
        return actions

    # --- assignment -----------------------------------------------------------------------

    def pick_agent(self, loads: dict[str, int]) -> str | None:
        """The online agent below capacity with the lowest load per weight."""
        candidates = [
            jid for jid, config in self.agents.items()
            if self.status.get(jid) == ASSIGNABLE and loads.get(jid, 0) < config.capacity]
        if not candidates:
            return None
        return min(candidates, key=lambda jid: (
            loads.get(jid, 0) / max(self.agents[jid].weight, 1e-9), loads.get(jid, 0),
            self._order[jid]))

    def _drain(self, now: float) -> list[Action]:
        """Hand queued buyers, longest waiting first, to agents who can take them."""
        actions: list[Action] = []
        loads = db.loads(self.store)
        for conversation in db.queued(self.store):
            agent = self.pick_agent(loads)
            if agent is None:
                break
            db.assign(self.store, conversation["id"], agent)
            loads[agent] = loads.get(agent, 0) + 1
            conversation = db.conversation(self.store, conversation["id"])
            actions += self._deliver(conversation,
                                     db.buyer_messages(self.store, conversation["id"]), now)
        return actions

    def _deliver(self, conversation, messages, now: float) -> list[Action]:
        agent = conversation["agent"]
        actions: list[Action] = []
        for row in messages:
            db.add_delivery(self.store, row["uid"], agent)
            if self.status.get(agent, "offline") != "offline":
                db.mark_delivery_sent(self.store, row["uid"], agent, now)
                actions.append(ToAgent(agent, Relay(
                    uid=row["uid"], buyer=conversation["buyer"],
                    conversation=conversation["id"], text=row["text"], at=row["at"],
                    kind=row["kind"])))
        return actions


def _log_not_assigned(what: str, agent: str, buyer: str, conversation) -> None:
    """A buyer that is not the agent's: after an end or a transfer it happens in the
    normal course of things; another agent's buyer is an attempt to reach past the rules."""
    if conversation is None:
        log.info("refused %s's %s %s, whose conversation has ended", agent, what, buyer)
    else:
        log.warning("refused %s's %s %s, a buyer assigned to %s", agent, what, buyer,
                    conversation["agent"] or "nobody yet")


def _relay(row) -> Relay:
    return Relay(uid=row["uid"], buyer=row["buyer"], conversation=row["conversation_id"],
                 text=row["text"], at=row["at"], kind=row["kind"])
