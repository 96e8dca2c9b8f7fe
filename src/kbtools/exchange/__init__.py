"""Exchange with translation tools: segments out as XLIFF 2.0, PO or TMX, translations back in.

Layered on the page model and the checker: `units` gathers what a page offers translators (inline markup as codes: `kbtools.page.inline_codes`)
(segments, their findings, what the English says now), the format modules write and read it,
`importing` writes translations back into target spans through `kbtools.page.edit`.
"""
