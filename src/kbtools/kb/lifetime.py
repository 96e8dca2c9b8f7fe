"""When a property's value exists, read from the English sentences of its page.

Each sentence is first rewritten so that every reference to *this* property becomes the
marker `§P` (its name with or without "property", "this property", a sentence that opens
with "The value", an elliptical "Set by ..."). A rule then only fires on a clause where the
marker is the thing being set, cleared or used, so "The installer sets the **Preselected**
property" on the ADDDEFAULT page says nothing about ADDDEFAULT. Rules are small functions,
one fact family each; every fact keeps the ids of the segments it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kbtools.kb.record import Lifetime
from kbtools.kb.sections import Outline
from kbtools.kb.sentence import plain
from kbtools.page import Segment

INSTALLER = "installer"
AUTHOR = "author"
USER = "user"
INITIALIZATION = "initialization"
MARK = "§P"

# Sections whose sentences describe the page rather than the property's value.
SKIPPED_SECTIONS = {"requirements", "see also", "syntax", "example", "examples", "property value", "c++"}

LifetimeField = str  # one of: set_by, set_at, cleared_at, valid_after, used_by
Fact = tuple[LifetimeField, str]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CLAUSE_BREAK = re.compile(r",? and then |; |, then ")
_NOT_ACTION_NAMES = {
    "The",
    "This",
    "That",
    "A",
    "An",
    "Any",
    "Each",
    "Custom",
    "Standard",
    "Top",
    "Concurrent",
    "Installation",
    "Null",
    "Deferred",
    "Launch",
    "Other",
    "These",
    "All",
    "Some",
}
_ACTION_NAME = r"(?:the )?[A-Z][A-Za-z0-9]+(?: action)?"
_ACTION_LIST = re.compile(rf"\b(?P<list>{_ACTION_NAME}(?:(?:, and |, or |, | and | or ){_ACTION_NAME})*) actions?\b")
_INSTALLER_AGENT = r"(?:the )?(?:Windows )?installer"
_NEGATION = re.compile(r"\b(?:not|never|Do not|should not|cannot)\b", re.I)
_OTHER_PROPERTY = re.compile(r"\b(?!§P)[A-Z][\w.]* propert(?:y|ies)\b")


def action_names(text: str) -> list[str]:
    """Action names as written in a phrase ("the InstallExecute and InstallFinalize actions")."""
    names: list[str] = []
    for match in _ACTION_LIST.finditer(text):
        for part in re.split(r", and |, or |, | and | or ", match.group("list")):
            name = part.removeprefix("the ").removesuffix(" action").strip()
            if name and name not in _NOT_ACTION_NAMES and name != MARK and name not in names:
                names.append(name)
    return names


def _reference_pattern(names: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))
    return re.compile(
        rf"(?:\b[Tt]he (?:value of (?:the )?)?)?(?<![\w.])(?:{alternatives})(?!\w|\.\w)(?! action| table| column)(?: propert(?:y|ies))?"
        r"|\b(?:[Tt]he value of )?[Tt]his property\b"
    )


def mark_references(sentence: str, references: re.Pattern[str]) -> str:
    """The sentence with every reference to this property replaced by the marker."""
    text = references.sub(MARK, sentence)
    text = re.sub(r"^(?:The|This|Its) value\b|^The property\b", MARK, text)
    text = re.sub(r"^Set (?=by|during|at|in)", f"{MARK} is set ", text)
    if MARK in text and not _OTHER_PROPERTY.search(text):
        # In a sentence about this property, "it" and "the value" still mean this property.
        text = re.sub(r"\b(?:the|this|its) value\b|(?<=\bsets )it\b|\bit(?= is\b)", MARK, text)
    elif not _OTHER_PROPERTY.search(text):
        text = re.sub(r"(?<=\bsets )it\b", MARK, text)
    return text


# --- rules: each takes one marked clause and returns the facts it states -------------------


def installer_sets(clause: str) -> list[Fact]:
    """ "The installer sets §P ...", "§P is set by the Windows Installer", "... is set automatically"."""
    if re.search(r"\b(?:does|do|will) not set\b", clause):
        return []
    if re.search(rf"\b{_INSTALLER_AGENT}\b[^.;,]*?\b(?:sets?|resets?|initializes?)\s+(?:both )?{MARK}", clause, re.I):
        return [("set_by", INSTALLER)]
    if re.search(rf"{MARK} (?:is|are) (?:only )?(?:set|initialized) by {_INSTALLER_AGENT}\b", clause, re.I):
        return [("set_by", INSTALLER)]
    if re.search(rf"{MARK} (?:is|are) set automatically\b", clause):
        return [("set_by", INSTALLER)]
    return []


def action_sets(clause: str) -> list[Fact]:
    """ "§P is initialized to 0 by the CostFinalize action", "the INSTALL action ... set §P"."""
    facts: list[Fact] = []
    by_action = re.search(
        rf"{MARK}[^.;]*?\b(?:is|are) (?:only )?(?:set|initialized)\b[^.;]*?\bby (?P<rest>[^.;]*)", clause
    )
    if by_action:
        facts += [(field, name) for name in action_names(by_action.group("rest")) for field in ("set_by", "set_at")]
    subject = re.search(rf"^(?P<subject>[^.;]*?\bactions?\b[^.;]*?) sets? {MARK}", clause)
    if subject:
        facts += [(field, name) for name in action_names(subject.group("subject")) for field in ("set_by", "set_at")]
    return facts


def set_when(clause: str) -> list[Fact]:
    """When §P is set: "at initialization", "during the InstallValidate action", "when it runs the X action"."""
    setting = re.search(rf"(?:\bsets?\s+{MARK}|{MARK}[^.;]*?\b(?:is|are) (?:only )?set\b)(?P<rest>[^;]*)", clause)
    if setting is None:
        return []
    rest = setting.group("rest")
    facts: list[Fact] = []
    if re.search(r"\bat initialization\b|\bduring initialization\b", rest):
        facts.append(("set_at", INITIALIZATION))
    for phrase in re.finditer(r"\b(?:during|when it runs|in|at) (?P<actions>(?:the )?[^.;]*?\bactions?\b)", rest):
        facts += [("set_at", name) for name in action_names(phrase.group("actions"))]
    return facts


# "by" stands for "be": the ARPREADME page says "can by set".
_SET_BY_SOMEONE = re.compile(
    rf"(?:^|, |: |\b(?i:users?|you|authors?|administrators?) (?:can |should |must |may )?(?:also )?"
    rf"|\b(?:should|must|can|may) (?:also )?)"
    rf"[Ss]et(?:ting)? {MARK}(?P<tail>[^,]*)"
    rf"|{MARK}(?: [\w()\"']+){{0,8}}? (?:can |could |should |must |may )?(?:be |by |is |are |been |has been |typically |only )+"
    rf"(?:set|specified|authored|changed|modified)\b(?P<tail2>[^,]*)"
)
# "If the package is not at the root of the CD-ROM, §P must be set on the command line": the
# negation belongs to the condition, not to the setting.
_CONDITION = re.compile(r"^(?:Note that )?(?:If|When|Unless) [^,]*, ")
# "if you use REMOVE=ALL on the command line"
_USED_ON_COMMAND_LINE = re.compile(
    rf"\b(?:you|users?) (?:can |may )?(?:use|uses|specify|specifies|pass|passes|enter|enters) {MARK}(?:=\S+)?[^,;]*?\bon the command[- ]line\b"
)
_USER_CUE = re.compile(r"\bcommand[- ]line\b|\buser interface\b|\bby the user\b")
_AUTHOR_CUE = re.compile(r"\bProperty table\b|\btransform\b", re.I)


def user_or_author_sets(clause: str) -> list[Fact]:
    """ "§P can be set by the user / on the command line" (user); "... in the Property table",
    "by a transform", an instruction "Set §P ..." (author)."""
    if MARK not in clause or _NEGATION.search(_CONDITION.sub("", clause)) or installer_sets(clause):
        return []
    if _USED_ON_COMMAND_LINE.search(clause):
        return [("set_by", USER)]
    setting = _SET_BY_SOMEONE.search(clause)
    if setting is None:
        return []
    how = setting.group(0)
    facts: list[Fact] = []
    if _USER_CUE.search(how) or re.search(r"\b(?:the )?users? (?:can |may )?set\b", how):
        facts.append(("set_by", USER))
    if _AUTHOR_CUE.search(how) or re.search(
        rf"\bauthors?\b[^.;]*?\b(?:can |should |must |may )?set {MARK}", clause, re.I
    ):
        facts.append(("set_by", AUTHOR))
    if not facts and re.match(rf"(?:[^,:]*[,:] )?[Ss]et {MARK}\b", clause):
        facts.append(("set_by", AUTHOR))  # an instruction to the package author
    return facts


def cleared(clause: str) -> list[Fact]:
    """ "clears §P during the InstallValidate action", "§P is cleared by the X action"."""
    match = re.search(rf"\bclears? {MARK}(?P<rest>[^;]*)|{MARK} (?:is|are) cleared(?P<rest2>[^;]*)", clause)
    if match is None:
        return []
    return [("cleared_at", name) for name in action_names(match.group("rest") or match.group("rest2") or "")]


def valid_after(clause: str) -> list[Fact]:
    """ "§P is valid at any time after the CostFinalize action", "the ResolveSource action must be
    called before using §P", "§P may not equal ALL until after the InstallValidate action"."""
    facts: list[Fact] = []
    patterns = (
        rf"{MARK} (?:is|are) (?:only )?(?:valid|available|reliable)\b[^.;]*?\bafter (?P<phrase>[^.;]*)",
        # "§P should only be used after ... the CostFinalize action", "... should only be called after"
        rf"{MARK} (?:should|must|can|may) only be (?:used|called|read|accessed|referenced)\b[^.;]*?\bafter (?P<phrase>[^.;]*)",
        rf"{MARK} only (?:succeeds|works|returns [^.;]*?) after (?P<phrase>[^.;]*)",
        rf"{MARK}[^.;]*?\buntil after (?P<phrase>[^.;]*)",
        rf"^(?P<phrase>[^.;]*?\bactions?) must be (?:called|run|executed) before (?:using|referencing|reading) {MARK}",
    )
    for pattern in patterns:
        match = re.search(pattern, clause)
        if match:
            facts += [("valid_after", name) for name in action_names(match.group("phrase"))]
    # An automation property read after a method call: "The SetInstallLevel method must be called
    # before calling FeatureRequestState" (session-featurerequeststate), "The module must be
    # opened by a call to the OpenModule method ... before calling ModuleFiles".
    method = re.search(
        rf"\b(?:[Tt]he (?P<name>[A-Z][A-Za-z0-9]+) method must be called|must be \w+ by a call to the "
        rf"(?P<name2>[A-Z][A-Za-z0-9]+) method\b[^.;]*?) before (?:calling|using|reading) {MARK}",
        clause,
    )
    if method:
        facts.append(("valid_after", method.group("name") or method.group("name2")))
    depends = re.search(
        rf"\b(?:depends? (?:up)?on|needs?|uses?) {MARK}[^.;]*?\bmust be (?:sequenced|scheduled|run) after (?:the )?(?P<name>[A-Z][A-Za-z0-9]+)",
        clause,
    )
    if depends and depends.group("name") not in _NOT_ACTION_NAMES:
        facts.append(("valid_after", depends.group("name")))
    return facts


