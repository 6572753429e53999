"""Approximate times of day are widened, not read as the exact minute (issue class 4), the same way by the
tagger and by the engine's reader of one expression: "vers/aux alentours de/autour de/environ" is 30
minutes either side, "peu après" the hour after, "peu avant" the hour before (tagging/approximation.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.model import Publication
from tui.temporal.expressions import normalise
from tui.temporal.tagging import publication_on, tag

DAY = "2022-09-11"
PUBLISHED = publication_on(date(2022, 9, 11))

# (expression, value, mod, earliest, latest)
CASES = [
    ("vers 14h", f"{DAY}T14:00", "APPROX", "13:30", "14:30"),
    ("peu après 14h", f"{DAY}T14:00", "AFTER", "14:00", "15:00"),
    ("peu avant 14h", f"{DAY}T14:00", "BEFORE", "13:00", "14:00"),
    ("juste après 14 h 30", f"{DAY}T14:30", "AFTER", "14:30", "15:30"),
    ("vers midi", f"{DAY}T12:00", "APPROX", "11:30", "12:30"),
    ("aux alentours de 20h", f"{DAY}T20:00", "APPROX", "19:30", "20:30"),
    ("vers 14h30", f"{DAY}T14:30", "APPROX", "14:00", "15:00"),
    ("autour de 9 heures", f"{DAY}T09:00", "APPROX", "08:30", "09:30"),
    ("environ 10 heures", f"{DAY}T10:00", "APPROX", "09:30", "10:30"),
    ("peu avant l'aube", f"{DAY}TMO", "BEFORE", "05:00", "06:00"),
    ("vers la mi-journée", f"{DAY}TMI", "APPROX", "11:00", "15:00"),
    ("en fin de matinée", f"{DAY}TMO", "END", "10:30", "12:00"),
    ("en début de soirée", f"{DAY}TEV", "START", "18:00", "19:30"),
]


def at(hour: str) -> datetime:
    return datetime.fromisoformat(f"{DAY}T{hour}")


@pytest.mark.parametrize(("expression", "value", "mod", "earliest", "latest"), CASES)
def test_the_tagger_widens_an_approximate_time(expression, value, mod, earliest, latest):
    (timex,) = tag(f"Il est arrivé {expression}.", PUBLISHED)
    assert timex.text == expression
    assert (timex.value, timex.mod, timex.earliest, timex.latest) == (value, mod, at(earliest), at(latest))


KYIV = timezone(timedelta(hours=3))
AT_NOON = Publication(*(datetime(2022, 9, 11, 12, tzinfo=KYIV),) * 3, "test")  # type: ignore[arg-type]


@pytest.mark.parametrize(("expression", "value", "mod", "earliest", "latest"), CASES)
def test_the_engine_reads_them_with_the_same_rule(expression, value, mod, earliest, latest):
    found = normalise(expression, AT_NOON)
    assert found is not None
    assert (found.earliest, found.latest) == (at(earliest).replace(tzinfo=KYIV), at(latest).replace(tzinfo=KYIV))
    (timex,) = tag(expression, AT_NOON)
    assert (found.earliest, found.latest) == (timex.earliest, timex.latest)  # one reader of these words


def test_dans_la_soiree_is_the_evening():
    (timex,) = tag("Il est arrivé dans la soirée.", PUBLISHED)
    assert (timex.earliest, timex.latest) == (at("18:00"), at("18:00") + timedelta(hours=6))
