"""A space put before a full stop or a comma."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.page.model import Segment

_CODE_SPAN = re.compile(r"`[^`]*`")
# A stop or comma after a space that ends a sentence or a clause: followed by a space or the end,
# so that a file extension (` .msi`), a version (` .5`) or an ellipsis (` ...`) is not one; a stop
# before a lower-case word (`dest[ .mask]`, a member in a syntax line) ends no sentence, and
# nothing after an opening bracket ends anything.
_SPACED = re.compile(r"(\S{0,19}[^\s(\[{])[ \t]+(,(?=\s|\Z)|\.(?=\s*\Z|\s+[^\sa-z]))")
# The end of a link, of an emphasis or of an HTML element: a space between it and the stop is
# how these pages' translation sets a moved link or name apart, and reviewers leave it.
_CLOSING_MARKUP = re.compile(r"(?:\]\((?:[^\s()]|\([^\s()]*\))*\)|\*|</[A-Za-z]+>)\Z")


def _spaced(text: str) -> list[re.Match[str]]:
    if " ." not in text and " ," not in text:
        return []
    if "`" in text:
        text = _CODE_SPAN.sub("`", text)
    return [match for match in _SPACED.finditer(text) if not _CLOSING_MARKUP.search(text, 0, match.end(1))]


@segment_rule(
    "space-before-punctuation",
    family="typography",
    severity="warning",
    summary="A space before a full stop or a comma in the target (`Ошибка: \\[ 3 \\] .`), where the source has none.",
    explanation="""
No language that writes `.` and `,` puts a space before them (French spaces its `;`, `:`, `!`
and `?`, not these two). Machine translation that spaces out a placeholder or moves a word to the
end of the sentence leaves the space it had before it in front of the stop (`Ошибка: \\[ 3 \\] .`),
and the published page shows the stop standing apart. The rule reports a `.` or `,` after a space and
before a space or the end of the text, outside inline code, when the target has more of them than
the source (a source that lists `a , b` keeps its own spacing). A space after a link, an emphasised
name or an HTML element (`[журнала событий](event-logging.md) .`, `**BSTR** .`) is not reported:
the translation of these pages leaves it after a third of the links that end a Russian sentence,
the link or the bold sets the name apart from the stop, and reviewers leave it as it is.
""",
    example="""
source: System error: \\[3\\].
target: Errore di sistema: \\[ 3 \\] .
""",
)
def space_before_punctuation(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    spaced = _spaced(segment.target.text)
    if not spaced or len(spaced) <= len(_spaced(segment.source.text)):
        return None
    # The message does not quote the text before the mark: a fix of that text (a placeholder's
    # spaces removed by `copied-token`) must not read as a new finding.
    marks = dict.fromkeys(match.group(2) for match in spaced)
    return [f"space before '{mark}': remove the space" for mark in marks]
