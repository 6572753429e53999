"""The newsline app: a thin shell that composes the panes and owns the bindings."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from tui.model import Report


class NewslineApp(App[None]):
    CSS_PATH = "newsline.tcss"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        self.title = report.document.headline.text
        self.sub_title = f"{report.document.id} · {report.document.language}"

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(
            *(Option(Text(event.summary), id=event.id) for event in self.report.events),
            id="events",
        )
        yield Footer()
