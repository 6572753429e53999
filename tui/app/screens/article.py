"""The article, with the evidence: the report's full text, the selected event's spans highlighted by kind.

``n`` / ``N`` step through the event's evidence in document order. The other way round, a sentence cursor
picks a sentence and enter opens the events told in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.sentence_index import SentenceIndex, Sentences, overlaps
from tui.app.text_layout import WrappedLines
from tui.app.widgets.chrome import KeysFooter
from tui.model import Event, Report, Span
from tui.temporal import ResolvedEvent
from tui.view import TimelineView, counted, figure, printable

KINDS = {
    "time": "time expression",
    "relation": "relation cue",
    "quote": "quote",
    "claim": "claim",
    "attribution": "attribution cue",
}
_KIND_ORDER = {kind: index for index, kind in enumerate(KINDS)}
GUTTER = 2  # the sentence cursor's marker, left of the text
_BACKGROUNDED = {"sentence", "cursor", "time", "relation", "quote", "claim"}  # the kinds drawn on a colour


@dataclass(frozen=True)
class EvidenceSpan:
    """One span of the report's text that an event rests on, of one kind (a key of ``KINDS``), as the article
    highlights it. (The time engine's :class:`tui.temporal.evidence.Evidence` is why a constraint holds.)"""

    kind: str
    span: Span
    note: str = ""

    @property
    def label(self) -> str:
        return KINDS[self.kind]

    def describe(self) -> str:
        text = self.span.text if len(self.span.text) <= 70 else self.span.text[:69] + "…"
        note = f" ({self.note})" if self.note else ""
        return f"{self.label}: ‘{text}’{note}"


def evidence_of(report: Report, event: Event) -> list[EvidenceSpan]:
    """The event's time expression, relation cues, quotes, claims and attribution cues, in document order."""
    found: list[EvidenceSpan] = []
    if event.time:
        found.append(EvidenceSpan("time", event.time))
    for relation in event.relations:
        found.append(EvidenceSpan("relation", relation.cue, f"{relation.type} {report.event(relation.target).summary}"))
    for quote in event.quotes:
        found.append(EvidenceSpan("quote", quote.span, f"{report.actor(quote.speaker).name}, {quote.mode}"))
    for claim in event.claims:
        found.append(EvidenceSpan("claim", claim.span, figure(claim.quantity, claim.unit, claim.qualifier)))
    for attribution in event.sources:
        if attribution.cue:
            found.append(EvidenceSpan("attribution", attribution.cue, report.source(attribution.source).label))
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda e: (e.span.start, -e.span.end, _KIND_ORDER[e.kind]))


class ArticleText(ScrollView, can_focus=False):
    """The report's text, wrapped and drawn line by line; styles come from :meth:`paint`."""

    COMPONENT_CLASSES = {
        "article--sentence",
        "article--cursor",
        "article--marker",
        "article--current",
        *(f"article--{kind}" for kind in KINDS),
    }

    class Clicked(Message):
        """The text at ``offset`` was clicked."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.plain = printable(text, lines=True)  # one character for one, line breaks kept: offsets are kept
        self.lines: WrappedLines | list[tuple[int, int]] = []
        self._width = -1
        self._cursor: tuple[int, int] | None = None
        self._reveal: tuple[int, int] | None = None
        self._strips: dict[int, Strip] = {}
        self._layers: list[tuple[int, int, Style]] = []

    def style(self, name: str) -> Style:
        """The style of one component ("time", "cursor", …), to draw over what is under it: with its own
        background where it has one (its "auto" text colour is worked out against that), else only what it
        sets (an underline, a colour) so that the background under it shows through."""
        return self.get_component_rich_style(f"article--{name}", partial=name not in _BACKGROUNDED)

    def paint(self, layers: Iterable[tuple[int, int, Style]], cursor: tuple[int, int] | None) -> None:
        """Restyle the text: each ``(start, end, style)`` in turn, later ones over earlier ones."""
        self._layers = list(layers)
        self._cursor = cursor
        self._strips.clear()
        self.refresh()

    def reveal(self, start: int, end: int) -> None:
        """Scroll so that ``start:end`` is on screen (centred if it was not); kept across resizes."""
        self._reveal = (start, end)
        if not self.lines:
            return
        first, last = self.line_at(start), self.line_at(max(start, end - 1))
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if height and (first < top or last >= top + height):
            target = first if last - first + 1 >= height else first - (height - (last - first + 1)) // 2
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def line_at(self, offset: int) -> int:
        return self.lines.line_at(offset) if isinstance(self.lines, WrappedLines) else 0

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset drawn at content cell ``(x, y)`` of the whole text, or None past its end."""
        if not 0 <= y < len(self.lines):
            return None
        start, end = self.lines[y]
        column = 0
        for offset in range(start, end):
            column += cell_len(self.plain[offset])
            if column > x - GUTTER:
                return offset
        return max(start, end - 1)

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width == self._width or width <= GUTTER:
            return
        self._width = width
        self.lines = WrappedLines(self.plain, width - GUTTER, self.app.console)
        self._strips.clear()
        self.virtual_size = Size(0, len(self.lines))
        if self._reveal:
            self.call_after_refresh(self.reveal, *self._reveal)

    def on_resize(self, event: Resize) -> None:
        self._rewrap()

    def _follow_wrapping(self) -> None:
        """The line count grew or shrank as paragraphs were wrapped: lines drawn from estimates are redrawn."""
        if len(self.lines) != self.virtual_size.height:
            self.virtual_size = Size(0, len(self.lines))
            self._strips.clear()
            self.refresh()

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            found = self.offset_at(offset.x, offset.y + round(self.scroll_offset.y))
            if found is not None:
                self.post_message(self.Clicked(found))

    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_offset.y)
        base = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            start, end = self.lines[index]
            if len(self.lines) != self.virtual_size.height:  # a paragraph wrapped to more or fewer lines
                self.call_after_refresh(self._follow_wrapping)
            cursor = self._cursor
            marked = cursor is not None and start < cursor[1] and cursor[0] < end
            segments = [Segment("▌ ", base + self.style("marker")) if marked else Segment(" " * GUTTER, base)]
            segments += [
                Segment(s.text, base + s.style if s.style else base)
                for s in self._line_text(start, end).render(self.app.console)
            ]
            strip = self._strips[index] = Strip(segments).extend_cell_length(width, base).crop(0, width)
        return strip

    @property
    def text(self) -> Text:
        """The whole text with its layers (for checks: drawing styles only the lines on screen)."""
        text = Text(self.plain)
        for start, end, style in self._layers:
            text.stylize(style, start, end)
        return text

    def _line_text(self, start: int, end: int) -> Text:
        """One line with the layers that reach it (slicing the whole styled text costs its length each time)."""
        line = Text(self.plain[start:end])
        for first, last, style in self._layers:
            if first < end and start < last:
                line.stylize(style, max(first, start) - start, min(last, end) - start)
        return line


