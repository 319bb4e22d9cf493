"""The archive: articles in order, their groupings and neighbours, built once per build."""

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import groupby

from generator.core.errors import BuildFailed, SiteError
from generator.core.model import Article
from generator.core.slug import term_slug
from generator.organise.related import RelatedCache, related_table

# Kind of term → the names an article gives it.
TERM_NAMES = {
    "tags": lambda a: a.tags,
    "sources": lambda a: [a.source] if a.source else [],
    "locations": lambda a: a.locations,
}


@dataclass(frozen=True)
class Term:
    """A tag, source or location with its articles, newest first."""

    kind: str  # "tags", "sources" or "locations": also the URL folder
    slug: str
    name: str
    articles: tuple[Article, ...]

    @property
    def path(self) -> str:
        return f"{self.kind}/{self.slug}/"


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    articles: tuple[Article, ...]  # newest first

    @property
    def path(self) -> str:
        return f"{self.year:04d}/{self.month:02d}/"


@dataclass
class Archive:
    articles: list[Article]  # newest first; near-duplicates of another article left out
    terms: dict[str, list[Term]]  # kind → terms, most articles first
    months: list[Month]  # newest first
    warnings: list[str] = field(default_factory=list)
    copies: list[tuple[Article, Article]] = field(default_factory=list)  # (near-duplicate, the article it copies)
    _neighbours: dict[str, tuple[Article | None, Article | None]] = field(default_factory=dict)
    _related: dict[str, list[str]] | None = None  # path → paths of its related articles, best first
    _relate: Callable[[], dict[str, list[str]]] | None = None  # makes _related when it is first needed
    moved: dict[str, Article] = field(default_factory=dict)  # an earlier URL → the article now elsewhere

    def years(self) -> list[tuple[int, list[Month]]]:
        """(year, its months newest first), newest year first."""
        return [(year, list(months)) for year, months in groupby(self.months, key=lambda m: m.year)]

    def neighbours(self, article: Article) -> tuple[Article | None, Article | None]:
        """(the article published just before, the one just after)."""
        return self._neighbours[article.path]

    def related(self, article: Article) -> list[Article]:
        return [self._by_path[p] for p in self.related_paths().get(article.path, ())]

    def related_paths(self) -> dict[str, list[str]]:
        """path → paths of its related articles, for the articles that have any."""
        if self._related is None:
            self._related = self._relate() if self._relate else {}
        return self._related

    @cached_property
    def _by_path(self) -> dict[str, Article]:
        return {a.path: a for a in self.articles}

    def from_source(self, article: Article, limit: int, exclude=()) -> list[Article]:
        """Up to `limit` other articles of the same source, nearest in time first, then shown newest first."""
        if article.path not in self._source_positions:
            return []
        term, at = self._source_positions[article.path]
        skip = {a.path for a in exclude}
        members = term.articles
        # Walk outwards from the article, the newer side first at each distance; this looks at a
        # handful of neighbours even when one source holds half the archive.
        chosen, end = [], len(members)
        for distance in range(1, end):
            newer, older = at - distance, at + distance
            if len(chosen) >= limit or (newer < 0 and older >= end):
                break
            if newer >= 0 and members[newer].path not in skip:
                chosen.append(newer)
            if older < end and members[older].path not in skip:
                chosen.append(older)
        return [members[i] for i in sorted(chosen[:limit])]

    def translations(self, article: Article) -> list[Article]:
        """The other language versions of the article: articles sharing its front matter 'translation_key'."""
        if not self._translation_groups:
            return []
        group = self._translation_groups.get(_translation_key(article), [])
        return [a for a in group if a.path != article.path]

    @cached_property
    def _source_positions(self) -> dict[str, tuple[Term, int]]:
        return {a.path: (term, i) for term in self.terms["sources"] for i, a in enumerate(term.articles)}

    @cached_property
    def _translation_groups(self) -> dict[str, list[Article]]:
        groups = defaultdict(list)
        for article in self.articles:
            if key := _translation_key(article):
                groups[key].append(article)
        return {key: sorted(group, key=lambda a: (a.lang, a.path)) for key, group in groups.items() if len(group) > 1}

    def near_in_source(self, paths: set[str], distance: int) -> set[str]:
        """Paths of the articles up to `distance` places away from one of `paths` in its source's list.

        For the few articles an edit changes: each is found by bisecting its source's list (newest
        first) on its time, then among those of the same second by its path, rather than by placing
        every article of the archive in its source's list."""
        by_source = {t.slug: t for t in self.terms["sources"]}
        nearby = set()
        for path in paths:
            article = self._by_path.get(path)
            term = by_source.get(term_slug(article.source)) if article is not None and article.source else None
            if term is None:
                continue
            members = term.articles
            at = bisect_left(members, -article.date.timestamp(), key=lambda a: -a.date.timestamp())
            while at < len(members) and members[at].path != path:
                at += 1
            if at < len(members):
                nearby.update(a.path for a in members[max(0, at - distance): at + distance + 1])
        return nearby

    def linking_to(self, paths: set[str], same_source: int = 0) -> set[str]:
        """Paths of the articles whose pages link one of `paths` as neighbour or related article, or may
        as one of the same source: those up to `same_source` places away in the source's list."""
        nearby = self.near_in_source(paths, same_source)
        # The pages that show an article as their neighbour are its own neighbours. Those listing
        # it as related are found by looking through the lists: quicker, for the few articles of
        # an edit, than an index of them all (a second at 100,000 articles, in a one-off build).
        for path in paths:
            nearby.update(a.path for a in self._neighbours.get(path, ()) if a is not None)
        nearby.update(path for path, others in self.related_paths().items() if not paths.isdisjoint(others))
        return nearby



