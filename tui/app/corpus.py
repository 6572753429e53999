"""The app on a corpus (``newsline corpus``): the story's events in time order, the selected one, and every report
that tells it, with the viewer's looks and keys; filters by outlet, report and actor; the article of the report an
event came from. A thin shell: what to show is decided by :mod:`tui.corpus.view`, the panes are in
:mod:`tui.app.widgets.story`. The store stays with the command: the app is given the story and a function that
reads a report's events file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.app.filtered import FilteredApp
from tui.app.keymap import load_keymap
from tui.app.widgets.chrome import KeysFooter, StatusLine
from tui.app.widgets.story import CorpusHeader, StoryEventPane, StoryList, TellersPane
from tui.corpus.story import Story
from tui.corpus.view import LEGEND, MARKS, CorpusFilters, StoryView
from tui.view import TimelineView, default_meaning, default_names, printable

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.exporting import Export

MIN_WIDTH, MIN_HEIGHT = 60, 16

# The viewer's keys where they do the same (the same ids: a keymap moves them in both apps)
CORPUS_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("a", "filters", "Filter", id="filter-actors"),
    Binding("slash", "search", "Search", id="search"),
    Binding("escape", "clear_filters", "Clear", id="clear-filters"),
    Binding("enter", "focus_tellers", "Its reports", show=False, id="focus-event"),
    Binding("r", "article", "Article", id="show-article"),
    Binding("e", "export", "Export", id="export"),
]


class CorpusApp(FilteredApp):
    TITLE = "newsline corpus"
    BINDINGS = CORPUS_BINDINGS
    FILTERS = CorpusFilters
    SEARCH_PLACEHOLDER = "Search summaries, sentences, quotes, sources and names — enter keeps, escape clears"

    def __init__(
        self,
        story: Story,
        *,
        events_json: Callable[[str], str],
        title: str = "",
        store: Path | None = None,
        keymap: dict[str, str] | None = None,
    ) -> None:
        """The app on ``story``; ``events_json(report_key)`` gives a report's events file, for its article.
        ``store`` is the file the story was read from: the export key never writes over it, and names its files
        after it (``title``, by default the store's name, is what the header says)."""
        super().__init__(load_keymap() if keymap is None else keymap)
        self.view = StoryView(story)
        self.store_name = title or (str(store) if store is not None else "")
        self._store = store
        self._events_json = events_json
        self._reports: dict[str, TimelineView] = {}  # the reports opened, resolved once
        self.article_report: str | None = None  # the report whose article is open, for its sentences' events
        self._shown: str | None = None

    def compose(self) -> ComposeResult:
        view = self.view
        yield CorpusHeader(view, self.store_name, id="header")
        yield Horizontal(
            Vertical(StoryList(view, id="timeline"), id="left"),  # type: ignore[arg-type]
            Vertical(
                StoryEventPane(view, "Event", id="story-event"),  # type: ignore[arg-type]
                TellersPane(view, "Reports that tell it", id="tellers"),
                id="details",
            ),
            id="main",
        )
        yield StatusLine(id="status")
        yield Static(f"The terminal is too small: newsline needs {MIN_WIDTH}×{MIN_HEIGHT}.", id="too-small")
        yield KeysFooter()

    def on_mount(self) -> None:  # then the base app's (Textual calls each class's handler): the keymap
        self._fit(self.size.width, self.size.height)
        story = self.story_list
        story.border_title, story.border_subtitle = "Story", LEGEND
        story.focus()
        self._refresh(keep=None)
        self._show(story.selected_id)

    @property
    def story_list(self) -> StoryList:
        return self.query_one("#timeline", StoryList)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.screen.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "too-small")

    # -- selection and filters -----------------------------------------------------------------------

    def on_timeline_list_selected(self, message: StoryList.Selected) -> None:
        self._show(message.event_id)

    def _show(self, event_id: str | None) -> None:
        if event_id == self._shown and event_id is not None:
            return
        self._shown = event_id
        row = self.view.timeline[event_id] if event_id else None
        self.query_one("#story-event", StoryEventPane).show(row)  # type: ignore[arg-type]
        self.query_one("#tellers", TellersPane).show(row)

    def _refresh(self, keep: str | None) -> None:
        self.story_list.refresh_rows(keep)
        self.query_one("#status", StatusLine).show(self.view.status())

    def apply_filters(self, filters: CorpusFilters) -> None:
        keep = self.story_list.selected_id
        self.view.apply(filters)
        self._refresh(keep)
        self.refresh_bindings()
        self._show(self.story_list.selected_id)

    def jump_to(self, event_id: str) -> None:
        """Select the story event that the open article's report's ``event_id`` is part of (the article's
        sentence key), clearing the filters if they hide it."""
        found = self.view.find(self.article_report, event_id) if self.article_report else None
        if found is None:
            return
        if not self.story_list.select(found.id):
            self.replace_filters(CorpusFilters())
            self.story_list.select(found.id)
        self.story_list.focus()

    # -- actions -------------------------------------------------------------------------------------

    def action_filters(self) -> None:
        from tui.app.screens.corpus import CorpusFilterScreen

        def chosen(filters: CorpusFilters | None) -> None:
            if filters is not None:
                self.apply_filters(filters)

        self.push_screen(CorpusFilterScreen(self.view), chosen)

    def action_focus_tellers(self) -> None:
        self.query_one("#tellers", TellersPane).focus()

    def action_article(self) -> None:
        """The article of the report the reports pane's cursor is on (the earliest until moved), on its event."""
        from tui.app.screens.corpus import CorpusArticleScreen
        from tui.model import ReportError, parse_report
        from tui.temporal import resolve

        teller = self.query_one("#tellers", TellersPane).current_teller
        if teller is None:
            self.notify("No story event is shown.", severity="warning", markup=False)
            return
        view = self._reports.get(teller.report)
        if view is None:
            try:
                report = parse_report(self._events_json(teller.report), teller.name)
            except (KeyError, ReportError) as error:
                self.notify(printable(f"Cannot open {teller.name}: {error}"), severity="error", markup=False)
                return
            view = self._reports[teller.report] = TimelineView(resolve(report))
        self.article_report = teller.report
        self.push_screen(CorpusArticleScreen(view, teller))

    def export_picker(self, shown: str, folder: str) -> Screen[str | None]:
        from tui.app.screens.export import StoryExportScreen

        return StoryExportScreen(shown, folder)

    def export_of(self, fmt: str) -> Export:
        from tui.app.exporting import story_export

        return story_export(self.view, fmt, self.store_name or "newsline")

    @property
    def source(self) -> Path | None:
        """The store the story was read from: never written over."""
        return self._store

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        sections = [(place, self._help_rows(bindings) + extra) for place, bindings, extra in corpus_places()]
        defaults = [(name, default_meaning(name)) for name in default_names()]
        notes = [("Marks on the story", list(MARKS)), ("News-reading defaults (what a ≈ time rests on)", defaults)]
        self.push_screen(HelpScreen(sections, notes))


