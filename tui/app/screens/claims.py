"""The claimed figures: every figure the report gives, who claims it, when and through whom, and the
conflicts between them that the report itself points out."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.app.widgets.chrome import KeysFooter
from tui.model import Claim, Event, Report
from tui.view import TimelineView, counted, figure, printable

PADDING = 1  # the table's cell padding, each side


def claimed_by(report: Report, event: Event, claim: Claim) -> str:
    """Who claims the figure: the speaker of the quote it is in, else the origin of the attribution chain."""
    for quote in event.quotes:
        if quote.span.contains(claim.span):
            return report.actor(quote.speaker).name
    if event.sources:
        affiliation = report.source(event.sources[0].source).affiliation
        if affiliation:
            return report.actor(affiliation).name
    return "the report"


def claimed_when(view: TimelineView, event: Event) -> str:
    """When the figure was claimed, not when what it counts happened: the time of the statement it was said
    in (the event's ``time_anchor``), of the event itself if it is a statement, else by the publication."""
    timeline = view.timeline
    if event.time_anchor:
        return view.when(timeline[event.time_anchor])  # the timeline's label, "≈" and all
    if event.kind == "statement":
        return view.when(timeline[event.id])
    return f"by publication ({timeline.report.document.published.estimate:%a %-d %b})"


class ClaimsScreen(ModalScreen[None]):
    """Every claimed figure in one table, and the caveats the report raises about them."""

    BINDINGS = [
        Binding("enter", "open_event", "Open event", priority=True, id="claims-open-event"),
        Binding("escape,c", "close", "Close", id="claims-close"),
        # The app's own keys, which a modal screen would otherwise hold back (same ids: a keymap moves them too)
        Binding("question_mark", "app.help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self.view = view
        report = view.report
        self.claims = sorted(report.claims(), key=lambda pair: (pair[1].span.start, pair[1].span.end))
        self.rows = [
            (
                claim.id,
                figure(claim.quantity, claim.unit, claim.qualifier),
                claim.about,
                claimed_by(report, event, claim),
                claimed_when(view, event),
                " → ".join(view.chain(event)),
                event.summary,
            )
            for event, claim in self.claims
        ]
        self._width = -1

    def compose(self) -> ComposeResult:
        count = len(self.rows)
        header = f"{counted(count, 'claimed figure')} · enter opens a figure's event · escape closes"
        yield Static(Text(header), id="claims-header")
        yield DataTable(id="claims-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="claims-caveats"):
            yield Static(self._caveats(), id="claims-caveats-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#claims-caveats", VerticalScroll).border_title = "Conflicts the report points out"
        self.query_one("#claims-table", DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        self._build(event.size.width)

    def _build(self, width: int) -> None:
        """Fill the table with columns fitted to ``width``: long cells wrap inside their column."""
        if width == self._width:
            return
        self._width = width
        table = self.query_one("#claims-table", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        names = ("figure", "what it counts", "claimed by", "when claimed", "through", "event")
        widths = [max([len(name), *(len(cells[index + 1]) for cells in self.rows)]) for index, name in enumerate(names)]
        narrow = width < 100  # at 80 columns: smaller fixed columns, and headers may take two lines
        widths[0] = min(widths[0], 10 if narrow else 13)
        widths[2] = min(widths[2], 10 if narrow else 18)
        widths[3] = min(widths[3], 10 if narrow else 13)
        free = max(30, width - 2 - 2 * PADDING * len(names) - widths[0] - widths[2] - widths[3])  # 2: scroll bar
        widths[1], widths[4] = free // 4, free * 2 // 5
        widths[5] = free - widths[1] - widths[4]
        # never narrower than a column's longest word: Rich would break it ("Saturday-eveni / ng"); the
        # table scrolls sideways instead when the words cannot all fit
        least = [
            max(
                cell_len(word)
                for cell in (name, *(printable(row[index + 1]) for row in self.rows))
                for word in cell.split()
            )
            for index, name in enumerate(names)
        ]
        widths = [max(w, m) for w, m in zip(widths, least, strict=True)]
        room = width - 2 - 2 * PADDING * len(names)
        while sum(widths) > room:  # give back what the longest words took, from the widest columns that can
            widest = max((i for i in range(len(names)) if widths[i] > least[i]), key=widths.__getitem__, default=None)
            if widest is None:
                break
            widths[widest] -= 1
        table.header_height = 2 if any(len(name) > w for name, w in zip(names, widths, strict=True)) else 1
        for name, column_width in zip(names, widths, strict=True):
            table.add_column(Text(name, style="bold"), width=column_width, key=name)
        for claim_id, *cells in self.rows:
            table.add_row(*(Text(printable(cell)) for cell in cells), height=None, key=claim_id)
        if self.rows:
            table.move_cursor(row=min(row, len(self.rows) - 1))

    def _caveats(self) -> Text:
        report = self.view.report
        if not report.caveats:
            return Text("The report points out no conflict between its figures.", style="italic dim")
        text = Text()
        for index, caveat in enumerate(report.caveats):
            if index:
                text.append("\n\n")
            text.append(printable(caveat.note))
            text.append("\n")
            text.append(printable(f"“{caveat.span.text}”"), style="italic")
            text.append(" — the report", style="dim")
            for claim_id in caveat.claims:
                claim = report.claim(claim_id)
                text.append("\n  • ")
                text.append(printable(figure(claim.quantity, claim.unit, claim.qualifier)), style="bold")
                text.append(printable(f": {claim.about} (‘{claim.span.text}’)"))
        return text

    @property
    def selected_event_id(self) -> str | None:
        table = self.query_one("#claims-table", DataTable)
        if not self.claims or not 0 <= table.cursor_row < len(self.claims):
            return None
        return self.claims[table.cursor_row][0].id

    def action_open_event(self) -> None:
        event_id = self.selected_event_id
        if event_id is None:
            self.app.bell()
            return
        self.dismiss()
        self.app.jump_to(event_id)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss()
