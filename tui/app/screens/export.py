"""The export pickers: write what the timeline shows, with its filters, as TimelineJS, CSV or Markdown; what the
corpus's story shows as CSV, Markdown or JSON lines. Then, if the file exists, the question."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.view import printable


class FormatPicker(ModalScreen[str | None]):
    """Pick a format (a subclass binds a key to each): the app writes the file and says where."""

    WHAT = ""  # the dialog's title
    CHOICES: tuple[tuple[str, str], ...] = ()  # (key, format), as the dialog lists them

    def __init__(self, shown: str, folder: str) -> None:
        super().__init__()
        self.shown = shown
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield _dialog(self.WHAT, f"{self.shown}, into {self.folder}", self.CHOICES, "escape cancels")

    def action_choose(self, fmt: str | None) -> None:
        self.dismiss(fmt)


class ExportScreen(FormatPicker):
    """The viewer's picker: the timeline as TimelineJS, CSV or Markdown."""

    BINDINGS = [
        Binding("t", "choose('timelinejs')", "TimelineJS", id="export-timelinejs"),
        Binding("s", "choose('csv')", "CSV", id="export-csv"),
        Binding("m", "choose('markdown')", "Markdown", id="export-markdown"),
        Binding("escape", "choose(None)", "Cancel", id="export-cancel"),
    ]
    WHAT = "Export the timeline"
    CHOICES = (("t", "TimelineJS 3 (JSON), to publish"), ("s", "CSV, for spreadsheets"), ("m", "Markdown, to paste"))


class StoryExportScreen(FormatPicker):
    """The corpus app's picker: the formats of ``newsline corpus export``. The CSV's and Markdown's keys keep the
    viewer's ids (one keymap moves them in both apps); JSON lines is the corpus's own."""

    BINDINGS = [
        Binding("s", "choose('csv')", "CSV", id="export-csv"),
        Binding("m", "choose('markdown')", "Markdown", id="export-markdown"),
        Binding("j", "choose('json')", "JSON lines", id="export-json"),
        Binding("escape", "choose(None)", "Cancel", id="export-cancel"),
    ]
    WHAT = "Export the story"
    CHOICES = (("s", "CSV, for spreadsheets"), ("m", "Markdown, to paste"), ("j", "JSON lines, for programs"))


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
