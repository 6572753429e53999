"""The article's sentence indexes: the text's sentences (:class:`Sentences`) and the events told in a stretch
of it (:class:`SentenceIndex`), each answered by bisection, so that a cursor move in the article of a report of
100 000 events stays instant. Nothing here imports Textual.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import overload

from tui.model import Span
from tui.model.sentences import sentences_of
from tui.temporal import ResolvedEvent


class Sentences(Sequence[tuple[int, int]]):
    """The text's sentences as ``(start, end)`` (:func:`tui.model.sentences.sentences_of`), kept in two
    machine arrays: a report of 100k sentences takes 1.6 MB, not the 12 MB of a list of pairs."""

    def __init__(self, text: str) -> None:
        self.starts, self.ends = array("q"), array("q")
        for start, end in sentences_of(text):
            self.starts.append(start)
            self.ends.append(end)
        if not self.starts:
            self.starts.append(0)
            self.ends.append(0)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index], strict=True))
        return self.starts[index], self.ends[index]

    def at(self, offset: int) -> int:
        """The sentence that holds ``offset``, or the last one that starts before it."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def first_overlapping(self, span: Span) -> int:
        """The first sentence that overlaps ``span`` (0 if none)."""
        index = self.at(span.start)
        if self.ends[index] <= span.start and index + 1 < len(self) and self.starts[index + 1] < span.end:
            index += 1
        return index if overlaps(span, *self[index]) else 0


class SentenceIndex:
    """The events told in a stretch of text, found by bisection over their sentences (sorted by start),
    not by a pass over every event: a cursor move in the article of 100k events stays instant."""

    def __init__(self, rows: Sequence[ResolvedEvent]) -> None:
        spans = sorted((span.start, span.end, place) for place, row in enumerate(rows) for span in row.event.sentences)
        self.rows = rows
        self.starts = array("q", [start for start, _, _ in spans])
        self.ends = array("q", [end for _, end, _ in spans])
        self.places = array("q", [place for _, _, place in spans])
        self.reach = max((end - start for start, end, _ in spans), default=0)  # the longest sentence of an event

    def overlapping(self, start: int, end: int) -> list[ResolvedEvent]:
        """The events with a sentence overlapping ``[start, end)``, in the order of ``rows``."""
        first = bisect_left(self.starts, start - self.reach)
        last = bisect_left(self.starts, end)
        places = {self.places[i] for i in range(first, last) if self.ends[i] > start}
        return [self.rows[place] for place in sorted(places)]


def overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end
