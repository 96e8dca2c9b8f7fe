"""The property record: the JSON contract shared by `kbtools parse`, `query`, the site and the API.

Structured fields come from the English source so every locale yields the same values;
localized texts are maps keyed by locale (`{"en-US": ..., "zh-TW": ...}`). The JSON Schema
(`kbtools schema`) is generated from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kbtools.kb.freshness import Freshness

# The version of the JSON contract: raised when a field changes meaning or goes away.
RECORD_VERSION = 3

PropertyKind = Literal["installer", "summary", "automation", "merge-module"]
Runtime = Literal["Windows Installer", "Mergemod.dll"]
LocalizedText = dict[str, str]


class LocalizedSegment(BaseModel):
    """One segment of a section: its id, where it sits in the section and its text in each locale.

    `{"id", "block", "list_item", "en-US", "zh-TW"}`: segments with the same `block` form one
    paragraph (a heading, paragraph or table cell of the page); `list_item` says which list item
    holds that paragraph, so paragraphs with the same `list_item` form one item and consecutive
    items one list.
    """

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, str] = Field(init=False)  # type: ignore[assignment]

    id: str
    block: int = Field(default=0, ge=0, description="The paragraph holding the segment: its index in the section.")
    list_item: int | None = Field(
        default=None,
        ge=0,
        description="The list item holding the paragraph: its index in the section; null outside lists.",
    )


class TextRun(BaseModel):
    """Markup of a block outside any segment, as the page writes it (an untranslated `omus`)."""

    model_config = ConfigDict(extra="forbid")

    text: str


# A run of a block's text: a translated segment or untranslated markup, in page order.
BlockText = list[LocalizedSegment | TextRun]


class BodyBlock(BaseModel):
    """One block of a page's body, in page order; containers hold their blocks.

    - `heading`: `level` and `content`;
    - `paragraph`: `content`;
    - `list`: `ordered`, `start` and `items`, each item a list of blocks;
    - `table`: `rows` of cells, each cell a run of text; the first `header_rows` rows are the header;
    - `code`: `language` and `code`;
    - `note`: a block quote, `alert` naming its kind (`NOTE`, `IMPORTANT`) when it is one, and `blocks`.

    Top-level blocks name their `section`: the English heading of the `##` section ("" for the
    lead). A segment's inline Markdown includes the link that wraps the whole segment.
    """

    type: Literal["heading", "paragraph", "list", "table", "code", "note"]
    section: str | None = None
    level: int | None = None
    content: BlockText = []
    ordered: bool | None = None
    start: int | None = None
    items: list[list[BodyBlock]] = []
    header_rows: int | None = None
    rows: list[list[BlockText]] = []
    language: str | None = None
    code: str | None = None
    alert: str | None = None
    blocks: list[BodyBlock] = []


class ValueEntry(BaseModel):
    """One row of a table of values: the value (first column, as the English writes it) and what
    it means (last column); `cells` holds every column of the row, `segments` their segment ids."""

    value: str
    meaning: LocalizedText = {}
    cells: list[LocalizedText] = []
    segments: list[str] = []


class ValueTable(BaseModel):
    """A table of the values a property takes (Value/Meaning, Code/Option, ...)."""

    section: str = ""
    headers: list[LocalizedText] = []
    values: list[ValueEntry] = []


class Example(BaseModel):
    """A code example of an Example(s) section, with the segments that explain it."""

    language: str | None = None
    code: str
    text: list[LocalizedSegment] = []


class OtherSection(BaseModel):
    """A section no other field of the record holds (`C++`, `Error codes`), kept whole."""

    key: str
    title: LocalizedText = {}
    segments: list[LocalizedSegment] = []


class AutomationValue(BaseModel):
    """The value section of an automation property: type, access and syntax."""

    type: str | None = None
    access: Literal["read-only", "read/write", "write-only"] | None = None
    syntax: str | None = None
    text: list[LocalizedSegment] = []


class Lifetime(BaseModel):
    """When the value exists, as the page states it. `evidence` maps each fact to segment ids."""

    set_by: list[str] = []
    set_at: list[str] = []
    cleared_at: list[str] = []
    valid_after: list[str] = []
    used_by: list[str] = []
    evidence: dict[str, list[str]] = {}


class RequirementStatement(BaseModel):
    """One requirement sentence, normalised: what it names and nothing more."""

    runtime: Runtime
    versions: list[str] = Field(
        default=[], description="The runtime versions the sentence names, in its order; empty when it names none."
    )
    or_later: bool = Field(default=False, description='The sentence says "or later" after its versions.')
    os: list[str] = Field(
        default=[], description="The Windows versions the sentence names (canonical names); empty when it names none."
    )
    text: LocalizedText = {}
    evidence: str | None = Field(default=None, description="The id of the segment that holds the sentence.")


class SupportEntry(BaseModel):
    """What one statement says about one Windows version (in the manner of MDN's browser-compat-data).

    `versions` are the runtime versions the statement names for it, `or_later` its "or later";
    an empty `versions` means the statement names the runtime without a version.
    """

    runtime: Runtime
    versions: list[str] = []
    or_later: bool = False
    evidence: str | None = Field(default=None, description="The id of the segment that states it.")


class SinceVersion(BaseModel):
    """The first version of a runtime with the property, as a sentence of its page states it
    (in the manner of MDN browser-compat-data's `version_added`)."""

    version: str
    evidence: list[str] = Field(default=[], description="The ids of the segments that state it.")
    text: list[str] = Field(default=[], description="The English sentences that state it.")


class RequirementRow(BaseModel):
    """A raw row of the requirements table."""

    label: LocalizedText = {}
    value: LocalizedText = {}


class Requirements(BaseModel):
    """The Requirements table: its statements, what they state per Windows version, and its other rows.

    The Version row states which runtime versions a property is documented for on which Windows,
    never when it first appeared; only `since` claims a first version, where a sentence says it.
    """

    statements: list[RequirementStatement] = []
    support: dict[str, list[SupportEntry]] = Field(
        default={}, description="Windows version -> what the statements naming it say, in statement order."
    )
    support_without_os: list[SupportEntry] = Field(
        default=[], description='Statements that name no Windows version ("Windows Installer 5.0 or later").'
    )
    stated_versions: dict[str, list[str]] = Field(
        default={}, description="Runtime -> every version the statements name, lowest first."
    )
    since: dict[str, SinceVersion] = Field(
        default={},
        description='Runtime -> the first version with the property, where a sentence states it ("available beginning with Windows Installer 5.0"); absent otherwise.',
    )
    dll: str | None = None
    header: str | None = None
    iid: str | None = None
    rows: list[RequirementRow] = []


class SeeAlso(BaseModel):
    target: str
    title: LocalizedText = {}


class Source(BaseModel):
    """Where the record comes from: the page and its localization metadata."""

    model_config = ConfigDict(populate_by_name=True)

    path: str
    locale: str | None = None
    ms_date: str | None = Field(default=None, alias="ms.date")
    ms_sourcegitcommit: str | None = Field(default=None, alias="ms.sourcegitcommit")
    ms_translationtype: str | None = Field(default=None, alias="ms.translationtype")
    ms_lasthandoff: str | None = Field(default=None, alias="ms.lasthandoff")
    ms_assetid: str | None = Field(default=None, alias="ms.assetid")


class PropertyRecord(BaseModel):
    """Everything the knowledge base knows about one property."""

    name: str
    slug: str
    kind: PropertyKind
    public: bool | None = None
    category: str | None = None
    category_title: LocalizedText = Field(default={}, description="The category's heading in each locale.")
    title: LocalizedText = {}
    summary: LocalizedText = {}
    semantics: list[LocalizedSegment] = []
    remarks: list[LocalizedSegment] = []
    default_value: list[LocalizedSegment] = []
    default: str | None = Field(default=None, description="The default value as the page states it (`omus`).")
    default_evidence: list[str] = Field(default=[], description="The ids of the segments that state `default`.")
    values: list[ValueTable] = []
    examples: list[Example] = []
    other: list[OtherSection] = []
    value: AutomationValue | None = None
    lifetime: Lifetime = Lifetime()
    requirements: Requirements = Requirements()
    see_also: list[SeeAlso] = []
    links: list[str] = []
    body: list[BodyBlock] = Field(default=[], description="The whole body of the page after its title, in page order.")
    source: Source
    freshness: Freshness | None = Field(
        default=None, description="Whether the translation is current with the English page (with --english)."
    )


class ParseError(BaseModel):
    """A page that could not be turned into a record."""

    path: str
    line: int | None = None
    message: str


class WindowsRelease(BaseModel):
    """A Windows release as a runtime page names it ("Windows XP with Service Pack 2 (SP2) and later")."""

    os: str = Field(description="The canonical name (`Windows 2000` for `Windows 2000 Server`).")
    as_written: str
    service_pack: int | None = None
    and_later: bool = Field(
        default=False,
        description='"and later": later service packs when one is named, otherwise the later releases of its line.',
    )
    evidence: str | None = Field(default=None, description="The id of the segment that names it.")


class RuntimeBuild(BaseModel):
    """One build of a release, a row of "Released Versions of Windows Installer"."""

    build: str
    or_greater: bool = False
    shipped_with: list[WindowsRelease] = []
    redistributable: bool = Field(default=False, description='"Released as a redistributable".')
    redistributable_for: list[WindowsRelease] = []
    description: LocalizedText = {}
    evidence: list[str] = []


class RedistributableFile(BaseModel):
    """A package that installs a release ("... on x64-based computers running ... is FILE")."""

    file: str
    architecture: str | None = None
    installs_on: list[WindowsRelease] = []
    evidence: list[str] = []


class RuntimeRelease(BaseModel):
    """A runtime release (Windows Installer 4.5): its builds, where it shipped, where it installs."""

    runtime: Runtime = "Windows Installer"
    version: str
    builds: list[RuntimeBuild] = []
    shipped_with: list[WindowsRelease] = []
    redistributable: bool | None = Field(
        default=None, description="Whether a redistributable installs it; null when the pages do not say."
    )
    installs_on: list[WindowsRelease] = Field(default=[], description="Where its redistributable installs.")
    redistributable_files: list[RedistributableFile] = []
    available_on: list[str] = Field(
        default=[],
        description="The Windows versions it shipped with or installs on, `and later` followed; oldest first.",
    )
    pages: list[str] = []


class SourceIdentity(BaseModel):
    """Which translation the data was read from: the pages' own front matter, summarised."""

    locale: str | None = None
    pages: int = 0
    source_commits: dict[str, int] = Field(
        default={}, description="`ms.sourcegitcommit` -> how many pages were translated from it, most first."
    )
    latest_date: str | None = Field(default=None, description="The latest `ms.date` (ISO date).")
    latest_handoff: str | None = Field(default=None, description="The latest `ms.lasthandoff` (ISO date).")


class KnowledgeBase(BaseModel):
    """The output of `kbtools parse`."""

    version: int = RECORD_VERSION
    generated_at: str | None = Field(
        default=None, description="When the pages read last changed (UTC, ISO 8601; SOURCE_DATE_EPOCH overrides)."
    )
    locale: str | None = None
    source: SourceIdentity = SourceIdentity()
    properties: list[PropertyRecord] = []
    runtimes: list[RuntimeRelease] = []
    errors: list[ParseError] = []
