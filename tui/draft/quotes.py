"""Find quotations by their marks: “…”, «…», "…", nested quotes, mixed marks («…”) and a « re-opened at
the start of each paragraph of a quotation that runs over several (the French convention).

Works on the original text, so every span is verbatim; no parsing is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«"
CLOSERS = "”»"
STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class FoundQuote:
    start: int  # the opening mark
    end: int  # after the closing mark
    depth: int  # 0: a quote in the report's voice; 1: a quote inside a quote
    paragraphs: int  # how many paragraphs it runs over


def find_quotes(text: str) -> list[FoundQuote]:
    """Every quotation in ``text``, marks included, in document order (outer before inner)."""
    found: list[FoundQuote] = []
    stack: list[tuple[int, int]] = []  # (start, paragraphs so far)
    straight_open: int | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\n" and stack:
            # A paragraph break inside an open quotation: it goes on only if the next paragraph re-opens it.
            match = re.compile(r"\n\s*").match(text, i)
            after = match.end() if match else i + 1
            if after < len(text) and text[after] in OPENERS and len(stack) == 1:
                start, paragraphs = stack[0]
                stack[0] = (start, paragraphs + 1)
                i = after + 1
                continue
            stack.clear()  # never closed: not a quotation we can delimit
        elif char in OPENERS:
            stack.append((i, 1))
        elif char in CLOSERS and stack:
            start, paragraphs = stack.pop()
            found.append(FoundQuote(start, i + 1, len(stack), paragraphs))
        elif char == STRAIGHT:
            if straight_open is None:
                straight_open = i
            else:
                found.append(FoundQuote(straight_open, i + 1, len(stack), 1))
                straight_open = None
        if char == "\n":
            straight_open = None
        i += 1
    found.sort(key=lambda q: (q.start, -q.end))
    return found
