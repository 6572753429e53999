"""The article's text laid out in lines: ``(start, end)`` offsets of each line of a text word-wrapped to a
width, worked out a paragraph at a time as the lines are asked for (:class:`WrappedLines`), so that opening a
50 MB report wraps what is on screen, not the whole text.

Rich wraps the words (it measures wide characters as the terminal draws them); nothing here imports Textual.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.console import Console
from rich.text import Text

BLOCK = 4096  # characters: a paragraph longer than this is wrapped a block at a time (see _blocks)


def wrap_lines(text: str, width: int, console: Console) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each line of ``text`` word-wrapped by rich to ``width`` cells."""
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        paragraph_end = position + len(paragraph)
        start = position
        skipped = 0  # spaces passed over at the last break, which rich may still start a line with
        for line in Text(paragraph).wrap(console, width, overflow="fold"):
            plain = line.plain
            drop = min(skipped, len(plain) - len(plain.lstrip()))
            plain, skipped = plain[drop:], skipped - drop
            if not plain and lines and start < paragraph_end:
                continue  # a line of those spaces alone ('aaaa aa漢' at 2 cells): nothing to show
            end = min(start + len(plain), paragraph_end)
            lines.append((start, end))
            start, skipped = end, 0
            while start < paragraph_end and text[start].isspace():  # the spaces a line break swallows
                start += 1
                skipped += 1
        position = paragraph_end + 1
    return lines


class WrappedLines:
    """The text's lines at one width, as ``(start, end)`` offsets, wrapped a paragraph at a time when first
    asked for: opening a 50 MB report wraps what is on screen, not the whole text (Rich took 79 s for it).

    Until a paragraph is wrapped its height is an estimate, its length over the width; a Fenwick tree keeps
    the running line counts, so finding the paragraph of a line, or the line of an offset, stays logarithmic
    as estimates are corrected. Indexing and ``len`` behave like the list of every line.
    """

    def __init__(self, text: str, width: int, console: Console) -> None:
        self.text, self.width, self.console = text, max(1, width), console
        self.starts, self.ends = _blocks(text)
        self.heights = [
            max(1, -(-(end - start) // self.width)) for start, end in zip(self.starts, self.ends, strict=True)
        ]
        self.total = sum(self.heights)
        self._wrapped: dict[int, list[tuple[int, int]]] = {}
        size = len(self.heights)
        tree = [0, *self.heights]
        for index in range(1, size + 1):
            parent = index + (index & -index)
            if parent <= size:
                tree[parent] += tree[index]
        self._tree = tree
        self._top_step = 1 << size.bit_length()

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: int) -> tuple[int, int]:
        if not 0 <= index < self.total:
            raise IndexError(index)
        while True:
            paragraph, _ = self._locate(index)
            lines = self.paragraph(paragraph)  # may correct the estimate, and move the line
            index = min(index, self.total - 1)  # an estimate that shrank: the line asked for is now the last
            again, line = self._locate(index)
            if again == paragraph:
                return lines[line]

    def line_at(self, offset: int) -> int:
        """The line holding ``offset``."""
        paragraph = max(0, bisect_right(self.starts, offset) - 1)  # a paragraph, or a block of a long one
        lines = self.paragraph(paragraph)
        line = max(0, bisect_right([start for start, _ in lines], offset) - 1)
        return self._prefix(paragraph) + line

    def paragraph(self, index: int) -> list[tuple[int, int]]:
        """The lines of paragraph ``index``, wrapped now if they were not."""
        lines = self._wrapped.get(index)
        if lines is None:
            start, end = self.starts[index], self.ends[index]
            lines = [(start + s, start + e) for s, e in wrap_lines(self.text[start:end], self.width, self.console)]
            self._wrapped[index] = lines
            change = len(lines) - self.heights[index]
            if change:
                self.heights[index] = len(lines)
                self.total += change
                position = index + 1
                while position < len(self._tree):
                    self._tree[position] += change
                    position += position & -position
        return lines

    def _prefix(self, paragraph: int) -> int:
        """How many lines come before the paragraph."""
        total, position = 0, paragraph
        while position > 0:
            total += self._tree[position]
            position -= position & -position
        return total

    def _locate(self, index: int) -> tuple[int, int]:
        """The paragraph holding line ``index``, and the line's place in it."""
        position, left, step = 0, index, self._top_step
        while step:
            following = position + step
            if following < len(self._tree) and self._tree[following] <= left:
                position = following
                left -= self._tree[following]
            step >>= 1
        return position, left


def _blocks(text: str) -> tuple[list[int], list[int]]:
    """Where the text's paragraphs start and end, a paragraph longer than ``BLOCK`` characters cut into
    blocks after a space: a 50 MB report written as one paragraph is then wrapped a block at a time as it
    comes on screen, where wrapping it whole froze the view for over a minute. A block ends its last line,
    so such a paragraph shows a short line every few thousand characters."""
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    while True:
        newline = text.find("\n", position)
        end = len(text) if newline == -1 else newline
        while end - position > BLOCK:
            space = text.rfind(" ", position + BLOCK // 2, position + BLOCK)
            cut = space + 1 if space != -1 else position + BLOCK
            starts.append(position)
            ends.append(cut)
            position = cut
        starts.append(position)
        ends.append(end)
        if newline == -1:
            return starts, ends
        position = newline + 1
