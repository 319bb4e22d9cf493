"""One record per language: what the search, the interface and the importer need to know of it.

A language's record is the file records/<code>.yaml (Snowball algorithm, stopwords, the importer's
words). A language without a file still works: Babel names it, Snowball stems it when it has an
algorithm of that name, and nothing is dropped as a stopword.
"""

import functools
from dataclasses import dataclass, field
from pathlib import Path

import babel
import snowballstemmer

from generator.core.yamlio import load_yaml

RECORDS = Path(__file__).with_name("records")


@dataclass(frozen=True)
class Language:
    code: str  # the base language, lower case: "de" for "de-AT"
    snowball: str | None  # Snowball algorithm name; None where Snowball has no stemmer for it
    # German and English stem the folded word ("haeuser"): that is how their index was always made,
    # and readers of both type without accents. Other languages' stemmers need their accents
    # (French "é", Spanish "ñ", Russian "й"), so they stem the word and then fold the stem.
    stem_folded: bool = False
    stopwords: frozenset[str] = frozenset()  # search: too common to find anything (unfolded, lower case)
    cleaner: dict = field(default_factory=dict, hash=False, compare=False)  # the importer's words


def base_code(tag: str) -> str:
    """'de' for 'de-AT', 'de_at' or 'DE'."""
    return tag.replace("_", "-").split("-")[0].lower()


def is_known(tag: str) -> bool:
    """True when CLDR (through Babel) knows the language of `tag`."""
    try:
        babel.Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return False
    return True


def _snowball_for(code: str) -> str | None:
    """The Snowball algorithm named like the language in English ('Norwegian Bokmål' → norwegian)."""
    try:
        name = (babel.Locale.parse(code).english_name or "").lower()
    except (ValueError, babel.UnknownLocaleError):
        return None
    algorithms = set(snowballstemmer.algorithms())
    for candidate in (name, name.split(" ")[0]):
        if candidate in algorithms:
            return candidate
    return None


@functools.cache
def language(tag: str) -> Language:
    """The record of the language of `tag` ('de', 'de-AT', 'pt_BR'); an empty tag gives an empty record."""
    code = base_code(tag)
    path = RECORDS / f"{code}.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) if code and path.is_file() else {}
    return Language(
        code=code,
        snowball=data.get("snowball", _snowball_for(code) if code else None),
        stem_folded=bool(data.get("stem_folded", False)),
        stopwords=frozenset(str(data.get("stopwords", "")).split()),
        cleaner=data.get("cleaner") or {},
    )


def recorded() -> list[str]:
    """The codes of the languages that have a record file."""
    return sorted(p.stem for p in RECORDS.glob("*.yaml"))
