"""The panes about the selected event: what it is and when, through whom it is known, and its quotes."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.temporal import ResolvedEvent
from tui.temporal.labels import moment_label
from tui.view import TimelineView, printable


class DetailPane(VerticalScroll, can_focus=True):
    """A scrollable pane whose body is replaced when the selection changes."""

    def __init__(self, view: TimelineView, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view
        self.border_title = title
        self.body = Static(classes="pane-body")

    def compose(self) -> ComposeResult:
        yield self.body

    def show(self, row: ResolvedEvent | None) -> None:
        self.body.update(self.render_event(row) if row else Text("No event selected.", style="italic dim"))
        self.scroll_home(animate=False)

    def render_event(self, row: ResolvedEvent) -> Text | Group:
        raise NotImplementedError


def _line(label: str, value: str, style: str = "") -> Text:
    text = Text()
    text.append(f"{label} ", style="bold")
    text.append(printable(value), style=style)
    return text


class EventPane(DetailPane):
    """Summary, actors, places, the time expression with its interval and explanation, relations, claims."""

    def render_event(self, row: ResolvedEvent) -> Group:
        view, event, report = self.view, row.event, self.view.report
        parts: list[Text] = [Text(printable(event.summary), style="bold"), Text()]
        parts.append(_line("Kind", event.kind))
        parts.append(_line("Actors", view.actor_names(event)))
        if event.places:
            parts.append(_line("Places", ", ".join(report.place(p).name for p in event.places)))
        parts.append(_line("When", row.label, "bold"))
        if event.time:
            resolved = row.normalised
            interval = ""
            if resolved and (resolved.earliest or resolved.latest):
                low = moment_label(resolved.earliest) if resolved.earliest else "…"
                high = moment_label(resolved.latest) if resolved.latest else "…"
                interval = f" → {low} – {high} ({resolved.granularity})"
            elif resolved is None:
                interval = " → not understood"
            anchor = f", said in: {report.event(event.time_anchor).summary}" if event.time_anchor else ""
            parts.append(_line("  Expression", f"‘{event.time.text}’{interval}{anchor}"))
        parts.append(_line("  Why", row.explanation, "dim"))
        if row.relations:
            parts.append(Text("Relations", style="bold"))
            for relation in row.relations:
                other = view.timeline[relation.other].event
                parts.append(Text(printable(f"  {relation.phrase}: {other.summary}  (‘{relation.cue.text}’)")))
        after = view.timeline.certainly_after(row.id)
        order = f"certainly before {len(after)} other event(s)" if after else "no later event is certain"
        parts.append(_line("Order", order))
        if event.claims:
            parts.append(Text("Claims", style="bold"))
            for claim in event.claims:
                hedge = f"{claim.qualifier} " if claim.qualifier else ""
                figure = f"  {hedge}{claim.quantity:g} {claim.unit}: {claim.about}  (“{claim.span.text}”)"
                parts.append(Text(printable(figure)))
                for caveat in report.caveats:
                    if claim.id in caveat.claims:
                        parts.append(Text(printable(f"    caveat: {caveat.note}"), style="italic"))
        parts.append(Text("In the report", style="bold"))
        for sentence in event.sentences:
            parts.append(Text(printable(f"  {sentence.text}"), style="dim"))
        return Group(*parts)


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


class QuotesPane(DetailPane):
    """The selected event's verbatim quotes, each with its speaker."""

    def render_event(self, row: ResolvedEvent) -> Group | Text:
        quotes = row.event.quotes
        if not quotes:
            return Text("No quote in the report for this event.", style="italic dim")
        parts = []
        for quote in quotes:
            speaker = self.view.report.actor(quote.speaker).name
            parts.append(Text(printable(quote.span.text)))
            parts.append(Text(printable(f"  — {speaker} ({quote.mode})"), style="dim"))
        return Group(*parts)
