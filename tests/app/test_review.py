"""Reviewing a draft in the app: drafting in a worker, then accept, reject, edit, merge, split, undo, save,
and reopening the saved file in the normal viewer. Plus the review model's own rules, and a save killed
half-way that loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label

from tui.app import NewslineApp
from tui.app.review import ReviewApp
from tui.app.screens.review import ChoiceScreen, ConfirmScreen, DraftingScreen, ReviewScreen, TextScreen
from tui.draft import draft_report
from tui.draft.review import Review, ReviewError
from tui.model import load_report

REPORTS = Path(__file__).parents[1] / "reports"


@pytest.fixture
def report_file(tmp_path) -> Path:
    path = tmp_path / "seisme.txt"
    path.write_text((REPORTS / "seisme.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def review_app(report_file, french_pipeline) -> ReviewApp:
    text = report_file.read_text(encoding="utf-8")
    return ReviewApp(report_file, text, report_file.with_suffix(".events.json"), nlp=french_pipeline)


async def reviewing(pilot) -> ReviewScreen:
    """Wait for the worker's draft and the review screen."""
    for _ in range(200):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and screen.is_mounted and table_of(screen).row_count:
            await pilot.pause()
            return screen
    raise AssertionError("the review screen never came")


def table_of(screen: ReviewScreen) -> DataTable:
    return screen.query_one("#review-events", DataTable)


async def test_accept_reject_edit_undo_save_and_reopen(review_app, report_file):
    before = report_file.read_bytes()
    async with review_app.run_test(size=(140, 40)) as pilot:
        screen = await reviewing(pilot)
        review = screen.review
        first, second, third = (e["id"] for e in review.events[:3])
        await pilot.press("a")  # accept the first; the cursor moves on
        assert review.status[first] == "accepted"
        assert screen.selected == second
        await pilot.press("x")  # reject the second
        assert review.status[second] == "rejected"
        assert screen.selected == third
        await pilot.press("e")
        assert isinstance(pilot.app.screen.query_one(Input), Input)
        pilot.app.screen.query_one(Input).value = "An earthquake strikes southern Turkey [bold]."
        await pilot.press("enter")
        assert review.event(third)["summary"] == "An earthquake strikes southern Turkey [bold]."
        await pilot.press("K", "end", "enter")  # it is a state (K: k moves, as in the viewer)
        assert review.event(third)["kind"] == "state"
        await pilot.press("u")  # undo that
        await pilot.press("u")  # undo the edit
        assert review.event(third)["summary"] != "An earthquake strikes southern Turkey [bold]."
        await pilot.press("u")  # undo the rejection
        assert review.status[second] == "pending"
        assert screen.selected == third
        await pilot.press("x")  # reject the third instead
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = report_file.with_suffix(".events.json")
        assert saved.is_file()
        assert "saved" in str(screen.query_one("#review-status").render())
        await pilot.press("v")
        await pilot.pause()
    assert review_app.return_value == saved
    assert report_file.read_bytes() == before  # the report itself is never written
    report = load_report(saved)
    assert third not in {e.id for e in report.events}
    assert second in {e.id for e in report.events}
    accepted = report.event(first)
    assert accepted.found is None  # reviewed: no longer a guess
    assert report.event(second).found is not None  # still a draft
    viewer = NewslineApp(report, keymap={})
    async with viewer.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert "of" in str(viewer.query_one("#status").render())


async def test_merge_two_events_then_undo(review_app):
    async with review_app.run_test(size=(140, 40)) as pilot:
        screen = await reviewing(pilot)
        review = screen.review
        count = len(review.events)
        first, second = review.events[0]["id"], review.events[1]["id"]
        await pilot.press("m")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("enter")  # the first choice: the next event
        assert len(review.events) == count - 1
        merged = review.event(first)
        assert len(merged["sentences"]) == 2
        assert second not in review.status
        await pilot.press("s")  # split it again: one event per sentence
        assert len(review.events) == count
        await pilot.press("u", "u")
        assert len(review.events) == count and review.events[1]["id"] == second