def with_contents(archive: Archive, edited: dict[str, Article]) -> Archive:
    """The archive with articles swapped for edited versions that keep their URL, date and groups.

    The preview server's shortcut for the commonest save (a fixed headline or sentence): the
    order, groupings and related articles stay valid, so nothing is sorted or scored again.
    """
    def swap(a):
        return a if a is None else edited.get(a.path, a)

    def swapped(members):
        # Each edited article is found by bisecting on its time (newest first), as near_in_source
        # does: a term or month may hold half the archive, and an edit touches a few places in it.
        members = list(members)
        for new in edited.values():
            at = bisect_left(members, -new.date.timestamp(), key=lambda a: -a.date.timestamp())
            while at < len(members) and members[at].path != new.path and members[at].date == new.date:
                at += 1
            if at < len(members) and members[at].path == new.path:
                members[at] = new
        return members

    terms = {(kind, term_slug(name)) for a in edited.values() for kind, names_of in TERM_NAMES.items()
             for name in names_of(a)}
    months = {(a.date.year, a.date.month) for a in edited.values()}
    neighbours = dict(archive._neighbours)
    # The pages that show an article as their neighbour are its own neighbours.
    linking = {n.path for path in edited for n in archive._neighbours[path] if n is not None}
    for path in linking | set(edited):
        neighbours[path] = tuple(map(swap, neighbours[path]))
    return Archive(
        swapped(archive.articles),
        {kind: [replace(t, articles=tuple(swapped(t.articles))) if (kind, t.slug) in terms else t for t in ts]
         for kind, ts in archive.terms.items()},
        [replace(m, articles=tuple(swapped(m.articles))) if (m.year, m.month) in months else m
         for m in archive.months],
        archive.warnings,
        [(swap(copy), swap(original)) for copy, original in archive.copies],
        neighbours,
        archive.related_paths(),
        moved={url: swap(a) for url, a in archive.moved.items()},
    )


def relate_again(archive: Archive, related_items: int, related_cache: RelatedCache | None) -> set[str]:
    """The archive's related lists made again after edits of titles, leads, tags or places that
    left every URL as it was; returns the paths of the articles whose list changed."""
    before = archive.related_paths()
    archive._related = after = related_table(archive.articles, related_items, related_cache)
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def _translation_key(article: Article) -> str:
    key = article.extra.get("translation_key")
    return str(key) if key not in (None, "") else ""


