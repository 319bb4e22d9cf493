"""URL slugs: lower-case ASCII, German transliterated (ä→ae, ß→ss), always one safe path segment."""

import hashlib
from functools import lru_cache
import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 80


def slugify(text: str, fallback: str = "article") -> str:
    """Return a slug for `text`; `fallback` when nothing usable is left (e.g. a title in Cyrillic)."""
    ascii_text = unicodedata.normalize("NFKD", str(text).translate(_GERMAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_WORD.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    return slug or fallback


def toc_slugify(value: str, separator: str) -> str:
    """Heading ids for Python-Markdown's toc extension, German-aware like article slugs."""
    return slugify(value, fallback="section").replace("-", separator)


@lru_cache(maxsize=65536)
def term_slug(name: str) -> str:
    """Slug for a tag, source or location page; names with no Latin letters get a stable hash."""
    return slugify(name, fallback="") or "x-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
