"""The filter picker: sides and actors, several at once, each with its number of events."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from tui.app.widgets.chrome import KeysFooter
from tui.view import Filters, TimelineView, counted, printable


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
            yield SelectionList[str](
                *(
                    Selection(Text(f"{label}  ({counted(counts.get(side, 0), 'event')})"), side, side in chosen.sides)
                    for side, label in self.view.report.side_labels.items()
                ),
                id="sides",
            )
            yield SelectionList[str](
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
        self.query_one("#actors", SelectionList).focus()

    def action_apply(self) -> None:
        actors = frozenset(self.query_one("#actors", SelectionList).selected)
        sides = frozenset(self.query_one("#sides", SelectionList).selected)
        self.dismiss(Filters(actors=actors, sides=sides, text=self.view.filters.text))

    def action_cancel(self) -> None:
        self.dismiss(None)
