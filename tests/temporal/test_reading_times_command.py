"""What ``newsline times`` reads (issue class 8): "depuis le début de l'année" with its "depuis", event
nouns after "prochain" are no time, and a date announced with a future verb is the next one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tui.temporal.tagging import publication_on, tag


def spans(sentence: str, dct: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(sentence, publication_on(date.fromisoformat(dct)))]


def test_since_the_start_of_the_year_runs_up_to_the_publication():
    (timex,) = tag("Depuis le début de l'année, les prix ont doublé.", publication_on(date(2022, 9, 11)))
    assert timex.text == "Depuis le début de l'année"
    assert (timex.value, timex.mod) == ("2022", "START")
    assert (timex.earliest, timex.latest) == (datetime(2022, 1, 1), datetime(2022, 9, 11, 23, 59))


def test_since_the_start_of_a_month_too():
    (timex,) = tag("depuis début septembre", publication_on(date(2022, 9, 11)))
    assert timex.text == "depuis début septembre"
    assert (timex.earliest, timex.latest) == (datetime(2022, 9, 1), datetime(2022, 9, 11, 23, 59))


def test_since_a_point_leaves_depuis_out_as_timeml_does():
    assert spans("Il est fermé depuis 1998.", "2022-09-11") == [("1998", "DATE", "1998")]


@pytest.mark.parametrize(
    "sentence",
    ["Le prochain conseil examinera le texte.", "La prochaine réunion est fixée.", "les prochaines élections"],
)
def test_next_before_an_event_noun_is_no_time(sentence):
    assert spans(sentence, "2022-09-11") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("la semaine prochaine", ("la semaine prochaine", "DATE", "2022-W37")),
        ("le mois prochain", ("le mois prochain", "DATE", "2022-10")),
        ("lundi prochain", ("lundi prochain", "DATE", "2022-09-12")),
        ("les prochaines échéances", ("prochaines", "TIME", "FUTURE_REF")),
    ],
)
def test_next_with_a_time_noun_is_time(sentence, expected):
    assert spans(sentence, "2022-09-11") == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le sommet aura lieu le 1er novembre.",
        "La conférence se tiendra le 1er novembre.",
        "Le rapport sera publié le 1er novembre.",
        "Les élections, qui auront lieu le 1er novembre, sont attendues.",
        "Le vote devrait avoir lieu le 1er novembre.",
    ],
)
def test_an_announced_date_is_the_next_one(sentence):
    # Published on 20 November 2022: the nearest 1 November is 19 days back, the announced one next year.
    assert spans(sentence, "2022-11-20") == [("le 1er novembre", "DATE", "2023-11-01")]


@pytest.mark.parametrize(
    "sentence",
    ["Le sommet a eu lieu le 1er novembre.", "Il est mort le 1er novembre.", "Le 1er novembre, il pleuvait."],
)
def test_a_date_told_in_the_past_is_the_last_one(sentence):
    assert [value for _, _, value in spans(sentence, "2022-11-20")] == ["2022-11-01"]
