"""The agent's messages that have not been confirmed by the channel yet (team mode).

After a reconnect the xmpp channel sends them again with the same uid; the router drops
the ones it already has.
"""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store


def unsent(store: Store, agent_id: int) -> list[sqlite3.Row]:
    """The agent's 'sending' and 'failed' messages, oldest first, with the buyer's nick."""
    return store.conn.execute(
        "SELECT m.uid, m.conversation_id, m.kind, m.text, b.nick AS buyer "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "JOIN buyers b ON b.id = c.buyer_id "
        "WHERE m.sender = 'agent' AND m.agent_id = ? AND m.status IN ('sending', 'failed') "
        "ORDER BY m.id", (agent_id,)).fetchall()
