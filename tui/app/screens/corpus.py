"""The corpus's screens: the filter picker (outlets, reports and actors, several at once, each with its number
of story events — the viewer's picker, with its keys), and the article of the report a story event came from
(the viewer's article, headed by the report's outlet, file and publication)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.app.screens.article import ArticleScreen
from tui.app.screens.filters import FilterScreen, Picker
from tui.app.widgets.chrome import KeysFooter
from tui.corpus.story import Teller
from tui.corpus.view import CorpusFilters, StoryView, publication
from tui.view import TimelineView, counted, printable


class CorpusFilterScreen(ModalScreen[CorpusFilters | None]):
    """Pick outlets, reports and actors; the story keeps the events a chosen outlet and a chosen report tell and
    a chosen actor is involved in (a list with nothing chosen keeps everything)."""

    BINDINGS = FilterScreen.BINDINGS  # the viewer's picker's keys, and ids

    def __init__(self, view: StoryView) -> None:
        super().__init__()
        self.story_view = view

    def compose(self) -> ComposeResult:
        view = self.story_view
        chosen = view.filters
        with Vertical(id="filter-dialog"):
            yield Label(
                "Filter the story — space toggles, tab moves on, enter applies, escape cancels", id="filter-title"
            )
            yield Picker(
                *(
                    Selection(
                        Text(printable(f"{outlet}  ({counted(count, 'event')})")), outlet, outlet in chosen.outlets
                    )
                    for outlet, count in view.outlet_counts()
                ),
                id="outlets",
            )
            yield Picker(
                *(
                    Selection(
                        Text(printable(f"{info.describe()}  ({counted(info.events, 'event')})")),
                        key,
                        key in chosen.reports,
                    )
                    for key, info in view.reports.items()
                ),
                id="reports",
            )
            yield Picker(
                *(
                    Selection(Text(printable(f"{actor}  ({counted(count, 'event')})")), actor, actor in chosen.actors)
                    for actor, count in view.actor_counts()
                ),
                id="actors",
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        for name, title in (("outlets", "Outlets"), ("reports", "Reports"), ("actors", "Actors")):
            self.query_one(f"#{name}", SelectionList).border_title = title
        self.query_one("#outlets", SelectionList).focus()

    def action_apply(self) -> None:
        def chosen(name: str) -> frozenset[str]:
            return frozenset(self.query_one(f"#{name}", SelectionList).selected)

        text = self.story_view.filters.text
        self.dismiss(
            CorpusFilters(outlets=chosen("outlets"), reports=chosen("reports"), actors=chosen("actors"), text=text)
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class CorpusArticleScreen(ArticleScreen):
    """The article of the report ``teller`` (one of the corpus's), on its event; its header says which report."""

    def __init__(self, view: TimelineView, teller: Teller) -> None:
        super().__init__(view, teller.event.id)
        self.teller = teller

    def on_mount(self) -> None:  # before the article's own (Textual calls each class's handler)
        teller = self.teller
        header = Text(printable(" · ".join([teller.outlet or "no outlet", teller.name])), style="bold")
        header.append(printable(f" · {publication(teller.published)} — "), style="dim")
        header.append(printable(self.event.summary if self.event else teller.event.summary))
        self.query_one("#article-header", Static).update(header)
