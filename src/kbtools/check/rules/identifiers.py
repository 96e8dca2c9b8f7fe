"""Names that no translation may touch, found by their shape (dotted, joined, camel case) and by
where they stand (the word that names a database table or column)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from kbtools.check.registry import Hit, PageContext, page_rule, segment_rule
from kbtools.check.rules.terms import altered_forms, in_any_case, protected_terms
from kbtools.check.sequence import find_word
from kbtools.page.cells import COLUMN_HEADING, captioned_by_a_table, cell_columns
from kbtools.page.inline import visible_prose, visible_text
from kbtools.page.model import Segment

# One name and nothing else (a table cell, a link text), less its emphasis and escapes.
_CELL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_CELL_MARKUP = re.compile(r"[*`]|\\(?=_)")
# A name by its shape: parts joined by '.', '::' or '_' (`Playlist.item`, `TextureCube::GatherCmpGreen`,
# `hs_fork_phase`, `Component_`), or one word in camel case (`AdvtExecuteSequence`, `dwContext`).
# Both start with the name's first letter, then look behind it (not after a word character, a dot,
# a slash, ...): a pattern that starts with a look-behind is tried at every character, one that
# starts with a class only at its characters. The branches after that letter are the shapes'.
_JOINED_NAME = re.compile(
    r"[A-Za-z](?<![\w.:\\/#%@-].)(?:[A-Za-z0-9]*(?:(?:\.|::)[A-Za-z_][A-Za-z0-9_]*)+|[A-Za-z0-9]*(?:_[A-Za-z0-9]+)+_?|(?<=[A-Z])[A-Za-z0-9]*_)(?![\w:\\/@-]|\.\w)"
)
# Letters, then a small letter before a capital: the first letter is one of the leading letters,
# or the small letter itself.
_CAMEL_NAME = re.compile(
    r"[A-Za-z](?<![\w.:\\/#%@-].)(?:[A-Za-z]*[a-z][A-Z]|(?<=[a-z])[A-Z])[A-Za-z0-9]*(?![\w:\\/@-]|\.\w)"
)
# What each shape cannot match without, found by a cheap scan: a joined name holds '_' or a
# letter right after '.' or ':'; a camel-case name a small letter before a capital.
_JOINT = re.compile(r"[.:][A-Za-z_]")
# Led by the capital, the rarer letter: the search stops at capitals only, not at every small letter.
_INNER_CAPITAL = re.compile(r"[A-Z](?<=[a-z].)")
# A sentence run into the next without a space (`... in full-screen mode.You must`, `the
# query.Seek cannot`): a lower-case word, its full stop, then a capitalised word and a space. Not a
# member (`Player.controls`, `Dependency.Version property`, `Texture1D::mips.Operator`), whose
# object is a name.
RUN_IN_SENTENCE = re.compile(r"([a-z](?<![\w.:].)[a-z]*)\.(?=[A-Z][a-z]+\s)")
# `e.g`, `i.e`: abbreviations, not names.
_ABBREVIATION = re.compile(r"\A(?:[A-Za-z]\.)+[A-Za-z]?\Z")
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]{4,}")
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ь": "", "ю": "yu", "я": "ya",
    }
)  # fmt: skip
# Spelling of English letters that a transliteration changes, so both sides are compared alike.
_LATIN_SOUNDS = [("ph", "f"), ("c", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("j", "dzh"), ("h", "kh"), ("y", "i")]


def _romanized(word: str) -> str:
    text = word.lower().translate(_CYRILLIC_TO_LATIN)
    for old, new in _LATIN_SOUNDS:
        text = text.replace(old, new)
    return text


def _transliteration(name: str, target: str) -> str | None:
    """A word of the target in Cyrillic letters that spells the name (`мсиуилевелхидеканцел`)."""
    wanted = _romanized(re.sub(r"[^A-Za-z]", "", name))
    if len(wanted) < 5:
        return None
    best, best_ratio = None, 0.0
    for word in _CYRILLIC_WORD.findall(target):
        ratio = SequenceMatcher(None, wanted, _romanized(word), autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = word, ratio
    return best if best_ratio >= 0.6 else None


@lru_cache(maxsize=4096)  # asked by two rules per segment; frozen, since it is shared
def shaped_names(source_text: str) -> frozenset[str]:
    """The names of a source text known by their shape: joined parts or camel case."""
    text = visible_prose(source_text)
    names = set()
    if "_" in text or _JOINT.search(text):
        if "." in text:
            text = RUN_IN_SENTENCE.sub(r"\1. ", text)
        names.update(name for name in _JOINED_NAME.findall(text) if not _ABBREVIATION.match(name))
    if _INNER_CAPITAL.search(text):
        names.update(_CAMEL_NAME.findall(text))
    return frozenset(name.rstrip(".") if "." in name else name for name in names)


# A term of a list of columns or parameters: anchors named after it, then it alone
# (`<span id="Field"></span><span id="field"></span>Field`, `<span id="x"></span>*x*`).
_ANCHORED_NAME = re.compile(
    r'(?:<span id="[^"<>]*"></span>)+\s*(?P<mark>\*{0,2})(?P<word>[A-Za-z_][A-Za-z0-9_]*)(?P=mark)\s*'
)
_ANCHOR_ID = re.compile(r'<span id="([^"<>]*)"></span>')
# A segment that is one capitalised word in italics and nothing else, as the term of a list
# (`<dt>*Product*`, over the text that describes the parameter): the parameter's name. In a
# table cell such a word may be a value translated rightly (`*Default*` -> `*Par défaut*`).
_LONE_ITALIC_NAME = re.compile(r"\s*(?<!\*)\*(?P<word>[A-Z][A-Za-z0-9_]*)\*(?!\*)\s*")

# Pages named after what they describe: `installer-object.md` for `[Installer](installer-object.md)`.
REFERENCE_PAGE_KINDS = (
    "method", "property", "function", "object", "table", "action", "control", "controlevent", "event",
    "structure", "interface", "enumeration", "element", "attribute", "class", "macro", "constant",
    "members", "data-type", "field", "column", "dialog", "summary",
)  # fmt: skip
_REFERENCE_PAGE_KIND_SET = frozenset(REFERENCE_PAGE_KINDS)


def positioned_names(segment: Segment) -> set[str]:
    """Names of the source known by where they stand: the one word of a link to the reference
    page of that name."""
    source = segment.source
    assert source is not None
    names: set[str] = set()
    if "](" in source.text or "href" in source.text:
        for link in source.inline.links:
            text = _CELL_MARKUP.sub("", link.text).strip()
            if not _CELL_NAME.fullmatch(text) or text.islower() or link.target.startswith("#"):
                continue
            url = link.target.split("#")[0].split("?")[0].lower().rstrip("/")
            stem = url.rsplit("/", 1)[-1].removesuffix(".md")
            word = text.lower()
            slug = word.replace(".", "-")
            if (
                ("/api/" in url and stem.endswith(word))
                or (stem.startswith(slug + "-") and stem[len(slug) + 1 :] in _REFERENCE_PAGE_KIND_SET)
                # In bold, as the pages write a name, a link to the page named after the word
                # (`[**Preselected**](preselected.md)`): the name of what that page describes.
                or (stem == slug and link.text.startswith("**") and link.text.endswith("**") and "/" not in url)
            ):
                names.add(text)
    return names


@segment_rule(
    "translated-identifier",
    family="terms",
    severity="error",
    summary="A name of the source (dotted, joined, camel case, an italic parameter, a link to its reference page) translated, transliterated or split in the target.",
    explanation="""
