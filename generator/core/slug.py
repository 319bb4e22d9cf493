"""URL slugs: lower-case ASCII, German transliterated (ä→ae, ß→ss), other scripts spelt out in
Latin letters (Łódź→lodz, Москва→moskva), always one safe path segment."""

import hashlib
from functools import lru_cache
import re
import unicodedata

from anyascii import anyascii

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 80


@lru_cache(maxsize=4096)
def _ascii_char(char: str) -> str:
    """One character in ASCII: its base letter when it has one (é→e), as it always was; a letter or
    digit of any other kind spelt out by anyascii (ł→l, ж→zh, 北→bei); nothing for the rest.

    Symbols and punctuation stay dropped rather than spelt out (€ would become 'eur'), so that
    the slugs of titles that gave readable ones before keep them.
    """
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    if base or unicodedata.category(char)[0] not in "LN":
        return base
    return anyascii(char)


def _ascii(text: str) -> str:
    text = text.translate(_GERMAN)
    return text if text.isascii() else "".join(char if char.isascii() else _ascii_char(char) for char in text)


def slugify(text: str, fallback: str = "article") -> str:
    """Return a slug for `text`; `fallback` when nothing usable is left (e.g. a title of emoji)."""
    slug = _NOT_WORD.sub("-", _ascii(str(text)).lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    return slug or fallback


def toc_slugify(value: str, separator: str) -> str:
    """Heading ids for Python-Markdown's toc extension, German-aware like article slugs."""
    return slugify(value, fallback="section").replace("-", separator)


def _latin_only(name: str) -> bool:
    return all(not char.isalpha() or char.isascii() or "LATIN" in unicodedata.name(char, "") for char in name)


@lru_cache(maxsize=65536)
def term_slug(name: str) -> str:
    """Slug for a tag, source or location page.

    A name in another script gets a short hash after its spelling in Latin letters: two names
    spelt alike in Latin letters (北京 and 背景 are both 'beijing') stay two pages.
    """
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    slug = slugify(name, fallback="")
    if _latin_only(name):
        return slug or "x-" + digest[:10]
    return f"{slug}-{digest[:6]}" if slug else "x-" + digest[:10]
