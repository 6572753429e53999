"""``newsline REPORT.txt``: draft the report in a worker, then review the draft (tui/app/screens/review.py).

The app exits with the path of the saved file when the user asks to view it (the CLI then opens it in the
normal viewer), with None when the user quits, and keeps ``error`` when the report cannot be drafted. A
report that does not look French is drafted all the same, under a warning; ctrl+q asks, as q does, before
losing unsaved edits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.worker import get_current_worker

from tui.app.base import BaseApp
from tui.app.screens.review import DraftingScreen, ReviewScreen
from tui.draft.review import Review


class ReviewApp(BaseApp[Path | None]):
    TITLE = "newsline — review a draft"
    ENABLE_COMMAND_PALETTE = False  # every correction has its key in the footer

    def __init__(
        self,
        report: Path,
        text: str,
        output: Path,
        *,
        published: str | None = None,
        language: str = "fr",
        nlp: Any = None,
        keymap: dict[str, str] | None = None,
    ) -> None:
        super().__init__(keymap)
        self.report, self.text, self.output = report, text, output
        self.published, self.language, self.nlp = published, language, nlp
        self.error: str | None = None
        self.review: Review | None = None

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(DraftingScreen(self.report))
        self.draft()

    async def action_quit(self) -> None:
        """ctrl+q (Textual's quit key, bound by :class:`App`): as q on the review, it asks before losing
        unsaved edits, whatever dialog is open; while drafting there is nothing to lose."""
        review = next((s for s in self.screen_stack if isinstance(s, ReviewScreen)), None)
        if review is None:
            self.exit(None)
        else:
            review.action_quit()

    @work(thread=True, exclusive=True)
    def draft(self) -> None:
        """Load the pipeline and draft (:func:`tui.draft.files.draft_file`), off the event loop: the progress
        bar keeps moving."""
        from tui.draft import PipelineUnavailable
        from tui.draft.files import draft_file

        worker = get_current_worker()
        try:
            data = draft_file(
                self.report,
                text=self.text,
                published=self.published,
                language=self.language,
                nlp=self.nlp,
                warn=lambda warning: self.call_from_thread(
                    self.notify, warning, severity="warning", timeout=30, markup=False
                ),
                pipeline_ready=lambda: self.call_from_thread(
                    self._step, 1, "Drafting events, actors, quotes and times…"
                ),
            )
        except (PipelineUnavailable, ValueError) as error:
            self.error = str(error)
            self.call_from_thread(self.exit, None)
            return
        except Exception as error:  # a drafter bug: one clear line, not a traceback over the screen
            self.error = (
                f"newsline: drafting {self.report} failed ({error.__class__.__name__}: {error}); please report this."
            )
            self.call_from_thread(self.exit, None)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._drafted, data)

    def _step(self, number: int, words: str) -> None:
        screen = self.screen
        if isinstance(screen, DraftingScreen):
            screen.step(number, words)

    def _drafted(self, data: dict[str, Any]) -> None:
        self._step(3, "Drafted.")
        self.review = Review(data)
        self.switch_screen(ReviewScreen(self.review, self.report))
