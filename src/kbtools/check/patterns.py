"""What one finding says less where it stands: the pattern a defect repeated across pages shares.

`'Exception' appears as '例外狀況' in the target` on 812 pages is one defect to fix once (one
glossary entry, one translation-memory fix), not 9,264. The pattern of a finding is its rule and
its message with positions taken out; for the messages that say "source form -> target form"
the pattern is written that way (`Exception -> 例外狀況`).
"""

from __future__ import annotations

import re

from kbtools.check.finding import Finding

# Messages that name a source form and what the target made of it.
_RENDERED = (
    re.compile(
        r"'(?P<source>.+?)' (?:appears as|is transliterated as|in a column of names is translated as) '(?P<target>.*)'"
    ),
    re.compile(r"'(?P<source>.+?)' is written '(?P<target>.+?)' in Taiwan"),
)
_MISSING = re.compile(r"'(?P<source>.+?)'(?:, the name of the page linked,)? is (?:missing from|not in) the target")
_MISSING_NAME = re.compile(r"the table or column name '(?P<source>.+?)' is not in the target")
# Positions inside messages: `on line 12`, a segment id.
_POSITION = re.compile(r"\bon line \d+|\bsegment '[^']*'")


def pattern_of(finding: Finding) -> str:
    """The finding's message as a pattern: `source -> target` where the message names both."""
    message = finding.message
    for rendered in _RENDERED:
        match = rendered.search(message)
        if match:
            return f"{match['source']} -> {match['target'].removesuffix(' in the target')}"
    match = _MISSING_NAME.search(message) or _MISSING.search(message)
    if match:
        return f"{match['source']} -> (missing)"
    return _POSITION.sub(lambda m: "on line N" if m.group().startswith("on") else "segment", message)
