"""A drafted event as the drafter builds it: a clause (or an event noun) of the report, before it is
written out as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.draft.times import FoundTime


@dataclass
class Clause:
    head: Any  # the spaCy token heading the clause
    sentence: int  # index into the sentences
    start: int  # character span of the clause
    end: int
    kind: str
    how: str
    confidence: float
    speech: bool = False
    in_quote: bool = False
    id: str = ""
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    time: FoundTime | None = None
    extra_sentences: list[int] = field(default_factory=list)
    nominal: bool = False
    tense_head: Any = None  # the verb an elided clause shares ('puis les syndicats'): its tense
