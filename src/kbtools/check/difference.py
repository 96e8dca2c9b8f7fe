"""How rules word the difference between what a source has and what its target has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable


def describe_difference(source: Counter[str], target: Counter[str], quote: Callable[[str], str]) -> str:
    """`missing 'a'; unexpected 'b'`: items of the source the target lacks, then extra ones."""
    missing = sorted((source - target).elements())
    extra = sorted((target - source).elements())
    parts = []
    if missing:
        parts.append("missing " + ", ".join(quote(item) for item in missing))
    if extra:
        parts.append("unexpected " + ", ".join(quote(item) for item in extra))
    return "; ".join(parts)
