"""The exchange files as translation tools read them: translate-toolkit, polib, the XLIFF schema."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sxs_pages import page, segment

from kbtools.page.inline_codes import Code, join_runs, split_runs

XLIFF_NS = "{urn:oasis:names:tc:xliff:document:2.0}"
PAGES = ("allusers.md", "reinstallmode.md", "standard-installer-command-line-options.md", "property-reference.md")


@pytest.fixture
def msi_pages(msi_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "Msi"
    folder.mkdir()
    for name in PAGES:
        shutil.copyfile(msi_dir / name, folder / name)
    return folder


@given(st.text())
def test_inline_codes_never_lose_a_character(text):
    assert join_runs(split_runs(text)) == text


def test_link_targets_code_spans_tags_and_emphasis_are_codes():
    runs = split_runs("Run `msiexec /i` on **x** and <b>y</b>, see [the page](a.md).")
    codes = [run.text for run in runs if isinstance(run, Code)]
    assert codes == ["`msiexec /i`", "**", "**", "<b>", "</b>", "[", "](a.md)"]


def test_translate_toolkit_reads_every_unit_of_an_xliff_export(msi_pages, tmp_path, kbtools):
    from translate.storage.xliff2 import Xliff2File

    out = tmp_path / "msi.xlf"
    kbtools("export", msi_pages, "--format", "xliff", "--output", out)
    store = Xliff2File.parsefile(str(out))
    ids = [unit.getid() for unit in store.units if unit.istranslatable()]
    root = ET.parse(out).getroot()
    assert ids == [unit.get("id") for unit in root.iter(f"{XLIFF_NS}unit")]
    assert len(ids) > 200
    assert [f.get("original") for f in root.iter(f"{XLIFF_NS}file")] == sorted(PAGES)


def test_an_edit_made_in_translate_toolkit_xliff_is_imported_into_its_span_only(msi_pages, tmp_path, kbtools):
    from translate.storage.xliff2 import Xliff2File

    out = tmp_path / "msi.xlf"
    kbtools("export", msi_pages / "allusers.md", "--format", "xliff", "--output", out)
    store = Xliff2File.parsefile(str(out))
    unit = next(u for u in store.units if u.istranslatable() and u.getid().endswith("-103"))
    old = unit.target
    unit.target = old + "（已校對）"
    store.savefile(str(tmp_path / "edited.xlf"))
    before = (msi_pages / "allusers.md").read_text(encoding="utf-8")
    result = kbtools("import", tmp_path / "edited.xlf", "--into", msi_pages / "allusers.md")
    assert "1 updated in 1 page" in result.err and "0 conflicts" in result.err
    span = f'<span data-ttu-id="{unit.getid()}">{old}</span>'
    assert (msi_pages / "allusers.md").read_text(encoding="utf-8") == before.replace(
        span, f'<span data-ttu-id="{unit.getid()}">{old}（已校對）</span>', 1
    )


def test_an_edit_around_inline_codes_in_translate_toolkit_keeps_the_markup(msi_pages, tmp_path, kbtools):
    from translate.storage.placeables import StringElem
    from translate.storage.xliff2 import Xliff2File

    out = tmp_path / "msi.xlf"
    kbtools("export", msi_pages / "allusers.md", "--format", "xliff", "--output", out)
    store = Xliff2File.parsefile(str(out))
    unit = next(u for u in store.units if u.istranslatable() and u.getid().endswith("-104"))
    rich = unit.rich_target
    rich[0].sub[-1] = StringElem([" 屬性會設定套件的安裝內容。"])
    unit.rich_target = rich
    store.savefile(str(tmp_path / "edited.xlf"))
    kbtools("import", tmp_path / "edited.xlf", "--into", msi_pages)
    text = (msi_pages / "allusers.md").read_text(encoding="utf-8")
    assert f'<span data-ttu-id="{unit.getid()}">**ALLUSERS** 屬性會設定套件的安裝內容。</span>' in text


@pytest.mark.parametrize("reader", ["polib", "translate-toolkit"])
def test_po_readers_read_every_entry_and_their_edits_import(msi_pages, tmp_path, kbtools, reader):
    out = tmp_path / "msi.po"
    kbtools("export", msi_pages, "--format", "po", "--output", out)
    root_xlf = tmp_path / "msi.xlf"
    kbtools("export", msi_pages, "--format", "xliff", "--output", root_xlf)
    units = sum(1 for _ in ET.parse(root_xlf).getroot().iter(f"{XLIFF_NS}unit"))
    if reader == "polib":
        import polib

        catalog = polib.pofile(str(out))
        entries = [e for e in catalog if e.msgid]
        assert len(entries) == units
        entry = next(e for e in entries if e.occurrences[0][0] == "allusers.md")
        entry.msgstr += "（已校對）"
        catalog.save(str(tmp_path / "edited.po"))
    else:
        from translate.storage.pypo import pofile

        with out.open("rb") as stream:
            catalog = pofile(stream)
        entries = [u for u in catalog.units if not u.isheader()]
        assert len(entries) == units
        entry = next(u for u in entries if u.getlocations()[0].startswith("allusers.md:"))
        entry.target = entry.target + "（已校對）"
        (tmp_path / "edited.po").write_bytes(bytes(catalog))
    result = kbtools("import", tmp_path / "edited.po", "--into", msi_pages)
    assert "1 updated in 1 page" in result.err and "0 conflicts" in result.err
    assert "（已校對）" in (msi_pages / "allusers.md").read_text(encoding="utf-8")


def test_findings_become_notes_with_rule_ids_and_its_quality_issues(tmp_path, kbtools):
    (tmp_path / "p.md").write_text(
        page(segment("1-1", "設定 **allusers** 屬性。", "Set the **ALLUSERS** property.")), encoding="utf-8"
    )
    out = tmp_path / "out.xlf"
    kbtools("export", tmp_path / "p.md", "--format", "xliff", "--segments", "findings", "--output", out)
    note = ET.parse(out).getroot().find(f".//{XLIFF_NS}note")
    assert note is not None
    assert note.get("category") == "protected-term"
    assert note.get("{http://www.w3.org/2005/11/its}locQualityIssueType") == "terminology"
    po = tmp_path / "out.po"
    kbtools("export", tmp_path / "p.md", "--format", "po", "--segments", "findings", "--output", po)
    assert "#. protected-term [error]: 'ALLUSERS' appears as 'allusers' in the target\n#: p.md:6\n" in po.read_text(
        encoding="utf-8"
    )


def test_a_stale_segment_is_fuzzy_with_the_english_it_was_translated_from(tmp_path, kbtools):
    translated, english = tmp_path / "zh", tmp_path / "en"
    translated.mkdir()
    english.mkdir()
    (translated / "p.md").write_text(
        page(segment("1-1", "作者應該使用屬性。", "Authors should used the property.")), encoding="utf-8"
    )
    (english / "p.md").write_text("---\ntitle: T\n---\n\nAuthors should use the property.\n", encoding="utf-8")
    out = tmp_path / "stale.po"
    result = kbtools(
        "export", translated, "--format", "po", "--segments", "stale", "--english", english, "--output", out
    )
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert (
        '#, fuzzy\n#| msgid "Authors should used the property."\nmsgctxt "1-1"\nmsgid "Authors should use the property."'
        in text
    )


def test_tmx_holds_the_pairs_with_no_finding_only(tmp_path, kbtools):
    (tmp_path / "p.md").write_text(
        page(
            segment("1-1", "設定 **allusers** 屬性。", "Set the **ALLUSERS** property."), segment("1-2", "測試", "Test")
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.tmx"
    kbtools("export", tmp_path, "--format", "tmx", "--output", out)
    units = ET.parse(out).getroot().findall(".//tu")
    assert [tu.get("tuid") for tu in units] == ["p.md#1-2"]
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[0].findall("tuv")]
    assert langs == ["en-US", "zh-TW"]


# The W3C schema of the xml: attributes that the XLIFF core schema imports (xml:lang, xml:space),
# resolved here so that validating reaches no network; a copy beside the XLIFF schema wins.
XML_XSD = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang">
    <xs:simpleType>
      <xs:union memberTypes="xs:language">
        <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/></xs:restriction></xs:simpleType>
      </xs:union>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
  <xs:attributeGroup name="specialAttrs">
    <xs:attribute ref="xml:base"/><xs:attribute ref="xml:lang"/><xs:attribute ref="xml:space"/><xs:attribute ref="xml:id"/>
  </xs:attributeGroup>
</xs:schema>
"""