async def test_save_asks_before_overwriting(review_app, report_file):
    existing = report_file.with_suffix(".events.json")
    existing.write_text("precious", encoding="utf-8")
    async with review_app.run_test(size=(140, 40)) as pilot:
        await reviewing(pilot)
        await pilot.press("a", "ctrl+s")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        assert existing.read_text(encoding="utf-8") == "precious"
        await pilot.press("ctrl+s")
        await pilot.press("y")
        await pilot.pause()
    assert load_report(existing).events


async def test_set_a_speaker_and_a_side(review_app):
    async with review_app.run_test(size=(140, 40)) as pilot:
        screen = await reviewing(pilot)
        review = screen.review
        with_quote = next(e for e in review.events if e["quotes"])
        table_of(screen).move_cursor(row=review.events.index(with_quote))
        await pilot.pause()
        await pilot.press("p")
        assert isinstance(pilot.app.screen, ChoiceScreen)
        await pilot.press("enter")
        assert with_quote["quotes"][0]["speaker"] == review.actors[0]["id"]
        await pilot.press("S", "enter")  # the first actor…
        await pilot.press("down", "enter")  # …gets the second side
        assert review.actors[0]["side"] == review.sides()[1][0]
        await pilot.press("S", "enter", "end", "enter")  # a new side, named in a text box
        pilot.app.screen.query_one(Input).value = "Russian-installed"
        await pilot.press("enter")
        assert review.actors[0]["side"] == "russian-installed"
        assert review.sides()[-1] == ("russian-installed", "Russian-installed")


class HeldPipeline:
    """The real pipeline, held until the test lets it parse: the drafting screen can be seen for sure."""

    def __init__(self, nlp) -> None:
        self.nlp, self.meta, self.go = nlp, nlp.meta, threading.Event()

    def pipe(self, texts):
        self.go.wait(60)
        return self.nlp.pipe(texts)


async def test_drafting_shows_its_progress_first(report_file, french_pipeline):
    held = HeldPipeline(french_pipeline)
    text = report_file.read_text(encoding="utf-8")
    app = ReviewApp(report_file, text, report_file.with_suffix(".json"), nlp=held)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, DraftingScreen)
        assert "Drafting events" in str(app.screen.query_one("#drafting-step").render())
        held.go.set()
        await reviewing(pilot)


# -- the review model ------------------------------------------------------------------------------------


@pytest.fixture
def review(french_pipeline) -> Review:
    text = (REPORTS / "election.txt").read_text(encoding="utf-8")
    return Review(draft_report(text, french_pipeline, document_id="election"))


def test_merging_actors_moves_their_mentions_and_speakers(review):
    dubois = next(a for a in review.actors if a["name"] == "Martine Dubois")
    mayor = next(a for a in review.actors if a["name"].startswith("Maire sortante") and a["id"] != dubois["id"])
    mentions = len(dubois["mentions"]) + len(mayor["mentions"])
    review.merge_actors(dubois["id"], mayor["id"])
    assert len(review.actor(dubois["id"])["mentions"]) == mentions
    assert all(mayor["id"] not in e["actors"] for e in review.events)
    review.undo()
    assert review.actor(mayor["id"])


def test_a_relation_target_can_be_fixed_and_rejected_targets_vanish(review):
    event = next(e for e in review.events if e["relations"])
    other = next(e for e in review.events if e["id"] not in (event["id"], event["relations"][0]["target"]))
    review.set_relation_target(event["id"], 0, other["id"])
    assert event["relations"][0]["target"] == other["id"]
    review.set_status(other["id"], "rejected")
    saved = review.result()
    kept = next(e for e in saved["events"] if e["id"] == event["id"])
    assert all(r["target"] != other["id"] for r in kept["relations"])
    with pytest.raises(ReviewError):
        review.set_relation_target(event["id"], 0, event["id"])


def test_nothing_to_undo_is_said(review):
    with pytest.raises(ReviewError, match="nothing to undo"):
        review.undo()


KILLED_SAVE = """
import os, sys
from pathlib import Path
import tui.model.files as files
path = Path(sys.argv[1])
real_replace = os.replace
def killed(*args):
    os._exit(9)  # the process dies between writing the new file and putting it in place
files.os.replace = killed
files.write_atomically(path, sys.argv[2])
"""

