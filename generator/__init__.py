"""newsarchive: scraped news articles in, a static searchable archive out."""

__version__ = "0.1.0"
