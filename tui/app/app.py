"""The newsline app: a thin shell that composes the panes, owns the app-wide bindings and routes
selection and filters between them. What to show is decided by :mod:`tui.view`."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from tui.app.bindings import VIEWER_BINDINGS
from tui.app.filtered import FilteredApp
from tui.app.keymap import load_keymap
from tui.app.widgets.axis import TimeAxis
from tui.app.widgets.chrome import KeysFooter, ReportHeader, StatusLine
from tui.app.widgets.details import EventPane, QuotesPane, SourcesPane
from tui.app.widgets.timeline import TimelineList
from tui.model import Report, ReportError, load_report
from tui.model.files import write_atomically
from tui.temporal import Timeline, resolve
from tui.view import LEGEND, Filters, TimelineView, counted

if TYPE_CHECKING:
    from tui.app.exporting import Export

MIN_WIDTH, MIN_HEIGHT = 60, 16
AXIS_FROM_HEIGHT = 30  # below this the axis is hidden, the list of events first, until "t" says otherwise
AXIS_FOLLOWS_LATER, AXIS_DELAY = 2_000, 0.2  # events, seconds


class NewslineApp(FilteredApp):
    TITLE = "newsline"
    COMMANDS = App.COMMANDS | {lambda: _commands()}
    BINDINGS = VIEWER_BINDINGS
    FILTERS = Filters
    SEARCH_PLACEHOLDER = "Search summaries, quotes and names — enter keeps, escape clears"

    def __init__(
        self,
        report: Report | None,
        timeline: Timeline | None = None,
        keymap: dict[str, str] | None = None,
        *,
        source: Path | None = None,
    ):
        """The app on a report, or, with ``report`` None, on the events file ``source``, read and resolved in a
        thread while a loading screen shows how far it has got (for files large enough to take seconds).
        A file that turns out bad ends the app: ``load_error`` then holds the loader's message."""
        super().__init__(load_keymap() if keymap is None else keymap)
        if report is None and source is None:
            raise ValueError("the app needs a report or a file to load one from")
        self.report = report
        self.view = TimelineView(timeline or resolve(report)) if report is not None else None
        self._source = source
        self.load_error: ReportError | None = None
        self._shown: str | None = None  # the event the detail panes show
        # Whether the terminal was tall when the user showed, hid or zoomed the axis (None: never): the axis then
        # stays as chosen until the terminal crosses AXIS_FROM_HEIGHT, where the height decides again.
        self._axis_chosen_tall: bool | None = None
        self._axis_timer: Timer | None = None
        self._focus_before_small: Widget | None = None

    def compose(self) -> ComposeResult:
        if self.report is None:
            from tui.app.widgets.loading import LoadingPanel

            assert self._source is not None
            yield LoadingPanel(self._source.name, _size_of(self._source), id="loading")
        else:
            yield from self._panes()
        yield KeysFooter()

    def _panes(self) -> list[Widget]:
        assert self.report is not None and self.view is not None
        return [
            ReportHeader(self.report, id="header"),
            Horizontal(
                Vertical(TimelineList(self.view, id="timeline"), TimeAxis(self.view, id="axis"), id="left"),
                Vertical(
                    EventPane(self.view, "Event", id="event"),
                    SourcesPane(self.view, "Sources", id="sources"),
                    QuotesPane(self.view, "Quotes", id="quotes"),
                    id="details",
                ),
                id="main",
            ),
            StatusLine(id="status"),
            Static(f"The terminal is too small: newsline needs {MIN_WIDTH}×{MIN_HEIGHT}.", id="too-small"),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        self._fit(self.size.width, self.size.height)
        self.call_after_refresh(_collect_from_now_on)  # loading a file, too: it frees as much as it keeps
        if self.report is None:
            self.run_worker(self._load, thread=True)
            return
        self._start()

    def _start(self) -> None:
        """Fill the panes, once the report is there."""
        self.query_one("#timeline", TimelineList).border_title = "Timeline"
        self.query_one("#timeline", TimelineList).border_subtitle = LEGEND  # what "?" and "≈" mean
        self.query_one("#axis", TimeAxis).border_title = "Time axis"
        axis = self.query_one("#axis", TimeAxis)
        axis.display = self.size.height >= AXIS_FROM_HEIGHT
        if axis.display:
            axis.rebuild()
        timeline = self.query_one("#timeline", TimelineList)
        timeline.focus()
        self._refresh(keep=None)
        self._show(timeline.selected_id)  # before the first drawing, not when the Selected message comes
        self.refresh_bindings()

    def _load(self) -> None:
        """In a thread: read, check and resolve the file, telling the loading screen each step."""
        from tui.app.widgets.loading import LoadingPanel

        assert self._source is not None
        panel = self.query_one("#loading", LoadingPanel)
        self.call_from_thread(panel.step, 1, "reading and checking the file")
        try:
            report = load_report(self._source)
        except ReportError as error:
            self.load_error = error
            self.call_from_thread(self.exit, None, 2)
            return
        self.call_from_thread(panel.step, 2, f"resolving the time of {counted(len(report.events), 'event')}")
        timeline = resolve(report)
        self.call_from_thread(panel.step, 3, "preparing the panes")
        view = TimelineView(timeline)
        self.call_from_thread(self._loaded, report, view)

    async def _loaded(self, report: Report, view: TimelineView) -> None:
        self.report, self.view = report, view
        await self.query_one("#loading").remove()
        await self.mount_all(self._panes(), before=self.query_one(KeysFooter))
        self._start()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.view is None:  # still loading: only quitting and the help have something to work on
            return action in ("quit", "help")
        return super().check_action(action, parameters)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)
        tall = event.size.height >= AXIS_FROM_HEIGHT
        if self._axis_chosen_tall is not None and self._axis_chosen_tall != tall:
            self._axis_chosen_tall = None  # chosen at another height: under 30 rows the list comes first again
        if self._axis_chosen_tall is None and self.view is not None:
            self._show_axis(tall)

    def _fit(self, width: int, height: int) -> None:
        screen = self.screen
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small and not screen.has_class("too-small"):
            self._focus_before_small = screen.focused  # hidden with the panes, Textual lets go of it
        screen.set_class(small, "too-small")
        if not small and self._focus_before_small is not None:
            self.call_after_refresh(self._refocus, screen, self._focus_before_small)
            self._focus_before_small = None

    def _refocus(self, screen: Screen, widget: Widget) -> None:
        """Give focus back to what had it before the "too small" notice, unless the user moved it since."""
        if screen.focused is None and widget.is_attached and widget.screen is screen:
            widget.focus()

    # -- selection and filters -----------------------------------------------------------------------

    def on_timeline_list_selected(self, message: TimelineList.Selected) -> None:
        self._show(message.event_id)

    def _show(self, event_id: str | None) -> None:
        """Fill the detail panes and mark the axis for this event, unless they already show it."""
        if event_id == self._shown and event_id is not None:
            return  # a filter kept the same event selected: nothing to draw again
        self._shown = event_id
        if self.view.filters.text.strip():
            self._show_status()  # what the search matched in this event, if an annotation
        row = self.view.timeline[event_id] if event_id else None
        for pane in self.query("#event, #sources, #quotes"):
            pane.show(row)  # type: ignore[attr-defined]
        self.query_one("#axis", TimeAxis).select(event_id)

    def _show_status(self) -> None:
        selected = self.query_one("#timeline", TimelineList).selected_id
        self.query_one("#status", StatusLine).show(self.view.status(selected))

    def on_time_axis_selected(self, message: TimeAxis.Selected) -> None:
        self.query_one("#timeline", TimelineList).select(message.event_id)

    def apply_filters(self, filters: Filters) -> None:
        timeline = self.query_one("#timeline", TimelineList)
        keep = timeline.selected_id
        self.view.apply(filters)
        self._refresh(keep)
        self.refresh_bindings()  # "esc Clear" shows while a filter is on
        # The panes follow now rather than when the list's Selected message arrives: the keystroke's
        # whole result then reaches the screen in one frame.
        self._show(timeline.selected_id)

    def _refresh(self, keep: str | None) -> None:
        axis = self.query_one("#axis", TimeAxis)
        if len(self.view.timeline) > AXIS_FOLLOWS_LATER:
            # Large reports: the list follows each keystroke, the axis once typing pauses.
            if self._axis_timer is not None:
                self._axis_timer.stop()
            self._axis_timer = self.set_timer(AXIS_DELAY, axis.rebuild)
        else:
            axis.rebuild()
        self.query_one("#timeline", TimelineList).refresh_rows(keep)
        self._show_status()

    def filter_by_actor(self, actor_id: str) -> None:
        """The palette's "Filter by actor": this actor's events, in place of whatever filter was on."""
        self.replace_filters(Filters(actors=frozenset({actor_id})))

    def filter_by_side(self, side: str) -> None:
        self.replace_filters(Filters(sides=frozenset({side})))

    def jump_to(self, event_id: str) -> None:
        timeline = self.query_one("#timeline", TimelineList)
        if not timeline.select(event_id):
            self.apply_filters(Filters())
            timeline.select(event_id)
        timeline.focus()

    # -- actions -------------------------------------------------------------------------------------

    def action_filters(self) -> None:
        from tui.app.screens.filters import FilterScreen  # screens load on first use: start-up stays light

        def chosen(filters: Filters | None) -> None:
            if filters is not None:
                self.apply_filters(filters)

        self.push_screen(FilterScreen(self.view), chosen)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's, with a screenshot saved where the user started newsline (Textual's default folder,
        ~/Downloads, is missing on many systems, and the save then failed)."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                yield SystemCommand(
                    "Screenshot",
                    "Save an SVG picture of the screen in the current directory",
                    lambda: self.set_timer(0.1, self.save_screen_picture),
                )
            else:
                yield command

    def save_screen_picture(self, directory: Path | None = None) -> Path | None:
        """Write the screen as SVG into ``directory`` (the current one), atomically; say where, or why not."""
        from textual.app import generate_datetime_filename

        folder = (directory or Path.cwd()).resolve()
        target = folder / generate_datetime_filename(self.title, ".svg")
        try:
            write_atomically(target, self.export_screenshot(), replace=False)
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"Could not save the screenshot in {folder}: {reason}", severity="error", markup=False)
            return None
        self.notify(f"Screenshot saved: {target}", title="Screenshot", markup=False)
        return target

    def action_focus_event(self) -> None:
        self.query_one("#event", EventPane).focus()

    def action_toggle_axis(self) -> None:
        self._choose_axis()
        self._show_axis(not self.query_one("#axis", TimeAxis).display)

    def _choose_axis(self) -> None:
        """The user showed, hid or zoomed the axis: keep it so while the terminal stays as tall."""
        self._axis_chosen_tall = self.size.height >= AXIS_FROM_HEIGHT

    def _show_axis(self, show: bool) -> None:
        axis = self.query_one("#axis", TimeAxis)
        if axis.display != show:
            if not show and axis.has_focus:
                self.query_one("#timeline", TimelineList).focus()  # not left with nothing focused
            axis.display = show
            if show:
                axis.select(axis.selected)

    def action_zoom(self, step: int) -> None:
        axis = self.query_one("#axis", TimeAxis)
        self._choose_axis()
        self._show_axis(True)
        if not axis.zoom_by(step):
            self.bell()
        axis.select(axis.selected)

    def action_toggle_lanes(self) -> None:
        self._choose_axis()
        self._show_axis(True)
        self.query_one("#axis", TimeAxis).toggle_lanes()

    def action_article(self) -> None:
        from tui.app.screens.article import ArticleScreen  # loaded on first use: start-up stays light

        self.push_screen(ArticleScreen(self.view, self.query_one("#timeline", TimelineList).selected_id))

    def action_claims(self) -> None:
        from tui.app.screens.claims import ClaimsScreen

        self.push_screen(ClaimsScreen(self.view))

    def action_copy(self) -> None:
        """Copy the quote under the cursor (the quotes pane focused), else the selected event, and say so."""
        from tui.view import event_as_text, quote_as_text

        quotes = self.query_one("#quotes", QuotesPane)
        quote = quotes.current_quote
        if quote is not None:
            text, what = quote_as_text(self.report, quote), "the quote"
        else:
            selected = self.query_one("#timeline", TimelineList).selected_id
            if selected is None:
                self.notify("Nothing to copy: no event is shown.", severity="warning", markup=False)
                return
            text, what = event_as_text(self.report, self.view.timeline[selected]), "the event"
        self.copy_to_clipboard(text)  # OSC 52: the terminal puts it on the system clipboard
        self.notify(f"Copied {what} to the clipboard ({counted(len(text.splitlines()), 'line')}).", markup=False)

    def export_picker(self, shown: str, folder: str) -> Screen[str | None]:
        from tui.app.screens.export import ExportScreen

        return ExportScreen(shown, folder)

    def export_of(self, fmt: str) -> Export:
        from tui.app.exporting import timeline_export

        return timeline_export(self.view, fmt)

    @property
    def source(self) -> Path | None:
        """The events file the app reads (None for a report given in memory): never written over."""
        return self._source


def _collect_from_now_on() -> None:
    """Once the first screen is drawn: if the CLI held the garbage collector off while starting (see
    ``tui.commands.view.prepare``), freeze what start-up built, which lives as long as the app, so that
    collections while the user types never scan it again (a full one took 20–40 ms), and resume."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _commands() -> type:
    """The palette's provider, imported when the palette first opens (textual.command costs ~50 ms)."""
    from tui.app.commands import NewslineCommands

    return NewslineCommands
