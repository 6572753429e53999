"""Command palette (ctrl+p): "Filter by actor: …", "Filter by side: …" and "Jump to event: …"."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tui.view import counted, printable


class NewslineCommands(Provider):
    """Titles and help lines hold names and summaries from the data, so they are handed to the palette as
    :class:`Content` (a plain ``str`` would be read as markup: "[i]" would italicise, "[/" would crash)."""

    def _commands(self) -> list[tuple[str, object, Content]]:
        app = self.app
        view = app.view  # type: ignore[attr-defined]
        commands = []
        for actor, name, side, count in view.actor_counts():
            title = printable(f"Filter by actor: {name}")
            help_text = Content(printable(f"{side} · {counted(count, 'event')} · replaces the current filter"))
            commands.append((title, partial(app.filter_by_actor, actor), help_text))
        for side, count in view.side_counts().items():
            if count:
                help_text = Content(f"{counted(count, 'event')} · replaces the current filter")
                commands.append(
                    (f"Filter by side: {view.report.side_labels[side]}", partial(app.filter_by_side, side), help_text)
                )
        for row in view.timeline.events:
            title = printable(f"Jump to event: {row.event.summary}")
            commands.append((title, partial(app.jump_to, row.id), Content(printable(view.when(row)))))  # as listed
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), callback, text=title, help=help_text)  # type: ignore[arg-type]


def _highlight(matcher: Matcher, title: str) -> Content:
    """``matcher.highlight`` without reading the title as markup."""
    content = Content(title)
    for offset in matcher.fuzzy_search.match(matcher.query, title)[1]:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
