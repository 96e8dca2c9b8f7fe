"""Safe fixes, in Ruff's manner: what the English beside a translation determines without doubt.

A fix restores a token of the source that the target damaged, spelled as in the source, when
the damaged form maps to exactly one source token and the target has exactly as many damaged
forms as it lacks correct ones:

- `protected-term`: an identifier whose case, punctuation or spacing changed (`allusers` ->
  `ALLUSERS`, `Mergemod。h` -> `Mergemod.h`, `REG_ DWORD` -> `REG_DWORD`);
- `inline-code-mismatch`: a code span whose content differs from the source's only in case,
  spacing or full-width punctuation (`` `msiexec / i` `` -> `` `msiexec /i` ``);
- `link-mismatch`: a link target that differs from the source's only so;
- `version-decimal-comma`: a version given a decimal comma (`4,5` -> `4.5`);
- `copied-token`: a placeholder, path, GUID, URL, switch, call or property setting given
  spaces between its characters, full-width punctuation or another letter case (`[ 2 ]` ->
  `[2]`, `HTTPs： / /www.example.com` -> `https://www.example.com`, `33F 6` -> `33F6`).

A fix never touches prose (only the damaged token), markup or anything outside the target span;
`kbtools check --fix` applies them through `kbtools.page.edit`, which reads the page back.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from kbtools.check.finding import Finding, Fix, Replacement
from kbtools.check.registry import PageContext
from kbtools.check.sequence import ONE_OF, OPTIONAL, RUN, Element, Sequence, spelled_term
from kbtools.page.model import Page, Segment

FIXABLE_RULES = frozenset(
    {"protected-term", "inline-code-mismatch", "link-mismatch", "version-decimal-comma", "copied-token"}
)
# (start, end, new text) inside the target span's text, and what the fix says it restores.
LocalEdit = tuple[int, int, str]


def _plain_runs(text: str) -> Iterator[tuple[int, str]]:
    """The runs of a target text that are words, not markup: (offset, run)."""
    from kbtools.page.inline_codes import Code, split_runs

    offset = 0
    for run in split_runs(text):
        if isinstance(run, Code):
            offset += len(run.text)
            continue
        yield offset, run
        offset += len(run)


def _code_runs(text: str) -> Iterator[tuple[int, str]]:
    from kbtools.page.inline_codes import Code, split_runs

    offset = 0
    for run in split_runs(text):
        if isinstance(run, Code):
            yield offset, run.text
            offset += len(run.text)
        else:
            offset += len(run)


def _loose(text: str) -> str:
    """What survives of a token when case, white space and full-width forms are set aside."""
    return "".join(unicodedata.normalize("NFKC", text).replace("。", ".").lower().split())


# --- protected-term -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _variant(term: str) -> re.Pattern[str]:
    """The term in any case, with full-width punctuation and stray spaces, in a text whose third
    forms of punctuation are folded (`terms._THIRD_FORMS`)."""
    from kbtools.check.rules.terms import _PUNCTUATION_VARIANTS

    parts = []
    for char in term:
        if char in _PUNCTUATION_VARIANTS:
            parts.append(r"\s?" + _PUNCTUATION_VARIANTS[char] + r"\s?")
        else:
            parts.append(re.escape(char))
    return re.compile(r"(?<![\w])" + "".join(parts) + r"(?![\w])", re.I)


@lru_cache(maxsize=4096)
def _lowered_variant(term: str) -> Sequence:
    """`_variant(term)` of an ASCII term as it matches the text lower-cased, found without
    compiling the pattern (some 1.5 M instructions a term)."""
    from kbtools.check.rules.terms import _PUNCTUATION_FORMS

    return spelled_term(term.lower(), _PUNCTUATION_FORMS, _is_word_character)


def _variant_in(term: str, text: str) -> tuple[re.Pattern[str] | Sequence, str]:
    """`_variant(term)` and the text it is searched in, or a `Sequence` that matches what it
    matches and the text lower-cased: for an ASCII term, in a text without a letter that the
    case-blind pattern matches to an ASCII letter but `str.lower` does not lower to it
    (`terms._FOLDS_ELSEWHERE`), whose offsets lowering keeps."""
    from kbtools.check.rules.terms import _FOLDS_ELSEWHERE

    if term.isascii() and not _FOLDS_ELSEWHERE.search(text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return _lowered_variant(term), lowered
    return _variant(term), text


def _lowering_finds(term: str, text: str) -> bool:
    """Whether `_variant(term)` in the text is the term found in the text lower-cased: for an
    ASCII term without punctuation, in a text without a letter that the case-blind pattern
    matches to an ASCII letter but `str.lower` does not lower to it (`terms._FOLDS_ELSEWHERE`).
    Far cheaper than building the pattern."""
    from kbtools.check.rules.terms import _FOLDS_ELSEWHERE, _LITERAL_PIECES

    return term.isascii() and not _LITERAL_PIECES.search(term) and not _FOLDS_ELSEWHERE.search(text)


def _variant_spans(term: str, text: str) -> list[tuple[int, int]]:
    """Where `_variant(term)` matches in the text, left to right."""
    if not _lowering_finds(term, text):
        pattern, searched = _variant_in(term, text)
        return [match.span() for match in pattern.finditer(searched)]
    lowered, word = text.lower(), term.lower()
    spans = []
    at = lowered.find(word)
    while at != -1:
        end = at + len(word)
        if not (at and _is_word_character(text[at - 1])) and not (end < len(text) and _is_word_character(text[end])):
            spans.append((at, end))
            at = lowered.find(word, end)
        else:
            at = lowered.find(word, at + 1)
    return spans


def _is_word_character(char: str) -> bool:
    """What `\\w` matches in a pattern of text (not bytes)."""
    return char.isalnum() or char == "_"


def _is_variant(term: str, form: str) -> bool:
    """Whether `_variant(term)` matches the whole form."""
    if not _may_hold(term, form):
        return False
    if _lowering_finds(term, form):
        return form.lower() == term.lower()
    pattern, searched = _variant_in(term, form)
    return pattern.fullmatch(searched) is not None


def _may_hold(term: str, text: str) -> bool:
    """False when `_variant(term)` cannot match in the text: a piece of the (ASCII) term between
    its punctuation is not there in any case. Far cheaper than building the pattern."""
    from kbtools.check.rules.terms import _LITERAL_PIECES, in_any_case

    return not term.isascii() or all(in_any_case(piece, text) for piece in _LITERAL_PIECES.split(term) if piece)


def protected_term_fixes(segment: Segment, context: PageContext) -> Iterator[tuple[str, list[LocalEdit]]]:
    from kbtools.check.rules.terms import _CASELESS_LANGUAGES, _THIRD_FORMS, case_sensitive_words, protected_terms
    from kbtools.page.inline import visible_text

    assert segment.source is not None and segment.target is not None
    source_text, target_text = segment.source.text, segment.target.text
    terms = protected_terms(source_text)
    caseless = (context.page.locale or "").lower().startswith(_CASELESS_LANGUAGES)
    candidates = terms | case_sensitive_words(source_text, caseless)
    source_visible, target_visible = visible_text(source_text), visible_text(target_text)
    for term in sorted(candidates):
        needed = source_visible.count(term) - target_visible.count(term)
        if needed <= 0 or not _may_hold(term, target_text):
            continue
        found: list[LocalEdit] = []
        for offset, run in _plain_runs(target_text):
            for start, end in _variant_spans(term, run.translate(_THIRD_FORMS)):
                form = run[start:end]
                if form == term:
                    continue
                # The damaged form must map to this term alone.
                folded = form.translate(_THIRD_FORMS)
                if any(other != term and _is_variant(other, folded) for other in candidates):
                    found = []
                    break
                found.append((offset + start, offset + end, term))
        if len(found) == needed:
            yield f"'{term}'", found


# --- inline-code-mismatch and link-mismatch ----------------------------------------------------


def _one_for_one(source: Counter[str], target: Counter[str]) -> tuple[str, str] | None:
    """The one token the target lacks and the one it has instead, when they differ only loosely."""
    missing, extra = source - target, target - source
    if sum(missing.values()) != 1 or sum(extra.values()) != 1:
        return None
    (wanted,), (damaged,) = missing, extra
    return (wanted, damaged) if _loose(wanted) == _loose(damaged) and wanted != damaged else None


def inline_code_fixes(segment: Segment, context: PageContext) -> Iterator[tuple[str, list[LocalEdit]]]:
    assert segment.source is not None and segment.target is not None
    pair = _one_for_one(Counter(segment.source.inline.code), Counter(segment.target.inline.code))
    if pair is None:
        return
    wanted, damaged = pair
    spans = []
    for offset, code in _code_runs(segment.target.text):
        fence = len(code) - len(code.lstrip("`"))
        if not fence or not code.endswith("`" * fence):
            continue
        inner = code[fence:-fence]
        if (inner.strip() or inner) == damaged:
            spans.append((offset + fence, offset + len(code) - fence, wanted))
    if len(spans) == 1:
        yield f"`{wanted}`", spans


def link_fixes(segment: Segment, context: PageContext) -> Iterator[tuple[str, list[LocalEdit]]]:
    assert segment.source is not None and segment.target is not None
    source = Counter(link.target.strip() for link in segment.source.inline.links)
    target = Counter(link.target.strip() for link in segment.target.inline.links)
    pair = _one_for_one(source, target)
    if pair is None:
        return
    wanted, damaged = pair
    spans = []
    for offset, code in _code_runs(segment.target.text):
        if code.startswith("](") and code.count(damaged) == 1:
            at = code.index(damaged)
            spans.append((offset + at, offset + at + len(damaged), wanted))
    if len(spans) == 1:
        yield f"'{wanted}'", spans


# --- version-decimal-comma ---------------------------------------------------------------------


def version_fixes(segment: Segment, context: PageContext) -> Iterator[tuple[str, list[LocalEdit]]]:
    from kbtools.check.rules.numbers import _language, _missing, _texts

    texts = _texts(segment)
    if texts is None:
        return
    _, versions = _missing(*texts, _language(context))
    assert segment.target is not None
    for shown, comma in dict.fromkeys(versions):
        if comma in texts[0]:
            continue  # the source itself writes the comma form somewhere
        pattern = re.compile(r"(?<![0-9.,])" + re.escape(comma) + r"(?![0-9]|[.,][0-9])")
        spans = [
            (offset + m.start(), offset + m.end(), shown)
            for offset, run in _plain_runs(segment.target.text)
            for m in pattern.finditer(run)
        ]
        if len(spans) == versions.count((shown, comma)):
            yield f"'{shown}'", spans


# --- copied-token ------------------------------------------------------------------------------

# White space a translation inserts inside a token (not a line break: a span is one line).
_INSERTED_SPACE = "[ \t\u00a0\u3000]*"
_INSERTED_SPACE_CHARACTERS = frozenset(" \t\u00a0\u3000")
_ASCII_WORD = "0-9A-Za-z_"
# A class that mixes ASCII and full-width characters (`[AaＡａ]`, the white space above) compiles
# to a 64K-entry table, once per character of a token: more than the check of a page costs. For
# a token of printable ASCII the damaged forms are searched in the text folded instead, letter
# case, `。` and the inserted white space taken out (offsets kept), by classes of two characters.
_FOLDED = str.maketrans(
    {chr(code): chr(code + 32) for code in [*range(ord("A"), ord("Z") + 1), *range(ord("Ａ"), ord("Ｚ") + 1)]}
    | {"。": "．", "\t": " ", "\u00a0": " ", "\u3000": " "}
)


def _forms(char: str) -> set[str]:
    """The characters a translation writes for `char`: either case, the full-width form."""
    forms = {char, char.lower(), char.upper()}
    forms |= {chr(ord(c) + 0xFEE0) for c in list(forms) if "!" <= c <= "~"}
    if char == ".":
        forms.add("。")
    return forms


@lru_cache(maxsize=4096)
def _token_pattern(token: str, damaged: bool, folded: bool = False) -> re.Pattern[str]:
    """The token as it stands in raw Markdown (a backslash may escape its punctuation); with
    `damaged`, also with white space between its characters, full-width forms and any case
    (with `folded`, as they stand in the text folded by `_FOLDED`)."""
    parts = []
    for char in token:
        forms = ({form.translate(_FOLDED) for form in _forms(char)} if folded else _forms(char)) if damaged else {char}
        piece = "[" + "".join(re.escape(form) for form in sorted(forms)) + "]"
        parts.append(piece if char.isalnum() else r"\\?" + piece)
    body = ((" *" if folded else _INSERTED_SPACE) if damaged else "").join(parts)
    lead = f"(?<![{_ASCII_WORD}])" if re.match(r"\w", token[0], re.A) else ""
    trail = f"(?![{_ASCII_WORD}])" if re.match(r"\w", token[-1], re.A) else ""
    return re.compile(lead + body + trail)


@lru_cache(maxsize=4096)
def _token_sequence(token: str, damaged: bool, folded: bool = False) -> Sequence:
    """What `_token_pattern(token, damaged, folded)` matches, found without compiling the
    pattern (0.6 M to 3.4 M instructions a token)."""
    elements: list[Element] = []
    for index, char in enumerate(token):
        forms = ({form.translate(_FOLDED) for form in _forms(char)} if folded else _forms(char)) if damaged else {char}
        if index and damaged:
            elements.append((RUN, frozenset(" ") if folded else _INSERTED_SPACE_CHARACTERS))
        if not char.isalnum():
            elements.append((OPTIONAL, "\\".__eq__))
        elements.append((ONE_OF, frozenset("".join(forms))))
    guard = _ASCII_WORD_CHARACTERS.__contains__
    return Sequence(
        elements,
        guard if token[0] in _ASCII_WORD_CHARACTERS else None,
        guard if token[-1] in _ASCII_WORD_CHARACTERS else None,
    )


# A damaged form of a token of printable ASCII, less case, white space, backslashes and
# full-width forms, is the token so reduced: a text without that builds no pattern.
_LOOSE = str.maketrans(
    {chr(code): chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)}
    | {chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)}
    | {"。": ".", " ": None, "\t": None, "\u00a0": None, "\u3000": None, "\\": None, "＼": None}
)


class _DamagedToken:
    """Where a token stands damaged in a text, and whether a form is one of its damaged forms."""

    def __init__(self, token: str) -> None:
        self.token = token
        # Folding is exact for printable ASCII: each form folds to a form, nothing else does.
        self.folds = token.isascii() and token.isprintable() and " " not in token
        self.loose = token.translate(_LOOSE) if self.folds else None

    @property
    def pattern(self) -> Sequence:
        return _token_sequence(self.token, damaged=True, folded=self.folds)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.folds:
            return self.pattern.finditer(text)
        if self.loose not in text.translate(_LOOSE):
            return iter(())
        return self.pattern.finditer(text.translate(_FOLDED))

    def fullmatch(self, form: str) -> bool:
        if not self.folds:
            return self.pattern.fullmatch(form) is not None
        return form.translate(_LOOSE) == self.loose and self.pattern.fullmatch(form.translate(_FOLDED)) is not None


_ASCII_WORD_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


def _spellings(token: str, raw: str) -> set[str]:
    """How a raw Markdown text spells the token (`_token_pattern(token, damaged=False)`'s
    matches). A text without a backslash escapes nothing: it spells the token as it is, where
    the token stands apart from ASCII word characters, and no pattern need be built."""
    if "\\" in raw:
        return {m.group(0) for m in _token_sequence(token, damaged=False).finditer(raw)}
    lead, trail = token[0] in _ASCII_WORD_CHARACTERS, token[-1] in _ASCII_WORD_CHARACTERS
    at = raw.find(token)
    while at != -1:
        end = at + len(token)
        if not (lead and at and raw[at - 1] in _ASCII_WORD_CHARACTERS) and not (
            trail and end < len(raw) and raw[end] in _ASCII_WORD_CHARACTERS
        ):
            return {token}
        at = raw.find(token, at + 1)
    return set()


def _unescaped(raw: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", raw)


def _markup_ranges(text: str) -> list[tuple[int, int]]:
    """Where the target's markup is (code spans, link targets, tags, entities, `**`): a fix of
    a token never reaches into it. A link's opening `[` is not markup here: placeholders use it."""
    from kbtools.page.inline_codes import Code, split_runs

    ranges, offset = [], 0
    for run in split_runs(text):
        length = len(run.text) if isinstance(run, Code) else len(run)
        if isinstance(run, Code) and run.text not in ("[", "!["):
            ranges.append((offset, offset + length))
        offset += length
    return ranges


