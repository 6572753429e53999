"""The timeline pane: one row per event, in resolved order, drawn line by line.

A Line API ``ScrollView``: it renders only the rows on screen, so a timeline of 100k events scrolls and
filters as fast as one of 27.
"""

from __future__ import annotations

import re
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
from tui.view import TimelineView, printable

WHEN_WIDTH = 36  # the longest time label ("ongoing at publication (Sun 11 Sep)"); relative ones are cut
RELATIVE_WIDTH = 20  # what a relative time ("a few hours after: …") asks of the column, and its least width
WHO_WIDTH = 22
MEASURE_ALL_UP_TO = 2_000  # events whose labels are measured up front; above, the rows as they are drawn


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
        # The time and who columns are sized from their texts: wide enough for nine rows in ten, so that
        # "by Sun 11 Sep 11:59" and "by Sun 11 Sep 22:59" stay whole at 80 columns, and no wider, so that one
        # long label does not leave a wide terminal's column mostly blank while summaries are cut. Large
        # reports are measured over the rows drawn so far: the columns only grow as the user scrolls.
        self._when_lengths: Counter[int] = Counter()
        self._who_lengths: Counter[int] = Counter()
        self._widths: tuple[int, int] = (0, 0)
        self._measured: set[str] = set()
        self._stepping: tuple[str | None, int] = (None, -1)  # the actor [ / ] follow, and the row they left
        if len(view.timeline) <= MEASURE_ALL_UP_TO:
            for row in view.timeline.events:
                self._measure(row)

    # -- data ----------------------------------------------------------------------------------------

    def refresh_rows(self, keep: str | None = None) -> None:
        """Redraw after the view's rows changed, keeping the cursor on ``keep`` if it is still shown."""
        self.virtual_size = Size(0, max(len(self.view.rows), 1))
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

    def on_resize(self) -> None:
        """A cursor set before the first layout (or a terminal made smaller) is brought back on screen."""
        self.scroll_to_region_of_cursor()

    def scroll_to_region_of_cursor(self) -> None:
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    # -- actions -------------------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.view.rows) - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.view.rows) - 1)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.scrollable_content_region.height - 1))

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
            row = offset.y + self.scroll_offset.y
            if 0 <= row < len(self.view.rows):
                self.cursor = row
        self.focus()

    # -- drawing -------------------------------------------------------------------------------------

    def _measure(self, row: ResolvedEvent) -> bool:
        """Count this row's texts in the columns' measures; whether the columns grew."""
        if row.id in self._measured:
            return False
        self._measured.add(row.id)
        when = self.view.when(row)
        relative = ": " in when  # "a few hours after: <summary>" is cut like a summary
        shortest = cell_len(_compact(printable(when), 0))  # the column fits labels said short; wider, they show whole
        self._when_lengths[min(RELATIVE_WIDTH if relative else shortest, WHEN_WIDTH)] += 1
        self._who_lengths[min(cell_len(printable(self.view.actor_names(row.event))), WHO_WIDTH)] += 1
        before, self._widths = self._widths, (_ninth_decile(self._when_lengths), _ninth_decile(self._who_lengths))
        return self._widths != before

    def column_widths(self, width: int) -> tuple[int, int]:
        """The time and who columns' widths (0: no who column) in a row ``width`` cells wide."""
        when_cells, who_cells = self._widths
        when_width = max(8, min(when_cells, max(RELATIVE_WIDTH, width * 2 // 5 if width >= 64 else width // 2)))
        if width < 64:  # narrow: the summary matters more than the names, which the event pane shows
            return when_width, 0
        who_width = min(who_cells, width // 5)
        return when_width, who_width if who_width >= 8 else 0

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
        index = y + self.scroll_offset.y
        rows = self.view.rows
        if not rows:
            if y == 0:
                message = f"No event matches the filter: {self.view.describe_filters()} — escape clears it."
                return Strip([Segment(_fit(printable(message), width), look.empty)], width)
            return Strip.blank(width, look.base)
        if index >= len(rows):
            return Strip.blank(width, look.base)
        row = rows[index]
        if len(self.view.timeline) > MEASURE_ALL_UP_TO and self._measure(row):
            self.call_after_refresh(self.refresh)  # a longer text than any so far: widen, and draw again
        when_width, who_width = self.column_widths(width - 2)  # 2: the "?" mark and its space
        columns = [
            (" " if self.view.certain_with_next(index) else "?") + " ",
            _fit(_compact(printable(self.view.when(row)), when_width), when_width) + " ",
        ]
        if who_width:
            columns.append(_fit(printable(self.view.actor_names(row.event)), who_width) + " ")
        used = sum(cell_len(column) for column in columns)
        columns.append(_fit(printable(row.event.summary), max(0, width - used)))
        mark, when, who, summary = look.cursor if index == self.cursor else look.plain
        styles = [mark, when, *([who] if who_width else []), summary]
        return Strip([Segment(text, style) for text, style in zip(columns, styles, strict=True)]).crop(0, width)


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


_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?=\d)")


def _compact(label: str, width: int) -> str:
    """A time label that does not fit, said shorter before it is cut: without weekdays, dashes tight
    ("≈ Sat 10 Sep 01:00–24:00" → "≈ 10 Sep 01:00–24:00"), so labels that differ only in their hours stay
    whole in a narrow terminal."""
    if cell_len(label) <= width:
        return label
    return _WEEKDAY.sub("", label).replace(" – ", "–")


def _fit(text: str, width: int) -> str:
    """The text in exactly ``width`` cells: padded, or cut with an ellipsis (wide characters count double)."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""
