"""A word-level diff between the English a translation was made from and the English now.

Translators read a changed source word by word (Weblate's "source change" view), not letter by
letter. Words are compared by their letters and digits, so punctuation around a word does not make
it differ; an unchanged word is shown as the English says it now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from kbtools.freshness.words import LINK_TARGET_END, LINK_TARGET_MARK

DiffOp = Literal["equal", "delete", "insert"]
_WORD_CHARS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DiffPart:
    """A run of words: kept, only in the old English (`delete`) or only in the new (`insert`)."""

    op: DiffOp
    text: str

    def to_json(self) -> dict:
        return {"op": self.op, "text": self.text}


def _key(word: str) -> str:
    if word.startswith(LINK_TARGET_MARK):
        return word.partition(LINK_TARGET_END)[0]
    letters = "".join(_WORD_CHARS.findall(word))
    return letters or word


def _shown(word: str) -> str:
    if not word.startswith(LINK_TARGET_MARK):
        return word
    target, _, after = word[1:].partition(LINK_TARGET_END)
    return f"({target}){after}"


def _without_targets(words: list[str]) -> list[str]:
    """Kept words with the link targets left out, the punctuation after one kept."""
    kept: list[str] = []
    for word in words:
        if not word.startswith(LINK_TARGET_MARK):
            kept.append(word)
            continue
        after = word.partition(LINK_TARGET_END)[2]
        if after and kept:
            kept[-1] += after
        elif after:
            kept.append(after)
    return kept


def _tokens(text: str) -> list[str]:
    """The words of a text, punctuation that stands alone joined to the word before it (or after
    it, at the start): a reader compares words, and `", where` is the word `where`."""
    tokens: list[str] = []
    pending = ""
    for word in text.split():
        if word.startswith(LINK_TARGET_MARK) or _WORD_CHARS.search(word):
            tokens.append(pending + word if pending else word)
            pending = ""
        elif tokens:
            tokens[-1] += " " + word
        else:
            pending += word + " "
    if pending:
        tokens.append(pending.rstrip())
    return tokens


def word_diff(old: str, new: str) -> list[DiffPart]:
    """The changes from `old` to `new` (plain one-line texts), as runs of whole words.

    A word that starts with `LINK_TARGET_MARK` is a link target (`display_text(...,
    with_targets=True)`): a reader does not see it, so it is shown, in parentheses, only where
    it changed.
    """
    old_words, new_words = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, [_key(w) for w in old_words], [_key(w) for w in new_words], autojunk=False)
    parts: list[DiffPart] = []

    def add(op: DiffOp, words: list[str]) -> None:
        words = _without_targets(words) if op == "equal" else [_shown(word) for word in words]
        if op == "equal" and words and parts and not _WORD_CHARS.search(words[0]):
            # The punctuation after a link target that closes a change ends that change's text.
            parts[-1] = DiffPart(parts[-1].op, parts[-1].text + words.pop(0))
        if not words:
            return
        if parts and parts[-1].op == op:
            parts[-1] = DiffPart(op, parts[-1].text + " " + " ".join(words))
        else:
            parts.append(DiffPart(op, " ".join(words)))

    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", new_words[b1:b2])
        else:
            add("delete", old_words[a1:a2])
            add("insert", new_words[b1:b2])
    return parts


def render_diff(parts: list[DiffPart], context: int | None = None) -> str:
    """`wdiff` notation: `[-removed words-]{+added words+}`, kept words as they are.

    With `context`, a run of kept words longer than that keeps only `context` words next to
    each change, the rest shown as `...`.
    """
    out = []
    for index, part in enumerate(parts):
        if part.op == "delete":
            out.append(f"[-{part.text}-]")
        elif part.op == "insert":
            out.append(f"{{+{part.text}+}}")
        elif context is None:
            out.append(part.text)
        else:
            out.append(_trim(part.text.split(), context, index > 0, index < len(parts) - 1))
    return " ".join(piece for piece in out if piece)


def _trim(words: list[str], context: int, after_change: bool, before_change: bool) -> str:
    keep_head = context if after_change else 0
    keep_tail = context if before_change else 0
    if len(words) <= keep_head + keep_tail + 1:
        return " ".join(words)
    head = words[:keep_head]
    tail = words[len(words) - keep_tail :] if keep_tail else []
    return " ".join([*head, "...", *tail])
