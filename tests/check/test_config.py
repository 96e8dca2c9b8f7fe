"""`[tool.kbtools]` in pyproject.toml: discovery, each key, the command line winning, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sxs_pages import DEFECT, WARNING, page

from kbtools.check.config import GlobSet, load_config


@pytest.fixture
def project(workdir: Path) -> Path:
    docs = workdir / "docs" / "zh-tw"
    docs.mkdir(parents=True)
    (docs / "defect.md").write_text(page(DEFECT, WARNING), encoding="utf-8")
    return workdir


def configure(directory: Path, body: str) -> Path:
    path = directory / "pyproject.toml"
    path.write_text(f"[project]\nname = 'docs'\n\n[tool.kbtools]\n{body}\n", encoding="utf-8")
    return path


def rules_reported(result) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in result.out.splitlines() if line.count(":") >= 3]


def test_without_configuration_every_rule_runs(project, kbtools):
    assert rules_reported(kbtools("check", ".")) == ["protected-term", "number-mismatch"]


def test_select_in_the_file(project, kbtools):
    configure(project, 'select = ["numbers"]')
    assert rules_reported(kbtools("check", ".")) == ["number-mismatch"]


def test_ignore_in_the_file(project, kbtools):
    configure(project, 'ignore = ["protected-term"]')
    result = kbtools("check", ".")
    assert rules_reported(result) == ["number-mismatch"]
    assert result.code == 0


def test_configuration_is_found_from_the_working_directory_upward(project, kbtools, monkeypatch):
    configure(project, 'ignore = ["numbers"]')
    monkeypatch.chdir(project / "docs" / "zh-tw")
    assert rules_reported(kbtools("check", ".")) == ["protected-term"]


def test_a_pyproject_without_a_kbtools_table_is_passed_over(project, kbtools, monkeypatch):
    configure(project, 'ignore = ["numbers"]')
    (project / "docs" / "pyproject.toml").write_text("[project]\nname = 'inner'\n", encoding="utf-8")
    monkeypatch.chdir(project / "docs")
    assert rules_reported(kbtools("check", ".")) == ["protected-term"]


def test_command_line_select_wins_over_the_file(project, kbtools):
    configure(project, 'select = ["numbers"]\nignore = ["protected-term"]')
    assert rules_reported(kbtools("check", "--select", "protected-term", ".")) == ["protected-term"]


def test_command_line_ignore_adds_to_the_file(project, kbtools):
    configure(project, 'ignore = ["numbers"]')
    assert rules_reported(kbtools("check", "--ignore", "terms", ".")) == []


def test_command_line_locale_wins_over_the_file(project, kbtools):
    configure(project, 'locale = "ja-JP"')
    assert "frontmatter" in rules_reported(kbtools("check", "."))
    assert "frontmatter" not in rules_reported(kbtools("check", "--locale", "zh-TW", "."))


def test_severity_overrides_change_the_exit_code(project, kbtools):
    configure(project, 'severity = {protected-term = "warning"}')
    result = kbtools("check", "--format", "json", ".")
    assert '"severity": "warning"' in result.out
    assert '"severity": "error"' not in result.out
    assert result.code == 0


def test_a_rule_severity_beats_its_family_severity(project, kbtools):
    configure(project, 'severity = {terms = "warning", protected-term = "error", numbers = "error"}')
    result = kbtools("check", "--format", "json", ".")
    assert result.out.count('"severity": "error"') == 2


def test_per_file_ignores_apply_to_matching_files_only(project, kbtools):
    other = project / "other"
    other.mkdir()
    (other / "defect.md").write_text(page(DEFECT), encoding="utf-8")
    configure(project, '[tool.kbtools.per-file-ignores]\n"docs/**/*.md" = ["protected-term"]')
    result = kbtools("check", ".")
    assert "docs/zh-tw/defect.md:6:1: protected-term" not in result.out
    assert "other/defect.md:6:1: protected-term" in result.out


def test_per_file_ignores_are_relative_to_the_configuration_file(project, kbtools, monkeypatch):
    configure(project, '[tool.kbtools.per-file-ignores]\n"docs/zh-tw/defect.md" = ["terms"]')
    monkeypatch.chdir(project / "docs")
    assert rules_reported(kbtools("check", ".")) == ["number-mismatch"]


def test_exclude_skips_files(project, kbtools):
    (project / "docs" / "drafts").mkdir()
    (project / "docs" / "drafts" / "wip.md").write_text(page(DEFECT), encoding="utf-8")
    configure(project, 'exclude = ["drafts"]')
    result = kbtools("check", ".")
    assert "wip.md" not in result.out
    assert "Checked 1 file " in result.out


def test_config_option_points_at_one_file(project, kbtools, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("settings")
    path = configure(elsewhere, 'select = ["numbers"]')
    assert rules_reported(kbtools("check", "--config", path, ".")) == ["number-mismatch"]


def test_config_option_naming_a_missing_file_is_a_one_line_error(project, kbtools):
    result = kbtools("check", "--config", "nothere.toml", ".")
    assert result.code == 2
    assert result.err == "kbtools check: error: nothere.toml: configuration file not found\n"


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ("select = [", "invalid TOML"),
        ('select = "numbers"', "select must be a list of strings"),
        ('select = ["no-such-rule"]', "select: unknown rule or family 'no-such-rule'"),
        ('ignore = ["numbrs"]', "ignore: unknown rule or family 'numbrs'"),
        ('severity = {untranslated = "fatal"}', "severity.untranslated must be one of error, warning"),
        ('severity = {nope = "error"}', "unknown rule or family 'nope'"),
        ('per-file-ignores = {"*.md" = ["nope"]}', "unknown rule or family 'nope'"),
        ("locale = 3", "locale must be a string"),
        ('exclude = "drafts"', "exclude must be a list of globs"),
        ('selcet = ["numbers"]', "unknown key 'selcet'"),
    ],
)
def test_malformed_configuration_is_a_one_line_error_naming_the_file(project, kbtools, body, complaint):
    path = configure(project, body)
    result = kbtools("check", ".")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"kbtools check: error: {path}")
    assert complaint in result.err
    assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts", "docs/drafts/wip.md", True),
        ("*.tmp.md", "docs/a.tmp.md", True),
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "docs/sub/a.md", False),
        ("docs/**/*.md", "docs/sub/deep/a.md", True),
        ("docs/**/*.md", "docs/a.md", True),
        ("docs/sub", "docs/sub/a.md", True),
        ("sub", "docs/subway/a.md", False),
        ("other/*.md", "docs/other/a.md", False),
    ],
)
def test_globs_match_like_gitignore(pattern, path, matches):
    assert GlobSet([pattern]).matches(path) is matches


def test_select_all_with_ignore(project, kbtools):
    configure(project, 'select = ["ALL"]\nignore = ["numbers"]')
    assert rules_reported(kbtools("check", ".")) == ["protected-term"]


def test_the_configuration_example_in_docs_ci_md_is_valid(tmp_path):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "ci.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "pyproject.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.locale == "zh-TW"
    assert config.ignored_rules(tmp_path / "docs" / "v1" / "changelog.md") == {"number-mismatch"}
    assert config.is_excluded(tmp_path / "docs" / "archive" / "old.md")
