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


def describe(changes: TreeChanges) -> str:
    """The subject line, articles first: 'Publish site: 1 article added, 2 updated; 5 other files changed'."""
    added, other_added = _split(changes.added)
    modified, other_modified = _split(changes.modified)
    removed, other_removed = _split(changes.removed)
    counts = [(len(found), verb) for found, verb in ((added, "added"), (modified, "updated"), (removed, "removed")) if found]
    articles = [f"{counted(n, 'article') if i == 0 else n} {verb}" for i, (n, verb) in enumerate(counts)]
    others = len(other_added) + len(other_modified) + len(other_removed)
    other = f"{counted(others, 'other file' if articles else 'file')} changed" if others else ""
    return "Publish site: " + ("; ".join(part for part in (", ".join(articles), other) if part) or "no files changed")


def _section(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    shown = lines[:_LISTED]
    more = [f"… and {len(lines) - _LISTED} more"] if len(lines) > _LISTED else []
    return f"{title}:\n" + "".join(f"  {line}\n" for line in shown + more)


def list_changes(changes: TreeChanges) -> str:
    """The list of changed articles by URL, then the other files marked A(dded), M(odified), D(eleted)."""
    added, other_added = _split(changes.added)
    modified, other_modified = _split(changes.modified)
    removed, other_removed = _split(changes.removed)
    others = sorted([f"A {p}" for p in other_added] + [f"M {p}" for p in other_modified] +
                    [f"D {p}" for p in other_removed], key=lambda line: line[2:])
    sections = [_section("Articles added", added), _section("Articles updated", modified),
                _section("Articles removed", removed), _section("Other files", others)]
    return "\n".join(s for s in sections if s)


def commit_message(changes: TreeChanges, message: str = "") -> str:
    """The user's --message (or a generated subject), then the list of what changed."""
    return f"{message.strip() or describe(changes)}\n\n{list_changes(changes)}".rstrip() + "\n"
