"""The article with its evidence (r) and the claimed figures (c): Pilot tests and SVG snapshots.

Update the snapshots after an intended change with:
python -m pytest tests/app/test_article_and_claims.py --snapshot-update
"""

from __future__ import annotations

import json
from itertools import pairwise

import pytest
from rich.style import Style
from textual.widgets import DataTable, OptionList

from tui.app import NewslineApp
from tui.app.screens.article import GUTTER, ArticleScreen, ArticleText, SentenceEventsScreen
from tui.app.screens.claims import ClaimsScreen
from tui.model import parse_report

from ..conftest import small_report_data, span
from .pilot import selected

SIZE = (120, 35)
ZELENSKY = "zelensky-video-speech"


async def open_article(app, pilot, event_id: str | None = ZELENSKY) -> ArticleScreen:
    if event_id:
        app.jump_to(event_id)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


def sentence_index(screen: ArticleScreen, starting: str) -> int:
    text = screen.view.report.document.text
    return next(i for i, (start, _) in enumerate(screen.sentences) if text.startswith(starting, start))


async def move_cursor_to(pilot, screen: ArticleScreen, starting: str) -> None:
    steps = sentence_index(screen, starting) - screen.cursor
    await pilot.press(*(["down" if steps > 0 else "up"] * abs(steps)))
    await pilot.pause()
    assert screen.cursor == sentence_index(screen, starting)


def has(style: Style, kind: Style) -> bool:
    """Whether ``style`` shows what ``kind`` sets: its colours and attributes."""
    if kind.color is not None and style.color != kind.color:
        return False
    if kind.bgcolor is not None and style.bgcolor != kind.bgcolor:
        return False
    return all(getattr(style, name) for name in ("bold", "italic", "underline", "reverse") if getattr(kind, name))


def drawn_style(article: ArticleText, offset: int) -> Style:
    """The style the widget draws the character at ``offset`` with, read from its rendered line."""
    line = article.line_at(offset)
    article.scroll_to(y=line, animate=False, immediate=True)
    strip = article.render_line(line - round(article.scroll_offset.y))
    column = GUTTER + len(article.plain[article.lines[line][0] : offset])
    position = 0
    for segment in strip:
        if position <= column < position + len(segment.text):
            return segment.style or Style()
        position += len(segment.text)
    raise AssertionError(f"offset {offset} is not drawn")


# -- the article -------------------------------------------------------------------------------------


