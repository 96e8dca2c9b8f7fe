"""The pre-commit hook definition and the way pre-commit calls the command."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path

import yaml
from sxs_pages import DEFECT, page

from kbtools.cli import build_parser

REPO = Path(__file__).resolve().parents[2]


def hooks() -> list[dict]:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_checks_markdown_with_kbtools_check():
    (hook,) = hooks()
    assert hook["id"] == "kbtools-check"
    assert hook["language"] == "python"
    assert hook["types"] == ["markdown"]
    assert shlex.split(hook["entry"]) == ["kbtools", "check", "--allow-empty"]


def test_hook_entry_is_the_installed_console_script():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    command = shlex.split(hooks()[0]["entry"])
    assert command[0] in project["project"]["scripts"]
    assert build_parser().parse_args([*command[1:], "a.md"]).func.__name__ == "run_check"


def test_pre_commit_style_call_with_file_names_fails_on_errors(workdir, kbtools):
    (workdir / "docs").mkdir()
    (workdir / "docs" / "-leading-dash.md").write_text(page(DEFECT), encoding="utf-8")
    result = kbtools("check", "docs/-leading-dash.md")
    assert result.code == 1
    assert result.out.startswith("docs/-leading-dash.md:6:1: protected-term")


def test_hook_passes_a_commit_of_plain_markdown(workdir, kbtools):
    """README.md, CHANGELOG.md and docs/ are Markdown without segments: not pages, not findings."""
    (workdir / "docs").mkdir()
    (workdir / "README.md").write_text("# Project\n\nUse `<span data-ttu-id>` pairs.\n", encoding="utf-8")
    (workdir / "CHANGELOG.md").write_text("## 0.1.0\n\n- First release.\n", encoding="utf-8")
    (workdir / "docs" / "guide.md").write_text("---\ntitle: Guide\n---\n\n# Guide\n", encoding="utf-8")
    command = shlex.split(hooks()[0]["entry"])
    result = kbtools(*command[1:], "README.md", "CHANGELOG.md", "docs/guide.md")
    assert result.code == 0
    assert "frontmatter" not in result.out
    assert "without side-by-side segments" not in result.out


def test_hook_still_fails_on_a_page_beside_plain_markdown(workdir, kbtools):
    (workdir / "README.md").write_text("# Project\n", encoding="utf-8")
    (workdir / "page.md").write_text(page(DEFECT), encoding="utf-8")
    command = shlex.split(hooks()[0]["entry"])
    result = kbtools(*command[1:], "README.md", "page.md")
    assert result.code == 1
    assert "page.md:6:1: protected-term" in result.out
    assert "README.md" not in result.out
    assert result.err == "kbtools check: note: 1 Markdown file without side-by-side segments not checked: README.md\n"
