"""The timeline pane: one row per event, in resolved order, drawn line by line.

A Line API ``ScrollView``: it renders only the rows on screen, so a timeline of 100k events scrolls and
filters as fast as one of 27.

Nothing is cut but what must be: every time label shows whole — said shorter by rule
(:func:`tui.view.short_label`) where the column is narrow — and the summary gets the rest of the row. Where
that leaves the summary too little room (an 80-column terminal), each row takes two lines: the time (and who)
on the first, the summary on the second.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.temporal import ResolvedEvent
from tui.view import TimelineView, printable, short_label

RELATIVE_WIDTH = 20  # what a relative time ("a few hours after: <summary>") asks of the column: it is cut
WHO_WIDTH = 22
MIN_SUMMARY = 30  # a row on one line keeps this much of its summary; with less room, rows take two lines
WHO_FROM = 40  # on one line, the who column shows only while the summary keeps this much beside it
MARK = 2  # the "?" mark and its space
MEASURE_ALL_UP_TO = 2_000  # events whose labels are measured up front; above, the rows as they are drawn


class Columns(NamedTuple):
    """How rows are laid out at one width: the time column (its labels said short or not), the who column
    (0: none), and the lines each row takes (2: the summary on a line of its own)."""

    when: int
    short: bool
    who: int
    lines: int


class TimelineList(ScrollView, can_focus=True):
    """Events in resolved order; a "?" marks where the order with the next event is not certain."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="cursor-up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="cursor-down"),
        Binding("home,g", "first", "First", show=False, id="cursor-first"),
        Binding("end,G", "last", "Last", show=False, id="cursor-last"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="page-down"),
        Binding(
            "left_square_bracket",
            "same_actor(-1)",
            "Previous event of the same actor",
            show=False,
            id="previous-same-actor",
        ),
        Binding(
            "right_square_bracket", "same_actor(1)", "Next event of the same actor", show=False, id="next-same-actor"
        ),
    ]
    COMPONENT_CLASSES = {"timeline--cursor", "timeline--when", "timeline--who", "timeline--mark", "timeline--empty"}

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        """The cursor is on another event (None: nothing is shown)."""

        def __init__(self, event_id: str | None) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, view: TimelineView, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view
        self._look: _Look | None = None
        # The time column is as wide as the longest label (said short, or not), so that none is cut; the who
        # column as wide as nine names in ten. Large reports are measured over the rows drawn so far: the
        # columns only grow as the user scrolls.
        self._who_lengths: Counter[int] = Counter()
        self._widths: tuple[int, int, int] = (0, 0, 0)  # the longest label, said short, and the who column
        self._measured: set[str] = set()
        self._columns: tuple[int, Columns] | None = None  # the layout for one width
        self._stepping: tuple[str | None, int] = (None, -1)  # the actor [ / ] follow, and the row they left
        if len(view.timeline) <= MEASURE_ALL_UP_TO:
            for row in view.timeline.events:
                self._measure(row)

    # -- data ----------------------------------------------------------------------------------------

    def refresh_rows(self, keep: str | None = None) -> None:
        """Redraw after the view's rows changed, keeping the cursor on ``keep`` if it is still shown."""
        self._size_to_rows()
        index = self.view.index_of(keep) if keep else None
        self.cursor = index if index is not None else 0
        self.refresh()

    @property
    def selected_id(self) -> str | None:
        rows = self.view.rows
        return rows[self.cursor].id if 0 <= self.cursor < len(rows) else None

    def select(self, event_id: str) -> bool:
        index = self.view.index_of(event_id)
        if index is None:
            return False
        self.cursor = index
        return True

    def watch_cursor(self, cursor: int) -> None:
        rows = len(self.view.rows)
        if rows and not 0 <= cursor < rows:
            self.cursor = max(0, min(cursor, rows - 1))
            return
        self.scroll_to_region_of_cursor()
        self.refresh()
        self.post_message(self.Selected(self.selected_id))

    def _size_to_rows(self) -> None:
        """The scrollable height: every row's lines (one or two, by the width)."""
        self.virtual_size = Size(0, max(len(self.view.rows) * self.row_lines, 1))

    @property
    def row_lines(self) -> int:
        """The lines each row takes at the pane's width."""
        return self.columns(self.scrollable_content_region.width).lines

    def on_resize(self) -> None:
        """Rows may take one line or two at the new width; a cursor set before the first layout (or a
        terminal made smaller) is brought back on screen."""
        self._size_to_rows()
        self.scroll_to_region_of_cursor()

    def scroll_to_region_of_cursor(self) -> None:
        lines = self.row_lines
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        first, last = self.cursor * lines, self.cursor * lines + lines - 1
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False)

    # -- actions -------------------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.view.rows) - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.view.rows) - 1)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.scrollable_content_region.height // self.row_lines - 1))

    def action_same_actor(self, step: int) -> None:
        """To the previous / next event of one actor: the one the last step followed while the cursor stays
        where that step left it, else the one ``TimelineView.stepping_actor`` names for this row."""
        if not self.view.rows:
            return
        followed, left_at = self._stepping
        actor = followed if left_at == self.cursor and followed else self.view.stepping_actor(self.cursor)
        found = self.view.same_actor(self.cursor, step, actor)
        if found is None:
            self.app.bell()
        else:
            self.cursor = found
            self._stepping = (actor, found)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            row = (offset.y + self.scroll_offset.y) // self.row_lines
            if 0 <= row < len(self.view.rows):
                self.cursor = row
        self.focus()

    # -- drawing -------------------------------------------------------------------------------------

    def _measure(self, row: ResolvedEvent) -> bool:
        """Count this row's texts in the columns' measures; whether the columns grew."""
        if row.id in self._measured:
            return False
        self._measured.add(row.id)
        when = printable(self.view.when(row))
        longest, shortest, _ = self._widths
        if ": " in when:  # "a few hours after: <summary>" is cut like a summary
            longest, shortest = max(longest, RELATIVE_WIDTH), max(shortest, RELATIVE_WIDTH)
        else:
            longest, shortest = max(longest, cell_len(when)), max(shortest, cell_len(short_label(when)))
        self._who_lengths[min(cell_len(printable(self.view.actor_names(row.event))), WHO_WIDTH)] += 1
        before, self._widths = self._widths, (longest, shortest, _ninth_decile(self._who_lengths))
        if self._widths != before:
            self._columns = None
            return True
        return False

    def columns(self, width: int) -> Columns:
        """How rows are laid out in a pane ``width`` cells wide (its content, the mark's two cells included):
        on one line while the time, whole, leaves the summary ``MIN_SUMMARY`` cells (labels said short if
        that is what it takes), else on two lines; a who column where the summary keeps ``WHO_FROM``."""
        if self._columns is not None and self._columns[0] == width:
            return self._columns[1]
        longest, shortest, who_cells = self._widths
        room = width - MARK
        if room - longest - 1 >= MIN_SUMMARY:
            when, short, lines = longest, False, 1
        elif room - shortest - 1 >= MIN_SUMMARY:
            when, short, lines = shortest, True, 1
        else:  # the time on a line of its own, whole if it fits there; the summary under it
            short = longest > room
            when, lines = min(shortest if short else longest, room), 2
        who = min(who_cells, WHO_WIDTH)
        if lines == 1 and room - when - 1 - (who + 1) < WHO_FROM:
            who = 0  # the summary first: the event pane names everyone involved
        elif lines == 2:
            who = min(who, room - when - 1)  # beside the time, on the first line
        columns = Columns(when, short, who if who >= 8 else 0, lines)
        self._columns = (width, columns)
        return columns

    def render_lines(self, crop: Region) -> list[Strip]:
        # The styles are the same for every line of one pass; Textual works each out afresh per call
        # (the widget's own style walks its ancestors), which was most of a line's cost.
        self._look = self._current_look()
        return super().render_lines(crop)

    def _current_look(self) -> _Look:
        style = self.get_component_rich_style
        base, cursor = self.rich_style, style("timeline--cursor")
        columns = [style(f"timeline--{name}", partial=True) for name in ("mark", "when", "who")] + [Style()]
        return _Look(
            base=base,
            # each column's own colours, or on the cursor row the cursor's winning over them
            plain=tuple(base + column for column in columns),
            cursor=tuple(column + cursor for column in columns),
            empty=base + style("timeline--empty"),
        )

    def render_line(self, y: int) -> Strip:
        look = self._look or self._current_look()  # asked for one line outside a pass: work the styles out
        width = self.scrollable_content_region.width
        rows = self.view.rows
        if not rows:
            if y == 0:
                message = f"No event matches the filter: {self.view.describe_filters()} — escape clears it."
                return Strip([Segment(_fit(printable(message), width), look.empty)], width)
            return Strip.blank(width, look.base)
        layout = self.columns(width)
        index, part = divmod(y + self.scroll_offset.y, layout.lines)
        if index >= len(rows):
            return Strip.blank(width, look.base)
        row = rows[index]
        if len(self.view.timeline) > MEASURE_ALL_UP_TO and self._measure(row):
            self.call_after_refresh(self._remeasured)  # a longer text than any so far: widen, and draw again
        mark, when, who, summary = look.cursor if index == self.cursor else look.plain
        summary_text = printable(row.event.summary)
        if part == 1:  # the summary's own line, under the time
            columns = [(" " * MARK, mark), (_fit(summary_text, width - MARK), summary)]
        else:
            label = printable(self.view.when(row))
            label = short_label(label) if layout.short or cell_len(label) > layout.when else label
            columns = [
                ((" " if self.view.certain_with_next(index) else "?") + " ", mark),
                (_fit(label, layout.when) + " ", when),
            ]
            if layout.who:
                columns.append((_fit(printable(self.view.actor_names(row.event)), layout.who) + " ", who))
            used = sum(cell_len(text) for text, _ in columns)
            columns.append((_fit(summary_text if layout.lines == 1 else "", max(0, width - used)), summary))
        return Strip([Segment(text, style) for text, style in columns]).crop(0, width)

    def _remeasured(self) -> None:
        """A row drawn for the first time widened a column: lay the rows out again (maybe on two lines)."""
        self._size_to_rows()
        self.scroll_to_region_of_cursor()
        self.refresh()

    def shown_label(self, index: int) -> str:
        """The time label row ``index`` shows, as drawn at the pane's width (for checks)."""
        layout = self.columns(self.scrollable_content_region.width)
        label = printable(self.view.when(self.view.rows[index]))
        return short_label(label) if layout.short or cell_len(label) > layout.when else label


class _Look(NamedTuple):
    """The styles of one drawing pass: columns mark, when, who, summary; plain and on the cursor row."""

    base: Style
    plain: tuple[Style, ...]
    cursor: tuple[Style, ...]
    empty: Style


def _ninth_decile(lengths: Counter[int]) -> int:
    """The length that nine texts in ten do not exceed."""
    total, seen = lengths.total(), 0
    for length in sorted(lengths):
        seen += lengths[length]
        if seen * 10 >= total * 9:
            return length
    return 0


def _fit(text: str, width: int) -> str:
    """The text in exactly ``width`` cells: padded, or cut with an ellipsis (wide characters count double)."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""
