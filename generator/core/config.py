"""site.yaml: the site's settings as a typed, validated object."""

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.core.errors import BuildFailed, SiteError
from generator.core.paths import CONFIG_NAME
from generator.core.yamlio import YAMLError, error_line, error_problem, load_yaml
from generator.lang import is_known

# A language tag as site.yaml may give it: 'de', 'pt-BR', 'sr-Latn'.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class SiteConfig:
    """Every option of site.yaml; the metadata 'doc' is the one-line reference shown in the README."""

    title: str = field(default="News archive", metadata={"doc": "Site name, shown in every page header and feed."})
    description: str = field(default="", metadata={"doc": "One sentence about the archive, for the home page and feeds."})
    base_url: str = field(
        default="https://example.org/",
        metadata={"doc": "Public address of the site; used only where absolute URLs are required (feeds, sitemap, canonical)."},
    )
    language: str = field(
        default="en",
        metadata={"doc": "Language of the interface, dates and numbers: any language code CLDR knows, e.g. de, fr, pt-BR."},
    )
    timezone: str = field(default="UTC", metadata={"doc": "IANA zone for dates given without an offset, e.g. Europe/Berlin."})
    per_page: int = field(default=20, metadata={"doc": "Articles per listing page."})
    feed_items: int = field(default=20, metadata={"doc": "Entries per Atom feed."})
    related_items: int = field(default=5, metadata={"doc": "Related articles shown under an article."})
    author: str = field(default="", metadata={"doc": "Who runs the archive (footer, feed author)."})
    publisher: str = field(default="", metadata={"doc": "Organisation named as publisher in metadata; defaults to the title."})
    cleaning: dict = field(
        default_factory=dict, hash=False,
        metadata={"doc": "Per-source import rules: source (name or web host, or '*') → {drop: [regex…], cut_after: [regex…], timezone: IANA zone of its times of day}."},
    )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _check_cleaning(path: Path, value) -> None:
    if not isinstance(value, dict):
        raise SiteError(path, f"'cleaning' must map a source to its rules, not {value!r}")
    for source, rules in value.items():
        where = f"'cleaning' → {source!r}"
        if not isinstance(rules, dict):
            raise SiteError(path, f"{where} must be a mapping with 'drop', 'cut_after' and/or 'timezone'")
        for key, patterns in rules.items():
            if key == "timezone":
                _check_source_zone(path, where, patterns)
                continue
            if key not in ("drop", "cut_after"):
                raise SiteError(path, f"{where}: unknown key '{key}' (known: cut_after, drop, timezone)")
            if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
                raise SiteError(path, f"{where} → '{key}' must be a list of regular expressions")
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise SiteError(path, f"{where} → '{key}': bad regular expression {pattern!r} ({exc})") from None


def _check_source_zone(path: Path, where: str, value) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise SiteError(path, f"{where} → 'timezone' is not a known time zone: {value!r}") from None


def _check_type(path: Path, key: str, value, expected: type):
    if key == "cleaning":
        return _check_cleaning(path, value)
    if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise SiteError(path, f"'{key}' must be a whole number, not {value!r}")
    if expected is str and not isinstance(value, str):
        raise SiteError(path, f"'{key}' must be text, not {value!r}")


def config_problems(data: object, path: Path) -> tuple[SiteConfig, list[SiteError]]:
    """The config `data` describes, each setting with a problem left at its default, and every
    problem found: a run reports them all, not one per run."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return SiteConfig(), [SiteError(path, "must be a mapping of settings (key: value)")]
    errors: list[SiteError] = []
    known = {f.name: f for f in fields(SiteConfig)}
    values = {}
    for key, value in data.items():
        if key not in known:
            errors.append(SiteError(path, f"unknown key '{key}' (known: {', '.join(sorted(known))})"))
            continue
        try:
            _check_type(path, key, value, known[key].type)
        except SiteError as error:
            errors.append(error)
            continue
        values[key] = value

    def reject(key: str, message: str) -> None:
        errors.append(SiteError(path, message))
        del values[key]

    if "base_url" in values:
        if not values["base_url"].startswith(("http://", "https://")):
            reject("base_url", f"'base_url' must start with http:// or https://, not {values['base_url']!r}")
        else:
            values["base_url"] = values["base_url"].rstrip("/") + "/"
    if "language" in values:
        language = values["language"]
        if not _LANGUAGE_TAG.fullmatch(language.replace("_", "-")) or not is_known(language):
            reject("language", f"'language' is not a language CLDR knows: {language!r}")
        else:
            values["language"] = language.replace("_", "-")  # pt_BR as HTML's lang wants it: pt-BR
    for key in ("per_page", "feed_items"):
        if values.get(key, 1) < 1:
            reject(key, f"'{key}' must be at least 1, not {values[key]}")
    if values.get("related_items", 0) < 0:
        reject("related_items", f"'related_items' must not be negative, not {values['related_items']}")
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            reject("timezone", f"'timezone' is not a known time zone: {values['timezone']!r}")
    return SiteConfig(**values), errors


def parse_config(data: object, path: Path) -> SiteConfig:
    """Validate the mapping read from `path` and return the config it describes."""
    config, errors = config_problems(data, path)
    _raise(errors)
    return config


def _raise(errors: list[SiteError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise BuildFailed(errors)


def load_config(site_root: Path, overrides: dict | None = None) -> SiteConfig:
    """Read and validate `site_root/site.yaml`, with `overrides` (from the command line) in place of its
    settings; a missing file is an error, since every verb needs a site."""
    config, errors = read_config(site_root, overrides)
    _raise(errors)
    return config


def read_config(site_root: Path, overrides: dict | None = None) -> tuple[SiteConfig, list[SiteError]]:
    """site.yaml's config with every problem it has (see config_problems); only a missing or
    unreadable file raises, since then there is no site to go on with."""
    path = site_root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SiteError(path, f"not found in {site_root.absolute()}: is this a newsarchive site? "
                              f"(create one with 'newsarchive init', or name the site with --site DIR)") from None
    except UnicodeDecodeError:
        raise SiteError(path, "is not UTF-8 text") from None
    try:
        data = load_yaml(text)
    except YAMLError as exc:
        return SiteConfig(), [SiteError(path, f"invalid YAML: {error_problem(exc)}", error_line(exc))]
    if overrides and isinstance(data, dict | None):
        data = {**(data or {}), **overrides}
    return config_problems(data, path)
