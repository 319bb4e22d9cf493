"""Near-duplicate detection: a body's words hashed, and a bottom-k MinHash sketch of its 4-word
shingles, so a page that repeats an earlier article (a second wire copy, a re-scrape) is told."""

import hashlib
import zlib
from collections import defaultdict

from generator.ingest.clean.language import WORD_RUN

SKETCH_SIZE = 64  # bottom-k MinHash: Jaccard estimated to about ±0.06 at k=64
NEAR_DUPLICATE = 0.9


def body_key(text: str) -> str:
    """Hash of the body's words, case-folded: equal for the same text however it was laid out."""
    return hashlib.sha256(" ".join(WORD_RUN.findall(text.casefold())).encode("utf-8")).hexdigest()[:24]


def sketch(text: str, size: int = SKETCH_SIZE) -> list[int]:
    """The `size` smallest hashes of the body's 4-word shingles (a bottom-k MinHash sketch)."""
    words = WORD_RUN.findall(text.casefold())
    shingles = {" ".join(words[i:i + 4]) for i in range(max(1, len(words) - 3))}
    return sorted({zlib.crc32(s.encode("utf-8")) for s in shingles})[:size]


def similarity(a: list[int], b: list[int], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of two shingle sets from their sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:size]
    both = set(a) & set(b)
    return sum(h in both for h in union) / len(union)


class DuplicateIndex:
    """Exact (same body) and near (≥ 90 % shingle overlap) duplicates of earlier articles."""

    def __init__(self, articles: dict[str, dict]):
        self.by_body: dict[str, str] = {}
        self.sketches: dict[str, list[int]] = {}
        self.buckets: dict[int, list[str]] = defaultdict(list)
        for article_id, entry in articles.items():
            self.add(article_id, entry.get("body", ""), entry.get("sketch", []))

    def add(self, article_id: str, key: str, hashes: list[int]) -> None:
        if key:
            self.by_body.setdefault(key, article_id)
        self.sketches[article_id] = hashes
        # Similar sets share most of their smallest hashes, so the 8 smallest find the candidates.
        for h in hashes[:8]:
            self.buckets[h].append(article_id)

    def same_body(self, key: str) -> str | None:
        return self.by_body.get(key)

    def near(self, hashes: list[int]) -> str | None:
        candidates = dict.fromkeys(c for h in hashes[:8] for c in self.buckets.get(h, ()))
        for other in candidates:
            if similarity(hashes, self.sketches[other]) >= NEAR_DUPLICATE:
                return other
        return None
