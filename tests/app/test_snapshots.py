"""What the screen shows, as SVG snapshots (pytest-textual-snapshot). Review every new SVG by eye.

Update after an intended change with: python -m pytest tests/app/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from tui.app import NewslineApp

SIZE = (120, 35)


def steady(app: NewslineApp) -> None:
    """No blinking cursor: a snapshot must not depend on when it is taken (the search box is mounted
    on first use, so call this again after opening it)."""
    for search in app.query("#search"):
        search.cursor_blink = False  # type: ignore[attr-defined]


class TestMainScreen:
    def test_default(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: steady(pilot.app))

    def test_selected_event_with_relations_and_quotes(self, app, snap_compare):
        async def select(pilot):
            steady(pilot.app)
            pilot.app.jump_to("zelensky-video-speech")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=select)

    def test_an_event_in_both_layers(self, app, snap_compare):
        """The TASS notice: its likely reading with the defaults it rests on, its certain one, each with its
        Why; on the axis (2 h a column) the likely part heavy, the part only the certain layer allows light."""

        async def select(pilot):
            steady(pilot.app)
            pilot.app.jump_to("tass-regrouping-notice")
            await pilot.press("plus")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=select)

    def test_small_terminal_80x24(self, app, snap_compare):
        assert snap_compare(app, terminal_size=(80, 24), run_before=lambda pilot: steady(pilot.app))

    def test_too_small_terminal(self, app, snap_compare):
        assert snap_compare(app, terminal_size=(50, 12))


class TestFilters:
    def test_actor_picker(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["a"])

    def test_actor_filter(self, app, snap_compare):
        async def filter_zelensky(pilot):
            steady(pilot.app)
            pilot.app.filter_by_actor("zelensky")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=filter_zelensky)

    def test_search(self, app, snap_compare):
        async def search(pilot):
            await pilot.press("slash")
            steady(pilot.app)
            await pilot.press(*"tass")

        assert snap_compare(app, terminal_size=SIZE, run_before=search)

    def test_empty_result(self, app, snap_compare):
        async def search(pilot):
            await pilot.press("slash")
            steady(pilot.app)
            await pilot.press(*"nothing like this", "enter")

        assert snap_compare(app, terminal_size=SIZE, run_before=search)


class TestAxis:
    @pytest.mark.parametrize(
        ("keys", "name"), [([], "6h-fit"), (["plus"], "2h"), (["plus"] * 4, "15min"), (["minus", "minus"], "1day")]
    )
    def test_zoom_levels(self, app, snap_compare, keys, name):
        async def zoom(pilot):
            steady(pilot.app)
            pilot.app.jump_to("zelensky-video-speech")
            await pilot.press(*keys)

        assert snap_compare(app, terminal_size=SIZE, run_before=zoom)

    def test_lanes_by_actor(self, app, snap_compare):
        async def lanes(pilot):
            steady(pilot.app)
            pilot.app.jump_to("tass-regrouping-notice")
            await pilot.press("L")

        assert snap_compare(app, terminal_size=SIZE, run_before=lanes)


class TestHelp:
    def test_help_screen(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


@pytest.fixture(autouse=True)
def _fixed_keymap_path(monkeypatch):
    """The help names the keymap file: the same path on every machine, and no such file."""
    monkeypatch.setenv("NEWSLINE_KEYMAP", "/nonexistent/newsline/keymap.toml")
