"""Hand-written side-by-side pages for edge cases: a source sentence and its translation per span."""

from __future__ import annotations

from pathlib import Path


def seg(segment_id: str, target: str, source: str) -> str:
    """One sxs segment: the translation, then the English source in its lookup wrapper."""
    return (
        f'<span data-ttu-id="{segment_id}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{segment_id}">{source}</span></span>'
    )


def front_matter(locale: str, title: str, description: str) -> str:
    return (
        "---\n"
        f"description: {description}\n"
        "ms.assetid: 00000000-1111-2222-3333-444444444444\n"
        f"title: {title}\n"
        "ms.date: 05/31/2018\n"
        "ms.translationtype: MT\n"
        f"ms.contentlocale: {locale}\n"
        "ms.lasthandoff: 03/22/2021\n"
        "---\n"
    )


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path
