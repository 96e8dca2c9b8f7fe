"""Small hand-written side-by-side pages for edge cases."""

from __future__ import annotations

FRONT_MATTER = """---
title: 測試頁面
ms.contentlocale: zh-TW
---
"""


def segment(ident: str, target: str, source: str) -> str:
    """One side-by-side pair, as the corpus writes it."""
    return (
        f'<span data-ttu-id="{ident}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{ident}">{source}</span></span>'
    )


def page(*segments: str, front_matter: str = FRONT_MATTER) -> str:
    return front_matter + "\n" + "\n\n".join(segments) + "\n"


CLEAN_PAGE = page(
    "# " + segment("1-1", "測試頁面", "Test page"),
    segment("1-2", "請參閱 [另一頁](other.md)。", "See [the other page](other.md)."),
)
# One error (the property name's case changed) and one warning (a number dropped).
DEFECT = segment("1-3", "設定 **allusers** 屬性。", "Set the **ALLUSERS** property.")
WARNING = segment("1-4", "等待幾秒。", "Wait 30 seconds.")
