"""The cleaner: scraped page text in, article body and metadata out."""

import json
from pathlib import Path

from generator.content.articles import cut_at_sentence_end as summarize
from generator.ingest.clean.dateline import split_dateline
from generator.ingest.clean.dates import find_date
from generator.ingest.clean.headline import PageEchoes, title_evidence
from generator.ingest.clean.language import detect_lang
from generator.ingest.clean.lines import describe_lines
from generator.ingest.clean.normalize import normalize_text
from generator.ingest.clean.page import clean_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
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
    assert detect_lang("Le gouvernement s'est mis d'accord sur un nouveau budget qui donne plus d'argent aux écoles.") == "fr"
    assert detect_lang("政府は学校への予算を増やす新たな予算案で合意した。") == "ja"
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


LEAD = ("Die Stadtwerke erhöhen zum ersten Januar die Preise für Strom und Gas, weil die Einkaufskosten "
        "im vergangenen Jahr deutlich gestiegen sind.")
PARAGRAPHS = [
    "Ein Haushalt mit zwei Personen zahlt damit im Monat etwa zwölf Euro mehr als bisher, wie die Stadtwerke am Montag mitteilten.",
    "Die Verbraucherzentrale rät, die Abschläge zu prüfen und bei Bedarf einen anderen Tarif zu wählen, der besser zum eigenen Verbrauch passt.",
    "Wer sich die Rechnung nicht leisten kann, soll sich frühzeitig beim Kundenservice melden, damit eine Ratenzahlung vereinbart werden kann.",
]


def test_lead_separated_by_a_caption_and_date_stamp_belongs_to_the_article():
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD,
                        "Foto: Archiv", "12.03.2024, 14:30 Uhr", "Anzeige", *PARAGRAPHS, "Teilen", "© 2024 Beispiel-Zeitung | Impressum"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == (LEAD, *PARAGRAPHS)
    assert cleaned.title.text == "Strom und Gas werden teurer"


def test_reader_comment_after_the_comment_header_does_not_outweigh_a_short_article():
    comment = ("Ich finde es wirklich unglaublich, dass die Stadtwerke schon wieder die Preise erhöhen, obwohl "
               "sie im letzten Jahr einen Gewinn gemacht haben und die Geschäftsführung sich hohe Prämien gegönnt hat, "
               "während viele Familien in der Stadt nicht mehr wissen, wie sie die Rechnungen bezahlen sollen, und "
               "das muss man doch einmal deutlich sagen dürfen, finde ich jedenfalls, und alle meine Nachbarn auch.")
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, PARAGRAPHS[0],
                        "3 Responses to Strom und Gas werden teurer", "- Erna says:", comment, "Antworten"])
    assert clean_text(page).paragraphs == (LEAD, PARAGRAPHS[0])


def test_comment_thread_under_its_heading_is_cut_even_after_a_one_paragraph_post():
    comments = ["Danke für den Hinweis, das wusste ich noch nicht und werde es gleich an meine Nachbarn in der "
                "Siedlung weitergeben, die sich seit Wochen über die Rechnungen der Stadtwerke ärgern.",
                "Bei uns im Viertel haben die Stadtwerke die Abschläge schon im Herbst erhöht, ohne dass jemand "
                "einen Brief bekommen hätte, und auf Nachfrage hieß es nur, das stehe alles im Internet."]
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, "Teilen",
                        "2 Gedanken zu „Strom und Gas werden teurer“", "- Erna", "3. März 2024 um 10:12", comments[0],
                        "Antworten", "- Paul", "3. März 2024 um 11:40", comments[1], "Antworten"])
    assert clean_text(page).paragraphs == (LEAD,)


