"""Warnings the user has already seen: a build counts them as repeats instead of printing them again."""

from pathlib import Path

from generator.core.cache import Memo

WARNINGS_KEY = "the last build's warnings"


def remember_shown(site_root: Path, warnings: frozenset[str]) -> None:
    """The warnings of a build that the user has seen (or had counted as repeats): the next build
    counts them instead of printing them again. Those a -q build left out are not among them."""
    memo = Memo(site_root, "warnings")
    if memo.get(WARNINGS_KEY) != warnings:
        memo.put(WARNINGS_KEY, warnings)


def repeated(site_root: Path, warnings: list[str], touched: set[str]) -> frozenset[str]:
    """A warning shown before (`remember_shown`) about a file that has not changed since (is not
    `touched`) is a repeat: every build and publish would otherwise print the same slug warnings again."""
    before = Memo(site_root, "warnings").get(WARNINGS_KEY) or frozenset()
    # A warning starts with the file it is about ("content/articles/x.md: slug 'x' …").
    return frozenset(w for w in warnings if w in before and w.split(": ", 1)[0] not in touched)
