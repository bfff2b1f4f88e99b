"""Stores filled with realistic volumes, built through the domain functions."""

from __future__ import annotations

import random
import time
from pathlib import Path

from workbench import accounts, conversations, demo
from workbench.store import Store

BUYER_LINES = ["在吗？", "这个有货吗", "什么时候发货", "能便宜点吗", "M码还有吗", "地址写错了",
               "快递到哪了", "颜色和图片一样吗", "好的谢谢", "质量怎么样"]
AGENT_LINES = ["亲，在的", "有货的哦", "今天下午发出", "已经是活动价啦", "M码有的",
               "帮您改好了", "我帮您查一下", "实物拍摄的", "不客气", "质量放心"]


def chat_store(path: Path, messages: int, per_conversation: int = 50, seed: int = 1) -> Path:
    """A demo shop whose history holds ``messages`` messages, half buyer, half agent."""
    rng = random.Random(seed)
    store = Store.open(path)
    try:
        start = time.time() - 30 * 86400
        demo.seed_if_empty(store, start)
        agent = accounts.current(store)
        assert agent is not None
        at = start
        with store.transaction():
            for number in range(messages // per_conversation):
                buyer = f"买家{number:06d}"
                for turn in range(per_conversation // 2):
                    at += rng.uniform(1, 20)
                    changes = conversations.receive(store, conversations.Incoming(
                        uid=f"b{number}-{turn}", buyer=buyer, text=rng.choice(BUYER_LINES),
                        at=at))
                    conversation_id = next(iter(changes.conversations))
                    conversations.send(store, conversation_id, agent.id,
                                       rng.choice(AGENT_LINES), at + rng.uniform(3, 60))
    finally:
        store.close()
    return path
