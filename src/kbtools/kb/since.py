"""When a property arrived, as its page states it: `requirements.since`, runtime -> {version, evidence}.

In the manner of MDN browser-compat-data's `version_added`, but only where a sentence says it;
the Version row of the Requirements table ("Windows Installer 4.0 or Windows Installer 4.5 on
Windows Vista") names the versions a page was written for, never the first one, so it is not read.
Sentences read (English source, outside tables):

- "This property is available beginning with Windows Installer 5.0." (or "starting with",
  subject this property): 5.0;
- "The **MSIINSTALLPERUSER** property is ignored by versions earlier than Windows Installer 5.0.",
  "Versions earlier than Windows Installer 4.5 ignore the **MSIDISABLEEEUI** Property.": that version;
- "**Windows Installer 4.5 or earlier:** Not supported.", "**Windows Installer 2.0 and Windows
  Installer 3.0:** Not supported.", the See also entry "Not Supported in Windows Installer 3.1 and
  earlier versions", "the value of X is ignored when installing ... using Windows Installer 4.5 or
  earlier": the release that follows the last version named, in the order of the runtime pages'
  releases. Without the runtime pages no release is known to follow, and these give no answer.

A sentence that names a version stated directly wins over one that needs the next release; when
the sentences still disagree the page states no single version and `since` is left without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kbtools.kb.record import Runtime, SinceVersion
from kbtools.kb.requirements import english_sentences, version_key
from kbtools.kb.sections import Outline
from kbtools.kb.sentence import plain

WINDOWS_INSTALLER: Runtime = "Windows Installer"
_VERSION = r"(\d+\.\d+)"
_INSTALLER = rf"Windows Installer (?:version )?{_VERSION}"


@dataclass(frozen=True)
class _Claim:
    version: str
    direct: bool  # the sentence names the first version itself
    evidence: str
    text: str


def _subject(name: str) -> str:
    """This property as a sentence's subject: "This property", "The Msix64 property", "MSIFASTINSTALL"."""
    escaped = re.escape(name)
    return rf"(?:[Tt]his property|(?:[Tt]he (?:value of (?:the )?)?)?{escaped}(?: [Pp]roperty)?)"


def _rules(name: str) -> list[tuple[re.Pattern[str], bool]]:
    """(pattern, direct): the version is group 1 (direct) or the last version named (not direct)."""
    subject = _subject(name)
    return [
        (re.compile(rf"^{subject} is available (?:beginning|starting) with {_INSTALLER}\b"), True),
        (
            re.compile(
                rf"(?:^|: ){subject} is ignored by (?:versions|any version) (?:of Windows Installer )?earlier than {_INSTALLER}\b"
            ),
            True,
        ),
        (re.compile(rf"^Versions earlier than {_INSTALLER} ignore {subject}(?:\.|$)"), True),
        (re.compile(rf"^Not Supported in {_INSTALLER} and earlier(?: versions)?\.?$", re.I), False),
        (re.compile(rf"^{_INSTALLER}(?: (?:or|and) earlier|(?: and {_INSTALLER})*): Not supported\.?$"), False),
        (
            re.compile(rf"^{subject} is ignored when installing (?:the|a) package using {_INSTALLER} or earlier\.?$"),
            False,
        ),
    ]


def _claims(shape: Outline, name: str) -> list[_Claim]:
    rules = _rules(name)
    claims: list[_Claim] = []
    sections = [shape.lead, *shape.sections]
    for section in sections:
        if section.key == "requirements":
            continue
        for block in section.blocks:
            if block.kind == "table_cell":
                continue  # a value's availability ("Available starting with ... 4.0") is not the property's
            for segment in block.segments:
                if segment.source is None:
                    continue
                for sentence in english_sentences(plain(segment.source)):
                    for pattern, direct in rules:
                        found = pattern.search(sentence)
                        if found is None:
                            continue
                        named = [group for group in found.groups() if group]
                        version = named[0] if direct else max(named, key=version_key)
                        claims.append(_Claim(version, direct, segment.id, sentence))
                        break
    return claims


def _following(version: str, releases: Sequence[str]) -> str | None:
    """The release after `version` in release order, when both are known."""
    ordered = sorted(releases, key=version_key)
    keys = [version_key(release) for release in ordered]
    if version_key(version) not in keys:
        return None
    position = keys.index(version_key(version))
    return ordered[position + 1] if position + 1 < len(ordered) else None


def read_since(shape: Outline, name: str, releases: Sequence[str]) -> dict[str, SinceVersion]:
    """`requirements.since` of a page; `releases` are the Windows Installer versions the runtime pages list."""
    resolved: list[tuple[str, _Claim]] = []
    for claim in _claims(shape, name):
        version = claim.version if claim.direct else _following(claim.version, releases)
        if version is not None:
            resolved.append((version, claim))
    if not resolved:
        return {}
    direct = [(version, claim) for version, claim in resolved if claim.direct]
    chosen = direct or resolved
    versions = {version_key(version) for version, _ in chosen}
    if len(versions) != 1:
        return {}
    version = chosen[0][0]
    agreeing = [claim for found, claim in resolved if version_key(found) == version_key(version)]
    evidence = list(dict.fromkeys(claim.evidence for claim in agreeing))
    texts = list(dict.fromkeys(claim.text for claim in agreeing))
    return {WINDOWS_INSTALLER: SinceVersion(version=version, evidence=evidence, text=texts)}
