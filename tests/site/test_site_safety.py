"""Segment markup is untrusted: only allow-listed HTML from a translation reaches a page."""

from __future__ import annotations

import re

import pytest

from kbtools.kb.record import LocalizedSegment, PropertyRecord, Source
from kbtools.site.links import LinkResolver
from kbtools.site.markup import render_markup
from kbtools.site.property_page import render_property_page

RESOLVER = LinkResolver({}, "zh-tw")
PAGE = "properties/evil.html"


@pytest.mark.parametrize(
    "markup",
    [
        "安裝<script>alert(1)</script>程式",
        "<SCRIPT src=x.js></SCRIPT>安裝程式",
        "安裝程式<style>body{display:none}</style>",
        '<img src=x onerror="alert(1)">安裝程式',
        '<a href="x" onclick="alert(1)">安裝程式</a>',
        '<span onmouseover="alert(1)">安裝程式</span>',
        "<iframe src=x></iframe>安裝程式",
    ],
)
def test_scripts_and_event_attributes_never_reach_the_page(markup):
    html = render_markup(markup, RESOLVER, PAGE).lower()
    assert "<script" not in html and "alert" not in html and "<style" not in html
    assert "onerror" not in html and "onclick" not in html and "onmouseover" not in html
    assert "<iframe" not in html and "<img" not in html
    assert "安裝" in html


@pytest.mark.parametrize(
    "markup",
    [
        "[按這裡](javascript:alert(1))",
        '<a href="javascript:alert(1)">按這裡</a>',
        '<a href="  JaVaScRiPt:alert(1)">按這裡</a>',
        '<a href="java&#x09;script:alert(1)">按這裡</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">按這裡</a>',
    ],
)
def test_javascript_urls_never_become_links_and_the_text_is_kept(markup):
    html = render_markup(markup, RESOLVER, PAGE).lower()
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [href for href in hrefs if "script" in href or href.startswith("data:")]
    assert "按這裡" in html


def test_markdown_emphasis_code_and_links_survive():
    html = render_markup("設定 **ALLUSERS** 與 `Msi.h`，請參閱 [屬性](properties.md)。", RESOLVER, PAGE)
    assert "<strong>ALLUSERS</strong>" in html
    assert "<code>Msi.h</code>" in html
    assert 'href="https://learn.microsoft.com/zh-tw/windows/win32/msi/properties"' in html


def test_a_hostile_record_renders_a_page_without_script():
    record = PropertyRecord(
        name="Evil",
        slug="evil",
        kind="installer",
        title={"zh-TW": "Evil<script>alert(1)</script> 屬性", "en-US": "Evil property"},
        summary={"zh-TW": "<img src=x onerror=alert(1)>摘要", "en-US": "Summary"},
        semantics=[
            LocalizedSegment.model_validate(
                {"id": "1", "zh-TW": '<a href="javascript:alert(1)">連結</a>', "en-US": "<script>x()</script>link"}
            )
        ],
        source=Source(path="evil.md"),
    )
    page = render_property_page(record, RESOLVER).lower()
    assert "<script" not in page and "javascript:" not in page and "onerror" not in page
