"""One document made ready to write: its page cleaned under the site.yaml rules for its source,
its front matter built (title, date, source, places, language, tags, summary) and its body hashed
for duplicate detection."""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from generator.content.articles import parse_date
from generator.core.config import SiteConfig
from generator.core.errors import SiteError
from generator.ingest.article_file import body_markdown
from generator.ingest.clean.lang.dates import LOCAL_ZONES
from generator.ingest.clean.language import PROSE_STOPWORDS, WORD_RUN
from generator.ingest.clean.normalize import normalize_text
from generator.ingest.clean.page import (CleaningRules, Cleaned, PageLines, describe_article, extract_html,
                                         find_body, read_page)
from generator.ingest.duplicates import body_key, sketch
from generator.ingest.read import RawDocument

MIN_HTML_WORDS = 10  # what an extractor finds on a page without an article: a menu entry or two


@dataclass(frozen=True)
class Prepared:
    """A cleaned document, ready to be written."""

    meta: dict
    body: str
    key: str  # body_key of its text
    hashes: list[int]  # sketch of its text


def rules_for(config: SiteConfig, *names: str) -> CleaningRules:
    """The site.yaml rules for a source (matched by name or host), plus those for '*'."""
    drop, cut = [], []
    for name in ("*", *names):
        rules = config.cleaning.get(name) if name else None
        if rules:
            drop += [re.compile(p) for p in rules.get("drop", [])]
            cut += [re.compile(p) for p in rules.get("cut_after", [])]
    return CleaningRules(tuple(drop), tuple(cut))


def _tags(title: str, body: str, lang: str) -> list[str]:
    """Names from the title that the article keeps coming back to (at least 3 times), up to three."""
    stops = PROSE_STOPWORDS.get(lang, frozenset())
    words = dict.fromkeys(w for w in re.findall(r"\b[A-ZÄÖÜ][\w-]{3,}\b", title) if w.lower() not in stops)
    counts = Counter(re.findall(r"\b[A-ZÄÖÜ][\w-]{3,}\b", body))
    ranked = sorted((w for w in words if counts[w] >= 3), key=lambda w: -counts[w])
    return ranked[:3]


def prepare(doc: RawDocument, config: SiteConfig, raw_ref: str, now: datetime,
            repeated: frozenset[str] = frozenset(), normalized: str | None = None) -> Prepared:
    """Clean one document and build its front matter; SiteError when nothing usable is left.

    `normalized` is the document's text as normalize_text returns it, when the caller has it already.
    """
    title_hint, date_hint, url, extracted, html_author = doc.title, doc.date, doc.url, False, ""
    if doc.is_html:
        html_title, html_date, text, html_url, html_author = extract_html(doc.text)
        if len(WORD_RUN.findall(text)) < MIN_HTML_WORDS:
            raise doc.error("HTML with no article text in it")
        title_hint, date_hint, url, extracted = title_hint or html_title, date_hint or html_date, url or html_url, True
        normalized = normalize_text(text)
    elif normalized is None:
        normalized = normalize_text(doc.text)
    host = urlparse(url).netloc.removeprefix("www.") if url else ""
    cleaned = _clean(read_page(normalized, repeated), config, host, title_hint, extracted)
    if not cleaned.paragraphs or not any(p.strip() for p in cleaned.paragraphs):
        raise doc.error("no article text found (only page furniture)")
    body = body_markdown(cleaned.paragraphs)
    plain = "\n".join(cleaned.paragraphs)
    source = cleaned.dateline.source if cleaned.dateline and cleaned.dateline.source else host
    date, estimated = _date(date_hint, cleaned, zone_for(config, cleaned.lang, host, source), config, doc.shown, now)
    meta = {
        "id": doc.id,
        "title": cleaned.title.text or doc.id,
        "title_source": cleaned.title.source,
        "date": date.isoformat(),
        "date_estimated": estimated or None,
        "authors": list(cleaned.authors) or _split_names(html_author),
        "source": source,
        "url": url,
        "locations": list(cleaned.dateline.locations) if cleaned.dateline else [],
        "lang": cleaned.lang,
        "tags": _tags(cleaned.title.text, plain, cleaned.lang),
        "summary": cleaned.summary,
        "dateline": cleaned.dateline.text if cleaned.dateline else "",
        "raw": raw_ref,
    }
    return Prepared(meta, body, body_key(plain), sketch(plain))


def _split_names(names: str) -> list[str]:
    """The names of an HTML page's author metadata ("Jane Doe; John Roe")."""
    return [name.strip() for name in names.split(";") if name.strip()]


def _clean(page: PageLines, config: SiteConfig, host: str, title_hint: str, extracted: bool) -> Cleaned:
    """The page cleaned under the rules for its host, and for its source as well when the dateline
    names one with rules of its own (only the body is found again then)."""
    body = find_body(page, rules_for(config, host), extracted)
    source = body.dateline.source if body.dateline else ""
    if source in config.cleaning:  # the source is only known once its dateline is read
        body = find_body(page, rules_for(config, host, source), extracted)
    return describe_article(page, body, title_hint)


def zone_for(config: SiteConfig, lang: str, *names: str) -> ZoneInfo:
    """The zone of a time of day the page writes without naming one ("17:23 Uhr"): the source's own
    from site.yaml (`cleaning` → source → `timezone`, the later name first, then '*'), else the
    zone the page's language is written in, else the site's."""
    for name in (*reversed(names), "*"):
        zone = (config.cleaning.get(name) or {}).get("timezone") if name else None
        if zone:
            return ZoneInfo(zone)
    return ZoneInfo(LOCAL_ZONES[lang]) if lang in LOCAL_ZONES else config.zone


def _date(hint: str, cleaned: Cleaned, zone: ZoneInfo, config: SiteConfig, shown: str,
          now: datetime) -> tuple[datetime, bool]:
    if hint:
        try:
            return parse_date(hint.replace("Z", "+00:00"), config, Path(shown), "date"), False
        except SiteError:
            pass
    if cleaned.date and not cleaned.date_estimated:
        # A bare day is a calendar day: kept at midnight in the site's zone, it is filed under that day.
        local = zone if cleaned.date_timed else config.zone
        return (cleaned.date if cleaned.date.tzinfo else cleaned.date.replace(tzinfo=local)), False
    return now.astimezone(config.zone).replace(microsecond=0), True
