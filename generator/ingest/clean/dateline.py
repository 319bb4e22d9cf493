"""A wire dateline at the start of the first paragraph: its places and its news agency."""

import re
from dataclasses import dataclass

# "KIEW / LONDON (IT BOLTWISE) –", "BERLIN (dpa) -", "London, 3 May (Reuters) -", "(Reuters) —",
# "CHICAGO, March 4 -": place names, an optional date, an optional agency, then a dash.
_PLACE = r"[A-ZÄÖÜ][\w'’.-]*(?:[ -][A-ZÄÖÜ][\w'’.-]*){0,3}"
_DATELINE = re.compile(
    rf"""^(?P<all>
        (?P<places>{_PLACE}(?:\s*[/,]\s*{_PLACE})*?)?
        (?:,\s*(?P<date>(?:\d{{1,2}}\.?\s+)?[A-Z][a-zä]+\.?(?:\s+\d{{1,2}})?))?
        \s*(?:\((?P<source>[^()]{{1,40}})\))?
        \s*[–—-])\s+(?=\S)""",
    re.X,
)

# A local paper's dateline: "Neuss · Die Stadt …", "Bad Honnef / Königswinter · …"; the middle
# dot does not begin a sentence, so no agency is needed to tell it from the text.
_DOT_DATELINE = re.compile(rf"^(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)\s+·\s+(?=\S)")


@dataclass(frozen=True)
class Dateline:
    text: str
    locations: tuple[str, ...]
    source: str


def _place_name(name: str) -> str:
    """'KIEW' → 'Kiew', 'NEW YORK' → 'New York'; names already in mixed case stay."""
    return name.title() if name.isupper() else name


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """A leading wire dateline and the paragraph without it; (None, paragraph) when there is none."""
    dot = _DOT_DATELINE.match(paragraph)
    if dot:
        locations = tuple(_place_name(p.strip()) for p in dot.group("places").split("/"))
        return Dateline(dot.group(0).strip(), locations, ""), paragraph[dot.end():]
    match = _DATELINE.match(paragraph)
    if not match or not (match.group("places") or match.group("source")):
        return None, paragraph
    places = match.group("places") or ""
    # Without an agency in brackets, only an all-caps place ("CHICAGO, March 4 -") is a dateline;
    # "Berlin - " could as well be a sentence's first word.
    if not match.group("source") and not (places.isupper() and match.group("date")):
        return None, paragraph
    if places and not places.isupper() and len(places.split()) > 3:
        return None, paragraph
    locations = tuple(_place_name(p.strip()) for p in re.split(r"\s*[/,]\s*", places) if p.strip())
    dateline = Dateline(match.group("all").strip(), locations, (match.group("source") or "").strip())
    return dateline, paragraph[match.end():]
