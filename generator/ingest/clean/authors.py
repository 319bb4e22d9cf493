"""The article's authors, read from its byline: a line near the headline or the article's start
("Von Felix Schröder und Jörg Soldwisch, dpa", "By Jane Doe", "12.03.2024 | von Eva Kirchner")
or at its end ("Autor: …", "Text: …"); failing that, a line that is nothing but a name beside
the headline or the date. Byline lines are not article text (`is_byline`)."""

import re

from generator.ingest.clean.dates import MONTH_NUMBER, find_date
from generator.ingest.clean.lang import any_language
from generator.ingest.clean.language import ANY_PROSE_STOPWORD
from generator.ingest.clean.lines import LIST_ITEM, LineInfo, is_furniture
from generator.ingest.clean.lang.bylines import (AGENCIES, BYLINE_LABELS, BYLINE_WORDS, CAPITALISED_PARTICLES,
                                                 GIVEN_NAMES, NAME_ENDS, NAME_JOINERS, NAME_PARTICLES, ROLE_WORDS,
                                                 STAFF_WORDS)

_WORDS = sorted(any_language(BYLINE_WORDS), key=len, reverse=True)
_BYLINE_LABELS = any_language(BYLINE_LABELS) | frozenset(MONTH_NUMBER)
_GIVEN = any_language(GIVEN_NAMES)
_ROLES = any_language(ROLE_WORDS)
_GLUED_ROLE = re.compile("(?i)(?<=[a-zäöüßé])(" + "|".join(sorted(_ROLES, key=len, reverse=True)) + ")$")
_BYLINE_TAIL_WORDS = _BYLINE_LABELS | NAME_ENDS | _ROLES | AGENCIES | frozenset(w for p in _WORDS for w in p.split())
_NOT_NAME = ANY_PROSE_STOPWORD | _ROLES | frozenset(_WORDS)
# A byline word after the line's start or a separator, then a colon, a space, or (scrapers glue
# "vonChris Jung") the name's capital.
_MARKER = re.compile(r"(?:^|(?<=[\s\d|·•/—–,(]))(?:(?i:" + "|".join(re.escape(w) for w in _WORDS)
                     + r")(?:\s*:|(?=\s))|(?:von|by|Author|Autor)(?=[A-ZÄÖÜ][a-zäöüß]))\s*")
_LINE_END_WORDS = frozenset(w for w in _WORDS if " " not in w)
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*\.?|\d+|[^\w\s]")
# Where a bare name line splits into its parts: separators, dates and times.
_SEGMENTS = re.compile(r"\s*(?:[|•·/—–,;()]|\s-\s|\d[\d.:]*\s*(?:Uhr|h)?\b\.?)\s*")
_SHORT_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d\d\b")
_SLASHED = re.compile(r"\w/\w")
# Inside the article, a longer line naming an author goes on about them ("Autor: Steffen Pache,
# Sächsische Landesanstalt für …"): readers keep it.
_MAX_BODY_BYLINE_WORDS = 10
_MAX_NAME_LINE_WORDS = 14
_MAX_PREFIX_WORDS = 4  # "Kolumne von", "29. Juni 2017, 23:39 · von": a label or a date before the word
_LABEL = re.compile(r"[^\W\d_]\s*:")  # "Foto:", "Tags:"
_LETTERS = re.compile(r"[^\W\d_]+")
# Signs that may end a byline's names: separators, brackets, a handle's "@".
_NAME_END_SIGNS = frozenset("|·•—–-/(@:;")
_MAX_BYLINE_WORDS = 16
_MAX_BYLINE_TOKENS = 32  # words and numbers: a byline may carry a date and two times
_WINDOW_BEFORE, _WINDOW_AFTER, _WINDOW_END = 12, 8, 10
# When the article's start was found too late or too early, its byline may sit further away;
# only a line with a byline word is trusted there.
_FAR_BEFORE, _FAR_END = 120, 30


def _capitalised(token: str) -> bool:
    """A word that may be part of a name: capitalised, neither a common short word nor a month
    ("Jan Kupitz" is a name, "Jan." and "Januar" are months)."""
    low = token.lower().rstrip(".")
    month = low in MONTH_NUMBER and (token.endswith(".") or len(low) > 4)
    return token[0].isupper() and low not in _NOT_NAME and not month


