"""Articles on disk: front matter parsed and validated, Markdown turned into safe HTML."""

import hashlib
import os
import posixpath
import re
import sys
from functools import partial
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import unquote

import markdown
import nh3

from generator.core.bodies import PackWriter
from generator.core.cache import ArticleCache, file_signature
from generator.core.config import SiteConfig
from generator.core.errors import SiteError
from generator.core.model import Article
from generator.core.parallel import map_slices
from generator.core.paths import ARTICLES_DIR
from generator.core.slug import slugify, toc_slugify
from generator.core import model, slug, yamlio
from generator.core.yamlio import YAMLError, error_line, error_problem, impossible_date_line, load_front_matter

# The code that turns an article file into an Article: the parse cache is keyed by it.
PARSE_CODE = (sys.modules[__name__], model, slug, yamlio)
MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "toc"]
_LIST_KEYS = ("tags", "locations", "authors")
_KNOWN_KEYS = {"id", "title", "date", "updated", "source", "url", "authors", "author", "locations",
               "lang", "tags", "summary", "slug", "date_estimated", "sample", "draft"}

# The article body was scraped from the web: only plain document markup survives, and links
# may only point to web or mail addresses (no javascript:, data: or vbscript:).
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    "*": {"id"},
}


def _keep_url(element: str, attribute: str, value: str) -> str | None:
    """Relative links in a scraped body pointed into the original site, which the archive does not
    hold: they would all be broken here. In-page anchors (#…), absolute addresses and links to
    another article's Markdown file (made into page links when the page is rendered) stay."""
    if attribute == "src":
        return value if _WEB.match(value) else None
    if attribute == "href" and not value.startswith("#") and not _ABSOLUTE.match(value) \
            and not ARTICLE_FILE_LINK.match(value):
        return None
    return value


_ABSOLUTE = re.compile(r"(?:https?:|mailto:)", re.I)
_WEB = re.compile(r"https?://[^/\s]", re.I)
# A relative path to a Markdown file, as an author writes it to link another article of the archive.
ARTICLE_FILE_LINK = re.compile(r"(?![a-z][a-z0-9+.-]*:|/)([^?#]+\.md)(#[^?]*)?\Z", re.I)
HREF = re.compile(r'href="([^"]*)"')


def linked_file(source_path: str, href: str) -> tuple[str, str] | None:
    """(source path of the linked file, its #fragment) when `href` names a Markdown file inside the
    article folder, resolved from the linking article's own file (`source_path`) as a Markdown editor does."""
    match = ARTICLE_FILE_LINK.match(href.replace("&amp;", "&"))
    if not match:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), unquote(match.group(1))))
    if not path.startswith(ARTICLES_DIR.as_posix().rstrip("/") + "/"):
        return None
    return path, match.group(2) or ""


def body_links(source_path: str, body_html: str) -> tuple[tuple[str, str], ...]:
    """Every article file the body links, in order."""
    if ".md" not in body_html:
        return ()
    return tuple(f for href in HREF.findall(body_html) if (f := linked_file(source_path, href)))


# What nh3 leaves of a link whose target it removed, and of an image without a source: a link
# without a target is no link (the checker rejects it), and an image without a source shows nothing.
_DEAD_LINK = re.compile(r"<a((?: (?!href=)[a-z-]+=\"[^\"]*\")*)>(.*?)</a>", re.S)
_DEAD_IMAGE = re.compile(r"<img(?: (?!src=)[a-z-]+=\"[^\"]*\")*>")
_CLEANER = nh3.Cleaner(
    attributes=_ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
    attribute_filter=_keep_url,
)
_md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS,
                        extension_configs={"toc": {"slugify": toc_slugify}})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'“”»«]?(?=\s)")


# A paragraph Python-Markdown would leave as plain text: one line, no inline syntax, no block
# marker at its start, '&' only in the entities corpus tools write for '<', '>' and '&' (a bare
# '>' is escaped, as Python-Markdown does). Most scraped articles consist of nothing else (98 in
# 100 in the news corpus), and wrapping them in <p> directly gives the same bytes as the full
# parser and sanitiser (tests hold the two equal on the corpus and on generated text).
# Four checks rather than one alternation, which the regex engine tries at every position (5x slower).
_MARKUP_CHARACTER = re.compile(r"[\\`*_\[\]<|{}~^\x00-\x1f\x7f]")
_BARE_AMPERSAND = re.compile(r"&(?!(?:lt|gt|amp);)")
_BLOCK_START = re.compile(r"[#>*+\-=|:~ ]|\d+\.[ \t]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")


def _plain_paragraphs(text: str) -> list[str] | None:
    paragraphs = _BLANK_LINES.split(text.strip("\n"))
    if any(not p or _not_plain(p) for p in paragraphs):
        return None
    return paragraphs


