"""The name a reference page documents, translated where the page's prose marks it as a name."""

from __future__ import annotations

import re

from kbtools.check.registry import PageContext, segment_rule
from kbtools.check.rules.identifiers import REFERENCE_PAGE_KINDS, shaped_names
from kbtools.check.rules.terms import protected_terms
from kbtools.check.sequence import find_word
from kbtools.page.inline import visible_text
from kbtools.page.model import Segment

# The title of a reference page: a name, then what it is (`Privileged property`, `Dependency
# object`, `Product.ComponentState method`, `Security Summary property`).
_TITLE = re.compile(
    r"\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::)[A-Za-z_][A-Za-z0-9_]*)*(?: [A-Z][A-Za-z0-9]*){0,2})"
    r" (?P<kind>" + "|".join(kind.replace("-", " ") for kind in REFERENCE_PAGE_KINDS) + r")\s*",
    re.IGNORECASE,
)
# A word marked as a name in the source: bold, italic, `<strong>`/`<b>`/`<i>`/`<em>` or a link's text.
_MARKED = re.compile(
    r"\*\*\s*(?P<strong>[^*]+?)\s*\*\*"
    r"|(?<![*\w])\*(?P<em>[^*\s][^*]*?)\*(?![*\w])"
    r"|<(?P<tag>strong|b|i|em)>\s*(?P<html>[^<]+?)\s*</(?P=tag)>",
    re.IGNORECASE,
)
_TITLE_LINE = re.compile(r"^#[ \t].*$", re.MULTILINE)
# A dialog box named by one plain word (`Cancel Dialog`, `Error Dialog`) is a kind of dialog box
# the user sees, named in the reader's language (`the **Cancel** dialog box` is `la boîte de
# dialogue **Annuler**`); a joined name (`FilesInUse`, `DiskCost`) is the key a package gives it.
_SHOWN_KINDS = frozenset({"dialog"})
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
_MARKERS = re.compile(r"[*\[\]]")
_NONE: frozenset[str] = frozenset()


def subject_names(context: PageContext) -> frozenset[str]:
    """The names the page's title says it documents: the whole name and, for a member
    (`Product.ComponentState`), the object's and the member's names, each of three letters or more."""
    names = context.memo.get("subject-names")
    if names is not None:
        return names
    names = _NONE
    page = context.page
    # The title heading is the first line opening with `# `: read off the text, not the block
    # tree, which no other rule needs built.
    heading = _TITLE_LINE.search(page.text or "")
    if heading:
        for segment in page.segments:
            start = segment.anchor.tag_start
            if start >= heading.end():
                break
            if start >= heading.start() and segment.source is not None:
                title = _TITLE.fullmatch(visible_text(segment.source.text))
                if title and not (title["kind"].lower() in _SHOWN_KINDS and _PLAIN_WORD.fullmatch(title["name"])):
                    name = title["name"]
                    parts = {name, *re.split(r"\.|::", name)}
                    names = frozenset(part for part in parts if len(part) >= 3 and not part.islower())
                break
    context.memo["subject-names"] = names
    return names


def _marked_words(source_text: str) -> set[str]:
    found = set()
    for match in _MARKED.finditer(source_text):
        text = match["strong"] or match["em"] or match["html"] or ""
        found.add(_MARKERS.sub("", text).strip())
    return found


@segment_rule(
    "translated-subject-name",
    family="terms",
    severity="error",
    summary="The name the page documents (its title's `Privileged` of `Privileged property`), marked as a name in the source, translated in the target.",
    explanation="""
A reference page is named for what it documents: `Privileged property`, `Dependency object`,
`Product.ComponentState method`. Where the page's own text writes that name in bold, in italics
or as `<strong>` (`the **Privileged** property`, `The **Dependency** object returns ...`,
`**Product**` in a table of the object's members), the source says it is the name, which a reader
types as it is: a translation that renders it as an ordinary word (`**privilegi**`,
`Объект **зависимости**`, `**Prodotto**`, `**憑證**` for `**Certificate**`) loses it. The rule
reports such a marked name that the target does not hold in any letter case (a change of case
only is left to `protected-term` and `changed-case`, and names known by their shape, such as
`AppDataFolder` or `REBOOT`, to `protected-term` and `translated-identifier`). Names in lower case (`seq element`) and of
fewer than three letters are left out: they are too often ordinary words. So is a dialog box
named by one plain word (`Cancel Dialog`, `Error Dialog`): the user sees it in their language,
`la boîte de dialogue **Annuler**`.
""",
    example="""
title:  Privileged property
source: When running on Windows Vista, the **Privileged** and [**AdminUser**](adminuser.md) are the same.
target: Quando è in esecuzione in Windows Vista, i **privilegi** e [**AdminUser**](adminuser.md) sono gli stessi.
""",
)
def translated_subject_name(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source_text = segment.source.text
    if "*" not in source_text and "<" not in source_text:
        return None
    names = subject_names(context)
    if not names:
        return None
    marked = _marked_words(source_text) & names
    if not marked:
        return None
    # Names known by their shape (`AppDataFolder`, `REBOOT`) are watched by `protected-term`
    # and `translated-identifier`.
    marked -= protected_terms(source_text) | shaped_names(source_text)
    if not marked:
        return None
    target = visible_text(segment.target.text).lower()
    problems = []
    for name in sorted(marked):
        if find_word(name.lower(), target):
            continue
        if any(name != other and name in other and other in marked for other in names):
            continue  # part of the longer name, reported with it
        problems.append(f"'{name}', the name this page documents, is missing from the target (translated)")
    return problems or None
