"""A day and its clock time, a part of the day and its date, are one time (found on real French reports):
"Samedi à 22 h", "ce matin à 4 h 27", "en ce milieu de soirée du 22 juin" (tagging/compounds.py).

Read apart, the clock time alone was read on the publication day and "ce matin" alone gave TimeML's morning,
06:00-12:00, which does not hold 04:27; "ce milieu de soirée" was read on the publication day, without its
date. An events file keeps an event's time alone, and the engine's ``normalise`` reads it through the
tagger: both now read the one expression, at its most precise. In running text the tagger still annotates
a day and its clock time apart, as French TimeBank does ("mardi vers 21 h 45"), the clock time on that day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.model import Publication
from tui.temporal.expressions import normalise
from tui.temporal.tagging import publication_on, tag

SUNDAY = publication_on(date(2024, 6, 23))  # published on Sunday 23 June 2024
PARIS = timezone(timedelta(hours=2))
WEDNESDAY_MORNING = Publication(*(datetime(2022, 9, 14, 9, 30, tzinfo=PARIS),) * 3, "test")  # type: ignore[arg-type]


def at(text: str, zone=None) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


# (expression, publication, value, mod, earliest, latest): read alone, as an events file keeps it
ALONE = [
    ("Samedi à 22 h", SUNDAY, "2024-06-22T22:00", None, "2024-06-22 22:00", "2024-06-22 22:01"),
    ("ce matin à 4 h 27", SUNDAY, "2024-06-23T04:27", None, "2024-06-23 04:27", "2024-06-23 04:28"),
    ("dimanche soir vers 21h30", SUNDAY, "2024-06-23T21:30", "APPROX", "2024-06-23 21:00", "2024-06-23 22:00"),
    ("le 22 juin à 9 heures", SUNDAY, "2024-06-22T09:00", None, "2024-06-22 09:00", "2024-06-22 09:01"),
    ("samedi 22 juin à 22 h", SUNDAY, "2024-06-22T22:00", None, "2024-06-22 22:00", "2024-06-22 22:01"),
    ("hier soir peu après 23 h", SUNDAY, "2024-06-22T23:00", "AFTER", "2024-06-22 23:00", "2024-06-23 00:00"),
    ("mardi dès 8 h", SUNDAY, "2024-06-18T08:00", None, "2024-06-18 08:00", "2024-06-18 08:01"),
    ("samedi peu avant minuit", SUNDAY, "2024-06-22T24:00", "BEFORE", "2024-06-22 23:00", "2024-06-23 00:00"),
    ("le 22 juin aux alentours de 9 heures", SUNDAY, "2024-06-22T09:00", "APPROX", "2024-06-22 08:30",
     "2024-06-22 09:30"),
    # after a night or an evening, an hour before dawn is the next day's
    ("dans la nuit de samedi à dimanche vers 3 h", SUNDAY, "2024-06-23T03:00", "APPROX", "2024-06-23 02:30",
     "2024-06-23 03:30"),
    ("samedi soir vers 1 h", SUNDAY, "2024-06-23T01:00", "APPROX", "2024-06-23 00:30", "2024-06-23 01:30"),
    ("Samedi, à 22 h", SUNDAY, "2024-06-22T22:00", None, "2024-06-22 22:00", "2024-06-22 22:01"),
    # next to each other: the weekday was dropped before a number ("samedi 10" looked like a date) and the
    # engine fell back to dateparser, which read the 10th of the month
    ("samedi 10 h", SUNDAY, "2024-06-22T10:00", None, "2024-06-22 10:00", "2024-06-22 10:01"),
    ("samedi 10 heures", SUNDAY, "2024-06-22T10:00", None, "2024-06-22 10:00", "2024-06-22 10:01"),
    ("samedi, 22h30", SUNDAY, "2024-06-22T22:30", None, "2024-06-22 22:30", "2024-06-22 22:31"),
    ("le 22 juin, 22 h 30", SUNDAY, "2024-06-22T22:30", None, "2024-06-22 22:30", "2024-06-22 22:31"),
    ("hier vers 10 h", SUNDAY, "2024-06-22T10:00", "APPROX", "2024-06-22 09:30", "2024-06-22 10:30"),
    # a part of the day on its date, not on the publication day
    ("en ce milieu de soirée du 22 juin", SUNDAY, "2024-06-22TEV", "MID", "2024-06-22 19:30", "2024-06-22 22:30"),
    ("le matin du 5 mai", SUNDAY, "2024-05-05TMO", None, "2024-05-05 06:00", "2024-05-05 12:00"),
    ("dans la nuit du 14 au 15 juin", SUNDAY, "2024-06-14TNI", None, "2024-06-14 22:00", "2024-06-15 06:00"),
    ("la matinée de samedi", SUNDAY, "2024-06-22TMO", None, "2024-06-22 06:00", "2024-06-22 12:00"),
    ("la journée du 22 juin", SUNDAY, "2024-06-22", None, "2024-06-22 00:00", "2024-06-23 00:00"),
]  # fmt: skip


@pytest.mark.parametrize(("expression", "published", "value", "mod", "earliest", "latest"), ALONE)
def test_read_alone_it_is_one_expression_at_its_most_precise(expression, published, value, mod, earliest, latest):
    (timex,) = tag(expression, published, "fr", "past")
    assert expression.endswith(timex.text) and len(timex.text) >= len(expression) - len("dans ")
    assert (timex.value, timex.mod, timex.earliest, timex.latest) == (value, mod, at(earliest), at(latest))


@pytest.mark.parametrize(("expression", "published", "value", "mod", "earliest", "latest"), ALONE)
def test_the_engine_reads_an_events_time_so(expression, published, value, mod, earliest, latest):
    found = normalise(expression, published)
    assert found is not None and found.rule == "tagger"
    assert (found.earliest, found.latest) == (at(earliest), at(latest))


@pytest.mark.parametrize(
    ("expression", "earliest", "latest"),
    [
        ("Samedi à 22 h", "2022-09-10 22:00", "2022-09-10 22:01"),
        ("ce matin à 4 h 27", "2022-09-14 04:27", "2022-09-14 04:28"),
        ("en ce milieu de soirée du 12 septembre", "2022-09-12 19:30", "2022-09-12 22:30"),
        ("la soirée du 3 septembre", "2022-09-03 18:00", "2022-09-04 00:00"),
    ],
)
def test_in_the_publications_zone(expression, earliest, latest):
    found = normalise(expression, WEDNESDAY_MORNING)
    assert found is not None
    assert (found.earliest, found.latest) == (at(earliest, PARIS), at(latest, PARIS))


def test_the_clock_time_wins_over_the_mornings_hours():
    """TimeML's morning starts at 06:00: "ce matin à 4 h 27" must hold 04:27, and does, as 04:27 itself."""
    found = normalise("ce matin à 4 h 27", SUNDAY)
    assert found is not None and found.earliest <= at("2024-06-23 04:27") < found.latest


