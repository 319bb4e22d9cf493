"""Which language an article is in, and the per-language words the cleaner reads from the records."""

import json
from pathlib import Path

import pytest

from generator.ingest.clean.dates import MONTH_NUMBER
from generator.ingest.clean.lang.bylines import GIVEN_NAMES
from generator.ingest.clean.lang.dates import MONTH_NUMBERS, WEEKDAYS
from generator.ingest.clean.language import PROSE_STOPWORDS, detect_lang, prose_language
from generator.ingest.clean.lines import describe_lines
from generator.lang import language, recorded

MULTILINGUAL = Path(__file__).parents[1] / "data" / "multilingual"

SENTENCES = {
    "de": "Die Regierung hat sich auf einen neuen Haushalt geeinigt, der mehr Geld für die Schulen vorsieht.",
    "en": "The government has agreed on a new budget that gives more money to the schools.",
    "fr": "Le gouvernement a présenté mercredi un projet de loi pour réduire l'attente dans les hôpitaux publics.",
    "es": "El Gobierno aprobó este martes un nuevo plan para reducir las listas de espera en los hospitales.",
    "it": "Il governo ha approvato martedì un nuovo piano per ridurre le liste d'attesa negli ospedali pubblici.",
    "nl": "De regering heeft dinsdag een nieuw plan goedgekeurd om de wachtlijsten in de ziekenhuizen te verkorten.",
    "pt": "O governo aprovou nesta terça-feira um novo plano para reduzir as filas de espera nos hospitais públicos.",
    "pl": "Rząd przyjął we wtorek nowy plan, który ma skrócić kolejki oczekujących w publicznych szpitalach.",
    "sv": "Regeringen presenterade på tisdagen en ny plan för att korta vårdköerna på de offentliga sjukhusen.",
    "ru": "Правительство во вторник одобрило новый план по сокращению очередей в государственных больницах.",
    "ja": "政府は火曜日、公立病院の待ち時間を短縮するための新たな計画を承認した。",
    "ko": "정부는 화요일 공립 병원의 대기 시간을 줄이기 위한 새로운 계획을 승인했다.",
    "zh": "政府周二批准了一项缩短公立医院候诊时间的新计划，以减少病人等待的时间。",
    "ar": "وافقت الحكومة يوم الثلاثاء على خطة جديدة لتقليص فترات الانتظار في المستشفيات العامة.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_a_sentence_is_detected_in_its_language(lang):
    assert detect_lang(SENTENCES[lang]) == lang


@pytest.mark.parametrize("lang", ["fr", "es", "ja"])
def test_real_news_articles_are_detected_in_their_language(lang):
    records = [json.loads(line) for line in (MULTILINGUAL / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [detect_lang(record["body"]) for record in records] == [lang] * len(records)


def test_too_little_text_names_no_language():
    for text in ("", "123 456 789", "12.03.2024, 14:30", "Hallo", "Jean Dupont", "Home | News", "- - -"):
        assert detect_lang(text) == "", text


def test_an_article_is_detected_by_its_prose_not_a_warning_above_it():
    warning = "Warning: mysql_connect(): Access denied for user 'www'@'localhost' (using password: NO) in db.php"
    assert detect_lang(warning + "\n" + (SENTENCES["de"] + " ") * 12) == "de"


def test_prose_words_name_the_page_language_they_fill():
    assert prose_language((SENTENCES["fr"] + " ") * 3) == "fr"
    assert prose_language((SENTENCES["de"] + " ") * 3) == "de"
    assert prose_language("Start Politik Wirtschaft Sport Kultur Kontakt Impressum") == ""
    assert prose_language(SENTENCES["ja"] * 3) == ""  # no prose words: lines are weighed without them


def test_every_recorded_language_has_prose_words_and_none_is_a_given_name():
    # A record may name only its Snowball algorithm (Sesotho); every one with the importer's words has prose words.
    with_words = {code for code in recorded() if language(code).cleaner}
    assert set(PROSE_STOPWORDS) == with_words and {"de", "en", "fr", "es", "it", "nl", "pt", "pl", "sv"} <= with_words
    names = frozenset().union(*GIVEN_NAMES.values())
    # A prose word is never read as a name: "Hans" or "Till" among them would lose bylines.
    assert not {code: words & names for code, words in PROSE_STOPWORDS.items() if words & names}


def test_month_names_come_from_cldr_with_regional_variants_and_the_records_extras():
    assert MONTH_NUMBERS["de"]["jänner"] == 1  # de_AT
    assert MONTH_NUMBERS["de"]["maerz"] == MONTH_NUMBERS["de"]["mrz"] == 3  # the record's extra months
    assert MONTH_NUMBERS["es"]["setiembre"] == 9  # es_PE
    assert MONTH_NUMBERS["fr"]["janv"] == 1 and MONTH_NUMBERS["fr"]["décembre"] == 12  # without the dot
    assert MONTH_NUMBERS["pl"]["grudnia"] == MONTH_NUMBERS["pl"]["grudzień"] == 12  # a date's form and the name
    assert {"mai", "may", "mar"} <= set(MONTH_NUMBER)


def test_an_abbreviation_that_is_a_common_word_is_no_month():
    # Polish "sie" (sierpień) is German "sie", Portuguese "out" (outubro) English "out".
    assert "sie" not in MONTH_NUMBER and "out" not in MONTH_NUMBER
    assert MONTH_NUMBER["sierpnia"] == 8 and MONTH_NUMBER["outubro"] == 10


def test_weekday_names_come_from_cldr_and_the_records_extras():
    assert {"montag", "sonnabend", "so"} <= set(WEEKDAYS["de"])
    assert {"thursday", "thurs"} <= set(WEEKDAYS["en"])
    assert {"lundi", "miércoles", "segunda-feira", "środa"} <= set().union(*WEEKDAYS.values())


def test_a_word_of_the_pages_own_prose_is_no_sign_of_furniture():
    line = "Plus de douze millions d'euros sont prévus cette année pour les écoles."
    [french], [unknown] = describe_lines([line], "fr"), describe_lines([line])
    assert not french.furniture and unknown.furniture  # "Plus" labels paid articles on German pages
    assert french.stop_ratio > 0.3
