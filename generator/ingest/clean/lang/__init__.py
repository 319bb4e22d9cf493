"""Words and forms the cleaner reads per language, kept apart from the logic: one module per topic, a dict by language code."""


def any_language(table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Every language's entries of `table` together: the page's language is not known when its
    lines are read, and these phrases do not mean anything else in another language."""
    return frozenset(word for words in table.values() for word in words)
