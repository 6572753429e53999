"""Command palette (ctrl+p): "Filter by actor: …" and "Jump to event: …"."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.view import printable


class NewslineCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        view = app.view  # type: ignore[attr-defined]
        commands = []
        for actor, name, side, count in view.actor_counts():
            title = printable(f"Filter by actor: {name}")
            commands.append(
                (title, partial(app.filter_by_actor, actor), f"{side} · {count} event{'s' if count != 1 else ''}")
            )
        for row in view.timeline.events:
            title = printable(f"Jump to event: {row.event.summary}")
            commands.append((title, partial(app.jump_to, row.id), row.label))
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)  # type: ignore[arg-type]
