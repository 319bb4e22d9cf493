from generator.lang.text import fold, html_text, index_terms, stem_words, words


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


def test_french_and_spanish_inflections_share_a_term_stemmed_with_their_accents():
    from generator.lang.text import query_term, text_terms
    assert text_terms("fr", "Les élections") == ["", "elect"]
    assert text_terms("fr", "élection")[0] == text_terms("fr", "élections")[0] == query_term("fr", "elections")
    assert text_terms("es", "la educación")[1] == text_terms("es", "educaciones")[0]
    assert text_terms("fr", "le président et la présidente") == ["", "president", "", "", "president"]


def test_any_snowball_language_stems_and_cyrillic_keeps_its_letters():
    from generator.lang.text import text_terms
    assert text_terms("ru", "Новый президент")[0] == text_terms("ru", "новая")[0] == "нов"
    assert text_terms("da", "husene huset") == ["hus", "hus"]


def test_chinese_japanese_and_korean_runs_are_indexed_as_character_pairs():
    assert words("東京都庁") == ["東京", "京都", "都庁"]
    assert words("カレーが好き") == ["カレ", "レー", "ーが", "が好", "好き"]
    assert words("한국어 텍스트") == ["한국", "국어", "텍스", "스트"]
    assert words("iPhone発売") == ["iphone", "発売"]
    assert words("日 本") == []  # single letters with spaces between them are not words


def test_marks_stay_inside_their_word():
    assert words("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]
    assert words("がぎぐ") == ["がぎ", "ぎぐ"]  # voiced kana stay one letter after folding


def test_a_query_word_looks_up_the_term_its_article_word_is_indexed_under():
    from generator.lang.text import lower_words, query_term, stopwords, text_terms
    text = "Les élections présidentielles. Die Häuser der Verhandlungen. Новый президент"
    for lang in ("fr", "de", "ru", "ja"):
        read = lower_words(text) if lang in ("fr", "ru") else words(text)
        assert [t for t in text_terms(lang, text)] == \
            ["" if fold(w) in stopwords(lang) else query_term(lang, w) for w in read]


def test_a_vast_vocabulary_keeps_its_terms_while_the_memo_of_them_stays_bounded(monkeypatch):
    from generator.lang import text
    monkeypatch.setattr(text, "MEMO_WORDS", 1000)
    monkeypatch.setattr(text, "_term_caches", {})
    first = text.text_terms("en", "The negotiations and the talks")
    names = " ".join(f"Name{n}son" for n in range(5000))
    assert text.text_terms("en", names) == [f"name{n}son" for n in range(5000)]
    assert len(text._cache("en")) <= 1000
    assert text.text_terms("en", "The negotiations and the talks") == first == ["", "negoti", "", "", "talk"]
