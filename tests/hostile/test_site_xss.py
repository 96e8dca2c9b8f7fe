"""Hostile pages through a real build: no text from a page becomes script on the site.

Every payload goes into every place a page's text reaches a generated page (front matter
title and description, headings, paragraphs, table cells, link targets, file names, the
category headings of `property-reference.md`), on the target and the source side. Each built
page is then opened in Chromium: no dialog may open, and the DOM may hold no `on*` attribute
and no `javascript:` link.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kbtools.site.build import build_site

pytestmark = [pytest.mark.browser]


PAYLOADS = [
    "*d*{: onfocus=alert(1) autofocus }",
    r"\*d\*{: onfocus=alert(2) autofocus tabindex=0 }",
    "**b**{ onmouseover=alert(3) }",
    "`c`{: onclick=alert(4) }",
    "[x](javascript:alert(5))",
    "[x](  JaVaScRiPt:alert(6) )",
    "<javascript:alert(7)>",
    "[x][evil]\n\n[evil]: javascript:alert(8)",
    '![x](x" onerror="alert(9))',
    "<img src=x onerror=alert(10)>",
    "&lt;img src=x onerror=alert(11)&gt;",
    "<script>alert(12)</script>",
    '"><svg onload=alert(13)>',
    "</title><script>alert(14)</script>",
    "<details open ontoggle=alert(15)>x</details>",
    "a.md) <img src=x onerror=alert(16)> (.md",
    "{: #x onfocus=alert(17) autofocus }",
    '<a href="javascript:alert(18)">x</a>',
    "| a | <img src=x onerror=alert(19)> |",
    "# h {: onfocus=alert(20) autofocus }",
    "&#42;d&#42;{: onfocus=alert(21) autofocus tabindex=0 }",
    r"\\*d\\*{: onfocus=alert(22) autofocus tabindex=0 }",
    "&#95;d&#95;{: onmouseover=alert(23) }",
    "&#91;x&#93;&#40;javascript:alert(24)&#41;",
]

# File names a contributor could commit (no `/`, which no file name holds).
FILE_NAMES = [
    "a.md) <img src=x onerror=alert(31)> (",
    "b{: onfocus=alert(32) autofocus }",
    'c"><svg onload=alert(33)>',
    "d[x](javascript:alert(34))",
]


def _segment(segment_id: str, target: str, source: str) -> str:
    return (
        f'<span data-ttu-id="{segment_id}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{segment_id}">{source}</span></span>'
    )


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def property_page(number: int, payload: str) -> str:
    """A property page with `payload` in every place a page carries text."""
    line = _one_line(payload)
    ids = iter(range(100, 200))

    def seg(target: str, source: str) -> str:
        return _segment(f"x{number}-{next(ids)}", target, source)

    name = f"EVIL{number}{line}"
    front = {
        "title": f"{payload} 屬性",
        "description": f"描述 {payload}",
        "ms.contentlocale": "zh-TW",
        "ms.translationtype": "MT",
        "ms.date": payload,
    }
    front_matter = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items())
    return f"""---
{front_matter}
---
# <a name="{line}"></a>{seg(f"{line} 屬性", f"{name} property")}

{seg(f"描述 {line}", f"Summary {line}")} {seg(f"[連結 {line}](javascript:alert(40))", f"[link]({line})")}

[{seg("包裝的連結", "Wrapped link")}]({line})

> [!NOTE]
> {seg(f"注意 {line}", f"Note {line}")}

## {seg(f"標題 {line}", f"Heading {line}")}

1. {seg(f"第一 {line}", f"First {line}")}
2. {seg("第二", "Second")} {line}

- {seg(f"項目 {line}", f"Item {line}")}

| {seg("值", "Value")} | {seg("意義", "Meaning")} |
|---|---|
| {line.replace("|", "&#124;")} | {seg(f"意義 {line}", f"Meaning {line}")} |
| {seg(f"{line}", f"{line}")} | {seg("其他", "Other")} |

```{line.split()[0] if line.split() else "x"}
{payload}
```

## <a name="remarks"></a>{seg("備註", "Remarks")}

{seg(f"當 {line} 時", f"When {line}")} {payload}

## {seg("預設值", "Default Value")}

{seg(f"預設 {line}", f'By default the **{name}** property is "{line}".')}

## {seg("需求", "Requirements")}

