from generator.search.text import fold, html_text, index_terms, stem_words, words


def test_umlauts_and_their_ascii_spellings_fold_alike():
    assert fold("Schulhöfe") == fold("Schulhoefe") == "schulhoefe"
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("Über") == fold("ueber")


def test_other_accents_are_dropped():
    assert fold("Café Crème") == "cafe creme"


def test_decomposed_umlauts_fold_like_composed_ones():
    assert fold("Scho\u0308n") == fold("Schön") == "schoen"


def test_words_split_on_punctuation_and_skip_single_letters():
    assert words("U.S. talks, 3rd round: Kiew/Moskau") == ["talks", "3rd", "round", "kiew", "moskau"]


def test_html_text_keeps_words_apart_and_decodes_entities():
    assert html_text("<p>Fisch&amp;Chips</p><p>Bier</p>").split() == ["Fisch&Chips", "Bier"]


def test_german_plural_and_singular_share_a_term():
    assert stem_words("de", ["verhandlung", "verhandlungen"]) == ["verhandl", "verhandl"]
    assert stem_words("de", ["sanktion"]) == stem_words("de", ["sanktionen"])


def test_umlaut_plurals_share_a_term_with_their_singular():
    assert stem_words("de", [fold("Häuser")]) == stem_words("de", ["haus"]) == ["haus"]


def test_english_inflections_share_a_term():
    assert stem_words("en", ["crossings", "crossing"]) == ["cross", "cross"]


def test_languages_without_a_stemmer_keep_the_folded_word():
    assert stem_words("ja", ["maisons"]) == ["maisons"]


def test_index_terms_are_stems_with_stopwords_and_gaps_left_blank():
    assert index_terms("de", ["die", "verhandlungen", "", "und", "sanktionen"]) == \
        ["", "verhandl", "", "", stem_words("de", ["sanktionen"])[0]]
    assert index_terms("en", ["the", "crossings"]) == ["", "cross"]
    assert index_terms("ja", ["les", "maisons"]) == ["les", "maisons"]  # no stopword list, no stemmer
