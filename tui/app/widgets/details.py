"""The panes about the selected event: what it is and when, through whom it is known, and its quotes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.model import Quote
from tui.temporal import ResolvedEvent
from tui.temporal.labels import interval_label
from tui.view import TimelineView, counted, default_meaning, figure, printable, step_plainly, time_of

NOTHING_SELECTED = Text("No event selected.", style="italic dim")


class DetailPane(ScrollView, can_focus=True):
    """A scrollable pane whose body is replaced when the selection changes.

    Line API, like the timeline: the body is wrapped to the pane's width once per selection (or resize)
    and only the lines in view are drawn. One widget per pane, rather than a scrolling container around
    a text widget, costs a third less to style, lay out and draw at start-up.
    """

    def __init__(self, view: TimelineView, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view
        self.border_title = title
        self._body: RenderableType = NOTHING_SELECTED
        self._lines: list[Strip] = []
        self._wrapped_for: tuple[int, int] | None = None  # (width, height) the lines were wrapped for
        self._base: Style | None = None

    def show(self, row: ResolvedEvent | None) -> None:
        self._body = self.render_event(row) if row else NOTHING_SELECTED
        self._wrapped_for = None
        self._wrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    @property
    def text(self) -> str:
        """The whole body as wrapped in the pane, one line per line, trailing spaces dropped."""
        return "\n".join(line.text.rstrip() for line in self._lines)

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()

    def _wrap(self) -> None:
        region = self.scrollable_content_region  # the scrollbar's gutter is kept (newsline.tcss): one width
        if region.width <= 0 or self._wrapped_for == region.size:
            return
        self._wrapped_for = region.size
        console = self.app.console
        lines = console.render_lines(self._body, console.options.update_width(region.width), pad=False)
        self._lines = [Strip(line) for line in lines]
        self.virtual_size = Size(max((line.cell_length for line in self._lines), default=0), len(self._lines))

    def render_lines(self, crop: Region) -> list[Strip]:
        self._wrap()  # the first drawing after a layout may come before the Resize event: wrap now
        self._base = self.rich_style  # the same for every line of a pass, and costly to work out
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        base = self._base or self.rich_style
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if index < len(self._lines):
            return self._lines[index].apply_style(base).extend_cell_length(width, base)
        return Strip.blank(width, base)

    def render_event(self, row: ResolvedEvent) -> Text | Group:
        raise NotImplementedError


def _line(label: str, value: str, style: str = "") -> Text:
    text = Text()
    text.append(f"{label} ", style="bold")
    text.append(printable(value), style=style)
    return text


ORDER_SHOWN = 5  # events named under "certainly before"; the rest are counted


class EventPane(DetailPane):
    """Summary, actors, places, the time expression with its interval and explanation, relations, claims."""

    def render_event(self, row: ResolvedEvent) -> Group:
        view, event, report = self.view, row.event, self.view.report
        parts: list[Text] = [Text(printable(event.summary), style="bold"), Text()]
        parts.append(_line("Kind", event.kind))
        parts.append(_line("Actors", view.actor_names(event)))
        if event.places:
            parts.append(_line("Places", ", ".join(report.place(p).name for p in event.places)))
        likely, certain = row.likely, row.certain
        if row.defaults:  # two layers to tell apart: each with its own "Why"
            parts.append(_line("When", f"{likely.label}  (likely: {', '.join(row.defaults)})", "bold"))
            parts += self._why(row, "likely")
            for name in row.defaults:  # what each default assumes, where it is named
                parts.append(_line(f"  {name}", default_meaning(name), "italic"))
            parts.append(_line("Certain", time_of(certain.label), "bold"))
            parts += self._why(row, "certain")
        else:  # the words alone place it: one reading, said once
            parts.append(_line("When", f"{time_of(certain.label)}  (certain)", "bold"))
            parts += self._why(row, "likely" if likely.label == certain.label else "certain")
        if event.time:
            resolved = row.normalised
            interval = ""
            if resolved and (resolved.earliest or resolved.latest):
                interval = f" → {interval_label(resolved.earliest, resolved.latest)} ({resolved.granularity})"
            elif resolved is None:
                interval = " → not understood"
            anchor = f", said in: {report.event(event.time_anchor).summary}" if event.time_anchor else ""
            parts.append(_line("  Expression", f"‘{event.time.text}’{interval}{anchor}"))
        if event.tense:
            parts.append(_line("  Tense", f"{event.tense.form} (‘{event.tense.cue.text}’)"))
        if row.relations:
            parts.append(Text("Relations", style="bold"))
            for relation in row.relations:
                other = view.timeline[relation.other].event
                guess = ", a guess of the drafter's: likely only" if relation.guessed else ""
                parts.append(Text(printable(f"  {relation.phrase}: {other.summary}  (‘{relation.cue.text}’{guess})")))
        after = view.timeline.certainly_after(row.id)
        if after:
            parts.append(_line("Order", f"certainly before {counted(len(after), 'other event')}:"))
            for other_id in after[:ORDER_SHOWN]:
                parts.append(Text(printable(f"  {view.timeline[other_id].event.summary}"), style="dim"))
            if len(after) > ORDER_SHOWN:
                parts.append(Text(f"  and {counted(len(after) - ORDER_SHOWN, 'more event')}", style="dim"))
        else:
            parts.append(_line("Order", "no later event is certain"))
        if event.claims:
            parts.append(Text("Claims", style="bold"))
            for claim in event.claims:
                said = f"  {figure(claim.quantity, claim.unit, claim.qualifier)}: {claim.about}  (“{claim.span.text}”)"
                parts.append(Text(printable(said)))
                for caveat in report.caveats:
                    if claim.id in caveat.claims:
                        parts.append(Text(printable(f"    caveat: {caveat.note}"), style="italic"))
        parts.append(Text("In the report", style="bold"))
        for sentence in event.sentences:
            parts.append(Text(printable(f"  {sentence.text}"), style="dim"))
        return Group(*parts)

    def _why(self, row: ResolvedEvent, layer: Literal["certain", "likely"]) -> list[Text]:
        """Why the layer places the event there, as the chain of steps behind each bound, from its anchor
        (a time expression, the publication, a default) to the event; then what the explanation adds (a side
        left open, a default set aside). Where no step bounds it, the explanation itself."""
        found = row.likely if layer == "likely" else row.certain
        steps = row.steps(layer)
        if not steps:
            return [_line("  Why", found.explanation, "dim")]
        lines = [Text("  Why, from the words to this event:", style="bold")]
        side = None
        for step in steps:
            first = step.side != side  # a bound's chain starts: its side, then each step
            line = Text()
            line.append(f"    {step.side}: " if first else "      → ", style="bold" if first else "")
            line.append(printable(step_plainly(self.view.report, row, step)), style="dim")
            lines.append(line)
            side = step.side
        lines += [_line("    note:", note, "dim") for note in found.notes]
        return lines


class SourcesPane(DetailPane):
    """The channels by which the selected event is known, and the attribution chain."""

    def render_event(self, row: ResolvedEvent) -> Group:
        view, report = self.view, self.view.report
        parts = [_line("Chain", " → ".join(view.chain(row.event)))]
        for attribution in row.event.sources:
            source = report.source(attribution.source)
            owner = report.actor(source.affiliation).name if source.affiliation else "the report itself"
            parts.append(Text(printable(f"• {source.label} — {source.kind}, {owner}")))
        return Group(*parts)


class ItemsPane(DetailPane):
    """A detail pane over a list of items (an event's quotes, a story event's reports): once focused, a cursor
    moves between them (``move``), the current one highlighted and scrolled to; unfocused, none is. A subclass
    says what its items are (:meth:`items`) and how one is drawn (:meth:`item_parts`: its lines, a blank line
    first where items are set apart, ``SEPARATED``)."""

    SEPARATED = False  # a blank line between two items
    EMPTY = ""  # what the pane says for a row with no item

    def __init__(self, view: TimelineView, title: str, **kwargs) -> None:
        super().__init__(view, title, **kwargs)
        self._row: Any = None
        self.current = 0

    def show(self, row: Any) -> None:
        self._row, self.current = row, 0
        super().show(row)

    def items(self, row: Any) -> Sequence[Any]:
        raise NotImplementedError

    def item_parts(self, row: Any, index: int, *, current: bool) -> list[Text]:
        raise NotImplementedError

    def move(self, step: int) -> None:
        if self._row is None or not self.items(self._row):
            return
        self.current = max(0, min(len(self.items(self._row)) - 1, self.current + step))
        self._redraw()
        self.scroll_to(0, self._first_line(self.current), animate=False)

    def on_focus(self) -> None:
        self._redraw()

    def on_blur(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        """Draw again in place (the highlight follows focus and the cursor), keeping the scroll."""
        if self._row is None:
            return
        self._body = self.render_event(self._row)
        self._wrapped_for = None
        self._wrap()
        self.refresh()

    def _first_line(self, index: int) -> int:
        """The wrapped line an item's own first line is on (past the blank line that sets it apart)."""
        assert self._row is not None
        width = max(self.scrollable_content_region.width, 1)
        console = self.app.console
        line = 0
        for number in range(index):
            for part in self.item_parts(self._row, number, current=False):
                line += len(console.render_lines(part, console.options.update_width(width), pad=False))
        return line + (1 if index and self.SEPARATED else 0)

    def render_event(self, row: Any) -> Group | Text:
        if not self.items(row):
            return Text(self.EMPTY, style="italic dim")
        parts: list[Text] = []
        for index in range(len(self.items(row))):
            parts += self.item_parts(row, index, current=index == self.current and self.has_focus)
        return Group(*parts)

    def _blank_before(self, index: int) -> list[Text]:
        return [Text()] if index and self.SEPARATED else []


