"""What machines read about a page: JSON-LD for search engines, language tags for hreflang."""

import json
import re

from markupsafe import Markup

from generator.core.config import SiteConfig
from generator.core.model import Article
from generator.lang.cldr import likely_territory

# BCP 47 in the shape browsers and search engines accept; front matter is untrusted and may say "Deutsch".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_script(data) -> Markup:
    """JSON safe inside <script>: with < > & escaped, a title holding '</script>' cannot end the element."""
    # Three replace() calls: str.translate into longer strings takes 20 us a page, 8 % of rendering one.
    text = _JSON.encode(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # No character that can end a <script> element or open a tag is left, so this is safe as markup.
    return Markup(text)  # nosec B704


def language_tag(value: str) -> str:
    """The value if it is a well-formed language tag, else ''."""
    return value if _LANGUAGE_TAG.fullmatch(value) else ""


def og_locale(lang: str) -> str:
    """OpenGraph's locale ('de_DE') for a language tag: its own region, else the one CLDR thinks
    likeliest for the language (de_DE, en_US, fr_FR); '' for a tag that is not one."""
    tag = language_tag(lang)
    language, _, rest = tag.lower().partition("-")
    region = next((part for part in rest.split("-") if len(part) == 2), None) if rest else likely_territory(language)
    return f"{language}_{region.upper()}" if region else language


def news_article(article: Article, config: SiteConfig, url: str, source_url: str) -> dict:
    """schema.org NewsArticle for one article page; `source_url` is the original's address or ''.

    The summary is left to the meta description, which search engines read as well: repeating it
    here would add megabytes to a large archive.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "datePublished": article.date.isoformat(timespec="seconds"),
        "dateModified": (article.updated or article.date).isoformat(timespec="seconds"),
        "publisher": {"@type": "Organization", "name": config.publisher or config.title},
    }
    if language_tag(article.lang):
        data["inLanguage"] = article.lang
    if article.tags:
        data["keywords"] = list(article.tags)
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.locations:
        data["contentLocation"] = [{"@type": "Place", "name": name} for name in article.locations]
    if source_url:
        data["isBasedOn"] = source_url
    return data

