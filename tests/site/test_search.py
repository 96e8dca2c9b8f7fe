"""The site's property search: its index (from the records) and its results in Chromium."""

from __future__ import annotations

import json

import pytest

from kbtools.site.search import INDEX_FILE
from kbtools.site.search_terms import english_stem, english_words, term_lexicon
from tests.site.test_site_browser import search


def test_variants_are_two_renderings_of_one_english_word():
    pairs = [
        ["安裝套件。", "Install the package."],
        ["開啟套件。", "Open the package."],
        ["複製套件。", "Copy the package."],
    ]
    pairs += [
        ["移除封裝。", "Remove the package."],
        ["關閉封裝。", "Close the package."],
        ["讀取封裝。", "Read the package."],
    ]
    pairs *= 2
    variants, renderings = term_lexicon(pairs)
    assert ["套件", "封裝"] in variants
    assert renderings["套件"] == "package"


def test_parts_of_one_compound_are_not_variants():
    # 位 and 旗標 always meet in the same sentence: parts of one word, not two renderings.
    pairs = [["設定位旗標。", "Set the bit flags."]] * 5
    variants, _ = term_lexicon(pairs)
    assert variants == []


def test_english_words_split_camel_case_and_stem_plurals():
    assert english_words("ProductCode patches") == ["productcode", "product", "code", "patch"]
    assert english_stem("properties") == "property"
    assert english_stem("status") == "status"


@pytest.mark.corpus
def test_index_holds_plain_text_of_every_property(corpus_site, corpus_kb):
    index = json.loads((corpus_site / INDEX_FILE).read_text(encoding="utf-8"))
    assert len(index["docs"]) == len(corpus_kb.properties)
    doc = next(d for d in index["docs"] if d["n"] == "ALLUSERS")
    assert doc["u"] == "properties/allusers.html"
    assert doc["k"] == ["安裝程式屬性", "Installer property"]
    texts = [text for g in doc["g"] for text in g[1:]]
    assert any("每個使用者安裝" in text for text in texts)
    assert not any("**" in text or "<" in text for text in texts)


@pytest.mark.corpus
def test_index_holds_the_sections_no_other_field_of_the_record_holds(corpus_site):
    # ACTION's value table (INSTALL, ADVERTISE, ADMIN) and the remark after it stand in its `other` section.
    index = json.loads((corpus_site / INDEX_FILE).read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["n"] == "ACTION")
    english = [g[2] for g in doc["g"]]
    assert {"INSTALL", "ADVERTISE", "ADMIN"} <= set(english)
    assert any("Null action name" in text for text in english)
    assert not any("<" in text or "**" in text for g in doc["g"] for text in g[1:])
    assert len({g[0] for g in doc["g"]}) == len(doc["g"])


@pytest.mark.browser
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("每個使用者安裝", "properties/allusers.html"),
        ("重新開機之後", "properties/afterreboot.html"),
        ("after reboot", "properties/afterreboot.html"),
        ("msiinstallper", "properties/msiinstallperuser.html"),
    ],
)
def test_phrase_and_partial_name_find_the_property(page, corpus_url, query, expected):
    assert expected in search(page, corpus_url, query)[:2]


@pytest.mark.browser
@pytest.mark.corpus
def test_result_shows_kind_summary_and_matching_sentence_in_both_languages(page, corpus_url):
    search(page, corpus_url, "每個使用者安裝")
    first = page.locator(".kb-search-results > li").first
    assert first.locator(".kb-search-name").inner_text() == "ALLUSERS"
    assert first.locator(".kb-search-kind").inner_text() == "安裝程式屬性"
    assert "安裝內容" in first.locator(".kb-search-summary .kb-search-t").inner_text()
    assert "installation context" in first.locator(".kb-search-summary .kb-search-s").inner_text()
    match = first.locator(".kb-search-match")
    assert "每個使用者安裝" in "".join(match.locator(".kb-search-t mark").all_inner_texts())
    assert match.locator(".kb-search-s").inner_text().strip() != ""
    assert "#seg-" in first.locator("a.kb-search-hit").get_attribute("href")


def test_lexicon_learns_renderings_from_pairs_and_links_no_function_word():
    from kbtools.site.search_lexicon import learn

    pairs = [
        ("移除套件。", "Remove the package."),
        ("開啟套件。", "Open the package."),
        ("複製套件。", "Copy the package."),
    ]
    pairs += [("移除檔案。", "Remove the file."), ("開啟檔案。", "Open the file."), ("讀取檔案。", "Read the file.")]
    # Other sentences, each with the: a word in a large share of all pairs is a function word.
    filler = [("使用者。", f"The thing{'x' * i}.") for i in range(60)]
    entries = learn(pairs * 2 + filler, "zh-TW")["entries"]
    assert entries["套件"][0][0] == "packag"
    assert entries["檔案"][0][0] == "file"
    assert entries["移除"][0][0] == "remov"
    # `the` is in every pair: a function word renders nothing and nothing renders it.
    assert not any(english == "the" for links in entries.values() for english, _ in links)


