"""Search text normalisation: the exact rules the browser's search.js repeats for queries.

Index and query must agree term for term, so every rule here has a twin in
templates/static/search.js (fold, words, stem); tests/unit/test_search_text.py checks the pair.
"""

import functools
import re
import unicodedata

import snowballstemmer

from generator.lang import language

# German readers type "ae" for "ä" as often as the umlaut itself; folding both to "ae" makes them match both ways.
_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
_MARKS = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"\w\w+")  # on text with "_" made a space: the same words as [^\W_]{2,}, faster
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
    # Lower again: compatibility forms decompose to capitals (𝐀 → A, Ⅻ → XII).
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


def words(text: str) -> list[str]:
    """Folded words of two or more letters or digits; single letters ("U.S." → u, s) find nothing useful."""
    folded = fold(text)
    if folded.isascii():
        return [word for word in folded.translate(_ASCII_BREAKS).split() if len(word) > 1]
    return _WORD.findall(folded.replace("_", " "))


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


class _TermCache(dict):
    """folded word → index term for one language: "" for a stopword (and for ""), else its stem.
    Each distinct word is stemmed once per process."""

    def __init__(self, lang: str):
        super().__init__({word: "" for word in stopwords(lang)}, **{"": ""})
        self.stem = _stemmer(lang) or str

    def __missing__(self, word: str) -> str:
        term = self[word] = self.stem(word)
        return term


_term_caches: dict[str, _TermCache] = {}


def index_terms(lang: str, folded_words: list[str]) -> list[str]:
    """The term each word is indexed under in an article in `lang`; "" for stopwords and ""."""
    cache = _term_caches.get(lang) or _term_caches.setdefault(lang, _TermCache(lang))
    return list(map(cache.__getitem__, folded_words))


def stem_words(lang: str, folded_words) -> list[str]:
    """The stems of folded words in `lang` (the rule search.js repeats); languages without a
    stemmer keep the words."""
    stem = _stemmer(lang)
    return list(map(stem, folded_words)) if stem else list(folded_words)
