"""The site's own words (headings, card labels, kinds), in both languages.

Pages show the zh-TW label with the English one beside it on hover, like the segments.
"""

from __future__ import annotations

from kbtools.kb.record import LocalizedText

TARGET = "zh-TW"
SOURCE = "en-US"

LABELS: dict[str, LocalizedText] = {
    "home": {TARGET: "Windows Installer 屬性", SOURCE: "Windows Installer properties"},
    "by_category": {TARGET: "依類別", SOURCE: "By category"},
    "by_kind": {TARGET: "依種類", SOURCE: "By kind"},
    "matrix": {TARGET: "相容性矩陣", SOURCE: "Compatibility matrix"},
    "name": {TARGET: "名稱", SOURCE: "Name"},
    "summary": {TARGET: "摘要", SOURCE: "Summary"},
    "since": {TARGET: "起始版本", SOURCE: "Since"},
    "kind": {TARGET: "種類", SOURCE: "Kind"},
    "category": {TARGET: "類別", SOURCE: "Category"},
    "visibility": {TARGET: "可見性", SOURCE: "Visibility"},
    "public": {TARGET: "公用", SOURCE: "Public"},
    "private": {TARGET: "私用", SOURCE: "Private"},
    "unstated": {TARGET: "未說明", SOURCE: "Not stated"},
    "uncategorized": {TARGET: "未分類", SOURCE: "Uncategorized"},
    "lifetime": {TARGET: "存留期", SOURCE: "Lifetime"},
    "set_by": {TARGET: "設定者", SOURCE: "Set by"},
    "set_at": {TARGET: "設定於", SOURCE: "Set at"},
    "cleared_at": {TARGET: "清除於", SOURCE: "Cleared at"},
    "valid_after": {TARGET: "有效於之後", SOURCE: "Valid after"},
    "used_by": {TARGET: "使用者", SOURCE: "Used by"},
    "requirements": {TARGET: "規格需求", SOURCE: "Requirements"},
    "runtime_version": {TARGET: "執行階段版本", SOURCE: "Runtime version"},
    "operating_systems": {TARGET: "作業系統", SOURCE: "Operating systems"},
    "or_later": {TARGET: "或更新版本", SOURCE: "or later"},
    "dll": {TARGET: "DLL", SOURCE: "DLL"},
    "header": {TARGET: "標頭", SOURCE: "Header"},
    "iid": {TARGET: "IID", SOURCE: "IID"},
    "see_also": {TARGET: "另請參閱", SOURCE: "See also"},
    "source_page": {TARGET: "來源頁面", SOURCE: "Source page"},
    "translation_type": {TARGET: "翻譯類型", SOURCE: "Translation type"},
    "date": {TARGET: "日期", SOURCE: "Date"},
    "last_handoff": {TARGET: "最後交付", SOURCE: "Last handoff"},
    "remarks": {TARGET: "備註", SOURCE: "Remarks"},
    "default_value": {TARGET: "預設值", SOURCE: "Default value"},
    "value": {TARGET: "屬性值", SOURCE: "Property value"},
    "value_type": {TARGET: "類型", SOURCE: "Type"},
    "access": {TARGET: "存取", SOURCE: "Access"},
    "syntax": {TARGET: "語法", SOURCE: "Syntax"},
    "switch": {TARGET: "並排顯示英文原文", SOURCE: "Show English side by side"},
    "filter": {TARGET: "篩選屬性名稱", SOURCE: "Filter by property name"},
    "any_windows": {TARGET: "任何 Windows 版本", SOURCE: "Any Windows version"},
    "any_installer": {TARGET: "任何 Windows Installer 版本", SOURCE: "Any Windows Installer version"},
    "any_kind": {TARGET: "任何種類", SOURCE: "Any kind"},
    "version_unnamed": {TARGET: "（未指明版本）", SOURCE: "(no version named)"},
    "properties_count": {TARGET: "個屬性", SOURCE: "properties"},
    "windows_installer": {TARGET: "Windows Installer", SOURCE: "Windows Installer"},
    "windows": {TARGET: "Windows", SOURCE: "Windows"},
    "property_suffix": {TARGET: "屬性", SOURCE: "property"},
    "default": {TARGET: "預設值", SOURCE: "Default"},
    "values_count": {TARGET: "個值", SOURCE: "values"},
    "site_intro": {
        TARGET: "這個網站以並排方式發佈 Windows Installer 屬性參考的繁體中文機器翻譯：每個句子都保留英文原文。",
        SOURCE: "This site publishes the Traditional Chinese machine translation of the Windows Installer "
        "property reference side by side: every sentence keeps its English source.",
    },
    "how_to_read": {TARGET: "如何閱讀", SOURCE: "How to read a page"},
    "read_hover": {
        TARGET: "將滑鼠停留在句子上（或以 Tab 鍵移至句子），即可看到英文原文。",
        SOURCE: "Hover over a sentence (or move to it with the Tab key) to see its English source.",
    },
    "read_sxs": {
        TARGET: "按下屬性頁面上的「並排顯示英文原文」，每個句子旁邊都會顯示原文；窄螢幕上原文顯示在譯文下方。",
        SOURCE: "Press “Show English side by side” on a property page to show every sentence beside its "
        "source; on narrow screens the source comes under the translation.",
    },
    "read_card": {
        TARGET: "頁面上方的資訊卡摘要種類、類別、存留期與規格需求；其下是來源頁面的完整內容。",
        SOURCE: "The card at the top sums up kind, category, lifetime and requirements; the whole source page follows it.",
    },
    "api": {TARGET: "JSON API", SOURCE: "JSON API"},
    "api_intro": {
        TARGET: "相同的記錄也以 JSON 提供：",
        SOURCE: "The same records are published as JSON:",
    },
    "api_index": {TARGET: "屬性索引", SOURCE: "Property index"},
    "api_openapi": {TARGET: "OpenAPI 文件（執行 kbtools serve 時）", SOURCE: "OpenAPI document (with kbtools serve)"},
    "api_schema": {TARGET: "記錄的 JSON Schema", SOURCE: "JSON Schema of the records"},
    "api_requirements": {TARGET: "需求矩陣", SOURCE: "Requirements matrix"},
    "properties_by_category": {TARGET: "依類別列出的屬性", SOURCE: "Properties by category"},
}

