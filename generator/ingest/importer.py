"""The import run: raw files in, one Markdown article each out, nothing lost on the way.

What import wrote is remembered in content/.imports.json (per article: its file, the hash of
the text written, a body hash and a similarity sketch; per raw file: a content hash). That is
how a re-import knows an article is already there, that a person has edited it since (kept
unless --force, and then backed up first), or that a new page repeats an old one.
"""

import hashlib
import json
import os
import re
import shutil
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

from generator.core.atomic import write_atomic
from generator.core.cache import Memo, file_signature
from generator.core.config import SiteConfig
from generator.content.articles import ARTICLES_DIR, parse_date
from generator.core.errors import SiteError
from generator.ingest.clean.language import PROSE_STOPWORDS, WORD_RUN
from generator.ingest.clean.lines import LIST_ITEM
from generator.ingest.clean.normalize import mask_quotes, normalize_text
from generator.ingest.clean.page import CleaningRules, clean_text, extract_html
from generator.ingest.read import RawDocument, read_raw
from generator.core.slug import slugify

STATE_FILE = Path("content") / ".imports.json"
RAW_DIR = Path("content") / "raw"
RAW_SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".json", ""}
SKETCH_SIZE = 64  # bottom-k MinHash: Jaccard estimated to about ±0.06 at k=64
NEAR_DUPLICATE = 0.9
REPEAT_SHARE = 0.5  # a line on at least half of a source's pages (and on 3 or more) is boilerplate
REPEAT_MIN_PAGES = 5
MIN_HTML_WORDS = 10  # what an extractor finds on a page without an article: a menu entry or two


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    near_duplicates: int = 0
    errors: list[SiteError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        near = f" ({self.near_duplicates} marked duplicate_of)" if self.near_duplicates else ""
        return (f"imported {self.imported}{near}, skipped {self.skipped}, "
                f"duplicates {self.duplicates}, failed {self.failed}")


# ----------------------------------------------------------------------------- similarity

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


# ----------------------------------------------------------------------------- state

def load_state(site_root: Path) -> dict:
    path = site_root / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": 1, "articles": {}, "raw": {}}
    except (OSError, ValueError) as exc:
        raise SiteError(STATE_FILE, f"import state is unreadable ({exc}); move it away to start afresh") from None
    state.setdefault("articles", {})
    state.setdefault("raw", {})
    return state


def save_state(site_root: Path, state: dict) -> None:
    text = json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_atomic(site_root / STATE_FILE, text.encode("utf-8"))


# ----------------------------------------------------------------------------- front matter

def _yaml_value(value) -> str:
    """JSON scalars and flow lists are valid YAML, and quoting every string keeps ':' and '#' safe."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
_BLOCK_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|=+\s*$|\d+[.)]\s)")


def escape_markdown(text: str) -> str:
    """Scraped text as Markdown that renders as the same text: no emphasis, links, HTML or headings."""
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")  # Markdown has no escape for '<'
    return "\\" + text if _BLOCK_START.match(text) else text


def body_markdown(paragraphs: tuple[str, ...]) -> str:
    """Paragraphs separated by blank lines; consecutive list items stay one list."""
    blocks: list[str] = []
    for paragraph in paragraphs:
        item = LIST_ITEM.match(paragraph)
        if item:
            line = "- " + escape_markdown(paragraph[item.end():])
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + line
                continue
            blocks.append(line)
        else:
            blocks.append(escape_markdown(paragraph))
    return "\n\n".join(blocks) + "\n"


def article_text(meta: dict, body: str) -> str:
    lines = ["---"] + [f"{key}: {_yaml_value(value)}" for key, value in meta.items() if value not in (None, "", [])]
    return "\n".join(lines) + "\n---\n" + body


# ----------------------------------------------------------------------------- one document

@dataclass(frozen=True)
class Prepared:
    """A cleaned document, ready to be written."""

    meta: dict
    body: str
    key: str
    hashes: list[int]


def _source_key(doc: RawDocument) -> str:
    """Pages of one site share boilerplate: group by web host when known, else by folder."""
    if doc.url:
        return urlparse(doc.url).netloc.removeprefix("www.")
    return str(Path(doc.file).parent)


def rules_for(config: SiteConfig, *names: str) -> CleaningRules:
    """The site.yaml rules for a source (matched by name or host), plus those for '*'."""
    drop, cut = [], []
    for name in ("*", *names):
        rules = config.cleaning.get(name) if name else None
        if rules:
            drop += [re.compile(p) for p in rules.get("drop", [])]
            cut += [re.compile(p) for p in rules.get("cut_after", [])]
    return CleaningRules(tuple(drop), tuple(cut))


def _tags(title: str, body: str, lang: str) -> list[str]:
    """Names from the title that the article keeps coming back to (at least 3 times), up to three."""
    stops = PROSE_STOPWORDS.get(lang, frozenset())
    words = dict.fromkeys(w for w in re.findall(r"\b[A-ZÄÖÜ][\w-]{3,}\b", title) if w.lower() not in stops)
    counts = Counter(re.findall(r"\b[A-ZÄÖÜ][\w-]{3,}\b", body))
    ranked = sorted((w for w in words if counts[w] >= 3), key=lambda w: -counts[w])
    return ranked[:3]


def prepare(doc: RawDocument, config: SiteConfig, raw_ref: str, now: datetime,
            repeated: frozenset[str] = frozenset()) -> Prepared:
    """Clean one document and build its front matter; SiteError when nothing usable is left."""
    title_hint, date_hint, url, text, extracted = doc.title, doc.date, doc.url, doc.text, False
    if doc.is_html:
        html_title, html_date, text, html_url = extract_html(doc.text)
        if len(WORD_RUN.findall(text)) < MIN_HTML_WORDS:
            raise doc.error("HTML with no article text in it")
        title_hint, date_hint, url, extracted = title_hint or html_title, date_hint or html_date, url or html_url, True
    host = urlparse(url).netloc.removeprefix("www.") if url else ""
    cleaned = clean_text(text, rules_for(config, host), repeated, title_hint, extracted)
    source = cleaned.dateline.source if cleaned.dateline else ""
    if source in config.cleaning:  # the source is only known once its dateline is read
        cleaned = clean_text(text, rules_for(config, host, source), repeated, title_hint, extracted)
    if not cleaned.paragraphs or not any(p.strip() for p in cleaned.paragraphs):
        raise doc.error("no article text found (only page furniture)")
    body = body_markdown(cleaned.paragraphs)
    date, estimated = _date(date_hint, cleaned.date, config, doc.shown, now)
    meta = {
        "id": doc.id,
        "title": cleaned.title.text or doc.id,
        "title_source": cleaned.title.source,
        "date": date.isoformat(),
        "date_estimated": estimated or None,
        "source": cleaned.dateline.source if cleaned.dateline and cleaned.dateline.source else host,
        "url": url,
        "locations": list(cleaned.dateline.locations) if cleaned.dateline else [],
        "lang": cleaned.lang,
        "tags": _tags(cleaned.title.text, "\n".join(cleaned.paragraphs), cleaned.lang),
        "summary": cleaned.summary,
        "dateline": cleaned.dateline.text if cleaned.dateline else "",
        "raw": raw_ref,
    }
    plain = "\n".join(cleaned.paragraphs)
    return Prepared(meta, body, body_key(plain), sketch(plain))


def _date(hint: str, found: datetime | None, config: SiteConfig, shown: str, now: datetime) -> tuple[datetime, bool]:
    if hint:
        try:
            return parse_date(hint.replace("Z", "+00:00"), config, Path(shown), "date"), False
        except SiteError:
            pass
    if found:
        return found.replace(tzinfo=config.zone), False
    return now.astimezone(config.zone).replace(microsecond=0), True


# ----------------------------------------------------------------------------- the run

def find_raw_files(paths: list[Path]) -> list[Path]:
    """Files named on the command line, and the raw-looking files inside named folders, in a stable order."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(map(Path, _raw_files_below(str(path))))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _raw_files_below(folder: str) -> list[str]:
    # scandir tells files from folders without a stat() each: a build looks at every raw file.
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _raw_files_below(entry.path)
            elif (entry.is_file() and not entry.name.startswith(".") and entry.name.lower() != "readme.md"
                  and os.path.splitext(entry.name)[1].lower() in RAW_SUFFIXES):
                found.append(entry.path)
    return found


def _shown(path: Path, site_root: Path) -> str:
    try:
        return path.resolve().relative_to(site_root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _raw_ref(path: Path, site_root: Path) -> tuple[str, Path | None]:
    """Provenance relative to content/; files from outside are copied into content/raw/ first."""
    content = (site_root / "content").resolve()
    resolved = path.resolve()
    try:
        return resolved.relative_to(content).as_posix(), None
    except ValueError:
        target = site_root / RAW_DIR / path.name
        if target.exists() and target.read_bytes() != path.read_bytes():
            target = target.with_name(f"{path.stem}-{hashlib.sha256(path.read_bytes()).hexdigest()[:8]}{path.suffix}")
        return target.relative_to(site_root / "content").as_posix(), target


def _repeated_lines(docs: list[RawDocument]) -> dict[str, frozenset[str]]:
    """Per source, the (quote-masked) lines found on at least half of its pages."""
    groups: dict[str, list[RawDocument]] = defaultdict(list)
    for doc in docs:
        if not doc.is_html:
            groups[_source_key(doc)].append(doc)
    repeated = {}
    for key, members in groups.items():
        if len(members) < REPEAT_MIN_PAGES:
            continue
        counts = Counter()
        for doc in members:
            counts.update({mask_quotes(line.strip()) for line in normalize_text(doc.text).split("\n") if line.strip()})
        limit = max(3, REPEAT_SHARE * len(members))
        repeated[key] = frozenset(line for line, n in counts.items() if n >= limit)
    return repeated


def _progress(items, total: int, enabled: bool):
    if not enabled or total < 50:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, unit="doc", disable=not sys.stderr.isatty(), leave=False)


def import_paths(site_root: Path, paths: list[Path], config: SiteConfig, force: bool = False,
                 now: datetime | None = None, progress: bool = True) -> ImportReport:
    """Import every raw file under `paths` into `site_root`'s articles; never raises for bad input."""
    now = now or datetime.now(timezone.utc)
    report = ImportReport()
    state = load_state(site_root)
    docs: list[tuple[RawDocument, str, str]] = []  # each document with its provenance and its file's
    stamps: dict[str, tuple[Path, str]] = {}  # shown name → (raw file in content/raw, its state key)
    copies: dict[str, Path] = {}  # a file's provenance → its copy made in content/raw/ by this import
    used: set[str] = set()  # files at least one document of which went through
    for path in find_raw_files(paths):
        shown = _shown(path, site_root)
        if not path.exists():
            report.errors.append(SiteError(shown, "no such file or folder"))
            continue
        found, errors = read_raw(path, shown)
        report.errors += errors
        if found:
            ref, copy_to = _raw_ref(path, site_root)
            if copy_to is not None and not copy_to.exists():
                write_atomic(copy_to, path.read_bytes())  # never half a file, for a build to import
                copies[ref] = copy_to
            kept = site_root / "content" / ref
            stamps[shown] = (kept, kept.relative_to(site_root).as_posix())
            for doc in found:
                docs.append((doc, f"{ref}:{doc.line}" if doc.line else ref, ref))
    report.notes += [f"{doc.shown}: {doc.note}" for doc, _, _ in docs if doc.note]
    repeated = _repeated_lines([doc for doc, _, _ in docs])
    index = DuplicateIndex(state["articles"])
    owners = {entry["path"]: article_id for article_id, entry in state["articles"].items()}
    try:
        for doc, ref, file_ref in _progress(docs, len(docs), progress):
            try:
                _import_one(site_root, doc, ref, config, state, owners, index,
                            repeated.get(_source_key(doc), frozenset()), force, now, report)
                used.add(file_ref)
            except SiteError as exc:  # named by file and line (RawDocument.error), as the reading errors are
                report.errors.append(exc)
            except OSError as exc:
                report.errors.append(doc.error(f"could not write the article: {exc.strerror or exc}"))
            except (ValueError, LookupError, TypeError, RecursionError) as exc:
                # A page odd enough to trip a parser (lxml, trafilatura): that page fails, not the import.
                report.errors.append(doc.error(f"could not be read as an article ({type(exc).__name__}: {exc})"))
    except BaseException:
        save_state(site_root, state)  # an interrupted import still knows what it wrote
        raise
    # A copy nothing came from would be imported again, and fail again, by every build.
    for ref in copies.keys() - used:
        copies[ref].unlink(missing_ok=True)
    report.failed = len(report.errors)
    failed = {str(error.path) for error in report.errors}
    for shown, (kept, key) in stamps.items():
        if shown not in failed and kept.exists():
            state["raw"][key] = _stamp(kept)
    save_state(site_root, state)
    return report


STAMPS_KEY = "sha256[:16] by (mtime_ns, size, inode)"


def _stamp(path: Path) -> str:
    """What a raw file held when it was imported: by content, so a fresh clone has nothing new."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _import_one(site_root: Path, doc: RawDocument, ref: str, config: SiteConfig, state: dict,
                owners: dict[str, str], index: DuplicateIndex, repeated: frozenset[str], force: bool, now: datetime,
                report: ImportReport) -> None:
    known = state["articles"].get(doc.id)
    if known and known.get("raw") != ref and not force:
        report.duplicates += 1
        report.notes.append(f"{doc.shown}: same id as article {doc.id} (from {known.get('raw')}); skipped")
        return
    if known and not force:
        target = site_root / known["path"]
        if target.exists() and _sha(target.read_bytes()) != known["sha256"]:
            report.notes.append(f"{known['path']}: edited by hand since import; kept (use --force to replace it, "
                                f"the old file is backed up)")
        report.skipped += 1
        return
    prepared = prepare(doc, config, ref, now, repeated)
    same = index.same_body(prepared.key)
    if same and same != doc.id:
        report.duplicates += 1
        report.notes.append(f"{doc.shown}: same text as article {same}; skipped")
        return
    near = index.near(prepared.hashes)
    if near and near != doc.id:
        prepared.meta["duplicate_of"] = near
        report.near_duplicates += 1
    text = article_text(prepared.meta, prepared.body)
    target = _target_path(site_root, prepared.meta, known, owners)
    if known and force:
        old = site_root / known["path"]
        if old.exists() and _sha(old.read_bytes()) != known["sha256"]:
            backup = old.with_name(old.name + f".bak-{now:%Y%m%d%H%M%S}")
            shutil.copy2(old, backup)
            report.notes.append(f"{known['path']}: edited by hand; replaced, old file kept as {backup.name}")
        if old != target and old.exists():
            old.unlink()
    data = text.encode("utf-8")
    write_atomic(target, data)
    rel = target.relative_to(site_root).as_posix()
    owners[rel] = doc.id
    state["articles"][doc.id] = {"path": rel, "sha256": _sha(data), "body": prepared.key,
                                 "sketch": prepared.hashes, "raw": ref}
    index.add(doc.id, prepared.key, prepared.hashes)
    report.imported += 1


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _holds_article(path: Path, article_id: str) -> bool:
    """Whether the file at `path` is this article's, by the id in its front matter."""
    try:
        with open(path, encoding="utf-8") as f:
            head = f.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return f'\nid: "{article_id}"\n' in head


def _target_path(site_root: Path, meta: dict, known: dict | None, owners: dict[str, str]) -> Path:
    """content/articles/YYYY/MM/<slug>.md; a file of another article there gets its id appended.

    `owners` maps the articles' paths (relative to the site) to their ids.
    """
    date = datetime.fromisoformat(meta["date"])
    folder = ARTICLES_DIR / f"{date:%Y}" / f"{date:%m}"
    slug = slugify(meta["title"])
    rel = (folder / f"{slug}.md").as_posix()
    mine = known["path"] if known else None
    if rel != mine and _holds_article(site_root / rel, meta["id"]):
        mine = rel  # written by an import that was killed before it could record it
    if owners.get(rel, meta["id"]) != meta["id"] or (rel != mine and (site_root / rel).exists()):
        rel = (folder / f"{slug}-{meta['id'][:8]}.md").as_posix()
    return site_root / rel


def import_new_raw(site_root: Path, config: SiteConfig, now: datetime | None = None) -> ImportReport | None:
    """For the build: import raw files that are new or changed since the last import; None when there are none."""
    raw_dir = site_root / RAW_DIR
    if not raw_dir.is_dir():
        return None
    seen = load_state(site_root)["raw"]
    # A file's stamp is a hash of its bytes; reading every raw file on every build is kept to the
    # files written since the last build (by their stat signature, in .cache/).
    stamps = Memo(site_root, "raw-stamps")
    known, current, fresh = stamps.get(STAMPS_KEY) or {}, {}, []
    for path in find_raw_files([raw_dir]):
        ref = path.relative_to(site_root).as_posix()
        signature = file_signature(path)
        entry = known.get(ref)
        stamp = entry[1] if entry is not None and entry[0] == signature else _stamp(path)
        current[ref] = (signature, stamp)
        if seen.get(ref) != stamp:
            fresh.append(path)
    if current != known:
        stamps.put(STAMPS_KEY, current)
    if not fresh:
        return None
    return import_paths(site_root, fresh, config, now=now, progress=False)
