"""`kbtools parse`, `query` and `schema`: outputs on stdout, one-line errors on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kb_sxs_pages import front_matter, seg, write

from kbtools.cli import main
from kbtools.kb.schema import SHIPPED_SCHEMA, knowledge_base_schema


def _property_page(name: str, locale: str = "zh-TW") -> str:
    return (
        front_matter(locale, f"{name} 屬性", f"{name} 描述。")
        + f"# {seg('aa111-1', f'{name} 屬性', f'{name} property')}\n\n"
        + seg("aa111-2", f"安裝程式會設定 **{name}** 屬性。", f"The installer sets the **{name}** property.")
        + "\n\n## "
        + seg("aa111-3", "規格需求", "Requirements")
        + "\n\n| "
        + seg("aa111-4", "需求", "Requirement")
        + " | "
        + seg("aa111-5", "值", "Value")
        + " |\n|---|---|\n| "
        + seg("aa111-6", "版本", "Version")
        + "<br/> | "
        + seg("aa111-7", "Windows XP 上的 Windows Installer", "Windows Installer on Windows XP")
        + "<br/> |\n"
    )


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    directory = tmp_path / "zh-TW"
    write(directory, "fooproperty.md", _property_page("FooProperty"))
    write(directory, "barproperty.md", _property_page("BARPROPERTY"))
    write(
        directory,
        "not-a-property.md",
        front_matter("zh-TW", "x", "y") + "# " + seg("aa111-1", "表格", "Some table") + "\n",
    )
    return directory


def test_parse_writes_all_records(pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kb.json"
    assert main(["parse", str(pages), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert data["locale"] == "zh-TW"
    assert data["source"]["pages"] == 2 and data["source"]["latest_handoff"] == "2021-03-22"
    assert data["generated_at"].endswith("Z")
    assert [record["name"] for record in data["properties"]] == ["BARPROPERTY", "FooProperty"]
    assert data["properties"][0]["source"]["ms.date"] == "05/31/2018"
    assert capsys.readouterr().err == ""


def test_parse_reports_an_unreadable_page_and_parses_the_rest(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = pages / "broken.md"
    broken.write_bytes(_property_page("Broken").encode("utf-8").replace(b"Broken", b"Br\xffoken", 1))
    out = tmp_path / "kb.json"
    assert main(["parse", str(pages), "--out", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["properties"]) == 2
    [error] = data["errors"]
    assert error["path"].endswith("broken.md") and error["line"] == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "broken.md:2: not valid UTF-8" in err[0]
    assert "Traceback" not in err[0]


def test_parse_of_a_missing_directory_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope")]) == 2
    assert "nope: no such directory" in capsys.readouterr().err


def test_query_prints_one_record(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "fooproperty", "--source", str(pages), "--fields", "name,kind,public,lifetime"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["name"] == "FooProperty"
    assert record["public"] is False
    assert record["lifetime"]["set_by"] == ["installer"]
    assert set(record) == {"name", "kind", "public", "lifetime"}


def test_query_of_an_unknown_name_exits_1_with_suggestions(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "FooProprety", "--source", str(pages)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no property named 'FooProprety' in " in captured.err
    assert "(2 properties); did you mean: FooProperty" in captured.err


def test_query_filters_print_a_list(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["query", "--source", str(pages), "--os", "windows xp", "--runtime", "Windows Installer"]
    assert main([*args, "--fields", "name"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"name": "BARPROPERTY"}, {"name": "FooProperty"}]
    assert main(["query", "--source", str(pages), "--os", "Windows Vista"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_query_of_a_name_the_source_lacks_says_where_it_looked(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "ALLUSERS", "--source", str(pages)]) == 1
    err = capsys.readouterr().err.strip()
    assert f"in {pages} (2 properties)" in err
    assert "--source" in err and "KBTOOLS_SOURCE" in err
    assert len(err.splitlines()) == 1


def test_query_reads_a_parsed_knowledge_base(pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kb.json"
    main(["parse", str(pages), "--out", str(out)])
    assert main(["query", "BARPROPERTY", "--kb", str(out), "--fields", "slug"]) == 0
    assert json.loads(capsys.readouterr().out) == {"slug": "barproperty"}


def test_query_of_a_name_with_filters_answers_for_that_property(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "barproperty", "--source", str(pages), "--kind", "installer", "--fields", "name"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"name": "BARPROPERTY"}]
    assert main(["query", "barproperty", "--source", str(pages), "--kind", "summary", "--fields", "name"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["query", "NOPROPERTY", "--source", str(pages), "--kind", "installer"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--os", "Windows 95"], "--os: unknown Windows version 'Windows 95'"),
        (["--fields", "name,colour"], "--fields: unknown field colour"),
        (["--version", "four"], "--version: unknown runtime version 'four'"),
        (["--version", "3.1"], "--version: unknown runtime version '3.1'; known: none"),
        (["--kind", "public"], "--kind: unknown kind 'public'"),
        (["--category", "Hardware"], "--category: unknown category 'Hardware'"),
        (["--set-by", "nobody"], "--set-by: unknown set-by value 'nobody'"),
        (["--runtime", "msi"], "--runtime: unknown runtime 'msi'; did you mean 'Windows Installer'?"),
        (["--since", "1.0"], "--since: unknown first runtime version a page states '1.0'"),
        (["--used-by", "NoSuchAction"], "--used-by: unknown used-by action 'NoSuchAction'"),
    ],
)
def test_query_usage_errors_exit_2(
    pages: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["query", "--source", str(pages), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_query_of_a_file_that_is_not_a_knowledge_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"properties": [{"name": 1}]}', encoding="utf-8")
    assert main(["query", "x", "--kb", str(bad)]) == 2
    assert "bad.json: not a knowledge base" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["query", "runtimes"])
@pytest.mark.parametrize("text", ['{"foo": 1}', "{}", '{"version": 1}'])
def test_a_json_object_of_another_shape_is_not_read_as_an_empty_knowledge_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, text: str
) -> None:
    other = tmp_path / "other.json"
    other.write_text(text, encoding="utf-8")
    assert main([command, "--kb", str(other)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{other}: not a knowledge base written by `kbtools parse`" in err and "'properties'" in err


def test_an_empty_knowledge_base_written_by_parse_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pages").mkdir()
    out = tmp_path / "kb.json"
    assert main(["parse", str(tmp_path / "pages"), "--allow-empty", "--output", str(out)]) == 0
    assert main(["query", "--kb", str(out), "--fields", "name"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == knowledge_base_schema()
    assert printed == json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")), "regenerate: kbtools schema --out " + str(
        SHIPPED_SCHEMA
    )
    assert main(["schema", "--record"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "PropertyRecord"


@pytest.mark.corpus
def test_parse_output_of_the_corpus_validates_against_the_schema(msi_dir: Path, tmp_path: Path) -> None:
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    out = tmp_path / "kb.json"
    assert main(["parse", str(msi_dir), "--out", str(out)]) == 0
    validator = jsonschema_rs.validator_for(json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")))
    validator.validate(json.loads(out.read_text(encoding="utf-8")))


def test_a_property_page_with_broken_front_matter_is_an_error_entry(pages: Path) -> None:
    from kbtools.kb import build_knowledge_base

    text = _property_page("Broken").replace("ms.date: 05/31/2018\n", "ms.date: [05/31/2018\n")
    write(pages, "broken.md", text)
    knowledge_base = build_knowledge_base(pages)
    [error] = knowledge_base.errors
    assert error.path.endswith("broken.md")
    assert error.message.startswith("front matter: unparseable YAML")
    assert len(knowledge_base.properties) == 2


@pytest.mark.corpus
def test_parse_with_english_says_whether_each_translation_is_current(
    msi_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, english = tmp_path / "zh" / "Msi", tmp_path / "en" / "Msi"
    source.mkdir(parents=True)
    english.mkdir(parents=True)
    (source / "allusers.md").write_bytes((msi_dir / "allusers.md").read_bytes())
    (english / "allusers.md").write_bytes((msi_dir.parents[2] / "win32-en-us/desktop-src/Msi/allusers.md").read_bytes())
    assert main(["parse", str(source), "--english", str(english)]) == 0
    [record] = json.loads(capsys.readouterr().out)["properties"]
    assert record["freshness"] is not None and isinstance(record["freshness"]["current"], bool)
    assert main(["parse", str(source), "--english", str(tmp_path / "nowhere")]) == 2
    assert "--english" in capsys.readouterr().err
