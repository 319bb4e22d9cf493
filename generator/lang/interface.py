"""The interface's strings in a site's language, string by string from the first file that has it:
the site's own i18n/<tag>.yaml (Hugo's place for them), then the built-in strings/<tag>.yaml,
each for the full tag ('pt-BR') before its language ('pt'), and English last. So a language
without a file of its own still shows every string, in English where nothing says otherwise.
"""

import functools
from pathlib import Path

from generator.core.errors import SiteError
from generator.core.paths import I18N_DIR
from generator.core.yamlio import YAMLError, error_line, error_problem, load_yaml
from generator.lang import base_code
from generator.lang.cldr import plural_categories

BUILT_IN = Path(__file__).with_name("strings")
FALLBACK = "en"
# Strings that say how many of something there are: one text per CLDR plural category.
COUNTED = frozenset({"articles_count", "search_results"})

Strings = dict[str, str | dict[str, str]]


def _candidates(tag: str) -> list[str]:
    """File names to try for a tag, most particular first: 'pt-br', 'pt' (compared in lower case)."""
    full = tag.replace("_", "-").lower()
    return list(dict.fromkeys([full, base_code(tag)]))


def _files(folder: Path) -> dict[str, Path]:
    """The strings files of a folder by their lower-case tag: pt-BR.yaml and pt_br.yaml are both 'pt-br'."""
    if not folder.is_dir():
        return {}
    return {p.stem.replace("_", "-").lower(): p for p in sorted(folder.glob("*.yaml")) if p.is_file()}


def _parse(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SiteError(path, "is not UTF-8 text") from None
    try:
        return load_yaml(text)
    except YAMLError as exc:
        raise SiteError(path, f"invalid YAML: {error_problem(exc)}", error_line(exc)) from None


def _checked(path: Path, data, tag: str) -> Strings:
    """A strings file's mapping, or a SiteError that names the file and what is wrong in it."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SiteError(path, "must be a mapping of interface strings (key: text)")
    known = english()
    categories = sorted(plural_categories(tag))
    checked: Strings = {}
    for key, value in data.items():
        if key not in known:
            raise SiteError(path, f"unknown key '{key}' (known: {', '.join(sorted(known))})")
        if key in COUNTED and isinstance(value, str):
            value = {"other": value}
        if key not in COUNTED:
            if not isinstance(value, str):
                raise SiteError(path, f"'{key}' must be text, not {value!r}")
        elif not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise SiteError(path, f"'{key}' must map plural forms ({', '.join(categories)}) to text")
        elif "other" not in value:
            raise SiteError(path, f"'{key}' needs the form 'other', for every count no other form takes")
        else:
            unknown = sorted(set(value) - set(categories))
            if unknown:
                raise SiteError(path, f"'{key}': '{unknown[0]}' is not a plural form of '{tag}' "
                                      f"(its forms: {', '.join(categories)})")
        checked[key] = value
    return checked


@functools.cache
def _built_in(name: str) -> Strings:
    """A built-in file's strings; they are ours, so a mistake in one fails the tests, not a build."""
    data = _parse(BUILT_IN / f"{name}.yaml")
    return dict(data or {})


@functools.cache
def english() -> Strings:
    """Every string the interface has, in English: the keys a strings file may hold."""
    return _built_in(FALLBACK)


def built_in_languages() -> list[str]:
    """The tags that have a built-in strings file."""
    return sorted(p.stem for p in BUILT_IN.glob("*.yaml"))


def site_strings_files(site_root: Path | None, tag: str) -> list[Path]:
    """The site's own strings files for `tag`, most particular first."""
    if site_root is None:
        return []
    files = _files(site_root / I18N_DIR)
    return [files[name] for name in _candidates(tag) if name in files]


def load_strings(site_root: Path | None, tag: str) -> Strings:
    """Every interface string for a site in language `tag`, each from the first file that has it."""
    built_in = _files(BUILT_IN)
    layers = [_built_in(FALLBACK)]
    layers += [_built_in(built_in[name].stem) for name in reversed(_candidates(tag)) if name in built_in]
    layers += [_checked(path, _parse(path), tag) for path in reversed(site_strings_files(site_root, tag))]
    merged: Strings = {}
    for layer in layers:
        merged.update(layer)
    return merged
