"""The words time expressions are made of, in French and English, as regular-expression fragments.

Every pattern matches the *folded* text (see :func:`fold`): lower case, accents removed, typographic
apostrophes and spaces made plain, with each character kept at its place so that a match's offsets are
offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from tui.temporal.tagging.tables import table

_PLAIN = {"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-", "‑": "-", "\u2010": "-"}


def alternatives(words: Iterable[str], *, spaced: bool = False) -> str:
    """A regular-expression alternation of ``words``, longest first (then in alphabetical order, so that the
    pattern is the same in every process), each escaped; ``spaced``: any run of spaces between a word's parts."""
    ordered = sorted(words, key=lambda word: (-len(word), word))
    if spaced:
        return "|".join(r"\s+".join(map(re.escape, word.split())) for word in ordered)
    return "|".join(map(re.escape, ordered))


def _folded(char: str) -> str:
    plain = _PLAIN.get(char)
    if plain is None:
        lower = char.lower()
        plain = unicodedata.normalize("NFD", lower)[0] if len(lower) == 1 else char
    return plain


# The Latin letters, folded once; other characters (no time word is made of them) are left as they are.
_TABLE = {code: folded for code in range(0x250) if (folded := _folded(chr(code))) != chr(code)}
_TABLE.update({ord(k): v for k, v in _PLAIN.items()})


def fold(text: str) -> str:
    """Lower case without accents, one character for one: offsets into the result are offsets into ``text``."""
    return text.translate(_TABLE)


# The word tables are data (resources/<language>/<kind>.txt, read on first use): see tables.py.
MONTHS = table("months", int)
WEEKDAYS = table("weekdays", int)
# TIMEX3 codes of the parts of the day, and their hours from the day's midnight (night runs into the next day).
PARTS = table("parts_of_day")
PART_HOURS = {"MO": (6, 12), "MI": (12, 14), "AF": (12, 18), "EV": (18, 24), "NI": (22, 30), "DT": (6, 18)}
SEASONS = table("seasons")
_UNITS = table("units")
UNITS = _UNITS
# A unit's length in ISO 8601 duration terms: (designator, multiplier, time part?)
UNIT_ISO = {
    "S": ("S", 1, True), "TM": ("M", 1, True), "H": ("H", 1, True), "D": ("D", 1, False),
    "W": ("W", 1, False), "M": ("M", 1, False), "Q": ("M", 3, False), "HY": ("M", 6, False),
    "Y": ("Y", 1, False), "DE": ("Y", 10, False), "CE": ("Y", 100, False),
}  # fmt: skip

_NUMBER_WORDS = table("number_words", int)
_WORD = alternatives(w.strip() for w in _NUMBER_WORDS)
# "dix-huit", "vingt et un", "quatre-vingt-dix", "deux cents"; or digits, with a decimal comma or point.
# At most 8 words ("mille neuf cent quatre-vingt-dix-neuf" has 7): unbounded, "un un un …" took quadratic time.
NUMBER = rf"(?:\d+(?:[.,]\d+)?|(?:{_WORD})(?:(?:-et-|-| et | )(?:{_WORD})){{0,7}})"
# "18 h", "20 h 30", "15h40", "0 h 40", "20 heures 30", "20:30"
DAY_NUMBER = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])"
ORDINALS = table("ordinals", int)


def number(text: str) -> float | None:
    """The value of a number written in digits or words ("dix-huit", "quatre-vingt-dix", "30,4"), or None."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    total, current = 0, 0
    for token in re.split(r"-et-|-| et | ", text):
        value = _NUMBER_WORDS.get(token)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 20 and current % 100 == 4:  # quatre-vingt(s)
            current = current - 4 + 80
        else:
            current += value
    return float(total + current)


MONTH = alternatives(MONTHS)
WEEKDAY = alternatives(WEEKDAYS)
PART = alternatives(PARTS)
SEASON = alternatives(SEASONS)
UNIT = alternatives(_UNITS)
