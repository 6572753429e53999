"""Approximate times of day: "vers 14h", "aux alentours de 20h", "peu après 14h", "peu avant l'aube".

One reader of these words for the whole engine: the tagger reads them (the clock rules and, before any
other time of day, :func:`prefix`), :func:`widen` turns their mod into an interval, and the engine's
``expressions.normalise`` reads a time span through the tagger, so both give the same interval.

The rule (the words and their mods are data: ``resources/<language>/approximation.txt``):

- APPROX ("vers", "aux alentours de", "autour de", "environ", "à peu près"): 30 minutes either side of a
  clock time ("vers 14h" is 13:30-14:30), an hour either side of a part of the day;
- AFTER ("peu après", "juste après"): the hour after it ("peu après 14h" is 14:00-15:00; after a part of
  the day, the hour after its start);
- BEFORE ("peu avant", "juste avant"): the hour before it ("peu avant 14h" is 13:00-14:00; "peu avant
  l'aube", the hour before the morning's start).

The value keeps its TimeML form (``2022-09-11T14:00``); the mod says how it is widened.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache

from tui.temporal.tagging.lexicon import alternatives
from tui.temporal.tagging.tables import table

CLOCK_SPREAD = timedelta(minutes=30)  # APPROX around a clock time, either side
PART_SPREAD = timedelta(hours=1)  # APPROX around a part of the day, either side
NEAR = timedelta(hours=1)  # how far "peu après" / "peu avant" reach

MODS = table("approximation")  # folded words -> APPROX, AFTER or BEFORE


def words_pattern() -> str:
    """A regular-expression alternation of the approximation words, longest first, any white space between."""
    return alternatives(MODS, spaced=True)


def mod_of(words: str) -> str | None:
    """The mod of approximation words as matched ("peu  apres" included), or None."""
    return MODS.get(" ".join(words.split()))


@cache
def _before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?P<words>{words_pattern()})\s+$")


def prefix(folded: str, start: int, floor: int) -> tuple[int, str] | None:
    """Approximation words just before ``start`` (and not before ``floor``): their start and mod, or None."""
    found = _before().search(folded, max(floor, start - 24), start)
    if found is None:
        return None
    return found.start(), MODS[" ".join(found.group("words").split())]


@cache
def _leading() -> re.Pattern[str]:
    words = words_pattern()
    return re.compile(rf"^(?:{words})\s+|(?<=\s)(?:{words})\s+(?=\d|midi|minuit|noon|midnight)")


def without_words(folded: str) -> str:
    """A folded expression without the approximation words that open it, or its clock time in a day and its
    clock time read as one (compounds.py): "peu apres 14h" -> "14h", "hier soir peu apres 23 h" -> "hier soir
    23 h"."""
    return _leading().sub("", folded)


def widen(lo: datetime, hi: datetime, mod: str | None, part_of_day: bool) -> tuple[datetime, datetime] | None:
    """The interval of an approximate time of day [lo, hi), or None if ``mod`` is no approximation."""
    if mod == "APPROX":
        spread = PART_SPREAD if part_of_day else CLOCK_SPREAD
        return lo - spread, (hi if part_of_day else lo) + spread
    if mod == "AFTER":
        return lo, lo + NEAR
    if mod == "BEFORE":
        return lo - NEAR, lo
    return None
