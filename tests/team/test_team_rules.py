"""The router's rules without a server: weights, capacity, duplicates, restarts, idle ends."""

import pytest

from workbench.router.routing import AgentConfig, Confirm, Refuse, Router, ToAgent, ToBuyer
from workbench.store.router import RouterStore

A, B, C = "a@shop.test", "b@shop.test", "c@shop.test"


@pytest.fixture
def router_store(tmp_path):
    store = RouterStore.open(tmp_path / "router.sqlite3")
    yield store
    store.close()


def make_router(store, agents=None, idle_s=1800.0):
    router = Router(store, agents or [AgentConfig(A), AgentConfig(B)], "请稍等", idle_s)
    return router


def assigned(actions):
    return [a.agent for a in actions if isinstance(a, ToAgent)]


def test_weights_share_buyers_in_proportion(router_store):
    router = make_router(router_store, [AgentConfig(A, weight=2.0), AgentConfig(B)])
    router.agent_status(A, "online", 0.0)
    router.agent_status(B, "online", 0.0)
    owners = []
    for number in range(6):
        owners += assigned(router.buyer_message(f"buyer{number}@x", f"u{number}", "hi", 1.0,
                                                1.0))
    assert owners.count(A) == 4 and owners.count(B) == 2


def test_capacity_queues_and_auto_replies_once(router_store):
    router = make_router(router_store, [AgentConfig(A, capacity=1)])
    router.agent_status(A, "online", 0.0)
    assert assigned(router.buyer_message("b1@x", "u1", "hi", 1.0, 1.0)) == [A]
    first = router.buyer_message("b2@x", "u2", "在吗", 2.0, 2.0)
    assert [type(a) for a in first] == [ToBuyer] and first[0].auto
    assert router.buyer_message("b2@x", "u3", "在吗？", 3.0, 3.0) == []
    # b1's conversation ends: b2 and both of its messages go to A.
    handed = router.end(A, "b1@x", 4.0)
    assert [a.relay.uid for a in handed] == ["u2", "u3"]


def test_an_objecting_buyer_queues_without_the_auto_reply(router_store):
    router = make_router(router_store, [AgentConfig(A, capacity=1)])
    router.agent_status(A, "online", 0.0)
    assert assigned(router.buyer_message("b1@x", "u1", "hi", 1.0, 1.0)) == [A]
    # No auto-reply during an objection (docs/standards.md); the buyer still queues.
    assert router.buyer_message("b2@x", "u2", "太贵了，能便宜点吗", 2.0, 2.0) == []
    assert router.buyer_message("b3@x", "u3", "在吗", 3.0, 3.0)[0].auto
    handed = router.end(A, "b1@x", 4.0)
    assert [a.relay.uid for a in handed] == ["u2"]


def test_duplicates_are_dropped_and_survive_a_restart(router_store, tmp_path):
    router = make_router(router_store)
    router.agent_status(A, "online", 0.0)
    assert assigned(router.buyer_message("b1@x", "u1", "hi", 1.0, 1.0)) == [A]
    assert router.buyer_message("b1@x", "u1", "hi", 1.0, 2.0) == []
    router_store.close()

    reopened = RouterStore.open(tmp_path / "router.sqlite3")
    try:
        again = make_router(reopened)
        assert again.buyer_message("b1@x", "u1", "hi", 1.0, 3.0) == []
        # The relay was never confirmed: it goes again when A comes back.
        resent = again.agent_status(A, "online", 4.0)
        assert [a.relay.uid for a in resent if isinstance(a, ToAgent)] == ["u1"]
        again.agent_confirmed(A, "u1", 5.0)
        again.agent_status(A, "offline", 6.0)
        assert again.agent_status(A, "online", 7.0) == []
    finally:
        reopened.close()


