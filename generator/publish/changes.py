"""What a publish changes: the new tree compared with the branch's previous one, and the commit
message that names the articles added, updated and removed."""

import re
from dataclasses import dataclass

from generator.core.plural import counted

_ARTICLE_PAGE = re.compile(r"\d{4}/\d{2}/\d{2}/[^/]+/index\.html")
_LISTED = 100  # lines per section of a commit message, so a first publish of 30,000 pages stays readable


@dataclass(frozen=True)
class TreeChanges:
    """How the new tree differs from the branch's previous one: site paths by kind of change."""

    added: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.modified or self.removed)


def diff_trees(old: dict[str, str], new: dict[str, str]) -> TreeChanges:
    """Paths added, modified and removed between two {path: blob id} listings."""
    return TreeChanges(
        added=tuple(sorted(new.keys() - old.keys())),
        modified=tuple(sorted(p for p in new.keys() & old.keys() if new[p] != old[p])),
        removed=tuple(sorted(old.keys() - new.keys())),
    )


def _article(path: str) -> str | None:
    """The article URL of an article page's path, e.g. '2025/08/20/slug/'; None for other files."""
    return path[: -len("index.html")] if _ARTICLE_PAGE.fullmatch(path) else None


def _split(paths: tuple[str, ...]) -> tuple[list[str], list[str]]:
    articles = [_article(p) for p in paths]
    return [a for a in articles if a], [p for p, a in zip(paths, articles) if not a]


@dataclass(frozen=True)
class _Sorted:
    """The changes as a reader counts them: articles added, updated, moved and removed, other files."""

    added: list[str]
    updated: list[str]
    moved: list[tuple[str, str]]
    removed: list[str]
    others: list[str]  # "A path", "M path" or "D path"


def _sorted(changes: TreeChanges, moves: dict[str, str]) -> _Sorted:
    """`moves` maps each earlier URL of an article to its present one (content/urls.yaml): the page
    at an earlier URL is a redirect. An article has moved when the page at its earlier URL turned
    into one as the page at its present URL appeared."""
    added, other_added = _split(changes.added)
    modified, other_modified = _split(changes.modified)
    removed, other_removed = _split(changes.removed)
    moved = sorted((old, moves[old]) for old in modified if old in moves and moves[old] in added)
    arrived = {new for _, new in moved}
    # Any other redirect page (a new one, or one whose article's headline changed) is an ordinary file.
    other_added += [f"{url}index.html" for url in added if url in moves]
    other_modified += [f"{url}index.html" for url in modified if url in moves and moves[url] not in arrived]
    others = sorted([f"A {p}" for p in other_added] + [f"M {p}" for p in other_modified] +
                    [f"D {p}" for p in other_removed], key=lambda line: line[2:])
    return _Sorted([url for url in added if url not in moves and url not in arrived],
                   [url for url in modified if url not in moves], moved, removed, others)


def describe(changes: TreeChanges, moves: dict[str, str] | None = None) -> str:
    """The subject line, articles first: 'Publish site: 1 article added, 2 updated; 5 other files changed'."""
    found = _sorted(changes, moves or {})
    counts = [(len(urls), verb) for urls, verb in ((found.added, "added"), (found.updated, "updated"),
                                                   (found.moved, "moved"), (found.removed, "removed")) if urls]
    articles = [f"{counted(n, 'article') if i == 0 else n} {verb}" for i, (n, verb) in enumerate(counts)]
    others = len(found.others)
    other = f"{counted(others, 'other file' if articles else 'file')} changed" if others else ""
    return "Publish site: " + ("; ".join(part for part in (", ".join(articles), other) if part) or "no files changed")


def _section(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    shown = lines[:_LISTED]
    more = [f"… and {len(lines) - _LISTED} more"] if len(lines) > _LISTED else []
    return f"{title}:\n" + "".join(f"  {line}\n" for line in shown + more)


def list_changes(changes: TreeChanges, moves: dict[str, str] | None = None) -> str:
    """The changed articles by URL (a moved one as 'old -> new'), then the other files marked
    A(dded), M(odified), D(eleted)."""
    found = _sorted(changes, moves or {})
    sections = [_section("Articles added", found.added), _section("Articles updated", found.updated),
                _section("Articles moved", [f"{old} -> {new}" for old, new in found.moved]),
                _section("Articles removed", found.removed), _section("Other files", found.others)]
    return "\n".join(s for s in sections if s)


def commit_message(changes: TreeChanges, message: str = "", moves: dict[str, str] | None = None) -> str:
    """The user's --message (or a generated subject), then the list of what changed."""
    return f"{message.strip() or describe(changes, moves)}\n\n{list_changes(changes, moves)}".rstrip() + "\n"
