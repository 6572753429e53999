"""The frame around the panes: the report's header, the status line, the search bar and the footer."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
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
    """Textual's footer, showing only keys it can draw whole, rebuilt only when what it shows changes.

    Every key fits: at a width where the keys would run off the edge (Textual's footer then cut the last
    one mid-word: "e E▏"), the footer goes compact, then leaves out the palette's key, then keys from the
    end — never "?", whose help lists every key; "? All keys" then says that some are not shown.

    Textual's ``Footer`` removes and mounts all its keys again for every change of bindings anywhere on the
    screen: focus moving, a filter applied (the "Clear" key is shown only while there is something to
    clear), the screen resuming. At start-up, where focus and the screen's resume come one after another,
    it was built twice, and a search keystroke rebuilt it each time. This one waits for the burst of
    changes to end and rebuilds only if what it shows (keys, descriptions, enabled or not, the width) has
    changed. Each key is styled once, starting with the footer's own ``compact`` value.

    The first time, there is nothing to wait for: the keys are built as soon as the screen's bindings are
    known, before the next frame, so the first frame of a screen shows them. Textual's footer built them
    after a refresh, which at start-up came five frames (80 ms) after the panes were first drawn.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._update_pending = False
        self._shown: tuple[object, ...] | None = None
        self.hidden: tuple[str, ...] = ()  # the keys left out for want of room (their descriptions)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        keys, palette, compact, hidden = self._fitted()
        self.hidden = tuple(binding.description for binding, _, _ in hidden)
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact", update=False)
        app = self.app
        for binding, enabled, tooltip in keys:
            description = binding.description
            if hidden and binding.action in HELP_ACTIONS:
                description = "All keys"
            widget = FooterKey(
                binding.key, app.get_key_display(binding), description, binding.action, disabled=not enabled,
                tooltip=tooltip,
            )  # fmt: skip
            widget.set_reactive(FooterKey.compact, compact)
            widget.set_class(compact, "-compact", update=False)
            yield widget
        if palette is not None:
            binding, enabled, tooltip = palette
            widget = FooterKey(
                binding.key, app.get_key_display(binding), binding.description, binding.action,
                classes="-command-palette", disabled=not enabled, tooltip=binding.tooltip or binding.description,
            )  # fmt: skip
            widget.set_reactive(FooterKey.compact, True)
            widget.set_class(True, "-compact", update=False)
            yield widget

    def _offered(self) -> tuple[list[tuple[Binding, bool, str]], tuple[Binding, bool, str] | None]:
        """The keys to show, one per action as Textual's footer has them, and the palette's key."""
        app = self.app
        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, (binding, enabled, tooltip))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled, tooltip)
        return list(by_action.values()), palette

    def _fitted(self):  # type: ignore[no-untyped-def]
        """(keys, palette key or None, compact, keys left out) that fit the footer's width."""
        keys, palette = self._offered()
        width = self.app.size.width
        display = self.app.get_key_display

        def cells(binding: Binding, compact: bool) -> int:
            # " k description " apart, "k description" and a margin compact (Textual's footer styles)
            return cell_len(display(binding)) + cell_len(binding.description) + (2 if compact else 3)

        def palette_cells(compact: bool) -> int:
            return 0 if palette is None else cell_len(display(palette[0])) + cell_len(palette[0].description) + 4

        for compact in (False, True):
            if sum(cells(binding, compact) for binding, _, _ in keys) + palette_cells(compact) <= width:
                return keys, palette, compact, []
        shown, hidden = list(keys), []
        room = width - len("All keys") + len("Help")  # the help key says that keys are left out
        while sum(cells(binding, True) for binding, _, _ in shown) > room:
            last = next((key for key in reversed(shown) if key[0].action not in HELP_ACTIONS), None)
            if last is None:
                break
            shown.remove(last)
            hidden.insert(0, last)
        return shown, None, True, hidden

    def on_resize(self) -> None:
        """Another width may fit more keys, or fewer: rebuilt whether or not the terminal has focus (a
        terminal resized from outside may not report focus, and the footer would stay cut)."""
        if self.is_attached and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            if self._shown is None:  # never built: at once, so that the first frame has the keys
                self.call_next(self._update_keys)
            else:
                self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys_shown(self) -> tuple[object, ...]:
        """What ``compose`` reads: the keys shown, the palette's, and the width they must fit."""
        app = self.app
        keys = tuple(
            (key, app.get_key_display(binding), binding.description, binding.action, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
        return (*keys, app.size.width)


HELP_ACTIONS = frozenset({"help", "app.help"})  # the key never left out of the footer: it lists every key