def test_list_announced_by_a_colon_stays_in_the_article():
    items = [f"- {kind}: {change}" for kind, change in [
        ("Strom", "zwölf Prozent mehr"), ("Gas", "acht Prozent mehr"), ("Fernwärme", "bleibt unverändert"),
        ("Wasser", "drei Prozent mehr"), ("Abwasser", "zwei Prozent mehr"), ("Müllabfuhr", "bleibt unverändert"),
        ("Grundgebühr", "bleibt unverändert"), ("Zählermiete", "fünf Euro mehr"), ("Hausanschluss", "bleibt unverändert"),
        ("Straßenreinigung", "ein Prozent mehr"), ("Winterdienst", "bleibt unverändert"), ("Parkgebühren", "zehn Cent mehr"),
        ("Bäder", "ein Euro mehr"), ("Busse", "bleiben unverändert")]]
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, "Die neuen Preise im Überblick:", "\n".join(items),
                        PARAGRAPHS[1], PARAGRAPHS[2], "Teilen", "- Facebook", "- Twitter"])
    assert clean_text(page).paragraphs == (LEAD, "Die neuen Preise im Überblick:", *items, PARAGRAPHS[1], PARAGRAPHS[2])


def test_phrase_the_article_quotes_is_not_taken_for_its_title():
    quoting = "Der Sprecher nannte den Bericht „eine längst überfällige Entscheidung für alle Kunden“ und verwies auf die Kosten."
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, quoting, *PARAGRAPHS])
    assert clean_text(page).title.text == "Strom und Gas werden teurer"


def test_without_a_headline_the_pages_own_entry_in_a_story_list_is_the_title():
    page = "\n".join([LEAD, *PARAGRAPHS, "", "Aktuelle News", "- Stadtwerke erhöhen die Preise für Strom und Gas",
                      "- Neues Hallenbad öffnet im Frühjahr", "- Stadtrat vertagt Entscheidung über Radwege"])
    title = clean_text(page).title
    assert (title.text, title.source) == ("Stadtwerke erhöhen die Preise für Strom und Gas", "teaser")


def test_a_comment_sections_header_names_the_article():
    article = "\n\n".join([LEAD, *PARAGRAPHS])
    for header, title in [
        ("2 Gedanken zu „Warum die Stadtwerke die Preise erhöhen“", "Warum die Stadtwerke die Preise erhöhen"),
        ("Ein Kommentar zu Warum die Stadtwerke die Preise erhöhen", "Warum die Stadtwerke die Preise erhöhen"),
        ("4 thoughts on “Why the utility is raising its prices”", "Why the utility is raising its prices"),
        ("No responses to Why the utility is raising its prices", "Why the utility is raising its prices"),
    ]:
        cleaned = clean_text("\n\n".join([MENU, article, header, "Schreibe einen Kommentar"]))
        assert (cleaned.title.text, cleaned.title.source) == (title, "quoted"), header


def test_a_long_standfirst_is_never_offered_as_the_headline():
    standfirst = ("Warum die Stadtwerke ausgerechnet jetzt die Preise für Strom und Gas erhöhen und was Kunden "
                  "nun tun können um die höheren Abschläge zu vermeiden")
    infos = describe_lines([*MENU.split("\n"), "Strom und Gas werden teurer", standfirst, LEAD, *PARAGRAPHS])
    start = 9  # the lead
    offered = [text for text, _ in title_evidence(infos, start, "\n".join(PARAGRAPHS), LEAD)]
    assert "Strom und Gas werden teurer" in offered
    assert standfirst not in offered


def test_breadcrumbs_date_stamps_and_a_spaced_colon_are_not_part_of_the_headline():
    for line, title in [
        ("Home » Ratgeber » Energie » Strom und Gas werden teurer", "Strom und Gas werden teurer"),
        ("Forum>Energie>Strom und Gas werden teurer", "Strom und Gas werden teurer"),
        ("27.01.2024Strom und Gas werden teurer", "Strom und Gas werden teurer"),
        ("Jan 27 Power and gas prices are going up", "Power and gas prices are going up"),
        ("Energiepreise : Strom und Gas werden teurer", "Energiepreise: Strom und Gas werden teurer"),
    ]:
        page = "\n\n".join([MENU, line, "Von Anna Beispiel", LEAD, *PARAGRAPHS])
        assert clean_text(page).title.text == title, line


