"""The article's body: the furniture a page sets between and after the paragraphs is left out,
and the paragraphs an ad slot or a teaser box interrupts are all kept."""

import json
from pathlib import Path

import pytest

from generator.ingest.clean.page import clean_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"

MENU = "\n".join(f"- {item}" for item in ["Home", "News", "Lokales", "Sport", "Kultur", "Service", "Kontakt"])
DE = [
    "Die Stadtwerke haben am Montag angekündigt, dass die Preise für Strom und Gas im kommenden Jahr deutlich "
    "steigen werden, weil die Einkaufskosten an der Börse erneut zugenommen haben.",
    "Für einen Haushalt mit drei Personen bedeutet das nach Angaben des Unternehmens Mehrkosten von rund "
    "zweihundert Euro im Jahr, die mit der nächsten Abrechnung fällig werden.",
    "Die Verbraucherzentrale rät den Kunden, die Angebote anderer Versorger zu vergleichen und bei einem "
    "Wechsel auf die Kündigungsfristen in ihrem laufenden Vertrag zu achten.",
    "Der Stadtrat will sich in seiner nächsten Sitzung mit den Preisen befassen und hat die Geschäftsführung "
    "gebeten, die Gründe für die Erhöhung dort ausführlich darzulegen.",
]
EN = [
    "The city council voted on Tuesday to expand the bus network into the northern suburbs, a plan that "
    "has been debated for more than three years and will cost about twelve million dollars.",
    "Supporters said the new routes would give thousands of residents a way to reach jobs in the city "
    "center without a car, while opponents questioned whether enough people would ride them.",
    "The first of the new lines is expected to open next spring, and the council asked the transit agency "
    "to report on the number of riders after the first six months of service.",
]
FOOTER = ["Teilen", "- Facebook", "- Twitter", "© 2024 Stadtanzeiger | Impressum | Datenschutz"]


def page(*parts: str) -> str:
    return "\n\n".join([MENU, "Strompreise steigen deutlich", *parts])


