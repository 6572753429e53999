"""What a rule's pattern needs of a text before it can match there: for each of up to three parts of it,
words one of which every match holds (or a digit), so that a text without one of each is not searched with
the rule — nor the rule's pattern compiled, which is most of what reading a report's few time expressions
costs as the app starts (about 20 of the 45 ms on the bundled report; with one part's words only, "plus
tôt" compiled the rules of "N ans plus tôt" and "N jours plus tôt"; with three, 12 of the 19 are left).

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
CONJUNCTS = 3  # choices kept of a pattern: one for each of its most selective parts, a match holding one of each
_JOINED = 64  # words a choice joined from several parts may hold: past it, its first parts are choice enough


def checksum(source: str) -> int:
    return zlib.crc32(source.encode("utf-8"))


def derive(source: str) -> Needs | None:
    """What every match of the pattern ``source`` holds: one of some literal words, or a digit — the most
    selective such choice the pattern's parse shows (its longest shortest word) — or None when no part of
    it must match (every part optional, or a class of characters beyond digits and literals)."""
    found = derive_all(source)
    return found[0] if found else None


def derive_all(source: str) -> tuple[Needs, ...]:
    """Each such choice of the pattern's parts that every match passes through in turn (a number, then a
    unit, then a direction: "deux jours plus tôt"), the most selective first, at most ``CONJUNCTS``: a
    match holds one of each. A text without one of them is not searched — and "plus tôt" does not compile
    the rule of "N ans plus tôt", whose direction it holds but not its number or its unit."""
    from re import _constants as c
    from re import _parser

    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return ()

    def sequence(items: Sequence[tuple[Any, Any]], top: bool = False) -> set[str] | None:
        """The most selective choice of words every match of ``items`` holds (with ``top``, every choice is
        kept in ``ranked``, most selective first)."""
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
        ordered = sorted(choices, key=_selectivity, reverse=True)  # stable: of choices as selective, the first
        if top:  # the most selective, then others worth a look: none holding a word of one letter
            ranked.extend(
                choice
                for number, choice in enumerate(ordered)
                if number == 0 or (choice not in ordered[:number] and all(len(w) >= 2 for w in _said(choice)[0]))
            )
        return ordered[0]

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

    ranked: list[set[str]] = []
    sequence(parsed, top=True)
    return tuple(_said(found) for found in ranked[:CONJUNCTS])


def _said(found: set[str]) -> Needs:
    """A choice as the table says it: its words, and whether a digit will do — which makes a word holding a
    digit ("1er", "30") one to look for no more."""
    digit = DIGIT in found
    return tuple(sorted(w for w in found if w != DIGIT and not (digit and any(ch.isdigit() for ch in w)))), digit


def _selectivity(found: set[str]) -> tuple[int, int]:
    """How selective a choice of words is: by its shortest word (a digit counts as none), then the fewer."""
    return min(len(w) if w != DIGIT else 0 for w in found), -len(found)


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
        found = derive_all(rule.source)
        if found:
            (words, digit), *others = found
            made[rule.name] = {"checksum": checksum(rule.source), "words": list(words), "digit": digit}
            if others:  # the other parts a match passes through
                made[rule.name]["and"] = [{"words": list(words), "digit": digit} for words, digit in others]
    return made


def attach(rules: Iterable[Rule]) -> None:
    """Give each rule its needs from the shipped table, where it was made from the rule's pattern as it is."""
    shipped = json.loads(TABLE.read_text(encoding="utf-8")) if TABLE.exists() else {}
    for rule in rules:
        entry = shipped.get(rule.name)
        if entry is not None and entry["checksum"] == checksum(rule.source):
            rule.needs = tuple((tuple(each["words"]), bool(each["digit"])) for each in (entry, *entry.get("and", ())))


def write(rules: Iterable[Rule]) -> int:
    """Make ``resources/needs.json`` again from the rules' patterns (``python -m tui.temporal.tagging``); how
    many rules have needs."""
    made = table(rules)
    lines = [f"{json.dumps(name)}: {json.dumps(made[name], ensure_ascii=False)}" for name in sorted(made)]
    from tui.model.files import write_atomically

    write_atomically(TABLE, "{\n" + ",\n".join(lines) + "\n}\n")  # a rule a line
    return len(made)
