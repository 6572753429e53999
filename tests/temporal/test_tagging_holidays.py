"""Each rule of the time reader's holidays (tui/temporal/tagging/holidays.py: "Noël", "Pâques", "le lundi de
Pâques", "Mardi gras", "Noël dernier", "Pâques 2025", "le dernier jeudi de novembre", "le premier dimanche du
printemps"; "Thanksgiving") on its own (issue 19's mutation testing of tagging/holidays.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag
from tui.temporal.tagging.holidays import easter, nth_weekday

SUNDAY = publication_on(date(2024, 6, 23))


def read(text: str, language: str = "fr", untensed="present") -> list[tuple[str, str]]:
    return [(timex.text, timex.value) for timex in tag(text, SUNDAY, language, untensed)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the nearest to the publication (23 June 2024)
        ("Noël", "fr", [("Noël", "2023-12-25")]),
        ("la Toussaint", "fr", [("la Toussaint", "2024-11-01")]),
        ("la Saint-Sylvestre", "fr", [("la Saint-Sylvestre", "2023-12-31")]),
        ("la Saint-Valentin", "fr", [("la Saint-Valentin", "2024-02-14")]),
        ("Halloween", "en", [("Halloween", "2024-10-31")]),
        # movable, from Easter Sunday (31 March 2024)
        ("Pâques", "fr", [("Pâques", "2024-03-31")]),
        ("le lundi de Pâques", "fr", [("le lundi de Pâques", "2024-04-01")]),
        ("le vendredi saint", "fr", [("le vendredi saint", "2024-03-29")]),
        ("la Pentecôte", "fr", [("la Pentecôte", "2024-05-19")]),
        ("l'Ascension", "fr", [("l'Ascension", "2024-05-09")]),
        ("Mardi gras", "fr", [("Mardi gras", "2024-02-13")]),
        ("mardi gras", "fr", [("mardi gras", "2024-02-13")]),  # a weekday's name may be in lower case
        ("Good Friday", "en", [("Good Friday", "2024-03-29")]),
        ("Thanksgiving", "en", [("Thanksgiving", "2024-11-28")]),  # the fourth Thursday of November
        # "dernier", "prochain", a year
        ("Noël dernier", "fr", [("Noël dernier", "2023-12-25")]),
        ("Noël prochain", "fr", [("Noël prochain", "2024-12-25")]),
        ("Noël 2019", "fr", [("Noël 2019", "2019-12-25")]),
        ("Pâques 2025", "fr", [("Pâques 2025", "2025-04-20")]),
        ("Thanksgiving 2020", "en", [("Thanksgiving 2020", "2020-11-26")]),
        # not a feast: Father Christmas, a first name, a climb, a compound name
        ("le père Noël", "fr", []),
        ("Noël Mamère", "fr", []),
        ("l'ascension du mont Blanc", "fr", []),
        ("Noël-Marie", "fr", []),
    ],
)
def test_a_feast_is_read_so(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert read(text, language) == expected


def test_a_feast_told_in_the_future_is_the_next_one() -> None:
    assert read("Il reviendra pour la Toussaint") == [("la Toussaint", "2024-11-01")]
    assert read("Il reviendra à Noël") == [("Noël", "2024-12-25")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("le dernier jeudi de novembre", "fr", [("le dernier jeudi de novembre", "2024-11-28")]),
        ("le deuxième lundi de septembre", "fr", [("le deuxième lundi de septembre", "2024-09-09")]),
        ("le premier lundi du mois de mai", "fr", [("le premier lundi du mois de mai", "2024-05-06")]),
        ("le premier dimanche du printemps", "fr", [("le premier dimanche du printemps", "2024-03-24")]),
        ("the last Monday of May", "en", [("the last Monday of May", "2024-05-27")]),
    ],
)
def test_the_nth_weekday_of_a_month_or_season_is_read_so(text: str, language: str, expected) -> None:
    assert read(text, language) == expected


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2019, date(2019, 4, 21)),
        (2000, date(2000, 4, 23)),
        (1818, date(1818, 3, 22)),
        (2038, date(2038, 4, 25)),
        (1954, date(1954, 4, 18)),
        (1981, date(1981, 4, 19)),
    ],
)
def test_easter_sunday_is_the_gregorian_computus(year: int, sunday: date) -> None:
    assert easter(year) == sunday


@pytest.mark.parametrize(
    ("args", "day"),
    [
        ((2024, 11, 3, 4), date(2024, 11, 28)),  # the 4th Thursday of November
        ((2024, 5, 0, -1), date(2024, 5, 27)),  # the last Monday of May
        ((2024, 12, 1, -1), date(2024, 12, 31)),  # the last Tuesday of December, its last day
        ((2024, 3, 6, 1, 20), date(2024, 3, 24)),  # the first Sunday from 20 March
        ((2024, 9, 0, 1), date(2024, 9, 2)),
        ((2024, 4, 0, 1), date(2024, 4, 1)),  # a month starting on that weekday
        ((2024, 2, 0, 1, 30), None),  # 30 February: no such day
    ],
)
def test_the_nth_weekday_of_a_month_is_so(args, day) -> None:
    assert nth_weekday(*args) == day


def test_feasts_from_easter_and_fixed_ones_are_made_so() -> None:
    """Asked directly: the feast table is built as the tagger is imported, before a mutant runs."""
    from tui.temporal.tagging.holidays import _fixed, _from_easter

    assert _from_easter(1)(2024) == date(2024, 4, 1)
    assert _from_easter(-47)(2024) == date(2024, 2, 13)
    assert _fixed(12, 25)(2024) == date(2024, 12, 25)
    assert _fixed(2, 30)(2024) is None


def test_easter_is_the_gregorian_computus_for_every_year() -> None:
    """Against dateutil's own computus, from the first Gregorian Easter to 4099."""
    from dateutil.easter import easter as reference

    assert [year for year in range(1583, 4100) if easter(year) != reference(year)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le mercredi des cendres", [("le mercredi des cendres", "2024-02-14")]),  # a weekday's name, lower case
        ("le jeudi de l'ascension", [("le jeudi de l'ascension", "2024-05-09")]),
        ("Père Noël est passé", []),  # Father Christmas at the text's start
        ("le premier lundi d'avril", [("le premier lundi d'avril", "2024-04-01")]),  # 1 April 2024 a Monday
        ("Il reviendra le premier lundi de mars", [("le premier lundi de mars", "2025-03-03")]),
    ],
)
def test_a_feast_or_an_nth_weekday_is_read_so(text: str, expected: list[tuple[str, str]]) -> None:
    assert read(text) == expected


