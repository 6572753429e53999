"""Every built-in theme keeps the text readable: a contrast check of what each pane draws, per theme.

textual-light once drew actor names white on light grey: a colour Textual computes against the background
("auto") was worked out against none. The check takes every run of letters or digits a pane draws, with the
colours it is drawn in, and asks for a contrast ratio (WCAG) of at least LEAST_CONTRAST. Dim text is checked before
the terminal dims it, as each terminal dims by its own measure; the ANSI themes use the terminal's colours.
"""

from __future__ import annotations

import pytest
from textual.geometry import Region

from tui.app import NewslineApp

SIZE = (120, 35)
LEAST_CONTRAST = 2.0  # the muted lines (header, axis legend) of seven themes sit at 2.2–2.5: above this floor, below 3
PANES = {
    "main": ("#header", "#timeline", "#axis", "#event", "#sources", "#quotes", "#status"),
    "c": ("#claims-header", "#claims-table", "#claims-caveats-body"),
    "r": ("#article-header", "#article-legend", "#article-status", "#article-text"),
}


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def unreadable(widget) -> dict[str, float]:
    """Each run of text the widget draws below the least contrast, with its ratio."""
    found = {}
    for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)):
        for segment in strip:
            style = segment.style
            if style is None or not any(c.isalnum() for c in segment.text):
                continue
            if style.color is None or style.bgcolor is None or not (style.color.triplet and style.bgcolor.triplet):
                continue  # the terminal's own colours (the ANSI themes): the terminal's choice
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            if style.reverse:
                fg, bg = bg, fg
            ratio = contrast(fg, bg)
            if ratio < LEAST_CONTRAST:
                found[segment.text.strip()[:40]] = round(ratio, 2)
    return found


def themes() -> list[str]:
    return sorted(NewslineApp(None, keymap={}, source=__file__).available_themes)  # type: ignore[arg-type]


@pytest.mark.parametrize("theme", themes())
async def test_every_pane_is_readable_in_every_theme(bundled, bundled_timeline, theme):
    app = NewslineApp(bundled, bundled_timeline, keymap={})
    problems = {}
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        app.jump_to("zelensky-video-speech")  # quotes, relations, claims: every kind of text
        await pilot.pause()
        for where, panes in PANES.items():
            if where != "main":
                await pilot.press(where)
                await pilot.pause()
                if where == "r":
                    await pilot.press("n")
                    await pilot.pause()
            for pane in panes:
                for text, ratio in unreadable(app.screen.query_one(pane)).items():
                    problems[f"{where} {pane}: {text!r}"] = ratio
            if where != "main":
                await pilot.press("escape")
                await pilot.pause()
    assert problems == {}
