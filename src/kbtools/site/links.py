"""Where a link from a source page goes on the published site.

Links between pages of the knowledge base become relative links between site pages; every
other page link goes to its published page on Microsoft Learn, so nothing dangles.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

PUBLISHED_SITE = "https://learn.microsoft.com"
DEFAULT_LEARN_LOCALE = "en-us"

# Schemes that may stay as they are; anything else (javascript:, data:, vbscript:, file:) is dropped.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


# Characters kept as they are in a URL written on the site; the rest are percent-encoded.
URL_SAFE = "/:#?&=%@+,;!$'*()-._~"


def published_page(target: str, learn_locale: str = DEFAULT_LEARN_LOCALE) -> str:
    """The published URL, in the Microsoft Learn locale `learn_locale` (`fr-fr`), of a page link
    written relative to the Msi folder."""
    path, _, fragment = target.partition("#")
    site = f"{PUBLISHED_SITE}/{learn_locale.lower()}"
    if path.startswith("/"):
        url = site + _strip_md(path)
    else:
        resolved = posixpath.normpath(posixpath.join("msi", path))
        url = f"{site}/windows/win32/" + _strip_md(resolved.lstrip("./"))
    return quote(url + ("#" + fragment if fragment else ""), safe=URL_SAFE)


def _strip_md(path: str) -> str:
    return path[:-3] if path.lower().endswith(".md") else path


class LinkResolver:
    """Resolves link targets written in the source pages to URLs of the built site.

    `site_pages` maps a source page file name (`installvalidate-action.md`) to the site path
    of the page generated for it (`properties/installvalidate.html`).
    """

    def __init__(self, site_pages: Mapping[str, str], learn_locale: str = DEFAULT_LEARN_LOCALE) -> None:
        self._site_pages = {name.lower(): path for name, path in site_pages.items()}
        self.learn_locale = learn_locale

    def resolve(self, target: str, from_page: str) -> str | None:
        """The URL to use for `target` on the site page `from_page`, or None to drop the link."""
        target = target.strip()
        if not target:
            return None
        if target.startswith("#"):
            return target
        parts = urlsplit(target)
        if parts.scheme:
            return target if parts.scheme.lower() in SAFE_SCHEMES else None
        if target.startswith("//"):
            return None
        path, _, fragment = target.partition("#")
        site_path = None if "/" in path else self._site_pages.get(path.lower())
        if site_path is None:
            return published_page(target, self.learn_locale)
        # The generated page does not keep the source page's anchors, so the fragment goes.
        return posixpath.relpath(site_path, posixpath.dirname(from_page) or ".")

    def site_path(self, page_name: str) -> str | None:
        return self._site_pages.get(page_name.lower())
