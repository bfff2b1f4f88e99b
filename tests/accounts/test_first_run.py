"""A new shop starts as a new shop: only the demo store gets the demo shop; any other new
store named by --db starts with the first-run dialog. A 0-byte file is no new store: it
may be a store cut off, so it is refused and left alone (tests/faults/test_store.py)."""

import json
import os
import subprocess
import sys

import pytest
from orders.order_files import CLASSIC_HEADER, classic_row, write_gbk
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from helpers import type_text
from workbench import accounts, app, quickphrases
from workbench.store import Store, settings
from workbench.ui.accounts.first_run import FirstRunDialog
from workbench.ui.store_work import wait_for_tasks

PACK = {"format": "workbench-phrase-pack", "format_version": 1, "name": "新店话术",
        "version": 1, "scope": "team",
        "groups": [{"name": "售后", "phrases": [{"code": "th", "text": "退货请在订单页申请"}]}]}


def workbench_cli(*args):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def agent_names(db_path) -> list[str]:
    store = Store.open(db_path)
    try:
        return [agent.name for agent in accounts.all_agents(store)]
    finally:
        store.close()


def test_a_new_store_named_by_db_gets_no_demo_shop(tmp_path):
    db = tmp_path / "shop.sqlite3"
    result = workbench_cli("--lang", "en", "--db", str(db), "run", "--exit-after-first-paint")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "This shop has no account yet: run `workbench run --db FILE` to set it up, or create "
        "the first supervisor with `workbench accounts add`."]
    listed = workbench_cli("--db", str(db), "accounts", "list", "--json")
    assert (listed.returncode, json.loads(listed.stdout)) == (0, [])


def test_a_0_byte_file_is_refused_never_seeded(tmp_path):
    db = tmp_path / "shop.sqlite3"
    db.write_bytes(b"")
    result = workbench_cli("--lang", "en", "--db", str(db), "run", "--exit-after-first-paint")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "0 bytes" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b""


def test_the_default_store_and_demo_get_the_demo_shop(tmp_path):
    db = tmp_path / "demo.sqlite3"
    result = workbench_cli("run", "--exit-after-first-paint", "--db", str(db), "--demo")
    assert result.returncode == 0, result.stderr
    assert "wang" in agent_names(db)
    # Without --db the workbench uses the default store, the demo store.
    home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "run", "--exit-after-first-paint"],
        capture_output=True, text=True, timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKBENCH_HOME=str(home)))
    assert result.returncode == 0, result.stderr
    assert "xiaoman" in agent_names(home / "workbench.sqlite3")


def first_run_dialog() -> FirstRunDialog:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, FirstRunDialog) and w.isVisible())


def test_the_first_run_sets_up_the_shop_and_opens_the_window_as_its_supervisor(
        qapp, qtbot, tmp_path, monkeypatch):
    db = tmp_path / "shop.sqlite3"
    pack = tmp_path / "pack.json"
    pack.write_text(json.dumps(PACK, ensure_ascii=False), encoding="utf-8")
    report = write_gbk(tmp_path / "orders.csv", CLASSIC_HEADER,
                       [classic_row("35153131473293579", "晴天小鹿")])
    windows = []
    from workbench.ui import main_window

    original = main_window.MainWindow.__init__

    def remember(self, session):
        original(self, session)
        windows.append(self)
        QTimer.singleShot(0, self.close)

    monkeypatch.setattr(main_window.MainWindow, "__init__", remember)

    def fill_in():
        dialog = first_run_dialog()
        type_text(dialog.shop_name, "青禾家居")
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        type_text(dialog.name, "lihua")
        type_text(dialog.display_name, "李华")
        type_text(dialog.password, "first-boss")
        type_text(dialog.again, "first-bosz")
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == "两次输入的密码不一致。"
        dialog.again.clear()
        type_text(dialog.again, "first-boss")
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        dialog.pack_file.setText(str(pack))
        dialog.order_file.setText(str(report))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        said = dialog.report.toPlainText()
        assert "短语包：" in said and "新增 1 条" in said
        assert "订单报表：导入完成：orders.csv 共 1 行，新增 1 单" in said
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qapp.setQuitOnLastWindowClosed(True)
    assert app.run(db, "zh", 0.0) == 0
    wait_for_tasks()
    assert [w.session.agent.name for w in windows] == ["lihua"]
    assert "青禾家居" in windows[0].windowTitle()
    store = Store.open(db)
    try:
        (boss,) = accounts.all_agents(store)
        assert (boss.name, boss.role, boss.signature) == ("lihua", "supervisor", "李华")
        assert not accounts.is_demo(store, boss)
        assert settings.get(store, quickphrases.SHOP_NAME_KEY) == "青禾家居"
        assert [p.code for p in quickphrases.visible(store, boss) if p.pack_name == "新店话术"] \
            == ["th"]
        assert store.conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
    finally:
        store.close()


def test_quitting_the_first_run_leaves_the_store_without_accounts(qapp, tmp_path):
    db = tmp_path / "shop.sqlite3"
    QTimer.singleShot(0, lambda: first_run_dialog().quit_button.click())
    assert app.run(db, "zh", 0.0) == 0
    assert agent_names(db) == []


def test_the_first_run_refuses_a_short_password_and_a_second_founding(qtbot, store, clock):
    dialog = FirstRunDialog(store, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请填写店铺名称。"
    type_text(dialog.shop_name, "青禾家居")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    type_text(dialog.name, "lihua")
    for field in (dialog.password, dialog.again):
        type_text(field, "abc")
    assert not dialog.create_shop()
    assert "至少 6 个字符" in dialog.error.text()
    assert accounts.all_agents(store) == []
    for field in (dialog.password, dialog.again):
        field.clear()
        type_text(field, "long-enough")
    assert dialog.create_shop()
    with pytest.raises(accounts.Refused, match="已经有账号"):
        accounts.found_shop(store, "别的店", "other", "long-enough", clock())
