"""The rules read the same on every Python the README promises (3.11+), Debian 12's 3.11.2 too.

CPython before 3.11.5 mishandles possessive quantifiers and atomic groups (`*+`, `(?>...)`):
the number rule read `Windows 7.` as the number `7.` and reported numbers that were there.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from sxs_pages import page, segment

import kbtools

_UNSAFE = {"POSSESSIVE_REPEAT", "ATOMIC_GROUP"}


def _operations(parsed: object) -> set[str]:
    """Every operation of a parsed pattern (`re._parser`), nested ones too."""
    found: set[str] = set()
    items = parsed.data if hasattr(parsed, "data") else parsed
    for item in items if isinstance(items, list | tuple) else ():
        if isinstance(item, tuple) and len(item) == 2 and hasattr(item[0], "name"):
            found.add(item[0].name)
            found |= _operations(item[1])
        elif isinstance(item, list | tuple) or hasattr(item, "data"):
            found |= _operations(item)
    return found


def _patterns() -> list[tuple[str, str, str]]:
    found = []
    for module_info in pkgutil.walk_packages(kbtools.__path__, "kbtools."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((module_info.name, name, value.pattern))
    return found


def test_no_pattern_uses_a_possessive_quantifier_or_an_atomic_group():
    patterns = _patterns()
    assert len(patterns) > 50  # the walk found the rules' patterns
    parser = re._parser  # the parser `re.compile` uses
    offending = [(module, name) for module, name, pattern in patterns if _operations(parser.parse(pattern)) & _UNSAFE]
    assert offending == []


def test_the_check_finds_possessive_quantifiers():
    assert _operations(re._parser.parse(r"[0-9]+(?:[.,][0-9]+)*+")) & _UNSAFE
    assert _operations(re._parser.parse(r"a(?>bc|b)c")) & _UNSAFE
    assert not _operations(re._parser.parse(r"[-*+]+(?:x)*")) & _UNSAFE


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Available on Windows 7. Earlier versions are not supported.", "可在 Windows 7 上使用。不支援較早版本。"),
        ("Use 1, 2, or 3 here.", "在這裡使用 1、2 或 3。"),
        ("Windows Installer 4.0, 4.5 and 5.0.", "Windows Installer 4.0、4.5 和 5.0。"),
    ],
)
def test_a_number_before_punctuation_is_found_in_the_target(workdir, kbtools, source, target):
    (workdir / "page.md").write_text(page(segment("1-1", target, source)), encoding="utf-8")
    result = kbtools("check", "--select", "number-mismatch", "page.md")
    assert result.code == 0
    assert result.out == "Checked 1 file (1 segment): 0 errors, 0 warnings.\n"


def test_a_number_lost_before_a_full_stop_is_still_reported(workdir, kbtools):
    (workdir / "page.md").write_text(
        page(segment("1-1", "可在 Windows 上使用。", "Available on Windows 7.")), encoding="utf-8"
    )
    result = kbtools("check", "--select", "number-mismatch", "page.md")
    assert "number(s) of the source missing from the target: 7" in result.out


def test_the_embedded_sample_has_no_number_mismatch(sample_dir, kbtools):
    result = kbtools("check", "--select", "number-mismatch", sample_dir)
    assert result.code == 0
    assert "number-mismatch" not in result.out
