"""Which language a text is in, told by the short words that prose uses and menus lack."""

import re

from generator.ingest.clean.lang import recorded_words

# Frequent short words of each language with a record (its `cleaner:` → `prose_words`): enough to
# tell its prose from another's, and to recognise prose at all (menus and link lists contain few of
# them; sentences contain many).
PROSE_STOPWORDS = {code: frozenset(words) for code, words in recorded_words("prose_words").items()}
ANY_PROSE_STOPWORD = frozenset().union(*PROSE_STOPWORDS.values())
# The words of scraped text as the cleaner and the importer count them.
WORD_RUN = re.compile(r"\w+")


def detect_lang(text: str) -> str:
    """'de' or 'en' by stopword counts over the first 400 words; '' when neither is clearly there."""
    words = [w.lower() for w in WORD_RUN.findall(text[:4000])]
    if not words:
        return ""
    counts = {lang: sum(w in stops for w in words) for lang, stops in PROSE_STOPWORDS.items()}
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    other = sum(counts.values()) - best
    if best < max(3, 0.12 * len(words)) or best < 1.5 * other:
        return ""
    return lang
