"""`newsarchive new`: an empty article at the path and slug a build and an import would give it."""

from datetime import datetime
from pathlib import Path

from generator.core.config import SiteConfig
from generator.core.errors import SiteError
from generator.core.paths import ARTICLES_DIR
from generator.core.slug import slugify
from generator.ingest.article_file import article_text

DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M")


def parse_when(text: str, config: SiteConfig) -> datetime:
    """YYYY-MM-DD or YYYY-MM-DDTHH:MM, in the site's time zone."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=config.zone)
        except ValueError:
            continue
    raise SiteError(None, f"--date: {text!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM")


def article_path(title: str, when: datetime) -> Path:
    """content/articles/YYYY/MM/<slug>.md, relative to the site, as `import` names the articles it writes."""
    return ARTICLES_DIR / f"{when:%Y}" / f"{when:%m}" / f"{slugify(title)}.md"


def new_article(site_root: Path, config: SiteConfig, title: str, when: datetime, lang: str = "",
                draft: bool = False) -> Path:
    """Write the article and return its path relative to the site; an existing file is never replaced."""
    if not title.strip():
        raise SiteError(None, "new: the title is empty")
    # Seconds would only be noise in a hand-written date; the offset keeps the time unambiguous.
    when = when.astimezone(config.zone).replace(second=0, microsecond=0)
    rel = article_path(title, when)
    meta = {"title": title.strip(), "date": when.isoformat(), "lang": lang or config.language,
            "draft": True if draft else None}
    target = site_root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as out:  # 'x': a race with another writer cannot overwrite either
            out.write(article_text(meta, "\n"))
    except FileExistsError:
        raise SiteError(rel, "already exists; choose another title or --date, or edit that file") from None
    return rel
