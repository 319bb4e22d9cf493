"""Where templates come from: the site's own templates/ first, then the default theme."""

import hashlib
import traceback
from pathlib import Path

import jinja2
from jinja2 import meta

from generator.core.cache import Memo
from generator.core.paths import CACHE_DIR, TEMPLATES_DIR
from generator.core.errors import SiteError


def theme_dir() -> Path:
    """The default theme: packaged as generator/default_theme in a wheel, the repo's templates/ in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "default_theme"
    return installed if installed.is_dir() else package.parent / "templates"


def template_dirs(site_root: Path) -> list[Path]:
    """Folders searched for a template, first match wins."""
    dirs = [site_root / TEMPLATES_DIR, theme_dir()]
    unique = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique


def make_environment(site_root: Path) -> jinja2.Environment:
    """Jinja2 with autoescape for HTML and XML: everything shown came from scraped pages.

    Compiled templates are kept in .cache/jinja/ (Jinja checks them against the source), so a
    rebuild does not compile the theme again.
    """
    dirs = template_dirs(site_root)
    compiled = site_root / CACHE_DIR / "jinja"
    try:
        compiled.mkdir(parents=True, exist_ok=True)
        bytecode_cache = jinja2.FileSystemBytecodeCache(str(compiled))
    except OSError:
        bytecode_cache = None  # a read-only site still builds, compiling as it goes
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(d) for d in dirs]),
        # "theme/base.html" lets an override extend the template it replaces.
        jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(str(theme_dir()))}),
    ])
    return jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache,
        # Each build (and each preview rebuild after a template edit) makes a new environment, so
        # templates need no stat() on every page rendered.
        auto_reload=False,
    )


def static_files(site_root: Path) -> dict[str, Path]:
    """Output path → file for the theme's static/ folder, overridden file by file by the site's."""
    files: dict[str, Path] = {}
    for d in reversed(template_dirs(site_root)):
        static = d / "static"
        for path in sorted(static.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and path.suffix != ".py" and "__pycache__" not in path.parts:
                files["static/" + path.relative_to(static).as_posix()] = path
    return files


def template_error(exc: Exception, site_root: Path) -> SiteError:
    """A Jinja2 error as one line naming the template file and line."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if filename is None:
        # Runtime errors carry the template position only in the (rewritten) traceback.
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".xml", ".txt")):
                filename, line = frame.filename, frame.lineno
                break
    shown = filename
    if filename:
        path = Path(filename)
        shown = path.relative_to(site_root) if path.is_relative_to(site_root) else path
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        message = f"template {exc.name!r} not found"
    return SiteError(shown, f"template error: {message}", line)


def template_fingerprints(env: jinja2.Environment, site_root: Path) -> dict[str, str]:
    """Template name → digest of its source and of every template it extends, includes or imports.

    A page is re-rendered when the digest of its template changes, so an edit to article.html
    re-renders article pages only, while an edit to base.html re-renders everything.
    """
    sources: dict[str, str] = {}
    filenames: dict[str, str] = {}
    names = [n for n in env.list_templates() if n.endswith((".html", ".xml"))]
    for name in names:
        try:
            sources[name], filenames[name], _ = env.loader.get_source(env, name)
        except jinja2.TemplateError as exc:
            raise template_error(exc, site_root) from None
    # Which templates each one names takes parsing them all; it depends on nothing but their sources.
    memo = Memo(site_root, "template-references")
    key = hashlib.blake2b(repr(sorted(sources.items())).encode(), digest_size=16).hexdigest()
    references: dict[str, set[str]] | None = memo.get(key)
    if references is None:
        references = {}
        for name in names:
            try:
                parsed = env.parse(sources[name], name, filenames[name])
            except jinja2.TemplateError as exc:
                raise template_error(exc, site_root) from None
            references[name] = {r for r in meta.find_referenced_templates(parsed) if r}
        try:
            memo.put(key, references)
        except OSError:
            pass  # a read-only site: parsed again next time

    def closure(name: str, seen: set[str]) -> set[str]:
        if name in seen or name not in sources:
            return seen
        seen.add(name)
        for ref in references[name]:
            closure(ref, seen)
        return seen

    fingerprints = {}
    for name in names:
        digest = hashlib.blake2b(digest_size=16)
        for dependency in sorted(closure(name, set())):
            digest.update(dependency.encode() + b"\0" + sources[dependency].encode() + b"\0")
        fingerprints[name] = digest.hexdigest()
    return fingerprints
