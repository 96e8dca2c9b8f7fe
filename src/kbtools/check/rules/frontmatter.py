"""The YAML front matter of a page."""

from __future__ import annotations

from collections.abc import Iterator

from kbtools.check.registry import Hit, PageContext, page_rule

REQUIRED_KEYS = ("title", "ms.contentlocale")
# Keys of docs front matter; the build reads them case-sensitively.
KNOWN_KEYS = frozenset(
    [
        "title", "description", "author", "ms.author", "ms.assetid", "ms.topic", "ms.date", "ms.custom",
        "ms.contentlocale", "ms.translationtype", "ms.lasthandoff", "ms.locfileid", "ms.openlocfilehash",
        "ms.sourcegitcommit", "ms.service", "ms.prod", "ms.technology",
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
known key in another case (`Description`) is reported too. With `locale` set in the
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
        if key not in KNOWN_KEYS and key.lower() in KNOWN_KEYS:
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
