#!/usr/bin/env python3
"""feeds.py - check the Atom/RSS feeds of a built site folder.

usage: python feeds.py DIR

Finds every *.xml / *.atom / *.rss file under DIR whose root element is <feed>,
<rss> or <rdf:RDF> and checks it with:
  1. feedparser: bozo flag (well-formedness only!), detected version, and a few
     checks feedparser itself does NOT fail on: entry id/link/title present,
     dates parseable, channel description (RSS) / feed id+updated (Atom).
     Note feedparser parses dates leniently ("10 Feb 2024" in Atom passes it),
     so the raw XML is also checked: Atom dates RFC 3339, RSS dates RFC 822,
     RSS guid is a full URL unless isPermaLink="false".
Exit code: 0 clean, 1 if any problem, 2 on usage error.
pip install feedparser  (tested with feedparser 6.0.14)
"""
import argparse
import email.utils
import pathlib
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser

FEED_ROOTS = {"{http://www.w3.org/2005/Atom}feed", "rss",
              "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"}


def find_feeds(root: pathlib.Path):
    for p in sorted(root.rglob("*")):
        if p.suffix not in (".xml", ".atom", ".rss") or not p.is_file():
            continue
        try:
            tag = next(ET.iterparse(p, events=("start",)))[1].tag
        except ET.ParseError:
            # not well-formed: guess from the name and let the checkers say why
            if any(k in p.name for k in ("atom", "rss", "feed")):
                yield p
            continue
        if tag in FEED_ROOTS:
            yield p


def check_feedparser(path: pathlib.Path):
    problems = []
    d = feedparser.parse(str(path))
    if d.bozo:
        problems.append(f"feedparser bozo: {d.bozo_exception!r}")
    if not d.version:
        problems.append("feedparser: unknown feed format")
    is_atom = d.version.startswith("atom")
    if is_atom:
        if not d.feed.get("id"):
            problems.append("atom: feed has no id")
        if not d.feed.get("updated_parsed"):
            problems.append("atom: feed updated missing or unparseable")
    elif d.version.startswith("rss"):
        for k in ("title", "link", "description"):
            key = "subtitle" if k == "description" else k
            if not d.feed.get(key):
                problems.append(f"rss: channel has no {k}")
    for i, e in enumerate(d.entries):
        where = f"entry {i} ({e.get('title', '?')!r})"
        if not e.get("id"):
            problems.append(f"{where}: no id/guid")
        if not e.get("link"):
            problems.append(f"{where}: no link")
        if not e.get("title"):
            problems.append(f"{where}: no title")
        if not (e.get("updated_parsed") or e.get("published_parsed")):
            problems.append(f"{where}: no parseable date")
    return d.version or "?", len(d.entries), problems


ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
RFC822 = re.compile(r"^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d\d:\d\d(:\d\d)? (GMT|UT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[+-]\d{4})$")


def check_raw(path: pathlib.Path):
    """Strict checks on the raw XML that feedparser's lenient parsing hides."""
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return problems  # feedparser reports bozo
    if root.tag == ATOM + "feed":
        for el in root.iter():
            if el.tag in (ATOM + "updated", ATOM + "published") and not RFC3339.match((el.text or "").strip()):
                problems.append(f"atom: {el.tag.replace(ATOM, '')} not RFC 3339: {el.text!r}")
    elif root.tag == "rss":
        for el in root.iter():
            if el.tag in ("pubDate", "lastBuildDate"):
                v = (el.text or "").strip()
                ok = bool(RFC822.match(v))
                if ok:
                    try:
                        email.utils.parsedate_to_datetime(v)
                    except (TypeError, ValueError):
                        ok = False
                if not ok:
                    problems.append(f"rss: {el.tag} not RFC 822: {v!r}")
            if el.tag == "guid" and el.get("isPermaLink", "true") == "true":
                u = urllib.parse.urlsplit((el.text or "").strip())
                if u.scheme not in ("http", "https") or not u.netloc:
                    problems.append(f"rss: guid {el.text!r} is a permalink (isPermaLink defaults to true) but not a full URL")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=pathlib.Path)
    a = ap.parse_args()
    if not a.dir.is_dir():
        ap.error(f"not a folder: {a.dir}")
    bad = 0
    feeds = list(find_feeds(a.dir))
    if not feeds:
        print("no feeds found")
        return 1
    for p in feeds:
        rel = p.relative_to(a.dir).as_posix()
        version, n, problems = check_feedparser(p)
        problems += check_raw(p)
        print(f"== {rel}: {version}, {n} entries, {len(problems)} problem(s)")
        for m in problems:
            print(f"   {m}")
        bad |= bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
