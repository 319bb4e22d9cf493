"""Scraped page text → article body and metadata: pure functions on text, no disk.

The input is what a scraper saved: the article somewhere among menus, teasers, share widgets,
related links, comments and footers. Each non-empty line gets a weight (positive when it reads
like article prose, negative when it looks like page furniture); the article is the run of lines
with the highest total weight, trimmed at markers after which only boilerplate follows. Title,
dateline, language and date are then read from the body and the lines around it.

page.py is the entry (`clean_text`, `extract_html`); in the order it uses them: normalize.py
(one form of text), lines.py (each line's features), locate.py (the article's run of lines),
body.py (the lines of that run that are text, without bylines), dateline.py, title.py with
headline.py, dates.py, language.py and authors.py (the byline's names).
"""
