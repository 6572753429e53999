"""What a rule is: a pattern over folded text and how to read what it matched in context."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.temporal.tagging.context import Context

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a matched expression means: its TIMEX3 type and ISO-TimeML value (and modifier)."""

    type: TimexType
    value: str
    mod: str | None = None
    focus: date | None = None  # the day it names explicitly, which then anchors what follows
    local: bool = False  # a clock time in a place's local time, its zone not said: see values._local
    until_now: bool = False  # "depuis le début de l'année": from then up to the publication


@dataclass(frozen=True, slots=True)
class Rule:
    """A family's pattern (over folded text, whole words) and its reader.

    ``priority`` breaks ties between overlapping matches of the same length: the higher wins.
    """

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Context], Reading | None]
    priority: int = 0
    language: str | None = None  # the only language whose texts it reads; None: both
    trigger: re.Pattern[str] | None = None  # words without which it cannot match: the text is not searched


def rule(
    name: str, pattern: str, read, priority: int = 0, language: str | None = None, trigger: str | None = None
) -> Rule:
    """A rule whose pattern is compiled to match whole words only."""
    compiled = re.compile(rf"(?<![\w-]){pattern}(?![\w])")
    return Rule(name, compiled, read, priority, language, re.compile(trigger) if trigger else None)
