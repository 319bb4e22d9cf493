"""What an article is about, for finding related articles: weighted topics from its title, lead,
tags and places.

The words come through the search index's own rules (folding, stopwords, Snowball stems), so
"Verhandlungen" in one headline meets "Verhandlung" in another. Only the title and the lead are
read: they name the story, while a long body mentions everything in passing. Of the lead, only
the words written with a capital inside a sentence: the names of people, places and firms (and
in German every noun), which say what the story is about where "said" does not; the names of
weekdays and months (from CLDR), which say when, are left out too.
"""

import functools
import re

from babel import UnknownLocaleError

from generator.core.model import Article
from generator.core.slug import term_slug
from generator.lang.cldr import locale
from generator.lang.text import text_terms

# A shared tag says more than a shared word of the headline or name of the lead.
TAG_WEIGHT, PLACE_WEIGHT, TITLE_WEIGHT, NAME_WEIGHT = 3, 2, 2, 2
TAG_PREFIX, PLACE_PREFIX = "#t:", "#l:"  # a topic word never holds '#'
_SENTENCE_END = re.compile(r"[.!?:;\"„“”»«–-]$")  # what the word before a sentence's first ends in
_PUNCTUATION = ".,;:!?\"'()„“”»«"


def topic_signature(article: Article) -> tuple:
    """Everything topics() and the ranking read: equal signatures give equal related lists."""
    return (article.lang, article.title, article.summary, article.tags, article.locations, article.date.timestamp())


@functools.cache
def _calendar_words(lang: str) -> frozenset[str]:
    """The language's weekday and month names, lower case."""
    try:
        calendar = locale(lang)
    except (ValueError, UnknownLocaleError):  # no language, or one CLDR does not know
        return frozenset()
    return frozenset(name.lower() for names in (calendar.days, calendar.months) for context in names.values()
                     for width in context.values() for name in width.values())


def names(text: str, lang: str) -> str:
    """The words of `text` that start with a capital letter and do not start a sentence, but
    for weekdays and months."""
    words, calendar = text.split(), _calendar_words(lang)
    return " ".join(word for before, word in zip([""] + words, words)
                    if word[:1].isupper() and before and not _SENTENCE_END.search(before)
                    and word.strip(_PUNCTUATION).lower() not in calendar)


def topics(article: Article) -> dict[str, int]:
    """topic → weight: the article's tags and places, the stems of its title and the names of its lead."""
    weights: dict[str, int] = {}
    for weight, terms in ((NAME_WEIGHT, text_terms(article.lang, names(article.summary, article.lang))),
                          (TITLE_WEIGHT, text_terms(article.lang, article.title)),
                          (PLACE_WEIGHT, [PLACE_PREFIX + term_slug(p) for p in article.locations]),
                          (TAG_WEIGHT, [TAG_PREFIX + term_slug(t) for t in article.tags])):
        for term in terms:
            # Stopwords come as ""; numbers (prices, scores, years) name no subject.
            if term and not term.isdigit():
                weights[term] = max(weight, weights.get(term, 0))
    return weights
