"""The corpus's panes: the story's events (the viewer's timeline list, drawn from a story), the selected story
event, and each report that tells it. They look and move as the viewer's panes do, and read a
:class:`tui.corpus.view.StoryView` where those read a :class:`tui.view.TimelineView`."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Group
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip
from textual.widgets import Static

from tui.app.widgets.details import DetailPane, ItemsPane, _line
from tui.app.widgets.timeline import (
    MARK,
    MEASURE_ALL_UP_TO,
    RELATIVE_WIDTH,
    WHO_WIDTH,
    TimelineList,
    _fit,
    _ninth_decile,
)
from tui.corpus.story import StoryEvent, Teller
from tui.corpus.view import StoryView, publication, row_mark
from tui.view import counted, figure, printable, short_label


class CorpusHeader(Static):
    """The store's name, and what the corpus holds: reports, outlets, story events, disagreements."""

    def __init__(self, view: StoryView, store: str, **kwargs) -> None:
        events = view.timeline.events
        several = sum(1 for event in events if len(event.tellers) > 1)
        disagree = sum(1 for event in events if event.disagreeing)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(printable(f"Corpus {store}"), style="bold")
        text.append("\n")
        text.append(
            printable(
                f"{counted(len(view.reports), 'report')} from {counted(len(view.story.outlets), 'outlet')} · "
                f"{counted(len(events), 'story event')}, {several} told by several reports, "
                f"{disagree} where reports disagree"
            ),
            style="dim",
        )
        super().__init__(text, **kwargs)


class StoryList(TimelineList):
    """The story's events in time order, as the viewer lists a report's: the likely time ("≈ …"), the outlets
    that tell it, its summary; a "!" where the reports that tell it disagree on its time. The same keys: ↑/↓,
    j/k, home/end, page up/down, [ / ] for the same actor."""

    view: StoryView  # type: ignore[assignment]

    def _measure(self, row: StoryEvent) -> bool:  # type: ignore[override]
        if row.id in self._measured:
            return False
        self._measured.add(row.id)
        when = printable(self.view.when(row))
        longest, shortest, _ = self._widths
        if ": " in when:
            longest, shortest = max(longest, RELATIVE_WIDTH), max(shortest, RELATIVE_WIDTH)
        else:
            longest, shortest = max(longest, cell_len(when)), max(shortest, cell_len(short_label(when)))
        self._who_lengths[min(cell_len(printable(self.view.outlet_names(row))), WHO_WIDTH)] += 1
        before, self._widths = self._widths, (longest, shortest, _ninth_decile(self._who_lengths))
        if self._widths != before:
            self._columns = None
            return True
        return False

    def render_line(self, y: int) -> Strip:
        look = self._look or self._current_look()
        width = self.scrollable_content_region.width
        rows = self.view.rows
        if not rows:
            if y == 0:
                message = f"No story event matches the filter: {self.view.describe_filters()} — escape clears it."
                return Strip([Segment(_fit(printable(message), width), look.empty)], width)
            return Strip.blank(width, look.base)
        layout = self.columns(width)
        index, part = divmod(y + self.scroll_offset.y, layout.lines)
        if index >= len(rows):
            return Strip.blank(width, look.base)
        row = rows[index]
        if len(self.view.timeline) > MEASURE_ALL_UP_TO and self._measure(row):
            self.call_after_refresh(self._remeasured)
        mark, when, who, summary = look.cursor if index == self.cursor else look.plain
        summary_text = printable(row.summary)
        if part == 1:
            columns = [(" " * MARK, mark), (_fit(summary_text, width - MARK), summary)]
        else:
            label = self.shown_label(index)
            columns = [(row_mark(row) + " ", mark), (_fit(label, layout.when) + " ", when)]
            if layout.who:
                columns.append((_fit(printable(self.view.outlet_names(row)), layout.who) + " ", who))
            used = sum(cell_len(text) for text, _ in columns)
            columns.append((_fit(summary_text if layout.lines == 1 else "", max(0, width - used)), summary))
        return Strip([Segment(text, style) for text, style in columns]).crop(0, width)

    def shown_label(self, index: int) -> str:
        layout = self.columns(self.scrollable_content_region.width)
        label = printable(self.view.when(self.view.rows[index]))
        return short_label(label) if layout.short or cell_len(label) > layout.when else label