A word shaped like a name is one: `Playlist.item`, `TextureCube::GatherCmpGreen`, `hs_fork_phase`,
`Component_` and `AdvtExecuteSequence` are what a reader types into code, a table or a search box.
Machine translation translates their parts (`播放清單。專案`), inserts spaces (`hs \\_ 分叉 \\_ 階段`)
or spells them in another script (`Адвтексекутесекуенце`). A word is a name by where it stands,
too: the one word of a link to the reference page of that name (`[Installer](installer-object.md)`, a link into `/api/`,
or in bold, as the pages write a name, to the page named after it: `[**Preselected**](preselected.md)`) is the
name of what that page describes, and the one word after anchors named for it (the term of a list
of columns or parameters, `<span id="field"></span>Field`, `<span id="x"></span>*x*`) is the name
of the column or parameter, letter case included, and so is one capitalised word in italics that
fills a segment alone as the term of a definition list (`<dt>*Product*`, a list of parameters). The rule reports each such name of the source (outside code
spans, which `inline-code-mismatch` compares) that the target does not contain as it is: altered in
punctuation or spacing, spelled in Cyrillic letters, or missing altogether.
Names that `protected-term` already watches (bold or code identifiers, file names, capitals) and
changes of letter case only are left to it.
""",
    example="""
