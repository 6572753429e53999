"""The export picker: write what the timeline shows, with its filters, as TimelineJS, CSV or Markdown."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.view import printable

CHOICES = (("t", "TimelineJS 3 (JSON), to publish"), ("s", "CSV, for spreadsheets"), ("m", "Markdown, to paste"))


class ExportScreen(ModalScreen[str | None]):
    """Pick a format; the app writes the file and says where."""

    BINDINGS = [
        Binding("t", "choose('timelinejs')", "TimelineJS", id="export-timelinejs"),
        Binding("s", "choose('csv')", "CSV", id="export-csv"),
        Binding("m", "choose('markdown')", "Markdown", id="export-markdown"),
        Binding("escape", "choose(None)", "Cancel", id="export-cancel"),
    ]

    def __init__(self, shown: str, folder: str) -> None:
        super().__init__()
        self.shown = shown
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield _dialog("Export the timeline", f"{self.shown}, into {self.folder}", CHOICES, "escape cancels")

    def action_choose(self, fmt: str | None) -> None:
        self.dismiss(fmt)


class ReplaceScreen(ModalScreen[str | None]):
    """The export's file exists already: replace it (r), write under a new name (n), or cancel (escape).
    Nothing is replaced without this yes."""

    BINDINGS = [
        Binding("r", "choose('replace')", "Replace", id="export-replace"),
        Binding("n", "choose('new')", "New name", id="export-new-name"),
        Binding("escape", "choose(None)", "Cancel", id="export-replace-cancel"),
    ]

    def __init__(self, existing: str, new_name: str) -> None:
        super().__init__()
        self.existing = existing
        self.new_name = new_name

    def compose(self) -> ComposeResult:
        choices = (("r", "Replace it"), ("n", f"Keep it, and write {self.new_name}"))
        yield _dialog("The file exists already", self.existing, choices, "escape cancels the export")

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


def _dialog(title: str, note: str, choices: tuple[tuple[str, str], ...], footer: str) -> Vertical:
    """The export's dialogs: a title, a note from the data (a folder, a file), a key per choice, the way out."""
    lines = Text()
    lines.append(f"{title}\n", style="bold")
    lines.append(printable(note), style="dim")
    lines.append("\n\n")
    for key, label in choices:
        lines.append(f" {key} ", style="bold reverse")
        lines.append("  ")
        lines.append(printable(label))
        lines.append("\n")
    lines.append(f"\n{footer}", style="dim")
    return Vertical(Static(lines), id="export-dialog")