COOKIE_BANNER = [
    "Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Webseite zu ermöglichen, und bitten dafür um Ihre "
    "Einwilligung; Details finden Sie in unserer Datenschutzerklärung, die Sie jederzeit aufrufen können.",
    "Sie können Ihre Zustimmung zu den Cookies jederzeit mit Wirkung für die Zukunft widerrufen, indem Sie die Einstellungen "
    "in Ihrem Browser ändern oder uns über das Formular auf der Seite eine kurze Nachricht senden.",
    "Notwendige Cookies sind für den Betrieb der Seite erforderlich, Tracking-Cookies helfen uns zu verstehen, wie Besucher "
    "die Seite nutzen, und werden nur mit Ihrer Einwilligung gesetzt, die Sie jederzeit ändern können.",
    "We use cookies and similar tracking technologies to improve your experience, and you can withdraw your consent "
    "at any time in the privacy settings at the bottom of every page of this website.",
]


def test_a_cookie_or_consent_text_is_not_the_article_however_long():
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, PARAGRAPHS[0], "Teilen", "- Facebook", "- Twitter",
                        "Cookie-Einstellungen", *COOKIE_BANNER, "Alle akzeptieren"])
    assert clean_text(page).paragraphs == (LEAD, PARAGRAPHS[0])


def test_a_short_line_ending_in_a_colon_at_the_end_announces_links_not_text():
    for announcement in ("Weitere Beiträge aus dieser Serie:", "Further reading on this topic:"):
        page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, *PARAGRAPHS, announcement,
                            "Neues Hallenbad öffnet im Frühjahr"])
        assert clean_text(page).paragraphs == (LEAD, *PARAGRAPHS), announcement


def test_a_colon_before_a_closing_quotation_is_the_articles_own():
    quote = ("„Wir werden die Preise wieder senken, sobald es der Einkauf erlaubt, und wir werden das unseren Kunden "
             "rechtzeitig und in aller Offenheit mitteilen, das verspreche ich.“")
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, *PARAGRAPHS, "Der Geschäftsführer sagte:", quote,
                        "Teilen", "- Facebook", "- Twitter"])
    assert clean_text(page).paragraphs == (LEAD, *PARAGRAPHS, "Der Geschäftsführer sagte:", quote)


def test_a_caption_ending_in_a_picture_credit_is_not_text():
    captions = ["Die Zentrale der Stadtwerke am Hafen, in der seit dem vergangenen Sommer auch der Kundenservice "
                "untergebracht ist. (Foto: Stadtwerke Beispiel)",
                "The utility's headquarters by the harbour, where the customer service desk has been since last summer, "
                "seen from the bridge | © Jane Doe/Example Agency"]
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, captions[0], PARAGRAPHS[0], captions[1], *PARAGRAPHS[1:]])
    assert clean_text(page).paragraphs == (LEAD, *PARAGRAPHS)


def test_a_one_word_section_heading_between_paragraphs_stays():
    english = ["The utility said on Monday that prices for electricity and gas would rise by about a tenth from January.",
               "Background",
               "Wholesale prices for gas more than doubled last year, and the utility had bought most of its supply in advance."]
    for heading in ("Hintergrund", "Background"):
        page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, PARAGRAPHS[0], heading, *PARAGRAPHS[1:]])
        assert heading in clean_text(page).paragraphs
    assert "Background" in clean_text("\n\n".join([MENU, "Power prices rise", *english, english[0]])).paragraphs


def test_a_table_of_contents_neither_splits_the_article_nor_joins_it():
    sections = ["Was kostet der Strom?", "Was kostet das Gas?", "Was können Kunden tun?", "Wer hilft bei Zahlungsproblemen?",
                "Wie geht es weiter?", "Was sagt die Verbraucherzentrale?"]
    contents = "\n".join(f"- {heading}" for heading in sections)
    more = ["Die Grundversorgung bleibt für alle Kunden bestehen, auch wenn sie den neuen Preisen nicht zustimmen wollen.",
            "Im Frühjahr wollen die Stadtwerke prüfen, ob die Preise wieder sinken können, wenn der Einkauf günstiger wird.",
            "Die Verbraucherzentrale nannte die Erhöhung nachvollziehbar, forderte aber eine bessere Beratung der Kunden."]
    body = [part for heading, paragraph in zip(sections, [*PARAGRAPHS, *more]) for part in (heading, paragraph)]
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, "Inhalt", contents, *body, "Teilen", "- Facebook"])
    assert clean_text(page).paragraphs == (LEAD, *body)


