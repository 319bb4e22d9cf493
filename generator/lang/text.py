"""Text normalisation for search and related articles: the exact rules the browser's search
scripts repeat for queries.

Index and query must agree term for term, so every rule here has a twin in
templates/static/search/text.js (fold, words, termOf); tests/unit/test_search_text.py and the browser
tests check the pair. The stemmers on both sides come from the same Snowball version: Python's from
PyStemmer, the browser's generated from the snowballstemmer package (tools/snowball_js.py).
"""

import functools
import re
import unicodedata

import snowballstemmer

from generator.lang import language

# German readers type "ae" for "ä" as often as the umlaut itself; folding both to "ae" makes them match both ways.
_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
_MARKS = re.compile(r"[\u0300-\u036f]")
# Combining marks belong to their word: Hindi and Thai vowel signs, Japanese voicing marks.
_WORD_MARKS = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)).startswith("M"))
# On text with "_" made a space: letters, digits and marks, two or more ([^\W_]{2,} plus marks).
_WORD = re.compile(f"[\\w{re.escape(_WORD_MARKS)}]{{2,}}")
# Scripts written without spaces between words (Chinese, Japanese kana, Korean syllables): their
# runs are indexed as overlapping pairs of characters, so that any word of two or more characters
# is found as the pairs it is made of.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_CJK_OR_NOT = re.compile(f"[{_CJK}]+|[^{_CJK}]+")
# For ASCII text (most of it, once folded) the same words come quicker from split(), once every
# character that is not a letter or digit is a space.
_ASCII_BREAKS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos|nbsp));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}

def fold(text: str) -> str:
    """Lower case, ä→ae ö→oe ü→ue ß→ss, other accents dropped (é→e)."""
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    for umlaut, spelled in _UMLAUTS:  # replace() four times: translate() looks up every character
        text = text.replace(umlaut, spelled)
    # Lower again: compatibility forms decompose to capitals (𝐀 → A, Ⅻ → XII). Composed again
    # afterwards: Korean syllables and Japanese voiced kana must stay one character each.
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFKD", text))).lower()


def words(text: str) -> list[str]:
    """Folded words of two or more letters or digits; single letters ("U.S." → u, s) find nothing useful."""
    folded = fold(text)
    if folded.isascii():
        return [word for word in folded.translate(_ASCII_BREAKS).split() if len(word) > 1]
    return _split_cjk(_WORD.findall(folded.replace("_", " ")), folded)


def lower_words(text: str) -> list[str]:
    """The same words as words(), lower case but not folded: what a stemmer that needs its
    language's accents reads."""
    text = unicodedata.normalize("NFC", text.lower())
    return _split_cjk(_WORD.findall(text.replace("_", " ")), text)


def _split_cjk(found: list[str], text: str) -> list[str]:
    """Runs of Chinese, Japanese or Korean letters become their overlapping character pairs
    ("東京都" → 東京, 京都); a lone such letter stays a word of its own."""
    if not _CJK_RUN.search(text):
        return found
    out = []
    for word in found:
        if not _CJK_RUN.search(word):
            out.append(word)
            continue
        for piece in _CJK_OR_NOT.findall(word):
            if _CJK_RUN.match(piece):
                out += [piece[i:i + 2] for i in range(len(piece) - 1)] or [piece]
            elif len(piece) > 1:
                out.append(piece)
    return out


def _entity(match: re.Match) -> str:
    number, hex_number, name = match.groups()
    if name:
        return _NAMED[name]
    code = int(number) if number else int(hex_number, 16)
    return chr(code) if 0 < code < 0x110000 else " "


def html_text(html: str) -> str:
    """The visible text of sanitised article HTML (tags become spaces so words never run together)."""
    return _ENTITY.sub(_entity, _TAG.sub(" ", html))


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The language's stopwords, folded as the index holds them."""
    return frozenset(fold(w) for w in language(lang).stopwords)


@functools.cache
def _stemmer(lang: str):
    """The language's Snowball stemWord, or None for a language without a stemmer."""
    algorithm = language(lang).snowball
    return snowballstemmer.stemmer(algorithm).stemWord if algorithm else None


# Words a language's memo of terms holds at most (about 100 bytes each). An archive's vocabulary
# grows with it (names, numbers, typos: 700,000 words at 100,000 articles); past this the memo
# starts again, and the words in common use are soon back in it.
MEMO_WORDS = 1 << 18


class _TermCache(dict):
    """word → index term for one language: "" for a stopword (and for ""), else its stem.
    A word is stemmed once while the memo holds it (MEMO_WORDS). German and English (stem_folded)
    get folded words and stem them; other languages get lower-case words, stem them with their
    accents and fold the stem."""

    def __init__(self, lang: str):
        super().__init__()
        self.stops = stopwords(lang)
        self.stem = _stemmer(lang) or str
        self.stem_first = bool(language(lang).snowball) and not language(lang).stem_folded
        self._start()

    def _start(self) -> None:
        self.clear()
        self[""] = ""
        self.update({word: "" for word in self.stops})

    def __missing__(self, word: str) -> str:
        if len(self) >= MEMO_WORDS:
            self._start()
        stop = self.stem_first and fold(word) in self.stops  # folded words' stopwords are keys already
        term = self[word] = "" if stop else self.term(word)
        return term

    def term(self, word: str) -> str:
        """The term of a word, stopword or not: what a query word looks up."""
        return fold(self.stem(word)) if self.stem_first else self.stem(fold(word))


_term_caches: dict[str, _TermCache] = {}


def _cache(lang: str) -> _TermCache:
    return _term_caches.get(lang) or _term_caches.setdefault(lang, _TermCache(lang))


def index_terms(lang: str, folded_words: list[str]) -> list[str]:
    """The term each folded word is indexed under in an article in a language that stems folded
    words or does not stem; "" for stopwords and ""."""
    return list(map(_cache(lang).__getitem__, folded_words))


def text_terms(lang: str, text: str) -> list[str]:
    """The term of every word of `text` in an article in `lang`, in order; "" for stopwords."""
    cache = _cache(lang)
    return list(map(cache.__getitem__, lower_words(text) if cache.stem_first else words(text)))


def stemmer_of(lang: str) -> list | None:
    """What search/text.js needs to stem a query as articles in `lang` are indexed: [Snowball
    algorithm, whether it stems folded words], or None for a language Snowball does not stem."""
    record = language(lang)
    return [record.snowball, record.stem_folded] if record.snowball else None


def stem_words(lang: str, folded_words) -> list[str]:
    """The stems of folded words in `lang` (the rule search/text.js repeats); languages without a
    stemmer keep the words."""
    stem = _stemmer(lang)
    return list(map(stem, folded_words)) if stem else list(folded_words)


def query_term(lang: str, word: str) -> str:
    """The term a query word (lower case, as typed) looks up in an article in `lang`."""
    return _cache(lang).term(word)
