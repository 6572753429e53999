"""The normaliser: every time expression of the report and many others, in French and English.

The publication is the report's own annotation: between Sat 10 Sep 2022 20:00 and Sun 11 Sep 23:59 (UTC+3),
so calendar words are resolved for both days and the hull kept.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.model import Publication
from tui.temporal import normalise

KYIV = timezone(timedelta(hours=3))
PUBLISHED = Publication(
    earliest=datetime(2022, 9, 10, 20, 0, tzinfo=KYIV),
    estimate=datetime(2022, 9, 11, 12, 0, tzinfo=KYIV),
    latest=datetime(2022, 9, 11, 23, 59, tzinfo=KYIV),
    basis="test",
)
OPEN = None

# (expression, language, earliest, latest, granularity, rule)
CASES = [
    # -- every time expression of the report ------------------------------------------------------------
    ("samedi soir", "fr", "2022-09-10 18:00", "2022-09-11 00:00", "part-of-day", "tagger"),
    ("jeudi", "fr", "2022-09-08 00:00", "2022-09-09 00:00", "day", "tagger"),
    ("ces derniers jours", "fr", "2022-09-03 20:00", "2022-09-11 23:59", "days", "recent"),
    ("Au cours des derniers jours", "fr", "2022-09-03 20:00", "2022-09-11 23:59", "days", "recent"),
    ("Depuis début septembre", "fr", "2022-09-01 00:00", "2022-09-11 23:59", "month-part", "since"),
    ("depuis septembre", "fr", "2022-09-01 00:00", "2022-09-11 23:59", "month", "since"),
    ("actuellement", "fr", OPEN, OPEN, "open", "tagger"),
    ("Plus tôt", "fr", "2022-09-09 20:00", "2022-09-11 23:59", "hours", "recent"),
    # -- weekdays: the most recent such day, the publication day included ------------------------------
    ("samedi", "fr", "2022-09-10 00:00", "2022-09-11 00:00", "day", "tagger"),
    ("vendredi", "fr", "2022-09-09 00:00", "2022-09-10 00:00", "day", "tagger"),
    ("vendredi dernier", "fr", "2022-09-09 00:00", "2022-09-10 00:00", "day", "tagger"),
    # published on Saturday or Sunday: Sunday is the 11th or, if it came out on Saturday, the 4th
    ("dimanche", "fr", "2022-09-04 00:00", "2022-09-12 00:00", "day", "tagger"),
    ("lundi matin", "fr", "2022-09-05 06:00", "2022-09-05 12:00", "part-of-day", "tagger"),
    ("mercredi après-midi", "fr", "2022-09-07 12:00", "2022-09-07 18:00", "part-of-day", "tagger"),
    ("jeudi soir", "fr", "2022-09-08 18:00", "2022-09-09 00:00", "part-of-day", "tagger"),
    ("samedi en soirée", "fr", "2022-09-10 18:00", "2022-09-11 00:00", "part-of-day", "tagger"),
    ("dans la nuit de samedi", "fr", "2022-09-10 22:00", "2022-09-11 06:00", "part-of-day", "tagger"),
    ("Le  JEUDI", "fr", "2022-09-08 00:00", "2022-09-09 00:00", "day", "tagger"),
    # -- days relative to the publication day -------------------------------------------------------
    ("hier", "fr", "2022-09-09 00:00", "2022-09-11 00:00", "day", "tagger"),
    ("avant-hier", "fr", "2022-09-08 00:00", "2022-09-10 00:00", "day", "tagger"),
    ("aujourd’hui", "fr", "2022-09-10 00:00", "2022-09-12 00:00", "day", "tagger"),
    ("la veille", "fr", "2022-09-09 00:00", "2022-09-11 00:00", "day", "tagger"),
    ("hier soir", "fr", "2022-09-09 18:00", "2022-09-11 00:00", "part-of-day", "tagger"),
    ("ce matin", "fr", "2022-09-10 06:00", "2022-09-11 12:00", "part-of-day", "tagger"),
    ("cette nuit", "fr", "2022-09-09 22:00", "2022-09-11 06:00", "part-of-day", "tagger"),
    # -- parts of months, months ----------------------------------------------------------------------
    ("début septembre", "fr", "2022-09-01 00:00", "2022-09-11 00:00", "month-part", "tagger"),
    ("mi-septembre", "fr", "2022-09-11 00:00", "2022-09-21 00:00", "month-part", "tagger"),
    ("fin août", "fr", "2022-08-21 00:00", "2022-09-01 00:00", "month-part", "tagger"),
    ("fin février", "fr", "2022-02-21 00:00", "2022-03-01 00:00", "month-part", "tagger"),
    ("début septembre 2021", "fr", "2021-09-01 00:00", "2021-09-11 00:00", "month-part", "tagger"),
    ("en septembre", "fr", "2022-09-01 00:00", "2022-10-01 00:00", "month", "tagger"),
    ("décembre", "fr", "2021-12-01 00:00", "2022-01-01 00:00", "month", "tagger"),  # the most recent December
    # -- ranges ending at the report, and "now" ----------------------------------------------------------
    ("ces dernières semaines", "fr", "2022-08-13 20:00", "2022-09-11 23:59", "weeks", "recent"),
    ("récemment", "fr", "2022-08-11 20:00", "2022-09-11 23:59", "days", "recent"),
    ("en ce moment", "fr", OPEN, OPEN, "open", "tagger"),
    ("depuis jeudi", "fr", "2022-09-08 00:00", "2022-09-11 23:59", "day", "since"),
    ("depuis le 1er septembre", "fr", "2022-09-01 00:00", "2022-09-11 23:59", "day", "since"),
    # -- what dateparser did well, now read by the tagger with the same results --------------------------
    ("le 8 septembre 2022", "fr", "2022-09-08 00:00", "2022-09-09 00:00", "day", "tagger"),
    ("8 septembre", "fr", "2022-09-08 00:00", "2022-09-09 00:00", "day", "tagger"),
    ("il y a trois jours", "fr", "2022-09-07 00:00", "2022-09-09 00:00", "day", "tagger"),
    ("il y a deux heures", "fr", "2022-09-10 17:30", "2022-09-11 22:29", "hour", "dateparser"),
    ("la semaine dernière", "fr", "2022-08-29 00:00", "2022-09-05 00:00", "week", "tagger"),
    ("le mois dernier", "fr", "2022-08-01 00:00", "2022-09-01 00:00", "month", "tagger"),
    # -- English ----------------------------------------------------------------------------------------
    ("Saturday evening", "en", "2022-09-10 18:00", "2022-09-11 00:00", "part-of-day", "tagger"),
    ("on Thursday", "en", "2022-09-08 00:00", "2022-09-09 00:00", "day", "tagger"),
    ("last Friday", "en", "2022-09-09 00:00", "2022-09-10 00:00", "day", "tagger"),
    ("Sunday", "en", "2022-09-04 00:00", "2022-09-12 00:00", "day", "tagger"),
    ("yesterday", "en", "2022-09-09 00:00", "2022-09-11 00:00", "day", "tagger"),
    # the tagger's night, 22:00-06:00 (the engine's own rule read "last night" from 18:00)
    ("last night", "en", "2022-09-09 22:00", "2022-09-11 06:00", "part-of-day", "tagger"),
    ("this morning", "en", "2022-09-10 06:00", "2022-09-11 12:00", "part-of-day", "tagger"),
    ("early September", "en", "2022-09-01 00:00", "2022-09-11 00:00", "month-part", "tagger"),
    ("mid-September", "en", "2022-09-11 00:00", "2022-09-21 00:00", "month-part", "tagger"),
    ("late August", "en", "2022-08-21 00:00", "2022-09-01 00:00", "month-part", "tagger"),
    ("in recent days", "en", "2022-09-03 20:00", "2022-09-11 23:59", "days", "recent"),
    ("currently", "en", OPEN, OPEN, "open", "tagger"),
    ("since early September", "en", "2022-09-01 00:00", "2022-09-11 23:59", "month-part", "since"),
    ("earlier today", "en", "2022-09-09 20:00", "2022-09-11 23:59", "hours", "recent"),
    ("3 days ago", "en", "2022-09-07 00:00", "2022-09-09 00:00", "day", "tagger"),
    ("September 8, 2022", "en", "2022-09-08 00:00", "2022-09-09 00:00", "day", "tagger"),
    # -- what only the tagger reads (issue 10): dateparser read "22 h" as 22 hours ago, the rest not at all ----
    ("vers 22 h", "fr", "2022-09-10 21:30", "2022-09-11 22:30", "minutes", "tagger"),  # ±30 min
    ("à 15h40 (14H40 GMT)", "fr", "2022-09-10 15:40", "2022-09-11 15:41", "minute", "tagger"),
    ("dans la nuit de mardi à mercredi", "fr", "2022-09-06 22:00", "2022-09-07 06:00", "part-of-day", "tagger"),
    ("Dans la soirée", "fr", "2022-09-10 18:00", "2022-09-12 00:00", "part-of-day", "tagger"),
    ("à la mi-avril", "fr", "2022-04-11 00:00", "2022-04-21 00:00", "month-part", "tagger"),
    ("juin prochain", "fr", "2023-06-01 00:00", "2023-07-01 00:00", "month", "tagger"),
    ("l'an dernier", "fr", "2021-01-01 00:00", "2022-01-01 00:00", "year", "tagger"),
    ("la Pentecôte", "fr", "2022-06-05 00:00", "2022-06-06 00:00", "day", "tagger"),
    ("les années 60", "fr", "1960-01-01 00:00", "1970-01-01 00:00", "decade", "tagger"),
    ("la fin du XIXe siècle", "fr", "1875-01-01 00:00", "1900-01-01 00:00", "century", "tagger"),
    ("l'été dernier", "fr", "2022-06-21 00:00", "2022-09-22 00:00", "season", "tagger"),
    ("désormais", "fr", OPEN, OPEN, "open", "tagger"),
    ("bientôt", "fr", "2022-09-10 20:00", OPEN, "open", "tagger"),
    ("depuis plus de 80 jours", "fr", OPEN, "2022-09-11 23:59", "days", "since"),
    ("at 10 p.m.", "en", "2022-09-10 22:00", "2022-09-11 22:01", "minute", "tagger"),
]


def minute(text: str | None) -> datetime | None:
    return None if text is None else datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=KYIV)


@pytest.mark.parametrize(("expression", "language", "earliest", "latest", "granularity", "rule"), CASES)
def test_expression(expression, language, earliest, latest, granularity, rule):
    found = normalise(expression, PUBLISHED, language)
    assert found is not None
    assert (found.earliest, found.latest) == (minute(earliest), minute(latest))
    assert found.granularity == granularity
    assert found.rule == rule


def test_there_are_thirty_and_more_expressions_beyond_the_reports():
    assert len(CASES) - 8 >= 30


@pytest.mark.parametrize("expression", ["", "n'importe quoi", "the day after tomorrow's weather", "depuis toujours"])
def test_what_nothing_understands_is_none_not_a_guess(expression):
    assert normalise(expression, PUBLISHED, "fr") is None


@pytest.mark.parametrize(
    "expression", ["le lendemain matin", "deux jours plus tard", "le même jour", "the next day", "auparavant"]
)
def test_what_is_relative_to_another_event_is_left_to_relations(expression):
    """Alone, "le lendemain" has no day to follow: the tagger reads it in a text, the engine as a relation."""
    assert normalise(expression, PUBLISHED, "fr") is None


def test_never_a_fake_instant():
    for expression, language, *_ in CASES:
        found = normalise(expression, PUBLISHED, language)
        if found.earliest and found.latest:
            assert found.latest - found.earliest >= timedelta(minutes=59), expression


def test_report_relative_ranges_move_with_the_publication():
    found = normalise("ces derniers jours", PUBLISHED, "fr")
    assert (found.start.anchor, found.start.lo, found.start.hi) == ("publication", -7 * 24 * 60, 0)
    since = normalise("depuis début septembre", PUBLISHED, "fr")
    assert since.start.anchor == "origin" and (since.end.anchor, since.end.lo, since.end.hi) == ("publication", 0, 0)
    now = normalise("actuellement", PUBLISHED, "fr")
    assert now.start.hi == 0 and now.end.lo == 0  # it started by the report and still goes on


def test_a_weekday_on_the_publication_day_is_that_day_where_dateparser_goes_a_week_back():
    saturday = Publication(
        earliest=datetime(2022, 9, 10, 21, 0, tzinfo=KYIV),
        estimate=datetime(2022, 9, 10, 22, 0, tzinfo=KYIV),
        latest=datetime(2022, 9, 10, 23, 0, tzinfo=KYIV),
        basis="test",
    )
    found = normalise("samedi", saturday, "fr")
    assert (found.earliest, found.latest) == (minute("2022-09-10 00:00"), minute("2022-09-11 00:00"))
    from dateparser.date import DateDataParser

    base = datetime(2022, 9, 10, 22, 0)
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}
    assert DateDataParser(languages=["fr"], settings=settings).get_date_data("samedi").date_obj.day == 3


@pytest.mark.parametrize("expression", ["jeudi", "vendredi", "lundi", "mardi", "mercredi"])
def test_weekday_rule_agrees_with_dateparser_on_other_days(expression):
    """Where dateparser's convention is right (any day but the publication's), the rule agrees with it."""
    from dateparser.date import DateDataParser

    sunday = Publication(
        earliest=datetime(2022, 9, 11, 10, 0, tzinfo=KYIV),
        estimate=datetime(2022, 9, 11, 12, 0, tzinfo=KYIV),
        latest=datetime(2022, 9, 11, 14, 0, tzinfo=KYIV),
        basis="test",
    )
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime(2022, 9, 11, 12, 0)}
    theirs = DateDataParser(languages=["fr"], settings=settings).get_date_data(expression).date_obj
    assert normalise(expression, sunday, "fr").earliest.date() == theirs.date()


@pytest.mark.parametrize(
    ("expression", "earliest", "latest"),
    [
        ("après 2020", datetime(2021, 1, 1), None),  # dateparser dropped "après" and read the year 2020 itself
        ("after 2020", datetime(2021, 1, 1), None),
        ("avant 2020", None, datetime(2020, 1, 1)),
        ("avant lundi", None, datetime(2024, 6, 17)),
        ("bien après samedi 10 h", datetime(2024, 6, 22, 10, 1), None),
    ],
)
def test_a_time_an_event_is_after_or_before_bounds_it_on_one_side_only(expression, earliest, latest):
    """Certain means entailed: "après 2020" says the event came after 2020's end and nothing of how long after."""
    from tui.temporal.tagging import publication_on

    found = normalise(expression, publication_on(date(2024, 6, 23)))
    assert found is not None and found.rule == "bounded"
    assert (found.earliest, found.latest) == (earliest, latest)


def test_a_date_and_clock_time_dateparser_reads_is_that_moment_not_an_offset_from_the_publication():
    """dateparser reads "2021-10-03 14:00" as a clock time: it was placed as an hour around that offset from the
    publication, a day wide when the publication is a day; it is the minute the words give, whatever the day."""
    from tui.temporal.tagging import publication_on

    found = normalise("2021-10-03 14:00", publication_on(date(2024, 6, 23)))
    assert found is not None and found.rule == "dateparser"
    assert (found.earliest, found.latest, found.granularity) == (
        datetime(2021, 10, 3, 14, 0), datetime(2021, 10, 3, 14, 1), "minute",
    )  # fmt: skip
    ago = normalise("il y a deux heures", publication_on(date(2024, 6, 23)))  # counted from the publication
    assert ago is not None and ago.start.anchor == "publication" and ago.granularity == "hour"