| {seg("需求", "Requirement")} | {seg("值", "Value")} |
|---|---|
| {seg("版本", "Version")} | {seg(f"Windows XP 上的 Windows Installer 3.0 {line}", f"Windows Installer 3.0 on Windows XP {line}")} |
| {seg("DLL", "DLL")} | {seg(line, line)} |

## {seg("另請參閱", "See also")}

[{seg(f"參閱 {line}", f"See {line}")}]({line})

[{seg("腳本", "Script")}](javascript:alert(41))
"""


def reference_page(payloads: list[str]) -> str:
    """A hand-written `property-reference.md` whose category headings carry the payloads."""
    parts = [
        "---\ntitle: 屬性參考\nms.contentlocale: zh-TW\n---\n# " + _segment("r-1", "屬性參考", "Property Reference")
    ]
    for number, payload in enumerate(payloads):
        line = _one_line(payload)
        parts.append(f"## {_segment(f'r-{number}-h', f'類別 {line}', f'Category {line}')}\n")
        parts.append(
            f"| {_segment(f'r-{number}-a', '屬性', 'Property')} | {_segment(f'r-{number}-b', '描述', 'Description')} |"
        )
        parts.append("|---|---|")
        name = f"EVIL{number}{line}"
        parts.append(
            f"| [{_segment(f'r-{number}-c', name, name)}](evil-{number}.md) | {_segment(f'r-{number}-d', line, line)} |\n"
        )
    return "\n".join(parts)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("hostile-source")
    for number, payload in enumerate(PAYLOADS):
        (source / f"evil-{number}.md").write_text(property_page(number, payload), encoding="utf-8")
    for number, name in enumerate(FILE_NAMES, start=len(PAYLOADS)):
        try:
            (source / f"{name}.md").write_text(property_page(number, name), encoding="utf-8")
        except OSError:
            continue
    (source / "property-reference.md").write_text(reference_page(PAYLOADS), encoding="utf-8")
    site = build_site(source, tmp_path_factory.mktemp("hostile") / "site")
    return site


def _pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def test_every_hostile_page_is_built(hostile_site):
    properties = [path for path in _pages(hostile_site) if path.parent.name == "properties"]
    assert len(properties) >= len(PAYLOADS)


SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|data):", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")


def test_no_generated_html_holds_an_event_attribute_or_a_script_url(hostile_site):
    from bs4 import BeautifulSoup

    offenders = []
    for path in _pages(hostile_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    offenders.append(f"{path.relative_to(hostile_site)}: <{tag.name} {name}=...>")
                if name.lower() in URL_ATTRIBUTES and SCRIPT_URL.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                    offenders.append(f"{path.relative_to(hostile_site)}: <{tag.name} {name}={value!r}>")
    assert not offenders, "\n".join(offenders)


DOM_CHECK = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(element.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) &&
          (value.startsWith('javascript:') || value.startsWith('vbscript:') || value.startsWith('data:')))
        found.push(element.tagName + ' ' + name + '=' + value);
    }
  }
  for (const script of document.querySelectorAll('script:not([src])'))
    if (/alert\\(/.test(script.textContent)) found.push('inline script ' + script.textContent.slice(0, 40));
  return found;
}"""


@pytest.fixture(scope="module")
def chromium(browser):
    return browser


def test_no_page_runs_script_in_chromium(hostile_site, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(f"{tab.url}: {dialog.message}"), dialog.dismiss()))
    problems: list[str] = []
    pages = _pages(hostile_site)
    try:
        for path in pages:
            tab.goto(path.as_uri())
            # Give focus handlers (`autofocus`) and image errors a moment, then hover everything.
            tab.wait_for_timeout(50)
            tab.evaluate(
                "() => document.querySelectorAll('a, span, em, strong, code, td').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
            )
            problems.extend(f"{path.relative_to(hostile_site)}: {item}" for item in tab.evaluate(DOM_CHECK))
    finally:
        context.close()
    assert len(pages) > len(PAYLOADS)
    assert not dialogs, dialogs
    assert not problems, "\n".join(problems)


def test_payload_text_is_shown_as_text(hostile_site):
    """Escaping keeps the words: the payload is readable on the page, not dropped."""
    html = (hostile_site / "properties" / "evil-0.html").read_text(encoding="utf-8")
    from html import unescape

    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert "*d*{: onfocus=alert(1) autofocus }" in text
