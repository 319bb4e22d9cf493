"""Words and forms the cleaner reads per language, kept apart from the logic: one module per topic, a dict by language code."""
