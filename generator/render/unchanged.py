"""Article pages whose inputs cannot have changed since the last build keep that build's key.

An article page's key covers the article and every article its page shows or links: its
neighbours in time, its related articles, others of its source, its translations and the
article files its body links. Working those out for each of 100,000 articles took seconds on
every build, though an edit, or today's articles, changes a few dozen of them. So each build
records, beside the output tree it wrote, each article's token and place; the next build works
out from the differences which article pages can show something else, and every other article
page takes its key from that tree's manifest (and is made, should it be needed, as before).
"""

from bisect import bisect_left
from dataclasses import dataclass

from generator.core.cache import Memo
from generator.core.journal import DAMAGED, SHARE, Journal, apply, signature_of
from generator.core.slug import term_slug
from generator.organise.archive import Archive
from generator.output.writer import OutputTrees
from generator.render.pages import token

RECORD_KEY = "1"


@dataclass
class Record:
    manifest: tuple  # the signature of the output tree's manifest written with this record
    site: str  # what every article page's key depends on besides its articles
    articles: dict[str, tuple]  # article path → (token, order key, source, translation key)
    sources: dict[str, str]  # source path → token of every page a body may link (articles and copies)
    related: dict[str, list[str]]  # article path → paths of its related articles


def _order(article) -> tuple:
    return (article.date.timestamp(), article.source_path)


def _translation(article) -> str:
    key = article.extra.get("translation_key")
    return str(key) if key not in (None, "") else ""


def _entry(article, shown: str) -> tuple:
    """An article's entry in a Record, its token `shown`."""
    return (shown, _order(article), article.source, _translation(article))


def entries_of(archive: Archive) -> tuple[dict, dict]:
    """What a Record holds of `archive`, but for the related lists."""
    articles, sources = {}, {}
    for a in archive.articles:
        sources[a.source_path] = shown = token(a)
        articles[a.path] = _entry(a, shown)
    sources.update((c.source_path, token(c)) for c, _ in archive.copies)
    return articles, sources


def related_of(archive: Archive) -> dict[str, list[str]]:
    return archive.related_paths()


class PageRecord:
    """The record of the last build that wrote `output_dir`, kept in .cache/ as a Memo and its
    journal (core/journal.py): an edit changes a few of its 100,000 entries. Unlike the parse
    cache's, its entries are trusted as they are; what keeps a wrong one out is the output tree's
    signature, which each journal record carries: a record lost leaves the last one replayed
    naming a tree other than output/'s, and the record is not used."""

    def __init__(self, site_root, output_dir):
        self.memo = Memo(site_root, f"pages-{output_dir.name}")
        self.journal = Journal(self.memo.path, RECORD_KEY)
        self.output_dir = output_dir
        self.last: Record | None = None
        self.made: tuple | None = None  # (archive, its entries, its related lists or None) as worked out

    def load(self, site: str) -> Record | None:
        """The record, when the output tree is still the one it was written with, for the same site key."""
        base = signature_of(self.memo.path)
        record = self.memo.get(RECORD_KEY)
        for manifest, articles, sources, related in self.journal.read(base if record is not None else None):
            record.manifest = manifest
            for table, changes in ((record.articles, articles), (record.sources, sources), (record.related, related)):
                apply(table, changes)
        if self.journal.size == DAMAGED:
            return None
        if record is None or record.site != site or record.manifest != OutputTrees(self.output_dir).signature():
            return None
        self.last = record
        return record

    def output_signature(self) -> tuple | None:
        return OutputTrees(self.output_dir).signature()

    def mark(self) -> tuple:
        """The record's files as they are: another mark, another record."""
        return self.journal.mark()

    def save(self, archive: Archive, site: str) -> tuple | None:
        """Recorded for the next build, after output/ was brought up to date with `archive`; returns
        (the record's mark, the output tree it describes), None when it could not be kept."""
        signature = self.output_signature()
        made = self.made if self.made and self.made[0] is archive else (archive, *entries_of(archive), None)
        _, articles, sources, related = made
        last = self.last
        if last and last.manifest == signature and last.articles == articles and last.sources == sources:
            return self._described(signature)  # a rebuild without changes writes nothing
        if related is None:
            # The lists depend only on the articles' paths and topics (and the code and settings,
            # which the site key covers): unchanged articles, unchanged lists.
            same = last and last.articles == articles
            related = last.related if same else related_of(archive)
        if last is not None and signature and last.site == site:
            changes = (signature, _changes(last.articles, articles), _changes(last.sources, sources),
                       _changes(last.related, related) if related is not last.related else {})
            if sum(map(len, changes[1:])) <= len(articles) // SHARE and self.journal.append(changes):
                return self._described(signature)
        before = signature_of(self.memo.path)
        self.memo.put(RECORD_KEY, Record(signature, site, articles, sources, related) if signature else None)
        self.journal.written_whole()
        # Memo.put gives up quietly when it cannot write; then the record on disk is the one before.
        return self._described(signature) if signature_of(self.memo.path) != before else None

    def _described(self, signature: tuple | None) -> tuple | None:
        return (self.mark(), signature) if signature else None

    def note_edits(self, mark: tuple | None, written_over: tuple | None, archive: Archive,
                   edited: dict, relisted: set[str]) -> tuple | None:
        """After an edit in place (Site._replace_contents) wrote over the output tree `written_over`:
        the `edited` articles' entries and the `relisted` related lists appended to the record, when
        its `mark` says it is as it was and describes that tree, without reading it. Returns the new
        mark, None when the record no longer describes output/ (the next full build works it out)."""
        if mark is None or written_over is None or mark[1] != written_over or self.mark() != mark[0]:
            return None
        signature = self.output_signature()
        placed = edited.values()
        related = archive.related_paths()
        sources = {a.source_path: token(a) for a in placed}
        changes = (signature, {a.path: _entry(a, sources[a.source_path]) for a in placed}, sources,
                   {path: related.get(path) for path in relisted})
        self.journal.follow(mark[0])
        if not signature or not self.journal.append(changes):
            return None
        return self._described(signature)


