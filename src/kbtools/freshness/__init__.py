"""Freshness: which translations are out of date with the current English source.

An sxs page carries the English it was translated from; the English goes on changing. This
package compares the two, sentence by sentence: `english` reads a current English page into
sentences and words, `source` reads the English inside a translated page, `compare` aligns
them and says which segments are stale (with the current English and a word-level diff from
`diff`) and which current sentences no segment covers. `tree` pairs translated pages with
English pages by their path. It sits on the page model; `check`, `kb` and the site use it.
"""