source: The PublishFeatures action writes each feature's state into the system registry.
target: Действие Публишфеатурес записывает состояние каждого компонента в системный реестр.
""",
)
def translated_identifier(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source_text = segment.source.text
    if source_text.startswith("<span id="):
        anchored = _ANCHORED_NAME.fullmatch(source_text)
        # A word in lower case (`x`) may be a parameter or a word: only a capitalised one is read.
        if (
            anchored
            and not anchored["word"].islower()
            and anchored["word"].lower() in {i.lower() for i in _ANCHOR_ID.findall(source_text)}
        ):
            word = anchored["word"]
            target = visible_text(segment.target.text)
            if word in target and find_word(word, target):
                return None
            recased = in_any_case(word, target) and find_word(word, target, ignore_case=True)
            if recased:
                return [f"'{word}' appears as '{recased.group()}' in the target"]
            return [f"'{word}', the name its anchors give, is missing from the target (translated)"]
    if source_text[:1] == "*" or source_text[:1].isspace():
        lone = _LONE_ITALIC_NAME.fullmatch(source_text)
        # A word shaped like a name (`PatchPackage`) is read below as any such word is.
        if lone and _is_list_term(segment, context) and lone["word"] not in shaped_names(source_text):
            word = lone["word"]
            target = visible_text(segment.target.text)
            if find_word(word, target, ignore_case=True):
                return None  # kept, or only its case changed: `changed-case` reads that
            spelled = _transliteration(word, target)
            if spelled:
                return [f"'{word}', a parameter's name, is transliterated as '{spelled}' in the target"]
            return [f"'{word}', a parameter's name, is missing from the target (translated)"]
    shaped = shaped_names(source_text)
    positioned = positioned_names(segment) - shaped
    if positioned:
        positioned -= table_names(source_text)  # `translated-table-name` reports those
    names = shaped | positioned
    if not names:
        return None
    target = visible_prose(segment.target.text)
    lowered = target.lower()
    watched = protected_terms(source_text)
    problems = []
    for name in sorted(names):
        if name in target or any(name in term for term in watched):
            continue
        if "." not in name and ":" not in name and "_" not in name and name.lower() in lowered:
            continue  # only the case changed: `protected-term` reports it
        parts = [part for part in re.split(r"[.:_]+", name) if len(part) > 2]
        if any(part not in target and part.lower() in lowered and _watched(part, watched) for part in parts):
            continue  # a part of it in other case: `protected-term` reports that part
        altered = [form for form in altered_forms(name, target) if form.lower() != name.lower()]
        if altered:
            problems.append(f"'{name}' appears as '{altered[0]}' in the target")
            continue
        if any(name.lower() in other.lower() for other in names if len(other) > len(name)):
            continue  # part of a longer name, reported with it
        if name in positioned:
            problems.append(f"'{name}', the name of the page linked, is missing from the target (translated)")
            continue
        spelled = _transliteration(name, target)
        if spelled:
            problems.append(f"'{name}' is transliterated as '{spelled}' in the target")
        else:
            problems.append(f"'{name}' is missing from the target (translated or dropped)")
    return problems or None


def _is_list_term(segment: Segment, context: PageContext) -> bool:
    """Whether the segment is the term of an HTML definition list (`<dt>` before it)."""
    text = context.page.text
    start = segment.anchor.tag_start
    return text is not None and text[max(0, start - 40) : start].rstrip().endswith("<dt>")


def _watched(part: str, watched: set[str]) -> bool:
    """Whether `protected-term` reports a change of case in this part of a name."""
    return any(part in term for term in watched) or bool(_CAMEL_NAME.fullmatch(part))


# The name of a database table or column in running text: `the Directory table`,
# `[Binary Table](binary-table.md)`, `the KeyPath column`.
# Only after an article (`the`, `a`, `each`, `this`), as a link text or as a whole title (`Binary
# Table`): a capitalised word at the start of a sentence (`Specifies column state values`) or inside
# a longer name (`the Global Interface Table`) is not one.
_TABLE_OR_COLUMN = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ee]ach|[Tt]his)\s+|\[\s*(?:\*\*)?)(_?[A-Z][A-Za-z0-9]*_?)\s+(table|column|data type|Table|Column)s?\b"
)
# A title that is a table's name and nothing else: `Binary Table`, `_TransformView table`; not one
# of several tables (`File Tables Group`, a group of topics).
_TABLE_TITLE = re.compile(r"\s*(?:\*\*)?(_?[A-Z][A-Za-z0-9]*_?)\s+(?:Table\b|Column\b|[Tt]able(?=\s*(?:\*\*)?\s*$))")


def _may_name_table(text: str) -> bool:
    """False when no `table`, `column` or `data type` can stand in the text (three `in` tests
    cost less than one search of an alternation)."""
    return "able" in text or "olumn" in text or "ata type" in text


_NOT_A_NAME = frozenset(
    "The This That These Those Each Every Any A An Its Their Our Your New Same Other Following Previous Next "  # noqa: SIM905
    "Lookup Hash Routing Truth Page Summary".split()
)


@lru_cache(maxsize=4096)  # asked by two rules per segment; frozen, since it is shared
def table_names(source_text: str) -> frozenset[str]:
    """The names of tables and columns a source text speaks of (`Directory` in `the Directory table`)."""
    if not _may_name_table(source_text):
        return frozenset()
    source = visible_prose(source_text)
    names = {match.group(1) for match in _TABLE_OR_COLUMN.finditer(source)}
    title = _TABLE_TITLE.match(source)
    if title:
        names.add(title.group(1))
    return frozenset(names - _NOT_A_NAME)


# The text of a link to the web (`[Color Table](https://...)`): the title of an article, not a name.
_WEB_LINK = re.compile(r"\[[^\]]*\]\((?:[a-z]+:|//)[^)]*\)")


def _database_names(source_text: str) -> set[tuple[str, str]]:
    """(name, "table" or "column") for each database table or column the source speaks of."""
    if "](" in source_text:
        source_text = _WEB_LINK.sub(" ", source_text)
    source = visible_prose(source_text)
    names = {(match.group(1), match.group(2).lower()) for match in _TABLE_OR_COLUMN.finditer(source)}
    title = _TABLE_TITLE.match(source)
    if title:
        names.add((title.group(1), "table"))
    return {(name, noun) for name, noun in names if name not in _NOT_A_NAME}


_TABLE_PAGE = re.compile(r"\]\(([A-Za-z0-9_.-]*?)-table\.md\b", re.IGNORECASE)
_FOLDER_TABLES: dict[Path, frozenset[str]] = {}


def _documented_tables(context: PageContext) -> frozenset[str]:
    """The tables this documentation gives a page of its own (`feature-table.md`), lower case:
    those of the page's folder and those the page links to. Outside such a documentation
    (`the Class Table` of COM, `the String Table` of a resource editor) a table is a concept."""
    found = context.memo.get("documented-tables")
    if found is None:
        page = context.page
        folder = page.path.parent
        tables = _FOLDER_TABLES.get(folder)
        if tables is None:
            try:
                names = [entry.name for entry in os.scandir(folder) if entry.name.endswith("-table.md")]
            except OSError:
                names = []
            tables = _FOLDER_TABLES[folder] = frozenset(name[: -len("-table.md")].lower() for name in names)
        linked = {name.lower() for name in _TABLE_PAGE.findall(page.text or "")}
        found = context.memo["documented-tables"] = tables | linked
    return found


@segment_rule(
    "translated-table-name",
    family="terms",
    severity="error",
    summary="The name of a database table or column (`the Directory table`, `the KeyPath column`) translated in the target.",
    explanation="""
