"""The YAML front matter of a page."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule

REQUIRED_KEYS = ("title", "ms.contentlocale")
# Keys of docs front matter; the build reads them case-sensitively.
KNOWN_KEYS = frozenset(
    [
        "title",
        "description",
        "author",
        "ms.author",
        "ms.assetid",
        "ms.topic",
        "ms.date",
        "ms.custom",
        "ms.contentlocale",
        "ms.translationtype",
        "ms.lasthandoff",
        "ms.locfileid",
        "ms.openlocfilehash",
        "ms.sourcegitcommit",
        "ms.service",
        "ms.prod",
        "ms.technology",
    ]
)


@page_rule(
    "frontmatter",
    family="file",
    severity="error",
    summary="Missing or unparseable front matter, a missing title or locale, a miscased key, or an unexpected locale.",
    explanation="""
Every page starts with a YAML block between `---` lines. The build takes the page title from
`title`, and `ms.contentlocale` says which language the targets are in; keys are read case-sensitively, so a
known key in another case (`Description`) is reported too, unless the English page (`--english`)
has the same key: then the English is to be mended, and the translation copied it as it is. With `locale` set in the
configuration (or `--locale`), a page of another locale is reported, which catches pages filed
under the wrong language folder.
""",
    example="""
---
title: MsiRestartManagerSessionKey 屬性
ms.contentlocale: zh-TW
---
""",
)
def frontmatter(context: PageContext) -> Iterator[Hit]:
    page = context.page
    front = page.front_matter
    if front is None:
        if not (page.text or "").strip():
            yield Hit("empty file: no front matter and no content", None, 1, 1)
        else:
            yield Hit("no front matter: the page must start with a '---' YAML block", None, 1, 1)
        return
    if front.error is not None:
        yield Hit(front.error, None, front.error_line or 1, 1)
        return
    for key in front.data:
        if key not in KNOWN_KEYS and key.lower() in KNOWN_KEYS and key not in _english_keys(context):
            yield Hit(f"front matter key '{key}' should be '{key.lower()}'", None, front.lines.get(key, 1), 1)
    for key in REQUIRED_KEYS:
        value = front.data.get(key)
        if value is None or str(value).strip() == "":
            where = front.lines.get(key, front.start_line)
            yield Hit(f"front matter has no '{key}'", None, where, 1)
    expected = context.options.locale
    locale = page.locale
    if expected and locale and locale.lower() != expected.lower():
        line = front.lines.get("ms.contentlocale", front.start_line)
        yield Hit(f"locale is '{locale}', expected '{expected}'", None, line, 1)


def _english_keys(context: PageContext) -> frozenset[str]:
    """The front matter keys of the page's English page (`--english`): a key miscased there too
    (`Description`) is the English's to mend, copied as it is. Empty without one."""
    tree = context.options.english
    if tree is None:
        return frozenset()
    counterpart = tree.counterpart(context.page.path, context.page.locale)
    if counterpart is None or not counterpart.exists:
        return frozenset()
    from kbtools.freshness.english import read_english  # the English reader's parser: only with --english

    front = read_english(counterpart.path, tree.root).page.front_matter
    return frozenset(front.data) if front is not None and front.error is None else frozenset()


# A character reference split by a space or a full-width mark (`&# 0034;`, `& #34;`, `&#34 ;`,
# `＆#34;`): no reader turns it back into the character.
_GARBLED_ENTITY = re.compile(
    r"[&＆]\s*[#＃]\s*[xX]?\s*[0-9A-Fa-f]+\s*[;；]|[&＆]\s*[#＃]\s*[xX]?\s*[0-9A-Fa-f]+\s+|[&＆]\s+[#＃]"
)
_ENTITY = re.compile(r"&#[xX]?[0-9A-Fa-f]+;")


@page_rule(
    "garbled-entity",
    family="file",
    severity="error",
    summary="A character reference in the front matter broken by translation (`&# 0034;`).",
    explanation="""
The front matter's `title` and `description` reach the records, the search index and the API as
they are. A character reference there (`&#0034;` for `"`) that translation split with a space or
wrote with a full-width mark (`&# 0034;`, `& #34;`) is no longer a reference: readers see the
code instead of the quotation mark. The rule reads every front-matter value.
""",
    example="""
description: 將 &# 0034; 選取 &# 0034; 屬性設定為 ...
""",
)
def garbled_entity(context: PageContext) -> Iterator[Hit]:
    front = context.page.front_matter
    if front is None or front.error is not None:
        return
    for key, value in front.data.items():
        if not isinstance(value, str) or "#" not in value and "＃" not in value:
            continue
        for match in _GARBLED_ENTITY.finditer(value):
            if _ENTITY.fullmatch(match.group()):
                continue
            yield Hit(
                f"front matter '{key}' has a broken character reference '{match.group().strip()}'",
                None,
                front.lines.get(key, front.start_line),
                1,
            )
            break
