"""YAML reading shared by site.yaml and front matter: the fast safe loader, and error lines for people."""

import yaml

try:  # libyaml is ~10x faster and ships in PyPI's wheels; the pure-Python loader is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

YAMLError = yaml.YAMLError


def load_yaml(text: str):
    return yaml.load(text, Loader=_Loader)


def error_line(exc: yaml.YAMLError) -> int | None:
    """1-based line where a YAML error starts: the opening of an unclosed construct, else where parsing stopped."""
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark else None


def error_problem(exc: yaml.YAMLError) -> str:
    return getattr(exc, "problem", None) or str(exc).splitlines()[0]
