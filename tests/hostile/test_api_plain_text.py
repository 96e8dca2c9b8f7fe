"""The records' plain-text fields (docs/records.md: titles, summaries, statement texts,
requirement rows, see-also titles) hold no markup, whatever markup the page hides in them:
the site escapes them, an API client may put them into HTML as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_support import parse_json

# What an HTML parser would read as a tag, an end tag, a comment or a declaration.
MARKUP = re.compile(r"<[A-Za-z!/?]")
IFRAME = '<iframe srcdoc="<img src=x onerror=alert(1)>"></iframe>'
ESCAPED_IMG = "\\<img src=x onerror=alert(2)\\>"
ENTITY_SCRIPT = "&lt;script&gt;alert(3)&lt;/script&gt;"
# (what the sample page says, what it says in the hostile copy)
BENDS = [
    ("description: 安裝程式", "description: <img src=x onerror=alert(0)>安裝程式"),
    ("MsiRestartManagerSessionKey 屬性</span>", f"MsiRestartManagerSessionKey {IFRAME} 屬性</span>"),
    ("The installer sets the value", f"The installer {IFRAME} {ESCAPED_IMG} sets the value"),
    ('<span data-stu-id="75da0-112">Version</span>', f'<span data-stu-id="75da0-112">Version {IFRAME}</span>'),
    (
        "Windows Installer 5.0 on Windows Server 2012",
        f"Windows Installer 5.0 {IFRAME} {ENTITY_SCRIPT} on Windows Server 2012",
    ),
    ('<span data-stu-id="75da0-117">Properties</span>', f'<span data-stu-id="75da0-117">Properties {IFRAME}</span>'),
]


@pytest.fixture(scope="module")
def record(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    text = (sample_dir / "msirestartmanagersessionkey.md").read_text(encoding="utf-8")
    for plain, bent in BENDS:
        assert plain in text
        text = text.replace(plain, bent, 1)
    folder = tmp_path_factory.mktemp("plain") / "pages"
    folder.mkdir()
    (folder / "msirestartmanagersessionkey.md").write_text(text, encoding="utf-8")
    result, kb = parse_json(folder, folder.parent / "kb.json")
    assert result.code == 0, result.err
    (only,) = kb["properties"]
    return only


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


@pytest.mark.parametrize(
    "field",
    ["title", "summary", "requirements.rows", "requirements.statements", "see_also"],
)
def test_a_plain_text_field_holds_no_markup(record, field):
    value: object = record
    for key in field.split("."):
        value = value[key]  # type: ignore[index]
    texts = [text for text in _texts(value) if not text.endswith(".md")]  # see_also targets are paths
    assert texts, field
    assert [text for text in texts if MARKUP.search(text)] == []


def test_the_words_around_the_markup_stay(record):
    assert record["title"] == {
        "en-US": "MsiRestartManagerSessionKey property",
        "zh-TW": "MsiRestartManagerSessionKey 屬性",
    }
    assert record["summary"]["zh-TW"].startswith("安裝程式會將 MsiRestartManagerSessionKey 屬性的值")
    assert record["requirements"]["rows"][0]["label"]["en-US"] == "Version"