def used_by(clause: str) -> list[Fact]:
    """ "§P is used by the RegisterProduct action", "§P should be set before the RMCCPSearch action",
    "If §P is set, the RegisterProduct action writes ...", "The ValidateProductID action ... §P"."""
    facts: list[Fact] = []
    used = re.search(rf"{MARK}[^.;]*?\bused by (?P<phrase>[^.;]*)", clause)
    if used:
        facts += [("used_by", name) for name in action_names(used.group("phrase"))]
    condition_of = re.search(rf"{MARK}[^.;]*?\bused to condition (?P<phrase>[^.;]*)", clause)
    if condition_of:
        facts += [("used_by", name) for name in action_names(condition_of.group("phrase"))]
    # "§P is set to determine which top-level action the ExecuteAction action initiates"
    determines = re.search(rf"{MARK} (?:is|are) (?:set|used) to determine (?P<phrase>[^.;]*)", clause)
    if determines:
        facts += [("used_by", name) for name in action_names(determines.group("phrase"))]
    before = re.search(rf"{MARK} (?:should|must) be set before (?P<phrase>[^.;]*)", clause)
    if before:
        facts += [("used_by", name) for name in action_names(before.group("phrase"))]
    condition = re.match(
        rf"If {MARK} is (?:not )?set\b[^,]*, (?P<phrase>the [^,.;]*?\bactions?) (?!is\b|are\b|must\b)\w+", clause
    )
    if condition:
        facts += [("used_by", name) for name in action_names(condition.group("phrase"))]
    subject = re.match(
        rf"(?P<phrase>The (?:[A-Z][A-Za-z0-9]+(?: and | or |, ))*[A-Z][A-Za-z0-9]+ actions?) (?!is\b|are\b|must\b|sets?\b)\w+[^.;]*{MARK}",
        clause,
    )
    if subject:
        facts += [("used_by", name) for name in action_names(subject.group("phrase"))]
    return facts


