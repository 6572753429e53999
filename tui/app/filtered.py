"""What the viewer (:class:`tui.app.app.NewslineApp`) and the corpus app (:class:`tui.app.corpus.CorpusApp`)
share: a list of events (id ``timeline``) that filters narrow — the search bar that filters as you type, escape
that clears every filter, and the export key that writes what the filters show. Each app says only what differs:
its filters (:attr:`FilteredApp.FILTERS`, a frozen dataclass with a ``text``), how the view applies them
(:meth:`FilteredApp.apply_filters`), the search's placeholder, and what an export writes."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.widgets import Input

from tui.app.base import BaseApp
from tui.app.widgets.chrome import SearchBar

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.exporting import Export


class FilteredApp(BaseApp[None]):
    FILTERS: ClassVar[type]  # the app's filters; FILTERS() is no filter at all
    SEARCH_PLACEHOLDER: ClassVar[str]

    view: Any  # the app's view: ``filters``, and ``shown()`` ("4 of 27 events · filter: …")
    export_folder: Path | None = None  # where the export key writes; None: the working directory

    def apply_filters(self, filters: Any) -> None:
        raise NotImplementedError

    def focus_list(self) -> None:
        self.query_one("#timeline").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":  # in the footer only while there is something to clear
            searching = any(search.has_class("open") for search in self.query("#search"))
            return self.view.filters.active or searching  # False: not shown, and escape has no work
        return True

    # -- the search bar and escape ------------------------------------------------------------------------

    async def action_search(self) -> None:
        search = next(self.query("#search").results(SearchBar), None)
        if search is None:  # mounted on first use: an input costs start-up time even while hidden
            search = SearchBar(placeholder=self.SEARCH_PLACEHOLDER, id="search")
            await self.mount(search, before="#status")
        search.add_class("open")
        search.focus()
        self.refresh_bindings()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.apply_filters(dataclasses.replace(self.view.filters, text=event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.focus_list()

    def action_clear_filters(self) -> None:
        self.replace_filters(self.FILTERS())

    def replace_filters(self, filters: Any) -> None:
        """Put ``filters`` in place of whatever filter and search were on (the search bar emptied and closed),
        and go back to the list."""
        for search in self.query("#search").results(SearchBar):
            with search.prevent(Input.Changed):
                search.value = ""
            search.remove_class("open")
        self.apply_filters(filters)
        self.focus_list()

    # -- the export key -------------------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask for a format, then write what the filters show into the export folder (see :meth:`export_shown`)."""
        folder = self.export_folder or Path.cwd()

        def chosen(fmt: str | None) -> None:
            if fmt is not None:
                self.export_shown(fmt, folder)

        self.push_screen(self.export_picker(self.view.shown(), str(folder)), chosen)

    def export_shown(self, fmt: str, folder: Path) -> Path | None:
        """Write what the filters show as ``fmt`` into ``folder`` (:func:`tui.app.exporting.export_shown`): never
        over the file the app reads, never over another without the user's yes."""
        from tui.app.exporting import export_shown

        return export_shown(self, self.export_of(fmt), folder)  # type: ignore[arg-type]

    def export_picker(self, shown: str, folder: str) -> Screen[str | None]:
        """The dialog that asks for a format, saying what will be written and where."""
        raise NotImplementedError

    def export_of(self, fmt: str) -> Export:
        """What the export key writes as ``fmt``: the file's name and how to write it."""
        raise NotImplementedError

    @property
    def source(self) -> Path | None:
        """The file the app reads, never written over (None: none)."""
        return None
