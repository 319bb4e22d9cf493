"""What the cleaner learned from the development pages: weights kept as JSON files in models/,
each written by a training script in bench/ (which says how it was fitted).

Training and cross-validation put weights fitted on part of the pages in place of the shipped
ones with `using`, so the cleaner under test is the one that ships.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

MODELS = Path(__file__).with_name("models")
_in_use: dict[str, dict] = {}


@cache
def _shipped(name: str) -> dict:
    return json.loads((MODELS / f"{name}.json").read_text(encoding="utf-8"))


def weights(name: str) -> dict:
    """The weights of model `name`: those put in place by `using`, else the shipped ones."""
    return _in_use[name] if name in _in_use else _shipped(name)


@contextmanager
def using(models: dict[str, dict]) -> Iterator[None]:
    """Within the block the cleaner uses `models` (name → weights) instead of the shipped files."""
    previous = dict(_in_use)
    _in_use.update(models)
    try:
        yield
    finally:
        _in_use.clear()
        _in_use.update(previous)
