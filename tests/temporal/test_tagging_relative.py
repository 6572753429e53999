"""Each rule of the time reader's days and periods counted from the publication or the focus
(tui/temporal/tagging/relative.py: "hier", "la veille", "la semaine dernière", "l'année suivante",
"il y a trois jours", "deux jours plus tard", "la nouvelle année", "à ce moment-là") on its own
(issue 19's mutation testing left 140 of its 382 mutants alive)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag
from tui.temporal.tagging.relative import shifted

SUNDAY = publication_on(date(2024, 6, 23))  # ISO week 25, its last day
WEDNESDAY = publication_on(date(2024, 6, 26))  # ISO week 26
SATURDAY = publication_on(date(2024, 6, 22))  # ISO week 25, the weekend under way


def read(text: str, published=SUNDAY, language: str = "fr", untensed="present") -> list[tuple[str, str, str]]:
    return [(timex.text, timex.type, timex.value) for timex in tag(text, published, language, untensed)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a day counted from the publication, whatever was named before
        ("hier", "fr", [("hier", "DATE", "2024-06-22")]),
        ("demain", "fr", [("demain", "DATE", "2024-06-24")]),
        ("avant-hier", "fr", [("avant-hier", "DATE", "2024-06-21")]),
        ("yesterday", "en", [("yesterday", "DATE", "2024-06-22")]),
        (
            "Le 3 mars 2020, il part. Hier, il revient.",
            "fr",
            [("Le 3 mars 2020", "DATE", "2020-03-03"), ("Hier", "DATE", "2024-06-22")],
        ),
        # a day counted from the focus, the last day named; with none, from the publication
        ("la veille", "fr", [("la veille", "DATE", "2024-06-22")]),
        ("le lendemain", "fr", [("le lendemain", "DATE", "2024-06-24")]),
        (
            "Mardi, il est parti. La veille, rien.",
            "fr",
            [("Mardi", "DATE", "2024-06-18"), ("La veille", "DATE", "2024-06-17")],
        ),
        (
            "Mardi, il est parti. Le lendemain, rien.",
            "fr",
            [("Mardi", "DATE", "2024-06-18"), ("Le lendemain", "DATE", "2024-06-19")],
        ),
        (
            "On Tuesday he left. The day before, nothing.",
            "en",
            [("Tuesday", "DATE", "2024-06-18"), ("The day before", "DATE", "2024-06-17")],
        ),
        # "à ce moment-là": the last clock time, else the day in focus
        (
            "Il est venu à 21 h 45. À ce moment-là, il pleuvait.",
            "fr",
            [("21 h 45", "TIME", "2024-06-23T21:45"), ("À ce moment-là", "TIME", "2024-06-23T21:45")],
        ),
        ("à ce moment-là", "fr", [("à ce moment-là", "DATE", "2024-06-23")]),
        (
            "Mardi, il est parti. À ce moment-là, il pleuvait.",
            "fr",
            [("Mardi", "DATE", "2024-06-18"), ("À ce moment-là", "DATE", "2024-06-18")],
        ),
    ],
)
def test_a_day_is_counted_so(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text, language=language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "dernier", "last": the period before the publication's
        ("la semaine dernière", "fr", [("la semaine dernière", "DATE", "2024-W24")]),
        ("last week", "en", [("last week", "DATE", "2024-W24")]),
        ("l'an dernier", "fr", [("l'an dernier", "DATE", "2023")]),
        ("la décennie dernière", "fr", [("la décennie dernière", "DATE", "201")]),
        # "prochain", "next": the one after
        ("la semaine prochaine", "fr", [("la semaine prochaine", "DATE", "2024-W26")]),
        ("next week", "en", [("next week", "DATE", "2024-W26")]),
        ("next month", "en", [("next month", "DATE", "2024-07")]),
        ("le trimestre prochain", "fr", [("le trimestre prochain", "DATE", "2024-Q3")]),
        ("le siècle prochain", "fr", [("le siècle prochain", "DATE", "21")]),
        # a demonstrative, "en cours": the one under way
        ("cette semaine", "fr", [("cette semaine", "DATE", "2024-W25")]),
        ("ce mois-ci", "fr", [("ce mois-ci", "DATE", "2024-06")]),
        ("cet an", "fr", [("cet an", "DATE", "2024")]),
        ("this week", "en", [("this week", "DATE", "2024-W25")]),
        ("la semaine en cours", "fr", [("la semaine en cours", "DATE", "2024-W25")]),
        ("l'année en cours", "fr", [("l'année en cours", "DATE", "2024")]),
        # a part of a period with no qualifier: of the one under way, with its modifier
        ("la fin de l'année", "fr", [("la fin de l'année", "DATE", "2024")]),
        ("la fin de l'année dernière", "fr", [("la fin de l'année dernière", "DATE", "2023")]),
        ("la mi-année", "fr", [("la mi-année", "DATE", "2024")]),
        # no qualifier at all: not placed
        ("la semaine", "fr", []),
        ("the year", "en", []),
    ],
)
def test_a_period_is_counted_from_the_publication_so(
    text: str, language: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(text, language=language) == expected


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("au début de l'année", "START"),
        ("the beginning of the week", "START"),
        ("la mi-année", "MID"),
        ("au milieu de l'année", "MID"),
        ("the middle of the month", "MID"),
        ("la fin de l'année", "END"),
        ("the end of the year", "END"),
        ("la semaine dernière", None),
    ],
)
def test_a_part_of_a_period_is_its_modifier(text: str, mod: str | None) -> None:
    (timex,) = tag(text, SUNDAY, "en" if text.startswith("the") else "fr")
    assert timex.mod == mod


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La semaine suivante, il revient.", ("La semaine suivante", "DATE", "2020-W11")),
        ("Le mois suivant, il revient.", ("Le mois suivant", "DATE", "2020-04")),
        ("La semaine précédente, il était venu.", ("La semaine précédente", "DATE", "2020-W09")),
        ("Le mois précédent, il était venu.", ("Le mois précédent", "DATE", "2020-02")),
        ("L'année précédente, il était venu.", ("L'année précédente", "DATE", "2019")),
    ],
)
def test_a_following_or_preceding_period_is_counted_from_the_focus(text: str, expected: tuple[str, str, str]) -> None:
    """ "suivant", "précédent" count from the day last named (Tuesday 3 March 2020), not the publication."""
    assert read("Le 3 mars 2020, il part. " + text) == [("Le 3 mars 2020", "DATE", "2020-03-03"), expected]


def test_a_period_past_the_calendar_is_not_placed() -> None:
    """The year after 9999 has no ISO-TimeML value: "l'année suivante", "l'an prochain" are then no date."""
    last_day = publication_on(date(9999, 12, 31))
    assert read("l'année suivante", last_day) == []
    assert read("l'an prochain", last_day) == []
    assert read("cette année", last_day) == [("cette année", "DATE", "9999")]


@pytest.mark.parametrize(
    ("published", "untensed", "value"),
    [
        (WEDNESDAY, "past", "2024-W25-WE"),  # told in the past on a weekday: the weekend just gone
        (WEDNESDAY, "present", "2024-W26-WE"),  # else the coming one
        (publication_on(date(2024, 6, 21)), "past", "2024-W24-WE"),  # a Friday: still the one gone
        (SATURDAY, "past", "2024-W25-WE"),  # on Saturday the weekend under way, whatever the tense
        (SUNDAY, "past", "2024-W25-WE"),
    ],
    ids=["wednesday-past", "wednesday-present", "friday-past", "saturday-past", "sunday-past"],
)
def test_ce_week_end_is_the_one_just_gone_when_told_in_the_past_on_a_weekday(published, untensed, value) -> None:
    assert read("ce week-end", published, untensed=untensed) == [("ce week-end", "DATE", value)]


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2024, 1, 2), "2024"),  # the year just begun
        (date(2024, 6, 30), "2024"),  # still in its first half
        (date(2024, 7, 1), "2025"),  # from July, the next one
        (date(2024, 12, 20), "2025"),
    ],
)
def test_la_nouvelle_annee_is_the_year_just_begun_in_its_first_half_then_the_next(day: date, year: str) -> None:
    assert read("la nouvelle année", publication_on(day)) == [("la nouvelle année", "DATE", year)]
    assert read("the new year", publication_on(day), "en") == [("the new year", "DATE", year)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # back from the publication
        ("il y a trois jours", "fr", [("il y a trois jours", "DATE", "2024-06-20")]),
        ("il y a un an", "fr", [("il y a un an", "DATE", "2023")]),
        ("voilà deux mois", "fr", [("voilà deux mois", "DATE", "2024-04")]),
        ("three days ago", "en", [("three days ago", "DATE", "2024-06-20")]),
        # on from the publication
        ("dans deux semaines", "fr", [("dans deux semaines", "DATE", "2024-W27")]),
        ("dans une semaine", "fr", [("dans une semaine", "DATE", "2024-W26")]),
        # from the focus, with "un", "une", "a" one
        ("un an plus tard", "fr", [("un an plus tard", "DATE", "2025")]),
        ("une semaine plus tard", "fr", [("une semaine plus tard", "DATE", "2024-W26")]),
        ("a week later", "en", [("a week later", "DATE", "2024-W26")]),
        ("two days earlier", "en", [("two days earlier", "DATE", "2024-06-21")]),
        # 10 000 at most, whole numbers only: beyond, and "2,5 jours", a duration
        ("il y a 10000 jours", "fr", [("il y a 10000 jours", "DATE", "1997-02-05")]),
        ("il y a 10001 jours", "fr", [("10001 jours", "DURATION", "P10001D")]),
        ("il y a 2,5 jours", "fr", [("2,5 jours", "DURATION", "P2.5D")]),
        # hours and minutes ago are not days: a duration
        ("il y a trois heures", "fr", [("trois heures", "DURATION", "PT3H")]),
    ],
)
def test_a_count_of_units_is_read_so(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text, language=language) == expected


def test_il_y_a_and_dans_count_from_the_publication_plus_tard_from_the_focus() -> None:
    """Each names a day, which the next counts from if it counts from the focus."""
    text = "Le 3 mars 2020, il part. Deux jours plus tard, rien. Il y a trois jours, rien. Dans deux jours, tout."
    assert read(text) == [
        ("Le 3 mars 2020", "DATE", "2020-03-03"),
        ("Deux jours plus tard", "DATE", "2020-03-05"),
        ("Il y a trois jours", "DATE", "2024-06-20"),
        ("Dans deux jours", "DATE", "2024-06-25"),
    ]


def test_a_day_counted_becomes_the_focus() -> None:
    """ "Deux jours plus tard" names a day: "le lendemain" after it is the day after that one."""
    text = "Le 3 mars 2020, il part. Deux jours plus tard, il revient. Le lendemain, il repart."
    assert read(text)[1:] == [("Deux jours plus tard", "DATE", "2020-03-05"), ("Le lendemain", "DATE", "2020-03-06")]


def test_a_week_counted_does_not_move_the_focus() -> None:
    text = "Le 3 mars 2020, il part. Une semaine plus tard, il revient. Le lendemain, il repart."
    assert read(text)[1:] == [("Une semaine plus tard", "DATE", "2020-W11"), ("Le lendemain", "DATE", "2020-03-04")]


@pytest.mark.parametrize(
    ("unit", "base", "n", "value"),
    [
        ("D", date(2024, 12, 31), 1, "2025-01-01"),
        ("W", date(2024, 12, 30), 0, "2025-W01"),  # the ISO year of the week
        ("WE", date(2024, 6, 23), -1, "2024-W24-WE"),
        ("M", date(2024, 1, 15), -1, "2023-12"),
        ("M", date(2024, 12, 15), 1, "2025-01"),
        ("Q", date(2024, 1, 1), 0, "2024-Q1"),
        ("Q", date(2024, 3, 31), 0, "2024-Q1"),
        ("Q", date(2024, 4, 1), 0, "2024-Q2"),
        ("Q", date(2024, 12, 31), 0, "2024-Q4"),
        ("Q", date(2024, 11, 15), 1, "2025-Q1"),
        ("Q", date(2024, 2, 15), -1, "2023-Q4"),
        ("Q", date(2024, 8, 15), 2, "2025-Q1"),
        ("Y", date(2024, 6, 1), -1, "2023"),
        ("Y", date(2, 6, 1), -1, "0001"),
        ("Y", date(1, 6, 1), -1, None),  # before year 1: no value
        ("Y", date(9998, 6, 1), 1, "9999"),
        ("Y", date(9999, 6, 1), 1, None),  # after 9999: no value
        ("Y", date(9999, 6, 1), -1, "9998"),
        ("DE", date(2024, 6, 1), 0, "202"),
        ("DE", date(2024, 6, 1), -1, "201"),
        ("DE", date(2024, 6, 1), 2, "204"),
        ("CE", date(2024, 6, 1), 0, "20"),
        ("CE", date(2024, 6, 1), -1, "19"),
        ("CE", date(2024, 6, 1), 1, "21"),
        ("D", date(9999, 12, 31), 1, None),  # past the calendar
        ("H", date(2024, 6, 1), 1, None),  # hours are not periods of the calendar
    ],
)
def test_a_period_shifted_from_a_day_is_written_so(unit: str, base: date, n: int, value: str | None) -> None:
    assert shifted(unit, base, n) == value
