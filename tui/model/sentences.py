"""Split a report's text into sentences, as character offsets.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quote marks after it) followed by white
space, or at a line break; a headline or a trailer without a full stop is a sentence of its own. Quotes
that run over several sentences are split like any other text: callers that need whole quotes use spans.
"""

from __future__ import annotations

import re

_END = re.compile(r"""[.!?…]+[”»"’]*(?=\s|$)|\n""")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, without surrounding white space, in order."""
    sentences = []
    start = 0
    for match in _END.finditer(text):
        _add(text, start, match.end(), sentences)
        start = match.end()
    _add(text, start, len(text), sentences)
    return sentences


def _add(text: str, start: int, end: int, sentences: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        sentences.append((offset, offset + len(stripped)))
