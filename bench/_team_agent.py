"""One agent's workbench for the `team` benchmark: a full main window, offscreen.

Prints ``ready`` once the router knows it, then ``seen SEQ LATENCY_MS`` for every buyer
message the moment the window's models have taken it (the panels are connected to
``session.changed`` before this probe, so Qt calls them first).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    db, jid, service, port, ca_file = sys.argv[1:6]
    import qasync
    from PySide6.QtWidgets import QApplication

    from workbench.app import open_workbench
    from workbench.channels.xmpp import XmppChannel, XmppSettings

    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    channel = XmppChannel(XmppSettings(jid=jid, service=service, server="127.0.0.1",
                                       port=int(port), tls=True, ca_file=ca_file),
                          os.environ["BENCH_PASSWORD"])
    workbench = open_workbench(Path(db), channel=channel)
    window = workbench.window
    window.show()

    def on_changed(changes) -> None:
        now = time.time()
        for message_id in changes.messages:
            row = workbench.store.conn.execute(
                "SELECT sender, text FROM messages WHERE id = ?", (message_id,)).fetchone()
            if row and row[0] == "buyer" and row[1].startswith("bench "):
                _, seq, sent = row[1].split()
                print(f"seen {seq} {(now - float(sent)) * 1000:.2f}", flush=True)

    workbench.session.changed.connect(on_changed)
    channel.router_changed.connect(lambda online: online and print("ready", flush=True))
    loop.add_reader(sys.stdin.fileno(), app.quit)   # the driver closes stdin to stop us
    with loop:
        loop.run_forever()
    workbench.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
