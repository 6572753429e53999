"""Lookups over sorted character spans in O(log n), so that drafting stays linear in the report's length.

The drafter asks the same questions for every mention, clause and time expression ("which sentence holds
this offset?", "is this offset inside a quotation?", "which is the first actor mention after it?"); each
answer used to be a scan of the whole report. These helpers answer them by bisection over sorted starts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Generic, TypeVar

T = TypeVar("T")


class Containing(Generic[T]):
    """Spans sorted by start (they may overlap or nest): which is the first, in that order, to hold an offset.

    ``strict`` spans hold ``start < offset < end``; otherwise ``start <= offset < end``."""

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]], *, strict: bool) -> None:
        self._items = list(items)
        spans = [span(item) for item in self._items]
        assert all(a[0] <= b[0] for a, b in pairwise(spans)), "spans must be sorted by start"
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []  # the furthest end of the spans up to each one: never decreases
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self._reach.append(furthest)
        self._strict = strict

    def first(self, offset: int) -> T | None:
        """The first span (in start order) holding ``offset``, or None."""
        count = bisect_left(self._starts, offset) if self._strict else bisect_right(self._starts, offset)
        # Among the spans starting before ``offset``, the first whose end passes it: the first where the
        # furthest end so far passes it, since that end is its own.
        index = bisect_right(self._reach, offset, 0, count)
        return self._items[index] if index < count else None

    def holds(self, offset: int) -> bool:
        return self.first(offset) is not None


class Starts(Generic[T]):
    """Items sorted by a key (a start offset, a sentence index): those within a range of keys."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int]) -> None:
        self.items = list(items)
        self.keys = [key(item) for item in self.items]
        assert all(a <= b for a, b in pairwise(self.keys)), "items must be sorted"

    def insert(self, item: T, key: int) -> None:
        """Add ``item`` after the items of the same key."""
        index = bisect_right(self.keys, key)
        self.items.insert(index, item)
        self.keys.insert(index, key)

    def between(self, low: int, high: int) -> list[T]:
        """The items with ``low <= key < high``, in order."""
        return self.items[bisect_left(self.keys, low) : bisect_left(self.keys, high)]

    def first_from(self, low: int, high: int | None = None) -> T | None:
        """The first item with ``low <= key`` (and ``key < high`` when given)."""
        index = bisect_left(self.keys, low)
        if index < len(self.items) and (high is None or self.keys[index] < high):
            return self.items[index]
        return None

    def last_before(self, high: int) -> T | None:
        """The last item with ``key < high``."""
        index = bisect_left(self.keys, high)
        return self.items[index - 1] if index else None


class Disjoint:
    """Spans that never overlap, added in any order: does a new span overlap one already taken?"""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # Disjoint spans sorted by start are sorted by end too: only the last one starting before ``end``
        # can reach past ``start``.
        index = bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
