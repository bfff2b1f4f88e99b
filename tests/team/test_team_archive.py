"""A supervisor pulls the team's conversations from the server archive, incrementally."""

from conftest import PASSWORD, TIMEOUT_MS, run

from workbench import conversations
from workbench.channels import xmpp_archive
from workbench.store import Store


def pull(qtbot, team, store):
    after = xmpp_archive.last_pulled(store)
    records, last = run(qtbot, xmpp_archive.fetch(
        team.service, PASSWORD, "127.0.0.1", team.server.port, True, team.server.ca_file,
        after))
    return xmpp_archive.import_records(store, team.service, records, last, now=1.0)


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
