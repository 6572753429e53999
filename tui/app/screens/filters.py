"""The filter picker: sides and actors, several at once, each with its number of events."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Label, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from tui.app.widgets.chrome import KeysFooter
from tui.view import Filters, TimelineView, counted, printable


class Picker(SelectionList[str]):
    """A selection list whose chosen items are marked by a character, not by colour alone: "▐✓▌" chosen,
    "▐ ▌" not (Textual draws "▐X▌" for both, told apart only by colour: nothing under NO_COLOR)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        mark = CHOSEN if selection.value in self._selected else NOT_CHOSEN
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)


CHOSEN, NOT_CHOSEN = "✓", " "


class FilterScreen(ModalScreen[Filters | None]):
    """Pick actors and sides; the timeline keeps events involving any chosen actor and any chosen side."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filters-cancel"),
        Binding("enter", "apply", "Apply", priority=True, id="filters-apply"),
    ]

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        chosen = self.view.filters
        counts = self.view.side_counts()
        with Vertical(id="filter-dialog"):
            yield Label("Filter the timeline — space toggles, enter applies, escape cancels", id="filter-title")
            yield Picker(
                *(
                    Selection(Text(f"{label}  ({counted(counts.get(side, 0), 'event')})"), side, side in chosen.sides)
                    for side, label in self.view.report.side_labels.items()
                ),
                id="sides",
            )
            yield Picker(
                *(
                    Selection(
                        Text(printable(f"{name} · {side}  ({counted(count, 'event')})")), actor, actor in chosen.actors
                    )
                    for actor, name, side, count in self.view.actor_counts()
                ),
                id="actors",
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#actors", SelectionList).border_title = "Actors"
        self.query_one("#sides", SelectionList).border_title = "Sides"
        self.query_one("#sides", SelectionList).focus()  # the top list first; tab goes on to the actors

    def action_apply(self) -> None:
        actors = frozenset(self.query_one("#actors", SelectionList).selected)
        sides = frozenset(self.query_one("#sides", SelectionList).selected)
        self.dismiss(Filters(actors=actors, sides=sides, text=self.view.filters.text))

    def action_cancel(self) -> None:
        self.dismiss(None)
