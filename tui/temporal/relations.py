"""Metric bounds for expressions that place one event relative to another.

A relation says that one event comes ``before`` or ``after`` another, and its cue says by how much. The gap
is measured from the earlier event's end to the later event's start, in minutes:

=====================================================================  ===================  =============
cue (French / English)                                                 gap                  meaning
=====================================================================  ===================  =============
quelques instants après/avant/plus tard · moments after/later          0 – 15 min           moments
en même temps · at the same time                                       0 – 1 h              within the hour
quelques minutes après/avant · a few minutes after/before              1 min – 1 h          minutes
peu (de temps) après/avant · shortly/soon after/before                 0 – 3 h              shortly
une heure plus tôt/tard · an hour earlier/later                        30 min – 1 h 30      an hour
N heures plus tôt/tard/après/avant · N hours earlier/later             N h ± 30 min         N hours
quelques heures après/avant · a few hours after/before, hours after    1 – 12 h             hours
plus tôt · earlier (alone, or "un peu plus tôt")                       0 – 24 h             earlier
plus tard · later (alone, or "un peu plus tard")                       0 – 24 h             within a day
N minutes plus tôt/tard · N minutes earlier/later                      N/2 – 1.5 N + 1 min  N minutes
N semaines / mois / ans plus tôt/tard · N weeks/months/years           N units ± half one   N weeks…
quelques semaines / mois plus tôt/tard · a few weeks/months            1 week – 2 months /  a few weeks…
                                                                       1 month – 1 year
des/quelques/plusieurs années plus tôt/tard · years earlier/later      1 year – unbounded   years
any other measure before plus tôt/tard ("bien plus tard")              0 – unbounded        (order only)
un jour plus tôt/tard, la veille, le lendemain · a day earlier/later,  0 – 48 h (likely     a day
the day before, the next/following/previous day                        12 – 36 h)
N jours plus tôt/tard · N days earlier/later                           (N ± 1) days (likely N days
                                                                       N days ± 12 h)
quelques jours plus tôt/tard · a few days earlier/later                1 – 8 days (likely   days
                                                                       36 h – 7 days)
une semaine plus tôt/tard · a week earlier/later                       6 – 8 days           a week
auparavant · previously, beforehand (no unit)                          0 – unbounded        (order only)
aussitôt, immédiatement, dans la foulée · at once, immediately         0 – unbounded        right (likely
                                                                       (likely 0 – 1 h)     at-once)
anything else ("après", "avant", "avaient repris", "because")          0 – unbounded        (order only)
=====================================================================  ===================  =============

"plus tôt" and "plus tard" with no unit are read in news convention as within the same news cycle, a
day; "un jour plus tôt" as about a day, ±12 h, since the report does not say whether it counts calendar
days or 24 hours. "Quelques instants" are moments: under a quarter of an hour. "En même temps" keeps the
order the relation states and says the two are no more than an hour apart. "Auparavant" alone says
only "before", often by years ("Auparavant, il avait dirigé…"): order only, by design; with a unit
("trois jours auparavant") it is measured like "plus tôt". A ``during`` relation puts the event within
its target and carries no gap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:
    from tui.temporal.tagging.rules import Rule

INF = float("inf")
HOUR = 60
DAY = 24 * HOUR

_SAME_DAY = r"(?:\s+(?:dans\s+la\s+(?:journee|soiree|matinee|nuit)|le\s+meme\s+jour|that\s+day|in\s+the\s+day))?"
_DIRECTION = r"(?:plus\s+tot|plus\s+tard|apres|avant|auparavant|earlier|later|after|before|ago)"


class Gap(Struct, frozen=True):
    """How far apart two events are: from the earlier one's end to the later one's start, in minutes."""

    lo: float
    hi: float
    meaning: str  # English, to be read before "before"/"after": "a few hours", "shortly", "a day"
    likely: tuple[float, float] | None = None  # the narrower reading of the likely layer, under ``default``
    default: str = "day-count"

    @property
    def metric(self) -> bool:
        """Whether the cue says how far apart, not only which comes first."""
        return self.hi != INF


def _number(match: re.Match[str]) -> float:
    from tui.temporal.tagging.lexicon import number

    word = match.group("n")
    return 1 if word in ("a", "an") else number(word) or 0  # "an hour", "a day": one


def _count(n: float, one: str, many: str) -> str:
    return one if n == 1 else f"{n:g} {many}"


def _days(match: re.Match[str]) -> Gap:
    """N days apart, counted as calendar days ("la veille", "deux jours plus tôt"): the earlier event on the
    day N before the later one's, at any time of it, so from (N − 1) to (N + 1) × 24 h between them; the
    likely layer reads N × 24 h give or take half a day (default day-count)."""
    n = _number(match)
    likely = (n * DAY - 12 * HOUR, n * DAY + 12 * HOUR)
    return Gap(max(0, (n - 1) * DAY), (n + 1) * DAY, _count(n, "a day", "days"), likely)


@cache
def cue_rules() -> tuple[Rule, ...]:
    """The cues' rules, in the order they are tried: patterns over folded text, each read into the gap it
    gives. Their numbers are the tagger's (any number it reads, in digits or words:
    resources/<language>/number_words.txt, lexicon.NUMBER). Like the tagger's rules, each pattern is compiled
    when first searched with, and only searched in a cue that holds what every match of it holds (its needs,
    shipped with the tagger's in tagging/resources/needs.json and made again with ``python -m
    tui.temporal.tagging``): the six that read a number are as costly to compile as the tagger's largest, and
    a report's cues name few units."""
    from tui.temporal.tagging import needs
    from tui.temporal.tagging.lexicon import NUMBER
    from tui.temporal.tagging.rules import Rule

    number = rf"(?P<n>{NUMBER}|a|an)"
    rules = tuple(
        Rule(name, pattern, gap if callable(gap) else _given(gap))
        for name, pattern, gap in (
            ("cue-n-hours", rf"(?<![\w-]){number}\s+(?:heures?|hours?)\s+{_DIRECTION}",
             lambda m: Gap(_number(m) * HOUR - 30, _number(m) * HOUR + 30, _count(_number(m), "an hour", "hours"))),
            ("cue-n-days", rf"(?<![\w-]){number}\s+(?:jours?|days?)\s+{_DIRECTION}", _days),
            ("cue-moments",
             r"quelques\s+instants\s+(?:apres|avant|plus\s+tard|plus\s+tot)|(?:moments?|an\s+instant)\s+(?:after|before|later|earlier)",
             Gap(0, 15, "moments")),
            ("cue-same-time",
             r"en\s+meme\s+temps|(?:at\s+the\s+same\s+time|simultaneously)", Gap(0, HOUR, "within the hour")),
            ("cue-minutes",
             rf"quelques\s+minutes\s+{_DIRECTION}|a\s+few\s+minutes\s+{_DIRECTION}|minutes\s+(?:after|before|later|earlier)",
             Gap(1, HOUR, "minutes")),
            ("cue-shortly",
             r"peu\s+(?:de\s+temps\s+)?(?:apres|avant)|(?:shortly|soon)\s+(?:after|before)|(?:shortly|soon)\s+(?:afterwards|thereafter)",
             Gap(0, 3 * HOUR, "shortly")),
            ("cue-hours",
             rf"quelques\s+heures\s+{_DIRECTION}|a\s+few\s+hours\s+{_DIRECTION}|hours\s+(?:after|before|later|earlier)",
             Gap(HOUR, 12 * HOUR, "a few hours")),
            ("cue-days",
             rf"quelques\s+jours\s+{_DIRECTION}|a\s+few\s+days\s+{_DIRECTION}|days\s+(?:after|before|later|earlier)",
             Gap(DAY, 8 * DAY, "a few days", likely=(36 * HOUR, 7 * DAY))),
            ("cue-next-day",
             r"la\s+veille|le\s+lendemain|le\s+jour\s+(?:precedent|suivant)|the\s+(?:day\s+before|next\s+day|following\s+day|previous\s+day|day\s+after)",
             Gap(0, 2 * DAY, "a day", likely=(12 * HOUR, 36 * HOUR))),
            ("cue-a-week", rf"(?:une|a|one)\s+(?:semaine|week)\s+{_DIRECTION}", Gap(6 * DAY, 8 * DAY, "a week")),
            ("cue-n-minutes", rf"(?<![\w-]){number}\s+(?:minutes?)\s+{_DIRECTION}",
             lambda m: Gap(max(0, _number(m) - 1) / 2, _number(m) * 1.5 + 1,
                           _count(_number(m), "a minute", "minutes"))),
            ("cue-n-weeks", rf"(?<![\w-]){number}\s+(?:semaines?|weeks?)\s+{_DIRECTION}",
             lambda m: Gap(_number(m) * 7 * DAY - 3.5 * DAY, _number(m) * 7 * DAY + 3.5 * DAY,
                           _count(_number(m), "a week", "weeks"))),
            ("cue-n-months", rf"(?<![\w-]){number}\s+(?:mois|months?)\s+{_DIRECTION}",
             lambda m: Gap(max(0, _number(m) * 30 * DAY - 16 * DAY), _number(m) * 31 * DAY + 16 * DAY,
                           _count(_number(m), "a month", "months"))),
            ("cue-n-years", rf"(?<![\w-]){number}\s+(?:ans?|annees?|years?)\s+{_DIRECTION}",
             lambda m: Gap(max(0, _number(m) * 365 * DAY - 183 * DAY), _number(m) * 366 * DAY + 183 * DAY,
                           _count(_number(m), "a year", "years"))),
            ("cue-weeks", rf"(?:quelques|plusieurs|some|several|a\s+few)\s+(?:semaines|weeks)\s+{_DIRECTION}",
             Gap(7 * DAY, 62 * DAY, "a few weeks")),
            ("cue-months", rf"(?:quelques|plusieurs|some|several|a\s+few)\s+(?:mois|months)\s+{_DIRECTION}",
             Gap(28 * DAY, 366 * DAY, "a few months")),
            ("cue-years", rf"(?:quelques|plusieurs|des|some|several|a\s+few)\s+(?:ans|annees|years)\s+{_DIRECTION}",
             Gap(365 * DAY, INF, "years")),
            # "plus tôt" and "plus tard" alone (or "un peu"): the same news cycle. With any other measure before
            # them that no row above reads ("bien plus tard", "trois heures et demie plus tard", "des décennies
            # plus tôt"), only the order is sure.
            ("cue-earlier",
             rf"^(?:un\s+peu\s+)?(?:plus\s+tot|earlier){_SAME_DAY}$", Gap(0, DAY, "earlier, within a day,")),
            ("cue-later", rf"^(?:un\s+peu\s+)?(?:plus\s+tard|later){_SAME_DAY}$", Gap(0, DAY, "within a day")),
            ("cue-previously", r"auparavant|previously|beforehand", Gap(0, INF, "")),
            ("cue-at-once", r"aussitot|immediatement|dans\s+la\s+foulee|sitot|at\s+once|immediately",
             Gap(0, INF, "right", likely=(0, HOUR), default="at-once")),
        )
    )  # fmt: skip
    needs.attach(rules)
    return rules


def _given(gap: Gap) -> Callable[[re.Match[str]], Gap]:
    """The reading of a cue whose gap is the same whatever it matched."""
    return lambda match: gap


@lru_cache(maxsize=4096)
def gap_for(cue: str) -> Gap:
    """The gap a relation's cue gives; order only (0 to unbounded) when the cue gives no measure."""
    from tui.temporal.tagging.lexicon import fold  # the one fold: lower case, no accents, plain apostrophes

    text = fold(cue)
    for rule in cue_rules():
        if rule.may_match(text) and (match := rule.pattern.search(text)):
            return rule.read(match)  # type: ignore[call-arg]
    return Gap(0, INF, "")


@cache
def _sequence_words() -> frozenset[str]:
    from tui.temporal.tagging.tables import words

    return frozenset(words("sequence"))


def is_sequence_word(cue: str) -> bool:
    """Whether a cue is a word of sequence ("puis", "ensuite", "enfin": resources/<language>/sequence.txt),
    which puts its clause after the event told before without saying by how much."""
    from tui.temporal.tagging.lexicon import fold

    return " ".join(fold(cue).strip(" ,;:.").split()) in _sequence_words()
