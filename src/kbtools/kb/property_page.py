"""Which pages are property pages, and the name and kind each one documents.

A property page is one whose English title (the source side of its `#` heading) ends in
" property". Its kind follows from the name and the DLL that implements it:

- `automation`: an object member (`Installer.UILevel`, `Installer::ProductElevated`);
- `merge-module`: an object member implemented by Mergemod.dll (`ConfigurableItem.Attributes`);
- `summary`: a Summary Information property (`Author Summary`);
- `installer`: every other name (`ALLUSERS`, `MsiRestartManagerSessionKey`).
"""

from __future__ import annotations

import re

from kbtools.kb.record import PropertyKind, Requirements
from kbtools.kb.sections import Outline, heading_text

TITLE_SUFFIX = " property"
SUMMARY_SUFFIX = " Summary"
MERGE_MODULE_DLL = "Mergemod.dll"

# A page's slug (its file name less `.md`) becomes a URL and a file name of the site and the API.
_SLUG = re.compile(r"[a-z0-9._-]+")
_MEMBER = re.compile(r"^[A-Za-z_]\w*(?:\.|::)\w+$")
_LOWERCASE = re.compile(r"[a-z]")


def is_slug(name: str) -> bool:
    """True when a page file's stem can serve as its slug: lowercase letters, digits, `.`, `_`, `-`."""
    return _SLUG.fullmatch(name) is not None and not name.startswith(".")


def english_title(outline: Outline) -> str | None:
    """The page title as the English source states it, from the `#` heading."""
    if outline.title is None:
        return None
    return heading_text(outline.title) or None


def property_name(title: str | None) -> str | None:
    """The property a title documents ("ALLUSERS property" -> "ALLUSERS"), or None."""
    if title is None or not title.endswith(TITLE_SUFFIX):
        return None
    name = title[: -len(TITLE_SUFFIX)].strip()
    return name or None


def property_kind(name: str, requirements: Requirements) -> PropertyKind:
    if _MEMBER.match(name):
        runtimes = {statement.runtime for statement in requirements.statements}
        if requirements.dll == MERGE_MODULE_DLL or MERGE_MODULE_DLL in runtimes:
            return "merge-module"
        return "automation"
    if name.endswith(SUMMARY_SUFFIX):
        return "summary"
    return "installer"


def is_public(name: str, kind: PropertyKind) -> bool | None:
    """Installer properties whose names have no lowercase letter are public; None for other kinds."""
    if kind != "installer":
        return None
    return _LOWERCASE.search(name) is None
