"""How well an article matches a term: BM25F, quantised into the small integer impacts of postings.

templates/static/search/ adds up the impacts of a query's words, and reads an article's length
back from an impact (with K1, TEXT_B, IMPACT_SCALE and the rounded archive size, which the manifest
carries) to weigh phrases.

Every archive-wide figure an impact depends on is rounded onto a coarse grid: the archive's size,
its average lengths and each term's document frequency. Adding an article then leaves the impacts
of every other article as they were (but for the few terms whose frequency crosses a step), so the
index of a grown archive is the old one with the new postings appended (search.update).
"""

import math
from dataclasses import dataclass

# BM25F: a word in the headline counts like TITLE_WEIGHT words in the text.
K1 = 1.2
TITLE_WEIGHT = 6.0
TITLE_B = 0.5
TEXT_B = 0.9
IMPACT_SCALE = 8  # quantised score steps per BM25 point: ranks survive, postings stay short


# The archive's size is rounded up to the next power of 2 ** (1 / COUNT_STEPS): about 9 % apart, so
# an archive grows by that much between two steps, where every impact changes (then the index is
# made afresh); a small archive counts as MIN_COUNT, so that it too keeps its impacts. The averages are rounded to the nearest power of 2 ** (1 / AVERAGE_STEPS).
COUNT_STEPS = 8
MIN_COUNT = 64
AVERAGE_STEPS = 16
# A document frequency keeps its DF_BITS leading binary digits, rounded up (steps of 3 to 6 %):
# templates/static/search/ranking.js rounds it the same way.
DF_BITS = 5


@dataclass(frozen=True)
class Norms:
    """The archive-wide figures every impact depends on, rounded so that adding, removing or editing
    an article rarely changes them: then only the postings of that article's own terms change."""

    count: int  # the number of articles, rounded up (rounded_count)
    avg_title: float
    avg_text: float


def rounded_count(n: int) -> int:
    n = max(n, MIN_COUNT)
    k = math.ceil(COUNT_STEPS * math.log2(n))
    while 2 ** (k / COUNT_STEPS) < n:  # log2's last bit must not round below n
        k += 1
    return math.ceil(2 ** (k / COUNT_STEPS))


def _rounded_average(words: int, n: int) -> float:
    if words <= 0:
        return 1.0
    return 2 ** (round(AVERAGE_STEPS * math.log2(words / n)) / AVERAGE_STEPS)


def corpus_norms(count: int, title_words: int, text_words: int) -> Norms:
    n = max(count, 1)
    return Norms(rounded_count(n), _rounded_average(title_words, n), _rounded_average(text_words, n))


def rounded_df(df: int) -> int:
    """`df` with its DF_BITS leading binary digits kept, rounded up: integer steps, so ranking.js
    rounds it alike."""
    shift = max(df.bit_length() - DF_BITS, 0)
    return -(-df >> shift) << shift


def idf(norms: Norms, df: int) -> float:
    df = min(rounded_df(df), norms.count)
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
