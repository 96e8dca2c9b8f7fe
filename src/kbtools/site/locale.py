"""The site's locale: the language its pages are in, and its own words in that language.

The locale is the pages' `ms.contentlocale`. The site's own words (headings, card labels, kinds,
notices) come from a message catalog per locale, one data file each in `site/messages/`
(`fr-FR.toml`); a key the catalog lacks, or a locale without a catalog, falls back to English
(`en-US.toml`). Adding a locale adds a file. Dates and numbers are written in the locale's form
by Babel; links to Microsoft Learn go to the locale's pages.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib.resources import files as package_files
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from kbtools.kb.record import LocalizedText

SOURCE = "en-US"
FALLBACK = "en-US"
# A locale code as pages write it: `zh-TW`, `fr-FR`, `sr-Latn-RS`.
_LOCALE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


class MissingMessage(KeyError):
    """A key that no catalog holds, not even English: a bug in the site's code."""


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = str(value)
    return flat


@cache
def catalog(code: str) -> dict[str, str]:
    """The messages of the catalog file `messages/<code>.toml`, flattened (`kind.installer`);
    empty when there is no such file."""
    if not _LOCALE_CODE.fullmatch(code):
        return {}
    resource = package_files("kbtools.site") / "messages" / f"{code}.toml"
    if not resource.is_file():
        return {}
    return _flatten(tomllib.loads(resource.read_text(encoding="utf-8")))


def catalog_locales() -> list[str]:
    """The locales that have a catalog file, English first."""
    names = sorted(
        p.name.removesuffix(".toml")
        for p in (package_files("kbtools.site") / "messages").iterdir()
        if p.name.endswith(".toml")
    )
    return sorted(names, key=lambda name: name != FALLBACK)


@dataclass(frozen=True)
class SiteLocale:
    """The locale of one site: its code, its words, its date and number forms, its Learn links."""

    code: str
    messages: dict[str, str] = field(repr=False)
    english: dict[str, str] = field(repr=False)

    @classmethod
    def of(cls, code: str | None) -> SiteLocale:
        """The site locale of pages whose `ms.contentlocale` is `code` (English when None)."""
        code = _canonical(code or FALLBACK)
        english = catalog(FALLBACK)
        own = catalog(code) or catalog(_closest_catalog(code))
        return cls(code=code, messages={**english, **own}, english=english)

    def text(self, key: str, **values: object) -> str:
        """The message `key` in this locale (English when the catalog lacks it)."""
        try:
            message = self.messages[key]
        except KeyError:
            raise MissingMessage(key) from None
        return message.format(**values) if values else message

    def english_text(self, key: str, **values: object) -> str:
        message = self.english.get(key)
        if message is None:
            raise MissingMessage(key)
        return message.format(**values) if values else message

    def pair(self, key: str, **values: object) -> LocalizedText:
        """The message in this locale and in English, as a localized text."""
        return {self.code: self.text(key, **values), SOURCE: self.english_text(key, **values)}

    def has(self, key: str) -> bool:
        return key in self.messages

    @property
    def is_english(self) -> bool:
        return self.code.split("-")[0].lower() == "en"

    @property
    def html_lang(self) -> str:
        return self.code

    @property
    def material_language(self) -> str:
        """Material's `theme.language` (its own words: search box, navigation, footer)."""
        return self.text("locale.material_language")

    @property
    def learn_path(self) -> str:
        """The locale as Microsoft Learn writes it in its URLs (`fr-fr`)."""
        return self.code.lower()

    @property
    def url_path(self) -> str:
        """The folder of this locale in a site of several (`fr-fr/`)."""
        return self.code.lower()

    @property
    def babel(self) -> Locale:
        return _babel_locale(self.code)

    @property
    def name(self) -> str:
        """The locale's name in its own language (`français (France)`)."""
        own = self.babel.get_display_name(self.babel) or self.code
        return own[:1].upper() + own[1:]

    @property
    def list_separator(self) -> str:
        """What the locale writes between the items of a list (`, `, `、`), from Babel's list patterns."""
        pattern = self.babel.list_patterns.get("standard", {}).get("middle", "{0}, {1}")
        return pattern.replace("{0}", "").replace("{1}", "") or ", "

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=self.babel)

    def date(self, value: str | None) -> str:
        """A page date (`05/31/2018`, or ISO) in the locale's form; other forms as they are."""
        if not value:
            return ""
        parsed = _parse_date(value)
        return format_date(parsed, format="medium", locale=self.babel) if parsed else value

    def iso_date(self, value: str | None) -> str:
        """A page date as ISO 8601 (for `<time datetime>`), or as it is when it cannot be read."""
        parsed = _parse_date(value or "")
        return parsed.isoformat() if parsed else (value or "")

    def js_messages(self) -> dict[str, str]:
        """The messages the site's scripts show (`js.*`), for the page's `<meta>`."""
        messages = {key.removeprefix("js."): value for key, value in self.messages.items() if key.startswith("js.")}
        return {"locale": self.code, **messages}


def _canonical(code: str) -> str:
    parts = code.replace("_", "-").split("-")
    head = parts[0].lower()
    rest = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in parts[1:]]
    return "-".join([head, *rest])


def _closest_catalog(code: str) -> str:
    """A catalog of the same language (`fr-CA` -> `fr-FR`), else English."""
    language = code.split("-")[0]
    for name in catalog_locales():
        if name.split("-")[0] == language:
            return name
    return FALLBACK


@cache
def _babel_locale(code: str) -> Locale:
    try:
        return Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(code.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en_US")


def _parse_date(value: str) -> date | None:
    for form in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    return None
