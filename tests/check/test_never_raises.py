"""Whatever bytes a file holds, reading and checking it never raises: bad input becomes findings."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbtools.check.engine import CheckSettings, RuleSelection, check_page
from kbtools.page import parse_bytes

# Fragments of real sxs markup, so that random pages get deep into the scanner and the rules.
FRAGMENTS = [
    "---\n",
    "title: T\n",
    "ms.contentlocale: zh-TW\n",
    "\n",
    " ",
    "```\n",
    "<!-- kbtools: ignore -->",
    '<span data-ttu-id="1-1">',
    '<span data-stu-id="1-1">',
    '<span class="sxs-lookup">',
    "</span>",
    '<span id="a">',
    "**ALLUSERS**",
    "`code`",
    "[link](a.md)",
    "Mergemod.h",
    "2.0",
    "屬性",
    "\\_",
    "<script>",
    'onerror="x"',
    "javascript:",
    "&#x61;",
    "*",
    "_",
    "|",
    "<br/>",
    "]",
    "(",
    "\x00",
]
SETTINGS = CheckSettings(RuleSelection.default())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_pages_made_of_sxs_fragments_never_raise(parts: list[str]) -> None:
    page = parse_bytes("".join(parts).encode("utf-8"), Path("fuzz.md"))
    for finding in check_page(page, SETTINGS, "fuzz.md"):
        assert finding.line >= 1 and finding.column >= 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    page = parse_bytes(data, Path("fuzz.md"))
    findings = check_page(page, SETTINGS, "fuzz.md")
    if page.text is None:
        assert [f.rule for f in findings] == ["encoding"]
