"""Numbers as text: how postings and word positions are written into the shards the search scripts read.

Every number is a run of base-32 digits: every digit but the last from MORE_DIGITS, the last from
LAST_DIGITS, so a list of numbers is one short string that needs no separators. A posting list is
doc, impact, doc step, impact …; the positions of a word in one article are its count, then its
first position and the steps between the rest.
"""

import re
from itertools import accumulate
from operator import sub

LAST_DIGITS = "0123456789abcdefghijklmnopqrstuv"
MORE_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"


def _encode_number(n: int) -> str:
    digits = LAST_DIGITS[n & 31]
    n >>= 5
    while n:
        digits = MORE_DIGITS[n & 31] + digits
        n >>= 5
    return digits


# The codes of 0 … 32767 (up to three digits), made digit by digit: a third of the import time otherwise.
_CODES = list(LAST_DIGITS) + [m + last for m in MORE_DIGITS[1:] for last in LAST_DIGITS] + \
    [m1 + m2 + last for m1 in MORE_DIGITS[1:] for m2 in MORE_DIGITS for last in LAST_DIGITS]
ONCE_POSITIONS = [_CODES[1] + code for code in _CODES]  # the positions of a word found once, by its place


def encode_numbers(numbers: list[int]) -> str:
    """Non-negative integers as one compact string (see LAST_DIGITS/MORE_DIGITS)."""
    if max(numbers, default=0) < len(_CODES):
        return "".join(map(_CODES.__getitem__, numbers))
    return "".join(map(_encode_number, numbers))


_TOKEN = re.compile(f"[{re.escape(MORE_DIGITS)}]*[{LAST_DIGITS}]")  # one encoded number


class _Values(dict):
    """Encoded number → its value: looked up for short ones, worked out (and kept) for the rest."""

    def __missing__(self, token: str) -> int:
        n = 0
        for ch in token[:-1]:
            n = n * 32 + MORE_DIGITS.index(ch)
        self[token] = n = n * 32 + LAST_DIGITS.index(token[-1])
        return n


_VALUES = _Values()
token_value = _VALUES.__getitem__


def number_tokens(text: str) -> list[str]:
    """Encoded numbers, each as its own string."""
    return _TOKEN.findall(text)


def decode_numbers(text: str) -> list[int]:
    """The inverse of encode_numbers."""
    return list(map(token_value, _TOKEN.findall(text)))


def encode_positions(places: list[int]) -> str:
    """A word's positions in one article (ascending): the count, the first, then the steps."""
    return encode_numbers([len(places), *map(sub, places, [0] + places)])


def decode_positions(text: str) -> list[int]:
    """The inverse of encode_positions."""
    return list(accumulate(decode_numbers(text)[1:]))


def _encode_flat(flat: list[int]) -> str:
    """doc, impact, doc, impact … with each doc number as the step from the one before."""
    deltas = flat[:]
    deltas[2::2] = map(sub, flat[2::2], flat[:-2:2])
    return encode_numbers(deltas)


def encode_postings(docs, impacts) -> str:
    """A posting list from its doc numbers (ascending) and their impacts."""
    flat = [0] * (2 * len(docs))
    flat[::2], flat[1::2] = docs, impacts
    return _encode_flat(flat)


def decode_postings(text: str) -> tuple[list[int], list[int]]:
    """(doc numbers, impacts): the inverse of encode_postings."""
    numbers = decode_numbers(text)
    return list(accumulate(numbers[::2])), numbers[1::2]