def test_caption_with_a_glued_credit_is_dropped():
    caption = "Ein Zähler im Keller eines Mehrfamilienhauses.Anna Muster/dpa"
    cleaned = clean_text(page(DE[0], DE[1], caption, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


@pytest.mark.parametrize("credit", ["© IMAGO/Sportfoto/ R.Muster", "Bild: Screenshot: stadtwerke.de"])
def test_caption_ending_in_a_credit_with_a_dot_inside_is_dropped(credit):
    caption = f"Die Geschäftsführerin der Stadtwerke stellt die neuen Tarife vor. {credit}"
    cleaned = clean_text(page(DE[0], DE[1], caption, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


@pytest.mark.parametrize("caption", [
    "Council member Jane Doe, left, and transit director John Roe ride the first bus on Tuesday, Nov. 19, 2019.",
    "This March 28, 2017, file photo shows the old bus depot on Main Street before it was torn down.",
    "Jane Doe, head of the transit agency, pictured at the depot in 2018, when she took office.",
], ids=["placed", "file-photo", "pictured"])
def test_captions_that_say_what_the_picture_shows_are_dropped(caption):
    cleaned = clean_text(page(EN[0], caption, EN[1], EN[2], *FOOTER))
    assert cleaned.paragraphs == tuple(EN)


def test_captions_placing_people_or_marking_a_stock_picture_are_dropped():
    people = "Der Geschäftsführer Max Beispiel (l.) und die Bürgermeisterin Erika Muster vor dem Kraftwerk."
    stock = "Ein Stromzähler in einem Keller (Symbolbild)."
    cleaned = clean_text(page(DE[0], people, DE[1], DE[2], stock, DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


@pytest.mark.parametrize("furniture", [
    # A credit following its caption without a space, however long.
    ("Der Geschäftsführer der Stadtwerke vor dem Kraftwerk am Hafen.Foto: Max Beispiel. "
     "Mitarbeit: Erika Muster. Archiv: Stadtanzeiger",),
    # A caption over its credit line, though it reads like a sentence.
    ("Ein Techniker der Stadtwerke liest am Montag in einem Keller in der Altstadt einen Stromzähler ab.",
     "picture alliance/dpa | Anna Muster"),
    # A caption under its credit, the paragraph above the credit kept.
    ("Image copyright Reuters", "Ein Techniker der Stadtwerke liest in einem Keller in der Altstadt einen Stromzähler ab"),
    # A caption opening with its label, however long.
    ("Legende: Ein Techniker der Stadtwerke liest am Montag in einem Keller in der Altstadt einen der "
     "neuen Stromzähler ab, die bis zum Ende des kommenden Jahres in allen Haushalten eingebaut sein sollen.",),
], ids=["credit-glued", "credit-below", "credit-above", "labelled"])
def test_picture_captions_and_credits_between_paragraphs_are_dropped(furniture):
    cleaned = clean_text(page(DE[0], DE[1], *furniture, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_note_on_the_author_closing_the_article_is_dropped():
    note = "Anna Beispiel ist Redakteurin im Lokalressort und schreibt seit 2019 über Energie und Verkehr in der Stadt."
    cleaned = clean_text(page("Von Anna Beispiel", *DE, note, *FOOTER))
    assert cleaned.paragraphs == tuple(DE)
    assert cleaned.authors == ("Anna Beispiel",)


def test_a_box_on_the_author_after_the_article_is_dropped():
    box = ["Über Anna Beispiel",
           "Anna Beispiel schreibt seit 2019 für den Stadtanzeiger über Energie und Verkehr und lebt mit ihrer Familie in der Altstadt."]
    cleaned = clean_text(page(*DE, *box, *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_a_section_about_a_person_early_in_the_article_stays():
    section = ["Über Max Beispiel",
               "Max Beispiel leitet die Stadtwerke seit acht Jahren und hat die Preise in dieser Zeit zweimal gesenkt, "
               "was ihm im Stadtrat viel Zustimmung eingebracht hat."]
    cleaned = clean_text(page(DE[0], *section, DE[1], DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == (DE[0], *section, DE[1], DE[2], DE[3])


def test_a_consent_text_for_embedded_content_between_paragraphs_is_dropped():
    consent = ("Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können "
               "personenbezogene Daten an Drittplattformen übermittelt werden.")
    cleaned = clean_text(page(DE[0], DE[1], consent, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_calls_to_sign_up_or_install_the_app_between_paragraphs_are_dropped():
    cleaned = clean_text(page(EN[0], "Get the Daily Courier delivered to your inbox", EN[1],
                              "Mehr Lesekomfort mit der Stadtanzeiger App!", EN[2], *FOOTER))
    assert cleaned.paragraphs == tuple(EN)


def test_signature_of_an_embedded_post_the_article_quotes_is_kept():
    post = "The new routes will finally connect the north of the city with its center. Great news for riders!"
    signature = "— Jane Rider (@janerides) November 18, 2019"
    cleaned = clean_text(page(EN[0], EN[1], post, signature, EN[2], *FOOTER))
    assert cleaned.paragraphs == (EN[0], EN[1], post, signature, EN[2])


def test_an_embedded_post_with_a_link_is_kept_and_the_article_goes_on_after_it():
    post = "Great news for riders in the north! https://t.co/Ab12Cd34"
    signature = "— Jane Rider (@janerides) November 18, 2019"
    cleaned = clean_text(page(EN[0], post, signature, EN[1], EN[2], *FOOTER))
    assert cleaned.paragraphs == (EN[0], post, signature, EN[1], EN[2])


def test_an_embedded_post_closing_the_article_is_kept():
    post = "Who will ride these buses? pic.twitter.com/Ab12Cd34"
    signature = "— Jane Rider (@janerides) November 18, 2019"
    cleaned = clean_text(page(*EN, post, signature, *FOOTER))
    assert cleaned.paragraphs == (*EN, post, signature)


def test_a_report_that_someone_declined_to_comment_is_kept():
    cleaned = clean_text(page(EN[0], EN[1], "A spokeswoman for the agency declined to comment.", EN[2],
                              "Leave a comment", *FOOTER))
    assert cleaned.paragraphs == (EN[0], EN[1], "A spokeswoman for the agency declined to comment.", EN[2])


@pytest.mark.parametrize("stamped", [
    "Feuerwehrleute vor dem Umspannwerk in der Altstadt, 24. April 2023",
    "Neustadt, Stadtanzeiger-Redaktion | Aktualisiert: 19. November 2019, 09:01 Uhr",
], ids=["caption", "byline"])
def test_a_line_of_a_few_words_with_a_date_inside_the_article_is_dropped(stamped):
    cleaned = clean_text(page(DE[0], DE[1], stamped, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_related_teaser_ending_in_more_inside_the_article_is_dropped():
    teaser = "Neue Radwege am Fluss: Die Stadt plant drei Kilometer zusätzliche Strecke bis zum Sommer … mehr"
    cleaned = clean_text(page(DE[0], DE[1], teaser, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_a_read_also_link_on_one_line_inside_the_article_is_dropped():
    cleaned = clean_text(page(DE[0], DE[1], "Lesen Sie auch: Schwimmbad bleibt im Winter geschlossen", DE[2], DE[3],
                              *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_read_also_box_inside_the_article_is_dropped_and_the_article_goes_on():
    box = ["Lesen Sie auch", "Schwimmbad bleibt im Winter geschlossen",
           "Die Sanierung dauert länger als geplant."]
    cleaned = clean_text(page(DE[0], DE[1], *box, DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_links_under_a_closing_heading_inside_the_article_are_dropped_when_the_article_goes_on():
    box = ["More from the city", "- Library to open on Sundays from March", "- Harbour bridge closed for repairs",
           "- New playground opens in the park"]
    more = ["Transit officials said the buses would run every fifteen minutes during the morning and evening "
            "rush hours, and every half hour at other times of the day and on weekends.",
            "The agency expects about four thousand riders a day on the new lines within the first year, a figure "
            "that opponents of the plan called optimistic during the public hearings last month."]
    cleaned = clean_text(page(EN[0], EN[1], *box, EN[2], *more, *FOOTER))
    assert cleaned.paragraphs == (*EN, *more)


def test_a_long_box_of_links_between_paragraphs_neither_ends_the_article_nor_stays_in_it():
    box = ["Mehr zum Thema",
           "Radwege am Fluss: Die Stadt plant drei Kilometer neue Strecke", "- Von Anna Muster", "- Vor 2 Stunden",
           "Schwimmbad: Die Sanierung dauert länger als geplant", "- Von Max Beispiel", "- Vor 5 Stunden",
           "Haushalt: Der Stadtrat streitet über neue Schulden", "- Von Erika Muster", "- Gestern"]
    last = ("Die Opposition im Stadtrat kündigte bereits an, dass sie eine Senkung der Gebühren für die "
            "Müllabfuhr beantragen wird, um die Haushalte in der Stadt wenigstens an dieser Stelle zu entlasten.")
    cleaned = clean_text(page(DE[0], DE[1], DE[2], *box, DE[3], last, *FOOTER))
    assert cleaned.paragraphs == (*DE, last)
    # The article's last paragraph alone after the box is still the article's.
    assert clean_text(page(*DE, *box, last, *FOOTER)).paragraphs == (*DE, last)
    # An ad label between the paragraphs before the box does not count.
    assert clean_text(page(DE[0], DE[1], DE[2], "Anzeige", "Anzeige", DE[3], *box, last, *FOOTER)).paragraphs == \
        (*DE, last)


def test_a_ticker_of_other_stories_above_the_article_is_left_out():
    ticker = [f"- {town}: Der Gemeinderat hat am Abend beschlossen, die Gebühren für {what} im kommenden Jahr "
              f"zu erhöhen, nachdem die Kosten der Verwaltung erneut gestiegen sind."
              for town, what in [("Nordstadt", "Wasser"), ("Südheim", "Abwasser"), ("Westdorf", "die Müllabfuhr"),
                                 ("Ostfeld", "die Kitas"), ("Mittelberg", "das Schwimmbad")]]
    text = "\n\n".join([MENU, "Eilmeldungen", "\n".join(ticker), "Strompreise steigen deutlich", "20. November 2024",
                         "Teilen", "- Facebook", *DE, *FOOTER])
    assert clean_text(text).paragraphs == tuple(DE)


def test_paragraph_after_an_advertisement_interstitial_is_kept():
    last = "Officials said the schedule would be published in the spring."
    text = "\n\n".join(["- Home", "- Local", "- Politics", "Council expands bus network", EN[0], EN[1], EN[2],
                        "ADVERTISEMENT", "Thanks for watching!", last, "Share", "- Facebook", "- Twitter"])
    assert clean_text(text).paragraphs == (*EN, last)


def test_german_ad_label_between_paragraphs_is_looked_through():
    cleaned = clean_text(page(DE[0], DE[1], "Anzeige", DE[2], "Anzeige", DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)


def test_gallery_counters_and_their_captions_are_dropped():
    gallery = ["Image 1 of 3", "The new buses at the depot.", "Image 2 of 3", "A driver checks the route map."]
    text = "\n\n".join(["- Home", "- Local", "Council expands bus network", EN[0], *gallery, EN[1], EN[2],
                        "Share", "- Facebook"])
    assert clean_text(text).paragraphs == tuple(EN)


def test_footer_disclaimer_after_the_article_is_not_taken():
    disclaimer = ("Disclaimer: The content of this site is provided for general information only and does not "
                  "constitute legal or financial advice; the publisher accepts no liability for decisions made "
                  "on the basis of it, and all rights to the texts and pictures are reserved by their owners.")
    text = "\n\n".join(["- Home", "- Local", "Council expands bus network", *EN, "Share", "- Facebook",
                        "- Twitter", "- Email", "Related", "- Bus fares to rise in January", "- New bridge opens",
                        "- About us", "- Contact", "- Careers", disclaimer, "© 2024 City Herald"])
    assert clean_text(text).paragraphs == tuple(EN)


def test_seed_article_body_still_comes_out_exactly():
    truth = json.loads((FIXTURES / "000_3f014d1e3b49df7b.truth.json").read_text(encoding="utf-8"))
    cleaned = clean_text((FIXTURES / "000_3f014d1e3b49df7b.txt").read_text(encoding="utf-8"))
    assert "\n\n".join(cleaned.paragraphs) == truth["body"]


def test_local_dateline_with_a_middle_dot_is_split_off_the_first_paragraph():
    first = "Neuss · " + DE[0]
    cleaned = clean_text(page(first, DE[1], DE[2], DE[3], *FOOTER))
    assert cleaned.paragraphs == tuple(DE)
    assert cleaned.dateline.locations == ("Neuss",)


def test_a_page_that_opens_with_its_article_keeps_it_though_teasers_and_a_footer_follow():
    lead = ("The son of a former president was stabbed to death during a lecture at a Berlin clinic on "
            "Tuesday evening, and a man who tried to stop the attacker was badly hurt.The police arrested "
            "a 57-year-old suspect at the scene and are questioning him about his motive.")
    teasers = "".join(f"Headline of another story number {n}\n\n- By STAFF\n- 11/20/2019 0{n}:14 PM\n\n" for n in range(1, 9))
    footer = ("Our reporters cover the city council, the courts and the schools of the region, and they "
              "write about the people who live and work here: their clubs, their businesses, their festivals "
              "and their worries, in a newspaper that has been published every morning for more than a "
              "hundred years and that is read in almost every household of the county.")
    cleaned = clean_text(f"{lead}\n\n{teasers}{footer}\n")
    assert cleaned.paragraphs and cleaned.paragraphs[0].startswith("The son of a former president")
    assert not any("Our reporters" in p for p in cleaned.paragraphs)
