"""The vocabulary of the site's search index, read from the pages themselves and the lexicon.

- `stems`: each word of the pages (English, and the target language when it is not Chinese) with
  its Snowball stem, for the browser, which has no stemmer (`settings` -> `set`); and the words as
  written in the lexicon's corpus of the target stems that have a rendering (`envoyer` -> `envoi`).
- `renderings`: the lexicon's English renderings of the target language's words (`search_lexicon`),
  kept where the English word occurs in the pages.
- `synonyms`: two English words that render the same target word (`reboot` and `restart`, both
  重新開機) and seldom meet in one sentence (two parts of one term, `product` / `code`, do).
- name words: a name's CamelCase parts; an all-caps name cut into the words of the pages
  (`ARPNOREPAIR` -> arp no repair); an acronym the pages define (`Add or Remove Programs (ARP)`)
  spelled out.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from kbtools.site.search_lexicon import dictionary_words, english_tokens, is_chinese, language, stem

MIN_RENDERING = 0.15  # a weaker lexicon link is not kept in the index
MIN_SYNONYM = 0.3  # both words render the target word at least this well (Dice)
STRONG_SYNONYM = 0.5  # enough in one language's lexicon alone
TOP_SYNONYMS = 4
MIN_PAGE_WORD = 2  # sentences a word of jieba's cut of the pages must stand in to cut queries
MAX_PAGE_WORD = 6
MAX_SHARED = 0.5  # two synonyms meet in at most this share of the rarer one's sentences (parts of a term: more)

_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
# `Add or Remove Programs (ARP)`, `least-privilege user account (LUA)`.
_DEFINITION = re.compile(r"((?:[A-Za-z][\w']*[\s/-]+){1,8})\(([A-Z]{2,6})s?\)")
_SMALL = frozenset({"of", "or", "and", "the", "a", "an", "for", "to", "in", "on"})
_PIECE = 8.0  # the cost of one more piece: a name is cut into few words (FAST OEM, not F AS TO EM)
_UNKNOWN_LETTER = 9.0  # the cost of a letter no word of the pages covers, when cutting a name


def _spelled_out(words: list[str], acronym: str) -> list[str] | None:
    """The last words before `(ACRONYM)` whose initials spell it (small words may be skipped)."""
    for start in range(len(words) - 1, -1, -1):
        chosen = [w for w in words[start:] if w.lower() not in _SMALL]
        initials = "".join(w[0] for w in chosen).upper()
        if initials == acronym:
            return words[start:]
        if len(initials) > len(acronym):
            return None
    return None


class Vocabulary:
    def __init__(
        self,
        pairs: list[list[str]],
        texts: list[str],
        locale: str,
        lexicon: dict[str, list[list[object]]],
        pivots: dict[str, dict[str, list[list[object]]]] | None = None,
        forms: dict[str, str] | None = None,
    ) -> None:
        self.locale = locale
        self.lang = language(locale)
        english = [source for _, source in pairs] + texts[1::2]
        target = [text for text, _ in pairs] + texts[0::2]
        self.counts: Counter[str] = Counter(
            token for text in english for token in english_tokens(text) if token.isalpha()
        )
        # Words the English text writes in lower case: words, not names (`resume`, not `ARPSIZE`).
        self._written_lower = {
            token for text in english for token in re.findall(r"\b[a-z]{3,}\b", text) if self.counts[token] >= 2
        }
        self.stems: dict[str, dict[str, str]] = {"en": {w: stem(w) for w in self.counts if stem(w) != w}}
        if not is_chinese(locale) and self.lang != "en":
            words = {w.lower() for text in target for w in _WORDS.findall(text)}
            self.stems[self.lang] = {w: stem(w, self.lang) for w in sorted(words) if stem(w, self.lang) != w}
        english_stems = {stem(w) for w in self.counts}
        self.renderings: dict[str, list[list[object]]] = {}
        for word, links in lexicon.items():
            kept = [[e, d] for e, d in links if e in english_stems and float(d) >= MIN_RENDERING]
            if kept:
                self.renderings[word] = kept
        # The lexicon's words as written whose stem has a rendering here: a query word the pages
        # lack still reaches the English words it renders (`forms`, `search_lexicon`).
        if self.lang in self.stems:
            for word, word_stem in (forms or {}).items():
                if word_stem in self.renderings and word not in self.stems[self.lang]:
                    self.stems[self.lang][word] = word_stem
        # Chinese words the pages hold (the lexicon's, and the dictionary words of jieba's cut of
        # the pages seen in two sentences or more): the units a query is cut into, so that a bigram across two words
        # (後不 in 完成後不要) is not taken for evidence.
        self.words: list[str] = []
        if is_chinese(locale):
            text = "\n".join(target)
            seen = Counter(word for sentence in target for word in set(dictionary_words(sentence)))
            self.words = sorted(
                {w for w in lexicon if len(w) >= 2 and w in text}
                | {w for w, n in seen.items() if n >= MIN_PAGE_WORD and len(w) <= MAX_PAGE_WORD} - set(self.renderings)
            )
        self.synonyms = self._synonyms(
            [source for _, source in pairs], pivots if pivots is not None else {locale: lexicon}
        )
        self.acronyms = self._acronyms(english)
        self._total = sum(self.counts.values()) or 1

    def _synonyms(
        self, sentences: list[str], pivots: dict[str, dict[str, list[list[object]]]]
    ) -> dict[str, list[list[object]]]:
        """English words that the same target word renders, in the lexicons of two languages or more
        (or very strongly in one), and that seldom meet in one English sentence of the pages."""
        seen: dict[str, set[int]] = {}
        for number, sentence in enumerate(sentences):
            for token in english_tokens(sentence):
                seen.setdefault(stem(token), set()).add(number)
        support: dict[tuple[str, str], dict[str, float]] = {}
        for locale, lexicon in pivots.items():
            for links in lexicon.values():
                best = links[:2]  # a word's two best renderings: further ones are its company
                for i, (first, d1) in enumerate(best):
                    for second, d2 in best[i + 1 :]:
                        weight = min(float(d1), float(d2))
                        if weight >= MIN_SYNONYM and first != second and (first in seen or second in seen):
                            key = (min(first, second), max(first, second))
                            support.setdefault(key, {})[locale] = max(weight, support.get(key, {}).get(locale, 0.0))
        links: dict[str, dict[str, float]] = {}
        for (first, second), by_locale in support.items():
            weight = sum(by_locale.values()) / len(by_locale)
            if len(by_locale) < 2 and weight < STRONG_SYNONYM:
                continue
            a, b = seen.get(first, set()), seen.get(second, set())
            if a and b and len(a & b) > MAX_SHARED * min(len(a), len(b)):
                continue
            # A word the pages lack leads to one they hold (uninstall -> remove), never the other way.
            if b:
                links.setdefault(first, {})[second] = weight
            if a:
                links.setdefault(second, {})[first] = weight
        return {
            word: [
                [other, round(w, 3)]
                for other, w in sorted(found.items(), key=lambda item: (-item[1], item[0]))[:TOP_SYNONYMS]
            ]
            for word, found in sorted(links.items())
        }

    @staticmethod
    def _acronyms(texts: list[str]) -> dict[str, list[str]]:
        """Acronyms the English text defines, with their words: `(ARP)` after `Add or Remove Programs`."""
        found: Counter[tuple[str, tuple[str, ...]]] = Counter()
        for text in texts:
            if "(" not in text:
                continue
            for match in _DEFINITION.finditer(text):
                acronym = match.group(2)
                # A hyphenated word gives one initial or one for each part (least-privilege user account).
                for split in (r"[\s/]+", r"[\s/-]+"):
                    words = [w for w in re.split(split, match.group(1)) if w]
                    spelled = _spelled_out(words, acronym)
                    if spelled:
                        found[(acronym.lower(), tuple(" ".join(spelled).lower().replace("-", " ").split()))] += 1
                        break
        acronyms: dict[str, list[str]] = {}
        for (acronym, words), _ in found.most_common():
            acronyms.setdefault(acronym, list(words))
        return acronyms

    def _cut(self, word: str) -> list[str]:
        """An all-caps name cut into the pages' words, fewest and commonest first (a dynamic program);
        letters no word covers stay together as a piece of their own (ARP in ARPNOREPAIR)."""
        text = word.lower()
        if text in self._written_lower:  # the name is a word of the pages (ACTION, RESUME): not cut
            return [text]
        best: list[tuple[float, list[tuple[str, bool]]]] = [(0.0, [])] + [(math.inf, [])] * len(text)
        for end in range(1, len(text) + 1):
            for start in range(max(0, end - 20), end):
                piece = text[start:end]
                count = self.counts.get(piece, 0)
                if piece != text and len(piece) >= 2 and count >= 2:
                    cost, known = _PIECE + math.log(self._total / count), True
                elif len(piece) == 1:
                    cost, known = _UNKNOWN_LETTER, False
                else:
                    continue
                if best[start][0] + cost < best[end][0]:
                    best[end] = (best[start][0] + cost, [*best[start][1], (piece, known)])
        pieces: list[str] = []
        unknown = ""
        for piece, known in best[-1][1]:
            if known:
                if unknown:
                    pieces.append(unknown)
                    unknown = ""
                pieces.append(piece)
            else:
                unknown += piece
        if unknown:
            pieces.append(unknown)
        # A letter left alone is a cut that failed (F AS TO EM for FASTOEM): the name stays whole.
        if pieces[-1:] == ["s"]:  # a plural's s (MSICHECKCRCS: crc s)
            pieces.pop()
        if any(len(piece) < 2 for piece in pieces):
            return [text]
        return pieces

    def name_words(self, name: str, parts: list[str]) -> list[str]:
        """The name's words: its CamelCase parts, all-caps runs cut into words, acronyms spelled out."""
        words = list(parts)
        for part in parts:
            pieces = self._cut(part) if part.isupper() and len(part) >= 5 else [part.lower()]
            for piece in pieces:
                words.append(piece)
                words.extend(self.acronyms.get(piece, []))
        seen: set[str] = set()
        unique = []
        for word in words:
            if word.lower() not in seen:
                seen.add(word.lower())
                unique.append(word)
        return unique