async def test_r_opens_the_article_with_the_events_spans_highlighted_by_kind(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        event = app.report.event(ZELENSKY)
        assert str(screen.query_one("#article-header").render()) == event.summary
        legend = str(screen.query_one("#article-legend").render())
        for label in ("event's sentence", "time expression", "relation cue", "quote", "claim", "attribution cue"):
            assert label in legend
        assert [(e.kind, e.span.text) for e in screen.evidence] == [
            ("quote", "“L’armée ukrainienne a repris 2 000 kilomètres de territoire”"),
            ("attribution", "un message vidéo sur Telegram"),
            ("time", "samedi soir"),
            ("quote", event.quotes[1].span.text),
            ("quote", event.quotes[2].span.text),
        ]
        article = screen.article
        for evidence in screen.evidence:
            kind = article.style(evidence.kind)
            for offset in (evidence.span.start, evidence.span.end - 1):
                assert has(screen.style_at(offset), kind), (evidence, offset)
                assert has(drawn_style(article, offset), kind), (evidence, offset)
        sentence = article.style("sentence")
        said = event.sentences[1].start  # "Le président ukrainien…": an event sentence, no evidence
        assert screen.style_at(said).bgcolor == sentence.bgcolor
        assert drawn_style(article, said).bgcolor == sentence.bgcolor
        assert has(screen.style_at(289), article.style("time")) and screen.style_at(289).bgcolor != sentence.bgcolor
        elsewhere = app.report.document.text.index("L’armée ukrainienne progresse")  # no sentence of the event
        assert screen.style_at(elsewhere).bgcolor is None
        assert drawn_style(article, elsewhere).bgcolor != sentence.bgcolor


async def test_inner_spans_draw_over_outer_ones(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, "territory-retaken-since-september")
        article = screen.article
        kinds = [(e.kind, e.span.text) for e in screen.evidence]
        assert kinds == [
            ("claim", "quelque 2 000 kilomètres"),
            ("attribution", "un message vidéo sur Telegram"),
            ("time", "Depuis début septembre"),
            ("claim", "2 000 kilomètres"),
        ]
        for evidence in screen.evidence:
            assert has(screen.style_at(evidence.span.start), article.style(evidence.kind))


async def test_n_and_shift_n_step_through_the_evidence_in_order_and_wrap_around(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        assert screen.status.startswith("5 evidence spans in 6 sentences")
        current = screen.article.style("current")
        seen = []
        for _ in range(5):
            await pilot.press("n")
            seen.append(screen.current)
            here = screen.evidence[screen.current].span
            assert has(screen.style_at(here.start), current)
            others = [e.span for i, e in enumerate(screen.evidence) if i != screen.current]
            assert not any(screen.style_at(span.start).reverse for span in others)
        assert seen == [0, 1, 2, 3, 4]
        await pilot.press("n")
        assert screen.status.startswith("evidence 1 of 5 · quote: ‘“L’armée ukrainienne")
        await pilot.press("N")
        assert screen.current == 4 and screen.status.startswith("evidence 5 of 5 · quote: ‘« Au cours")
        await pilot.press("N", "N")
        assert screen.status == "evidence 3 of 5 · time expression: ‘samedi soir’"


async def test_shift_n_first_goes_to_the_last_evidence(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        await pilot.press("N")
        assert screen.current == 4


async def test_stepping_scrolls_the_evidence_into_view(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_article(app, pilot, "refugee-care-statement")  # near the end of the report
        article = screen.article
        for _ in screen.evidence:
            await pilot.press("n")
            await pilot.pause()
            line = article.line_at(screen.evidence[screen.current].span.start)
            top = round(article.scroll_offset.y)
            assert top <= line < top + article.scrollable_content_region.height
        assert round(article.scroll_offset.y) > 0


async def test_enter_on_a_sentence_selects_its_event(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        await move_cursor_to(pilot, screen, "Il y a actuellement de violents combats à Donetsk.")
        assert screen.status.endswith("enter opens: There is currently heavy fighting in Donetsk region.")
        cursor = screen.article.style("cursor")
        start, _ = screen.sentences[screen.cursor]
        assert screen.style_at(start).bgcolor == cursor.bgcolor
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert selected(app) == "donetsk-fighting"
        assert app.focused is app.query_one("#timeline")


async def test_j_and_k_move_the_sentence_cursor(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        first = screen.cursor
        await pilot.press("j", "j", "k")
        assert screen.cursor == first + 1
        assert screen.status.startswith(f"sentence {first + 2} of {len(screen.sentences)} · ")


async def test_a_sentence_of_several_events_offers_a_choice(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, "donetsk-fighting")
        await move_cursor_to(pilot, screen, "Le plus gros coup porté")  # the headline
        assert screen.status.endswith("events — enter chooses one")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SentenceEventsScreen)
        rows = [row.id for row in app.screen.rows]
        assert rows == [row.id for row in app.view.timeline.events if row.id in rows]  # timeline order
        assert {"zelensky-video-speech", "territory-retaken-since-september"} <= set(rows)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(rows)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert selected(app) == rows[1]


async def test_escape_on_the_choice_stays_on_the_article(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        await move_cursor_to(pilot, screen, "Le plus gros coup porté")
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_sentence_that_is_no_event_shows_why(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        await move_cursor_to(pilot, screen, "Située à Kharkiv")
        assert screen.status.endswith("not an event — enter says why")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.status.startswith("Not an event: Background on Kupiansk's strategic importance")


async def test_clicking_a_sentence_moves_the_cursor_to_it(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot)
        article = screen.article
        offset = app.report.document.text.index("violents combats à Donetsk")
        line = article.line_at(offset)
        x = GUTTER + len(article.plain[article.lines[line][0] : offset]) + 3
        await pilot.click("#article-text", offset=(x, line - round(article.scroll_offset.y)))
        await pilot.pause()
        assert screen.cursor == sentence_index(screen, "Il y a actuellement de violents combats")


async def test_escape_and_r_close_the_article(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0] and selected(app) == ZELENSKY
        await open_article(app, pilot, None)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_the_article_without_a_selected_event(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzz", "enter")
        await pilot.pause()
        assert selected(app) is None
        screen = await open_article(app, pilot, None)
        assert str(screen.query_one("#article-header").render()) == "No event selected"
        assert screen.evidence == [] and screen.status.startswith("No event selected")
        await pilot.press("n")  # nothing to step through: a bell, no error
        assert screen.current is None
        await move_cursor_to(pilot, screen, "Il y a actuellement")
        await pilot.press("enter")
        await pilot.pause()
        assert selected(app) == "donetsk-fighting" and app.view.status().startswith("27 of 27")


def test_wrapped_lines_keep_every_word_in_order_within_the_width(bundled):
    from rich.console import Console

    text = bundled.document.text
    for width in (20, 57, 80, 118):
        lines = wrap_lines(text, width, Console(width=200))
        assert " ".join(text[start:end] for start, end in lines).split() == text.split()
        assert all(len(text[start:end].rstrip()) <= width and "\n" not in text[start:end] for start, end in lines)
        assert all(end <= following for (_, end), (following, _) in pairwise(lines))


async def test_text_from_the_data_is_shown_literally_with_offsets_kept():
    data = small_report_data()
    text = "Alice a parlé\tjeudi. Plus tôt, Bob avait dit « [bold]non\x1b[31m » selon Radio.\n"
    data["document"]["text"] = text
    data["document"]["headline"] = span(text, "Alice a parlé\tjeudi.")
    data["actors"][0]["mentions"] = [span(text, "Alice")]
    data["actors"][1]["mentions"] = [span(text, "Bob")]
    data["sources"][1]["mentions"] = [span(text, "Radio")]
    alice, bob = data["events"]
    alice |= {"sentences": [span(text, "Alice a parlé\tjeudi.")], "time": span(text, "jeudi")}
    bob |= {
        "sentences": [span(text, "Plus tôt, Bob avait dit « [bold]non\x1b[31m » selon Radio.")],
        "sources": [{"source": "radio", "cue": span(text, "selon Radio")}],
        "relations": [{"type": "before", "target": "alice-speaks", "cue": span(text, "Plus tôt")}],
        "quotes": [{"span": span(text, "« [bold]non\x1b[31m »"), "speaker": "bob", "mode": "direct"}],
        "claims": [
            {"id": "one-no", "span": span(text, "non"), "quantity": 1, "unit": "[red]no", "about": "[i]refusals"}
        ],
    }
    app = NewslineApp(parse_report(json.dumps(data)), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(app, pilot, "bob-says-no")
        article = screen.article
        shown = " ".join(article.render_line(y).text for y in range(3))
        assert "« [bold]non␛[31m » selon Radio." in shown and "\x1b" not in shown
        assert "Alice a parlé jeudi." in shown
        for evidence in screen.evidence:  # the styles land on the same characters as in the data
            start, end = evidence.span.start, evidence.span.end
            assert article.plain[start:end] == evidence.span.text.replace("\x1b", "␛")
            assert has(screen.style_at(start), article.style(evidence.kind))
        await pilot.press("n", "n")
        assert "quote: ‘« [bold]non␛[31m »’" in screen.status
        await pilot.press("escape", "c")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert cells[:3] == ["1 [red]no", "[i]refusals", "Bob"]


# -- the claimed figures ---------------------------------------------------------------------------


async def test_c_opens_every_claimed_figure_and_the_reports_caveat(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 4 and table.cursor_type == "row"
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[:3] for row in rows] == [
            ["about 2,000 km", "territory retaken by the Ukrainian army", "Volodymyr Zelensky"],
            ["at least 30 places", "places retaken by Ukraine in recent days", "Volodymyr Zelensky"],
            ["2,000 km", "territory liberated since the start of September", "Volodymyr Zelensky"],
            [
                "1,000 km²",
                "territory reconquered since September, as of the high command's Thursday announcement",
                "Ukrainian high command",
            ],
        ]
        assert rows[3][3] == app.view.timeline["high-command-thursday-figure"].label  # a statement: its own time
        # Zelensky's figures were claimed in his Saturday-evening video, not over the days they count
        assert rows[0][3] == rows[1][3] == rows[2][3] == "Sat 10 Sep · evening"
        assert rows[3][4] == (
            "Ukrainian high command announcement (Le haut commandement ukrainien a annoncé) → The report's own voice"
        )
        assert rows[3][5] == app.report.event("high-command-thursday-figure").summary
        caveats = str(screen.query_one("#claims-caveats-body").render())
        assert "meant square kilometres" in caveats and "1,000 km²" in caveats
        assert "“On ne sait pas si Zelensky voulait également dire kilomètres carrés.”" in caveats
        for claimed in ("about 2,000 km", "2,000 km", "1,000 km²"):
            assert f"• {claimed}:" in caveats
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_enter_on_a_claim_selects_its_event(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        assert selected(app) == "high-command-thursday-figure"
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("c")  # c closes it again
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_a_claims_event_is_shown_even_when_filtered_out(app):
    async with app.run_test(size=SIZE) as pilot:
        app.filter_by_actor("tass")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert selected(app) == "territory-retaken-since-september"
        assert app.view.status().startswith("27 of 27")


# -- snapshots -------------------------------------------------------------------------------------


class TestSnapshots:
    def test_article(self, app, snap_compare):
        async def article(pilot):
            pilot.app.jump_to(ZELENSKY)
            await pilot.press("r")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=article)

    def test_article_after_two_steps(self, app, snap_compare):
        async def article(pilot):
            pilot.app.jump_to(ZELENSKY)
            await pilot.press("r", "n", "n")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=article)

    def test_claims(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["c"])


@pytest.fixture(autouse=True)
def _fixed_keymap_path(monkeypatch):
    """The same keymap path on every machine, and no such file."""
    monkeypatch.setenv("NEWSLINE_KEYMAP", "/nonexistent/newsline/keymap.toml")


# -- a long report: lines wrapped as they are needed -------------------------------------------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tui.app.text_layout import WrappedLines, wrap_lines  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="ab cdé 漢\t", max_size=70), max_size=8).map("\n".join),
    st.integers(1, 30),
    st.randoms(use_true_random=False),
)
def test_lines_wrapped_as_needed_are_the_lines_of_wrapping_it_all(text, width, rng):
    from rich.console import Console

    console = Console(width=200)
    from bisect import bisect_right

    expected = wrap_lines(text, width, console)
    lazy = WrappedLines(text, width, console)
    for _ in range(len(expected) // 2):  # out of order, with estimates still standing elsewhere
        index = rng.randrange(len(lazy))
        assert lazy[index] in expected  # a real line of the text, whatever the estimates before it
    assert list(lazy) == expected  # reading every line wraps every paragraph: then all is exact
    assert len(lazy) == len(expected)
    starts = [start for start, _ in expected]
    for offset in range(len(text)):
        assert lazy.line_at(offset) == max(0, bisect_right(starts, offset) - 1)


def test_a_long_text_is_wrapped_only_where_it_is_read():
    from rich.console import Console

    paragraph = "L’armée ukrainienne a repris quelque 2 000 kilomètres de territoire. " * 12
    text = "\n\n".join([paragraph] * 20_000)  # 16 MB
    lazy = WrappedLines(text, 100, Console(width=200))
    line = lazy.line_at(len(text) // 2)
    start, end = lazy[line]
    assert start <= len(text) // 2 <= end + 1
    assert len(lazy._wrapped) <= 3  # the paragraph asked for, and what locating it touched


def test_one_paragraph_of_16_mb_is_wrapped_only_where_it_is_read():
    """A report written as one paragraph, with no line break, is wrapped a block at a time too."""
    from rich.console import Console

    text = "L’armée ukrainienne a repris quelque 2 000 kilomètres de territoire. " * 240_000  # 16 MB
    lazy = WrappedLines(text, 100, Console(width=200))
    middle = len(text) // 2
    start, end = lazy[lazy.line_at(middle)]
    assert start <= middle <= end + 1
    wrapped = sum(len(lines) for lines in lazy._wrapped.values())
    assert wrapped < 500  # the blocks asked for and what locating them touched, of 170 000 lines


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab cdé 漢\n", max_size=300), st.integers(2, 12), st.integers(2, 40))  # 漢 is 2 cells wide
@example("aaaa aa漢", 2, 8)  # rich starts a line with the space a break swallowed: it was read as a character
def test_long_paragraphs_cut_in_blocks_keep_every_character_in_order_within_the_width(text, width, block):
    from rich.cells import cell_len
    from rich.console import Console

    import tui.app.text_layout as layout

    saved, layout.BLOCK = layout.BLOCK, block
    try:
        lines = list(WrappedLines(text, width, Console(width=200)))
    finally:
        layout.BLOCK = saved
    shown = "".join(text[start:end] for start, end in lines)
    assert "".join(shown.split()) == "".join(text.split())  # nothing lost, nothing repeated, in order
    assert all(cell_len(text[start:end].rstrip()) <= width for start, end in lines)
    assert [start for start, _ in lines] == sorted(start for start, _ in lines)
