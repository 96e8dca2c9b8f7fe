"""The locales a page's `ms.contentlocale` may name: those Microsoft Learn publishes docs in.

`--locale` and the configuration's `locale` are checked against this list, so that a mistyped
locale (`zh-tw-x`, `xx`) is refused with the close ones instead of reporting every page.
Comparison ignores case: the corpus writes `zh-TW` in pages and `zh-tw` in folder names.
"""

from __future__ import annotations

KNOWN_LOCALES: tuple[str, ...] = (
    "ar-SA",
    "bg-BG",
    "bs-Latn-BA",
    "ca-ES",
    "cs-CZ",
    "cy-GB",
    "da-DK",
    "de-AT",
    "de-CH",
    "de-DE",
    "el-GR",
    "en-AU",
    "en-CA",
    "en-GB",
    "en-IE",
    "en-IN",
    "en-MY",
    "en-NZ",
    "en-SG",
    "en-US",
    "en-ZA",
    "es-ES",
    "es-MX",
    "et-EE",
    "eu-ES",
    "fi-FI",
    "fil-PH",
    "fr-BE",
    "fr-CA",
    "fr-CH",
    "fr-FR",
    "ga-IE",
    "gl-ES",
    "he-IL",
    "hi-IN",
    "hr-HR",
    "hu-HU",
    "id-ID",
    "is-IS",
    "it-CH",
    "it-IT",
    "ja-JP",
    "ka-GE",
    "kk-KZ",
    "ko-KR",
    "lb-LU",
    "lt-LT",
    "lv-LV",
    "ms-MY",
    "mt-MT",
    "nb-NO",
    "nl-BE",
    "nl-NL",
    "pl-PL",
    "pt-BR",
    "pt-PT",
    "ro-RO",
    "ru-RU",
    "sk-SK",
    "sl-SI",
    "sr-Cyrl-RS",
    "sr-Latn-RS",
    "sv-SE",
    "th-TH",
    "tr-TR",
    "uk-UA",
    "vi-VN",
    "zh-CN",
    "zh-HK",
    "zh-TW",
)


def known_locale(name: str) -> str | None:
    """The locale as this list spells it, or None when `name` is not a known locale."""
    by_lower = {locale.lower(): locale for locale in KNOWN_LOCALES}
    return by_lower.get(name.lower())
