"""Split a report's text into sentences, as character offsets.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quote marks after it) followed by white
space, or at a line break; a headline or a trailer without a full stop is a sentence of its own. Quotes
that run over several sentences are split like any other text: callers that need whole quotes use spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = re.compile(r"""[.!?…]+[”»"’]*(?=\s|$)|\n""")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, without surrounding white space, in order."""
    return list(sentences_of(text))


def sentences_of(text: str) -> Iterator[tuple[int, int]]:
    """The same, one at a time (for a caller that keeps them in a more compact form)."""
    start = 0
    for match in _END.finditer(text):
        yield from _stripped(text, start, match.end())
        start = match.end()
    yield from _stripped(text, start, len(text))


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        yield offset, offset + len(stripped)
