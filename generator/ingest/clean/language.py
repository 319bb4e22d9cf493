"""Which language a text is in, told by the short words that prose uses and menus lack."""

import re

# Frequent short words: enough to tell German from English prose, and to recognise prose at all
# (menus and link lists contain few of them; sentences contain many).
PROSE_STOPWORDS = {
    "de": frozenset("""der die das den dem des ein eine einen einem einer eines und oder aber
        nicht auch ist sind war waren wird werden wurde wurden hat haben hatte hatten sich mit
        von vom zu zum zur im in auf aus bei nach für über unter vor durch gegen um als wie so
        noch nur schon sehr mehr dass daß es er sie wir ihr ich man sein seine ihre ihren ihrem
        dieser diese dieses diesem wenn weil doch sei seien kann können soll sollen muss müssen
        bis seit ob was wer wo hier dort dann denn jedoch sowie zwischen ab am beim ins laut""".split()),
    "en": frozenset("""the a an and or but not also is are was were be been being has have had
        of to in on at by for with from as into about over after before than that this these
        those it its he she they we you his her their our which who whom what when where while
        will would can could should may might must do does did there here said says more most
        such only so if because however just up out new one two""".split()),
}
ANY_PROSE_STOPWORD = PROSE_STOPWORDS["de"] | PROSE_STOPWORDS["en"]
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