class ArticleScreen(ModalScreen[None]):
    """The report's text with one event's evidence; a sentence cursor leads back to the events."""

    BINDINGS = [
        Binding("n", "evidence(1)", "Next evidence", id="article-next-evidence"),
        Binding("N", "evidence(-1)", "Previous evidence", id="article-previous-evidence"),
        Binding("up,k", "sentence(-1)", "Sentence up", show=False, id="article-sentence-up"),
        Binding("down,j", "sentence(1)", "Sentence down", show=False, id="article-sentence-down"),
        Binding("enter", "choose_sentence", "Events of sentence", id="article-choose-sentence"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="article-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="article-page-down"),
        Binding("escape,r", "close", "Close", id="article-close"),
        # The app's own keys, which a modal screen would otherwise hold back (same ids: a keymap moves them too)
        Binding("question_mark", "app.help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self, view: TimelineView, event_id: str | None) -> None:
        super().__init__()
        self.view = view
        report = view.report
        self.event = report.event(event_id) if event_id else None
        self.evidence = evidence_of(report, self.event) if self.event else []
        self.current: int | None = None
        self.sentences = Sentences(report.document.text)
        self.cursor = 0
        if self.event and self.event.sentences:
            self.cursor = self.sentences.first_overlapping(self.event.sentences[0])

    def compose(self) -> ComposeResult:
        summary = printable(self.event.summary) if self.event else "No event selected"
        yield Static(Text(summary, style="bold" if self.event else "italic"), id="article-header")
        yield Static(id="article-legend")
        yield Static(id="article-status")
        yield ArticleText(self.view.report.document.text, id="article-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        article = self.article
        legend = Text("Legend  ", style="dim")

        for name, label in (("sentence", "event's sentence"), *KINDS.items(), ("current", "current")):
            legend.append(
                label, article.style(name) if name != "current" else article.style("time") + article.style(name)
            )
            legend.append("  ")
        legend.append("▌", article.style("marker"))
        legend.append("sentence cursor", article.style("cursor"))
        self.query_one("#article-legend", Static).update(legend)
        self._paint()
        if self.event is None:
            self._say("No event selected · ↑/↓ pick a sentence, enter opens its events")
        elif self.evidence:
            self._say(
                f"{counted(len(self.evidence), 'evidence span')} in {counted(len(self.event.sentences), 'sentence')} · "
                "n / N step through them · ↑/↓ pick a sentence, enter opens its events"
            )
        else:
            self._say("No time expression, cue, quote or claim for this event · ↑/↓ pick a sentence")
        article.reveal(*self.sentences[self.cursor])

    @property
    def article(self) -> ArticleText:
        return self.query_one("#article-text", ArticleText)

    @property
    def status(self) -> str:
        return str(self.query_one("#article-status", Static).render())

    def style_at(self, offset: int) -> Style:
        """The style the text has at ``offset`` (for tests and checks)."""
        return self.article.text.get_style_at_offset(self.app.console, offset)

    def _say(self, message: str) -> None:
        self.query_one("#article-status", Static).update(Text(printable(message)))  # one line, "…" if longer

    def _paint(self) -> None:
        article = self.article
        layers: list[tuple[int, int, Style]] = []
        if self.event:
            sentences = sorted(self.event.sentences, key=lambda s: s.start)
            layers += [(s.start, s.end, article.style("sentence")) for s in sentences]
            for before, after in pairwise(sentences):
                gap = article.plain[before.end : after.start]
                if gap and gap.isspace() and "\n" not in gap:  # consecutive sentences read as one block
                    layers.append((before.end, after.start, article.style("sentence")))
        cursor = self.sentences[self.cursor]
        layers.append((*cursor, article.style("cursor")))
        for evidence in sorted(self.evidence, key=lambda e: -len(e.span)):  # inner spans over outer ones
            layers.append((evidence.span.start, evidence.span.end, article.style(evidence.kind)))
        if self.current is not None:
            span = self.evidence[self.current].span
            layers.append((span.start, span.end, article.style("current")))
        article.paint(layers, cursor)

    # -- the sentence's events -------------------------------------------------------------------------

    def events_of_sentence(self, index: int) -> list[ResolvedEvent]:
        """The events told in sentence ``index``, in timeline order."""
        return self._told_in.overlapping(*self.sentences[index])

    @cached_property
    def _told_in(self) -> SentenceIndex:
        return SentenceIndex(self.view.timeline.events)

    def reason_of_sentence(self, index: int) -> str | None:
        """Why sentence ``index`` is not an event, if the report's curation says."""
        start, end = self.sentences[index]
        return next((n.reason for n in self.view.report.not_events if overlaps(n.span, start, end)), None)

    # -- actions -------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n / N show as disabled when the event has no evidence to step through."""
        return None if action == "evidence" and not self.evidence else True

    def action_evidence(self, step: int) -> None:
        if self.current is None:
            self.current = 0 if step > 0 else len(self.evidence) - 1
        else:
            self.current = (self.current + step) % len(self.evidence)
        evidence = self.evidence[self.current]
        self._paint()
        self.article.reveal(evidence.span.start, evidence.span.end)
        self._say(f"evidence {self.current + 1} of {len(self.evidence)} · {evidence.describe()}")

    def action_sentence(self, step: int) -> None:
        self.move_cursor(max(0, min(self.cursor + step, len(self.sentences) - 1)))

    def move_cursor(self, index: int) -> None:
        self.cursor = index
        self._paint()
        self.article.reveal(*self.sentences[index])
        rows = self.events_of_sentence(index)
        if len(rows) == 1:
            says = f"enter opens: {rows[0].event.summary}"
        elif rows:
            says = f"{len(rows)} events — enter chooses one"
        elif self.reason_of_sentence(index):
            says = "not an event — enter says why"
        else:
            says = "no event comes from this sentence"
        self._say(f"sentence {index + 1} of {len(self.sentences)} · {says}")

    def on_article_text_clicked(self, message: ArticleText.Clicked) -> None:
        self.move_cursor(self.sentences.at(message.offset))

    def action_choose_sentence(self) -> None:
        rows = self.events_of_sentence(self.cursor)
        if len(rows) == 1:
            self.open_event(rows[0].id)
        elif rows:

            def chosen(event_id: str | None) -> None:
                if event_id:
                    self.open_event(event_id)

            self.app.push_screen(SentenceEventsScreen(self.view, rows), chosen)
        else:
            reason = self.reason_of_sentence(self.cursor)
            self._say(f"Not an event: {reason}" if reason else "No event comes from this sentence.")

    def open_event(self, event_id: str) -> None:
        """Close the article and select ``event_id`` in the timeline."""
        self.dismiss()
        self.app.jump_to(event_id)  # type: ignore[attr-defined]

    def action_page(self, direction: int) -> None:
        if direction > 0:
            self.article.scroll_page_down(animate=False)
        else:
            self.article.scroll_page_up(animate=False)

    def action_close(self) -> None:
        self.dismiss()


class SentenceEventsScreen(ModalScreen[str | None]):
    """Several events come from one sentence: pick the one to open."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="article-choice-cancel")]

    def __init__(self, view: TimelineView, rows: list[ResolvedEvent]) -> None:
        super().__init__()
        self.view = view
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="sentence-events-dialog"):
            yield Label(Text(f"{len(self.rows)} events come from this sentence — enter opens one, escape cancels"))
            options = []
            for row in self.rows:
                prompt = Text(printable(row.event.summary))
                prompt.append("\n" + printable(self.view.when(row)), style="dim")  # the timeline's label
                options.append(Option(prompt, id=row.id))
            yield OptionList(*options, id="sentence-events")
        yield KeysFooter()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)