def _read_names(text: str, handle: bool, strict: bool = True) -> list[str]:
    """The names at the start of `text`, up to the first word or sign that is no part of a name;
    `handle` allows a lower-case user name ("von lupa") as the only name. [] when the names run
    into a phrase ("Von Kopf bis Fuß"), unless not `strict`."""
    tokens = _NAME_TOKEN.findall(text)
    pieces: list[tuple[list[str], bool]] = []
    current: list[str] = []
    after_comma = False
    for k, token in enumerate(tokens):
        low = token.lower()
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if low in NAME_JOINERS or token == ",":
            pieces.append((current, after_comma))
            current, after_comma = [], token == ","
            continue
        glued = _GLUED_ROLE.search(token) if token[0].isupper() else None
        if glued and glued.start() > 1:  # "Ulrich ExnerKorrespondent"
            current.append(token[:glued.start()])
            break
        if is_furniture(low, [low]):
            break  # "von Lars Sobiraj Lesezeit: 4 Min."
        if low in NAME_PARTICLES and token[0].islower() and following[:1].isupper():
            current.append(token)
        elif low in CAPITALISED_PARTICLES and current and (following[:1].isupper() or following in NAME_PARTICLES):
            current.append(token)
        elif token[0].isalpha() and _capitalised(token):
            current.append(token)
        elif handle and k == 0 and token[0].isalpha() and low not in _NOT_NAME and len(token) > 2 \
                and not following[:1].isalpha():
            current.append(token)
            break
        elif _ends_names(token) or not strict:
            break
        else:
            return []
        if len(current) > 4:
            return []  # a phrase in capitals, not a name
    pieces.append((current, after_comma))
    names = [" ".join(words) for words, comma in pieces if _person(words, comma)]
    return [] if any(is_furniture(name.lower(), name.lower().split()) for name in names) else names


def _ends_names(token: str) -> bool:
    """A date, a separator, a word in capitals that is no name ("Vom 3. Mai", "Lesezeit"), an
    agency ("dpa") or a short word before a date or a place ("am", "on", "für")."""
    return token[0].isdigit() or token in _NAME_END_SIGNS or token[0].isupper() or token in NAME_ENDS \
        or token.lower() in AGENCIES


def _person(words: list[str], after_comma: bool) -> bool:
    """A name, not a place or role after a comma ("Von Johannes Ritter, Zürich") nor an agency."""
    if not words or all(w in NAME_PARTICLES for w in words):
        return False
    if len(words) == 1 and (after_comma or words[0].lower() in AGENCIES):
        return False
    return not all(w.lower() in AGENCIES for w in words)


def byline_names(text: str) -> list[str]:
    """The names a byline line gives after its byline word; [] when `text` is no byline."""
    text = LIST_ITEM.sub("", text)
    if len(_LETTERS.findall(text)) > _MAX_BYLINE_WORDS:
        return []
    for match in _MARKER.finditer(text):
        if not _label(text[:match.start()]):
            break
        names = _read_names(text[match.end():], handle=True)
        if names:
            return names
    return []


def _label(prefix: str) -> bool:
    """Whether the text before a byline word is a label or a date, not a phrase ("Nachhaltige
    Erzeugung von Anilin"), a caption's "Foto: …" or a "Tags: …" list."""
    words = _LETTERS.findall(prefix.lower())
    if len(words) > _MAX_PREFIX_WORDS or _LABEL.search(prefix) or _SLASHED.search(prefix):
        return False
    return all(w in _BYLINE_LABELS for w in words)


def is_byline(line: LineInfo) -> bool:
    """A short line inside the article that only says who wrote it: after the names come at most
    a date, a role, an agency and one more word ("Von Jule Radeck Vom 3. Februar 2022"), not a
    description ("Autor: Steffen Pache, Sächsische Landesanstalt für Landwirtschaft, Köllitsch")."""
    text = line.text
    if line.words > _MAX_BODY_BYLINE_WORDS or text.endswith((".", "!", "?")):
        return False
    names = byline_names(text)
    if not names:
        return False
    rest = _LETTERS.findall(text[text.rfind(names[-1]) + len(names[-1]):].lower())
    return sum(w not in _BYLINE_TAIL_WORDS for w in rest) <= 1


def bare_name(line: LineInfo, title: str, beside_date: bool = False,
              common: frozenset[str] | None = None) -> str:
    """The name on a line that holds nothing else but dates, labels and roles ("Anna Sleegers",
    "Swantje Schemmerling | 06.11.23", "28. Jan. 2022 Paula Balov", "Daniel Großert Redakteur");
    '' when there is none. `beside_date` says a neighbouring line is a date stamp. Without
    `common`, only names that start with a known given name are taken; with it, also names beside
    a date none of whose words the article writes in lower case ("Letztes Update": "letztes")."""
    text = line.text
    if not _may_be_name(line, title) or _SLASHED.search(text):
        return ""  # a sentence, the headline, or a picture's credit ("APA/AFP/Mandel Ngan")
    dated = beside_date or _dated(text)
    for segment in _SEGMENTS.split(LIST_ITEM.sub("", text)):
        segment = segment.strip(" -")
        words = segment.split()
        if dated and len(words) == 1 and words[0].lower() in STAFF_WORDS:
            return words[0]
        if len(words) < 2 or not words[0][0].isalpha() or is_furniture(segment.lower(), segment.lower().split()):
            continue
        names = _read_names(segment, handle=False, strict=not dated)
        if len(names) != 1 or len(names[0].split()) < 2:
            continue
        # Beside a date, the name's shape is enough ("Swantje Schemmerling | 06.11.23");
        # alone, it has to start with a known given name.
        rest = words[len(names[0].split()):]
        # Beside a date, what follows the name may only be labels ("Evgenia Karp Zuletzt
        # geändert am"), not a headline's words ("Premier League Rückschlag im Titelkampf").
        labelled = all(w.lower() in _BYLINE_TAIL_WORDS for w in rest)
        known = _given_name(words)
        shaped = known or common is not None and not any(w.lower() in common for w in names[0].split())
        if dated and segment.startswith(names[0]) and labelled and shaped \
                or known and all(w.lower() in _ROLES for w in rest):
            return names[0]
    return ""