# Alerts of the source pages (`> [!NOTE]`).
ALERT_LABELS: dict[str, LocalizedText] = {
    "NOTE": {TARGET: "注意", SOURCE: "Note"},
    "TIP": {TARGET: "提示", SOURCE: "Tip"},
    "IMPORTANT": {TARGET: "重要", SOURCE: "Important"},
    "WARNING": {TARGET: "警告", SOURCE: "Warning"},
    "CAUTION": {TARGET: "注意事項", SOURCE: "Caution"},
}

# Value types and access of automation properties, as the record states them.
VALUE_LABELS: dict[str, LocalizedText] = {
    "read-only": {TARGET: "唯讀", SOURCE: "read-only"},
    "read/write": {TARGET: "讀取/寫入", SOURCE: "read/write"},
    "write-only": {TARGET: "唯寫", SOURCE: "write-only"},
    "string": {TARGET: "字串", SOURCE: "string"},
    "integer": {TARGET: "整數", SOURCE: "integer"},
    "Boolean": {TARGET: "布林值", SOURCE: "Boolean"},
    "date": {TARGET: "日期", SOURCE: "date"},
    "string collection": {TARGET: "字串集合", SOURCE: "string collection"},
}

KIND_LABELS: dict[str, LocalizedText] = {
    "installer": {TARGET: "安裝程式屬性", SOURCE: "Installer property"},
    "summary": {TARGET: "摘要資訊屬性", SOURCE: "Summary information property"},
    "automation": {TARGET: "自動化屬性", SOURCE: "Automation property"},
    "merge-module": {TARGET: "合併模組屬性", SOURCE: "Merge module property"},
}

TRANSLATION_TYPES: dict[str, LocalizedText] = {
    "MT": {TARGET: "機器翻譯", SOURCE: "Machine translation"},
    "HT": {TARGET: "人工翻譯", SOURCE: "Human translation"},
}


def label(key: str) -> LocalizedText:
    return LABELS[key]
