"""The Why as a chain, in the event pane (issue 20): each bound with the steps that set it, anchor first, at
120×35 and 80×24; and the Kyiv defeat says which side its words bound (‘Depuis début septembre’ bounds
when it ended at the latest, not when it happened)."""

from __future__ import annotations

import pytest

from tui.app.widgets.details import EventPane
from tui.view import step_plainly

SIZES = [(120, 35), (80, 24)]


async def pane_text(app, pilot, event_id: str) -> str:
    app.jump_to(event_id)
    await pilot.pause()
    return " ".join(app.query_one("#event", EventPane).text.split())  # as wrapped, joined again


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_event_pane_shows_each_bound_with_its_chain(app, size):
    async with app.run_test(size=size) as pilot:
        text = await pane_text(app, pilot, "tass-regrouping-notice")
        row = app.view.timeline["tass-regrouping-notice"]
        assert "Why, from the words to this event:" in text
        for layer in ("likely", "certain"):
            for step in row.steps(layer):
                assert " ".join(step_plainly(app.report, row, step).split()) in text, step
        # the example, in order: the speech ‘samedi soir’, the notice before it ‘Plus tôt’
        speech = text.index("‘Zelensky says in a…’ starts from Sat 10 Sep 18:00 ← ‘samedi soir’")
        before = text.index("→ this event ends from Fri 9 Sep 18:00 ← ‘Plus tôt’")
        assert speech < before


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_kyiv_defeat_says_which_side_its_words_bound(app, size):
    async with app.run_test(size=size) as pilot:
        text = await pane_text(app, pilot, "kyiv-defeat")
        assert "latest: ‘The Ukrainian army has retaken…’ starts by Sat 10 Sep ← ‘Depuis début septembre’" in text
        assert "→ this event ends by Sat 10 Sep ← ‘depuis’" in text
        assert "earliest:" not in text  # nothing bounds it before
        assert "note: no earliest time: the report gives it no anchor" in text


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_a_layer_no_step_bounds_keeps_its_flat_why(app, size):
    async with app.run_test(size=size) as pilot:
        text = await pane_text(app, pilot, "evacuation-call")
        row = app.view.timeline["evacuation-call"]
        assert row.certain_steps == ()
        assert " ".join(f"Why {row.certain.explanation}".split()) in text
