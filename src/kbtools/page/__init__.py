"""The page model: files in, typed and positioned segments out."""

from kbtools.page.model import FrontMatter, MarkupError, Page, Segment, Span
from kbtools.page.reader import parse_bytes, parse_text, read_page

__all__ = ["FrontMatter", "MarkupError", "Page", "Segment", "Span", "parse_bytes", "parse_text", "read_page"]