def _alphabetic(char: str) -> bool:
    """A letter or digit of a script that separates words with spaces (not Chinese or Japanese)."""
    return char.isalnum() and ord(char) < 0x2E80


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the token at text[start:end] touches a word: `installazione% i` would become
    `installazione%i`, the space moved rather than removed; which side it belongs on is a guess."""
    return (start > 0 and _alphabetic(text[start - 1])) or (end < len(text) and _alphabetic(text[end]))


def copied_token_fixes(segment: Segment, context: PageContext) -> Iterator[tuple[str, list[LocalEdit]]]:
    from kbtools.check.rules.tokens import compared_text, copied_tokens, reported_tokens

    assert segment.source is not None and segment.target is not None
    source_raw, target_raw = segment.source.text, segment.target.text
    tokens = reported_tokens(copied_tokens(source_raw))
    if not tokens:
        return
    source_visible, target_visible = compared_text(source_raw), compared_text(target_raw)
    damaged_patterns = {token: _DamagedToken(token) for token in tokens}
    markup = _markup_ranges(target_raw)
    for token in tokens:
        if token in target_visible:
            continue
        # The replacement is the source's own spelling of the token (its escapes kept), when
        # the source spells it one way only.
        spellings = _spellings(token, source_raw)
        if len(spellings) != 1:
            continue
        (spelling,) = spellings
        needed = source_visible.count(token)
        found: list[LocalEdit] = []
        for match in damaged_patterns[token].finditer(target_raw):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in markup) or _glued(target_raw, start, end):
                found = []
                break
            form = _unescaped(target_raw[start:end])
            # The damaged form must map to this token alone.
            if any(other != token and pattern.fullmatch(form) for other, pattern in damaged_patterns.items()):
                found = []
                break
            found.append((start, end, spelling))
        if found and len(found) == needed:
            yield f"'{token}'", found


FIXERS: dict[str, Callable[[Segment, PageContext], Iterator[tuple[str, list[LocalEdit]]]]] = {
    "protected-term": protected_term_fixes,
    "inline-code-mismatch": inline_code_fixes,
    "link-mismatch": link_fixes,
    "version-decimal-comma": version_fixes,
    "copied-token": copied_token_fixes,
}


def _matches(finding: Finding, key: str) -> bool:
    """Which finding of its rule a fix repairs: the one that names the token."""
    if finding.rule in ("inline-code-mismatch", "link-mismatch"):
        return True
    if finding.rule == "version-decimal-comma":
        return finding.message.startswith(f"version {key} ")
    if finding.rule == "copied-token":
        return f" {key} is not copied exactly" in finding.message
    return finding.message.startswith(f"{key} ")


def _fix(page: Page, segment: Segment, key: str, edits: list[LocalEdit]) -> Fix:
    assert segment.target is not None
    base = segment.target.start
    replacements = []
    for start, end, text in sorted(edits):
        line, column = page.position(base + start)
        end_line, end_column = page.position(base + end)
        replacements.append(Replacement(base + start, base + end, text, line, column, end_line, end_column))
    old = segment.target.text[edits[0][0] : edits[0][1]]
    return Fix(f"restore {key} as the source spells it (was '{old}')", tuple(replacements))


def attach_fixes(page: Page, context: PageContext, findings: list[Finding]) -> list[Finding]:
    """The findings, those with a safe fix carrying it."""
    segments = {s.id: s for s in page.segments if s.paired}
    # A segment with several findings of one rule asks its fixer once.
    offered: dict[tuple[str, str], list[tuple[str, list[LocalEdit]]]] = {}
    result = []
    for finding in findings:
        fixer = FIXERS.get(finding.rule)
        segment = segments.get(finding.segment) if finding.segment is not None else None
        if fixer is None or segment is None:
            result.append(finding)
            continue
        fixes = offered.get((finding.rule, segment.id))
        if fixes is None:
            fixes = offered[finding.rule, segment.id] = list(fixer(segment, context))
        fix = None
        for key, edits in fixes:
            if _matches(finding, key):
                fix = _fix(page, segment, key, edits)
                break
        result.append(replace(finding, fix=fix) if fix is not None else finding)
    return result


# --- applying ---------------------------------------------------------------------------------


class FixOutcome:
    """What fixing one page did: its bytes before and after, fixed and remaining counts."""

    def __init__(self, path, display: str, before: bytes) -> None:
        self.path = path
        self.display = display
        self.before = before
        self.after = before
        self.fixed = 0
        self.remaining = 0
        self.refused: list[str] = []  # one line each: a fix not applied, and why

    @property
    def changed(self) -> bool:
        return self.after != self.before


def _key(finding: Finding) -> tuple:
    return (finding.rule, finding.segment, finding.message)


def _texts(page: Page, fixes: list[Finding]) -> dict[str, str]:
    """New target texts per segment, the replacements of several fixes merged (overlaps dropped)."""
    by_segment: dict[str, list[Replacement]] = {}
    for finding in fixes:
        assert finding.fix is not None and finding.segment is not None
        by_segment.setdefault(finding.segment, []).extend(finding.fix.replacements)
    texts = {}
    for segment_id, replacements in by_segment.items():
        segment = page.segment_by_id(segment_id)
        assert segment is not None and segment.target is not None
        text, base = segment.target.text, segment.target.start
        pieces, cursor = [], 0
        for item in sorted(replacements, key=lambda r: (r.start, r.end)):
            if item.start - base < cursor:
                continue  # overlaps a replacement already taken
            pieces.append(text[cursor : item.start - base])
            pieces.append(item.text)
            cursor = item.end - base
        pieces.append(text[cursor:])
        texts[segment_id] = "".join(pieces)
    return texts


# Fixes of one segment can overlap (`Property = Value`: two identifiers inside a property
# setting); the overlapped one is applied in a further pass over the fixed page.
MAX_PASSES = 3


def fix_page(path, display: str, check: Callable[[Page], list[Finding]]) -> FixOutcome:
    """Apply every safe fix of one page in memory: `after` holds the bytes to write.

    The fixed page is read and checked again: a fix that would leave the page unreadable, or
    add a finding the page did not have, is not applied (the others still are). What the
    fixed page still offers is applied in a further pass, up to `MAX_PASSES`.
    """
    from kbtools.page.edit import EditRefused, replace_targets
    from kbtools.page.reader import parse_bytes

    data = path.read_bytes()
    outcome = FixOutcome(path, display, data)
    page = parse_bytes(data, path)
    findings = check(page)
    outcome.remaining = len(findings)
    original_keys = Counter(_key(f) for f in findings)
    refused_keys: set[tuple] = set()
    why: list[str] = []

    def attempt(chosen: list[Finding]) -> tuple[bytes, list[Finding]] | None:
        try:
            after = replace_targets(data, page, _texts(page, chosen))
        except EditRefused as error:
            why[:] = [str(error)]
            return None
        now = check(parse_bytes(after, path))
        added = Counter(_key(f) for f in now) - original_keys
        if added:
            rule, _, message = next(iter(added))
            why[:] = [f"it would add {rule}: {message}"]
            return None
        return after, now

    for _ in range(MAX_PASSES):
        fixes = [f for f in findings if f.fix is not None and _key(f) not in refused_keys]
        if not fixes:
            break
        result = attempt(fixes)
        if result is None:  # apply them one at a time, keeping those that are safe alone
            kept: list[Finding] = []
            for finding in fixes:
                if attempt([*kept, finding]) is not None:
                    kept.append(finding)
                else:
                    refused_keys.add(_key(finding))
                    reason = why[0] if why else "the page would not read back"
                    outcome.refused.append(f"{display}:{finding.line}:{finding.column}: {finding.rule}: {reason}")
            result = attempt(kept) if kept else None
        if result is None or len(result[1]) >= len(findings):
            break
        data, findings = result
        page = parse_bytes(data, path)
        outcome.after = data
    outcome.fixed = outcome.remaining - len(findings)
    outcome.remaining = len(findings)
    return outcome


class FixRun:
    """Every page's outcome of `kbtools check --fix` or `--diff`."""

    def __init__(self) -> None:
        self.outcomes: list[FixOutcome] = []
        self.errors: list[str] = []

    @property
    def fixed(self) -> int:
        return sum(o.fixed for o in self.outcomes)

    @property
    def pages(self) -> int:
        return sum(1 for o in self.outcomes if o.changed)


