"""Which articles a build publishes: drafts and articles dated after "now" wait unless asked for.

Applied once, before the archive is organised, so that listings, feeds, the sitemap, related
articles and the search index all see the same articles and none can leak a draft.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from generator.core.model import Article


@dataclass(frozen=True)
class Visibility:
    now: datetime  # passed in, never read from the clock here: the same day gives the same bytes
    drafts: bool = False
    future: bool = False

    def shows(self, article: Article) -> bool:
        return (self.drafts or not article.draft) and (self.future or article.date <= self.now)

    def select(self, articles: list[Article]) -> list[Article]:
        """The articles shown, those dated after now marked as scheduled (pages show the mark)."""
        return [self.marked(a) for a in articles if self.shows(a)]

    def marked(self, article: Article) -> Article:
        scheduled = article.date > self.now
        # The same object when the mark is as it was: copying 100,000 articles costs a second.
        return article if article.scheduled == scheduled else replace(article, scheduled=scheduled)