def _changes(before: dict, now: dict) -> dict:
    """The entries of `now` that differ from `before`'s, and None for those `now` lacks."""
    if before == now:
        return {}
    changes = {key: value for key, value in now.items() if before.get(key) != value}
    changes.update((key, None) for key in before.keys() - now.keys())
    return changes


def affected(record: Record, archive: Archive, now_entries: dict, sources: dict, same_source: int
             ) -> tuple[set[str], dict | None]:
    """Paths of the article pages whose inputs may differ from those of the `record`'s build,
    and the related lists when they had to be worked out."""
    before = record.articles
    changed = {p for p, e in now_entries.items() if p not in before or before[p][0] != e[0]}
    gone = [entry for p, entry in before.items() if p not in now_entries or p in changed]
    pages, related = set(), None
    if changed or gone:
        related = related_of(archive)
        # Related lists that differ, whichever article made them differ (compared whole first:
        # most changes leave every list as it was).
        if related != record.related:
            pages = {p for p in related.keys() | record.related.keys() if related.get(p) != record.related.get(p)}
    if changed:
        pages |= changed
        # The pages that show a changed article: its neighbours, those listing it as related,
        # those of its source nearby, its translations.
        now = {a.path: a for a in archive.articles if a.path in changed}
        for path in changed:
            pages.update(a.path for a in archive.neighbours(now[path]) if a is not None)
            if _translation(now[path]):
                pages.update(t.path for t in archive.translations(now[path]))
        pages.update(p for p, others in related.items() if not changed.isdisjoint(others))
        pages |= archive.near_in_source(changed, same_source)
    if gone:
        pages |= _near_where_they_were(archive, gone, same_source)
    # Pages whose body links an article file whose page changed, came or went.
    moved = {s for s in sources.keys() | record.sources.keys() if sources.get(s) != record.sources.get(s)
             } if sources != record.sources else set()
    if moved:
        pages.update(a.path for a in archive.articles if a.links and any(s in moved for s, _ in a.links))
    return pages, related


def _newest_first(article) -> tuple:
    return (-article.date.timestamp(), article.source_path)


def _near_where_they_were(archive: Archive, gone: list[tuple], same_source: int) -> set[str]:
    """Where an article was, its neighbours in time and in its source's list now show others."""
    pages = set()
    by_source = {t.slug: t for t in archive.terms["sources"]}
    for (t, s), source, translation in (entry[1:4] for entry in gone):
        # Newest first is ascending in this key; bisect works it out for the few articles it looks at.
        at = bisect_left(archive.articles, (-t, s), key=_newest_first)
        pages.update(a.path for a in archive.articles[max(0, at - 1): at + 1])
        term = by_source.get(term_slug(source)) if source else None
        if term is not None:
            at = bisect_left(term.articles, (-t, s), key=_newest_first)
            pages.update(a.path for a in term.articles[max(0, at - same_source - 1): at + same_source + 1])
        if translation:
            pages.update(a.path for a in archive.articles if _translation(a) == translation)
    return pages


def kept_keys(record: PageRecord, site: str, archive: Archive, same_source: int) -> dict[str, str]:
    """Article path → its page's key in the last build, for the article pages that keep it."""
    last = record.load(site)
    if last is None:
        return {}
    manifest = OutputTrees(record.output_dir).read_manifest(last.manifest[0]) or {}
    articles, sources = entries_of(archive)
    pages, related = affected(last, archive, articles, sources, same_source)
    record.made = (archive, articles, sources, related)
    keys = {}
    for a in archive.articles:
        if a.path not in pages and (entry := manifest.get(a.path + "index.html")) and entry[0]:
            keys[a.path] = entry[0]
    return keys
