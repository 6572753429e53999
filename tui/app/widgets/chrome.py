"""The frame around the panes: the report's header, the status line and the search bar."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, Static

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
        text.append(
            f"{report.document.id} · {report.document.language} · published {day_label(published.estimate)}"
            f" (estimate; between {moment_label(published.earliest)} and {moment_label(published.latest)})",
            style="dim",
        )
        super().__init__(text, **kwargs)


class StatusLine(Static):
    """ "n of m events · filter: …". It echoes names and what the user typed, so it never reads markup."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)

    def show(self, status: str) -> None:
        self.update(status, layout=False)  # one line whatever it says: no need to lay the screen out again


class SearchBar(Input):
    """Incremental search over summaries, quotes and names: each keystroke filters the timeline."""