def _fix_one(path, display: str, ignored: frozenset[str], settings) -> FixOutcome | str:
    """One page's outcome in memory, or why it could not be read."""
    from kbtools.check.engine import check_page

    def check(page: Page) -> list[Finding]:
        return [f for f in check_page(page, settings, display) if f.rule not in ignored]

    try:
        return fix_page(path, display, check)
    except OSError as error:
        return f"{display}: cannot read: {(error.strerror or str(error)).lower()}"


def _fix_chunk(args: tuple[list[tuple[str, str, frozenset[str]]], object]) -> list[FixOutcome | str]:
    from pathlib import Path

    items, settings = args
    return [_fix_one(Path(path), display, ignored, settings) for path, display, ignored in items]


def run_fixes(files, settings, ignored_rules: Callable, *, write: bool, jobs: int | None = None) -> FixRun:
    """Fix the pages (`write`: in place, atomically; else only in memory, for a diff).

    Pages are fixed in memory by the check's workers when there are many; this process alone
    writes, one page at a time and in order, each only if it is still what the worker read.
    """
    from pathlib import Path

    from kbtools.check.engine import _display, map_in_workers, workers_for
    from kbtools.page.writing import WriteRefused, write_atomically

    run = FixRun()
    base = Path.cwd().resolve()
    files = list(files)
    items = [(str(path), _display(path, base), frozenset(ignored_rules(path))) for path in files]
    workers = workers_for(len(items), jobs)
    if workers == 1:
        outcomes = (_fix_one(Path(path), display, ignored, settings) for path, display, ignored in items)
    else:
        outcomes = map_in_workers(_fix_chunk, items, settings, workers)
    for path, outcome in zip(files, outcomes, strict=True):
        if isinstance(outcome, str):
            run.errors.append(outcome)
            continue
        outcome.path = path  # the caller's path, as given
        run.outcomes.append(outcome)
        if write and outcome.changed:
            try:
                if path.read_bytes() != outcome.before:
                    raise WriteRefused(f"{outcome.display}: changed on disk while being fixed; not written")
                write_atomically(path, outcome.after, replace_input=True)
            except (OSError, WriteRefused) as error:
                run.errors.append(str(error))
                outcome.after = outcome.before
                outcome.fixed = 0
    return run
