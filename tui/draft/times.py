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
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from tui.draft.spans import Containing, Disjoint
from tui.model import Publication, publication_from
from tui.temporal.constraints import GUESS

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
# A time of day alone, perhaps approximate: "11 heures", "peu avant 11 heures", "vers 9h30", "à 18 h 38 (GMT)".
_BARE_CLOCK = re.compile(
    r"(?:(?:peu|juste|vers|aux|alentours|autour|environ|de|d[e']|à|a|avant|après|apres|dès|des|jusqu['’]à|"
    r"jusque)\s+)*\d{1,2}\s*(?:h|H|heures?)\s*(?:\d{1,2})?(?:\s*(?:min|minutes))?"
    r"(?:\s*\(?\s*(?:GMT|UTC|TU|heure locale|heure de Paris)\s*\)?)?\W*",
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


def find_time_expressions(text: str, published: Publication | None = None, language: str = "fr") -> list[FoundTime]:
    """Time expressions and relation cues in ``text``, in document order, never overlapping.

    Cues come from the rules here; time expressions from the running-text tagger
    (:mod:`tui.temporal.tagging`), the one that ``newsline times`` runs. A durations it tags inside a cue
    ("quelques heures" in "quelques heures après") is the cue's, not a time of its own."""
    from tui.temporal.tagging import tag
    from tui.temporal.tagging.clock import place_after
    from tui.temporal.tagging.lexicon import fold

    reference = published or PLACEHOLDER_PUBLICATION
    found: list[FoundTime] = []
    taken = Disjoint()
    # An event's time is read alone from the events file, so a day and its clock time are taken as one
    # expression ("Samedi à 22 h"), as the engine reads them, not as TimeML's two.
    timexes = tag(text, reference, language, joined=True)
    # "peu avant 11 heures" is an approximate clock time (the tagger reads it whole), not "peu avant" the
    # event told before: a cue inside a time of day or a date the tagger found ("jeudi, peu après 8h") is
    # left to the time.
    dated = sorted((t.start, t.end) for t in timexes if t.type in ("TIME", "DATE"))  # the tagger's never overlap
    starts = [start for start, _ in dated]
    for match in _word_matches(_CUE, text):
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and dated[at][1] > match.end():
            continue
        found.append(FoundTime(match.start(), match.end(), "cue", "rule: relation cue", 0.8))
        taken.add(*match.span())
    folded: str | None = None
    for timex in timexes:
        if taken.overlaps(timex.start, timex.end):
            continue
        start = timex.start
        before = text[max(0, start - 12) : start]
        since = _SINCE.search(before)
        if since is not None:  # TimeML leaves "depuis" out of the span; the engine reads "depuis X" as a range
            start -= len(before) - since.start()
        elif timex.type == "SET" or (timex.type == "DURATION" and "X" not in timex.value):
            # how often, or how long ("condamné à deux ans", "après neuf heures de débat"): not when; a vague
            # span is kept, as news uses it for "lately" ("ces derniers jours", TimeML's PXD)
            continue
        placed = timex.earliest is not None or timex.latest is not None or timex.granularity == "open"
        how = f"tagger: {timex.type} {timex.value}" + ("" if placed else ", not placed on the calendar")
        end = timex.end
        if timex.type == "TIME":
            # "à 14 h à Tokyo": the place says whose clock, so the events file keeps it with the time
            folded = folded if folded is not None else fold(text)
            place = place_after(folded, end)
            if place is not None and not taken.overlaps(end, place[0]):
                end = place[0]
        words = text[start:end]
        if timex.type == "TIME" and _BARE_CLOCK.fullmatch(text[start : timex.end]):
            # "peu avant 11 heures": a time of day, on a day the words do not give (the day the story is at,
            # which need not be the publication's): the day is the drafter's guess
            how = f"{GUESS} a time of day whose words give no day: the day is the drafter's guess; {how}"
        elif placed and not _reads_alone_as_in_context(words, timex, reference, language):
            # "18 h 38" on the Friday an earlier "vendredi soir" set: an events file keeps the words alone, which
            # read on the publication day, so the reading is the drafter's, from context: a guess to review
            how = f"{GUESS} read in context ({timex.value}); the words alone read otherwise; {how}"
        found.append(FoundTime(start, end, "time", how, 0.9 if placed else 0.5))
        taken.add(start, end)
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


def published_from(when: str, language: str = "fr") -> Publication:
    """A publication window from ``--published``, read as every command reads it (:func:`tui.model.publication_from`):
    ValueError with the one-line message for the user."""
    try:
        return publication_from(when, language)
    except ValueError:
        raise ValueError(
            f"--published: expected an ISO 8601 date or date-time like 2022-09-11 or 2022-09-11T18:00+03:00, "
            f"found {when!r}"
        ) from None


def _reads_alone_as_in_context(words: str, timex, published: Publication, language: str) -> bool:
    """Whether the time engine, reading ``words`` alone (as it reads an events file), places them where the
    tagger placed them in their context; a reading it cannot make counts as the same (it adds nothing)."""
    from tui.temporal.expressions import normalise

    alone = normalise(words, published, language)
    if alone is None or alone.earliest is None or timex.earliest is None:
        return True
    if timex.earliest.tzinfo is None or alone.earliest.tzinfo is None:
        return True
    return alone.earliest == timex.earliest