def _schema(schema_path: Path, tmp_path: Path):
    """The XLIFF core schema, its import of xml.xsd resolved locally (the network is never asked)."""
    from lxml import etree

    beside = schema_path.parent / "xml.xsd"
    if beside.is_file():
        xml_xsd = beside
    else:
        xml_xsd = tmp_path / "xml.xsd"
        xml_xsd.write_text(XML_XSD, encoding="utf-8")

    class LocalXmlSchema(etree.Resolver):
        def resolve(self, url, public_id, context):
            if url.rsplit("/", 1)[-1] == "xml.xsd":
                return self.resolve_filename(str(xml_xsd), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalXmlSchema())
    return etree.XMLSchema(etree.parse(str(schema_path), parser))


def test_the_schema_import_of_xml_xsd_is_resolved_without_the_network(tmp_path):
    from lxml import etree

    schema_path = tmp_path / "core.xsd"
    schema_path.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">'
        '<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>'
        '<xs:element name="t"><xs:complexType mixed="true"><xs:attribute ref="xml:space"/></xs:complexType></xs:element>'
        "</xs:schema>",
        encoding="utf-8",
    )
    schema = _schema(schema_path, tmp_path)
    assert schema.validate(etree.fromstring('<t xmlns="urn:t" xml:space="preserve">x</t>'))
    assert not schema.validate(etree.fromstring('<t xmlns="urn:t" xml:space="kept">x</t>'))


@pytest.mark.corpus
@pytest.mark.parametrize("locale", ["zh-tw", "fr-fr", "it-it", "ru-ru"])
def test_xliff_export_is_valid_against_the_oasis_core_schema(corpus_root, tmp_path, kbtools, locale):
    schema_path = os.environ.get("KBTOOLS_XLIFF_SCHEMA")
    if not schema_path:
        # No Python, npm or Debian package ships the OASIS xliff_core_2.0.xsd (see docs/ci.md).
        pytest.skip("set KBTOOLS_XLIFF_SCHEMA to a copy of the OASIS xliff_core_2.0.xsd to validate")
    from lxml import etree

    schema = _schema(Path(schema_path), tmp_path)
    source = corpus_root / f"win32-{locale}-sxs" / "desktop-src" / "Msi"
    folder = tmp_path / "Msi"
    folder.mkdir()
    for name in PAGES:
        shutil.copyfile(source / name, folder / name)
    out = tmp_path / "msi.xlf"
    assert kbtools("export", folder, "--format", "xliff", "--output", out).code == 0
    document = etree.parse(str(out))
    assert schema.validate(document), schema.error_log
