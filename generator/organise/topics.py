"""What an article is about, for finding related articles: weighted topics from its title, lead,
tags and places.

The words come through the search index's own rules (folding, stopwords, Snowball stems), so
"Verhandlungen" in one headline meets "Verhandlung" in another. Only the title and the lead are
read: they name the story, while a long body mentions everything in passing.
"""

from generator.core.model import Article
from generator.core.slug import term_slug
from generator.search.text import text_terms

# A shared tag says more than a shared word of the headline, which says more than one of the lead.
TAG_WEIGHT, PLACE_WEIGHT, TITLE_WEIGHT, LEAD_WEIGHT = 3, 2, 2, 1
TAG_PREFIX, PLACE_PREFIX = "#t:", "#l:"  # a topic word never holds '#'


def topic_signature(article: Article) -> tuple:
    """Everything topics() and the ranking read: equal signatures give equal related lists."""
    return (article.lang, article.title, article.summary, article.tags, article.locations, article.date.timestamp())


def topics(article: Article) -> dict[str, int]:
    """topic → weight: the article's tags and places, and the stems of its title and lead."""
    weights: dict[str, int] = {}
    for weight, terms in ((LEAD_WEIGHT, text_terms(article.lang, article.summary)),
                          (TITLE_WEIGHT, text_terms(article.lang, article.title)),
                          (PLACE_WEIGHT, [PLACE_PREFIX + term_slug(p) for p in article.locations]),
                          (TAG_WEIGHT, [TAG_PREFIX + term_slug(t) for t in article.tags])):
        for term in terms:
            # Stopwords come as ""; numbers (prices, scores, years) name no subject.
            if term and not term.isdigit():
                weights[term] = max(weight, weights.get(term, 0))
    return weights
