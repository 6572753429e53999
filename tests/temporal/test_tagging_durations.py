"""Each rule of the time reader's durations (tui/temporal/tagging/durations.py: "environ trois jours",
"au moins une semaine", "une quinzaine de jours", "plusieurs heures", "a week", and the ages that are
none) on its own (issue 19's mutation testing left 46 of its 261 mutants alive)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag
from tui.temporal.tagging.durations import iso_duration

SUNDAY = publication_on(date(2024, 6, 23))


def read(text: str, language: str = "fr") -> list[tuple[str, str, str | None]]:
    return [(timex.text, timex.value, timex.mod) for timex in tag(text, SUNDAY, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the modifier a count's words give, none without
        ("trois jours", "fr", [("trois jours", "P3D", None)]),
        ("environ trois jours", "fr", [("environ trois jours", "P3D", "APPROX")]),
        ("plus de trois jours", "fr", [("plus de trois jours", "P3D", "MORE_THAN")]),
        ("moins de trois jours", "fr", [("moins de trois jours", "P3D", "LESS_THAN")]),
        ("au moins trois jours", "fr", [("au moins trois jours", "P3D", "EQUAL_OR_MORE")]),
        ("at least three days", "en", [("at least three days", "P3D", "EQUAL_OR_MORE")]),
        ("environ une demi-heure", "fr", [("environ une demi-heure", "PT30M", "APPROX")]),
        ("une demi-heure", "fr", [("une demi-heure", "PT30M", None)]),
        # about a round number, always approximate
        ("une quinzaine de jours", "fr", [("une quinzaine de jours", "P15D", "APPROX")]),
        # English "a", "an" are one; in French "à" is no number ("mis à jour")
        ("for a week", "en", [("a week", "P1W", None)]),
        ("for an hour", "en", [("an hour", "PT1H", None)]),
        ("a second", "en", [("a second", "PT1S", None)]),
        ("about a year", "en", [("about a year", "P1Y", "APPROX")]),
        ("mis à jour", "fr", []),
        # a large count written whole, not in exponent notation
        ("1234567 secondes", "fr", [("1234567 secondes", "PT1234567S", None)]),
        # some hours are a length, others a kind ("heures supplémentaires")
        ("plusieurs heures", "fr", [("plusieurs heures", "PTXH", None)]),
        ("plusieurs jours", "fr", [("plusieurs jours", "PXD", None)]),
        ("plusieurs heures supplémentaires", "fr", []),
    ],
)
def test_a_duration_is_read_so(text: str, language: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age, not a duration, "plus de" or "moins de" it
        ("il a 20 ans", []),
        ("il a plus de 20 ans", []),
        ("il a moins de 20 ans", []),
        # an approximate count is a length
        ("depuis environ 20 ans", [("environ 20 ans", "P20Y", "APPROX")]),
        # "À" written without its accent at the start of a sentence: an age
        ("A 20 ans, il devient maire", []),
        ("A une trentaine d'années, il devient maire", []),
        # a sentence's length at the start of a text
        ("Peine de dix ans pour le braqueur", [("dix ans", "P10Y", None)]),
    ],
)
def test_an_age_is_no_duration(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (3, "D", "P3D"),
        (1.5, "Y", "P18M"),  # "un an et demi"
        (30.4, "S", "PT30.4S"),
        (1234567, "S", "PT1234567S"),
        (None, "D", "PXD"),
    ],
)
def test_a_duration_is_written_in_its_units_designator(amount, unit: str, value: str) -> None:
    assert iso_duration(amount, unit) == value
