"""The timeline pane: one row per event, in resolved order, drawn line by line.

A Line API ``ScrollView``: it renders only the rows on screen, so a timeline of 100k events scrolls and
filters as fast as one of 27.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.view import TimelineView, printable

WHEN_WIDTH = 30
WHO_WIDTH = 22


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
    DEFAULT_CSS = """
    TimelineList { background: $surface; overflow-x: hidden; }
    TimelineList > .timeline--cursor { background: $block-cursor-blurred-background; }
    TimelineList:focus > .timeline--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    TimelineList > .timeline--when { color: $text-accent; }
    TimelineList > .timeline--who { color: $text-muted; }
    TimelineList > .timeline--mark { color: $text-warning; text-style: bold; }
    TimelineList > .timeline--empty { color: $text-muted; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        """The cursor is on another event (None: nothing is shown)."""

        def __init__(self, event_id: str | None) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, view: TimelineView, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view

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
        if self.view.rows:
            found = self.view.same_actor(self.cursor, step)
            if found is None:
                self.app.bell()
            else:
                self.cursor = found

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            row = offset.y + self.scroll_offset.y
            if 0 <= row < len(self.view.rows):
                self.cursor = row
        self.focus()

    # -- drawing -------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        rows = self.view.rows
        if not rows:
            if y == 0:
                message = f"No event matches the filter: {self.view.describe_filters()} — escape clears it."
                text = Text(printable(message), style=self.get_component_rich_style("timeline--empty"))
                return self._strip(text, width, self.rich_style)
            return Strip.blank(width, self.rich_style)
        if index >= len(rows):
            return Strip.blank(width, self.rich_style)
        row = rows[index]
        mark = " " if self.view.certain_with_next(index) else "?"
        when_width = min(WHEN_WIDTH, max(12, width * 2 // 5))
        who_width = min(WHO_WIDTH, width // 5) if width >= 64 else 0  # narrow: the summary matters more
        cursor = index == self.cursor
        # On the cursor row the cursor's colours win; elsewhere each column keeps its own.
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(mark + " ", style("timeline--mark", partial=True))
        text.append(_fit(printable(self.view.when(row)), when_width) + " ", style("timeline--when", partial=True))
        if who_width >= 8:
            who = _fit(printable(self.view.actor_names(row.event)), who_width)
            text.append(who + " ", style("timeline--who", partial=True))
        text.append(printable(row.event.summary))
        base = style("timeline--cursor") if cursor else self.rich_style
        return self._strip(text, width, base, cursor=cursor)

    def _strip(self, text: Text, width: int, base: Style, cursor: bool = False) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = [
            Segment(s.text, (s.style + base if cursor else base + s.style) if s.style else base)
            for s in text.render(self.app.console)
        ]
        return Strip(segments).crop(0, width)


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
