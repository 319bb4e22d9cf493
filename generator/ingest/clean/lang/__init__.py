"""Words and forms the cleaner reads per language, kept apart from its logic: each language's are
data in its record (generator/lang/records/<code>.yaml, under `cleaner:`), read here into one
module per topic as a dict by language code. Adding a language's words is an edit of its record."""

from generator.lang import language, recorded


def cleaner_codes() -> list[str]:
    """The languages whose record holds the importer's words; a record may name only its Snowball
    algorithm, and its month names would then be read on every page without anything to weigh them."""
    return [code for code in recorded() if language(code).cleaner]


def words(value) -> tuple[str, ...]:
    """A record's word list as the cleaner reads it: a YAML list (for phrases), or a string of words."""
    if isinstance(value, str):
        return tuple(value.split())
    return tuple(str(word) for word in value or ())


def recorded_values(*keys: str) -> dict:
    """{code: value} under `cleaner:` → keys… for every language whose record gives one."""
    found = {}
    for code in cleaner_codes():
        value = language(code).cleaner
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if value:
            found[code] = value
    return found


def recorded_words(*keys: str) -> dict[str, tuple[str, ...]]:
    """{code: words} under `cleaner:` → keys… for every language whose record has them."""
    return {code: words(value) for code, value in recorded_values(*keys).items()}


def any_language(table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Every language's entries of `table` together: the page's language is not known when its
    lines are read, and these phrases do not mean anything else in another language."""
    return frozenset(word for words in table.values() for word in words)