RULES: tuple[Callable[[str], list[Fact]], ...] = (
    installer_sets,
    action_sets,
    set_when,
    user_or_author_sets,
    cleared,
    valid_after,
    used_by,
)


@dataclass(frozen=True)
class SentenceFacts:
    sentence: str
    segment: Segment
    facts: tuple[Fact, ...]


def reference_names(name: str) -> list[str]:
    """The names a page uses for the property: `Installer.UILevel` is also `UILevel`."""
    names = [name]
    for separator in ("::", "."):
        if separator in name:
            names.append(name.rsplit(separator, 1)[1])
    return names


def sentence_facts(segments: Iterable[Segment], name: str) -> list[SentenceFacts]:
    references = _reference_pattern(reference_names(name))
    found: list[SentenceFacts] = []
    for segment in segments:
        for sentence in _SENTENCE_END.split(plain(segment.source)):
            marked = mark_references(sentence, references)
            if MARK not in marked:
                continue
            facts: list[Fact] = []
            for clause in _CLAUSE_BREAK.split(marked):
                for rule in RULES:
                    for fact in rule(clause):
                        if fact not in facts:
                            facts.append(fact)
            if facts:
                found.append(SentenceFacts(sentence, segment, tuple(facts)))
    return found


def read_lifetime(shape: Outline, name: str) -> Lifetime:
    """The lifetime facts the page states about the property `name`."""
    segments: list[Segment] = list(shape.lead.segments)
    for section in shape.sections:
        if section.key not in SKIPPED_SECTIONS:
            segments.extend(section.segments)
    lifetime = Lifetime()
    # What is already listed, as sets: a page that states one fact in every sentence is read
    # in one pass, not one scan of the evidence per sentence.
    listed: set[tuple[str, str]] = set()
    cited: set[tuple[str, str]] = set()
    for found in sentence_facts(segments, name):
        for field, value in found.facts:
            if (field, value) not in listed:
                listed.add((field, value))
                getattr(lifetime, field).append(value)
            key = f"{field}:{value}"
            if (key, found.segment.id) not in cited:
                cited.add((key, found.segment.id))
                lifetime.evidence.setdefault(key, []).append(found.segment.id)
    return lifetime