class QuotesPane(ItemsPane):
    """The selected event's verbatim quotes, each with its speaker. Once focused, ↑/↓ move between quotes:
    the current one is highlighted, and the copy key copies it."""

    BINDINGS = [
        Binding("up,k", "quote(-1)", "Previous quote", show=False, id="quote-previous"),
        Binding("down,j", "quote(1)", "Next quote", show=False, id="quote-next"),
    ]
    COMPONENT_CLASSES = {"quotes--current"}
    EMPTY = "No quote in the report for this event."

    @property
    def current_quote(self) -> Quote | None:
        """The quote under the cursor, while the pane has focus."""
        if self._row is None or not self.has_focus or not self._row.event.quotes:
            return None
        return self._row.event.quotes[self.current]

    def action_quote(self, step: int) -> None:
        self.move(step)

    def items(self, row: ResolvedEvent) -> Sequence[Quote]:
        return row.event.quotes

    def item_parts(self, row: ResolvedEvent, index: int, *, current: bool) -> list[Text]:
        return self._quote_parts(row.event.quotes[index], current=current)

    def _quote_parts(self, quote: Quote, *, current: bool) -> list[Text]:
        speaker = self.view.report.actor(quote.speaker).name
        style = self.get_component_rich_style("quotes--current", partial=True) if current else ""
        return [
            Text(printable(quote.span.text), style=style),
            Text(printable(f"  — {speaker} ({quote.mode})"), style="dim"),
        ]
