"""The cleaner's entry: page text in, the article's paragraphs, title, dateline, language, date
and summary out (`clean_text`), and the main text of an HTML page (`extract_html`).

The steps are also callable one by one, for the importer: a page is read once (`read_page`), its
body found under a set of rules (`find_body`, again when the dateline names a source with rules
of its own), and the article described from both (`describe_article`).
"""

import re
from dataclasses import dataclass
from datetime import datetime

from generator.content.articles import cut_at_sentence_end
from generator.ingest.clean.authors import find_authors
from generator.ingest.clean.body import article_lines
from generator.ingest.clean.dateline import Dateline, split_dateline
from generator.ingest.clean.date_choice import choose_date
from generator.ingest.clean.language import detect_lang, prose_language
from generator.ingest.clean.lines import LIST_ITEM, LineInfo, describe_lines
from generator.ingest.clean.locate import STOP_MIN, contents_entries, find_article
from generator.ingest.clean.normalize import mask_quotes, normalize_text
from generator.ingest.clean.title import Title, choose_title


@dataclass(frozen=True)
class CleaningRules:
    """Per-source additions from site.yaml: lines to drop, and markers after which all is boilerplate."""

    drop: tuple[re.Pattern, ...] = ()
    cut_after: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """One article as the cleaner found it."""

    paragraphs: tuple[str, ...]  # body paragraphs; list items keep their '- '
    title: Title
    dateline: Dateline | None
    lang: str
    date: datetime | None  # naive unless the page says its zone (an offset, "GMT", "ET" …)
    summary: str
    date_timed: bool = False  # the page gives the time of day, not only the day
    date_estimated: bool = False  # the page shows dates but does not say which is the article's
    authors: tuple[str, ...] = ()  # from the byline, in its order


@dataclass(frozen=True)
class PageLines:
    """A page's lines as the cleaner reads them, before any site.yaml rule applies."""

    lines: list[str]  # all lines, empty ones too
    infos: list[LineInfo]  # the non-empty lines
    repeated: frozenset[str]  # texts of `infos` that the source prints on most of its pages
    contents: frozenset[int]  # indexes into `infos` of a table of contents' entries
    prose_lang: str = ""  # the language whose prose words fill the page; '' when none clearly does


@dataclass(frozen=True)
class Body:
    """The article's text on a page: its run of lines, its paragraphs and the dateline split off the first."""

    start: int  # [start, end) indexes into PageLines.infos
    end: int
    paragraphs: tuple[str, ...]
    dateline: Dateline | None


def read_page(normalized: str, repeated: frozenset[str] = frozenset()) -> PageLines:
    """The lines of a page whose text `normalize_text` returned, each described; `repeated` holds
    (quote-masked) lines seen on many pages of the same source."""
    lines = normalized.split("\n")
    prose_lang = prose_language("\n".join(line.strip() for line in lines if line.strip()))
    infos = describe_lines(lines, prose_lang)
    if repeated:
        repeated = frozenset(line.text for line in infos if mask_quotes(line.text) in repeated)
    return PageLines(lines, infos, repeated, contents_entries(infos), prose_lang)


def find_body(page: PageLines, rules: CleaningRules, extracted: bool = False) -> Body:
    """The article's text under `rules`; `extracted` says the page is already the article (from an
    HTML extractor)."""
    infos = page.infos
    # Matched here once per line, the rules are a flag to every step that asks about them.
    dropped = [line.text in page.repeated or any(p.search(line.text) for p in rules.drop) for line in infos]
    stop_min = STOP_MIN if page.prose_lang else 0.0
    start, end = (0, len(infos)) if extracted else find_article(infos, dropped, rules.cut_after, page.contents, stop_min)
    paragraphs = [line.text for line in article_lines(infos, start, end, page.contents, dropped)]
    dateline = None
    if paragraphs:
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
    return Body(start, end, tuple(paragraphs), dateline)


def describe_article(page: PageLines, body: Body, title_hint: str = "") -> Cleaned:
    """The article with its title (`title_hint` first, when the page's metadata gives one), language,
    date and summary."""
    infos, text = page.infos, "\n".join(body.paragraphs)
    title = choose_title(title_hint, page.lines, infos, body.start, body.end, text, body.paragraphs, page.repeated)
    date = choose_date(infos, body.start, body.end)
    lead = body.paragraphs[0] if body.paragraphs else ""
    if lead.lstrip().startswith(("- ", "* ")):
        lead = ""
    return Cleaned(
        paragraphs=body.paragraphs,
        title=title,
        dateline=body.dateline,
        lang=detect_lang(text),  # the body's: a page's menus and teasers may be in another language
        date=date.when,
        summary=cut_at_sentence_end(LIST_ITEM.sub("", lead)),
        date_timed=date.has_time,
        date_estimated=date.estimated,
        authors=find_authors(infos, body.start, body.end, title.text),
    )


def clean_text(text: str, rules: CleaningRules = CleaningRules(), repeated: frozenset[str] = frozenset(),
               title_hint: str = "", extracted: bool = False) -> Cleaned:
    """Page text → Cleaned. `repeated` holds (quote-masked) lines seen on many pages of the same
    source; `extracted` says the text is already the article (from an HTML extractor)."""
    page = read_page(normalize_text(text), repeated)
    return describe_article(page, find_body(page, rules, extracted), title_hint)


def extract_html(html: str) -> tuple[str, str, str, str, str]:
    """(title, date, text, url, author) of the main content of an HTML page; text is '' when there is
    no article; author is the page metadata's, names separated by '; '.

    trafilatura is the proven extractor for HTML (F1 0.97 on the dev pages); it is imported
    only when a page needs it, since loading it takes longer than cleaning a thousand text pages.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=False)
    if doc is None:
        return "", "", "", "", ""
    get = (lambda key: getattr(doc, key, None)) if not isinstance(doc, dict) else doc.get
    return (get("title") or "", get("date") or "", get("text") or "", get("url") or "", get("author") or "")
