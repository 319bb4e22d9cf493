"""The article's title as a reader expects it: the headline above the article, whole, and not a
service line of the page around it."""

import json
from pathlib import Path

from generator.ingest.clean.headline import FEATURES, title_evidence
from generator.ingest.clean.lines import describe_lines
from generator.ingest.clean.page import clean_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
MENU = "\n".join(f"- {item}" for item in ["Start", "Politik", "Wirtschaft", "Sport", "Kultur", "Kontakt"])
LEAD = ("Die Stadtwerke erhöhen zum ersten Januar die Preise für Strom und Gas, weil die Einkaufskosten "
        "im vergangenen Jahr deutlich gestiegen sind.")
BODY = [
    "Ein Haushalt mit zwei Personen zahlt damit im Monat etwa zwölf Euro mehr als bisher, wie die Stadtwerke am Montag mitteilten.",
    "Die Verbraucherzentrale rät, die Abschläge für Strom und Gas zu prüfen und bei Bedarf einen anderen Tarif zu wählen.",
    "Wer sich die Rechnung nicht leisten kann, soll sich frühzeitig beim Kundenservice der Stadtwerke melden.",
]
HEADLINE = "Stadtwerke erhöhen Preise für Strom und Gas"


def page(*above: str) -> str:
    return "\n\n".join([MENU, *above, LEAD, *BODY])


def test_a_title_with_straight_quotes_inside_is_kept_whole():
    title = 'Georgien: Tausende protestieren gegen das "Agentengesetz" vor dem Parlament'
    text = page(title, "Von Anna Beispiel") + f'\n\n3 Kommentare zum Artikel "{title}"'
    assert clean_text(text).title.text == title


def test_a_comment_header_keeps_the_quotes_inside_the_title():
    title = 'Stadtrat streitet über das "Bürgerticket"'
    text = page(HEADLINE, "Von Anna Beispiel") + f'\n\n2 Kommentare zu "{title}"'
    assert clean_text(text).title.text == title


def test_a_newsletter_thank_you_above_the_headline_is_not_the_title():
    text = page("Vielen Dank für Ihre Anmeldung", HEADLINE, "Von Anna Beispiel")
    assert clean_text(text).title.text == HEADLINE


def test_a_service_name_above_the_headline_is_not_the_title():
    text = page("Newsletter abonnieren", HEADLINE, "12.03.2024, 14:30 Uhr")
    assert clean_text(text).title.text == HEADLINE


def test_a_kicker_line_above_the_headline_leaves_the_headline():
    text = page("Energie", HEADLINE, "Von Anna Beispiel")
    assert clean_text(text).title.text == HEADLINE


def test_a_quoted_kicker_glued_to_the_headline_is_cut_off():
    text = page(f'"Das wird teuer"{HEADLINE}', "Von Anna Beispiel")
    assert clean_text(text).title.text == HEADLINE


def test_a_headline_starting_with_a_number_keeps_its_first_words():
    headline = "Die 25 erfolgreichsten Stadtwerke des Landes"
    assert clean_text(page(headline, "Von Anna Beispiel")).title.text == headline
    assert clean_text(page(f"Jan 17 {HEADLINE}", "Von Anna Beispiel")).title.text == HEADLINE  # a date stamp


def test_the_seed_articles_title_comes_out_exactly():
    raw = (FIXTURES / "000_3f014d1e3b49df7b.txt").read_text(encoding="utf-8")
    truth = json.loads((FIXTURES / "000_3f014d1e3b49df7b.truth.json").read_text(encoding="utf-8"))
    assert clean_text(raw).title.text == truth["title"]


def test_a_headline_starting_with_a_byline_word_does_not_count_as_a_byline():
    headline = "Von Strompreisen, Gasverträgen und «fairen Tarifen»"
    lines = [*MENU.split("\n"), "Energie", headline, "Von Anna Beispiel", LEAD, *BODY]
    infos = describe_lines(lines)
    evidence = {text: dict(zip(FEATURES, features))
                for text, features in title_evidence(infos, lines.index(LEAD), "\n".join([LEAD, *BODY]), LEAD)}
    assert evidence[headline]["starts_like_byline"] == 0
    assert evidence["Von Anna Beispiel"]["starts_like_byline"] == 1


def test_a_breadcrumbs_last_item_names_the_article_over_the_shortened_headline_below_it():
    title = "Energiekosten: Stadtwerke erhöhen zum Jahreswechsel Preise für Strom und Gas"
    crumb = "\n".join(f"- {item}" for item in ["Start", "Wirtschaft", title])
    text = "\n\n".join([MENU, crumb, HEADLINE, "Von Anna Beispiel", LEAD, *BODY])
    assert clean_text(text).title.text == title




def test_the_headline_whose_date_follows_a_few_lines_below_wins_over_a_section_name_above_it():
    headline = "So teuer war Energie lange nicht"  # fewer of the lead's words than the section name
    text = page("Strom und Gas", headline, "Bild: Anna Beispiel", "Anna Beispiel", "12.03.2024")
    assert clean_text(text).title.text == headline


def test_a_line_starting_in_lower_case_below_the_headline_is_not_the_title():
    headline = "So teuer war Energie lange nicht"
    text = page("Energie", headline, "und warum die Stadtwerke Strom und Gas teurer machen")
    assert clean_text(text).title.text == headline
