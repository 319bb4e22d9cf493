"""YAML reading shared by site.yaml and front matter: the fast safe loader, and error lines for people."""

import json
import re
from datetime import date, datetime

import yaml

try:  # libyaml is ~10x faster and ships in PyPI's wheels; the pure-Python loader is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

YAMLError = yaml.YAMLError


class _UniqueKeysLoader(_Loader):
    """YAML says a mapping's keys are unique, yet PyYAML keeps the last of two silently: a title
    given twice would show one of them with no word of the other."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"the key '{key.value}' is given twice",
                                                            key.start_mark)
                seen.add(key.value)
        return super().construct_mapping(node, deep)


def load_yaml(text: str):
    # A subclass of CSafeLoader or SafeLoader: bandit cannot see that through the alias.
    return yaml.load(text, Loader=_UniqueKeysLoader)  # nosec B506


def error_line(exc: yaml.YAMLError) -> int | None:
    """1-based line where a YAML error starts: the opening of an unclosed construct, else where parsing stopped."""
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark else None


def error_problem(exc: yaml.YAMLError) -> str:
    return getattr(exc, "problem", None) or str(exc).splitlines()[0]


# Front matter as importers and corpus tools write it: one `key: value` per line, values that are
# JSON strings, JSON lists of strings, ISO dates, true/false or plain words. Reading that directly
# is ~10x cheaper than a YAML parse; anything else takes the full YAML path.
_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): (.+)")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_PLAIN_SCALAR = re.compile(r"[A-Za-z][A-Za-z0-9 ._-]*[A-Za-z0-9.]|[A-Za-z]")
_YAML_WORDS = {"yes", "no", "on", "off", "null", "true", "false", "y", "n"}


def _simple_value(value: str):
    if value[0] == '"':
        if "\\u" in value or not value.endswith('"'):
            return _NO
        try:
            parsed = json.loads(value)
        except ValueError:
            return _NO
        return parsed if isinstance(parsed, str) and parsed.isprintable() else _NO
    if value[0] == "[":
        try:
            parsed = json.loads(value)
        except ValueError:
            return _NO
        if isinstance(parsed, list) and all(isinstance(v, str) and v.isprintable() for v in parsed) and "\\u" not in value:
            return parsed
        return _NO
    if value in ("true", "false"):
        return value == "true"
    if _TIMESTAMP.fullmatch(value) or _DAY.fullmatch(value):
        try:
            return (datetime if "T" in value else date).fromisoformat(value)
        except ValueError:
            return _NO  # not in the calendar ("2024-02-30"): the YAML path says so
    if _PLAIN_SCALAR.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    return _NO


_NO = object()
_DATE_START = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def impossible_date_line(text: str) -> int | None:
    """1-based line of the first value written as a date that the calendar does not have; YAML
    reads it as a date and then fails without saying where."""
    for number, line in enumerate(text.splitlines(), 1):
        match = _LINE.fullmatch(line.strip())
        found = _DATE_START.match(match.group(2)) if match else None
        if found:
            try:
                date(*map(int, found.groups()))
            except ValueError:
                return number
    return None


def load_front_matter(text: str):
    """The mapping in a front-matter block: the common simple form read directly, else via YAML."""
    data = {}
    for line in text.splitlines():
        match = _LINE.fullmatch(line)
        value = _simple_value(match.group(2)) if match else _NO
        if value is _NO or match.group(1) in data:
            return load_yaml(text)
        data[match.group(1)] = value
    return data if data else load_yaml(text)
