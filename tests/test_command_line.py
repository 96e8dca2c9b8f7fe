"""One command line: exit 2 and `kbtools COMMAND: error: ...` for every usage or I/O error, one name
per meaning (older names still accepted), close matches for mistyped names, an example in every help."""

from __future__ import annotations

import re

import pytest

from kbtools.cli import COMMANDS, main

ERROR_LINE = re.compile(r"^kbtools (?P<command>[a-z]+): error: \S")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "nowhere"],
        ["check", "--config", "nowhere.toml", "."],
        ["check", "--english", "nowhere", "."],
        ["check", "--baseline", "nowhere.json", "."],
        ["rules", "no-such-rule"],
        ["parse", "nowhere"],
        ["parse", "."],
        ["query", "--source", "nowhere", "X"],
        ["query", "--kb", "README.md", "X"],
        ["runtimes", "nowhere"],
        ["schema", "--output", "no/such/dir/schema.json"],
        ["build", "--source", "nowhere"],
        ["build", "--source", ".", "--config", "nowhere.yml"],
        ["build", "--source", ".", "--english", "nowhere"],
        ["serve", "--source", "nowhere"],
        ["serve", "--source", ".", "--english", "nowhere"],
    ],
)
def test_every_usage_or_io_error_exits_2_with_one_prefixed_line(workdir, kbtools, args):
    (workdir / "README.md").write_text("# Not a knowledge base\n", encoding="utf-8")
    result = kbtools(*args)
    assert result.code == 2, result.err
    [line] = result.err.splitlines()
    match = ERROR_LINE.match(line)
    assert match, line
    assert match["command"] == args[0]


def test_query_kb_of_a_file_that_is_not_json_names_the_file(workdir, kbtools):
    (workdir / "README.md").write_text("# Not a knowledge base\n", encoding="utf-8")
    result = kbtools("query", "--kb", "README.md", "X")
    assert result.err == (
        "kbtools query: error: README.md: not a knowledge base written by `kbtools parse`: "
        "not JSON (expected value at line 1 column 1)\n"
    )


def test_a_mistyped_rule_id_gets_the_close_one(workdir, kbtools):
    result = kbtools("check", "--select", "protected-terms", ".")
    assert result.code == 2
    assert result.err == (
        "kbtools check: error: --select: unknown rule or family 'protected-terms'; did you mean: protected-term? "
        "(see `kbtools rules`)\n"
    )


def test_a_mistyped_rule_for_rules_gets_the_close_one(kbtools):
    assert "did you mean: protected-term?" in kbtools("rules", "protected-terms").err


def test_an_unknown_locale_is_refused_with_the_known_ones(workdir, kbtools):
    result = kbtools("check", "--locale", "xx", ".")
    assert result.code == 2
    assert result.err.startswith("kbtools check: error: --locale: unknown locale 'xx'; known locales: ar-SA, ")
    assert "zh-TW" in result.err


def test_a_mistyped_locale_gets_the_close_ones(workdir, kbtools):
    assert "did you mean: zh-TW" in kbtools("check", "--locale", "zh-TWN", ".").err


def test_a_known_locale_is_accepted_in_any_case(sample_dir, kbtools):
    assert kbtools("check", "--locale", "zh-tw", sample_dir).code == 0


def test_an_unknown_locale_in_the_configuration_names_the_file(workdir, kbtools):
    (workdir / "pyproject.toml").write_text('[tool.kbtools]\nlocale = "zh-XX"\n', encoding="utf-8")
    result = kbtools("check", ".")
    assert result.code == 2
    assert result.err.startswith(f"kbtools check: error: {workdir / 'pyproject.toml'}: [tool.kbtools] locale: unknown")


@pytest.mark.parametrize(("command", "old", "new"), [("parse", "--out", "--output"), ("schema", "--out", "--output")])
def test_out_is_an_alias_of_output(workdir, kbtools, command, old, new):
    args = ["--allow-empty", "."] if command == "parse" else []
    assert kbtools(command, *args, old, "old.json").code == 0
    assert kbtools(command, *args, new, "new.json").code == 0
    assert (workdir / "old.json").read_bytes()[:40] == (workdir / "new.json").read_bytes()[:40]


def test_config_file_is_an_alias_of_config_for_build(workdir, kbtools):
    for option in ("--config", "--config-file"):
        result = kbtools("build", "--source", ".", option, "nowhere.yml")
        assert result.err == "kbtools build: error: nowhere.yml: no such file (give --config a mkdocs.yml)\n"


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_help_ends_with_examples(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = capsys.readouterr().out
    examples = help_text.split("\nexamples:\n", 1)[1]
    lines = examples.splitlines()
    assert lines and all(line.startswith(f"  kbtools {command}") for line in lines)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_old_option_names_are_not_shown_in_help(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = capsys.readouterr().out
    assert "--config-file" not in help_text
    assert "--out " not in help_text and "--out," not in help_text
    assert "--allow-no-pages" not in help_text
