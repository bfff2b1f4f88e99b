import io
import json

from workbench import cli


def run(capsys, *args):
    status = cli.main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def new_shop(monkeypatch, capsys, tmp_path) -> str:
    """A new store whose first account, the supervisor boss, acts in the commands."""
    db = str(tmp_path / "cli.sqlite3")
    monkeypatch.setattr("sys.stdin", io.StringIO("boss-pass\n"))
    assert run(capsys, "--db", db, "accounts", "add", "boss", "--password-stdin")[0] == 0
    monkeypatch.setenv("WORKBENCH_PASSWORD", "boss-pass")
    return db


def test_import_list_search_export_through_the_cli(capsys, tmp_path, monkeypatch):
    db = new_shop(monkeypatch, capsys, tmp_path)
    source = tmp_path / "qn.csv"
    source.write_bytes("快捷短语编码,快捷短语,快捷短语分组\r\n\tth,\t退货请在订单页申请,\t售后\r\n"
                       .encode("gbk"))
    status, _, err = run(capsys, "--db", db, "phrases", "import", str(source))
    assert status == 1 and "--as" in err  # a change needs a proven account
    status, out, _ = run(capsys, "--db", db, "phrases", "import", str(source), "--dry-run",
                         "--as", "boss")
    assert status == 0 and "新增 1 条" in out and "+ /th" in out
    status, out, _ = run(capsys, "--db", db, "phrases", "list", "--json")
    assert json.loads(out) == []  # the dry run wrote nothing
    assert run(capsys, "--db", db, "phrases", "import", str(source), "--as", "boss")[0] == 0
    status, out, _ = run(capsys, "--db", db, "phrases", "search", "退货", "--json")
    (hit,) = json.loads(out)
    assert (hit["code"], hit["group"], hit["scope"]) == ("th", "售后", "team")
    out_file = tmp_path / "out.json"
    status, out, _ = run(capsys, "--db", db, "phrases", "export", str(out_file), "--as", "boss")
    assert status == 0 and out == f"已导出 1 条短语 → {out_file}\n"
    assert json.loads(out_file.read_text(encoding="utf-8"))["name"] == "qn"
    status, out, _ = run(capsys, "--db", db, "--lang", "en", "phrases", "export",
                         str(out_file), "--as", "boss")
    assert status == 0 and out == f"1 phrases → {out_file}\n"


def test_a_bad_file_fails_with_one_line_and_status_1(capsys, tmp_path, monkeypatch):
    db = new_shop(monkeypatch, capsys, tmp_path)
    source = tmp_path / "bad.csv"
    source.write_text("编码,短语\nx y,好\n", encoding="utf-8")
    status, out, err = run(capsys, "--db", db, "phrases", "import", str(source), "--as", "boss")
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "第 2 行" in err


def test_unknown_agent_fails_in_english_when_asked(capsys, tmp_path, monkeypatch):
    db = new_shop(monkeypatch, capsys, tmp_path)
    status, _, err = run(capsys, "--lang", "en", "--db", db, "phrases", "list", "--as", "x")
    assert status == 1 and err.strip() == "Wrong account name or password."
