"""What a rule's pattern needs of a text before it can match there: words one of which every match holds
(or a digit), so that a text without any of them is not searched with the rule — nor the rule's pattern
compiled, which is most of what reading a report's few time expressions costs as the app starts (about 20
of the 45 ms on the bundled report).

The words are derived from each pattern by :func:`derive` (from the regular expression's parse: a literal
run, or an alternation of them, that every match must pass through) and shipped in
``resources/needs.json``, with a checksum of the pattern they were derived from: a rule whose pattern no
longer matches its checksum (its word tables were edited) is searched as if it needed nothing until the
table is made again (``python -m tui.temporal.tagging``; a test fails meanwhile). Deriving parses
every pattern, as compiling does: it is done once here, not at each start.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.temporal.tagging.rules import Rule

TABLE = Path(__file__).with_name("resources") / "needs.json"
DIGIT = "\\d"  # in a rule's needs: any digit

Needs = tuple[tuple[str, ...], bool]  # the words, one of which a match holds, or (True) a digit
_JOINED = 64  # words a choice joined from several parts may hold: past it, its first parts are choice enough


def checksum(source: str) -> int:
    return zlib.crc32(source.encode("utf-8"))


def derive(source: str) -> Needs | None:
    """What every match of the pattern ``source`` holds: one of some literal words, or a digit — the most
    selective such choice the pattern's parse shows (its longest shortest word) — or None when no part of
    it must match (every part optional, or a class of characters beyond digits and literals)."""
    from re import _constants as c
    from re import _parser

    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None

    def sequence(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
        choices: list[set[str]] = []
        index = 0
        while index < len(items):
            op, value = items[index]
            # What the parts from here on start with, joined: the parse shares the first letters of
            # alternatives ("mois|months" is "mo" then "is|nths"), which alone would need only "mo".
            joined, _ = starts(items[index:])
            if "" not in joined:
                choices.append(joined)
            if op is c.LITERAL:  # a run of literals must appear whole
                run = ""
                while index < len(items) and items[index][0] is c.LITERAL:
                    run += chr(items[index][1])
                    index += 1
                choices.append({run})
                continue
            found = element(op, value)
            if found:
                choices.append(found)
            index += 1
        if not choices:
            return None
        return max(choices, key=lambda found: (min(len(w) if w != DIGIT else 0 for w in found), -len(found)))

    def element(op: Any, value: Any) -> set[str] | None:
        if op is c.SUBPATTERN:
            _group, added, _removed, inner = value
            return None if added & re.IGNORECASE else sequence(inner)
        if op is c.ATOMIC_GROUP:
            return sequence(value)
        if op is c.BRANCH:
            found: set[str] = set()
            for alternative in value[1]:
                each = sequence(alternative)
                if not each:
                    return None  # an alternative that needs nothing
                found |= each
            return found
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, _most, inner = value
            return sequence(inner) if least >= 1 else None
        if op is c.IN:
            return _characters(value, c)
        return None  # assertions, anchors, any character, a class outside brackets: nothing needed

    def starts(items: Sequence[tuple[Any, Any]]) -> tuple[set[str], bool]:
        """The words every match of ``items`` starts with ("" alone: nothing known), and whether each match
        is exactly one of them."""
        found = {""}
        for op, value in items:
            each = start(op, value)
            if each is None:
                return found, False
            words, whole = each
            joined = {first + then for first in found for then in words}
            if len(joined) > _JOINED:
                return found, False
            found = joined
            if not whole:
                return found, False
        return found, True

    def start(op: Any, value: Any) -> tuple[set[str], bool] | None:
        """What every match of one part starts with, as :func:`starts` says it; None if not known."""
        if op is c.LITERAL:
            return {chr(value)}, True
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # matches nothing: an anchor, a look ahead or behind
            return {""}, True
        if op is c.SUBPATTERN:
            _group, added, _removed, inner = value
            return None if added & re.IGNORECASE else starts(inner)
        if op is c.ATOMIC_GROUP:
            return starts(value)
        if op is c.BRANCH:
            words: set[str] = set()
            whole = True
            for alternative in value[1]:
                each, exact = starts(alternative)
                words |= each
                whole = whole and exact
            return words, whole
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, most, inner = value
            if least < 1:
                return None
            each, exact = starts(inner)
            return each, exact and least == most == 1
        if op is c.IN:
            characters = _characters(value, c)
            return None if characters is None or DIGIT in characters else (characters, True)
        return None

    found = sequence(parsed)
    if not found:
        return None
    return tuple(sorted(w for w in found if w != DIGIT)), DIGIT in found


def _characters(members: Iterable[tuple[Any, Any]], c: Any) -> set[str] | None:
    """What a bracketed class needs: one of its literal characters, or a digit (``\\d``, ``0-9``); None for
    anything else it may match (a negation, another class, a range of letters)."""
    found: set[str] = set()
    for op, value in members:
        if op is c.LITERAL:
            found.add(chr(value))
        elif (op is c.RANGE and chr(value[0]) >= "0" and chr(value[1]) <= "9") or (
            op is c.CATEGORY and value is c.CATEGORY_DIGIT
        ):
            found.add(DIGIT)
        else:
            return None
    return found


def table(rules: Iterable[Rule]) -> dict[str, dict[str, object]]:
    """The table shipped in ``resources/needs.json``, made from the rules' patterns."""
    made: dict[str, dict[str, object]] = {}
    for rule in rules:
        found = derive(rule.source)
        if found is not None:
            made[rule.name] = {"checksum": checksum(rule.source), "words": list(found[0]), "digit": found[1]}
    return made


def attach(rules: Iterable[Rule]) -> None:
    """Give each rule its needs from the shipped table, where it was made from the rule's pattern as it is."""
    shipped = json.loads(TABLE.read_text(encoding="utf-8")) if TABLE.exists() else {}
    for rule in rules:
        entry = shipped.get(rule.name)
        if entry is not None and entry["checksum"] == checksum(rule.source):
            rule.needs = tuple(entry["words"]), bool(entry["digit"])


def write(rules: Iterable[Rule]) -> int:
    """Make ``resources/needs.json`` again from the rules' patterns (``python -m tui.temporal.tagging``); how
    many rules have needs."""
    made = table(rules)
    lines = [f"{json.dumps(name)}: {json.dumps(made[name], ensure_ascii=False)}" for name in sorted(made)]
    from tui.model.files import write_atomically

    write_atomically(TABLE, "{\n" + ",\n".join(lines) + "\n}\n")  # a rule a line
    return len(made)
