"""Team logs for supervisors: pull the service account's archive (XEP-0313) into the store.

The server (Prosody's mod_mam) archives every message to and from the service address. The
pull logs in as the service account under a resource of its own and without presence, so it
never receives live traffic, reads the archive after the last pulled id, and imports:

- buyers' messages from the router's relays to agents (they name the conversation),
- agents' replies from their messages to the router,
- the router's auto-replies.

Qt-free: the window runs :func:`pull` in a worker thread with its own asyncio loop and its
own store connection.
"""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime

from workbench import accounts, conversations
from workbench.accounts import permissions
from workbench.changes import Changes
from workbench.channels import xmpp_protocol as proto
from workbench.channels.xmpp_client import configure_tls, release
from workbench.store import Store, people, settings, team_archive

CLIENT = "jabber:client"
LAST_ID_KEY = "team.archive.last_id"
PAGE = 200


@dataclass(frozen=True)
class ArchiveRecord:
    archive_id: str
    sender: str            # 'buyer' | 'agent' | 'auto'
    buyer: str
    agent: str | None
    conversation: int | None
    uid: str
    text: str
    at: float


def _bare(jid: str | None) -> str:
    return (jid or "").split("/", 1)[0].lower()


def parse(service: str, stanza: ET.Element, archive_id: str, at: float) -> ArchiveRecord | None:
    """One archived stanza as a conversation message, or None for anything else."""
    body = stanza.findtext(f"{{{CLIENT}}}body")
    if body is None:
        return None
    sender, recipient = _bare(stanza.get("from")), _bare(stanza.get("to"))
    relay = stanza.find(proto.q("relay"))
    if relay is not None and sender == service:
        parsed = proto.parse_relay(relay, body)
        if parsed:
            return ArchiveRecord(archive_id, "buyer", parsed.buyer.lower(), recipient,
                                 parsed.conversation, parsed.uid, body, parsed.at)
    reply = stanza.find(proto.q("reply"))
    if reply is not None and recipient == service and sender != service:
        parsed_reply = proto.parse_reply(reply, body)
        if parsed_reply:
            return ArchiveRecord(archive_id, "agent", parsed_reply.buyer.lower(), sender,
                                 parsed_reply.conversation, parsed_reply.uid, body, at)
    auto = stanza.find(proto.q("auto"))
    if auto is not None and sender == service and stanza.get("id"):
        conversation = auto.get("conversation", "")
        return ArchiveRecord(archive_id, "auto", recipient, None,
                             int(conversation) if conversation.isdigit() else None,
                             stanza.get("id"), body, at)
    return None


async def fetch(jid: str, password: str, server: str, port: int, tls: bool, ca_file,
                after: str | None, timeout: float = 30.0) -> tuple[list[ArchiveRecord], str | None]:
    """Everything archived after ``after`` (all when None); returns records and the last id."""
    import slixmpp

    service = _bare(jid)
    client = slixmpp.ClientXMPP(f"{service}/archive-{proto.new_resource()}", password)
    configure_tls(client, tls, ca_file)
    client.register_plugin("xep_0059")
    client.register_plugin("xep_0313")
    failed = asyncio.get_running_loop().create_future()
    client.add_event_handler("failed_auth", lambda _e: failed.done() or failed.set_result(
        "账号或密码错误。"))
    records: list[ArchiveRecord] = []
    last = after
    try:
        if server:
            client.connect(server, port)
        else:
            client.connect()
        started = asyncio.ensure_future(client.wait_until("session_start", timeout))
        done, _ = await asyncio.wait({started, failed}, timeout=timeout,
                                     return_when=asyncio.FIRST_COMPLETED)
        if failed in done:
            started.cancel()
            raise ConnectionError(failed.result())
        if started not in done:
            started.cancel()
            raise ConnectionError("连接服务器超时。")
        while True:
            rsm = {"max": PAGE}
            if last:
                rsm["after"] = last
            result = await client.plugin["xep_0313"].retrieve(rsm=rsm, timeout=timeout)
            items = result["mam"]["results"]
            for item in items:
                forwarded = item["mam_result"]["forwarded"]
                stamp = forwarded["delay"]["stamp"]
                at = stamp.timestamp() if isinstance(stamp, datetime) else 0.0
                record = parse(service, forwarded["stanza"].xml, item["mam_result"]["id"], at)
                if record:
                    records.append(record)
            page_last = result["mam_fin"]["rsm"]["last"]
            if page_last:
                last = page_last
            if not items or result["mam_fin"]["complete"] in (True, "true") or not page_last:
                break
    finally:
        if client.transport:
            await client.disconnect(wait=2.0)
        release(client)
    return records, last


def import_records(store: Store, agent, service: str, records: list[ArchiveRecord],
                   last_id: str | None, now: float) -> Changes:
    """Store pulled records, each once, and remember where the pull stopped; all or nothing.

    Only a supervisor (``import_logs``) may bring the team's conversations in."""
    permissions.require(agent, permissions.IMPORT_LOGS)
    service = _bare(service)
    prefix = f"{service}#"
    changed_conversations: set[int] = set()
    changed_messages: set[int] = set()
    with store.transaction():
        for record in records:
            buyer_id = conversations.ensure_buyer(store, record.buyer, "普通", record.at)
            conversation_id = _conversation_for(store, prefix, buyer_id, record)
            agent_id = _agent_id(store, record.agent, now) if record.agent else None
            message_id = team_archive.insert_message(
                store, record.uid, conversation_id, record.sender, agent_id, record.text,
                record.at)
            if message_id is None:
                continue
            team_archive.note_message(store, conversation_id,
                                      agent_id if record.sender == "agent" else None,
                                      conversations.preview("text", record.text), record.at)
            changed_conversations.add(conversation_id)
            changed_messages.add(message_id)
        if last_id:
            settings.put(store, LAST_ID_KEY, last_id)
    return Changes(conversations=frozenset(changed_conversations),
                   messages=frozenset(changed_messages))


def _conversation_for(store: Store, prefix: str, buyer_id: int, record: ArchiveRecord) -> int:
    if record.conversation is None:
        latest = team_archive.latest_imported_conversation(store, buyer_id, prefix)
        if latest is not None:
            return latest["id"]
        external_id = f"{prefix}?{record.buyer}"
    else:
        external_id = f"{prefix}{record.conversation}"
    found = team_archive.conversation_by_external_id(store, external_id)
    if found is not None:
        return found["id"]
    return team_archive.insert_conversation(store, buyer_id, external_id, record.at)


def _agent_id(store: Store, jid: str, now: float) -> int:
    """Agents are known in the supervisor's store by their JID; created on first sight."""
    row = people.agent_by_name(store, jid)
    if row is not None:
        return row["id"]
    return accounts.add(store, jid, "agent", now, display_name=jid.split("@", 1)[0]).id


def last_pulled(store: Store) -> str | None:
    return settings.get(store, LAST_ID_KEY)


def pull(store: Store, agent, jid: str, password: str, server: str, port: int, tls: bool,
         ca_file, now: float) -> tuple[int, Changes]:
    """Fetch what is new since the last pull and import it (blocking: run off the GUI thread).

    Returns the number of new messages and what changed.
    """
    permissions.require(agent, permissions.IMPORT_LOGS)
    records, last = asyncio.run(fetch(jid, password, server, port, tls, ca_file,
                                      last_pulled(store)))
    changes = import_records(store, agent, jid, records, last, now)
    return len(changes.messages), changes
