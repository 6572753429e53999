"""Pilot tests: every binding and filter path, as a user drives them."""

from __future__ import annotations

import json

import pytest
from textual.command import CommandList
from textual.widgets import SelectionList

from tui.app import NewslineApp
from tui.app.keymap import KeymapError, load_keymap
from tui.app.widgets.timeline import TimelineList
from tui.model import parse_report
from tui.view import involved

from ..conftest import small_report_data, span
from .pilot import run_command, selected, status

SIZE = (120, 35)


def widget_text(widget) -> str:
    """What the widget shows, lines joined by spaces: text wrapped at the pane's width reads whole."""
    lines = widget.render_lines(widget.region.reset_offset)
    return " ".join(" ".join(strip.text.split()) for strip in lines).strip()


def pane_text(app, pane: str) -> str:
    return " ".join(" ".join(line.split()) for line in app.query_one(f"#{pane}").text.splitlines()).strip()


def count(app, actor: str) -> int:
    return sum(actor in involved(app.report, event) for event in app.report.events)


async def test_opens_on_the_report_with_everything_shown(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert status(app) == "27 of 27 events · filter: none"
        header = str(app.query_one("#header").render())
        assert header.startswith("Le plus gros coup porté")
        assert "ttn-fr-3 · fr · published Sun 11 Sep (estimate" in header
        first = app.view.rows[0]
        assert selected(app) == first.id
        assert first.event.summary.split()[0] in pane_text(app, "event")
        assert app.focused is app.query_one("#timeline")


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["down"], 1), (["j", "j"], 2), (["j", "j", "k"], 1), (["down", "up"], 0),
        (["end"], -1), (["G"], -1), (["end", "home"], 0), (["G", "g"], 0),
        (["pagedown"], "page"), (["pagedown", "pageup"], 0),
    ],
)  # fmt: skip
async def test_moving_through_events(app, keys, expected):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        timeline = app.query_one("#timeline", TimelineList)
        rows = len(app.view.rows)
        if expected == "page":
            assert timeline.cursor == min(timeline.scrollable_content_region.height - 1, rows - 1)
        else:
            assert timeline.cursor == expected % rows
        assert app.view.rows[timeline.cursor].event.summary[:30] in pane_text(app, "event")


async def test_selection_fills_event_sources_and_quotes(app):
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to("zelensky-video-speech")
        await pilot.pause()
        event = pane_text(app, "event")
        assert "When Sat 10 Sep · evening" in event
        assert "‘samedi soir’ → Sat 10 Sep · evening (part-of-day)" in event
        assert "within a day after: TASS reports" in event
        sources = pane_text(app, "sources")
        assert "Zelensky's Saturday-evening video message on Telegram (un message vidéo sur Telegram)" in sources
        quotes = pane_text(app, "quotes")
        assert "“Depuis début septembre" in quotes and "— Volodymyr Zelensky (direct)" in quotes


async def test_attribution_chain_reads_origin_first(app):
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to("refugee-care-statement")
        await pilot.pause()
        chain = pane_text(app, "sources")
        assert chain.startswith("Chain Kharkiv administrator's statements (Il a déclaré) → TASS (selon TASS) →")


