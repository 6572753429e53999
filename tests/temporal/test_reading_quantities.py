"""Quantities are not dates (issue class 3): a sentence length may be a DURATION, an age is no time
expression, and a number counting people, money or distance is never a year."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag

PUBLISHED = publication_on(date(2022, 9, 11))


def kinds(sentence: str) -> list[tuple[str, str]]:
    return [(t.text, t.type) for t in tag(sentence, PUBLISHED)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il a été condamné à 12 ans de prison.",
        "Il a été condamné à 12 ans.",
        "Il encourt une peine de 20 ans.",
    ],
)
def test_a_sentence_length_is_a_duration_never_a_date(sentence):
    found = kinds(sentence)
    assert [kind for _, kind in found] == ["DURATION"]


@pytest.mark.parametrize(
    "sentence",
    [
        "un homme de 45 ans",
        "Il est mort à 45 ans.",
        "À 45 ans, il devient maire.",
        "Elle s'est mariée à 30 ans.",
        "âgé de 30 ans, il",
    ],
)
def test_an_age_is_no_time_expression(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "un budget de 2 024 euros",
        "un budget de 2\u202f024 euros",
        "L'armée a repris 2 000 kilomètres de territoire.",
        "1 500 personnes ont manifesté.",
        "Le livre a été tiré en 2 000 exemplaires.",
        "un budget de 2024 euros",
        "2020 soldats ont été déployés.",
        "Entre 2000 et 3000 manifestants ont défilé.",
        "De 2000 à 3000 policiers sont mobilisés.",
        "quelque 2000 réfugiés",
        "Plus de 2010 logements ont été construits.",
    ],
)
def test_a_count_is_not_a_year(sentence):
    assert [(text, kind) for text, kind in kinds(sentence) if kind in ("DATE", "TIME")] == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Il a été élu en 2024.", "2024"),
        ("à l'approche de l'an 2000", "2000"),
        ("en mai 2024", "2024-05"),
        ("En 2000, 3000 manifestants ont défilé.", "2000"),
        ("de 1998 à 2002", "1998"),
    ],
)
def test_a_year_in_a_year_context_stays_a_year(sentence, year):
    assert next(t.value for t in tag(sentence, PUBLISHED)) == year


@pytest.mark.parametrize(
    ("sentence", "duration"),
    [("Il sera fixé d'ici à dix ans.", "P10Y"), ("La peine a été réduite à deux ans.", "P2Y"),
     ("de 10 à 15 ans de prison", "P15Y")],
)  # fmt: skip
def test_a_length_after_a_is_still_a_duration(sentence, duration):
    assert [(t.type, t.value) for t in tag(sentence, PUBLISHED)][-1] == ("DURATION", duration)