def test_the_publication_day_does_not_take_a_clock_time_said_on_another_day():
    for expression in ("Samedi à 22 h", "la veille à 22 h", "samedi 22 juin à 22 h"):
        found = normalise(expression, SUNDAY)
        assert found is not None and found.latest <= at("2024-06-23 00:00"), expression


def test_the_part_of_the_day_of_a_date_in_running_text():
    text = "Les gendarmes sont intervenus en ce milieu de soirée du 22 juin, puis dans la nuit du 24 au 25 juin."
    found = tag(text, SUNDAY)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("ce milieu de soirée du 22 juin", "2024-06-22TEV", "MID"),
        ("la nuit du 24 au 25 juin", "2024-06-24TNI", None),
    ]


def test_a_part_of_the_day_before_other_words_is_still_no_expression():
    assert tag("Le soir du drame, il pleuvait.", SUNDAY) == ()


def test_running_text_keeps_timemls_two_expressions_the_clock_time_on_that_day():
    text = "Samedi à 22 h, il a parlé ; ce matin à 4 h 27, il est parti."
    found = tag(text, SUNDAY)
    assert [(t.text, t.value) for t in found] == [
        ("Samedi", "2024-06-22"), ("22 h", "2024-06-22T22:00"),
        ("ce matin", "2024-06-23TMO"), ("4 h 27", "2024-06-23T04:27"),
    ]  # fmt: skip


def test_running_text_reads_them_as_one_when_asked():
    text = "Samedi à 22 h, il a parlé ; ce matin à 4 h 27, il est parti. La nuit de samedi à dimanche, vers 3 h, rien."
    found = tag(text, SUNDAY, joined=True)
    assert [(t.text, t.value, t.rule) for t in found] == [
        ("Samedi à 22 h", "2024-06-22T22:00", "day-and-clock"),
        ("ce matin à 4 h 27", "2024-06-23T04:27", "day-and-clock"),
        ("La nuit de samedi à dimanche, vers 3 h", "2024-06-23T03:00", "day-and-clock"),
    ]


def test_english():
    (timex,) = tag("Saturday at 10 pm", SUNDAY, "en", joined=True)
    assert (timex.text, timex.value) == ("Saturday at 10 pm", "2024-06-22T22:00")
    (timex,) = tag("the morning of June 5", SUNDAY, "en")
    assert (timex.text, timex.value) == ("the morning of June 5", "2024-06-05TMO")


