"""A supervisor pulls the team's conversations from the server archive, incrementally."""

import pytest

from team.team_support import PASSWORD, TIMEOUT_MS, run
from workbench import accounts, conversations
from workbench.changes import Refused
from workbench.channels import xmpp_archive
from workbench.store import Store


def pull(qtbot, team, store):
    after = xmpp_archive.last_pulled(store)
    records, last = run(qtbot, xmpp_archive.fetch(
        team.service, PASSWORD, "127.0.0.1", team.server.port, True, team.server.ca_file,
        after))
    supervisor = accounts.by_name(store, "主管") or accounts.add(store, "主管", "supervisor", 0.0)
    return xmpp_archive.import_records(store, supervisor, team.service, records, last, now=1.0)


def test_supervisor_pulls_the_archive_into_the_local_store_incrementally(
        make_team, qtbot, tmp_path):
    team = make_team(agents=["a1"], buyers=["b1", "b2"])
    team.start_router()
    seat = team.seat("a1")
    b1, b2 = team.buyer("b1"), team.buyer("b2")
    b1.say(team.service, "这件衣服起球吗")
    qtbot.waitUntil(lambda: len(seat.buyer_texts()) == 1, timeout=TIMEOUT_MS)
    conversation = conversations.all_conversations(seat.store)[0]
    seat.session.select(conversation.id)
    seat.session.send_text("不起球的亲")
    qtbot.waitUntil(lambda: b1.bodies() == ["不起球的亲"], timeout=TIMEOUT_MS)

    supervisor = Store.open(tmp_path / "supervisor.sqlite3")
    try:
        changes = pull(qtbot, team, supervisor)
        assert len(changes.messages) == 2
        [imported] = conversations.all_conversations(supervisor)
        assert imported.buyer_nick == b1.jid
        history = conversations.history(supervisor, imported.id)
        assert [(m.sender, m.text) for m in history] == [("buyer", "这件衣服起球吗"),
                                                          ("agent", "不起球的亲")]
        external = supervisor.conn.execute(
            "SELECT external_id FROM conversations WHERE id = ?", (imported.id,)).fetchone()[0]
        assert external.startswith(team.service + "#")
        assert history[1].agent_id is not None

        # Only what is new since the last pull comes in.
        b2.say(team.service, "包邮吗")
        qtbot.waitUntil(lambda: len(seat.buyer_texts()) == 2, timeout=TIMEOUT_MS)
        changes = pull(qtbot, team, supervisor)
        assert len(changes.messages) == 1
        assert {c.buyer_nick for c in conversations.all_conversations(supervisor)} == {
            b1.jid, b2.jid}
        assert not pull(qtbot, team, supervisor)
    finally:
        supervisor.close()


def test_only_a_supervisor_may_import_the_team_logs(store):
    agent = accounts.add(store, "小满", "agent", 0.0)
    record = xmpp_archive.ArchiveRecord("a1", "buyer", "b@shop.test", "x@shop.test", 1, "u1",
                                        "你好", 1.0)
    with pytest.raises(Refused):
        xmpp_archive.import_records(store, agent, "service@shop.test", [record], "a1", 1.0)
    assert not conversations.all_conversations(store)
