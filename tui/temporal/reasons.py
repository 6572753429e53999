"""What the chain of constraints behind a bound says, read once for every point of a solved network.

A bound's explanation names the report's words and the defaults along the chain of constraints that makes it
(:meth:`tui.temporal.timeline._Context.reasons` says how). The chains of a network's points form a tree, the
shortest-path tree of its solution: a point's chain is its parent's plus one constraint. So what a chain says
(:class:`Said`) is worked out from the parent's, once per point, and shared by every point whose last
constraint adds nothing new — which is most of them: the chain of an event late in a report of 100 000
events runs back through many events, but names only a few words. Reading every event's bounds this way
costs a step per point, not a walk of every chain.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any, NamedTuple

from tui.temporal.evidence import Evidence


class Said(NamedTuple):
    """What a chain of constraints says of the bound it makes, from the origin outwards."""

    words: tuple[str, ...]  # the report's words and the defaults along it, as an explanation says each, once
    said: bool  # whether they place the bound at all (else only assumptions do: it has no reasons)
    publication: bool  # the chain passes through the publication's window
    timed: bool  # it holds a time expression, read against the publication
    estimate: bool  # it rests on the publication's estimate
    defaults: frozenset[str]  # the names of the defaults it holds


NOTHING = Said((), False, False, False, False, frozenset())
KEPT_STEPS = 4096  # how many steps from one reading to the next a chain keeps (see Chains.at)
_WORDS = frozenset({"time", "relation", "default"})


def then(before: Said, evidence: Evidence, describe: Callable[[Evidence], str]) -> Said:
    """What a chain says once ``evidence``'s constraint is added at its end: as
    :meth:`~tui.temporal.timeline._Context.reasons` reads the chain, one piece of evidence at a time."""
    kind = evidence.kind
    if kind == "publication":
        return before if before.publication else before._replace(publication=True)
    if kind not in _WORDS:
        return before
    words, said, publication, timed, estimate, defaults = before
    described = describe(evidence)
    text = evidence.text
    if (
        said  # the common case, first: words already said, adding nothing
        and described in words
        and text != "publication-estimate"
        and (timed or kind != "time")
        and (kind != "default" or text in defaults)
    ):
        return before
    if described not in words:
        words = (*words, described)
    timed = timed or kind == "time"
    if text == "publication-estimate":  # the default; or words that happen to read so
        estimate = True
        said = said or kind != "default"
    else:
        said = True
    if kind == "default" and text not in defaults:
        defaults = defaults | {text}
    found = Said(words, said, publication, timed, estimate, defaults)
    return before if found == before else found


class Chains:
    """What the chain behind each point's bound says, on one side of a solution (its shortest-path tree:
    for every point the stored constraint on its last edge, or None, and its parent point), each point's
    worked out when first asked for and kept: a list of one reference a point."""

    def __init__(self, via: list[Any], parent: array[int], describe: Callable[[Evidence], str]) -> None:
        self._via = via
        self._parent = parent
        self._describe = describe
        self._said: list[Said | None] = [None] * len(via)
        # What a chain says once words are added to what it said: a report repeats its words along its chains.
        self._then: dict[tuple[int, str, str], tuple[Said, Said]] = {}

    def at(self, point: int) -> Said:
        """What the chain that ends at ``point`` says."""
        kept, via, parent = self._said, self._via, self._parent
        unread: list[int] = []
        node = point
        found = NOTHING  # the origin's, and that of a point no constraint bounds
        while node > 0:
            known = kept[node]
            if known is not None:
                found = known
                break
            if via[node] is None:
                kept[node] = NOTHING
                break
            unread.append(node)
            node = parent[node]
        describe, known = self._describe, self._then
        for node in reversed(unread):  # from the origin outwards
            evidence = via[node][4]
            kind = evidence.kind
            if kind == "time" or kind == "relation":  # said by their words alone (see Evidence.describe)
                key = id(found), kind, evidence.text
                step = known.get(key)
                if step is None:
                    if len(known) >= KEPT_STEPS:
                        known.clear()
                    step = known[key] = found, then(found, evidence, describe)  # the state kept with its id
                found = step[1]
            else:
                found = then(found, evidence, describe)
            kept[node] = found
        return found
