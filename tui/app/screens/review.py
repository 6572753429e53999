"""Open your own report: draft it in a worker while a progress bar runs, then review the draft.

:class:`DraftingScreen` shows the steps (loading spaCy's pipeline takes seconds; drafting a fraction of
one). :class:`ReviewScreen` lists the drafted events with how sure the drafter is, shows the selected one
with the evidence and how each item was found, and offers every correction of :mod:`tui.draft.review`,
with undo. Saving writes an events file atomically, never the report, and asks before overwriting; a save
that fails (a read-only folder, a full disk) says why and offers another file, and quitting (q or ctrl+q)
with unsaved edits asks first.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from tui.app.widgets.chrome import KeysFooter
from tui.draft.review import Review, ReviewError
from tui.temporal.constraints import GUESS
from tui.view import counted, printable

MARKS = {"pending": "·", "accepted": "✓", "rejected": "✗"}
NEW_SIDE = "new-side-to-name"  # the side picker's last choice: name a new side


def _sure_column(event: dict[str, Any]) -> str:
    return f"{event['found']['confidence']:.0%}" if event.get("found") else "reviewed"


def cut_at_word(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells: whole, or cut after a word with "…" (mid-word only for a first
    word longer than the width)."""
    if cell_len(text) <= width:
        return text
    cut = set_cell_size(text, max(1, width - 1)).rstrip()
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return words.rstrip(",;:") + "…"


def _sure(found: dict[str, Any] | None) -> str:
    """How sure the drafter is of an item; a guess says so, and why: the time engine keeps it out of the
    certain layer until a person accepts the event (saving then drops the mark)."""
    if not found:
        return "reviewed"
    sure = f"{found['confidence']:.0%}"
    if found["how"].startswith(GUESS):
        return f"a guess, {sure}: {found['how'][len(GUESS) :].strip()}; likely only until accepted"
    return sure


class DraftingScreen(Screen[None]):
    """While the pipeline loads and the report is drafted: what is happening, and how far it is."""

    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="drafting-quit")]

    def __init__(self, report: Path) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        with Vertical(id="drafting-dialog"):
            yield Label(Text(printable(f"Drafting {self.report.name}")), id="drafting-title")
            yield Label("Loading spaCy's French pipeline…", id="drafting-step")
            yield ProgressBar(total=3, show_eta=False, id="drafting-progress")
        yield KeysFooter()

    def step(self, number: int, words: str) -> None:
        self.query_one("#drafting-step", Label).update(words)
        self.query_one("#drafting-progress", ProgressBar).update(progress=number)


