"""Words that jieba's (mainland) dictionary splits wrongly in Taiwanese technical Chinese.

Loaded as jieba's user dictionary when the search index is built: `工作階段金鑰` becomes
`工作階段 / 金鑰` instead of `工作 / 階段 / 金 / 鑰`, so a query finds the pages that use the term.
The search box segments a query with the words of the index, so the index's words decide; a
compound such as `重新啟動管理員` is left to split into `重新啟動 / 管理員`, the words a query
is cut into, so that both its halves match.
"""

from __future__ import annotations

from pathlib import Path

TERMS = (
    "工作階段",
    "金鑰",
    "重新啟動",
    "重新開機",
    "管理員",
    "安裝程式",
    "自訂動作",
    "動作順序",
    "屬性值",
    "資料表",
    "登錄",
    "登錄機碼",
    "元件",
    "功能",
    "套件",
    "修補程式",
    "產品代碼",
    "使用者介面",
    "對話方塊",
    "控制項",
    "伺服器",
    "用戶端",
    "資料夾",
    "目錄",
    "檔案",
    "摘要資訊",
    "合併模組",
    "交易",
    "執行階段",
    "系統管理員",
    "權限",
    "預設值",
    "公用屬性",
    "私用屬性",
)

# A high frequency so that these words win over jieba's own splits.
FREQUENCY = 100000


def write_user_dictionary(path: Path) -> Path:
    path.write_text("".join(f"{term} {FREQUENCY}\n" for term in TERMS), encoding="utf-8")
    return path