def _may_be_name(line: LineInfo, title: str) -> bool:
    """A short line that is neither a sentence nor the headline."""
    return line.words <= _MAX_NAME_LINE_WORDS and line.text != title and not line.text.endswith((".", "!", "?", ":"))


def _given_name(words: list[str]) -> bool:
    """The name starts with a common given name, after a title such as "Dr."."""
    first = next((w for w in words if not w.endswith(".")), "")
    return first.split("-")[0].lower() in _GIVEN


def _near_start(infos: list[LineInfo], start: int, end: int) -> list[int]:
    """Indexes of the lines about the article's start, nearest first (a line before the start
    comes before one after it at the same distance)."""
    before = range(start - 1, max(0, start - _WINDOW_BEFORE) - 1, -1)
    after = range(start, min(end, start + _WINDOW_AFTER))
    order = [i for pair in zip(before, after) for i in pair]
    return order + list(before[len(after):]) + list(after[len(before):])


def _split_byline(infos: list[LineInfo], i: int) -> list[str]:
    """The names of a byline whose word ends its line and whose names fill the next ("Von:" then
    "Götz Warnke", "10.12.2022 18:27 von" then "Hinrich Neumann")."""
    text = infos[i].text
    if i + 1 >= len(infos) or text.rsplit(None, 1)[-1].lower().rstrip(":") not in _LINE_END_WORDS:
        return []
    return byline_names(text + " " + infos[i + 1].text)


def _dated(text: str) -> bool:
    """`text` holds a date, perhaps with a two-digit year ("06.11.23")."""
    return bool(_SHORT_DATE.search(text)) or find_date(text) is not None


def _beside_date(infos: list[LineInfo], i: int) -> bool:
    """A short line with a date next to line i ("22.08.2024" above "Shany Littman")."""
    return any(0 <= j < len(infos) and infos[j].words <= 8 and _dated(infos[j].text) for j in (i - 1, i + 1))


def find_authors(infos: list[LineInfo], start: int, end: int, title: str = "") -> tuple[str, ...]:
    """The authors of the article that runs over `infos[start:end]`: the byline nearest its start,
    else one at its end, else a bare name line beside its start."""
    near = _near_start(infos, start, end)
    tail = list(range(max(start, end - 3), min(len(infos), end + _WINDOW_END)))
    for i in near + tail:
        names = infos[i].words <= _MAX_BYLINE_TOKENS and (byline_names(infos[i].text) or _split_byline(infos, i))
        if names:
            return tuple(dict.fromkeys(names))
    far = [*range(start - _WINDOW_BEFORE - 1, max(0, start - _FAR_BEFORE) - 1, -1),
           *range(min(len(infos), end + _WINDOW_END), min(len(infos), end + _FAR_END))]
    for i in far:
        names = infos[i].words <= _MAX_BYLINE_TOKENS and byline_names(infos[i].text)
        if names:
            return tuple(dict.fromkeys(names))
    beside = [i for i in near if i < start + 4]
    beside += [i for i in range(end, min(len(infos), end + 3)) if not infos[i].listed]
    beside = [i for i in beside if _may_be_name(infos[i], title)]
    dated = [_beside_date(infos, i) for i in beside]
    # A known given name first: "Provence Travel Guide" under a date is less likely a name than
    # "Marie Jaster" a line further up. The article's words are only gathered when there is none.
    name = _first_bare_name(infos, beside, dated, title, None) \
        or _first_bare_name(infos, beside, dated, title, _common_words(infos, start, end))
    return (name,) if name else ()


def _first_bare_name(infos: list[LineInfo], lines: list[int], dated: list[bool], title: str,
                     common: frozenset[str] | None) -> str:
    """The first bare name on `lines` (`dated`: beside a date stamp or not); see `bare_name`."""
    for i, beside_date in zip(lines, dated):
        name = bare_name(infos[i], title, beside_date, common)
        if name:
            return name
    return ""


def _common_words(infos: list[LineInfo], start: int, end: int) -> frozenset[str]:
    """The words the article writes in lower case: no part of a name."""
    return frozenset(w for line in infos[start:end] for w in _LETTERS.findall(line.text) if w[0].islower())
