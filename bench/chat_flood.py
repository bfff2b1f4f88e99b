"""双十一 rush: 500 buyers write 50 messages a second in all, for 60 seconds, into the
running window (offscreen) while the agent has a conversation open.

Latency runs from the moment a message was due at the channel to the moment the
conversation list and the open chat hold it; a 5 ms heartbeat timer measures how long
the GUI event loop ever stalls.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from workbench.app import open_workbench
from workbench.conversations import Incoming
from workbench.ui.store_work import wait_for_tasks

BUYERS = 500
RATE_PER_S = 50
SECONDS = 60
HEARTBEAT_MS = 5
TEXTS = ["在吗", "这款还有M码吗", "什么时候发货", "能便宜点吗", "发什么快递", "包邮吗",
         "我拍了，帮我改下地址", "质量怎么样", "有赠品吗", "几天能到"]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(smoke: bool = False, seconds: float = SECONDS) -> dict[str, float]:
    seconds = 1.0 if smoke else seconds
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        workbench = open_workbench(Path(scratch) / "flood.sqlite3", scenarios=[])
        window = workbench.window
        window.resize(1600, 1000)
        window.show()
        # The rush starts once the workbench has settled: jieba and the phrase index load
        # in a worker right after start-up, and hold Python's lock while they do.
        while not window.phrases.model.indexed:
            app.processEvents()
            wait_for_tasks(50)
        channel = workbench.session.channel
        clock = QElapsedTimer()
        clock.start()
        total = int(RATE_PER_S * seconds)
        latencies: list[float] = []
        gaps: list[float] = []
        state = {"sent": 0, "last_beat": 0.0, "opened": False}

        def pump() -> None:
            now = clock.nsecsElapsed() / 1e6
            due = min(total, int(now * RATE_PER_S / 1000) + 1)
            while state["sent"] < due:
                number = state["sent"]
                due_at = number * 1000 / RATE_PER_S
                channel.received.emit(Incoming(
                    uid=f"flood-{number}", buyer=f"买家{number % BUYERS:03d}",
                    text=f"{TEXTS[number % len(TEXTS)]} #{number}", at=time.time()))
                latencies.append(clock.nsecsElapsed() / 1e6 - due_at)
                state["sent"] += 1
                if not state["opened"]:  # the agent has a conversation open throughout
                    state["opened"] = True
                    window.conversation_list.setCurrentIndex(
                        window.conversation_list.list_model.index(0))
            if state["sent"] >= total:
                app.quit()

        def heartbeat() -> None:
            now = clock.nsecsElapsed() / 1e6
            if state["last_beat"]:
                gaps.append(now - state["last_beat"] - HEARTBEAT_MS)
            state["last_beat"] = now

        sender = QTimer()
        sender.setTimerType(sender.timerType().PreciseTimer)
        sender.timeout.connect(pump)
        sender.start(HEARTBEAT_MS)
        beat = QTimer()
        beat.setTimerType(beat.timerType().PreciseTimer)
        beat.timeout.connect(heartbeat)
        beat.start(HEARTBEAT_MS)
        app.exec()
        sender.stop()
        beat.stop()
        stored = workbench.store.conn.execute(
            "SELECT count(*) FROM messages WHERE uid LIKE 'flood-%'").fetchone()[0]
        conversations_listed = len(window.conversation_list.list_model.by_id)
        workbench.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "sent": state["sent"],
        "stored": stored,
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(_percentile(latencies, 0.99), 2),
        "max_stall_ms": round(max(gaps), 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "conversations": conversations_listed,
    }
