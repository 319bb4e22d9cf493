"""How well an article matches a term: BM25F, quantised into the small integer impacts of postings.

templates/static/search/ adds up the impacts of a query's words, and reads an article's length
back from an impact (with K1, TEXT_B and IMPACT_SCALE, which the manifest carries) to weigh phrases.
"""

import math
from dataclasses import dataclass

# BM25F: a word in the headline counts like TITLE_WEIGHT words in the text.
K1 = 1.2
TITLE_WEIGHT = 6.0
TITLE_B = 0.5
TEXT_B = 0.9
IMPACT_SCALE = 8  # quantised score steps per BM25 point: ranks survive, postings stay short


@dataclass(frozen=True)
class Norms:
    """The archive-wide figures every impact depends on, rounded so that an edit rarely changes
    them: then an edit changes only the postings of its article's own terms."""

    count: int
    avg_title: float
    avg_text: float


def corpus_norms(count: int, title_words: int, text_words: int) -> Norms:
    n = max(count, 1)
    return Norms(count, round(title_words / n, 1) or 1.0, float(round(text_words / n)) or 1.0)


def idf(norms: Norms, df: int) -> float:
    return math.log(1 + (norms.count - df + 0.5) / (df + 0.5))


def doc_weights(norms: Norms, title_len: int, text_len: int) -> tuple[float, float, float]:
    """BM25F length normalisation of one article: (title factor, text factor, weight of a single
    occurrence in the text, the commonest case)."""
    title_norm = TITLE_WEIGHT / (1 - TITLE_B + TITLE_B * title_len / norms.avg_title)
    text_norm = 1 / (1 - TEXT_B + TEXT_B * text_len / norms.avg_text)
    return title_norm, text_norm, text_norm * (K1 + 1) / (K1 + text_norm)


def posting_impact(quantised: int, in_title: int) -> int:
    """What a posting carries: the impact doubled, plus 1 when the term is in the headline. The
    search reads from it which matches hold every query word in their headline, to draw the candidates of
    its headline re-ranking from all of them."""
    return 2 * quantised + (1 if in_title else 0)


def impact(term_idf: float, in_title: int, occurrences: int, weights: tuple[float, float, float]) -> int:
    """A term's quantised BM25F score in one article; never 0, which marks a filter term."""
    title_norm, text_norm, once = weights
    if occurrences == 1 and not in_title:
        return round(term_idf * once * IMPACT_SCALE) or 1
    tf = in_title * title_norm + (occurrences - in_title) * text_norm
    return round(term_idf * tf * (K1 + 1) / (K1 + tf) * IMPACT_SCALE) or 1
