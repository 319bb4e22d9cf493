"""Raw scraped files → documents: bytes read, text decoded, format detected, metadata picked up.

Nothing here judges the text; the clean package does. Every problem is a SiteError naming the
file (and line, for JSON Lines), so one bad file never stops an import.
"""

import codecs
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import SiteError
from generator.core.plural import counted

MAX_BYTES = 20_000_000  # far above any article page; guards against feeding a dump or a video
_STEM_ID = re.compile(r"^\d+_([0-9a-f]{8,64})$")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.I)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|main|h1|body|html)[\s>]", re.I)
_UNDEFINED_CP1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_TEXT_BYTES = bytes([9, 10, 11, 12, 13, *range(32, 256)])  # deleting these leaves the control bytes


@dataclass(frozen=True)
class RawDocument:
    """One article's raw material, as found in a file (a JSON Lines file holds many)."""

    shown: str  # how messages name it: the path, plus ':LINE' for JSON Lines records
    id: str
    format: str  # 'text', 'html' or 'jsonl'
    text: str  # page text for 'text'; HTML source for 'html'; the record's text or html
    is_html: bool = False
    title: str = ""
    date: str = ""
    url: str = ""
    note: str = ""  # e.g. how a legacy encoding was decoded

    @property
    def line(self) -> int | None:
        head, _, tail = self.shown.rpartition(":")
        return int(tail) if head and tail.isdigit() else None

    @property
    def file(self) -> str:
        """The file it came from, as messages name it."""
        return self.shown.rpartition(":")[0] if self.line else self.shown

    def error(self, message: str) -> SiteError:
        """`message` about this document: its file, and its line in a JSON Lines file."""
        return SiteError(self.file, message, self.line)


def content_id(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:16]


def file_id(path: Path, data: bytes) -> str:
    """The hex part of a scraper's 'NNN_<hex>.txt' name, else a hash of the content."""
    match = _STEM_ID.match(path.stem)
    return match.group(1) if match else content_id(data)


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


_bad_utf8: list[int] = []  # where the last lenient UTF-8 decode met invalid bytes


def _record_bad_utf8(exc: UnicodeDecodeError) -> tuple[str, int]:
    _bad_utf8.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("newsarchive-record", _record_bad_utf8)


def _mostly_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """The text and the offsets of its bad bytes, when `data` is UTF-8 with a few stray bytes: more
    characters are valid multi-byte UTF-8 than there are invalid sequences. Text in a legacy
    8-bit encoding almost never forms a valid multi-byte sequence by chance."""
    _bad_utf8.clear()
    text = data.decode("utf-8-sig", errors="newsarchive-record")
    bad = list(_bad_utf8)
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - len(bad)
    return (text, bad) if multibyte >= len(bad) else None


def decode_raw(data: bytes, shown: str) -> tuple[str, str]:
    """(text, note): UTF-8 (with or without BOM; a few bad bytes replaced, said so in `note`),
    UTF-16 with BOM, else Windows-1252, said so in `note`."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "decoded as UTF-16"
        except UnicodeDecodeError:
            raise SiteError(shown, "undecodable: starts like UTF-16 but is not valid UTF-16") from None
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            raise SiteError(shown, "truncated: the file ends in the middle of a UTF-8 character") from None
        bad = exc.start
    lenient = _mostly_utf8(data)
    if lenient is not None:
        text, offsets = lenient
        where = ", ".join(map(str, offsets[:5])) + (f" and {len(offsets) - 5} more" if len(offsets) > 5 else "")
        return text, f"UTF-8 with {counted(len(offsets), 'invalid byte sequence')} (at byte offset {where}), replaced by �"
    undefined = next((i for i, b in enumerate(data) if b in _UNDEFINED_CP1252), None)
    if undefined is not None:
        raise SiteError(shown, f"undecodable: neither UTF-8 (byte 0x{data[bad]:02x} at offset {bad}) "
                               f"nor Windows-1252 (byte 0x{data[undefined]:02x} at offset {undefined})")
    return data.decode("cp1252"), f"not UTF-8 (byte 0x{data[bad]:02x} at offset {bad}); decoded as Windows-1252"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: not a text file. UTF-16 (told by
    its byte-order mark) is text full of NUL bytes; decode_raw() checks it."""
    head = data[:8192]
    if head.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls > len(head) * 0.05


def detect_format(data: bytes, suffix: str) -> str:
    """'html', 'jsonl' or 'text', from the content first and the file name second."""
    head = data[:4096].lstrip()
    if head.startswith(b"{") and suffix.lower() in (".jsonl", ".json", ".ndjson", ".txt", ""):
        return "jsonl"
    if _HTML_START.match(data[:1024]) or (suffix.lower() in (".html", ".htm") and _HTML_TAGS.search(data[:65536])):
        return "html"
    return "text"


def _field(record: dict, *names: str) -> str:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _json_records(text: str, shown: str, note: str) -> tuple[list[RawDocument], list[SiteError]]:
    docs, errors = [], []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{shown}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            # A last record without its line end is where a download or a crawl was cut off.
            cut_off = number == len(lines) and not text.endswith("\n")
            # json's own messages end in a position ('starting at: line 1 column 9'); exc.msg alone stops mid-sentence.
            where_in_line = f"column {exc.colno}" if exc.msg.endswith(" at") else f"at column {exc.colno}"
            problem = "truncated JSON record" if cut_off else f"invalid JSON: {exc.msg} {where_in_line}"
            errors.append(SiteError(shown, problem, number))
            continue
        if not isinstance(record, dict):
            errors.append(SiteError(shown, "a JSON Lines record must be an object with text or html", number))
            continue
        html = _field(record, "html", "content_html", "raw_html")
        body = _field(record, "text", "body", "content", "maintext") or html
        if not body:
            errors.append(SiteError(shown, "record has no 'text' or 'html'", number))
            continue
        docs.append(RawDocument(
            shown=where,
            id=_field(record, "id") or content_id(body),
            format="jsonl",
            text=body,
            is_html=bool(html) and body == html,
            title=_field(record, "title", "headline"),
            date=_field(record, "date", "published", "date_published", "datePublished"),
            url=_field(record, "url", "link"),
            note=note,
        ))
    return docs, errors


def read_raw(path: Path, shown: str, max_bytes: int | None = None) -> tuple[list[RawDocument], list[SiteError]]:
    """All documents in one raw file, and one error per problem found (the rest still count)."""
    max_bytes = max_bytes or MAX_BYTES
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [SiteError(shown, f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [SiteError(shown, f"cannot be read: {exc.strerror or exc}")]
    if not data.strip():
        return [], [SiteError(shown, "empty file")]
    if looks_binary(data):
        return [], [SiteError(shown, "binary file, not text, HTML or JSON Lines")]
    try:
        text, note = decode_raw(data, shown)
    except SiteError as exc:
        return [], [exc]
    # The format is told from the bytes; UTF-16's are compared as UTF-8, as the patterns are written.
    kind = detect_format(text[:65536].encode("utf-8") if data.startswith(_UTF16_BOMS) else data, path.suffix)
    if kind == "jsonl":
        return _json_records(text, shown, note)
    return [RawDocument(shown=shown, id=file_id(path, data), format=kind, text=text,
                        is_html=kind == "html", note=note)], []