KILLED_WRITE = """
import os, sys
from pathlib import Path
import tui.model.files as files
path = Path(sys.argv[1])
real_fdopen = os.fdopen
class Half:
    def __init__(self, f): self.f = f
    def __enter__(self): return self
    def __exit__(self, *a): return False
    def write(self, text):
        self.f.write(text[: len(text) // 2]); self.f.flush(); os._exit(9)  # dies half-way through writing
files.os.fdopen = lambda *a, **k: Half(real_fdopen(*a, **k))
files.write_atomically(path, sys.argv[2])
"""


@pytest.mark.slow  # in a fresh interpreter
@pytest.mark.parametrize("script", [KILLED_SAVE, KILLED_WRITE], ids=["before-replace", "mid-write"])
def test_a_killed_save_loses_nothing(tmp_path, script):
    target = tmp_path / "report.events.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    new = json.dumps({"new": "x" * 100_000})
    result = subprocess.run([sys.executable, "-c", script, str(target), new], capture_output=True, timeout=60)
    assert result.returncode == 9
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'  # the old file, whole
    leftovers = list(tmp_path.glob(".nl-*.tmp"))
    if script is KILLED_SAVE:
        assert [p.read_text(encoding="utf-8") for p in leftovers] == [new]  # what was being saved, whole


def test_the_review_screen(review_app, snap_compare):
    async def drafted(pilot):
        await reviewing(pilot)
        await pilot.press("a", "x")  # one accepted, one rejected, the cursor on the third

    assert snap_compare(review_app, terminal_size=(120, 35), run_before=drafted)


def test_a_draft_without_a_publication_time_reads_relative_to_it(french_pipeline):
    import json as json_

    from tui.model import parse_report
    from tui.temporal import resolve

    text = (REPORTS / "greve.txt").read_text(encoding="utf-8")
    report = parse_report(json_.dumps(draft_report(text, french_pipeline, document_id="greve")))
    labels = [event.label for event in resolve(report).events]
    assert any("before publication" in label for label in labels), labels
    assert not any("2000" in label or "Dec" in label or "Jan" in label for label in labels), labels


async def test_a_drafter_failure_is_one_clear_line(report_file):
    class Broken:
        meta: dict = {}

        def pipe(self, texts):
            raise RuntimeError("boom")

    app = ReviewApp(
        report_file, report_file.read_text(encoding="utf-8"), report_file.with_suffix(".json"), nlp=Broken()
    )
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.error:
                break
    assert app.error.startswith(f"newsline: drafting {report_file} failed (RuntimeError: boom)")


def test_a_saved_draft_in_the_viewer(french_pipeline, snap_compare):
    """The viewer on a draft with no publication time: relative times, the axis in days from it."""
    import json as json_

    from tui.model import parse_report

    text = (REPORTS / "seisme.txt").read_text(encoding="utf-8")
    report = parse_report(json_.dumps(draft_report(text, french_pipeline, document_id="seisme")))
    assert snap_compare(NewslineApp(report, keymap={}), terminal_size=(120, 35))


def test_the_reviews_keys_are_in_the_help_and_a_keymap_may_remap_them():
    from tui.app.bindings import binding_places

    places = dict(binding_places())
    review = places["Reviewing a draft (newsline REPORT.txt)"]
    assert {"review-accept", "review-reject", "review-undo", "review-save"} <= {b.id for b in review}
    assert "review-confirm-yes" in {b.id for b in places["Review dialogs"]}


# -- quitting and saving without losing the edits ----------------------------------------------------------


async def test_ctrl_q_asks_like_q_before_losing_edits(review_app):
    async with review_app.run_test(size=(140, 40)) as pilot:
        screen = await reviewing(pilot)
        await pilot.press("a")
        for key in ("ctrl+q", "q"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen), key
            assert "Quit without saving" in str(pilot.app.screen.query_one("Label").render())
            await pilot.press("n")
            await pilot.pause()
            assert pilot.app.is_running and pilot.app.screen is screen
        await pilot.press("ctrl+q")
        await pilot.press("ctrl+q")  # a second ctrl+q while it asks: one question, still
        await pilot.pause()
        assert sum(isinstance(s, ConfirmScreen) for s in pilot.app.screen_stack) == 1
        assert screen.review.counts()["accepted"] == 1
        await pilot.press("y")
        await pilot.pause()
    assert review_app.return_value is None


