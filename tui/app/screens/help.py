"""The help screen: every key binding, grouped by where it works, with its id for keymaps."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keymap import keymap_path

HelpRow = tuple[str, str, str]  # keys as shown, what they do, binding id ("—": not remappable)
HelpSection = tuple[str, list[HelpRow]]  # where the keys work, and its rows
Note = tuple[str, list[tuple[str, str]]]  # a title, and what each mark or name on the screen means
KEYS_WIDTH, ID_WIDTH, TERM_WIDTH = 16, 26, 22


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help-close")]

    def __init__(self, sections: list[HelpSection], notes: list[Note] | None = None) -> None:
        super().__init__()
        self.sections = sections
        self.notes = notes or []

    def compose(self) -> ComposeResult:
        tables = []
        for title, terms in self.notes:  # the marks and names the screen shows, before the keys
            table = Table(
                title=Text(title, style="bold"), title_justify="left", box=None, expand=True, show_header=False,
                pad_edge=False,
            )  # fmt: skip
            table.add_column("term", width=TERM_WIDTH, no_wrap=True)
            table.add_column("means", ratio=1)
            for term, meaning in terms:
                table.add_row(Text(term), Text(meaning))
            tables.append(table)
        for title, rows in self.sections:
            table = Table(
                title=Text(title, style="bold"),
                title_justify="left",
                box=None,
                expand=True,
                show_header=False,
                pad_edge=False,
            )
            table.add_column("keys", width=KEYS_WIDTH, no_wrap=True)
            table.add_column("does", ratio=1)
            table.add_column("id", width=ID_WIDTH, style="dim", no_wrap=True)
            for keys, description, binding_id in rows:
                table.add_row(Text(keys), Text(description), Text(binding_id))
            tables.append(table)
        with VerticalScroll(id="help-dialog"):
            yield Static(Text("newsline — marks, defaults and keys", style="bold"))
            yield Static(Group(*tables), id="help-table")
            yield Static(
                Text(
                    f"The third column is each binding's id. Remap a key in {keymap_path()}, a TOML file with "
                    'a [keymap] table of id = "keys", '
                    'for example: quit = "ctrl+q". Escape, q or ? closes this help.',
                    style="dim",
                )
            )