async def test_enter_focuses_the_event_pane_and_tab_moves_across_panes(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.focused is app.query_one("#event")
        await pilot.press("tab")
        assert app.focused is app.query_one("#sources")
        await pilot.press("tab")
        assert app.focused is app.query_one("#quotes")
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused is app.query_one("#axis")
        await pilot.press("shift+tab")
        assert app.focused is app.query_one("#timeline")


async def test_brackets_step_through_the_same_actors_events(app):
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to("kupiansk-recaptured")  # the Ukrainian army
        await pilot.press("right_square_bracket")
        following = app.view.rows[app.query_one("#timeline", TimelineList).cursor].event
        shared = app.view.involved_actors(following.id) & app.view.involved_actors("kupiansk-recaptured")
        assert shared and following.id != "kupiansk-recaptured"
        await pilot.press("left_square_bracket")
        assert selected(app) == "kupiansk-recaptured"


async def test_actor_picker_filters_by_actor_and_side(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        actors = app.screen.query_one("#actors", SelectionList)
        actors.select("zelensky")
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == f"{count(app, 'zelensky')} of 27 events · filter: actor Volodymyr Zelensky"
        shown = {row.id for row in app.view.rows}
        assert {"zelensky-video-speech", "thirty-places-retaken", "territory-retaken-since-september"} <= shown
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#actors", SelectionList).deselect_all()
        app.screen.query_one("#sides", SelectionList).select("russian-installed")
        await pilot.press("enter")
        await pilot.pause()
        installed = sum(
            any(app.report.actor(a).side == "russian-installed" for a in involved(app.report, e))
            for e in app.report.events
        )
        assert installed >= 2
        assert status(app) == f"{installed} of 27 events · filter: side Russian-installed"


async def test_actor_picker_lists_side_and_count_and_cancels(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        actors = app.screen.query_one("#actors", SelectionList)
        prompts = [str(actors.get_option_at_index(i).prompt) for i in range(actors.option_count)]
        assert f"Ukrainian army · Ukraine  ({count(app, 'ukrainian-army')} events)" in prompts
        assert len(prompts) == len(app.report.actors)
        await pilot.press("escape")
        await pilot.pause()
        assert status(app) == "27 of 27 events · filter: none"


async def test_search_filters_as_you_type_and_escape_clears(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.press(*"koupyansk")
        await pilot.pause()
        # the two events in Kupiansk, and the Russian statement whose sentence dates it by that announcement
        assert status(app) == "3 of 27 events · filter: “koupyansk”"
        await pilot.press("enter")
        assert app.focused is app.query_one("#timeline")
        await pilot.press("escape")
        await pilot.pause()
        assert status(app) == "27 of 27 events · filter: none"


async def test_search_is_accent_and_case_blind_and_reaches_quotes_and_names(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"LIBERATION DU DONBASS")
        await pilot.pause()
        assert [row.id for row in app.view.rows] == ["defence-ministry-regrouping-statement"]
        await pilot.press("escape", "slash", *"yermak")  # an identification, not in the report's text
        await pilot.pause()
        assert "chief-of-staff-photo" in [row.id for row in app.view.rows]
        assert selected(app) == app.view.rows[0].id


async def test_filters_combine_and_an_empty_result_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        app.filter_by_actor("tass")
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        assert status(app) == "0 of 27 events · filter: actor TASS · “zzz”"  # TASS alone has events
        line = app.query_one("#timeline", TimelineList).render_line(0).text
        assert line.startswith("No event matches the filter: actor TASS · “zzz” — escape clears it.")
        assert "No event selected." in pane_text(app, "event")


async def test_help_lists_every_binding_with_its_id(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = widget_text(app.screen.query_one("#help-table"))
        for binding_id in ("quit", "help", "filter-actors", "search", "clear-filters", "focus-event",
                           "cursor-up", "cursor-down", "cursor-first", "cursor-last", "page-up", "page-down",
                           "previous-same-actor", "next-same-actor", "toggle-axis", "axis-zoom-in",
                           "article-next-evidence", "article-choose-sentence", "claims-open-event"):  # fmt: skip
            assert binding_id in shown
        # grouped by where the keys work: each id under its own heading
        headings = ["Everywhere", "Timeline", "Time axis", "Actor picker (a)", "Article (r)", "Claims (c)", "This help"]
        positions = [shown.index(heading) for heading in headings]
        assert positions == sorted(positions)
        assert positions[0] < shown.index("quit") < positions[1] < shown.index("cursor-up") < positions[2]
        assert positions[4] < shown.index("article-next-evidence") < positions[5] < shown.index("claims-close")
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_command_palette_jumps_to_an_event(app):
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Jump to event: Zelensky says")
        assert selected(app) == "zelensky-video-speech"


async def test_command_palette_filters_by_actor(app):
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Filter by actor: TASS")
        assert status(app) == f"{count(app, 'tass')} of 27 events · filter: actor TASS"


async def test_command_palette_filters_by_side(app):
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Filter by side: Russian-installed")
        expected = sum("russian-installed" in app.view.sides_of(row.id) for row in app.view.timeline.events)
        assert 0 < expected < 27
        assert status(app) == f"{expected} of 27 events · filter: side Russian-installed"


async def test_clicking_a_row_selects_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # focus elsewhere first
        await pilot.click("#timeline", offset=(10, 4))  # border row 0, rows start at 1
        await pilot.pause()
        assert app.query_one("#timeline", TimelineList).cursor == 3
        assert app.focused is app.query_one("#timeline")


async def test_a_keymap_remaps_a_binding_by_id(bundled, bundled_timeline):
    app = NewslineApp(bundled, bundled_timeline, keymap={"quit": "x", "search": "f"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert app.focused is app.query_one("#search")
        await pilot.press("escape", "x")
    assert app.return_code == 0


def test_keymap_file(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('[keymap]\nquit = "ctrl+q"\n', encoding="utf-8")
    assert load_keymap(path) == {"quit": "ctrl+q"}
    assert load_keymap(tmp_path / "absent.toml") == {}
    path.write_text("[keymap\n", encoding="utf-8")
    with pytest.raises(KeymapError, match="cannot read the keymap"):
        load_keymap(path)


async def test_text_from_the_data_is_shown_literally():
    data = small_report_data()
    text = "Bob dit « [bold]non\x1b[31m » [red]ici.\n"
    data["document"]["text"] = text
    data["document"]["headline"] = span(text, "Bob dit")
    data["actors"] = [data["actors"][1] | {"mentions": [span(text, "Bob")], "name": "[i]Bob[/i]"}]
    data["sources"][1]["mentions"] = []
    event = data["events"][1] | {
        "sentences": [span(text, text.strip())], "time": None, "relations": [], "actors": ["bob"],
        "summary": "Bob says [bold]no\x1b[2J", "sources": [{"source": "report"}],
        "quotes": [{"span": span(text, "« [bold]non\x1b[31m »"), "speaker": "bob", "mode": "direct"}],
    }  # fmt: skip
    data["events"] = [event]
    app = NewslineApp(parse_report(json.dumps(data)), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        quotes = pane_text(app, "quotes")
        assert "« [bold]non␛[31m »" in quotes
        assert "— [i]Bob[/i] (direct)" in quotes
        row = app.query_one("#timeline", TimelineList).render_line(0).text
        assert "Bob says [bold]no␛[2J" in row
        assert "\x1b" not in row and "\x1b" not in quotes

        # What the user types is data too: the status line echoes it literally, even a lone closing tag.
        await pilot.press("slash", *"[/")
        await pilot.pause()
        assert status(app) == "1 of 1 events · filter: “[/”"  # the name holds "[/"
        await pilot.press("escape")

        # The palette shows names and summaries literally, in its titles and in its help lines.
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = app.screen.query_one(CommandList)
        prompts = [str(palette.get_option_at_index(i).prompt) for i in range(palette.option_count)]
        assert any("Filter by actor: [i]Bob[/i]" in prompt for prompt in prompts), prompts
        assert any("Jump to event: Bob says [bold]no␛[2J" in prompt for prompt in prompts), prompts
        await pilot.press(*"Filter by actor: [i]Bob")
        await pilot.pause(0.5)
        found = str(palette.get_option_at_index(0).prompt)
        assert found.startswith("Filter by actor: [i]Bob[/i]\n"), found
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == "1 of 1 events · filter: actor [i]Bob[/i]"


async def test_a_terminal_too_small_says_so(app):
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        notice = app.query_one("#too-small")
        assert notice.display and "too small" in str(notice.render())
        assert not app.query_one("#main").display
        await pilot.resize_terminal(120, 35)
        await pilot.pause()
        assert app.query_one("#main").display and not notice.display


@pytest.mark.parametrize("start", [(120, 35), (50, 12)], ids=["shrunk-then-restored", "started-small"])
async def test_keys_work_again_once_the_terminal_is_large_enough(app, start):
    """The notice hides the panes, and with them the focused timeline: focus comes back with them."""
    async with app.run_test(size=start) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        await pilot.resize_terminal(120, 35)
        await pilot.pause()
        assert app.focused is app.query_one("#timeline")
        before = app.query_one("#timeline", TimelineList).cursor
        await pilot.press("j", "j", "k")
        assert app.query_one("#timeline", TimelineList).cursor == before + 1


def footer_keys(app) -> list[str]:
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.screen.query(FooterKey) if key.description]


async def test_the_footer_shows_clear_only_while_there_is_something_to_clear(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Clear" not in footer_keys(app) and "Search" in footer_keys(app)
        await pilot.press("slash")
        await pilot.pause()
        assert "Clear" in footer_keys(app)  # escape closes the open search box
        await pilot.press(*"tass")
        await pilot.pause()
        assert "Clear" in footer_keys(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Clear" not in footer_keys(app) and status(app) == "27 of 27 events · filter: none"
        await pilot.press("a", "space", "enter")  # the picker: first side
        await pilot.pause()
        assert "Clear" in footer_keys(app)


async def test_the_first_frame_shows_the_footers_keys_as_they_stay(app):
    """The footer builds its keys as soon as the screen's bindings are known, not a frame after: run as
    ``newsline`` runs it (not under the pilot, which delays the app's focus), the first frame drawn holds every
    key, the same keys the footer still shows once the app has settled, and the footer was built once."""
    from textual.widgets._footer import FooterKey

    frames: list[list[FooterKey]] = []  # the keys laid out in each frame drawn (none until they all are)
    display = app._display

    def recorded(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is None:
            return
        keys = list(app.screen.query(FooterKey))
        frames.append(keys if keys and all(key.region.area for key in keys) else [])
        if len(frames) == 1:
            app.set_timer(0.3, app.exit)  # then let it settle

    app._display = recorded
    await app.run_async(headless=True, size=SIZE)
    first, settled = frames[0], frames[-1]
    assert [key.description for key in settled][:2] == ["Quit", "Help"]
    later = next(number for number, keys in enumerate(frames) if keys)
    assert first, f"the first frame has no keys: they come in frame {later + 1} of {len(frames)}"
    assert first == settled, "the footer was built again after the first frame"


async def test_the_footer_is_rebuilt_only_when_its_keys_change(app):
    """Typing in the search box keeps the footer's keys (the same widgets); a filter that adds "Clear"
    rebuilds it once, and the keys start in the footer's own style."""
    from textual.widgets._footer import FooterKey

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [key.description for key in app.query(FooterKey)][:2] == ["Quit", "Help"]
        assert all(key.compact == key.has_class("-compact") for key in app.query(FooterKey))
        assert not any(key.compact for key in app.query(FooterKey) if not key.has_class("-command-palette"))
        await pilot.press("slash")
        await pilot.pause()
        before = list(app.query(FooterKey))
        await pilot.press(*"kupi")
        await pilot.pause()
        assert list(app.query(FooterKey)) == before, "the footer was rebuilt though its keys did not change"
        await pilot.press("escape")
        await pilot.pause()
        assert "Clear" not in footer_keys(app)
        assert list(app.query(FooterKey)) != before
