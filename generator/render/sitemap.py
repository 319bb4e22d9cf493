"""sitemap.xml (an index of several sitemaps past 50,000 URLs) and robots.txt."""

from xml.sax.saxutils import escape

from generator.core.model import Page

MAX_URLS = 50_000
_URLSET = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def _urlset(base_url: str, entries: list[tuple[str, str | None]]) -> bytes:
    lines = [_URLSET]
    for path, lastmod in entries:
        lines.append(f"<url><loc>{escape(base_url + path)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod}</lastmod>")
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines).encode("utf-8")


def sitemap_pages(base_url: str, entries: list[tuple[str, str | None]], max_urls: int = MAX_URLS) -> list[Page]:
    """`entries` are (site path, lastmod date or None); more than max_urls are split behind an index."""
    if len(entries) <= max_urls:
        return [Page("sitemap.xml", _urlset(base_url, entries))]
    parts = [entries[i:i + max_urls] for i in range(0, len(entries), max_urls)]
    pages = [Page(f"sitemap-{n}.xml", _urlset(base_url, part)) for n, part in enumerate(parts, start=1)]
    index = ['<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    index += [f"<sitemap><loc>{escape(base_url + page.path)}</loc></sitemap>\n" for page in pages]
    index.append("</sitemapindex>\n")
    return [Page("sitemap.xml", "".join(index).encode("utf-8"))] + pages


def sitemap_paths(count: int, max_urls: int = MAX_URLS) -> list[str]:
    """The files sitemap_pages makes of `count` entries."""
    if count <= max_urls:
        return ["sitemap.xml"]
    return ["sitemap.xml"] + [f"sitemap-{n}.xml" for n in range(1, (count + max_urls - 1) // max_urls + 1)]


def robots_page(base_url: str) -> Page:
    return Page("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n".encode("utf-8"))