def full_disk(monkeypatch, folder: Path) -> None:
    """Saving into ``folder`` fails as on a full disk; anywhere else, it works."""
    import errno
    import os

    import tui.model.save as save

    real = save.write_atomically

    def write(path, content, **options):
        if Path(path).parent == folder:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, content, **options)

    monkeypatch.setattr(save, "write_atomically", write)


async def test_a_failed_save_keeps_the_edits_and_offers_another_file(report_file, french_pipeline, monkeypatch):
    full = report_file.parent / "full"
    full.mkdir()
    full_disk(monkeypatch, full)
    text = report_file.read_text(encoding="utf-8")
    app = ReviewApp(report_file, text, full / "seisme.events.json", nlp=french_pipeline)
    elsewhere = report_file.parent / "elsewhere" / "kept.events.json"
    elsewhere.parent.mkdir()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await reviewing(pilot)
        first = screen.review.events[0]["id"]
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, TextScreen)
        words = str(dialog.query_one(Label).render())
        assert "No space left on device" in words and "seisme.events.json" in words
        field = dialog.query_one(Input)
        assert field.value.endswith("seisme.events.json")  # prefilled: a name to change, not to type
        field.value = str(elsewhere)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "saved kept.events.json" in str(screen.query_one("#review-status").render())
        assert "kept.events.json" in str(screen.query_one("#review-header").render())
        await pilot.press("ctrl+q")  # saved: nothing to lose, no question
        await pilot.pause()
    assert app.return_value is None
    assert not (full / "seisme.events.json").exists()
    saved = load_report(elsewhere)
    assert saved.event(first).found is None  # the accepted event, as reviewed


async def test_a_failed_save_can_be_cancelled_and_tried_again(report_file, french_pipeline, monkeypatch):
    full = report_file.parent / "full"
    full.mkdir()
    full_disk(monkeypatch, full)
    app = ReviewApp(report_file, report_file.read_text(encoding="utf-8"), full / "r.json", nlp=french_pipeline)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await reviewing(pilot)
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TextScreen)
        pilot.app.screen.query_one(Input).value = str(full / "again.json")  # the same full disk
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TextScreen)  # asked again, with the new reason
        assert "again.json" in str(pilot.app.screen.query_one(Label).render())
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "not saved" in str(screen.query_one("#review-status").render())
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)  # the edits are still unsaved


async def test_a_report_not_in_french_is_reviewed_with_a_warning(tmp_path, french_pipeline):
    report = tmp_path / "english.txt"
    text = (
        "The minister said on Thursday that the army had withdrawn from the city after two days of fighting. "
        "Residents were evacuated overnight, according to the agency.\n"
    )
    report.write_text(text, encoding="utf-8")
    app = ReviewApp(report, text, tmp_path / "english.events.json", nlp=french_pipeline)
    async with app.run_test(size=(140, 40)) as pilot:
        await reviewing(pilot)
        messages = [n.message for n in app._notifications]
    assert any("looks like English, not French" in m for m in messages), messages


def test_the_review_says_which_readings_are_guesses():
    """Issue 18: the review shows which readings the drafter guessed (they stay out of the certain layer)."""
    from tui.app.screens.review import _sure

    guess = {
        "how": "guess: attached by proximity to the nearest clause; tagger: TIME 2024-03-12TMO",
        "confidence": 0.54,
    }
    assert _sure(guess) == (
        "a guess, 54%: attached by proximity to the nearest clause; tagger: TIME 2024-03-12TMO; likely only until "
        "accepted"
    )
    assert _sure({"how": "tagger: DATE 2024-03-12; parse: obl:mod of 'réuni'", "confidence": 0.9}) == "90%"
    assert _sure(None) == "reviewed"
