"""The rules, described for people: `kbtools rules` and the generated docs/rules.md.

Everything comes from the registry (id, family, severity, summary, explanation, example), so
the documentation cannot drift from the rules.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping

from kbtools.check.registry import Rule

RULE_FORMATS = ("text", "json", "markdown")


def table(rules: Mapping[str, Rule]) -> str:
    """One line per rule: id, default severity, family, summary."""
    id_width = max(len(rule.id) for rule in rules.values())
    family_width = max(len(rule.family) for rule in rules.values())
    lines = [
        f"{rule.id:<{id_width}}  {rule.severity:<7}  {rule.family:<{family_width}}  {rule.summary}"
        for rule in rules.values()
    ]
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return textwrap.indent(text, "    ")


def _fenced(text: str) -> str:
    """A code block whose fence is longer than any run of backticks in the text."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)), default=0))
    return f"{fence}\n{text}\n{fence}\n"


def explain(rule: Rule) -> str:
    """Ruff-like: what it does, why it matters, an example."""
    return (
        f"{rule.id} (family: {rule.family}, default severity: {rule.severity})\n\n"
        f"What it does\n{_indent(rule.summary)}\n\n"
        f"Why it matters\n{_indent(rule.explanation)}\n\n"
        f"Example\n{_indent(rule.example)}\n\n"
        f"Turn it off for one segment with <!-- kbtools: ignore {rule.id} --> before the segment.\n"
    )


def rule_json(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "family": rule.family,
        "severity": rule.severity,
        "summary": rule.summary,
        "explanation": rule.explanation,
        "example": rule.example,
    }


def as_json(rules: Mapping[str, Rule]) -> str:
    return json.dumps([rule_json(rule) for rule in rules.values()], ensure_ascii=False, indent=1) + "\n"


def _markdown_rule(rule: Rule) -> str:
    return (
        f"## `{rule.id}`\n\n"
        f"Family: {rule.family} · default severity: {rule.severity}\n\n"
        f"**What it does.** {rule.summary}\n\n"
        f"**Why it matters.** {rule.explanation}\n\n"
        f"**Example.**\n\n{_fenced(rule.example)}"
    )


def markdown(rules: Mapping[str, Rule]) -> str:
    """The whole docs/rules.md page."""
    rows = "\n".join(f"| [`{r.id}`](#{r.id}) | {r.family} | {r.severity} | {r.summary} |" for r in rules.values())
    sections = "\n".join(_markdown_rule(rule) for rule in rules.values())
    return (
        "# Rules of `kbtools check`\n\n"
        "<!-- Generated from the rule registry by `python -m kbtools rules --format markdown`; "
        "do not edit by hand. -->\n\n"
        "Select or ignore rules by id or by family with `--select`/`--ignore` or in "
        "`[tool.kbtools]` (see [ci.md](ci.md)); silence one segment with "
        "`<!-- kbtools: ignore RULE -->` before it, or a whole file with "
        "`<!-- kbtools: ignore-file RULE -->`.\n\n"
        "| rule | family | severity | what it finds |\n| --- | --- | --- | --- |\n"
        f"{rows}\n\n{sections}"
    )


def render(rules: Mapping[str, Rule], fmt: str) -> str:
    if fmt == "json":
        return as_json(rules)
    if fmt == "markdown":
        return markdown(rules)
    return table(rules)


def render_one(rule: Rule, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rule_json(rule), ensure_ascii=False, indent=1) + "\n"
    if fmt == "markdown":
        return _markdown_rule(rule)
    return explain(rule)
