"""One grammar: the README and docs/cli.md match what the command line says, every list
or search has --json, every refusal has its English text."""

import ast
import re
from pathlib import Path

import pytest

from workbench import cli

ROOT = Path(__file__).resolve().parent.parent
# Being rewritten on another branch; their refusals get English there.
@pytest.fixture
def columns_80(monkeypatch):
    """argparse wraps usage to the terminal; the README shows it as a pipe gets it."""
    monkeypatch.setenv("COLUMNS", "80")


def readme_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"^## Command line\n\n```\n(.*?)^```$", text, re.S | re.M).group(1)


def test_the_readme_lists_every_usage_exactly_as_help_prints_it(columns_80, capsys):
    assert readme_block() == "".join(cli.usages())
    for words, parser in cli.commands():
        with pytest.raises(SystemExit) as done:
            cli.main([*words, "--help"])
        assert done.value.code == 0
        assert capsys.readouterr().out.startswith(parser.format_usage())


def test_docs_cli_has_an_example_of_every_command():
    examples = "\n".join(re.findall(r"^```\n(.*?)^```$",
                                    (ROOT / "docs" / "cli.md").read_text(encoding="utf-8"),
                                    re.S | re.M))
    missing = [" ".join(words) for words, _ in cli.commands()
               if not re.search(r"^(.*\| )?workbench( --\S+ \S+)* " + " ".join(words) + r"\b",
                                examples, re.M)]
    assert missing == []


def test_every_list_and_search_has_json():
    listing = [words for words, _ in cli.commands()
               if words[-1] in ("list", "search", "failures", "metrics")]
    assert len(listing) >= 8
    for words, parser in cli.commands():
        if words in listing:
            assert any("--json" in a.option_strings for a in parser._actions), words


def calls_without_english(path: Path) -> list[int]:
    source = path.read_text(encoding="utf-8")
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if not (name.endswith("Refused") or name == "CommandFailed"):
                continue
            if any(isinstance(arg, ast.Starred) for arg in node.args):
                continue  # a (zh, en) pair
            if len(node.args) + sum(k.arg == "en" for k in node.keywords) < 2:
                lines.append(node.lineno)
    return lines


def test_every_refusal_and_failure_has_an_english_text():
    missing = {str(path.relative_to(ROOT)): lines
               for path in sorted((ROOT / "workbench").rglob("*.py"))
               if (lines := calls_without_english(path))}
    assert missing == {}
