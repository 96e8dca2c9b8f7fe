"""`kbtools rules` and docs/rules.md, both generated from the rule registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbtools.check.formats.rule_docs import markdown
from kbtools.check.registry import all_rules

RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_lists_every_rule_with_severity_family_and_summary(kbtools):
    result = kbtools("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == list(all_rules())
    for line, rule in zip(lines, all_rules().values(), strict=True):
        assert line.split()[1:3] == [rule.severity, rule.family]
        assert line.endswith(rule.summary)


def test_rules_explains_one_rule(kbtools):
    rule = all_rules()["protected-term"]
    result = kbtools("rules", "protected-term")
    assert result.code == 0
    assert result.out.startswith("protected-term (family: terms, default severity: error)\n")
    for heading in ("What it does", "Why it matters", "Example"):
        assert f"\n{heading}\n" in result.out
    assert rule.summary in result.out
    assert rule.example.splitlines()[0] in result.out


def test_rules_with_a_family_name_lists_the_family(kbtools):
    lines = kbtools("rules", "terms").out.splitlines()
    assert [line.split()[0] for line in lines] == [r.id for r in all_rules().values() if r.family == "terms"]


def test_rules_with_an_unknown_id_is_a_one_line_error(kbtools):
    result = kbtools("rules", "no-such-rule")
    assert result.code == 2
    assert result.out == ""
    assert result.err == "kbtools rules: error: unknown rule 'no-such-rule' (run `kbtools rules` for the list)\n"


def test_rules_as_json(kbtools):
    rules = json.loads(kbtools("rules", "--format", "json").out)
    assert [rule["id"] for rule in rules] == list(all_rules())
    assert set(rules[0]) == {"id", "family", "severity", "summary", "explanation", "example"}


@pytest.mark.parametrize("rule_id", list(all_rules()))
def test_docs_rules_md_documents_every_rule(rule_id):
    assert f"## `{rule_id}`" in RULES_DOC.read_text(encoding="utf-8")


def test_docs_rules_md_is_up_to_date_with_the_registry():
    assert RULES_DOC.read_text(encoding="utf-8") == markdown(all_rules()), (
        "docs/rules.md is stale: python -m kbtools rules --format markdown > docs/rules.md"
    )


def test_markdown_format_prints_docs_rules_md(kbtools):
    assert kbtools("rules", "--format", "markdown").out == markdown(all_rules())
