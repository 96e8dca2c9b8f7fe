"""The same source gives the same structured values whatever the target locale (hand-written pages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kb_sxs_pages import front_matter, seg, write

from kbtools.kb import PropertyRecord, build_knowledge_base

# One English source; the ids are those of the source segments, as in the sxs repositories.
ENGLISH = {
    "t": "FooSessionKey property",
    "s1": "The installer sets the value of the **FooSessionKey** property at initialization, and then clears the value during the [InstallValidate](installvalidate-action.md) action.",
    "s2": "This property is used by the [CostFinalize](costfinalize-action.md) action.",
    "r": "Remarks",
    "r1": "The installer sets the **Preselected** property when the user resumes an installation.",
    "q": "Requirements",
    "q1": "Requirement",
    "q2": "Value",
    "q3": "Version",
    "q4": "Windows Installer 4.5 or later on Windows Server 2003, Windows XP, and Windows 2000.",
    "q5": "Windows Installer on Windows Vista.",
    "q6": "Header",
    "q7": "<dt>Msi.h</dt>",
    "a": "See also",
    "a1": "Properties",
}

TRANSLATIONS = {
    "zh-TW": {
        "t": "FooSessionKey 屬性",
        "s1": "安裝程式會在初始化時設定 **FooSessionKey** 屬性的值，然後在 [InstallValidate](installvalidate-action.md) 動作期間清除此值。",
        "s2": "[CostFinalize](costfinalize-action.md) 動作會使用這個屬性。",
        "r": "備註",
        "r1": "當使用者繼續安裝時，安裝程式會設定 **Preselected** 屬性。",
        "q": "規格需求",
        "q1": "需求",
        "q2": "值",
        "q3": "版本",
        "q4": "Windows Server 2003、Windows XP 和 Windows 2000 上的 Windows Installer 4.5 或更新版本。",
        "q5": "Windows Vista 上的 Windows Installer。",
        "q6": "標頭",
        "q7": "<dt>Msi。h</dt>",
        "a": "另請參閱",
        "a1": "屬性",
    },
    "de-DE": {
        "t": "FooSessionKey-Eigenschaft",
        "s1": "Das Installationsprogramm legt den Wert der **FooSessionKey**-Eigenschaft bei der Initialisierung fest und löscht ihn während der [InstallValidate](installvalidate-action.md)-Aktion.",
        "s2": "Diese Eigenschaft wird von der [CostFinalize](costfinalize-action.md)-Aktion verwendet.",
        "r": "Hinweise",
        "r1": "Das Installationsprogramm legt die **Preselected**-Eigenschaft fest, wenn der Benutzer eine Installation fortsetzt.",
        "q": "Anforderungen",
        "q1": "Anforderung",
        "q2": "Wert",
        "q3": "Version",
        "q4": "Windows Installer 4.5 oder höher unter Windows Server 2003, Windows XP und Windows 2000.",
        "q5": "Windows Installer unter Windows Vista.",
        "q6": "Header",
        "q7": "<dt>Msi.h</dt>",
        "a": "Siehe auch",
        "a1": "Eigenschaften",
    },
}


def page_text(locale: str) -> str:
    def s(key: str) -> str:
        return seg(f"ab12c-{key}", TRANSLATIONS[locale][key], ENGLISH[key])

    return (
        front_matter(locale, TRANSLATIONS[locale]["t"], TRANSLATIONS[locale]["s1"])
        + f'# <a name="foosessionkey-property"></a>{s("t")}\n\n'
        + f"{s('s1')} {s('s2')}\n\n"
        + f'## <a name="remarks"></a>{s("r")}\n\n{s("r1")}\n\n'
        + f'## <a name="requirements"></a>{s("q")}\n\n'
        + f"| {s('q1')} | {s('q2')} |\n|----|----|\n"
        + f"| {s('q3')}<br/> | {s('q4')} {s('q5')}<br/> |\n"
        + f"| {s('q6')}<br/> | <dl> {s('q7')} </dl> |\n\n"
        + f'## <a name="see-also"></a>{s("a")}\n\n<dl> <dt>\n\n[{s("a1")}](properties.md)\n</dt> </dl>\n'
    )


def structured(record: PropertyRecord) -> dict[str, Any]:
    """The record without its localized texts and without where it was read from."""
    data = record.model_dump(mode="json", by_alias=True)
    for field in ("title", "summary", "semantics", "remarks", "default_value", "body", "other", "category_title"):
        data.pop(field)
    for table in data["values"]:
        table.pop("headers")
        for entry in table["values"]:
            entry.pop("meaning")
            entry.pop("cells")
    for example in data["examples"]:
        example.pop("text")
    for statement in data["requirements"]["statements"]:
        statement.pop("text")
    data["requirements"].pop("rows")
    for entry in data["see_also"]:
        entry.pop("title")
    data.pop("source")
    return data


def _record(tmp_path: Path, locale: str) -> PropertyRecord:
    write(tmp_path / locale, "foosessionkey.md", page_text(locale))
    knowledge_base = build_knowledge_base(tmp_path / locale)
    assert knowledge_base.errors == []
    assert knowledge_base.locale == locale
    [record] = knowledge_base.properties
    return record


def test_another_locale_gives_the_same_structured_values(tmp_path: Path) -> None:
    chinese = _record(tmp_path, "zh-TW")
    german = _record(tmp_path, "de-DE")
    assert structured(german) == structured(chinese)


def test_structured_values_come_from_the_english_source(tmp_path: Path) -> None:
    record = _record(tmp_path, "de-DE")
    assert (record.name, record.slug, record.kind, record.public) == (
        "FooSessionKey",
        "foosessionkey",
        "installer",
        False,
    )
    assert record.requirements.header == "Msi.h"
    assert [(s.versions, s.or_later, s.os) for s in record.requirements.statements] == [
        (["4.5"], True, ["Windows Server 2003", "Windows XP", "Windows 2000"]),
        ([], False, ["Windows Vista"]),
    ]
    lifetime = record.lifetime
    assert (lifetime.set_by, lifetime.set_at, lifetime.cleared_at, lifetime.used_by) == (
        ["installer"],
        ["initialization"],
        ["InstallValidate"],
        ["CostFinalize"],
    )
    assert lifetime.evidence["cleared_at:InstallValidate"] == ["ab12c-s1"]


def test_localized_texts_are_keyed_by_the_page_locale(tmp_path: Path) -> None:
    record = _record(tmp_path, "de-DE")
    assert record.title == {"en-US": "FooSessionKey property", "de-DE": "FooSessionKey-Eigenschaft"}
    assert record.requirements.statements[1].text == {
        "en-US": "Windows Installer on Windows Vista.",
        "de-DE": "Windows Installer unter Windows Vista.",
    }
    assert record.see_also[0].title == {"en-US": "Properties", "de-DE": "Eigenschaften"}
    assert set(record.remarks[0].model_dump()) == {"id", "block", "list_item", "en-US", "de-DE"}
    assert record.summary["en-US"].startswith("The installer sets the value of the FooSessionKey property")


def test_the_locale_comes_from_the_folder_when_the_page_does_not_say(tmp_path: Path) -> None:
    text = page_text("de-DE").replace("ms.contentlocale: de-DE\n", "")
    write(tmp_path / "de-DE", "foosessionkey.md", text)
    [record] = build_knowledge_base(tmp_path / "de-DE").properties
    assert record.source.locale == "de-DE"
    assert "de-DE" in record.title