@pytest.mark.parametrize(
    ("expression", "earliest", "latest"),
    [
        ("peu avant 20 heures ce mardi", "2020-11-17T19:00", "2020-11-17T20:00"),
        ("vers 14h samedi", "2020-11-14T13:30", "2020-11-14T14:30"),
        ("à 22 h 30, jeudi", "2020-11-12T22:30", "2020-11-12T22:31"),
    ],
)
def test_a_clock_time_then_its_day_is_that_day_at_that_time(expression, earliest, latest):
    """The day may follow its time ("a rendu son verdict peu avant 20 heures ce mardi"): read alone, it was the
    whole Tuesday, and the clock time a guess with no day."""
    from tui.model import publication_from
    from tui.temporal.expressions import normalise

    found = normalise(expression, publication_from("2020-11-18", "fr"), "fr")
    assert found is not None
    assert (found.earliest.strftime("%Y-%m-%dT%H:%M"), found.latest.strftime("%Y-%m-%dT%H:%M")) == (earliest, latest)


def joined(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, SUNDAY, "fr", joined=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the night or evening's next day: before noon after a night, before 06:00 after an evening
        ("dans la nuit de samedi à dimanche vers 11 h", "2024-06-23T11:00"),
        ("dans la nuit de samedi à dimanche vers midi", "2024-06-22T12:00"),
        ("samedi soir vers 5 h", "2024-06-23T05:00"),
        ("samedi soir vers 6 h", "2024-06-22T06:00"),
    ],
)
def test_past_midnight_ends_at_noon_after_a_night_at_six_after_an_evening(text, expected):
    ((_, kind, value),) = joined(text)
    assert (kind, value) == ("TIME", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # joined only next to each other, after a comma, by a joining word or the clock time's own approximation
        ("le 22 juin et 22 h 30", [("le 22 juin", "DATE", "2024-06-22"), ("22 h 30", "TIME", "2024-06-22T22:30")]),
        # not a day: a month, a season, a week
        ("En juin, à 22 h", [("juin", "DATE", "2024-06"), ("22 h", "TIME", "2024-06-23T22:00")]),
        ("à 14 h cet été", [("14 h", "TIME", "2024-06-23T14:00"), ("cet été", "DATE", "2024-SU")]),
        ("ce soir de juin", [("ce soir", "TIME", "2024-06-23TEV"), ("juin", "DATE", "2024-06")]),
        ("mardi matin de la semaine prochaine",
         [("mardi matin", "TIME", "2024-06-25TMO"), ("la semaine prochaine", "DATE", "2024-W26")]),
        # other words between them
        ("Samedi, il est parti à 22 h", [("Samedi", "DATE", "2024-06-22"), ("22 h", "TIME", "2024-06-22T22:00")]),
        # a night's next day is the day after it
        ("Dans la nuit du 14 juin, puis le 15 juin, rien.",
         [("la nuit du 14 juin", "TIME", "2024-06-14TNI"), ("le 15 juin", "DATE", "2024-06-15")]),
    ],
)  # fmt: skip
def test_what_stays_two_expressions(text, expected):
    assert joined(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vers 14h samedi, puis le lendemain", "2024-06-23"),  # Saturday's, not the publication day's
        ("le matin du 5 mai, puis le lendemain", "2024-05-06"),
        ("dans la nuit du 14 au 15 juin, puis le lendemain", "2024-06-16"),  # the day named last
        ("Le 5 juin, ce matin à 4 h 27, puis le lendemain", "2024-06-24"),  # this morning's, not 5 June's
        ("Le 5 juin, puis le soir suivant à 22 h, et le lendemain", "2024-06-07"),  # the evening's day
        ("Le 5 juin. La nuit suivante, vers 3 h, puis le lendemain", "2024-06-07"),  # the night's, not 3 h's
    ],
)
def test_the_day_one_expression_names_anchors_what_follows(text, expected):
    *_, (words, kind, value) = joined(text)
    assert (words, kind, value) == ("le lendemain", "DATE", expected)


@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("depuis samedi à 22 h", "2024-06-22 22:00"),
        ("depuis le matin du 5 mai", "2024-05-05 06:00"),
        ("depuis la journée du 22 juin", "2024-06-22 00:00"),
    ],
)
def test_since_a_day_at_its_time_runs_up_to_the_publication(text, earliest):
    (timex,) = tag(text, SUNDAY, "fr", joined=True)
    assert (timex.earliest, timex.latest) == (at(earliest), SUNDAY.latest)


def test_a_clock_time_then_a_date_is_that_date_at_that_time():
    """The clock time alone is read on the publication day; a weekday after it its own rule reads."""
    assert joined("vers 14 h le 22 juin") == [("vers 14 h le 22 juin", "TIME", "2024-06-22T14:00")]


def test_a_part_of_the_day_on_its_date_is_a_time():
    assert joined("le matin du 5 mai") == [("le matin du 5 mai", "TIME", "2024-05-05TMO")]
    assert joined("la journée du 22 juin") == [("la journée du 22 juin", "DATE", "2024-06-22")]