def test_the_last_weekday_of_a_season_is_no_date() -> None:
    """A season has a first Sunday, counted from its first day, but the rule knows no last one."""
    assert all(timex.rule != "nth-weekday" for timex in tag("le dernier dimanche du printemps", SUNDAY, "fr"))


@pytest.mark.parametrize(
    ("day", "text", "value"),
    [
        (date(2024, 12, 20), "Noël dernier", "2023-12-25"),  # was the coming one, five days off
        (date(2024, 12, 25), "Noël dernier", "2023-12-25"),
        (date(2024, 12, 26), "Noël dernier", "2024-12-25"),
        (date(2024, 12, 26), "Noël prochain", "2025-12-25"),  # was the one just gone
        (date(2024, 6, 23), "Noël prochain", "2024-12-25"),
        (date(2024, 6, 23), "Pâques prochain", "2025-04-20"),
    ],
)
def test_dernier_or_prochain_before_a_feast_is_the_last_or_the_next_however_near_the_other(
    day: date, text: str, value: str
) -> None:
    assert [(t.text, t.value) for t in tag(text, publication_on(day), "fr")] == [(text, value)]


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        (date(2024, 12, 25), "Noël prochain", [("Noël prochain", "2025-12-25")]),  # said on the day: the next
        (date(2, 6, 1), "Noël dernier", [("Noël dernier", "0001-12-25")]),  # the calendar's first year
        (date(9999, 6, 1), "Noël prochain", [("Noël prochain", "9999-12-25")]),  # its last
        (date(9999, 6, 1), "Pâques prochain", []),  # none after 9999's
        (date(9999, 12, 31), "Noël prochain", []),
    ],
)
def test_a_qualified_feast_at_the_calendars_ends(day: date, text: str, expected) -> None:
    assert [(t.text, t.value) for t in tag(text, publication_on(day), "fr")] == expected


def test_a_feast_in_lower_case_at_a_sentences_start_is_none() -> None:
    assert read("L'ascension du mont Blanc a échoué.") == []
