"""Each rule of the season reader (tui/temporal/tagging/seasons.py) on its own: which words place a season, in
which year, and which are no time at all (issue 19: mutation testing left 52 of its 141 mutants alive)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag

MID_JULY = publication_on(date(2024, 7, 15))  # summer begun 24 days before: young; winter begun 207 days before


def read(text: str, published=MID_JULY, untensed="present") -> list[tuple[str, str]]:
    return [(timex.text, timex.value) for timex in tag(text, published, "fr", untensed)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "dernier": the season before the one still young, else the one just ended
        ("l'été dernier", [("l'été dernier", "2023-SU")]),
        ("l'hiver dernier", [("l'hiver dernier", "2023-WI")]),
        ("last summer", [("last summer", "2023-SU")]),
        ("last winter", [("last winter", "2023-WI")]),
        # "prochain", "next": the one after the current
        ("l'été prochain", [("l'été prochain", "2025-SU")]),
        ("next summer", [("next summer", "2025-SU")]),
        # a demonstrative: the season under way, else the coming one (told in the present)
        ("cet été", [("cet été", "2024-SU")]),
        ("this summer", [("this summer", "2024-SU")]),
        ("cet hiver", [("cet hiver", "2024-WI")]),
        # a year names it
        ("l'été 1998", [("l'été 1998", "1998-SU")]),
        ("Été 2023 : la sécheresse", [("Été 2023", "2023-SU")]),
        # no specifier: generic, not placed
        ("en été", [("été", "XXXX-SU")]),
        ("En hiver, la ville se vide", [("hiver", "XXXX-WI")]),
        ("Été comme hiver", [("Été", "XXXX-SU"), ("hiver", "XXXX-WI")]),
        ("les mois d'hiver", [("hiver", "XXXX-WI")]),
        ("les soirs d'hiver", [("hiver", "XXXX-WI")]),
        ("au milieu d'hiver", [("hiver", "XXXX-WI")]),
        ("les nuits d'hiver", [("hiver", "XXXX-WI")]),
        ("the fall", [("the fall", "XXXX-FA")]),
        ("this fall", [("this fall", "2024-FA")]),
        # no time: the verb "été", a kind of thing ("d'hiver"), the verb "fall"
        ("il a été blessé", []),
        ("les sports d'hiver", []),
        ("d'hiver", []),
        ("prices fall", []),
    ],
)
def test_a_season_is_read_so(text: str, expected: list[tuple[str, str]]) -> None:
    assert read(text) == expected


def test_a_demonstrative_told_in_the_past_is_the_season_just_gone() -> None:
    """ "cet hiver" told in the past tense, in July: the winter that began last December, not the next one."""
    assert read("cet hiver", untensed="past") == [("cet hiver", "2023-WI")]


def test_early_in_a_year_the_current_season_is_last_years() -> None:
    """In February, the summer that last began is the one of the year before: "l'été dernier" is 2023's."""
    assert read("l'été dernier", publication_on(date(2024, 2, 10))) == [("l'été dernier", "2023-SU")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("last fall", date(2024, 7, 15), "2023-FA"),
        ("next fall", date(2024, 7, 15), "2024-FA"),
        ("ce printemps", date(2024, 7, 15), "2025-SP"),  # the spring of March is no longer young: the next one
        # on the day a season begins it is the current one
        ("l'été prochain", date(2024, 6, 21), "2025-SU"),
        ("l'été dernier", date(2024, 6, 21), "2023-SU"),  # and young from its first day
        # young for its first 60 days: "l'été dernier" is still the one before on the 60th, this one on the 61st
        ("l'été dernier", date(2024, 8, 20), "2023-SU"),
        ("l'été dernier", date(2024, 8, 21), "2024-SU"),
    ],
)
def test_which_year_a_season_is(text: str, published: date, expected: str) -> None:
    assert read(text, publication_on(published)) == [(text, expected)]
