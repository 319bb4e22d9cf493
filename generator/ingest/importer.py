"""The import run: raw files in, one Markdown article each out, nothing lost on the way.

Each file is read (read.py), each document cleaned and given its front matter (prepare.py),
checked against the articles already there (duplicates.py) and written (article_file.py); what
was written is recorded in content/.imports.json (state.py).
"""

import hashlib
import shutil
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

from generator.core.paths import ARTICLES_DIR, RAW_DIR
from generator.core.atomic import write_atomic
from generator.core.config import SiteConfig
from generator.core.errors import DISK_ERRORS, SiteError
from generator.core.slug import slugify
from generator.ingest.article_file import article_text
from generator.ingest.clean.normalize import mask_quotes, normalize_text
from generator.ingest.duplicates import DuplicateIndex
from generator.ingest.prepare import prepare
from generator.ingest.raw_files import find_raw_files, raw_stamp
from generator.ingest.read import RawDocument, read_raw
from generator.ingest.state import load_state, save_state

REPEAT_SHARE = 0.5  # a line on at least half of a source's pages (and on 3 or more) is boilerplate
REPEAT_MIN_PAGES = 5


@dataclass
class ImportReport:
    """What an import did: counts for the one-line summary, and every error and note."""

    imported: int = 0  # articles written
    skipped: int = 0  # imported before and not forced: left as they are
    duplicates: int = 0  # the id or the text of an article imported before: not written
    failed: int = 0  # len(errors), once the run is over
    near_duplicates: int = 0  # written, and marked duplicate_of the article they repeat
    errors: list[SiteError] = field(default_factory=list)  # one per file, record or document that failed
    notes: list[str] = field(default_factory=list)  # what the user should know about the run
    written: list[str] = field(default_factory=list)  # the articles written, relative to the site
    unchanged: list[str] = field(default_factory=list)  # inputs imported before and left as they are

    def summary(self) -> str:
        near = f" ({self.near_duplicates} marked duplicate_of)" if self.near_duplicates else ""
        return (f"imported {self.imported}{near}, skipped {self.skipped}, "
                f"duplicates {self.duplicates}, failed {self.failed}")


def _source_key(doc: RawDocument) -> str:
    """Pages of one site share boilerplate: group by web host when known, else by folder."""
    if doc.url:
        return urlparse(doc.url).netloc.removeprefix("www.")
    return str(Path(doc.file).parent)


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


def _repeated_lines(docs: list[RawDocument], texts: list[str | None]) -> dict[str, frozenset[str]]:
    """Per source, the (quote-masked) lines found on at least half of its pages; `texts` are the
    documents' normalised texts (None for HTML)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for doc, text in zip(docs, texts):
        if text is not None:
            groups[_source_key(doc)].append(text)
    repeated = {}
    for key, members in groups.items():
        if len(members) < REPEAT_MIN_PAGES:
            continue
        counts = Counter()
        for text in members:
            counts.update({mask_quotes(line.strip()) for line in text.split("\n") if line.strip()})
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
    # Normalised once: the lines a source repeats are counted in these texts, and they are cleaned.
    texts = [None if doc.is_html else normalize_text(doc.text) for doc, _, _ in docs]
    repeated = _repeated_lines([doc for doc, _, _ in docs], texts)
    index = DuplicateIndex(state["articles"])
    owners = {entry["path"]: article_id for article_id, entry in state["articles"].items()}
    try:
        for (doc, ref, file_ref), text in _progress(zip(docs, texts), len(docs), progress):
            try:
                _import_one(site_root, doc, text, ref, config, state, owners, index,
                            repeated.get(_source_key(doc), frozenset()), force, now, report)
                used.add(file_ref)
            except SiteError as exc:  # named by file and line (RawDocument.error), as the reading errors are
                report.errors.append(exc)
            except OSError as exc:
                if exc.errno in DISK_ERRORS:
                    raise  # every article after this one would fail the same way
                report.errors.append(doc.error(f"could not write the article: {exc.strerror or exc}"))
            except (ValueError, LookupError, TypeError, RecursionError) as exc:
                # A page odd enough to trip a parser (lxml, trafilatura): that page fails, not the import.
                report.errors.append(doc.error(f"could not be read as an article ({type(exc).__name__}: {exc})"))
    except BaseException:
        try:
            save_state(site_root, state)  # an interrupted import still knows what it wrote
        except OSError:
            pass  # a full disk: the next import finds the files it wrote by their ids
        raise
    # A copy nothing came from would be imported again, and fail again, by every build.
    for ref in copies.keys() - used:
        copies[ref].unlink(missing_ok=True)
    report.failed = len(report.errors)
    failed = {str(error.path) for error in report.errors}
    for shown, (kept, key) in stamps.items():
        if shown not in failed and kept.exists():
            state["raw"][key] = raw_stamp(kept)
    save_state(site_root, state)
    return report


def _import_one(site_root: Path, doc: RawDocument, normalized: str | None, ref: str, config: SiteConfig,
                state: dict, owners: dict[str, str], index: DuplicateIndex, repeated: frozenset[str], force: bool,
                now: datetime, report: ImportReport) -> None:
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
        report.unchanged.append(doc.shown)
        return
    prepared = prepare(doc, config, ref, now, repeated, normalized)
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
    report.written.append(rel)


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
