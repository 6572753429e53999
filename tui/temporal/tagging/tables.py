"""The tagger's word tables, kept as data: ``resources/<language>/<kind>.txt``, as HeidelTime keeps its
repattern and normalization resources.

A table file holds one entry a line, ``word<TAB>value`` (or a word alone, where only the word matters);
``#`` starts a comment, blank lines are skipped, words are written folded (lower case, no accents, see
:func:`tui.temporal.tagging.lexicon.fold`). A table is read on first use and kept (``functools.cache``):
nothing here runs when ``tui`` is imported, only when the tagger is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

RESOURCES = Path(__file__).with_name("resources")


@cache
def entries(language: str, kind: str) -> tuple[tuple[str, str], ...]:
    """The (word, value) pairs of one table, in file order; the value is "" for a word alone."""
    pairs = []
    for number, raw in enumerate((RESOURCES / language / f"{kind}.txt").read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        word, _, value = line.partition("\t")
        word = word.strip()
        if not word or word != word.lower():
            raise ValueError(f"{language}/{kind}.txt line {number}: {raw!r} is not a folded word")
        pairs.append((word, value.strip()))
    return tuple(pairs)


def table(kind: str, convert: Callable[[str], T] = str, languages: tuple[str, ...] = ("fr", "en")) -> dict[str, T]:
    """One kind of table, its languages merged (the first language's entries first)."""
    merged: dict[str, T] = {}
    for language in languages:
        if (RESOURCES / language / f"{kind}.txt").is_file():
            merged.update((word, convert(value)) for word, value in entries(language, kind))
    return merged


def words(kind: str, languages: tuple[str, ...] = ("fr", "en")) -> tuple[str, ...]:
    """The words of a table whose values do not matter."""
    return tuple(table(kind, str, languages))
