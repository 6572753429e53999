"""What every newsline app shares — the viewer (:class:`tui.app.app.NewslineApp`) and the review of a draft
(:class:`tui.app.review.ReviewApp`): the one stylesheet, the user's keymap, the help listing every key, and
text pasted from the terminal shown through the sanitiser."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual import events
from textual.app import App
from textual.binding import Binding

from tui.app.bindings import UNNAMED_KEYS, binding_places
from tui.printable import printable
from tui.view import MARKS, default_meaning, default_names

ReturnType = TypeVar("ReturnType")


class BaseApp(App[ReturnType]):
    # Every style of every screen (no widget carries its own), found beside this module whatever module the
    # app's class is written in (Textual reads a relative CSS_PATH from the subclass's own folder).
    CSS_PATH = str(Path(__file__).with_name("newsline.tcss"))

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self._keymap = keymap or {}

    def on_mount(self) -> None:
        if self._keymap:
            self.set_keymap(self._keymap)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # What the terminal pastes reaches an input (the search box, the palette's, a review dialog's),
            # which draws it as it comes: an escape sequence in it would reach the terminal. It goes through
            # the sanitiser here.
            event.text = printable(event.text, lines=True)
        await super().on_event(event)

    def action_help(self) -> None:
        """Every key, grouped by where it works, as the user has them (keymap included), with its id."""
        from tui.app.screens.help import HelpScreen

        sections = [
            (place, self._help_rows(bindings) + UNNAMED_KEYS.get(place, [])) for place, bindings in binding_places()
        ]
        defaults = [(name, default_meaning(name)) for name in default_names()]
        notes = [("Marks on the timeline", list(MARKS)), ("News-reading defaults (what a ≈ time rests on)", defaults)]
        self.push_screen(HelpScreen(sections, notes))

    def _help_rows(self, bindings: list[Binding]) -> list[tuple[str, str, str]]:
        """(keys as the user has them, what they do, id) for each binding (all have ids: binding_places)."""
        rows = []
        for binding in bindings:
            keys = self._keymap.get(binding.id or "", binding.key)
            shown = ", ".join(self.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))
            rows.append((shown, binding.description, binding.id or ""))
        return rows
