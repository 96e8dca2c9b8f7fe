"""The property knowledge base: records from property pages, and queries over them."""

from kbtools.kb.build import build_knowledge_base
from kbtools.kb.record import KnowledgeBase, PropertyRecord

__all__ = ["KnowledgeBase", "PropertyRecord", "build_knowledge_base"]
