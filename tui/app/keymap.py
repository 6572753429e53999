"""The user's keymap: binding ids to keys, read from a TOML file.

# ~/.config/newsline/keymap.toml  (or $XDG_CONFIG_HOME/newsline/keymap.toml, or $NEWSLINE_KEYMAP)
[keymap]
quit = "ctrl+q"
filter-actors = "f"

A keymap is checked whole before the screen is touched, and every problem is named in one message: an id no
binding has (with the closest id), a value that is not a string of keys, a key that is not a key ("ctrl+",
",", "not a key"), and a key that would hide another binding where both work ("cursor-down = "q"" would take
"q" from quit in the timeline).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.model.files import KEYMAP_LIMIT, UnreadableFile, read_regular_file
from tui.printable import printable
from tui.view import counted

if TYPE_CHECKING:
    from textual.binding import Binding

    Places = Sequence[tuple[str, Sequence[Binding]]]

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
# Keys Textual itself binds everywhere, without an id: a binding on them would never be reached.
RESERVED = {"tab": "moving between panes", "shift+tab": "moving between panes", "ctrl+p": "the command palette"}
EVERYWHERE = "Everywhere"  # the place whose bindings work under every other place's
# Keys with a name, as Textual names them (textual.keys.Keys, without its modifier combinations)
_NAMED_KEYS = {
    *("escape", "enter", "return", "tab", "space", "backspace", "insert", "delete", "home", "end", "pageup"),
    *("pagedown", "up", "down", "left", "right", *(f"f{number}" for number in range(1, 25))),
}


def keymap_path() -> Path:
    if os.environ.get("NEWSLINE_KEYMAP"):
        return Path(os.environ["NEWSLINE_KEYMAP"])
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "newsline" / "keymap.toml"


class KeymapError(Exception):
    """The keymap file cannot be used; ``str(error)`` is the message for the user."""


def load_keymap(path: Path | None = None, places: Callable[[], Places] | None = None) -> dict[str, str]:
    """The ``[keymap]`` table of the file, its keys in Textual's names ("?" is "question_mark"), or nothing
    if there is no file. With ``places`` (where keys work and their bindings, called only if the file names
    any binding), every id must be a binding's and no key may hide another binding: a typo would otherwise
    change nothing, silently, and a clash would leave a binding unreachable."""
    path = path or keymap_path()
    try:
        raw = read_regular_file(path, KEYMAP_LIMIT)
    except UnreadableFile as error:
        if str(error) == "no such file":
            return {}
        raise KeymapError(printable(f"newsline: cannot read the keymap {path}: {error}")) from None
    import tomllib  # only with a keymap to read: most starts have none, and the parser costs ~4 ms

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise KeymapError(
            printable(f"newsline: cannot read the keymap {path}: not UTF-8 text (byte {error.start})")
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise KeymapError(printable(f"newsline: cannot read the keymap {path}: {error}")) from None
    problems: list[str] = []
    for name, value in data.items():
        if name != "keymap":
            problems.append(f'{_table(name, value)}: expected only a [keymap] table of id = "keys"')
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        problems.append(f'keymap: expected a [keymap] table of id = "keys", found {_describe(table)}')
        table = {}
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if not isinstance(keys, str):
            problems.append(
                f'[keymap].{binding_id}: expected a string of keys like "ctrl+q" or "up,k", found {_describe(keys)}'
            )
            continue
        names, wrong = _keys(keys)
        problems += [f"[keymap].{binding_id}: {problem}" for problem in wrong]
        keymap[binding_id] = ",".join(names)
    if keymap and places is not None:
        problems += _check_bindings(keymap, places())
    if problems:
        lines = "".join(f"\n  {problem}" for problem in problems)
        message = f"newsline: cannot use the keymap {path}: {counted(len(problems), 'problem')} found.{lines}"
        raise KeymapError("\n".join(printable(line) for line in message.split("\n")))
    return keymap


def _keys(keys: str) -> tuple[list[str], list[str]]:
    """The keys of a string like "up,k" or "ctrl+q", in Textual's names, and what is wrong with the string."""
    names, problems = [], []
    for part in keys.split(","):
        key = part.strip()
        name = _key_name(key) if key else None
        if name is None:
            problems.append(f'expected keys like "ctrl+q" or "up,k", found {_describe(keys)} ({_why(key, keys)})')
            break  # one problem per string: "," would otherwise be reported twice
        names.append(name)
    return names, problems


