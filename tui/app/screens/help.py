"""The help screen: every key binding, what it does, and its id for keymaps."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keymap import keymap_path


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help-close")]

    def __init__(self, bindings: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("keys", no_wrap=True)
        table.add_column("does")
        table.add_column("id (for the keymap)", style="dim", no_wrap=True)
        for keys, description, binding_id in self.bindings:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        with VerticalScroll(id="help-dialog"):
            yield Static(Text("newsline — keys", style="bold"))
            yield Static(table, id="help-table")
            yield Static(
                Text(
                    f'Remap any key in {keymap_path()}, a TOML file with a [keymap] table of id = "keys", '
                    'for example: quit = "ctrl+q". Escape, q or ? closes this help.',
                    style="dim",
                )
            )