class StoryEventPane(DetailPane):
    """The selected story event: what it is, who is involved, which outlets tell it, its time in both layers
    across the reports, and the reports that disagree on it."""

    COMPONENT_CLASSES = {"story--disagree"}

    view: StoryView  # type: ignore[assignment]

    def render_event(self, row: StoryEvent) -> Group:  # type: ignore[override]
        view = self.view
        parts: list[Text] = [Text(printable(row.summary), style="bold"), Text()]
        parts.append(_line("Kind", row.kind))
        parts.append(_line("Actors", ", ".join(row.actors) or "—"))
        parts.append(_line("Told by", f"{counted(len(row.tellers), 'report')}: {view.outlet_names(row)}"))
        likely, certain = row.label("likely"), row.label("certain")
        across = ", across the reports" if len(row.tellers) > 1 else ""
        if likely.removeprefix("≈ ") != certain:
            parts.append(_line("When", f"{likely}  (likely{across})", "bold"))
            parts.append(_line("Certain", certain, "bold"))
        else:  # one reading, said once
            parts.append(_line("When", f"{certain}  (certain{across})", "bold"))
        if not row.dated:
            parts.append(Text("  Its reports' publication is unknown: the time is their own.", style="italic dim"))
        disagreeing = view.disagreeing(row)
        if disagreeing:
            style = self.get_component_rich_style("story--disagree", partial=True)
            says = "; ".join(teller.outlet_and_name for teller in disagreeing)
            parts.append(Text(printable(f"! These reports disagree: their times cannot all hold: {says}"), style=style))
        differ = row.figures_differ()
        if differ:
            style = self.get_component_rich_style("story--disagree", partial=True)
            parts.append(Text(f"≠ The reports give different figures ({len(differ)}):", style=style))
            parts += [Text(printable(f"  {line}")) for line in differ]
        return Group(*parts)


class TellersPane(ItemsPane):
    """Each report that tells the selected story event: its outlet, file and publication, its own time, its
    sentences, its attribution chain and its quotes with their speakers. Once focused, ↑/↓ move between the
    reports; the article key opens the current one."""

    BINDINGS = [
        Binding("up,k", "teller(-1)", "Previous report", show=False, id="corpus-teller-previous"),
        Binding("down,j", "teller(1)", "Next report", show=False, id="corpus-teller-next"),
    ]
    COMPONENT_CLASSES = {"tellers--current", "tellers--disagree"}
    SEPARATED = True

    view: StoryView  # type: ignore[assignment]

    @property
    def current_teller(self) -> Teller | None:
        """The report the cursor is on (the first, earliest published, until the user moves)."""
        if self._row is None:
            return None
        return self._row.tellers[self.current]

    def action_teller(self, step: int) -> None:
        self.move(step)

    def items(self, row: StoryEvent) -> Sequence[Teller]:  # type: ignore[override]
        return row.tellers

    def item_parts(self, row: StoryEvent, index: int, *, current: bool) -> list[Text]:  # type: ignore[override]
        return self._blank_before(index) + self._teller_parts(row, row.tellers[index], current=current)

    def _teller_parts(self, row: StoryEvent, teller: Teller, *, current: bool) -> list[Text]:
        record = teller.event
        style = self.get_component_rich_style("tellers--current", partial=True) if current else "bold"
        parts = []
        parts.append(Text(printable(f"{'▌' if current else '•'} {teller.outlet_and_name}"), style=style))
        parts.append(Text(printable(f"  {publication(teller.published)} · its event {record.id}"), style="dim"))
        when = record.likely_label if record.likely_label == record.certain_label else (
            f"{record.likely_label} (likely) · {record.certain_label} (certain)"
        )  # fmt: skip
        parts.append(_line("  When", when))
        if teller.report in row.disagreeing:
            warn = self.get_component_rich_style("tellers--disagree", partial=True)
            parts.append(Text("  ! its time cannot hold with the other reports'", style=warn))
        parts.append(_line("  Chain", " → ".join(record.sources) or "the report itself"))
        parts.append(Text(printable(f"  {record.text}"), style="dim"))
        for quote in record.quotes:
            parts.append(Text(printable(f"  “{quote.text}”"), style="italic"))
            parts.append(Text(printable(f"    — {quote.speaker} ({quote.mode})"), style="dim"))
        for claim in record.claims:
            said = f"  {figure(claim.quantity, claim.unit, claim.qualifier)}: {claim.about}  (“{claim.text}”)"
            parts.append(Text(printable(said)))
        return parts
