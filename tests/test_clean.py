"""The cleaner: scraped page text in, article body and metadata out."""

import json
from pathlib import Path

from generator.clean import (clean_text, detect_lang, find_date, normalize_text, split_dateline,
                             summarize)

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED = (FIXTURES / "000_3f014d1e3b49df7b.txt").read_text(encoding="utf-8")

MENU = "\n".join(f"- {item}" for item in ["Start", "Politik", "Wirtschaft", "Sport", "Kultur", "Wissen", "Kontakt"])

GERMAN_PAGE = f"""{MENU}

Suche

Politik

Stadtrat beschließt neuen Haushalt für das kommende Jahr

Von Anna Beispiel

12. März 2024, 14:30 Uhr

BERLIN (dpa) - Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen. Die Mehrheit stimmte für den Entwurf der Verwaltung, der höhere Ausgaben für Schulen vorsieht.

Die Opposition kritisierte vor allem die geplanten Kürzungen bei den Bibliotheken und kündigte an, die Entscheidung prüfen zu lassen.

Schulen erhalten mehr Geld

Für die Sanierung der Schulgebäude sind in diesem Jahr mehr als zwölf Millionen Euro vorgesehen, deutlich mehr als im vergangenen Haushalt.

Teilen

- Facebook
- Twitter
- E-Mail

Mehr zum Thema

- Bürgermeister stellt Pläne für das neue Rathaus vor
- Haushaltsdebatte: Das sagen die Fraktionen

Kommentare (3)

Ich finde es richtig, dass endlich mehr Geld in die Schulen fließt und die Gebäude saniert werden.

© 2024 Beispiel-Zeitung | Impressum | Datenschutz
"""

ENGLISH_PAGE = """- Home
- World
- Business
- Sport

Sign in

London, 3 May (Reuters) - Britain's central bank held interest rates steady on Thursday, saying that inflation was falling more slowly than it had expected at the start of the year.

The decision was backed by a majority of the committee, although two members voted for a cut, pointing to weaker growth in the second half of last year.

Economists had expected the bank to wait until the summer before lowering borrowing costs for households and companies.

Related stories

- Markets rally as inflation eases
- What a rate cut would mean for your mortgage

Sign up for our newsletter
Privacy policy | Terms of use | Cookie settings
"""


def test_seed_article_comes_out_exactly_as_its_truth_says():
    truth = json.loads((FIXTURES / "000_3f014d1e3b49df7b.truth.json").read_text(encoding="utf-8"))
    cleaned = clean_text(SEED)
    assert "\n\n".join(cleaned.paragraphs) == truth["body"]
    assert cleaned.title.text == truth["title"]
    assert cleaned.title.source == "quoted"
    assert cleaned.dateline.source == truth["source"]
    assert list(cleaned.dateline.locations) == truth["locations"]
    assert cleaned.dateline.text == truth["dateline"]
    assert cleaned.lang == "de"


def test_german_page_loses_menu_share_bar_related_links_comments_and_footer():
    cleaned = clean_text(GERMAN_PAGE)
    assert cleaned.paragraphs[0].startswith("Der Stadtrat hat am Dienstag")
    assert cleaned.paragraphs[-1].startswith("Für die Sanierung der Schulgebäude")
    assert "Schulen erhalten mehr Geld" in cleaned.paragraphs  # a sub-heading inside the article stays
    body = "\n".join(cleaned.paragraphs)
    for furniture in ("Politik", "Facebook", "Mehr zum Thema", "Bürgermeister", "Ich finde es richtig", "Impressum"):
        assert furniture not in body


def test_german_page_metadata_title_dateline_date_language():
    cleaned = clean_text(GERMAN_PAGE)
    assert cleaned.title.text == "Stadtrat beschließt neuen Haushalt für das kommende Jahr"
    assert cleaned.title.source == "heading"
    assert (cleaned.dateline.locations, cleaned.dateline.source) == (("Berlin",), "dpa")
    assert cleaned.date.isoformat() == "2024-03-12T14:30:00"
    assert cleaned.lang == "de"


def test_english_page_with_a_dated_wire_dateline():
    cleaned = clean_text(ENGLISH_PAGE)
    assert cleaned.paragraphs[0].startswith("Britain's central bank held interest rates")
    assert len(cleaned.paragraphs) == 3
    assert (cleaned.dateline.locations, cleaned.dateline.source) == (("London",), "Reuters")
    assert cleaned.lang == "en"
    # No headline on the page: the lead's first sentence stands in, and says so.
    assert cleaned.title.source == "lead"
    assert cleaned.title.text.startswith("Britain's central bank held interest rates steady")


def test_title_given_as_metadata_wins():
    assert clean_text(ENGLISH_PAGE, title_hint="  Bank holds rates ").title.text == "Bank holds rates"


def test_datelines_of_the_common_agencies():
    cases = {
        "KIEW / LONDON (IT BOLTWISE) – Die Ukraine": (("Kiew", "London"), "IT BOLTWISE", "Die Ukraine"),
        "BERLIN (dpa) - Der Bundestag": (("Berlin",), "dpa", "Der Bundestag"),
        "NEW YORK (AP) — Stocks fell": (("New York",), "AP", "Stocks fell"),
        "(Reuters) — The New York State": ((), "Reuters", "The New York State"),
        "CHICAGO, March 4 - Grain prices": (("Chicago",), "", "Grain prices"),
    }
    for text, (locations, source, rest) in cases.items():
        dateline, remainder = split_dateline(text)
        assert (dateline.locations, dateline.source, remainder) == (locations, source, rest), text


def test_sentences_that_merely_start_with_a_place_are_not_datelines():
    for text in ("Berlin - das ist eine Stadt, die niemals schläft.", "Die Ukraine – ein Land im Krieg.", "Hamburg. Wie das Wetter"):
        assert split_dateline(text) == (None, text)


def test_language_is_detected_not_assumed():
    assert detect_lang("Die Regierung hat sich auf einen neuen Haushalt geeinigt, der mehr Geld für die Schulen vorsieht.") == "de"
    assert detect_lang("The government has agreed on a new budget that gives more money to the schools.") == "en"
    assert detect_lang("123 456 789") == ""


def test_dates_in_german_and_english_forms():
    assert find_date("Stand: 28. April 2023, 05:00 Uhr").isoformat() == "2023-04-28T05:00:00"
    assert find_date("Reuters November 18, 2019 11:03 PM").isoformat() == "2019-11-18T23:03:00"
    assert find_date("Veröffentlicht 28.04.2024 um 08:52").isoformat() == "2024-04-28T08:52:00"
    assert find_date("no date here") is None


def test_normalising_removes_soft_hyphens_and_unifies_spaces_and_composition():
    assert normalize_text("Un\u00adser\u00a0Le\u00adben\r\nzweite  Zeile ") == "Unser Leben\nzweite Zeile"
    assert normalize_text("Gru\u0308\u00dfe") == "Grüße"


def test_summary_is_the_lead_cut_at_a_sentence_end():
    lead = "Erster Satz ist hier. " * 20
    summary = summarize(lead.strip(), limit=100)
    assert summary.endswith("hier.") and len(summary) <= 100
