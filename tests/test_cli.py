import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from workbench import app, cli


def run_workbench(*args, env=None):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True,
                          text=True, timeout=60, env=env or dict(os.environ))


def test_run_opens_and_paints_the_window_on_a_fresh_demo_store(tmp_path):
    db = tmp_path / "fresh.sqlite3"
    result = run_workbench("--db", str(db), "run", "--demo", "--exit-after-first-paint")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "painted"
    assert db.exists()


STARTUP_PROBE = """
import sys, threading
from pathlib import Path
from PySide6.QtWidgets import QApplication
from workbench.app import open_workbench
from workbench.ui.store_work import wait_for_tasks

class WatchImports:
    # Records which thread first imports a heavy library.
    seen = {}
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in ("jieba", "pypinyin", "openpyxl", "sqlite_utils", "slixmpp") \
                and top not in self.seen:
            self.seen[top] = threading.current_thread() is threading.main_thread()
        return None

app = QApplication([])
open_workbench(Path(sys.argv[1])).close()  # the first start creates and migrates the store
sys.meta_path.insert(0, WatchImports())
workbench = open_workbench(Path(sys.argv[1]))
workbench.window.show()
while not workbench.window.phrases.model.indexed:  # the warm-up after the first paint
    app.processEvents()
    wait_for_tasks(50)
workbench.close()
print(sorted(name for name, on_gui_thread in WatchImports.seen.items() if on_gui_thread))
print(sorted(WatchImports.seen))
"""


def test_start_up_loads_jieba_only_in_a_worker_and_no_import_libraries(tmp_path):
    result = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(tmp_path / "s.sqlite3")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    on_gui_thread, loaded = result.stdout.strip().splitlines()
    assert on_gui_thread == "[]"
    # the phrase index warms up in a worker after the first paint
    assert loaded == "['jieba', 'pypinyin']"


def test_run_without_a_display_explains_how_to_run_offscreen(tmp_path, capsys, monkeypatch):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert app.run(tmp_path / "s.sqlite3", "zh", 1.0) == 1
    assert "QT_QPA_PLATFORM=offscreen" in capsys.readouterr().err


def test_run_on_a_corrupt_store_says_so_in_the_chosen_language(tmp_path):
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"garbage" * 50)
    result = run_workbench("--lang", "en", "--db", str(db), "run", "--exit-after-first-paint")
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert db.read_bytes() == b"garbage" * 50


def test_screenshot_renders_the_window_at_the_asked_size(qapp, tmp_path):
    out = tmp_path / "shot.png"
    assert cli.main(["screenshot", "--out", str(out), "--size", "1200x800"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


@pytest.mark.parametrize("size", ["100000x100000", "0x0", "639x480", "1600x4321"])
def test_screenshot_refuses_a_size_no_screen_has(size, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["screenshot", "--out", "x.png", "--size", size])
    assert exit_.value.code == 2 and "640x480 到 7680x4320" in capsys.readouterr().err


def test_screenshot_into_a_missing_folder_is_refused_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "nowhere" / "shot.png"
    assert cli.main(["screenshot", "--out", str(out)]) == 1
    assert capsys.readouterr().err.startswith(f"文件夹 {out.parent} 不存在")
    assert not out.parent.exists()


def test_bench_refuses_an_unknown_scenario_in_the_chosen_language(capsys):
    assert cli.main(["--lang", "en", "bench", "no-such-scenario"]) == 2
    assert "unknown scenario" in capsys.readouterr().err
    assert cli.main(["bench", "no-such-scenario"]) == 2
    assert capsys.readouterr().err.startswith("没有这个基准测试场景：no-such-scenario。")


def test_help_lists_every_area_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "phrases", "orders", "todo", "handover", "logs", "metrics",
                    "accounts", "router"):
        assert command in out


def test_the_window_commands_start_without_the_area_commands(tmp_path):
    probe = ("import sys; from workbench import cli; "
             "status = cli.main(['--db', sys.argv[1], 'bench', 'no-such-scenario']); "
             "print(status, 'workbench.supervision.commands' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "s.sqlite3")],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["2", "False"], result.stderr


def test_an_unknown_command_is_refused_with_the_whole_list(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--lang", "en", "phrase"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "invalid choice: 'phrase'" in error and "'router'" in error


@pytest.mark.parametrize(("lang", "opening", "other"), [
    ("zh", "内部错误（ValueError），已记录到 ", "Internal"),
    ("en", "Internal error (ValueError), logged to ", "内部错误")])
def test_a_bug_is_one_line_in_the_chosen_language_and_logged(lang, opening, other, capsys):
    from types import SimpleNamespace

    from workbench import paths
    from workbench.commandline import run_handler

    def broken(_args):
        raise ValueError("a bug")

    assert run_handler(broken, SimpleNamespace(lang=lang, db=None)) == 1
    err = capsys.readouterr().err
    assert err.startswith(opening) and other not in err and err.count("\n") == 1
    assert "ValueError: a bug" in (paths.data_dir() / "crash.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv", [
    ["run", "--speed", "-1"], ["run", "--speed", "0"],
    ["accounts", "failures", "--days", "-1"], ["accounts", "failures", "--days", "1e9"],
    ["care", "due", "--date", "0001-01-01"], ["care", "export", "--out", "x.xlsx",
                                              "--date", "9999-12-31"]])
def test_numbers_and_dates_no_one_means_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2 and "error: argument" in capsys.readouterr().err