In `the Directory table` or `the Value column` the capitalised word is a name, whatever English
word it looks like: the Windows Installer database has a table called `Directory` and a column
called `Value`, and a translation that says `таблице каталогов` or `colonna valore` names
nothing a reader can find with Orca or a query. The word before `table` or `column` that starts
with a capital, right after an article (`the`, `a`, `each`, `this`: `A Directory table is
required`) or at the start of a link text (`[Binary Table](...)`), or that is the whole of a title
(`Binary Table`, `_TransformView table`), must be in the target as it is; so must the name of a
data type (`the Template data type`). The noun `table` itself is rightly translated. A capitalised word at
the start of a sentence (`Specifies column state values`) or inside a longer name (`the Global
Interface Table`, `the Running Object Table`) is not read as a table name. Tables and columns
are names only where the documentation documents a database, with a page per table
(`feature-table.md`) in the page's folder or linked from the page: a table must be one of those,
a column may be any. Elsewhere `the Class Table` (of COM), `the String Table` (of a resource
editor) or `the Format column` (of the page's own table, translated with it) are concepts, and
so is the title of an article linked on the web (`[Color Table](https://...)`).
""",
    example="""
source: For more information, see the [Directory Table](directory-table.md).
target: Weitere Informationen finden Sie in der [Verzeichnis Tabelle](directory-table.md).
""",
)
def translated_table_name(segment: Segment, context: PageContext) -> list[str] | None:
    assert segment.target is not None and segment.source is not None
    source_text = segment.source.text
    if not _may_name_table(source_text):
        return None
    names = _database_names(source_text)
    if not names:
        return None
    tables = _documented_tables(context)
    if not tables:
        return None  # no database documented here: `the Format column` is the page's own table
    names = {name for name, noun in names if noun != "table" or name.lower().strip("_") in tables}
    target = visible_text(segment.target.text)
    shaped = shaped_names(source_text)
    words = set(re.findall(r"[A-Za-z0-9_]+", target))
    problems = []
    for name in sorted(names):
        if name in words or name in shaped:
            continue  # kept, or a camel-case name `translated-identifier` reports
        problems.append(f"the table or column name '{name}' is not in the target (translated)")
    return problems or None


# A column is a column of names when its heading says so, or when the translation kept this
# share of its one-word cells as they are.
_NAME_HEADINGS = frozenset(
    "column|column name|name|property|property name|member|members|field|table|table name|action|"  # noqa: SIM905
    "action name|control|controlevent|event|attribute|element|constant|identifier|enumerator|"
    "parameter|method|macro|function|interface|structure|flag|style|message|notification|"
    "type|data type".split("|")
)
_NAME_COLUMN_KEPT = 0.6
_NAME_COLUMN_MIN_CELLS = 3


def _table_cells(page) -> tuple[dict[tuple[int, int], list[Segment]], dict[tuple[int, int], Segment]]:
    """Paired segments that fill a body cell of a Markdown table alone, by (table's first line,
    column), and the segment of each column's heading."""
    lines = page.text.split("\n")
    cells: dict[tuple[int, int], list[Segment]] = {}
    headings: dict[tuple[int, int], Segment] = {}
    table_start: dict[int, int] = {}
    row_columns: dict[int, list[tuple[int, int]]] = {}  # cells of each table line, found once
    for segment in page.segments:
        if not segment.paired:
            continue
        number, column_number = segment.anchor.position
        line = lines[number - 1] if number <= len(lines) else ""
        if not line.lstrip().startswith("|"):
            continue
        start = table_start.get(number)
        if start is None:
            start = number
            while start > 1:  # up to the first row, or to a row above whose table start is known
                known = table_start.get(start - 1)
                if known is not None:
                    start = known
                    break
                if not lines[start - 2].lstrip().startswith("|"):
                    break
                start -= 1
            table_start[number] = start
        if number == start + 1:
            continue  # the rule under the heading row
        columns = row_columns.get(number)
        if columns is None:
            columns = row_columns[number] = cell_columns(line)
        for column, (begin, end) in enumerate(columns):
            if begin <= column_number - 1 < end:
                if line[begin:end].count("data-ttu-id") == 1:  # the segment is the whole cell
                    if number == start:
                        headings[(start, column)] = segment
                    else:
                        cells.setdefault((start, column), []).append(segment)
                break
    return cells, headings


def _bare(text: str) -> str:
    return _CELL_MARKUP.sub("", visible_text(text)).strip()


@page_rule(
    "translated-name-cell",
    family="terms",
    severity="error",
    summary="One cell of a table column of names translated where the column's other names are kept.",
    explanation="""
Reference tables list names in a column: the columns of a database table (`Registry`, `Root`,
`Key`, `Value`), the members of a class, the rows of an example table. Each is a name a reader
types, even where it looks like an English word (`Value`, `State`, `Height`). A column is read as
a column of names when its English heading says it holds names (`Column`, `Name`, `Property`,
`Member`, `Action`, `Constant`, `Type`, ...) or is itself a foreign key (`Component_`, whose cells
are keys), or when the translation itself kept most of its one-word cells (at least three) as
they are, unless those cells are one or two plain words (`Yes` and `No`: values, not names). A
one-word cell of such a column (not all in lower case, since `null` and `version` may be meant
as words) that the target translated (`Value` -> `Valore`) is reported; so is a numbered
name (`File4` -> `Файл4`) in any column. A table whose heading row has a heading shaped like a
database column (`Dialog_`, `DefaultValue`) shows rows of a database table: its one-word
headings are column names (`Height` -> `Altezza` is reported, though not a heading that says
what its column holds, `Column` or `Type`, which reads as the heading of the page's own table),
where the documentation documents a database (a page per table, as for `translated-table-name`)
and the rows are not terms with their anchors (a table of a parameter's values,
`InstallMode | Meaning`). So does a table under a caption that links a database table's page and
says nothing more (`[Registry table](registry-table.md) (partial)`): it shows that table's rows,
and `Value` -> `Valore` in its heading row is reported. Tables indented under an item of a list
are read as the others.
""",
    example="""
| Column    | Type       |          | Column    | Type       |
|-----------|------------|    ->    |-----------|------------|
| Registry  | Identifier |          | Registry  | Identifier |
| Root      | Integer    |          | Root      | Integer    |
| Key       | RegPath    |          | Key       | RegPath    |
| Value     | Formatted  |          | Valore    | Formatted  |
""",
)
def translated_name_cell(context: PageContext) -> Iterator[Hit]:
    page = context.page
    if page.text is None or _TABLE_ROW.search(page.text) is None:
        return
    cells, headings = _table_cells(page)
    columns_of_names = _columns_named_by_their_headings(headings)
    for key, segments in cells.items():
        heading = headings.get(key)
        named = key in columns_of_names or (
            heading is not None and _bare(heading.source.text).lower() in _NAME_HEADINGS  # type: ignore[union-attr]
        )
        words = []
        for segment in segments:
            source = _bare(segment.source.text)  # type: ignore[union-attr]
            if not _CELL_NAME.fullmatch(source) or source.islower():
                continue
            # A word in capitals (`DLL`, `IID`) or a letter is kept in any column: it tells
            # nothing of the column, but in a column of names it is a name (`Y`, `N`, `X`).
            if named or _NUMBERED_NAME.fullmatch(source) or (len(source) > 1 and not source.isupper()):
                words.append((segment, source, _bare(segment.target.text)))  # type: ignore[union-attr]
        if not words:
            continue
        if not named:
            kept = sum(1 for _, source, target in words if target == source)
            # Names differ from row to row: a column of a word or two (`Yes`, `No`, `None`) holds
            # values, which a translation keeps or translates as it goes. A word shaped like a
            # name (`Sha.h`, `DialogA`, `iNaN`) is a name however often it is repeated.
            sources = {source for _, source, _ in words}
            values = len(sources) < _NAME_COLUMN_MIN_CELLS and all(_PLAIN_WORD.fullmatch(s) for s in sources)
            if values or len(words) < _NAME_COLUMN_MIN_CELLS or kept < _NAME_COLUMN_KEPT * len(words):
                # A numbered name (`File4`, `Button1`) is a name in any column.
                words = [word for word in words if _NUMBERED_NAME.fullmatch(word[1])]
        for segment, source, target in words:
            if source not in target:
                yield Hit(f"'{source}' in a column of names is translated as '{target}'", segment)
    tables_of_columns = _tables_of_columns(headings, page.text, bool(_documented_tables(context)))
    for key, segment in headings.items():
        if key[0] in tables_of_columns:
            source, target = _bare(segment.source.text), _bare(segment.target.text)  # type: ignore[union-attr]
            # A heading that says what its column holds (`Table`, `Column`, `Type` above the rows
            # of `_Validation`) reads as the heading of the page's table, which is translated.
            if source.lower() in _NAME_HEADINGS:
                continue
            if _CELL_NAME.fullmatch(source) and not source.islower() and source not in target:
                yield Hit(f"'{source}' in a row of column names is translated as '{target}'", segment)


# A line of a table, also one indented under an item of a list.
_TABLE_ROW = re.compile(r"\n[ \t]*\|")
# A capitalised word and nothing more (`Yes`, `None`), where a name would have a shape of its own.
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
# A word and a number (`File4`, `Component1`): a key of an example row, never a word.
_NUMBERED_NAME = re.compile(r"[A-Za-z]+[0-9]+")


def _tables_of_columns(headings: dict[tuple[int, int], Segment], text: str, database: bool) -> set[int]:
    """Tables (by first line) whose heading row has a heading shaped like a database column, and
    whose first row is not a term with its anchors (`<span id="msiInstallModeDefault">`: a table
    of a parameter's values, `InstallMode | Meaning`, whose headings are words). A heading in camel
    case is a column's only where a database is documented (`database`: a page per table, as
    `translated-table-name` asks): `RelAddr` heads a column of Direct3D's registers."""
    lines = text.split("\n")
    tables = set()
    for (table, _), segment in headings.items():
        heading = _bare(segment.source.text)  # type: ignore[union-attr]
        if table in tables or not COLUMN_HEADING.fullmatch(heading) or not (database or heading.endswith("_")):
            continue
        first_row = lines[table + 1] if table + 1 < len(lines) else ""
        if '<span id="' not in first_row:
            tables.add(table)
    for table, _ in headings:
        if table not in tables and database and captioned_by_a_table(lines, table):
            tables.add(table)
    return tables


def _columns_named_by_their_headings(headings: dict[tuple[int, int], Segment]) -> set[tuple[int, int]]:
    """Columns whose heading is a foreign key (`Component_`): their cells are keys, names."""
    return {key for key, segment in headings.items() if _bare(segment.source.text).endswith("_")}  # type: ignore[union-attr]
