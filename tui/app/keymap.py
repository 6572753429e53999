"""The user's keymap: binding ids to keys, read from a TOML file.

# ~/.config/newsline/keymap.toml  (or $XDG_CONFIG_HOME/newsline/keymap.toml, or $NEWSLINE_KEYMAP)
[keymap]
quit = "ctrl+q"
filter-actors = "f"
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from pathlib import Path

from tui.view import counted


def keymap_path() -> Path:
    if os.environ.get("NEWSLINE_KEYMAP"):
        return Path(os.environ["NEWSLINE_KEYMAP"])
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "newsline" / "keymap.toml"


class KeymapError(Exception):
    """The keymap file cannot be used; ``str(error)`` is the message for the user."""


def load_keymap(path: Path | None = None, known_ids: Callable[[], set[str]] | None = None) -> dict[str, str]:
    """The ``[keymap]`` table of the file, or nothing if there is no file. With ``known_ids`` (called only
    if the file names any), every id must be one of them: a typo would otherwise change nothing, silently."""
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise KeymapError(f"newsline: cannot read the keymap {path}: {error}") from None
    import tomllib  # only with a keymap to read: most starts have none, and the parser costs ~4 ms

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise KeymapError(f"newsline: cannot read the keymap {path}: {error}") from None
    table = data.get("keymap", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise KeymapError(f'newsline: cannot read the keymap {path}: expected a [keymap] table of id = "keys"')
    if table and known_ids is not None:
        known = known_ids()
        problems = [_unknown(binding_id, known) for binding_id in table if binding_id not in known]
        if problems:
            lines = "".join(f"\n  {problem}" for problem in problems)
            raise KeymapError(
                f"newsline: cannot use the keymap {path}: {counted(len(problems), 'problem')} found.{lines}"
            )
    return table


def _unknown(binding_id: str, known: set[str]) -> str:
    close = difflib.get_close_matches(binding_id, sorted(known), n=1)
    hint = f'; did you mean "{close[0]}"?' if close else "; the help (?) lists every id"
    return f'[keymap].{binding_id}: expected the id of a binding, found "{binding_id}"{hint}'
