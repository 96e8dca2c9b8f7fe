"""The search script's ranking on small hand-written indexes, in Chromium.

Each test serves a page with Material's search box and `assets/search.js` beside an index written
here, so that one property of the ranking is seen alone: a typo or a completion never outranks the
word itself, a lexicon rendering reaches the English text, a French site matches French stems,
an all-caps name typed as its words finds it, a rare whole Chinese phrase beats shared characters.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from importlib.resources import files as package_files
from pathlib import Path

import pytest

from tests.chromium import type_query
from tests.site.test_site_browser import RESULTS

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<input class="md-search__input"><div class="md-search__output"></div>
<script src="assets/search.js"></script></body></html>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def doc(
    name: str,
    title: list[str],
    summary: list[str],
    words: list[str] | None = None,
    sentences: list[list[str]] | None = None,
    kind: list[str] | None = None,
) -> dict:
    return {
        "u": f"properties/{name.lower()}.html",
        "n": name,
        "w": words or [name],
        "a": [],
        "k": kind or ["k", "k"],
        "t": title,
        "s": summary,
        "g": [[str(i), *pair] for i, pair in enumerate(sentences or [])],
    }


def served_index(tmp_path: Path, index: dict) -> tuple[http.server.ThreadingHTTPServer, str]:
    (tmp_path / "assets").mkdir()
    (tmp_path / "search").mkdir()
    script = (package_files("kbtools.site") / "assets" / "search.js").read_bytes()
    (tmp_path / "assets" / "search.js").write_bytes(script)
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    base = {
        "version": 2,
        "locale": "zh-TW",
        "lang": "zh",
        "variants": [],
        "stems": {},
        "renderings": {},
        "synonyms": {},
    }
    (tmp_path / "search" / "kbtools-index.json").write_text(
        json.dumps({**base, **index}, ensure_ascii=False), encoding="utf-8"
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def names(page, url: str, query: str) -> list[str]:
    page.goto(url + "index.html")
    type_query(page, query)
    return page.eval_on_selector_all(RESULTS + " .kb-search-name", "nodes => nodes.map(n => n.textContent)")


@pytest.fixture
def site(tmp_path, page):
    servers = []

    def open_index(index: dict):
        server, url = served_index(tmp_path, index)
        servers.append(server)
        return lambda query: names(page, url, query)

    yield open_index
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_typo_finds_the_word_but_never_outranks_it(site):
    search = site(
        {
            "stems": {"en": {"upgrade": "upgrad", "upgrades": "upgrad"}},
            "docs": [
                doc(
                    "UpgradeCode",
                    ["升級代碼", "UpgradeCode property"],
                    ["", "The upgrade code of the product."],
                    ["Upgrade", "Code"],
                ),
                doc("Other", ["其他", "Other property"], ["", "Nothing of the kind."]),
            ],
        }
    )
    assert search("upgarde")[:1] == ["UpgradeCode"]
    assert search("upgarde") == ["UpgradeCode"]


def test_the_exact_word_outranks_its_completion(site):
    search = site(
        {
            "docs": [
                doc("Tech", ["甲", "Tech property"], ["", "A tech word."]),
                doc("Technical", ["乙", "Technical property"], ["", "A technical word."]),
            ],
        }
    )
    assert search("tech")[0] == "Tech"
    assert "Technical" in search("tech")


def test_a_chinese_word_reaches_the_english_text_by_its_rendering(site):
    search = site(
        {
            "renderings": {"捷徑": [["shortcut", 0.8]]},
            "docs": [
                doc(
                    "Shortcuts",
                    ["甲", "Shortcuts property"],
                    ["快速鍵", "Regular shortcut instead of an advertised one."],
                ),
                doc("Other", ["乙", "Other property"], ["其他", "Something else."]),
            ],
        }
    )
    assert search("捷徑") == ["Shortcuts"]


def test_a_french_site_matches_french_stems(site):
    search = site(
        {
            "locale": "fr-FR",
            "lang": "fr",
            "stems": {"fr": {"dossiers": "dossi", "dossier": "dossi"}},
            "docs": [
                doc(
                    "TempFolder",
                    ["Propriété TempFolder", "TempFolder property"],
                    ["Le chemin du dossier temporaire.", "The path of the temp folder."],
                ),
                doc("Other", ["Propriété Other", "Other property"], ["Rien.", "Nothing."]),
            ],
        }
    )
    assert search("dossiers")[:1] == ["TempFolder"]


def test_an_all_caps_name_typed_as_its_words(site):
    search = site(
        {
            "docs": [
                doc(
                    "ARPNOREPAIR",
                    ["甲", "ARPNOREPAIR property"],
                    ["", "Disables the Repair button."],
                    ["ARPNOREPAIR", "arp", "no", "repair"],
                ),
                doc(
                    "ARPNOREMOVE",
                    ["乙", "ARPNOREMOVE property"],
                    ["", "Disables the Remove button."],
                    ["ARPNOREMOVE", "arp", "no", "remove"],
                ),
            ],
        }
    )
    assert search("arp no repair")[0] == "ARPNOREPAIR"


def test_a_rare_whole_phrase_beats_pages_sharing_its_frequent_characters(site):
    common = [["安裝使用者的安裝", "x"], ["使用者安裝", "y"]]
    search = site(
        {
            "docs": [
                doc("Common", ["安裝使用者", "Common property"], ["安裝使用者安裝", "z"], sentences=common),
                doc("Rare", ["甲", "Rare property"], ["每個使用者安裝", "Per-user installation."]),
            ],
        }
    )
    assert search("每個使用者安裝")[0] == "Rare"


def test_a_function_word_inside_a_chinese_word_splits_no_phrase(site):
    search = site(
        {
            "words": ["目的地", "根目錄"],
            "function_words": ["的"],
            "docs": [
                doc("Common", ["根目錄", "Common property"], ["地根目錄，地根目錄的目", "z"]),
                doc("Rare", ["甲", "Rare property"], ["安裝目的地根目錄", "The root destination folder."]),
            ],
        }
    )
    # 目的地 / 根目錄 and the whole phrase, not 目 | 地根目錄 split at the 的 of 目的地.
    assert search("目的地根目錄")[0] == "Rare"


def test_function_words_are_left_out_of_a_query_with_other_words(site):
    search = site(
        {
            "locale": "en-US",
            "lang": "en",
            "function_words": ["the", "of"],
            "docs": [
                doc("Of", ["Of property", "Of property"], ["The of the of the.", "The of the of the."]),
                doc("TempFolder", ["TempFolder property", "TempFolder property"], ["A folder.", "A folder."]),
            ],
        }
    )
    assert search("the folder of") == ["TempFolder"]


def test_a_letter_the_pages_never_write_is_read_as_theirs(site):
    search = site(
        {
            "locale": "ru-RU",
            "lang": "ru",
            "fold": {"ё": "е"},
            "docs": [
                doc(
                    "Media",
                    ["Свойство Media", "Media property"],
                    ["Установка идет с диска.", "Installing from a disk."],
                ),
                doc("Other", ["Свойство Other", "Other property"], ["Ничего.", "Nothing."]),
            ],
        }
    )
    assert search("идёт") == ["Media"]


def test_a_query_stem_reaches_its_family_below_itself(site):
    search = site(
        {
            "locale": "fr-FR",
            "lang": "fr",
            "stems": {"fr": {"redémarrer": "redémarr", "redémarrage": "redémarrag"}},
            "docs": [
                doc("Reboot", ["Propriété Reboot", "Reboot property"], ["Le redémarrage du système.", "A restart."]),
                doc("Restart", ["Propriété Restart", "Restart property"], ["Redémarrer le système.", "Restart it."]),
                doc("Other", ["Propriété Other", "Other property"], ["Rien.", "Nothing."]),
            ],
        }
    )
    assert search("redémarrer") == ["Restart", "Reboot"]


def test_a_number_is_a_word_of_the_query(site):
    search = site(
        {
            "docs": [
                doc("Alpha", ["甲", "Alpha property"], ["", "Set on 32-bit Windows."]),
                doc("Sixty", ["乙", "Sixty property"], ["", "Set on 64-bit Windows."]),
            ],
        }
    )
    assert search("64 bit")[0] == "Sixty"


def test_a_query_covering_most_of_a_names_words_finds_it(site):
    search = site(
        {
            "stems": {"en": {"language": "languag"}},
            "renderings": {"系統": [["system", 0.8]], "語言": [["languag", 0.8]]},
            "docs": [
                doc(
                    "SystemLanguageID",
                    ["甲", "SystemLanguageID property"],
                    ["預設值。", "The default."],
                    ["System", "Language", "ID"],
                ),
                doc("Other", ["乙", "Other property"], ["系統的清單，語言的清單。", "A list."]),
            ],
        }
    )
    # 系統 語言 render two of the name's three words: more than a page that merely holds them.
    assert search("系統語言")[0] == "SystemLanguageID"


def test_one_query_word_rendered_as_two_name_words_names_no_property(site):
    search = site(
        {
            "locale": "fr-FR",
            "lang": "fr",
            "stems": {"fr": {"sources": "sourc", "source": "sourc"}, "en": {"source": "sourc", "sources": "sourc"}},
            # One French word, two English renderings: both words of SourceDir.
            "renderings": {"sourc": [["sourc", 0.8], ["dir", 0.4]]},
            "docs": [
                doc(
                    "SourceDir",
                    ["Propriété SourceDir", "SourceDir property"],
                    ["Le répertoire source.", "The source directory."],
                    ["Source", "Dir"],
                ),
                doc(
                    "FASTOEM",
                    ["Propriété FASTOEM", "FASTOEM property"],
                    ["Une installation OEM quand les sources sont supprimées.", "An OEM install, sources deleted."],
                ),
                doc("Other", ["Propriété Other", "Other property"], ["Rien.", "Nothing."]),
            ],
        }
    )
    assert search("oem sources")[0] == "FASTOEM"


def test_a_name_typed_as_its_words_counts_by_their_share_of_the_query(site):
    search = site(
        {
            "locale": "en-US",
            "lang": "en",
            "docs": [
                doc(
                    "UserName", ["UserName property", "UserName property"], ["The user.", "The user."], ["User", "Name"]
                ),
                doc(
                    "CompanyName",
                    ["CompanyName property", "CompanyName property"],
                    ["The organisation of the user.", "The organisation of the user."],
                    ["Company", "Name"],
                ),
                doc("Other", ["Other property", "Other property"], ["A name.", "A name."]),
                doc("Third", ["Third property", "Third property"], ["A user.", "A user."]),
            ],
        }
    )
    # user name names UserName, but organisation is the rarest word of the query.
    assert search("user name")[0] == "UserName"
    assert search("name of the organisation of the user")[0] == "CompanyName"


def test_a_run_of_words_naming_a_property_begins_with_a_word_of_the_topic(site):
    search = site(
        {
            "function_words": ["a", "with"],
            "docs": [
                doc(
                    "MSIDISABLELUAPATCHING",
                    ["甲", "MSIDISABLELUAPATCHING property"],
                    ["", "Disables patching by users who are not administrators."],
                    ["MSIDISABLELUAPATCHING", "msi", "disable", "lua", "patching"],
                ),
                doc(
                    "MSIPATCHREMOVE",
                    ["乙", "MSIPATCHREMOVE property"],
                    ["", "The patches msiexec removes."],
                    ["MSIPATCHREMOVE", "msi", "patch", "remove"],
                ),
                doc("Other", ["丙", "Other property"], ["", "Nothing."]),
            ],
        }
    )
    # `a patch` is in luAPATCHing: a function word glued to a word is no part of a name.
    assert search("remove a patch with msiexec")[0] == "MSIPATCHREMOVE"


def test_a_pages_function_word_never_matches_a_word_stemmed_like_it(site):
    search = site(
        {
            "locale": "ru-RU",
            "lang": "ru",
            "function_words": ["тем", "же"],
            "stems": {"ru": {"тема": "тем", "темы": "тем"}},
            "docs": [
                doc("Subject", ["Свойство Subject", "Subject property"], ["Тема пакета.", "The package's subject."]),
                doc(
                    "Other",
                    ["Свойство Other", "Other property"],
                    ["Тем же кодом, тем же путём.", "With the same code, the same way."],
                ),
            ],
        }
    )
    assert search("тема") == ["Subject"]


def test_the_kind_of_a_property_is_read_with_its_title(site):
    search = site(
        {
            "docs": [
                doc("Mode", ["甲", "Mode property"], ["", "The mode."], kind=["安裝程式屬性", "Installer property"]),
                doc(
                    "Session.Mode",
                    ["乙", "Session.Mode property"],
                    ["", "The mode."],
                    ["Mode"],
                    kind=["自動化屬性", "Automation property"],
                ),
            ],
        }
    )
    assert search("mode automation")[0] == "Session.Mode"
    assert search("自動化") == ["Session.Mode"]


def test_a_weak_rendering_never_takes_a_names_word_from_the_word_that_renders_it(site):
    search = site(
        {
            "locale": "ru-RU",
            "lang": "ru",
            "function_words": ["для"],
            "stems": {
                "ru": {"установка": "установк", "пользователей": "пользовател"},
                "en": {"users": "user"},
            },
            # установка keeps company with `user` (a weak link); пользователей renders it.
            "renderings": {
                "установк": [["instal", 0.8], ["user", 0.2]],
                "пользовател": [["user", 0.8]],
                "всех": [["all", 0.8]],
            },
            "docs": [
                doc(
                    "ALLUSERS",
                    ["Свойство ALLUSERS", "ALLUSERS property"],
                    ["Установка на компьютер.", "The installation context."],
                    ["ALLUSERS", "all", "users"],
                ),
                doc(
                    "Other",
                    ["Свойство Other", "Other property"],
                    ["Установка для всех, пользователей нет.", "Install for all, no users."],
                ),
            ],
        }
    )
    assert search("установка для всех пользователей")[0] == "ALLUSERS"


def test_a_query_naming_a_names_words_in_its_order_finds_that_name(site):
    search = site(
        {
            "locale": "fr-FR",
            "lang": "fr",
            "function_words": ["la"],
            "stems": {
                "fr": {"désactiver": "désactiv", "désactivée": "désactiv", "restauration": "restaur"},
                "en": {"disable": "disabl", "disabled": "disabl"},
            },
            "renderings": {"désactiv": [["disabl", 0.8]], "restaur": [["rollback", 0.8]]},
            "docs": [
                doc(
                    "DISABLEROLLBACK",
                    ["Propriété DISABLEROLLBACK", "DISABLEROLLBACK property"],
                    ["Rien.", "Nothing."],
                    ["DISABLEROLLBACK", "disable", "rollback"],
                ),
                doc(
                    "RollbackDisabled",
                    ["Propriété RollbackDisabled", "RollbackDisabled property"],
                    ["Rien.", "Nothing."],
                    ["Rollback", "Disabled"],
                ),
            ],
        }
    )
    assert search("désactiver la restauration")[0] == "DISABLEROLLBACK"
    assert search("restauration désactivée")[0] == "RollbackDisabled"


def test_a_names_no_is_a_querys_not(site):
    search = site(
        {
            "locale": "en-US",
            "lang": "en",
            "name_forms": {"no": ["never"]},
            "docs": [
                doc(
                    "MSIUSERNAME",
                    ["MSIUSERNAME property", "MSIUSERNAME property"],
                    ["The username.", "The username."],
                    ["MSIUSERNAME", "msi", "username"],
                ),
                doc(
                    "NOUSERNAME",
                    ["NOUSERNAME property", "NOUSERNAME property"],
                    ["The username.", "The username."],
                    ["NOUSERNAME", "no", "username"],
                ),
                doc("Other", ["Other property", "Other property"], ["Never set.", "Never set."]),
            ],
        }
    )
    assert search("never username")[0] == "NOUSERNAME"


def test_a_word_rendered_by_an_english_function_word_weighs_less_than_the_topic(site):
    # 如何 (how) is rarer in the pages than 停用 (disable), yet it asks the question, not the topic.
    search = site(
        {
            "renderings": {"如何": [["how", 0.9]], "停用": [["disabl", 0.9]]},
            "function_words": ["how"],
            "docs": [
                doc("HowTo", ["如何開始", "How to start"], ["", "How to start."]),
                doc("DisableIt", ["停用它", "Disable it"], ["", "Disable it."]),
                doc("DisableAll", ["全部停用", "Disable all"], ["", "Disable all."]),
                doc("Other", ["其他", "Other property"], ["", "Nothing of the kind."]),
            ],
        }
    )
    assert search("如何停用")[0].startswith("Disable")


def test_a_zh_tw_question_word_asks_and_does_not_name_the_topic(site):
    # 多少 (how much) stands in one page only, so it is far rarer than the topic's words; read as
    # the locale's grammar (query-words.toml), it leaves the page about a feature's disk space first.
    from kbtools.site.search_lexicon import function_words

    others = [doc(f"Space{i}", [f"磁碟空間 {i}", f"Disk space {i}"], ["磁碟空間", "Disk space."]) for i in range(8)]
    search = site(
        {
            "function_words": function_words("zh-TW"),
            "renderings": {"多少": [["much", 0.6]], "磁碟": [["disk", 0.6]], "空間": [["space", 0.6]]},
            "docs": [
                doc("HowMuch", ["多少", "How much"], ["多少", "How much."]),
                doc(
                    "FeatureCost",
                    ["功能的磁碟空間", "Feature cost"],
                    ["功能的磁碟空間", "The disk space of a feature."],
                ),
                *others,
            ],
        }
    )
    assert search("功能需要多少磁碟空間")[0] == "FeatureCost"


def test_a_word_typed_in_capitals_names_the_all_caps_property_it_spells(site):
    # ACTION among the words of its values: typed as the page writes the name, it names it.
    values = ["", "Runs the action that the installer takes for an admin or advertise install."]
    search = site(
        {
            "stems": {"en": {"values": "valu", "advertise": "advertis", "install": "instal"}},
            "docs": [
                doc("ACTION", ["ACTION 屬性", "ACTION property"], ["", "Set to the action to run."], ["ACTION"]),
                doc("EXECUTEACTION", ["EXECUTEACTION 屬性", "EXECUTEACTION property"], values, ["EXECUTE", "ACTION"]),
                doc(
                    "AdminProperties",
                    ["AdminProperties 屬性", "AdminProperties property"],
                    values,
                    ["Admin", "Properties"],
                ),
                doc("Other", ["其他", "Other property"], ["", "Nothing of the kind."]),
            ],
        }
    )
    assert search("ACTION property ADMIN ADVERTISE INSTALL values")[0] == "ACTION"
    assert search("action property admin advertise install values")[0] != "ACTION"


def test_a_one_word_member_named_with_its_objects_word_is_named(site):
    # installed ... features: the words of Installer.Features, its object's and its member's.
    search = site(
        {
            "stems": {"en": {"installer": "instal", "installed": "instal", "features": "featur", "feature": "featur"}},
            "docs": [
                doc(
                    "Installer.Features",
                    ["Installer.Features 屬性", "Installer.Features property"],
                    ["", "Returns the published features of a product."],
                    ["Features"],
                ),
                doc(
                    "Session.FeatureState",
                    ["Session.FeatureState 屬性", "Session.FeatureState property"],
                    ["", "The state of each feature of the product, as its features list it."],
                    ["Feature", "State"],
                ),
                doc("Other", ["其他", "Other property"], ["", "Nothing of the kind."]),
            ],
        }
    )
    assert search("list the features of an installed product")[0] == "Installer.Features"


def _steps(count: int) -> list[list[str]]:
    return [["", f"Step {i}: call method number {i} of the object and read value {i} back."] for i in range(count)]


def test_a_long_page_naming_a_word_among_many_ranks_below_a_short_page_about_it(site):
    # Four mentions in twenty-eight sentences are less about the icon than one in five.
    icon = ["", "The icon of the package."]
    search = site(
        {
            "docs": [
                doc("Alpha", ["甲", "Alpha property"], ["", "An object."], sentences=_steps(24) + [icon] * 4),
                doc("Beta", ["乙", "Beta property"], ["", "A value."], sentences=_steps(4) + [icon]),
                doc("Other", ["丙", "Other property"], ["", "Nothing of the kind."], sentences=_steps(4)),
            ],
        }
    )
    assert search("icon")[:2] == ["Beta", "Alpha"]


def test_a_name_typed_with_its_object_outranks_the_name_its_words_run_into(site):
    index = {
        "docs": [
            doc(
                "ProductState",
                ["甲", "ProductState property"],
                ["", "The installed state of the product."],
                ["Product", "State"],
            ),
            doc(
                "Product.State",
                ["乙", "State property"],
                ["", "The state of the product."],
                ["State"],
                sentences=[["", "Returns the installed state of the product."]],
            ),
        ]
    }
    search = site(index)
    assert search("Product.State")[0] == "Product.State"
    assert search("product.state returns advertised")[0] == "Product.State"
    assert search("ProductState")[0] == "ProductState"


def test_a_whole_name_among_the_querys_words_outranks_a_member_ending_in_it(site):
    code = [["", "The product code is a GUID."], ["", "Change the product code for each version of the product."]]
    search = site(
        {
            "docs": [
                doc(
                    "ProductCode",
                    ["甲", "ProductCode property"],
                    ["", "A unique identifier for the product."],
                    ["Product", "Code"],
                    sentences=code,
                ),
                doc(
                    "Product.ProductCode",
                    ["乙", "ProductCode property"],
                    ["", "The product code."],
                    ["Product", "Code"],
                ),
            ],
        }
    )
    assert search("product code guid")[0] == "ProductCode"


def test_a_word_in_the_summary_outranks_the_same_word_repeated_in_the_body(site):
    # The summary is the page's definition: `cache` there says what Alpha is; Beta's sentences
    # only mention a cache, eight times over.
    search = site(
        {
            "docs": [
                doc(
                    "Alpha",
                    ["甲", "Alpha property"],
                    ["", "The cache of the source."],
                    sentences=[["", "Set it on the command line."]],
                ),
                doc(
                    "Beta",
                    ["乙", "Beta property"],
                    ["", "The folder of the target."],
                    sentences=[["", "The cache holds a copy."]] * 8,
                ),
                doc("Other", ["丙", "Other property"], ["", "Nothing of the kind."]),
            ],
        }
    )
    assert search("cache") == ["Alpha", "Beta"]