def corpus_places() -> list[tuple[str, list[Binding], list[tuple[str, str, str]]]]:
    """Where the corpus's keys work: their bindings, and Textual's own keys there (for the help)."""
    from tui.app.screens.article import ArticleScreen, SentenceEventsScreen
    from tui.app.screens.corpus import CorpusFilterScreen
    from tui.app.screens.export import ReplaceScreen, StoryExportScreen
    from tui.app.screens.help import HelpScreen

    everywhere = {binding.id for binding in CORPUS_BINDINGS if isinstance(binding, Binding)}

    def own(*lists: list[BindingType]) -> list[Binding]:
        return [
            binding
            for bindings in lists
            for binding in bindings
            if isinstance(binding, Binding)
            and binding.id
            and (bindings is CORPUS_BINDINGS or binding.id not in everywhere)
        ]

    moving = [("tab / shift+tab", "Move between panes", "—"), ("ctrl+p", "Command palette", "—")]
    return [
        ("Everywhere", own(CORPUS_BINDINGS), moving),
        ("Story", own(StoryList.BINDINGS), []),
        ("Reports that tell it, once focused (enter, tab)", own(TellersPane.BINDINGS), []),
        (
            "Filter picker (a)",
            own(CorpusFilterScreen.BINDINGS),
            [("space", "Choose or drop an outlet, report or actor", "—")],
        ),
        ("Article (r)", own(ArticleScreen.BINDINGS, SentenceEventsScreen.BINDINGS), []),
        ("Export (e)", own(StoryExportScreen.BINDINGS), []),
        ("Export, when its file exists", own(ReplaceScreen.BINDINGS), []),
        ("This help", own(HelpScreen.BINDINGS), []),
    ]
