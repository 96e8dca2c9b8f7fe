"""Names that begin with an underscore, which the target must keep joined to it."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

# `\_Validation`, `\_NewEnum`, `\_WIN32`: an escaped underscore that begins a name, not one that
# joins two parts of it (`R32\_UINT`, `D3D\#\_CLIP`). A bare underscore is emphasis (`_Path_`).
_LEADING = re.compile(r"(?<![\w\\#])\\_(?P<name>[A-Za-z][A-Za-z0-9]{2,})(?![A-Za-z0-9])")


@segment_rule(
    "detached-underscore",
    family="terms",
    severity="error",
    summary="A name that begins with an underscore (`_Validation`, `_NewEnum`) not kept whole in the target.",
    explanation="""
Windows Installer's system tables (`_Validation`, `_Streams`, `_TransformView`), COM's hidden
members (`_NewEnum`) and macros (`_WIN32`) begin with an underscore that is part of the name.
Machine translation reads the underscore as a mark of its own: it leaves it where it stood and
translates or moves the word (`\\_Tabella transformview` for `\\_TransformView Table`, `\\_ tabella
di convalida` for `\\_Validation table`), or spaces it off (`\\_ NewEnum`). The rule reports such a
name of the source (an escaped underscore, `\\_`, then a letter and at least two more letters or
digits) that the target does not hold, in the same case, right after an underscore.
""",
    example="""
source: \\_TransformView Table
target: \\_Tabella transformview
""",
)
def detached_underscore(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source = segment.source.text
    if "\\_" not in source:
        return None
    target = segment.target.text
    problems = []
    for name in sorted({match["name"] for match in _LEADING.finditer(source)}):
        if f"_{name}" not in target:
            problems.append(f"'_{name}' is not kept whole in the target (the underscore is part of the name)")
    return problems or None