def test_lexicon_links_a_word_to_the_common_english_word_its_pairs_always_hold():
    from kbtools.site.search_lexicon import MIN_HELD_PAIRS, learn

    # 代碼 stands in few pairs, each with `code`; `code` stands in many more (beside 檔案), so
    # their Dice is small, yet every pair of 代碼 holds it.
    rare = [("代碼。", f"The code {'x' * (i + 1)}.") for i in range(MIN_HELD_PAIRS)]
    common = [("檔案。", f"The code file {'y' * (i + 1)}.") for i in range(20 * MIN_HELD_PAIRS)]
    filler = [("使用者。", f"The thing{'z' * i}.") for i in range(1500)]
    entries = learn(rare + common + filler, "zh-TW")["entries"]
    assert "code" in [english for english, _ in entries["代碼"]]


def test_french_lexicon_links_snowball_stems():
    from kbtools.site.search_lexicon import learn

    pairs = [
        ("Le dossier temporaire.", "The temporary folder."),
        ("Les dossiers du système.", "The system folders."),
        ("Un dossier vide.", "An empty folder."),
        ("Le fichier journal.", "The log file."),
    ] * 2
    filler = [(f"Le mot{'x' * i}.", f"The word{'y' * i}.") for i in range(60)]
    entries = learn(pairs + filler, "fr-FR")["entries"]
    assert entries["dossi"][0][0] == "folder"  # dossier and dossiers are one stem


def test_lexicon_learns_no_function_word_and_a_stem_shared_with_one_from_the_content_word():
    from kbtools.site.search_lexicon import learn

    # French Snowball stems `sera` (a function word) and `série` alike: `ser`. Unfiltered, the
    # many pairs of `sera` make `ser` render `will`; the function word left out, `ser` is série's.
    will = [(f"Le paquet sera copié {'x' * i}.", f"The package will be copied {'y' * i}.") for i in range(12)]
    serial = [(f"Le numéro de série {'z' * i}.", f"The serial number {'w' * i}.") for i in range(4)]
    filler = [(f"Le mot{'q' * i}.", f"The word{'v' * i}.") for i in range(150)]  # ser in under 15%
    entries = learn(will + serial + filler, "fr-FR")["entries"]
    assert [english for english, _ in entries["ser"]][:1] == ["serial"]
    assert "will" not in [english for english, _ in entries["ser"]]


@pytest.mark.corpus
@pytest.mark.parametrize("locale", ["fr-FR", "ru-RU"])
def test_shipped_lexicon_holds_no_stem_only_function_words_give(corpus_root, locale):
    from kbtools.site.search_lexicon import (
        corpus_pairs,
        count_pairs,
        language,
        lexicon_path,
        locale_function_words,
        stem,
    )

    # The lexicon is learned from the locale's whole sxs folder (the module's docstring).
    folder = corpus_root / f"win32-{locale.lower()}-sxs" / "desktop-src"
    shipped = json.loads(lexicon_path(locale).read_text(encoding="utf-8"))
    grammar = locale_function_words(locale)
    content_stems = {word_stem for _, word_stem in count_pairs(corpus_pairs([folder]), locale).forms}
    # French `dans` -> `dan`, `pour`, `est`: stems no content word of the pages shares.
    only_grammar = {stem(word, language(locale)) for word in grammar if len(word) >= 2} - content_stems
    assert len(only_grammar) > 10
    assert not only_grammar & set(shipped["entries"])
    assert not grammar & set(shipped["forms"])


def test_vocabulary_cuts_all_caps_names_and_spells_out_defined_acronyms():
    from kbtools.site.search_vocabulary import Vocabulary

    pairs = [
        ["", "Hides the Repair button in Add or Remove Programs."],
        ["", "No repair is offered."],
        ["", "The repair button is not shown; no change is made."],
        ["", "User Account Control (UAC) asks for consent; UAC prompts the user."],
    ]
    vocabulary = Vocabulary(pairs, [], "zh-TW", {})
    assert vocabulary.name_words("ARPNOREPAIR", ["ARPNOREPAIR"]) == ["ARPNOREPAIR", "arp", "no", "repair"]
    assert vocabulary.acronyms["uac"] == ["user", "account", "control"]
    assert vocabulary.name_words("MSIUAC", ["Msi", "UAC"])[-3:] == ["user", "account", "control"]


