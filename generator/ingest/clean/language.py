"""Which language a text is in (py3langid), and the short words that prose uses and menus lack."""

import functools
import re

from generator.ingest.clean.lang import recorded_words

# Frequent short words of each language with a record (its `cleaner:` → `prose_words`): they tell
# prose from page furniture (menus and link lists contain few of them; sentences contain many).
PROSE_STOPWORDS = {code: frozenset(words) for code, words in recorded_words("prose_words").items()}
ANY_PROSE_STOPWORD = frozenset().union(*PROSE_STOPWORDS.values())
_PROSE_LANGUAGES = {word: [code for code, words in PROSE_STOPWORDS.items() if word in words]
                    for word in ANY_PROSE_STOPWORD}
# The words of scraped text as the cleaner and the importer count them.
WORD_RUN = re.compile(r"\w+")

# How much of a text the detector reads, from its longest paragraphs: on 3,182 articles it is as
# accurate from 300 characters on as on 1,000 (bench/detect_eval.py), and its time grows with the length.
SAMPLE_CHARS = 400
# Fewer letters than this are a name or a label, not a sample of a language (about three words; a
# short sentence in Chinese or Japanese).
MIN_LETTERS = 16
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# The detector's normalised probability of its best language must be more than all others together.
# On 3,182 articles (bench/detect_eval.py) no answer above 0.5 was wrong from 200 characters on, and
# 2 of 3,109 at 60; at 0.3 wrong ones come in (9 at 60 characters), while 0.5 leaves 0.13 % of
# whole articles unanswered.
MIN_PROBABILITY = 0.5
# py3langid tells apart varieties that ISO 639-1 names as one language: Egyptian and Moroccan
# Arabic, Wu and Cantonese Chinese … (ISO 639-3 members of a macrolanguage, or its own code).
_ISO_639_1 = {"arz": "ar", "ary": "ar", "wuu": "zh", "yue": "zh", "uzs": "uz", "sdh": "ku", "gug": "gn",
              "fuv": "ff", "ltg": "lv", "kik": "ki"}
_MACROLANGUAGES = frozenset(_ISO_639_1.values())


@functools.cache
def _identifier():
    """py3langid's model, loaded once (about 0.4 s) when a text is first detected."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_lang(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in; '' when it is too short to tell,
    the detector is not confident, or the language has no two-letter code."""
    code, probability = likeliest_language(text)
    return code if len(code) == 2 and probability > MIN_PROBABILITY else ""


def likeliest_language(text: str) -> tuple[str, float]:
    """The detector's likeliest language for `text` (ISO 639-1 where there is a code, else its own
    label) with its probability; ('', 0.0) when the text is too short to tell."""
    sample = _sample(text)
    if len(_NOT_LETTERS.sub("", sample)) < MIN_LETTERS:
        return "", 0.0
    label, probability = _identifier().classify(sample)
    code = _ISO_639_1.get(label, label)
    if probability > MIN_PROBABILITY and code not in _MACROLANGUAGES:
        return code, probability  # no other language can sum to more: the common case, and the fast one
    scores: dict[str, float] = {}
    for label, probability in _identifier().rank(sample):
        code = _ISO_639_1.get(label, label)
        scores[code] = scores.get(code, 0.0) + probability
    code = max(scores, key=scores.__getitem__)
    return code, scores[code]


def _sample(text: str) -> str:
    """The longest paragraphs of `text`, up to SAMPLE_CHARS: the article's prose, not the short lines
    a page may keep in another language at its start (an English PHP warning above a German post)."""
    if len(text) <= SAMPLE_CHARS:
        return text
    sample = ""
    for paragraph in sorted(text.split("\n"), key=len, reverse=True):
        if len(sample) >= SAMPLE_CHARS:
            break
        sample += paragraph[:SAMPLE_CHARS - len(sample)] + "\n"
    return sample


@functools.cache
def prose_words(lang: str) -> frozenset[str]:
    """The short words whose share makes a line on a page in `lang` read like prose: its language's
    and English's (menus, labels and quotes in English stand on pages in every language); every
    language's when the page's is not known. Counting every language's on every page would make
    "no", "da" or "com" prose words on German and English pages."""
    if lang not in PROSE_STOPWORDS:
        return ANY_PROSE_STOPWORD
    return PROSE_STOPWORDS[lang] | PROSE_STOPWORDS.get("en", frozenset())


def prose_language(text: str) -> str:
    """The language whose prose words fill the first 400 or so words of `text`: at least 12 % of
    them, and half as many again as any other language's; '' otherwise (menus, link lists, or a
    language without prose words)."""
    words = [w.lower() for w in WORD_RUN.findall(text[:4000])]
    counts = dict.fromkeys(PROSE_STOPWORDS, 0)
    for word in words:
        for code in _PROSE_LANGUAGES.get(word, ()):
            counts[code] += 1
    ranked = sorted(((n, code) for code, n in counts.items()), reverse=True) + [(0, "")]
    (best, code), (second, _) = ranked[0], ranked[1]
    if best < max(3, 0.12 * len(words)) or best < 1.5 * second:
        return ""
    return code