def test_a_numbered_table_of_contents_does_not_split_the_article():
    sections = ["Was kostet der Strom?", "Was kostet das Gas?", "Was können Kunden tun?"]
    numbered = [f"{n}. {heading}" for n, heading in enumerate(sections, 1)]
    contents = "\n".join(f"- {heading}" for heading in numbered)  # '- 1. …': an entry, then its section's '1. …'
    body = [part for heading, paragraph in zip(numbered, PARAGRAPHS) for part in (heading, paragraph)]
    page = "\n\n".join([MENU, "Strom und Gas werden teurer", LEAD, "Inhalt", contents, *body, "Teilen", "- Facebook"])
    assert clean_text(page).paragraphs == (LEAD, *body)


def test_a_page_echoes_its_headline_in_quotes_and_in_lines_far_from_it():
    lines = [*MENU.split("\n"), "Strom und Gas werden teurer", LEAD, *PARAGRAPHS, *[f"- Meldung {n}" for n in range(45)],
             "- Aus der Region: Strom und Gas werden teurer", "Kommentare zu „Stadtwerke erhöhen die Preise deutlich“"]
    infos = describe_lines(lines)
    echoes = PageEchoes(infos, start=8)
    assert "stadtwerke erhöhen die preise deutlich" in echoes.quoted
    assert echoes.repeats("strom und gas werden teurer", 7)  # the story list's entry, far below
    assert not echoes.repeats("die stadtwerke erhöhen zum ersten januar", 8)  # only the lead itself says that


def test_a_line_the_source_prints_on_most_pages_is_not_the_headline():
    page = "\n\n".join([MENU, "Ratgeber Energie", LEAD, *PARAGRAPHS])
    assert clean_text(page).title.text == "Ratgeber Energie"  # on its own, a heading-like line above the lead
    title = clean_text(page, repeated=frozenset({"Ratgeber Energie"})).title
    assert title.source != "heading" and title.text != "Ratgeber Energie"


ENGLISH_LEAD_AND_BODY = [
    "The city's utility will raise prices for electricity and gas on the first of January because its purchasing costs rose sharply last year.",
    "A household of two will pay about twelve euros a month more than before, the utility said on Monday.",
    "Consumer advocates advise customers to check their instalments and to switch tariffs if another one suits them better.",
]
ENGLISH_MENU = "\n".join(f"- {item}" for item in ["Home", "World", "Business", "Energy", "Sport", "Culture"])


def test_the_headline_between_menu_and_byline_beats_section_labels_and_site_slogans():
    pages = {
        "Strom und Gas werden teurer": [
            [MENU, "Energie und Umwelt", "Strom und Gas werden teurer", "Von Anna Beispiel", LEAD, *PARAGRAPHS],
            ["Stadtzeitung für Beispielstadt und Umgebung", MENU, "Strom und Gas werden teurer", "12.03.2024", LEAD, *PARAGRAPHS],
        ],
        "Power bills to rise in January": [
            [ENGLISH_MENU, "Energy and environment", "Power bills to rise in January", "By Jane Doe", *ENGLISH_LEAD_AND_BODY],
            ["The Example Gazette: news for the city and region", ENGLISH_MENU, "Power bills to rise in January",
             "12 March 2024", *ENGLISH_LEAD_AND_BODY],
        ],
    }
    for headline, layouts in pages.items():
        for parts in layouts:
            title = clean_text("\n\n".join(parts)).title
            assert (title.text, title.source) == (headline, "heading"), parts[:3]