class TextScreen(ModalScreen[str | None]):
    """One line of text to write (a summary, a file to save to): enter keeps it, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="review-text-cancel")]

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(id="review-dialog"):
            yield Label(Text(printable(self.title_text)))
            yield Input(value=self.value, id="review-input")

    def on_input_submitted(self, message: Input.Submitted) -> None:
        self.dismiss(message.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of a list (an actor, a side, an event, a quote): enter picks, escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="review-choice-cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(id="review-dialog"):
            yield Label(Text(printable(self.title_text)))
            options = [Option(Text(printable(label)), id=ident) for ident, label in self.choices]
            yield OptionList(*options, id="review-choices")

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(message.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes-or-no question: y answers yes; n or escape, no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="review-confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="review-confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="review-dialog"):
            yield Label(Text(printable(self.question)))
            yield Label("y: yes · n: no")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ReviewScreen(Screen[None]):
    """The drafted events, to accept, reject, edit, merge and split, then save."""

    BINDINGS = [
        # Moving as in the viewer's timeline (ids of their own: a keymap may move them apart)
        Binding("up,k", "move(-1)", "Up", show=False, id="review-cursor-up"),
        Binding("down,j", "move(1)", "Down", show=False, id="review-cursor-down"),
        Binding("home,g", "move_to(0)", "First", show=False, id="review-cursor-first"),
        Binding("end,G", "move_to(-1)", "Last", show=False, id="review-cursor-last"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="review-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="review-page-down"),
        Binding("a", "status('accepted')", "Accept", id="review-accept"),
        Binding("x", "status('rejected')", "Reject", id="review-reject"),
        Binding("e", "edit", "Edit", id="review-edit"),
        Binding("K", "kind", "Kind", id="review-kind"),
        Binding("m", "merge", "Merge", id="review-merge"),
        Binding("s", "split", "Split", id="review-split"),
        Binding("A", "merge_actors", "Actors", id="review-merge-actors"),
        Binding("S", "side", "Side", id="review-side"),
        Binding("p", "speaker", "Speaker", id="review-speaker"),
        Binding("t", "target", "Target", id="review-target"),
        Binding("u,ctrl+z", "undo", "Undo", id="review-undo"),
        Binding("ctrl+s", "save", "Save", id="review-save"),
        Binding("v", "view", "View", id="review-view"),
        Binding("q", "quit", "Quit", id="review-quit"),
        Binding("question_mark", "app.help", "Help", id="help"),  # every key, where the footer has no room
    ]

    def __init__(self, review: Review, report: Path) -> None:
        super().__init__()
        self.review = review
        self.report = report

    def compose(self) -> ComposeResult:
        yield Static(id="review-header")
        with Horizontal(id="review-main"):
            yield DataTable(id="review-events", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="review-details"):
                yield Static(id="review-event")
        yield Static(id="review-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one("#review-events", DataTable)
        self.query_one("#review-details").border_title = "Drafted event"
        table.border_title = "Drafted events"
        self.refresh_all()
        table.focus()

    # -- drawing -------------------------------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        table = self.query_one("#review-events", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key
        return key.value

    def refresh_all(self, select: str | None = None) -> None:
        table = self.query_one("#review-events", DataTable)
        keep = select or self.selected
        row = table.cursor_row
        table.clear(columns=True)  # columns measured afresh: the summaries are cut to this width
        table.add_columns("", "sure", "kind", "event")
        room = self._summary_room()
        for event in self.review.events:
            status = self.review.status[event["id"]]
            said = cut_at_word(printable(event["summary"]), room)
            summary = Text(said, style="strike dim" if status == "rejected" else "")
            sure = _sure_column(event)
            table.add_row(MARKS[status], sure, event["kind"], summary, key=event["id"])
        ids = [event["id"] for event in self.review.events]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        elif ids:
            table.move_cursor(row=min(row, len(ids) - 1))
        self.show_header()
        self.show_event()

    def _summary_room(self) -> int:
        """The cells the summary column has: the table's width, less the mark, sure and kind columns as wide
        as their texts (each with its padding). Summaries are cut to it at a word, with "…": the table never
        scrolls sideways."""
        width = self._table.scrollable_content_region.width
        if not width:
            return 60
        events = self.review.events
        sure = max((len(_sure_column(event)) for event in events), default=4)
        kind = max((len(event["kind"]) for event in events), default=4)
        return max(12, width - (1 + max(sure, 4) + max(kind, 4) + 2 * 4))

    def on_resize(self) -> None:
        if self._table.row_count:
            self.refresh_all()

    def show_header(self) -> None:
        counts = self.review.counts()
        where = self.review.output.name if self.review.output else "not saved yet"
        unsaved = " · unsaved changes" if self.review.can_undo and not self.review.saved_since_change else ""
        words = (
            f"Review the draft of {self.report.name} → {where}: {len(self.review.events)} events · "
            f"{counts['accepted']} accepted · {counts['rejected']} rejected · {counts['pending']} to review{unsaved}"
        )
        self.query_one("#review-header", Static).update(Text(printable(words)))

    def say(self, words: str) -> None:
        self.query_one("#review-status", Static).update(Text(printable(words)))

    def show_event(self) -> None:
        pane = self.query_one("#review-event", Static)
        ident = self.selected
        if ident is None:
            pane.update("No events drafted.")
            return
        event = self.review.event(ident)
        names = {a["id"]: a for a in self.review.actors}
        places = {p["id"]: p["name"] for p in self.review.data["places"]}
        sides = dict(self.review.sides())
        text = Text()

        def line(label: str, value: str, style: str = "") -> None:
            text.append(f"{label}: ", style="bold")
            text.append(printable(value) + "\n", style=style)

        line("Event", f"{event['id']} · {event['kind']} · {self.review.status[ident]}")
        line("Summary", event["summary"])
        if event.get("found"):
            line("Found by", f"{event['found']['how']} ({event['found']['confidence']:.0%} sure)", "italic")
        for sentence in event["sentences"]:
            line("Sentence", sentence["text"], "dim")
        if event["time"]:
            line("Time", f"“{event['time']['text']}” ({_sure(event.get('time_found'))})")
        for actor_id in event["actors"]:
            actor = names.get(actor_id)
            if actor:
                line("Actor", f"{actor['name']} · {sides.get(actor['side'], actor['side'])}")
        for place_id in event["places"]:
            line("Place", places.get(place_id, place_id))
        labels = {source["id"]: source["label"] for source in self.review.data["sources"]}
        for attribution in event["sources"]:
            cue = f" (“{attribution['cue']['text']}”)" if attribution.get("cue") else ""
            line("Source", labels.get(attribution["source"], attribution["source"]) + cue)  # its label, not its id
        for number, quote in enumerate(event["quotes"], 1):
            speaker = names.get(quote["speaker"], {}).get("name", quote["speaker"])
            line(
                f"Quote {number}", f"{quote['span']['text']} — {speaker}, {quote['mode']} ({_sure(quote.get('found'))})"
            )
        for number, relation in enumerate(event["relations"], 1):
            target = relation["target"]
            summary = next((e["summary"] for e in self.review.events if e["id"] == target), "")
            target = f"{target}: {summary[:60]}" if summary else target
            line(
                f"Relation {number}",
                f"{relation['type']} {target} (“{relation['cue']['text']}”, {_sure(relation.get('found'))})",
            )
        for claim in event["claims"]:
            line("Claim", f"{claim['span']['text']} ({_sure(claim.get('found'))})")
        pane.update(text)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        self.show_event()

    def attempt(self, change, *args: Any) -> bool:  # type: ignore[no-untyped-def]
        try:
            change(*args)
        except ReviewError as error:
            self.app.bell()
            self.say(str(error))
            return False
        return True

    # -- actions -------------------------------------------------------------------------------------

    @property
    def _table(self) -> DataTable:
        return self.query_one("#review-events", DataTable)

    def action_move(self, step: int) -> None:
        table = self._table
        if table.row_count:
            table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_move_to(self, row: int) -> None:
        table = self._table
        if table.row_count:
            table.move_cursor(row=row if row >= 0 else table.row_count - 1)

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self._table.scrollable_content_region.height - 2))

    def action_status(self, status: str) -> None:
        ident = self.selected
        if ident is None:
            return
        if self.review.status[ident] == status:
            status = "pending"  # the same key again takes it back
        if self.attempt(self.review.set_status, ident, status):
            self.say(f"{ident}: {status}")
            self.refresh_all(ident)
            if status != "pending":
                table = self.query_one("#review-events", DataTable)
                table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def action_edit(self) -> None:
        ident = self.selected
        if ident is None:
            return

        def written(summary: str | None) -> None:
            if summary is not None and self.attempt(self.review.edit_summary, ident, summary):
                self.say(f"{ident}: summary written")
                self.refresh_all(ident)

        self.app.push_screen(TextScreen(f"Summary of {ident}", self.review.event(ident)["summary"]), written)

    def action_kind(self) -> None:
        ident = self.selected
        if ident is None:
            return
        kinds = [("action", "action"), ("statement", "statement"), ("state", "state")]

        def chosen(kind: str | None) -> None:
            if kind and self.attempt(self.review.set_kind, ident, kind):
                self.say(f"{ident}: {kind}")
                self.refresh_all(ident)

        self.app.push_screen(ChoiceScreen(f"What kind of event is {ident}?", kinds), chosen)

    def action_merge(self) -> None:
        ident = self.selected
        if ident is None:
            return
        choices = [(e["id"], f"{e['id']}: {e['summary']}") for e in self.review.events if e["id"] != ident]

        def chosen(other: str | None) -> None:
            if other and self.attempt(self.review.merge_events, ident, other):
                self.say(f"merged {other} into {ident}")
                self.refresh_all(ident)

        self.app.push_screen(ChoiceScreen(f"Merge into {ident}: which event?", choices), chosen)

    def action_split(self) -> None:
        ident = self.selected
        if ident and self.attempt(self.review.split_event, ident):
            self.say(f"split {ident}: one event per sentence")
            self.refresh_all(ident)

    def actor_choices(self) -> list[tuple[str, str]]:
        sides = dict(self.review.sides())
        return [(a["id"], f"{a['name']} · {sides.get(a['side'], a['side'])}") for a in self.review.actors]

    def action_merge_actors(self) -> None:
        def first(other: str | None) -> None:
            if not other:
                return
            choices = [c for c in self.actor_choices() if c[0] != other]

            def second(keep: str | None) -> None:
                if keep and self.attempt(self.review.merge_actors, keep, other):
                    self.say(f"merged actor {other} into {keep}")
                    self.refresh_all()

            self.app.push_screen(ChoiceScreen("…into which actor?", choices), second)

        self.app.push_screen(ChoiceScreen("Merge which actor…", self.actor_choices()), first)

    def action_side(self) -> None:
        def actor_chosen(actor: str | None) -> None:
            if not actor:
                return

            def side_chosen(side: str | None) -> None:
                if side == NEW_SIDE:
                    self.app.push_screen(TextScreen("Name of the new side", ""), new_side)
                elif side and self.attempt(self.review.set_side, actor, side):
                    self.say(f"{actor}: side {side}")
                    self.refresh_all()

            def new_side(label: str | None) -> None:
                if not label:
                    return
                try:
                    side = self.review.add_side(label)
                except ReviewError as error:
                    self.app.bell()
                    self.say(str(error))
                    return
                side_chosen(side)

            choices = [*self.review.sides(), (NEW_SIDE, "A new side…")]
            self.app.push_screen(ChoiceScreen("Side:", choices), side_chosen)

        self.app.push_screen(ChoiceScreen("Set the side of which actor?", self.actor_choices()), actor_chosen)

    def action_speaker(self) -> None:
        ident = self.selected
        if ident is None:
            return
        quotes = self.review.event(ident)["quotes"]
        if not quotes:
            self.app.bell()
            self.say(f"{ident} has no quote")
            return

        def speaker_for(index: int) -> None:
            def chosen(actor: str | None) -> None:
                if actor and self.attempt(self.review.set_speaker, ident, index, actor):
                    self.say(f"{ident}: speaker set")
                    self.refresh_all(ident)

            self.app.push_screen(ChoiceScreen("Who says it?", self.actor_choices()), chosen)

        if len(quotes) == 1:
            speaker_for(0)
        else:
            choices = [(str(i), q["span"]["text"]) for i, q in enumerate(quotes)]
            self.app.push_screen(
                ChoiceScreen("Which quote?", choices), lambda i: speaker_for(int(i)) if i is not None else None
            )

    def action_target(self) -> None:
        ident = self.selected
        if ident is None:
            return
        relations = self.review.event(ident)["relations"]
        if not relations:
            self.app.bell()
            self.say(f"{ident} has no relation")
            return

        def target_for(index: int) -> None:
            choices = [(e["id"], f"{e['id']}: {e['summary']}") for e in self.review.events if e["id"] != ident]

            def chosen(target: str | None) -> None:
                if target and self.attempt(self.review.set_relation_target, ident, index, target):
                    self.say(f"{ident}: relation placed against {target}")
                    self.refresh_all(ident)

            self.app.push_screen(ChoiceScreen("Against which event?", choices), chosen)

        if len(relations) == 1:
            target_for(0)
        else:
            choices = [(str(i), f"{r['type']} “{r['cue']['text']}”") for i, r in enumerate(relations)]
            self.app.push_screen(
                ChoiceScreen("Which relation?", choices), lambda i: target_for(int(i)) if i is not None else None
            )

    def action_undo(self) -> None:
        try:
            what = self.review.undo()
        except ReviewError as error:
            self.app.bell()
            self.say(str(error))
            return
        self.say(f"undone: {what}")
        self.refresh_all()

    def action_save(self) -> None:
        self.save_as(self.app.output)  # type: ignore[attr-defined]

    def save_as(self, path: Path) -> None:
        """Save to ``path``, asking before overwriting a file this review did not write."""
        if path.exists() and self.review.output != path:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.save_to(path)
                else:
                    self.say("not saved")

            self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?"), answered)
        else:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Save to ``path``; if that fails (a read-only folder, a full disk), say why and offer another file:
        the edits stay in the review until they are saved somewhere or the user quits."""
        from tui.model import ReportError

        try:
            self.review.save(path, protect=(self.report,))
        except ReportError as error:
            self.say(f"not saved: the file would not load ({'; '.join(error.problems[:2])})")
            return
        except OSError as error:
            why = error.strerror or str(error)
            self.app.bell()
            self.say(f"not saved: {why}")
            self.offer_another_file(path, why)
            return
        self.app.output = path  # type: ignore[attr-defined]  # ctrl+s saves here from now on
        pending = self.review.counts()["pending"]
        still = f" ({counted(pending, 'event')} still to review)" if pending else ""
        self.say(f"saved {path.name}{still} — v opens it in the viewer")
        if pending:  # saved all the same, and said where it will matter: the viewer shows them as drafted
            self.app.notify(
                f"{counted(pending, 'event')} still to review: saved as the drafter left "
                f"{'it' if pending == 1 else 'them'}, {'it shows' if pending == 1 else 'they show'} in the viewer "
                "as drafted (a: accept, x: reject).",
                title="Saved with events to review",
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.show_header()

    def offer_another_file(self, failed: Path, why: str) -> None:
        """Ask for another file to save to, after saving to ``failed`` did not work (``why``)."""

        def chosen(value: str | None) -> None:
            if value is None or not value.strip():
                self.say(f"not saved ({why}): ctrl+s tries {failed.name} again, q quits")
                return
            path = Path(value.strip()).expanduser()
            if path.is_dir():
                path = path / failed.name
            if path.resolve() == self.report.resolve():
                self.app.bell()
                self.offer_another_file(path, "it is the report itself, which newsline never writes")
                return
            self.save_as(path)

        question = f"Could not save to {failed}: {why}. Save the draft to another file (escape: not now):"
        self.app.push_screen(TextScreen(question, str(_another_place(failed))), chosen)

    def action_view(self) -> None:
        if self.review.output is None or not self.review.saved_since_change:
            self.app.bell()
            self.say("save first (ctrl+s), then v opens the saved file in the viewer")
            return
        self.app.exit(self.review.output)

    def action_quit(self) -> None:
        """q, and ctrl+q anywhere in the review: quit, asking first if there are unsaved changes."""
        if self.review.saved_since_change or not self.review.can_undo:
            self.app.exit(None)
            return
        if any(isinstance(screen, QuitScreen) for screen in self.app.screen_stack):
            return  # already asking

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit(None)

        self.app.push_screen(QuitScreen("Quit without saving your changes?"), answered)


class QuitScreen(ConfirmScreen):
    """Quit without saving? (A screen of its own, so that a second ctrl+q does not ask twice.)"""


def _another_place(failed: Path) -> Path:
    """Where to offer saving when saving to ``failed`` did not work: the same name in the first folder that
    can be written and has room (the current folder, the home folder, the temporary folder), or ``failed``
    itself for the user to change."""
    for place in (Path.cwd, Path.home, tempfile.gettempdir):
        try:
            folder = Path(place())
            if folder.resolve() == failed.parent.resolve() or not os.access(folder, os.W_OK | os.X_OK):
                continue
            room = os.statvfs(folder)
        except (OSError, RuntimeError):
            continue
        if room.f_bavail * room.f_frsize > 16 * 1024 * 1024:
            return folder / failed.name
    return failed
