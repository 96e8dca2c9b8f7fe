"""lost-abbreviation: an abbreviation the source defines in parentheses, lost or recased in the
target. Real pairs of the corpus and small hand-written pages."""

from __future__ import annotations

from pathlib import Path

from sxs_pages import page, segment
from test_names_tokens_typography import IT, RU, corpus_messages, messages

RULE = "lost-abbreviation"
FR = "---\ntitle: Essai\nms.contentlocale: fr-FR\n---\n"


def test_an_abbreviation_recased_in_chinese_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-zh-tw-sxs/desktop-src/SecCrypto/capicom-check-flag.md", "d2fb1-122", RULE
    )
    assert found == ["the abbreviation 'CRL' appears as 'Crl' in the target"]


def test_an_abbreviation_dropped_where_the_translation_uses_it_elsewhere_is_reported(corpus_root: Path) -> None:
    found = corpus_messages(
        corpus_root, "win32-it-it-sxs/desktop-src/Msi/guidelines-for-packages.md", "42b7c-104", RULE
    )
    assert found == ["the abbreviation '(UAC)' is missing from the target, which uses it elsewhere"]


def test_an_abbreviation_dropped_where_the_translation_spells_it_out_everywhere_is_not_reported() -> None:
    text = page(
        segment("1-1", "Fornisce un'interfaccia utente completa.", "Provides a complete user interface (UI)."),
        front_matter=IT,
    )
    assert messages(text, RULE) == []


def test_an_abbreviation_kept_is_not_reported() -> None:
    text = page(
        segment("1-1", "Il controllo dell'account utente (UAC) è attivo.", "User Account Control (UAC) is on."),
        segment("1-2", "Con UAC.", "With UAC."),
        front_matter=IT,
    )
    assert messages(text, RULE) == []


def test_a_plural_abbreviation_kept_in_the_singular_is_not_reported() -> None:
    text = page(segment("1-1", "資料夾具有類別識別碼 (CLSID)：", "Folders have class identifiers (CLSIDs):"))
    assert messages(text, RULE) == []


def test_a_unit_written_in_the_language_s_letters_is_not_reported() -> None:
    text = page(
        segment("1-1", "Значение в килобайтах (КБ).", "The value in kilobytes (KB)."),
        segment("1-2", "Размер 4 КБ.", "A size of 4 KB."),
        front_matter=RU,
    )
    assert messages(text, RULE) == []


def test_the_french_abbreviation_of_user_interface_is_accepted() -> None:
    text = page(
        segment("1-1", "Si vous créez une interface utilisateur (IU) ...", "If you author a user interface (UI) ..."),
        segment("1-2", "L'IU interne.", "The internal UI."),
        front_matter=FR,
    )
    assert messages(text, RULE) == []


def test_a_word_in_capitals_for_emphasis_is_not_an_abbreviation() -> None:
    text = page(segment("1-1", "Valore predefinito (nessuno)", "Default value (NONE)"), front_matter=IT)
    assert messages(text, RULE) == []