def test_synonyms_are_two_renderings_of_one_word_in_two_languages_not_two_parts_of_a_term():
    from kbtools.site.search_vocabulary import Vocabulary

    pairs = [["", "Restart the computer."], ["", "A reboot is pending."], ["", "The product code is a GUID."]]
    lexicons = {
        "zh-TW": {"重新開機": [["restart", 0.7], ["reboot", 0.6]], "產品代碼": [["product", 0.8], ["code", 0.8]]},
        "fr-FR": {"redémarr": [["restart", 0.6], ["reboot", 0.4]], "cod": [["code", 0.8], ["product", 0.4]]},
    }
    vocabulary = Vocabulary(pairs, [], "zh-TW", lexicons["zh-TW"], lexicons)
    assert vocabulary.synonyms["reboot"][0][0] == "restart"
    # product and code meet in every sentence that has either: parts of one term.
    assert "product" not in vocabulary.synonyms and "code" not in vocabulary.synonyms


@pytest.fixture(scope="module")
def fr_msi_dir(corpus_root):
    path = corpus_root / "win32-fr-fr-sxs" / "desktop-src" / "Msi"
    if not path.is_dir():
        pytest.skip(f"{path}: not in the corpus")
    return path


@pytest.mark.corpus
def test_index_of_a_french_site_holds_the_french_text(fr_msi_dir):
    from kbtools.kb import build_knowledge_base
    from kbtools.site.search import build_index

    index = build_index(build_knowledge_base(fr_msi_dir).properties)
    assert (index["locale"], index["lang"]) == ("fr-FR", "fr")
    doc = next(d for d in index["docs"] if d["n"] == "TempFolder")
    assert "dossier" in doc["s"][0].lower() and "folder" in doc["s"][1].lower()
    assert index["stems"]["fr"]["dossiers"] == "dossi"
    assert any(english == "folder" for english, _ in index["renderings"]["dossi"])


def test_vocabulary_keeps_a_name_whole_when_it_is_a_word_or_no_cut_covers_every_letter():
    from kbtools.site.search_vocabulary import Vocabulary

    pairs = [
        ["", "You can resume the installation; resume it later."],
        ["", "Set it to 1 as to the mode, as to the media, as to the rest."],
    ]
    vocabulary = Vocabulary(pairs, [], "zh-TW", {})
    # RESUME is a word of the pages (written in lower case), not `res` + `me`.
    assert vocabulary.name_words("RESUME", ["RESUME"]) == ["RESUME"]
    # FASTOEM cuts into `f` + as + to + `em` at best: a letter left alone, so no cut.
    assert vocabulary.name_words("FASTOEM", ["FASTOEM"]) == ["FASTOEM"]


def test_chinese_vocabulary_holds_the_dictionary_words_of_the_pages():
    from kbtools.site.search_vocabulary import Vocabulary

    pairs = [["安裝的目的地。", "The destination."], ["目的地的路徑。", "The destination path."]]
    words = Vocabulary(pairs, [], "zh-TW", {}).words
    assert "目的地" in words  # the unit a query is cut into, so 的 inside it splits nothing
    assert "的" not in words


def test_lexicon_keeps_the_words_as_written_of_each_stem_it_links():
    from kbtools.site.search_lexicon import learn

    pairs = [
        ("Le dossier temporaire.", "The temporary folder."),
        ("Les dossiers du système.", "The system folders."),
        ("Un dossier vide.", "An empty folder."),
    ] * 2
    filler = [(f"Le mot{'x' * i}.", f"The word{'y' * i}.") for i in range(60)]
    lexicon = learn(pairs + filler, "fr-FR")
    assert lexicon["forms"]["dossiers"] == "dossi"
    assert all(stem in lexicon["entries"] for stem in lexicon["forms"].values())


def test_vocabulary_gives_the_browser_the_stem_of_a_lexicon_word_the_pages_lack():
    from kbtools.site.search_vocabulary import Vocabulary

    pairs = [["Le dossier SendTo.", "The SendTo folder, where files are sent to send them."]]
    lexicon = {"envoi": [["send", 0.7]], "imprim": [["print", 0.8]]}
    forms = {"envoyer": "envoi", "imprimer": "imprim"}
    stems = Vocabulary(pairs, [], "fr-FR", lexicon, forms=forms).stems["fr"]
    assert stems["envoyer"] == "envoi"
    # `print` is in no page: its rendering is not kept, nor is the word that leads to it.
    assert "imprimer" not in stems


def test_query_words_are_locale_data_with_english_on_every_site():
    from kbtools.site.search_lexicon import folded_letters, function_words

    assert {"в", "при", "the", "of"} <= set(function_words("ru-RU"))
    assert "的" in function_words("zh-TW")
    assert set(function_words("xx-XX")) == set(function_words("en-US"))
    assert folded_letters("ru-RU") == {"ё": "е"}
    assert folded_letters("fr-FR") == {}


def test_a_names_short_words_stand_for_english_words_in_every_locale():
    from kbtools.site.search_lexicon import name_word_forms

    assert "not" in name_word_forms()["no"]
