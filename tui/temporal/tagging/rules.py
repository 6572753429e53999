"""What a rule is: a pattern over folded text and how to read what it matched in context."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Literal

from msgspec import Struct

if TYPE_CHECKING:
    from tui.temporal.tagging.context import Context

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
_DIGIT = re.compile(r"\d")


class Reading(Struct, frozen=True):
    """What a matched expression means: its TIMEX3 type and ISO-TimeML value (and modifier)."""

    type: TimexType
    value: str
    mod: str | None = None
    focus: date | None = None  # the day it names explicitly, which then anchors what follows
    local: bool = False  # a clock time in a place's local time, its zone not said: see values._local
    until_now: bool = False  # "depuis le début de l'année": from then up to the publication


class LazyPattern:
    """A regular expression of the time reader compiled when first used, not when its module is imported: the
    app reads the bundled report's few time expressions as it starts, and most of these patterns (the
    tests that tell an age from a duration, a clock time from a count of hours) meet none of them. Python
    compiles a pattern in about a millisecond."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)


class Rule:
    """A family's pattern (over folded text, whole words) and its reader: ``read(match, context)`` gives the
    :class:`Reading` of a time expression. The cues of relations are rules too (``relations.cue_rules``), each
    read by ``read(match)`` into the gap it gives.

    ``priority`` breaks ties between overlapping matches of the same length: the higher wins. The pattern
    is compiled when first searched with, not when the rule is made: the engine reads a report's few time
    expressions through these rules as the app starts, and most rules never meet a word they could match
    (``needs``: for each of a few parts of it, words one of which every match holds, or a digit, derived by
    :mod:`tui.temporal.tagging.needs`; a text without them is not searched at all).
    """

    __slots__ = ("_pattern", "language", "name", "needs", "priority", "read", "source")

    def __init__(
        self,
        name: str,
        source: str,
        read: Callable[[re.Match[str], Context], Reading | None] | Callable[[re.Match[str]], object],
        priority: int = 0,
        language: str | None = None,
    ) -> None:
        self.name, self.source, self.read, self.priority = name, source, read, priority
        self.language = language
        # For each of a few parts of the pattern, words one of which every match holds, or a digit (True):
        # see tui.temporal.tagging.needs.
        self.needs: tuple[tuple[tuple[str, ...], bool], ...] | None = None
        self._pattern = LazyPattern(source)

    def may_match(self, folded: str) -> bool:
        """Whether the text holds what every match of the pattern holds (True when that is not known)."""
        if self.needs is None:
            return True
        for words, digit in self.needs:
            if not (any(word in folded for word in words) or (digit and _DIGIT.search(folded) is not None)):
                return False
        return True

    @property
    def pattern(self) -> re.Pattern[str]:
        return self._pattern.compiled


def rule(name: str, pattern: str, read, priority: int = 0, language: str | None = None) -> Rule:
    """A rule whose pattern matches whole words only."""
    return Rule(name, rf"(?<![\w-]){pattern}(?![\w])", read, priority, language)