def _key_name(key: str) -> str | None:
    """Textual's name of one key with its modifiers ("ctrl+q", "question_mark"), or None if it is no key."""
    from textual.keys import _character_to_key, key_to_character

    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if any(modifier not in MODIFIERS for modifier in modifiers) or len(set(modifiers)) != len(modifiers):
        return None
    if len(base) == 1:
        if not base.isprintable() or base.isspace() or printable(base) != base:
            return None
        base = _character_to_key(base)
    elif base not in _NAMED_KEYS and len(key_to_character(base) or "") != 1:
        return None
    return "+".join((*modifiers, base))


def _why(key: str, keys: str) -> str:
    if not key:
        return 'a comma separates keys; the comma key is "comma"' if "," in keys else "no key is named"
    if key.endswith("+"):
        return f'no key follows {_describe(key)}; the plus key is "plus"'
    *modifiers, _ = key.split("+")
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        return f"{_describe(unknown[0])} is not a modifier: {', '.join(MODIFIERS)}"
    named = "" if key == keys.strip() else f"{_describe(key)} is "
    return f'{named}not a key; a key is a character or a name like "up", "f5", "question_mark"'


def _check_bindings(keymap: dict[str, str], places: Places) -> list[str]:
    known = {binding.id for _, bindings in places for binding in bindings if binding.id}
    problems = [_unknown(binding_id, known) for binding_id in keymap if binding_id not in known]
    remapped = {binding_id for binding_id in keymap if binding_id in known}
    if not remapped:
        return problems

    def keys_of(binding: Binding, with_keymap: bool) -> set[str]:
        text = keymap[binding.id] if with_keymap and binding.id in keymap else binding.key
        return set(_keys(text)[0])

    for binding_id in remapped:
        for key in keymap[binding_id].split(","):
            if key in RESERVED:
                problems.append(
                    f'[keymap].{binding_id}: "{key}" is kept for {RESERVED[key]}, '
                    f"so {binding_id} would never be reached"
                )
    everywhere = [bindings for place, bindings in places if place == EVERYWHERE]
    reported: set[tuple[str, str, str]] = set()
    for place, bindings in places:
        together = list(bindings)  # bindings that work at the same time: this place's, and those that work everywhere
        if place != EVERYWHERE:
            together += [binding for group in everywhere for binding in group]
        for first_index, first in enumerate(together):
            for second in together[first_index + 1 :]:
                if first.id == second.id or not (first.id in remapped or second.id in remapped):
                    continue
                shared = keys_of(first, True) & keys_of(second, True)
                clash = shared - (keys_of(first, False) & keys_of(second, False))  # the defaults' own sharing is meant
                for key in sorted(clash):
                    moved, other = (first, second) if first.id in remapped else (second, first)
                    if (moved.id, other.id, key) in reported:
                        continue
                    reported.add((moved.id, other.id, key))
                    where = "everywhere" if place == EVERYWHERE else f"in {_place(place)}"
                    problems.append(
                        f'[keymap].{moved.id}: "{key}" is also the key of {other.id} {where}, which would then '
                        "never be reached; choose another key, or remap that binding too"
                    )
    return problems


def _place(place: str) -> str:
    """ "the timeline", "the article", "this help": a place of the help's sections, as a sentence says it."""
    name = place.split(" (")[0].split(",")[0].lower()
    return name if name.startswith("this ") else f"the {name}"


def _unknown(binding_id: str, known: set[str]) -> str:
    close = difflib.get_close_matches(binding_id, sorted(known), n=1)
    hint = f'; did you mean "{close[0]}"?' if close else "; the help (?) lists every id"
    return f'[keymap].{binding_id}: expected the id of a binding, found "{binding_id}"{hint}'


def _table(name: str, value: Any) -> str:
    return f"[{name}]" if isinstance(value, dict) else name


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"  # a date or a time: TOML has them