def _not_plain(paragraph: str) -> bool:
    return bool(_MARKUP_CHARACTER.search(paragraph) or ("&" in paragraph and _BARE_AMPERSAND.search(paragraph))
                or paragraph.endswith("  ") or _BLOCK_START.match(paragraph))


# Control characters break XML feeds and validators, and bidi overrides let a scraped title show
# text in another order than it is stored ("\u202egnp.exe"): neither belongs in an archive.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)  # 4x quicker than str.translate, which looks up every character


def render_markdown(text: str, fast: bool = True) -> str:
    """Markdown → HTML with raw HTML sanitised: the body is untrusted scraped text."""
    plain = _plain_paragraphs(text) if fast else None
    if plain is not None:
        return "\n".join(f"<p>{p.replace('>', '&gt;')}</p>" for p in plain)
    html = _CLEANER.clean(_md.reset().convert(text))
    if "<a" in html:
        html = _DEAD_LINK.sub(r"\2", html)
    if "<img" in html:
        html = _DEAD_IMAGE.sub("", html)
    return html


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """Return (front matter mapping, Markdown body)."""
    if not text.strip():
        raise SiteError(path, "empty file")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise SiteError(path, "no front matter: the file must start with a '---' line, then YAML, then '---'", 1)
    try:
        data = load_front_matter(match.group(1))
    except YAMLError as exc:
        line = error_line(exc)
        line = line + 1 if line else None  # the opening '---' comes first
        raise SiteError(path, f"front matter: invalid YAML: {error_problem(exc)}", line) from None
    except ValueError as exc:  # a date the calendar does not have, "2024-13-45"
        line = impossible_date_line(match.group(1))
        raise SiteError(path, f"front matter: not a date: {exc}", line + 1 if line else None) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SiteError(path, "front matter: must be a mapping (key: value lines)", 2)
    return data, text[match.end():]


def parse_date(value, config: SiteConfig, path: Path, key: str) -> datetime:
    """A timezone-aware datetime; dates and naive times are taken in the site's timezone."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise SiteError(path, f"front matter: '{key}' is not a date ({value!r}); use ISO 8601 like 2025-08-20 or 2025-08-20T09:30:00+02:00") from None
    else:
        raise SiteError(path, f"front matter: '{key}' is not a date ({value!r})")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=config.zone)
    return parsed


def _text_list(data: dict, key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        raise SiteError(path, f"front matter: '{key}' must be a list of names, not {value!r}")
    seen = dict.fromkeys(" ".join(strip_invisible(str(v)).split()) for v in value)
    return tuple(sys.intern(v) for v in seen if v)


def _text(data: dict, key: str, path: Path, required: bool = False) -> str:
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
        raise SiteError(path, f"front matter: '{key}' must be text, not {value!r}")
    text = "" if value is None else " ".join(strip_invisible(str(value)).split())
    if not text and required:  # blanks and invisible characters alone are no title either
        raise SiteError(path, f"front matter: '{key}' is missing")
    return text


def _flag(data: dict, key: str, path: Path) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise SiteError(path, f"front matter: '{key}' must be true or false, not {value!r}")
    return value


def summarize(body_html: str, limit: int = 300) -> str:
    """The lead paragraph as plain text, cut at a sentence end when it is long."""
    first = re.search(r"<p>(.*?)</p>", body_html, re.S)
    text = nh3.clean(first.group(1), tags=set()) if first else ""
    text = " ".join(text.split())
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    return cut_at_sentence_end(text, limit)


def cut_at_sentence_end(text: str, limit: int = 300) -> str:
    """`text` cut at the last sentence end before `limit` characters, or at a word (and marked '…')
    when no sentence ends past the first third."""
    if len(text) <= limit:
        return text
    cut = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
    if cut and cut[-1] > limit // 3:
        return text[:cut[-1]]
    return text[:limit].rsplit(" ", 1)[0] + " …"


def parse_article(text: str, path: Path, config: SiteConfig, content_hash: str | None = None) -> Article:
    """One article file's text → Article, or a SiteError naming the file and field.

    `content_hash` identifies the file's bytes (for caches and page fingerprints); by default the text's hash.
    """
    data, body = split_front_matter(text, path)
    title = _text(data, "title", path, required=True)
    if "date" not in data or data["date"] in (None, ""):
        raise SiteError(path, "front matter: 'date' is missing")
    published = parse_date(data["date"], config, path, "date")
    updated = parse_date(data["updated"], config, path, "updated") if data.get("updated") else None
    explicit_slug = _text(data, "slug", path)
    slug = slugify(explicit_slug or title)
    authors = _text_list(data, "authors", path) or _text_list(data, "author", path)
    content_hash = content_hash or hashlib.sha256(text.encode("utf-8")).hexdigest()
    body_html = render_markdown(strip_invisible(body))
    return Article(
        id=_text(data, "id", path) or content_hash[:16],
        title=title,
        date=published,
        updated=updated,
        source_path=path.as_posix(),
        slug=slug,
        explicit_slug=bool(explicit_slug),
        body_html=body_html,
        summary=_text(data, "summary", path) or summarize(body_html),
        # Names that thousands of articles share (tags, places, sources, languages) are one
        # string each in the parse cache and in memory, not one per article: 30 MB at 100,000.
        source=sys.intern(_text(data, "source", path)),
        url=_text(data, "url", path),
        authors=authors,
        locations=_text_list(data, "locations", path),
        tags=_text_list(data, "tags", path),
        lang=sys.intern(_text(data, "lang", path) or config.language),
        date_estimated=_flag(data, "date_estimated", path),
        sample=_flag(data, "sample", path),
        draft=_flag(data, "draft", path),
        extra={k: strip_invisible(v) if isinstance(v, str) else v for k, v in data.items() if k not in _KNOWN_KEYS},
        content_hash=content_hash,
        links=body_links(path.as_posix(), body_html),
    )


def decode(raw: bytes, shown: Path) -> str:
    """File bytes → text; anything but UTF-8 is an error rather than a silent guess."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SiteError(shown, f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None