def _order_key(article: Article):
    # The source path breaks ties between articles with the same timestamp, so order never depends on disk order.
    return (article.date.timestamp(), article.source_path)


def resolve_slugs(articles: list[Article]) -> tuple[list[Article], list[str], list[SiteError]]:
    """Give every article a unique URL: later articles with a generated slug get -2, -3 …

    Two files that ask for the same slug explicitly are an error, since only the author knows which is meant.
    """
    taken: dict[str, Article] = {}
    warnings, errors, resolved = [], [], []
    explicit_first = sorted(articles, key=lambda a: (not a.explicit_slug, _order_key(a)))
    for article in explicit_first:
        if article.path in taken:
            other = taken[article.path]
            if article.explicit_slug:
                errors.append(SiteError(article.source_path,
                                        f"duplicate slug '{article.slug}': {other.source_path} has the same date and slug"))
                continue
            n = 2
            while (candidate := replace(article, slug=f"{article.slug}-{n}")).path in taken:
                n += 1
            warnings.append(f"{article.source_path}: slug '{article.slug}' already used by "
                            f"{other.source_path}; published as '{candidate.slug}'")
            article = candidate
        taken[article.path] = article
        resolved.append(article)
    return resolved, warnings, errors


def split_copies(articles: list[Article]) -> tuple[list[Article], list[tuple[Article, Article]]]:
    """(articles shown in listings, [(near-duplicate, its original)]).

    The importer marks the second copy of a story (`duplicate_of: <id of the first>`); it keeps
    its page, which points at the original, but listings and feeds show the story once. A mark
    naming an article that is not in the archive (or itself) is ignored; chains lead to the first.
    """
    by_id = {a.id: a for a in articles if a.id}
    originals: dict[str, Article] = {}
    for article in articles:
        target, seen = article, {article.id}
        while isinstance(mark := target.extra.get("duplicate_of"), str) and mark in by_id and mark not in seen:
            seen.add(mark)
            target = by_id[mark]
        if target is not article:
            originals[article.path] = target
    shown = [a for a in articles if a.path not in originals]
    return shown, [(a, originals[a.path]) for a in articles if a.path in originals]


def _group_terms(kind: str, articles: list[Article], names_of) -> list[Term]:
    grouped: dict[str, list[Article]] = defaultdict(list)
    spellings: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        for name in names_of(article):
            slug = term_slug(name)
            grouped[slug].append(article)
            spellings[slug][name] += 1
    terms = []
    for slug, members in grouped.items():
        # "USA" and "usa" share a page; it is titled with the spelling most articles use.
        name = min(spellings[slug].items(), key=lambda item: (-item[1], item[0]))[0]
        terms.append(Term(kind, slug, name, tuple(members)))
    return sorted(terms, key=lambda t: (-len(t.articles), t.slug))


def _months(articles: list[Article]) -> list[Month]:
    by_month = groupby(articles, key=lambda a: (a.date.year, a.date.month))
    return [Month(year, month, tuple(members)) for (year, month), members in by_month]


def build_archive(articles: list[Article], related_items: int = 5,
                  related_cache: RelatedCache | None = None) -> Archive:
    """Order, group and link the articles; BuildFailed lists every slug clash the author must fix.

    `related_cache` keeps the related-articles lists and index between builds, so that a build
    ranks again only the articles whose related list an edit can change.
    """
    resolved, warnings, errors = resolve_slugs(articles)
    if errors:
        raise BuildFailed(errors)
    newest_first, copies = split_copies(sorted(resolved, key=_order_key, reverse=True))
    terms = {
        kind: _group_terms(kind, newest_first, names_of) for kind, names_of in TERM_NAMES.items()
    }
    neighbours = {}
    for i, article in enumerate(newest_first):
        older = newest_first[i + 1] if i + 1 < len(newest_first) else None
        newer = newest_first[i - 1] if i > 0 else None
        neighbours[article.path] = (older, newer)
    # Made when first asked for: a build starts the search index (which needs none of it) first.
    return Archive(newest_first, terms, _months(newest_first), warnings, copies, neighbours,
                   _relate=lambda: related_table(newest_first, related_items, related_cache))
