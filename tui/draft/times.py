"""Time expressions and the cues that place one event against another, found in running text.

:func:`find_time_expressions` is the one place the drafter finds time words. Time expressions come from
the running-text tagger (:mod:`tui.temporal.tagging`, what ``newsline times`` runs): one it places on the
calendar is drafted as sure, one it does not as a guess.

Relation cues ("Plus tôt", "quelques heures après", "Un jour plus tôt", "parce que") are words that
place an event against another ("C'est pourquoi" among them); tense cues (the plus-que-parfait, and the
imparfait or présent of reported speech) are found by the drafter, which has the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from tui.draft.spans import Containing, Disjoint
from tui.model import Publication

_COUNT = r"(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs)"
_UNIT = r"(?:minutes?|heures?|jours?|journées?|semaines?|mois|ans|années?)"

# Words that place an event against another one.
_NP = r"(?:(?:le|la|les|l'|l’|son|sa|ses|leur|leurs|cette|ce|cet)\s*[\w’'-]+(?:\s+(?:de|du|des|d'|d’)\s*[\w’'-]+)?)"
_CUE = re.compile(
    "|".join(
        (
            rf"(?:peu\s+(?:de\s+temps\s+)?|{_COUNT}\s+{_UNIT}\s+|une\s+heure\s+|juste\s+|immédiatement\s+)"
            rf"(?:après|avant)(?:\s+{_NP})?",
            rf"(?:{_COUNT}\s+{_UNIT}\s+|une\s+heure\s+)?plus\s+(?:tôt|tard)",
            r"la\s+veille|le\s+lendemain|auparavant|aussitôt|dans\s+la\s+foulée|entre-temps|depuis\s+lors",
            r"après\s+que|avant\s+que|avant\s+de|à\s+la\s+suite\s+d[eu']|parce\s+qu[e']|puisqu[e']",
            r"après\s+(?:avoir|être|s['’]être)",
            r"(?:à|dès)\s+la\s+\d+(?:e|è|ème|eme)\s+minute",
            r"c['’]est\s+pourquoi|c['’]est\s+pour\s+(?:cela|ça)\s+que|c['’]est\s+la\s+raison\s+pour\s+laquelle",
            rf"(?:après|avant)\s+{_NP}",
        )
    ),
    re.IGNORECASE,
)

_SINCE = re.compile(r"\b[Dd]epuis\s+$")

Kind = Literal["time", "cue"]


@dataclass(frozen=True, slots=True)
class FoundTime:
    start: int
    end: int
    kind: Kind  # "time": relative to the publication; "cue": relative to another event
    how: str
    confidence: float


PLACEHOLDER_PUBLICATION = Publication(
    datetime(2000, 1, 3, tzinfo=UTC),
    datetime(2000, 1, 3, 12, tzinfo=UTC),
    datetime(2000, 1, 3, 23, 59, tzinfo=UTC),
    "placeholder: only checks that an expression can be read",
)


def find_time_expressions(text: str, published: Publication | None = None, language: str = "fr") -> list[FoundTime]:
    """Time expressions and relation cues in ``text``, in document order, never overlapping.

    Cues come from the rules here; time expressions from the running-text tagger
    (:mod:`tui.temporal.tagging`), the one that ``newsline times`` runs. A durations it tags inside a cue
    ("quelques heures" in "quelques heures après") is the cue's, not a time of its own."""
    from tui.temporal.tagging import tag

    reference = published or PLACEHOLDER_PUBLICATION
    found: list[FoundTime] = []
    taken = Disjoint()
    for match in _word_matches(_CUE, text):
        found.append(FoundTime(match.start(), match.end(), "cue", "rule: relation cue", 0.8))
        taken.add(*match.span())
    for timex in tag(text, reference, language):
        if taken.overlaps(timex.start, timex.end):
            continue
        start = timex.start
        before = text[max(0, start - 12) : start]
        since = _SINCE.search(before)
        if since is not None:  # TimeML leaves "depuis" out of the span; the engine reads "depuis X" as a range
            start -= len(before) - since.start()
        placed = timex.earliest is not None or timex.latest is not None or timex.granularity == "open"
        how = f"tagger: {timex.type} {timex.value}" + ("" if placed else ", not placed on the calendar")
        found.append(FoundTime(start, timex.end, "time", how, 0.9 if placed else 0.5))
        taken.add(start, timex.end)
    # "depuis" before a noun that is no time word: the noun names an earlier event ("depuis la défaite").
    found.sort(key=lambda f: f.start)
    holding = Containing(found, lambda f: (f.start, f.end), strict=False)
    for match in re.finditer(r"\b[Dd]epuis\b(?=\s+(?:la|le|les|l'|l’|sa|son|ses)\b)", text):
        if not holding.holds(match.start()):
            found.append(FoundTime(match.start(), match.end(), "cue", "rule: 'depuis' before an event noun", 0.6))
    found.sort(key=lambda f: f.start)
    return found


def _word_matches(pattern: re.Pattern[str], text: str):
    for match in pattern.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            yield match


def published_from(when: str) -> Publication:
    """A publication window from ``--published``: a date (the whole day) or a date-time (± an hour)."""
    text = when.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"--published: expected an ISO 8601 date or date-time like 2022-09-11 or 2022-09-11T18:00+03:00, "
            f"found {when!r}"
        ) from None
    zone = moment.tzinfo or UTC
    if len(text) <= 10:
        day = moment.replace(tzinfo=zone)
        return Publication(day, day + timedelta(hours=12), day + timedelta(hours=23, minutes=59), "given as a day")
    moment = moment.replace(tzinfo=zone)
    return Publication(moment - timedelta(hours=1), moment, moment + timedelta(hours=1), "given on the command line")
