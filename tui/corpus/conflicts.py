"""Figures the reports of one story event give differently: 8 dead in one report, 10 in another.

Within a story event (the events :func:`tui.corpus.identity.stories` found to be one), two claims are about
the same thing when their units fold to the same word and what they count (``about``) folds to the same
words once its figures and hedges are left out ("au moins 10 personnes" and "8 personnes" both count
"perso", as matching reads words). Where ``about`` says no more than the unit (the drafter's "22 ans"), the
word the event's text puts right before the figure, joined to it by "de", tells what it measures: "âgés de
21 ans" and "sûreté de 22 ans" are not about one thing. A claim whose unit is a function word ("21 et 32
ans" read as 21 "et") says nothing comparable and is left out.

A group of such claims from two reports or more with different quantities is a conflict: who (report,
outlet) claimed which figure, with the report's verbatim words. A figure hedged ("at least", "about") still
conflicts with another: the reader is shown both and their hedges, and judges.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from tui.corpus.identity import content_words, fold, ordered_words, stop_words
from tui.corpus.records import ClaimRecord, EventRecord

# Approximate counts the drafter reads as figures ("une trentaine de blessés"): not what is counted.
_APPROXIMATE = frozenset(
    {
        *("dizaine", "douzaine", "vingtaine", "trentaine", "quarantaine", "cinquantaine", "soixantaine"),
        *("centaine", "dizaines", "centaines", "milliers"),
    }
)


@cache
def _not_counted() -> frozenset[str]:
    """What a claim's ``about`` says beside the thing counted: its hedges (the time reader's table of words
    that make a number a quantity: "au moins", "environ"), number words and approximate counts."""
    from tui.temporal.tagging.tables import words

    hedges = {part for entry in words("quantifiers", ("fr",)) for part in entry.split()}
    return frozenset(hedges | set(words("number_words", ("fr",))) | _APPROXIMATE)


@dataclass(frozen=True, slots=True)
class Figure:
    """One report's figure: who gave it, how much, its hedge, and the report's words."""

    report: str
    outlet: str | None
    event: str  # the event's id in its report
    quantity: float
    qualifier: str | None
    text: str


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """Different figures for one thing in one story event, each with who claimed it (by quantity, then report)."""

    story: int
    unit: str
    about: str  # what is counted, as the first figure's report says it
    figures: tuple[Figure, ...]

    @property
    def quantities(self) -> tuple[float, ...]:
        return tuple(sorted({figure.quantity for figure in self.figures}))

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(sorted({figure.report for figure in self.figures}))


def counted(about: str, unit: str, before: str = "") -> tuple[str, frozenset[str]]:
    """What a claim counts, comparably: its folded unit, and the content words of ``about`` without figures
    or hedges, or, when they are only the unit's, those with the word ``before`` (the text before the figure)
    ends with, joined to it by "de" ("âgés de")."""
    words = frozenset(word for word in content_words(about, ignore=_not_counted()) if not word.isdigit())
    unit_words = content_words(unit)
    measured = _MEASURED.search(fold(before))
    if words <= unit_words and measured:
        context = [word for word in ordered_words(measured.group(1), ignore=_not_counted()) if not word.isdigit()]
        words = unit_words | frozenset(context[-1:])
    return " ".join(sorted(unit_words)) or fold(unit).strip(), words


def _before(claim: ClaimRecord, text: str) -> str:
    """The event's text before the claim's words (empty when they are not found in it)."""
    found = text.lower().find(claim.text.lower())
    return text[:found] if found > 0 else ""


# What a figure measures, said just before it: "âgés de 21 ans", "une peine de sûreté de 22 ans".
_MEASURED = re.compile(r"([^\W\d_]+)\s+(?:de|d')\s*$")


def figure_conflicts(events_by_story: Mapping[int, Sequence[EventRecord]]) -> list[FigureConflict]:
    """The conflicts of every story event told by two reports or more, by story number, then unit, then what
    is counted. Each conflict lists every figure of the group, the agreeing ones too (one line per report and
    figure: a report repeating its figure is listed once)."""
    conflicts: list[FigureConflict] = []
    for story in sorted(events_by_story):
        members = events_by_story[story]
        if len({member.report for member in members}) < 2:
            continue
        groups: dict[tuple[str, frozenset[str]], dict[tuple[str, float], Figure]] = {}
        first_about: dict[tuple[str, frozenset[str]], str] = {}
        for member in sorted(members, key=lambda item: (item.report, item.id)):
            for claim in member.claims:
                if not content_words(claim.unit) or fold(claim.unit).strip() in stop_words():
                    continue  # no unit to compare ("21 et 32 ans" read as 21 "et")
                key = counted(claim.about, claim.unit, _before(claim, member.text))
                first_about.setdefault(key, claim.about)
                groups.setdefault(key, {}).setdefault(
                    (member.report, claim.quantity),
                    Figure(member.report, member.outlet, member.id, claim.quantity, claim.qualifier, claim.text),
                )
        for key in sorted(groups, key=lambda item: (item[0], sorted(item[1]))):
            figures = sorted(groups[key].values(), key=lambda figure: (figure.quantity, figure.report))
            if len({figure.quantity for figure in figures}) > 1 and len({figure.report for figure in figures}) > 1:
                conflicts.append(FigureConflict(story, key[0], first_about[key], tuple(figures)))
    return conflicts
