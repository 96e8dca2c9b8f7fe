"""The site in its pages' locale: catalogs, Material's language, dates, Learn links, names as names,
refused sources, and one site of several locales."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kbtools.cli import main
from kbtools.kb import build_knowledge_base
from kbtools.kb.records import decoded_description
from kbtools.site.build import build_sites
from kbtools.site.locale import SiteLocale, catalog, catalog_locales

REQUIRED_LOCALES = ("zh-TW", "zh-CN", "ja-JP", "ko-KR", "de-DE", "fr-FR", "it-IT", "es-ES", "pt-BR", "ru-RU")


@pytest.mark.parametrize("code", REQUIRED_LOCALES)
def test_each_required_locale_has_a_catalog_with_only_known_keys(code):
    own = catalog(code)
    assert own, f"no catalog for {code}"
    assert set(own) <= set(catalog("en-US"))
    assert own["label.home"] != catalog("en-US")["label.home"]


def test_a_locale_without_catalog_falls_back_to_english_with_its_own_date_form():
    dutch = SiteLocale.of("nl-NL")
    assert dutch.text("label.matrix") == "Compatibility matrix"
    assert dutch.date("05/31/2018") == "31 mei 2018"
    assert dutch.material_language == "en"


def test_dates_and_numbers_take_the_locale_form():
    assert SiteLocale.of("fr-FR").date("05/31/2018") == "31 mai 2018"
    assert SiteLocale.of("ru-RU").number(1595) == "1\xa0595"
    assert SiteLocale.of("zh-TW").date("05/31/2018") == "2018年5月31日"


def test_catalog_locales_lists_english_first():
    locales = catalog_locales()
    assert locales[0] == "en-US" and set(REQUIRED_LOCALES) <= set(locales)


def test_garbled_references_of_a_description_are_decoded():
    text = r"dans la &\# 0034 ; Tous les utilisateurs&\# profile 0034 ;."
    assert decoded_description(text) == 'dans la " Tous les utilisateurs" profile.'
    assert decoded_description("例如 &# 0034;{1}&# 0034;") == '例如 "{1}"'
    assert decoded_description(r"=&\# 0034 ; \\ MyPath \\ & # 0034 ;") == r'=" \\ MyPath \\ "'


@pytest.fixture(scope="module")
def fr_site(corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("fr") / "site"
    source = corpus_root / "win32-fr-fr-sxs" / "desktop-src" / "Msi"
    assert main(["build", "--source", str(source), "--site-dir", str(site)]) == 0
    return site


@pytest.mark.corpus
def test_fr_site_speaks_french(fr_site: Path):
    home = (fr_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    assert "Propriétés Windows Installer" in home
    assert "屬性" not in home and "Traditional Chinese" not in home


@pytest.mark.corpus
def test_fr_property_page_links_to_learn_in_french_with_french_dates(fr_site: Path):
    page = (fr_site / "properties" / "allusers.html").read_text(encoding="utf-8")
    assert "learn.microsoft.com/fr-fr/" in page and "learn.microsoft.com/zh-tw" not in page
    assert '<time datetime="2020-07-27">27 juil. 2020</time>' in page


@pytest.mark.corpus
def test_a_name_translated_away_is_the_identifier_in_title_and_heading(fr_site: Path):
    page = (fr_site / "properties" / "installed.html").read_text(encoding="utf-8")
    assert "<title>Propriété Installed" in page
    assert '<span class="kb-t" lang="fr-FR">Propriété Installed</span>' in page


@pytest.mark.corpus
def test_summaries_carry_no_garbled_reference(fr_site: Path):
    index = json.loads((fr_site / "search" / "kbtools-index.json").read_text(encoding="utf-8"))
    summaries = {doc["n"]: doc["s"][0] for doc in index["docs"]}
    assert '" Tous les utilisateurs" profile' in summaries["DesktopFolder"]
    assert not [name for name, text in summaries.items() if "0034" in text]
    api = json.loads((fr_site / "api" / "v1" / "properties" / "desktopfolder.json").read_text(encoding="utf-8"))
    assert "0034" not in json.dumps(api["result"]["summary"])  # a single record, in the envelope


@pytest.mark.corpus
def test_zh_tw_names_stay_names(corpus_site: Path):
    page = (corpus_site / "properties" / "advertise.html").read_text(encoding="utf-8")
    assert "<title>ADVERTISE 屬性" in page
    assert "公告屬性</span>" not in page.split('<div class="kb-card">')[0].split("<h1")[1]


@pytest.mark.corpus
def test_a_folder_of_other_properties_is_refused_in_one_line(corpus_root: Path, tmp_path: Path, capsys):
    source = corpus_root / "win32-zh-tw-sxs" / "desktop-src" / "WMP"
    assert main(["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "Windows Installer property page" in err and err.count("\n") == 1
    assert not (tmp_path / "site").exists()


def _page(tmp: Path, name: str, locale: str, sample: Path) -> None:
    text = sample.read_text(encoding="utf-8").replace("ms.contentlocale: zh-TW", f"ms.contentlocale: {locale}")
    (tmp / name).write_text(text, encoding="utf-8")


def test_a_folder_of_mixed_locales_is_refused_in_one_line(sample_dir: Path, tmp_path: Path, capsys):
    sample = next(sample_dir.glob("*.md"))
    source = tmp_path / "mixed"
    source.mkdir()
    _page(source, "msirestartmanagersessionkey.md", "zh-TW", sample)
    _page(source, "msirestartmanagerdisableshutdown.md", "fr-FR", sample)
    assert main(["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "2 locales" in err and "fr-FR: 1" in err and err.count("\n") == 1


@pytest.mark.corpus
def test_several_sources_make_one_site_with_a_language_switcher(corpus_root: Path, sample_dir: Path, tmp_path: Path):
    fr = tmp_path / "fr"
    shutil.copytree(
        corpus_root / "win32-fr-fr-sxs" / "desktop-src" / "Msi",
        fr,
        ignore=lambda d, names: [
            n for n in names if n.endswith(".md") and n not in ("allusers.md", "property-reference.md")
        ],
    )
    sources = [sample_dir, fr]
    site = build_sites(sources, tmp_path / "site", knowledge_bases=[build_knowledge_base(s) for s in sources])
    root = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="zh-tw/index.html"' in root and 'href="fr-fr/index.html"' in root
    page = (site / "fr-fr" / "properties" / "allusers.html").read_text(encoding="utf-8")
    assert 'hreflang="zh-TW"' in page and "md-select" in page
    assert (site / "zh-tw" / "api" / "v1" / "properties.json").is_file()
    assert (site / "fr-fr" / "api" / "v1" / "properties.json").is_file()
    assert "fr-fr/index.html" in (site / "zh-tw" / "index.html").read_text(encoding="utf-8")


def test_garbled_references_in_sentences_are_characters_and_never_markup():
    from kbtools.site.links import LinkResolver
    from kbtools.site.markup import render_markup

    resolver = LinkResolver({})
    assert (
        render_markup(r"Такие фразы, как &\# 0034, база данных&\# 0034;", resolver, "")
        == 'Такие фразы, как " база данных"'
    )
    assert render_markup(r"sur &\# 0034 ; 1&\# 0034 ;", resolver, "") == 'sur " 1"'
    # A reference to `<` stays the character as text: a page's words never become live HTML.
    assert render_markup(r"&\# 0060;script&\# 0062;alert(1)&\# 0060;/script&\# 0062;", resolver, "") == (
        "&lt;script&gt;alert(1)&lt;/script&gt;"
    )
