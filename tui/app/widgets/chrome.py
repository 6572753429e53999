"""The frame around the panes: the report's header, the status line, the search bar and the footer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey

from tui.model import Report
from tui.temporal.labels import day_label, moment_label
from tui.view import printable


class ReportHeader(Static):
    """The report's headline, language and publication time."""

    def __init__(self, report: Report, **kwargs) -> None:
        published = report.document.published
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(printable(report.document.headline.text), style="bold")
        text.append("\n")
        when = (
            f"published {day_label(published.estimate)}"
            f" (estimate; between {moment_label(published.earliest)} and {moment_label(published.latest)})"
            if published.known
            else "publication time unknown: times are relative to it"
        )
        draft = " · a draft: review before trusting it" if report.draft else ""
        text.append(f"{report.document.id} · {report.document.language} · {when}{draft}", style="dim")
        super().__init__(text, **kwargs)


class StatusLine(Static):
    """ "n of m events · filter: …". It echoes names and what the user typed, so it never reads markup, and
    shows them through the sanitiser: an actor's name could otherwise set the terminal's title."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)

    def show(self, status: str) -> None:
        self.update(printable(status), layout=False)  # one line whatever it says: no need to lay the screen out again


class SearchBar(Input):
    """Incremental search over summaries, quotes and names: each keystroke filters the timeline."""


class KeysFooter(Footer):
    """Textual's footer, rebuilt only when the keys it shows change, and each key styled once.

    Textual's ``Footer`` removes and mounts all its keys again for every change of bindings anywhere on the
    screen: focus moving, a filter applied (the "Clear" key is shown only while there is something to
    clear), the screen resuming. At start-up, where focus and the screen's resume come one after another,
    it was built twice, and a search keystroke rebuilt it each time. This one waits for the burst of
    changes to end and rebuilds only if what it shows (keys, descriptions, enabled or not) has changed.

    Each new key was also styled three times: once mounted, once as its ``compact`` reactive started at
    its default (True) and once as the footer's value (False) reached it. Keys start with the footer's
    value here, so they are styled once. Together: the footer costs a third of what it did to appear.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._update_pending = False
        self._shown: tuple[tuple[object, ...], ...] | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # the value it would end with: the footer's, bound to each key but the palette's (compact)
                compact = True if widget.has_class("-command-palette") else self.compact
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys_shown(self) -> tuple[tuple[object, ...], ...]:
        """What ``Footer.compose`` reads from the screen's bindings: the keys shown, and the palette's."""
        app = self.app
        return tuple(
            (key, app.get_key_display(binding), binding.description, binding.action, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
