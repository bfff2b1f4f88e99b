"""The one way the window runs slow work: on a pool thread with its own store connection,
its ending delivered on the GUI thread."""

import threading

from workbench.changes import Refused
from workbench.ui.store_work import start_task


class Stop(Exception):
    pass


def run(qtbot, db_path, work, **options):
    seen = []
    task = start_task(
        db_path, work,
        succeeded=lambda result: seen.append(("succeeded", result, on_gui_thread())),
        failed=lambda message: seen.append(("failed", message, on_gui_thread())),
        cancelled=lambda: seen.append(("cancelled", None, on_gui_thread())),
        progress=lambda *figures: seen.append(("progress", figures, on_gui_thread())),
        ended=lambda: seen.append(("ended", None, on_gui_thread())), **options)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == "ended")
    assert task.wait(0)  # over by the time its ending is delivered
    return seen


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_work_reads_its_own_connection_and_reports_on_the_gui_thread(qtbot, store, db_path):
    def work(own_store, progress, _cancelled):
        assert own_store is not store and threading.current_thread() is not threading.main_thread()
        progress("读取", 1, 2)
        return own_store.conn.execute("SELECT 41 + 1").fetchone()[0]

    assert run(qtbot, db_path, work) == [("progress", ("读取", 1, 2), True),
                                         ("succeeded", 42, True), ("ended", None, True)]


def test_a_refusal_fails_with_its_reason(qtbot, store, db_path):
    def work(_store, _progress, _cancelled):
        raise Refused("文件里没有订单。")

    assert run(qtbot, db_path, work)[0] == ("failed", "文件里没有订单。", True)


def test_the_machine_saying_no_fails_in_one_line_not_as_a_bug(qtbot, store, db_path, tmp_path):
    def work(_store, _progress, _cancelled):
        open(tmp_path / "missing" / "export.csv", "w")  # noqa: SIM115 - it fails

    kind, message, _ = run(qtbot, db_path, work)[0]
    assert kind == "failed" and "不存在" in message and "missing" in message
    assert "程序问题" not in message and "\n" not in message


def test_cancelled_work_says_so(qtbot, store, db_path):
    started = threading.Event()

    def work(_store, _progress, cancelled):
        started.set()
        while not cancelled():
            pass
        raise Stop

    seen = []
    task = start_task(db_path, work, cancel_types=(Stop,),
                      cancelled=lambda: seen.append("cancelled"),
                      ended=lambda: seen.append("ended"))
    assert started.wait(10)
    task.cancel()
    assert task.wait()
    qtbot.waitUntil(lambda: seen == ["cancelled", "ended"])


def test_a_bug_is_reported_as_one_rather_than_lost_in_the_thread(qtbot, store, db_path,
                                                                  capsys):
    def work(_store, _progress, _cancelled):
        return 1 / 0

    kind, message, _ = run(qtbot, db_path, work)[0]
    assert kind == "failed" and "程序问题" in message and "ZeroDivisionError" in message
    assert "ZeroDivisionError" in capsys.readouterr().err
