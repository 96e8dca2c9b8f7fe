"""Pairing translated pages with current English pages by their path.

A page found under a directory given on the command line (`kbtools check DIR --english EN_DIR`)
has its English page at the same path under EN_DIR, or at that path without a first folder named
after the page's locale (`translations/zh-TW/x.md` checked as `translations/` pairs with
`EN_DIR/x.md`: translations are often filed by locale, the English is not). A file given by
itself (the pre-commit case) is looked up by the longest tail of its path that exists under EN_DIR.

A translated page is orphaned when its English page does not exist but the English folder it
would be in does: when a whole folder is missing from EN_DIR, the English tree is partial and
nothing is said.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kbtools.freshness.compare import compare_page
from kbtools.freshness.english import read_english
from kbtools.freshness.model import PageFreshness
from kbtools.page.model import Page


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Where a translated page's English page is, or would be if it still existed."""

    path: Path
    exists: bool


@dataclass(frozen=True)
class EnglishTree:
    """The current English pages (`root`), and the directories translated pages are named from."""

    root: Path
    bases: tuple[Path, ...] = ()

    @classmethod
    def for_paths(cls, root: Path, paths: list[str | Path]) -> EnglishTree:
        """The tree for the paths of a `kbtools check` run: its directories become bases."""
        bases = tuple(Path(os.path.abspath(p)) for p in paths if Path(p).is_dir())
        return cls(Path(os.path.abspath(root)), bases)

    def counterpart(self, path: Path, locale: str | None = None) -> Counterpart | None:
        """The English page of a translated page (of `locale`); None when the English tree has no
        folder for it."""
        absolute = Path(os.path.abspath(path))
        for base in sorted(self.bases, key=lambda b: len(b.parts), reverse=True):
            if absolute.is_relative_to(base):
                relative = absolute.relative_to(base)
                candidates = [self.root / relative]
                if locale and len(relative.parts) > 1 and relative.parts[0].lower() == locale.lower():
                    candidates.append(self.root.joinpath(*relative.parts[1:]))
                for candidate in candidates:
                    if candidate.is_file():
                        return Counterpart(candidate, True)
                for candidate in candidates:
                    if candidate.parent.is_dir():
                        return Counterpart(candidate, False)
                return None
        parts = absolute.parts[1:]
        candidates = [self.root.joinpath(*parts[index:]) for index in range(len(parts))]
        for candidate in candidates:
            if candidate.is_file():
                return Counterpart(candidate, True)
        for candidate in candidates:
            if candidate.parent.is_dir() and candidate.parent.is_relative_to(self.root):
                return Counterpart(candidate, False)
        return None


_last: tuple[Page, EnglishTree, PageFreshness | None] | None = None


def page_freshness(page: Page, tree: EnglishTree) -> PageFreshness | None:
    """Compare a translated page with its English page; None when it has none or is not sxs.

    The three freshness rules ask in turn about the same page: the last answer is kept.
    """
    global _last
    if _last is not None and _last[0] is page and _last[1] == tree:
        return _last[2]
    result = None
    if page.text is not None and any(s.paired for s in page.segments):
        counterpart = tree.counterpart(page.path, page.locale)
        if counterpart is not None and counterpart.exists:
            result = compare_page(page, read_english(counterpart.path, tree.root))
    _last = (page, tree, result)
    return result
