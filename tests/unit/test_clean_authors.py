"""Authors from bylines: the names a reader sees under a headline, without roles, places, agencies
or the credits of photos; byline lines are not article text."""

import pytest

from generator.ingest.clean.authors import byline_names, find_authors, is_byline
from generator.ingest.clean.lines import describe_lines
from generator.ingest.clean.page import clean_text

MENU = "\n".join(f"- {item}" for item in ["Start", "Politik", "Wirtschaft", "Sport", "Kultur", "Kontakt"])
PROSE = ("Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen, "
         "wie die Verwaltung mitteilte. Die Opposition stimmte dagegen und kritisierte die hohen Schulden.\n"
         "Die Kämmerin rechnet mit steigenden Einnahmen aus der Gewerbesteuer, warnt aber vor den Kosten "
         "für die Sanierung der Schulen, die in den nächsten Jahren auf die Stadt zukommen werden.\n"
         "Nach der Sitzung zeigten sich die Fraktionen der Mehrheit zufrieden mit dem Ergebnis der langen "
         "Verhandlungen, die sich über mehrere Wochen hingezogen hatten und nun abgeschlossen sind.")
FOOTER = "Impressum\nDatenschutz\nKontakt"


def page(*head: str, tail: str = "") -> str:
    """A page with a menu, the lines `head` above the article, the article and its footer."""
    return "\n\n".join([MENU, "Stadtrat beschließt Haushalt", *head, PROSE, tail, FOOTER])


@pytest.mark.parametrize("line, names", [
    ("Von Felix Schröder und Jörg Soldwisch, dpa", ["Felix Schröder", "Jörg Soldwisch"]),
    ("Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr", ["Carla Siepmann"]),
    ("Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch", ["Eva Kirchner-Rätsch"]),
    ("Von: Bill MCCARTHY", ["Bill MCCARTHY"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("von Christoph von Eichhorn", ["Christoph von Eichhorn"]),
    ("Veröffentlicht am 3. Mai 2024 von Redaktion", ["Redaktion"]),
    ("29. Juni 2017, 23:39 · von tobi42", ["tobi"]),
    ("Par Marine Le Pen et Jean Dupont", ["Marine Le Pen", "Jean Dupont"]),  # "le", "et" are French prose words
    ("Por João Da Silva y María García", ["João Da Silva", "María García"]),
    ("Von Giovanni Di Lorenzo", ["Giovanni Di Lorenzo"]),
    ("Von Anna Weber Der Spiegel", ["Anna Weber"]),  # a paper's name, not a particle
])
def test_byline_shapes_give_their_names(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("line, names", [
    ("Von Christian Unger, Redakteur", ["Christian Unger"]),  # a role after the comma
    ("Von Johannes Ritter, Zürich", ["Johannes Ritter"]),  # a place after the comma
    ("Von Anna Weber, AFP", ["Anna Weber"]),  # an agency is no person
    ("Von Ulrich ExnerKorrespondent", ["Ulrich Exner"]),  # the role glued on by the scraper
])
def test_roles_places_and_agencies_are_not_names(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize("line", [
    "dpa",
    "Von dpa",
    "Foto von Josh Willink von Pexels",  # a photo's credit
    "Photo by Jane Doe on Unsplash",
    "Nachhaltige Erzeugung von Anilin",  # a heading that uses the word
    "Von Kopf bis Fuß: Frost-Schützer für Mountainbiker",
    "Kate Moss ist Coverstar von VOGUE im Mai",
    "Tim Thabe, CEO von creditshelf",
])
def test_phrases_credits_and_agencies_are_no_byline(line):
    assert byline_names(line) == []


def test_the_byline_under_the_headline_names_the_authors_and_leaves_the_body():
    cleaned = clean_text(page("Von Anna Beispiel und Jonas Muster, Berlin", "12. März 2024, 14:30 Uhr"))
    assert cleaned.authors == ("Anna Beispiel", "Jonas Muster")
    assert not any("Anna Beispiel" in p for p in cleaned.paragraphs)


def test_a_byline_inside_the_article_is_no_paragraph():
    infos = describe_lines(["Von Anna Beispiel, Redakteurin", "Von Berlin nach Hamburg fahren täglich viele Züge."])
    assert [is_byline(line) for line in infos] == [True, False]


def test_a_bare_name_beside_the_date_is_the_author():
    cleaned = clean_text(page("Swantje Schemmerling | 06.11.23"))
    assert cleaned.authors == ("Swantje Schemmerling",)


def test_a_bare_name_line_needs_a_given_name_or_a_date_beside_it():
    assert clean_text(page("Thomas Beispiel")).authors == ("Thomas Beispiel",)
    assert clean_text(page("Nachhaltiger Kleiderkauf")).authors == ()


def test_a_photo_credit_is_not_the_author():
    assert clean_text(page("© André Schmidt")).authors == ()
    assert clean_text(page("APA/AFP/Mandel Ngan")).authors == ()


def test_a_byline_split_over_two_lines_and_one_at_the_end():
    lines = describe_lines(["Überschrift", PROSE.split("\n")[0], "Von:", "Götz Beispiel", "Impressum"])
    assert find_authors(lines, 1, 2) == ("Götz Beispiel",)
    assert clean_text(page(tail="Autor: Fritz Beispiel")).authors == ("Fritz Beispiel",)


def test_english_and_portuguese_bylines():
    assert byline_names("By Martin Jendrischik On 12. Dezember 2022") == ["Martin Jendrischik"]
    assert byline_names("Por João Silva e Ana Costa") == ["João Silva", "Ana Costa"]


def test_a_page_without_a_byline_has_no_authors():
    assert clean_text(page()).authors == ()