def test_a_reply_is_confirmed_once_relayed_and_a_resend_is_not_relayed_twice(router_store):
    router = make_router(router_store)
    router.agent_status(A, "online", 0.0)
    router.buyer_message("b1@x", "u1", "hi", 1.0, 1.0)
    [to_buyer] = router.agent_reply(A, "r1", "b1@x", "您好", 2.0)
    assert isinstance(to_buyer, ToBuyer) and to_buyer.uid == "r1"
    # Not yet known to have left: a resend relays again, with the same id.
    assert router.agent_reply(A, "r1", "b1@x", "您好", 3.0) == [
        ToBuyer("b1@x", "r1", "您好", to_buyer.conversation)]
    assert router.relayed("r1", 4.0) == [Confirm(A, "r1")]
    assert router.agent_reply(A, "r1", "b1@x", "您好", 5.0) == [Confirm(A, "r1")]
    # Another agent may not answer A's buyer.
    router.agent_status(B, "online", 0.0)
    [refusal] = router.agent_reply(B, "r2", "b1@x", "我来", 6.0)
    assert isinstance(refusal, Refuse)


def test_quiet_conversations_end_and_free_the_agent(router_store):
    router = make_router(router_store, [AgentConfig(A, capacity=1)], idle_s=60)
    router.agent_status(A, "online", 0.0)
    router.buyer_message("b1@x", "u1", "hi", 0.0, 0.0)
    router.buyer_message("b2@x", "u2", "hi", 1.0, 1.0)
    assert router.expire_idle(30.0) == []
    actions = router.expire_idle(100.0)
    assert [a.relay.uid for a in actions if isinstance(a, ToAgent)] == ["u2"]
    # b1 writes again: a new conversation, queued behind nobody but A is full.
    assert [type(a) for a in router.buyer_message("b1@x", "u3", "又来了", 101.0, 101.0)] == [
        ToBuyer]


def test_the_router_command_explains_a_bad_config(tmp_path, capsys):
    from workbench.cli import main

    config = tmp_path / "router.toml"
    config.write_text('[service]\njid = "service@shop.test"\n', encoding="utf-8")
    assert main(["router", "--config", str(config)]) == 1
    assert "[[agents]]" in capsys.readouterr().err
    config.write_text('[service]\njid = "service@shop.test"\npassword_file = "pw"\n'
                      '[[agents]]\njid = "a@shop.test"\n', encoding="utf-8")
    assert main(["router", "--config", str(config)]) == 1
    assert "无法读取密码文件" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "reason"), [
    ('[service]\njid = "客服@shop.test"\n'.encode("gbk"), "第 2 行：这里有不是 UTF-8 的字节"),
    (b"", "文件是空的"),
    (b"\x00\x01binary", "不是文本文件"),
    (b"[service\n", "格式有误"),
])
def test_a_config_that_cannot_be_read_is_one_line(tmp_path, capsys, content, reason):
    from workbench.cli import main

    config = tmp_path / "router.toml"
    config.write_bytes(content)
    assert main(["router", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1 and "Traceback" not in err
    assert main(["router", "--config", str(config), "--lang", "en"]) == 1
    assert "config file" in capsys.readouterr().err


def test_a_toml_mistake_is_said_in_chinese_with_its_line_and_column(tmp_path, capsys):
    from workbench.cli import main

    config = tmp_path / "router.toml"
    config.write_text('[service]\njid = "service@shop.test"\n[router\n', encoding="utf-8")
    assert main(["router", "--config", str(config)]) == 1
    assert capsys.readouterr().err == (f"配置文件 {config} 格式有误，不是合法的 TOML："
                                       "错在第 3 行第 8 列。\n")
    assert main(["router", "--config", str(config), "--lang", "en"]) == 1
    assert capsys.readouterr().err == (f"The config file {config} is malformed: Expected ']' "
                                       "at the end of a table declaration (at line 3, "
                                       "column 8)\n")
    config.write_text("x =", encoding="utf-8")
    assert main(["router", "--config", str(config)]) == 1
    assert capsys.readouterr().err.endswith("不是合法的 TOML：错在文件末尾。\n")
