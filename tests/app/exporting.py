"""What both apps' export key promises, checked the same way for each: an existing file is replaced only on the
user's yes."""

from __future__ import annotations

from pathlib import Path


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [notification.message for notification in app._notifications]


async def replaced_only_on_yes(pilot, existing: Path, header: str) -> None:  # type: ignore[no-untyped-def]
    """``e s`` over ``existing``: escape leaves it, ``n`` writes ``<stem>-2<suffix>`` beside it, ``r`` replaces it
    (both written files start with the CSV ``header``); nothing else is written in its folder."""
    app, folder = pilot.app, existing.parent
    second = folder / f"{existing.stem}-2{existing.suffix}"
    await pilot.press("e", "s")
    await pilot.pause()
    assert type(app.screen).__name__ == "ReplaceScreen"
    await pilot.press("escape")
    await pilot.pause()
    assert existing.read_text(encoding="utf-8") == "theirs"
    assert messages(app)[-1] == f"Nothing exported: {existing.name} is left as it was."
    await pilot.press("e", "s", "n")
    await pilot.pause()
    assert existing.read_text(encoding="utf-8") == "theirs"
    assert second.read_text(encoding="utf-8").startswith(header)
    await pilot.press("e", "s", "r")
    await pilot.pause()
    assert existing.read_text(encoding="utf-8").startswith(header)
    assert sorted(path.name for path in folder.iterdir()) == [second.name, existing.name]
