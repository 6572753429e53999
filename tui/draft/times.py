"""Time expressions and the cues that place one event against another, found in running text.

:func:`find_time_expressions` is the one place the drafter finds time words: it can be switched to
issue 10's running-text tagger by replacing its body. Until then, simple rules of French news writing
propose candidates and :func:`tui.temporal.expressions.normalise` checks them: a candidate it resolves
is drafted as sure, one it does not (the engine would leave it open) as a guess.

Relation cues ("Plus tôt", "quelques heures après", "Un jour plus tôt", "parce que") are words that
place an event against another; tense cues (the plus-que-parfait) are found by the drafter, which has the
parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from tui.model import Publication

_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_PARTS = "matin|matinée|midi|après-midi|soir|soirée|nuit"
_COUNT = r"(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs)"
_UNIT = r"(?:minutes?|heures?|jours?|journées?|semaines?|mois|ans|années?)"

# A time expression relative to the publication (or to the moment of speaking).
_TIME = re.compile(
    "|".join(
        (
            rf"(?:depuis\s+|dans\s+la\s+nuit\s+de\s+)?(?:{_WEEKDAYS})(?:\s+(?:dernier|prochain))?"
            rf"(?:\s+(?:{_PARTS}))?(?:\s+\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?)?",
            rf"(?:depuis\s+)?(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?",
            rf"(?:depuis\s+)?(?:(?:début|mi|fin)[- ](?:de\s+|d')?|le\s+mois\s+d[e']\s*)?(?:{_MONTHS})(?:\s+\d{{4}})?",
            rf"(?:hier|avant-hier|aujourd'hui|aujourd’hui|demain)(?:\s+(?:{_PARTS}))?",
            rf"(?:ce|cet|cette)\s+(?:{_PARTS}|semaine|week-end|mois|année)",
            rf"(?:au\s+cours\s+des|ces|durant\s+les|pendant\s+les)\s+(?:derniers|dernières)\s+{_UNIT}",
            r"(?:la\s+semaine|le\s+mois|l'an|l’an|l'année|l’année)\s+(?:dernier|dernière|passé|passée)",
            rf"il\s+y\s+a\s+{_COUNT}\s+{_UNIT}",
            rf"depuis\s+{_COUNT}\s+{_UNIT}",
            r"actuellement|en\s+ce\s+moment|à\s+l'heure\s+actuelle|à\s+l’heure\s+actuelle|récemment",
            r"(?:vers\s+|à\s+)\d{1,2}\s?h(?:\s?\d{2})?",
            r"en\s+\d{4}",
        )
    ),
    re.IGNORECASE,
)

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
            rf"(?:après|avant)\s+{_NP}",
        )
    ),
    re.IGNORECASE,
)

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


def find_time_expressions(text: str, published: Publication | None = None) -> list[FoundTime]:
    """Time expressions and relation cues in ``text``, in document order, never overlapping."""
    from tui.temporal.expressions import normalise

    reference = published or PLACEHOLDER_PUBLICATION
    found: list[FoundTime] = []
    taken: list[tuple[int, int]] = []
    for match in _word_matches(_CUE, text):
        found.append(FoundTime(match.start(), match.end(), "cue", "rule: relation cue", 0.8))
        taken.append(match.span())
    for match in _word_matches(_TIME, text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        words = match.group(0)
        readable = _understood(normalise, words, reference)
        how = "rule: time expression, resolved by the time engine" if readable else "rule: time expression"
        found.append(FoundTime(match.start(), match.end(), "time", how, 0.9 if readable else 0.5))
    # "depuis" before a noun that is no time word: the noun names an earlier event ("depuis la défaite").
    for match in re.finditer(r"\b[Dd]epuis\b(?=\s+(?:la|le|les|l'|l’|sa|son|ses)\b)", text):
        if not any(f.start <= match.start() < f.end for f in found):
            found.append(FoundTime(match.start(), match.end(), "cue", "rule: 'depuis' before an event noun", 0.6))
    found.sort(key=lambda f: f.start)
    return found


def _word_matches(pattern: re.Pattern[str], text: str):
    for match in pattern.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            yield match


def _understood(normalise, words: str, published: Publication) -> bool:  # type: ignore[no-untyped-def]
    try:
        return normalise(words, published) is not None
    except (ValueError, OverflowError, KeyError):
        return False


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
