import Stemmer
from babel.localedata import locale_identifiers

from generator.lang import base_code, is_known, language, recorded


def test_every_snowball_language_is_reached_from_its_language_code():
    codes = {tag.split("_")[0] for tag in locale_identifiers()}
    reached = {language(code).snowball for code in codes} - {None}
    # porter and dutch_porter are older variants of english and dutch, not languages of their own.
    assert reached == set(Stemmer.algorithms()) - {"porter", "dutch_porter"}


def test_a_regional_tag_reads_its_languages_record():
    assert language("de-AT") == language("de_at") == language("de")
    assert base_code("pt_BR") == "pt"
    assert language("nb").snowball == language("nn").snowball == "norwegian"


def test_a_language_snowball_lacks_has_no_stemmer_but_is_known():
    assert language("ja").snowball is None and is_known("ja")
    assert not is_known("xx") and not is_known("")


def test_every_record_names_a_real_snowball_algorithm_and_is_known_to_cldr():
    for code in recorded():
        assert is_known(code), code
        assert language(code).snowball in set(Stemmer.algorithms()) | {None}, code
