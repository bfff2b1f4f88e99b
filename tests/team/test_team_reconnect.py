"""Kill the router or drop an agent's connection in the middle of traffic: nothing is lost,
nothing shows twice."""

from team.team_support import TIMEOUT_MS, write_router_config
from workbench import conversations


def texts(seat):
    return seat.buyer_texts()


def test_router_killed_and_restarted_mid_traffic_loses_and_doubles_nothing(
        make_team, router_process, qtbot):
    team = make_team(agents=["a1"], buyers=["b1", "b2"])
    config = write_router_config(team)
    router = router_process(config)
    seat = team.seat("a1")
    qtbot.waitUntil(lambda: seat.channel.router_online, timeout=TIMEOUT_MS)
    b1, b2 = team.buyer("b1"), team.buyer("b2")
    b1.say(team.service, "b1-0")
    qtbot.waitUntil(lambda: texts(seat) == ["b1-0"], timeout=TIMEOUT_MS)

    # A burst, and the router is killed while it is still being handled.
    for number in range(1, 11):
        b1.say(team.service, f"b1-{number}")
        b2.say(team.service, f"b2-{number}")
    router.kill()
    router.wait()
    qtbot.waitUntil(lambda: not seat.channel.router_online, timeout=TIMEOUT_MS)

    # While it is down buyers keep writing and the agent answers.
    for number in range(11, 16):
        b1.say(team.service, f"b1-{number}")
    conversation = next(c for c in conversations.all_conversations(seat.store)
                        if c.buyer_nick == b1.jid)
    seat.session.select(conversation.id)
    seat.session.send_text("路由不在时的回复")
    reply = conversations.history(seat.store, conversation.id)[-1]
    assert reply.status == "sending"

    router_process(config)
    expected = sorted([f"b1-{n}" for n in range(16)] + [f"b2-{n}" for n in range(1, 11)])
    qtbot.waitUntil(lambda: sorted(texts(seat)) == expected, timeout=TIMEOUT_MS * 2)
    qtbot.waitUntil(lambda: "路由不在时的回复" in b1.bodies(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: conversations.message_by_uid(seat.store, reply.uid).status
                    == "sent", timeout=TIMEOUT_MS)
    # Still exactly once each after everything settled.
    assert sorted(texts(seat)) == expected
    assert b1.bodies().count("路由不在时的回复") == 1


def test_agent_connection_dropped_mid_traffic_reconnects_and_resends(make_team, qtbot):
    team = make_team(agents=["a1"], buyers=["b1"])
    team.start_router()
    seat = team.seat("a1")
    b1 = team.buyer("b1")
    b1.say(team.service, "m-0")
    qtbot.waitUntil(lambda: texts(seat) == ["m-0"], timeout=TIMEOUT_MS)
    conversation = conversations.all_conversations(seat.store)[0]
    seat.session.select(conversation.id)
    states = []
    seat.channel.state_changed.connect(states.append)

    for number in range(1, 6):
        b1.say(team.service, f"m-{number}")
    seat.channel._xmpp.abort()          # the network drops, no goodbye
    seat.session.send_text("断线时写的回复")
    for number in range(6, 11):
        b1.say(team.service, f"m-{number}")

    qtbot.waitUntil(lambda: states[-1:] == ["online"], timeout=TIMEOUT_MS)
    assert "connecting" in states
    qtbot.waitUntil(lambda: len(texts(seat)) == 11, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: b1.bodies() == ["断线时写的回复"], timeout=TIMEOUT_MS)
    assert sorted(texts(seat)) == sorted(f"m-{n}" for n in range(11))
    agent_messages = [m for m in conversations.history(seat.store, conversation.id)
                      if m.sender == "agent"]
    qtbot.waitUntil(lambda: conversations.message_by_uid(seat.store, agent_messages[0].uid)
                    .status == "sent", timeout=TIMEOUT_MS)