def read_text(path: Path, shown: Path) -> str:
    return decode(path.read_bytes(), shown)


def find_article_files(site_root: Path) -> list[str]:
    """All Markdown articles, in a stable order (by path, as text). Strings, not Paths: making
    100,000 Path objects took a second of every build."""
    found = []
    for folder, dirs, files in os.walk(site_root / ARTICLES_DIR):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(folder, f) for f in files if f.endswith(".md") and not f.startswith(".")]
    return sorted(found)


def parse_files(jobs, config: SiteConfig, bodies: Path | None = None) -> list:
    """(path, shown path) pairs (Paths or strings) → Article or SiteError each; runs inside a
    worker. With `bodies` (a folder), the articles' bodies go into a pack there (see
    core/bodies.py), not back in memory."""
    results = []
    pack = PackWriter(bodies) if bodies is not None else None
    try:
        for path, shown in jobs:
            path, shown = Path(path), Path(shown)
            try:
                raw = path.read_bytes()
                content_hash = hashlib.sha256(raw).hexdigest()
                article = parse_article(decode(raw, shown), shown, config, content_hash)
                results.append(pack.keep(article) if pack else article)
            except SiteError as exc:
                results.append(exc)
            except OSError as exc:
                results.append(SiteError(shown, f"cannot be read: {exc.strerror}"))
    finally:
        if pack:
            pack.close()
    return results


def load_articles(site_root: Path, config: SiteConfig, cache: ArticleCache | None = None
                  ) -> tuple[list[Article], list[SiteError]]:
    """Parse every article (only changed files, when a cache is given; on all cores when many).

    Bad files are reported, not fatal, so one run shows every mistake.
    """
    articles, errors, to_parse = [], [], []
    # Taken before the file is read: a save while it is parsed leaves the cache entry out of date,
    # so the next build reads the file again rather than keep the older text.
    signatures: dict[str, tuple] = {}
    folder = str(site_root / ARTICLES_DIR)  # what every path found starts with
    for path in find_article_files(site_root):
        key = ARTICLES_DIR.as_posix() + path[len(folder):].replace(os.sep, "/")  # the path shown, relative to the site
        if cache is not None:
            signature = signatures[key] = file_signature(path)
            hit = cache.by_stat(key, signature)
            if hit is None and key in cache.entries:
                with open(path, "rb") as f:  # touched but maybe unchanged (a checkout, an editor's save)
                    hit = cache.by_hash(key, hashlib.sha256(f.read()).hexdigest())
                if hit is not None:
                    cache.put(key, signature, hit)
            if hit is not None:
                articles.append(hit)
                continue
        to_parse.append((path, key))  # strings: two Paths an article were 600 MB at 1,000,000
    parse = partial(parse_files, config=config, bodies=cache and cache.bodies)
    for (path, shown), result in zip(to_parse, map_slices(parse, to_parse)):
        if isinstance(result, SiteError):
            errors.append(result)
            continue
        articles.append(result)
        if cache is not None:
            cache.put(shown, signatures[shown], result)
            cache.parsed.add(shown)
    if cache is not None:
        cache.keep_only({a.source_path for a in articles})
    articles.sort(key=lambda a: a.source_path)
    errors.sort(key=lambda e: str(e.path))
    return articles, errors
