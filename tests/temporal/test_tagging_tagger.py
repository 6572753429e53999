"""What the running-text tagger (``tui.temporal.tagging.tagger``) makes of a reading once a rule has read it, stated
rule by rule: where a duration, a set and a present, past or future reference lie, the stretch "depuis" makes up
to the publication, which approximation words before an expression belong to it, and a Timex as JSON."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tui.temporal.tagging import publication_on, tag

PUBLISHED = publication_on(date(2022, 9, 7))  # a day only: from 00:00 to 23:59


def only(sentence: str):
    (found,) = tag(sentence, PUBLISHED)
    return found


@pytest.mark.parametrize(
    ("sentence", "text", "kind"),
    [
        pytest.param("Il a attendu trois jours.", "trois jours", "DURATION", id="duration: trois jours"),
        pytest.param("Il vient chaque lundi.", "chaque lundi", "SET", id="set: chaque lundi"),
    ],
)
def test_a_duration_or_a_set_lies_nowhere_on_the_calendar(sentence, text, kind):
    found = only(sentence)
    assert (found.text, found.type) == (text, kind)
    assert (found.earliest, found.latest, found.granularity) == (None, None, "open")


@pytest.mark.parametrize(
    ("sentence", "text", "earliest", "latest"),
    [
        pytest.param(
            "Il est là actuellement.", "actuellement", datetime(2022, 9, 7), datetime(2022, 9, 7, 23, 59), id="present"
        ),
        pytest.param("Autrefois, il venait.", "Autrefois", None, datetime(2022, 9, 7, 23, 59), id="past: up to it"),
        pytest.param("A l'avenir il viendra.", "A l'avenir", datetime(2022, 9, 7), None, id="future: from it on"),
    ],
)
def test_a_present_past_or_future_reference_lies_against_the_publication(sentence, text, earliest, latest):
    """The present is the publication's range; the past runs up to its latest, the future from its earliest."""
    found = only(sentence)
    assert found.text == text
    assert (found.earliest, found.latest, found.granularity) == (earliest, latest, "open")


def test_depuis_a_clock_time_runs_up_to_the_publication_even_from_its_last_minute():
    """ "Depuis 23 h 59" of a report published that day (up to 23:59): from then up to the publication, no
    later — not the clock time's own minute, which would end after the publication."""
    found = only("Il pleut depuis 23 h 59.")
    assert (found.text, found.value) == ("23 h 59", "2022-09-07T23:59")
    assert (found.earliest, found.latest) == (datetime(2022, 9, 7, 23, 59), datetime(2022, 9, 7, 23, 59))


def test_an_approximation_word_before_a_part_of_the_day_that_already_has_a_modifier_stays_out():
    """ "La fin de la matinée" is already its end (END): the "peu avant" before it is not read into it."""
    found = only("Il est venu peu avant la fin de la matinée.")
    assert (found.text, found.value, found.mod) == ("la fin de la matinée", "2022-09-07TMO", "END")


def test_an_approximation_word_before_now_is_not_part_of_it():
    """Approximation words belong to a time of day ("vers l'aube"); "maintenant" is the publication itself."""
    found = only("Il arrive vers maintenant.")
    assert (found.text, found.value, found.mod) == ("maintenant", "PRESENT_REF", None)


def test_a_timex_as_json_gives_both_ends_of_where_it_lies():
    assert only("Il est arrivé mardi.").as_json() == {
        "start": 14,
        "end": 19,
        "text": "mardi",
        "type": "DATE",
        "value": "2022-09-06",
        "earliest": "2022-09-06T00:00:00",
        "latest": "2022-09-07T00:00:00",
        "granularity": "day",
    }
