import os
import subprocess
import sys

from PySide6.QtGui import QImage

from workbench import app, cli


def run_workbench(*args, env=None):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True,
                          text=True, timeout=60, env=env or dict(os.environ))


def test_run_opens_and_paints_the_window_on_a_fresh_store(tmp_path):
    db = tmp_path / "fresh.sqlite3"
    result = run_workbench("--db", str(db), "run", "--exit-after-first-paint")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "painted"
    assert db.exists()


def test_start_up_path_loads_neither_jieba_nor_import_libraries(tmp_path):
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from workbench.app import open_workbench\n"
        "from pathlib import Path\n"
        "app = QApplication([])\n"
        "wb = open_workbench(Path(sys.argv[1]))\n"
        "wb.close()\n"
        "wb = open_workbench(Path(sys.argv[1]))\n"  # the second start skips migrations too
        "wb.window.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('jieba', 'openpyxl', 'sqlite_utils')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "s.sqlite3")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "jieba" not in result.stdout and "openpyxl" not in result.stdout


def test_run_without_a_display_explains_how_to_run_offscreen(tmp_path, capsys, monkeypatch):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert app.run(tmp_path / "s.sqlite3", "zh", 1.0) == 2
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


def test_bench_refuses_an_unknown_scenario(capsys):
    assert cli.main(["bench", "no-such-scenario"]) == 2
    assert "unknown scenario" in capsys.readouterr().err
