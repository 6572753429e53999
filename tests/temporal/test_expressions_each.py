"""Each rule of the time-expression reader (``tui.temporal.expressions``) stated on its own, so that a broken
rule names itself: the windows an expression gives (on the calendar or against the publication), its hull,
its granularity, the clock of a named place, the readings against an unknown publication, and what is left to
dateparser (a report in a language the tagger has no words for, forms it does not read)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tui.model import Publication
from tui.model.report import PUBLICATION_ZONE, UNKNOWN_PUBLICATION
from tui.temporal.expressions import DAY, HOUR, INF, Window, normalise, read_as_published_on, to_minutes

KYIV = timezone(timedelta(hours=3))
# Saturday 10 Sep 2022 20:00 to Sunday 11 Sep 23:59, Kyiv time (as in test_expressions.py)
PUBLISHED = Publication(
    datetime(2022, 9, 10, 20, 0, tzinfo=KYIV),
    datetime(2022, 9, 11, 12, 0, tzinfo=KYIV),
    datetime(2022, 9, 11, 23, 59, tzinfo=KYIV),
    "test",
)


def kyiv(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=KYIV)


def hull(expression: str, language: str = "fr", published: Publication = PUBLISHED):
    found = normalise(expression, published, language)
    assert found is not None, expression
    return found.earliest, found.latest, found.granularity


# -- the result names what it read ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "language", "rule"),
    [
        ("Jeudi soir", "fr", "tagger"),
        ("ces derniers jours", "fr", "recent"),
        ("Depuis septembre", "fr", "since"),
        ("le 2021-10-03", "fr", "dateparser"),
    ],
)
def test_a_reading_keeps_the_words_it_read_whatever_read_them(expression, language, rule):
    found = normalise(expression, PUBLISHED, language)
    assert (found.expression, found.rule) == (expression, rule)


# -- the words as written: spaces, typographic forms, punctuation around them, an article before them --------


@pytest.mark.parametrize(
    ("expression", "language"),
    [
        ("ces\u00a0derniers\u00a0jours", "fr"),  # no-break spaces
        ("Au cours  des derniers   jours", "fr"),  # several spaces
        ("ces derniers jours.", "fr"),  # the sentence's full stop
        ("in the last few days", "en"),  # "the last few days" after an article or preposition
    ],
)
def test_a_range_up_to_the_report_is_read_however_its_words_are_spaced_or_introduced(expression, language):
    found = normalise(expression, PUBLISHED, language)
    assert (found.rule, found.granularity) == ("recent", "days")
    assert found.start == Window("publication", -7 * DAY, 0)


@pytest.mark.parametrize("expression", ["samedi soir,", "samedi soir ;", "(selon la police) samedi soir"])
def test_punctuation_and_asides_around_a_time_do_not_stop_its_reading(expression):
    assert hull(expression) == (kyiv(2022, 9, 10, 18), kyiv(2022, 9, 11), "part-of-day")


@pytest.mark.parametrize(("expression", "language"), [("the day before", "en"), ("the previous day", "en")])
def test_a_day_before_said_alone_is_the_day_before_the_publication(expression, language):
    """Alone, "the day before" can only be the report's: the tagger's anaphoric day read before the report."""
    assert hull(expression, language) == (kyiv(2022, 9, 9), kyiv(2022, 9, 11), "day")


@pytest.mark.parametrize(("expression", "language"), [("à ce moment-là", "fr"), ("at that time", "en")])
def test_a_moment_of_another_event_is_left_to_relations(expression, language):
    assert normalise(expression, PUBLISHED, language) is None


def test_only_a_time_of_day_without_its_day_is_day_free():
    assert normalise("vers 22 h", PUBLISHED, "fr").day_free
    assert not normalise("jeudi", PUBLISHED, "fr").day_free
    assert not normalise("samedi soir", PUBLISHED, "fr").day_free
    assert not normalise("ces derniers jours", PUBLISHED, "fr").day_free


# -- past, present and future references: against the publication, open on one side -------------------------


@pytest.mark.parametrize(
    ("expression", "language"), [("autrefois", "fr"), ("par le passé", "fr"), ("previously", "en")]
)
def test_a_past_reference_ends_by_the_publication_and_is_open_before(expression, language):
    found = normalise(expression, PUBLISHED, language)
    assert found.start == found.end == Window("publication", -INF, 0)
    assert (found.earliest, found.latest, found.granularity) == (None, kyiv(2022, 9, 11, 23, 59), "open")


def test_a_present_reference_began_by_the_publication_and_goes_on_after_it():
    found = normalise("actuellement", PUBLISHED, "fr")
    assert (found.start, found.end) == (Window("publication", -INF, 0), Window("publication", 0, INF))


def test_a_future_reference_begins_at_the_publication_at_the_earliest():
    found = normalise("à l'avenir", PUBLISHED, "fr")
    assert found.start == found.end == Window("publication", 0, INF)
    assert (found.earliest, found.latest) == (kyiv(2022, 9, 10, 20), None)


# -- "depuis" + a duration: it began that long before the moment of speaking ----------------------------------


@pytest.mark.parametrize(
    ("expression", "lo", "hi", "granularity"),
    [
        # about that long: give or take half a unit
        ("depuis 3 semaines", -21 * DAY - 3.5 * DAY, -21 * DAY + 3.5 * DAY, "days"),
        ("depuis 5 jours", -5 * DAY - DAY / 2, -5 * DAY + DAY / 2, "days"),
        ("depuis deux mois", -60 * DAY - 15 * DAY, -60 * DAY + 15 * DAY, "months"),  # a month is 30 days
        ("depuis 10 minutes", -10.5, -9.5, "days"),  # a minute of a clock ("PT10M"), not a month
        ("depuis trois ans", -3 * 365 * DAY - 365 * DAY / 2, -3 * 365 * DAY + 365 * DAY / 2, "months"),
        # more than that long: no earliest; less: not before that long ago, up to the report
        ("depuis plus de deux mois", -INF, -60 * DAY, "months"),
        ("depuis moins de deux mois", -60 * DAY, 0, "months"),
        ("depuis moins de 3 heures", -3 * HOUR, 0, "days"),
    ],
)
def test_a_duration_since_bounds_the_start_against_the_publication(expression, lo, hi, granularity):
    found = normalise(expression, PUBLISHED, "fr")
    assert found.rule == "since"
    assert found.start == Window("publication", lo, hi)
    assert found.end == Window("publication", 0, 0)  # and it goes on at the report
    assert found.granularity == granularity


@pytest.mark.parametrize("expression", ["depuis des années", "depuis des semaines"])
def test_a_since_of_no_measured_duration_is_not_read(expression):
    assert normalise(expression, PUBLISHED, "fr") is None


def test_since_reads_its_start_in_the_reports_language():
    """ "Mar 2021" is March 2021 in English (in French, dateparser reads "mar" as Tuesday: the year 2021)."""
    found = normalise("since mar 2021", PUBLISHED, "en")
    assert found.start == Window("origin", to_minutes(kyiv(2021, 3, 1)), to_minutes(kyiv(2021, 4, 1)))
    assert found.granularity == "month"


# -- brackets: a time in brackets is an aside, not the event's time ---------------------------------------------


@pytest.mark.parametrize(
    ("expression", "day"),
    [
        ("(jeudi) vendredi", 9),  # the first bracket opens the expression
        ("(selon la police) vendredi (ou jeudi)", 9),  # an aside closed, then another opened
        ("(a) (b) jeudi", 8),  # two asides closed before the time
    ],
)
def test_a_time_in_brackets_is_an_aside_and_one_after_them_is_read(expression, day):
    assert hull(expression) == (kyiv(2022, 9, day), kyiv(2022, 9, day + 1), "day")


# -- a clock time in a named place: read in that place's zone too (the likely layer's place-zone) ---------------


def test_a_clock_time_in_a_named_place_is_read_in_its_zone():
    tokyo = ZoneInfo("Asia/Tokyo")
    found = normalise("14 h à Tokyo", PUBLISHED, "fr")
    two_pm = datetime(2022, 9, 11, 14, 0, tzinfo=tokyo)
    assert found.place == Window("origin", to_minutes(two_pm), to_minutes(two_pm) + 1)
    assert found.day_free  # no day said: read on the publication day, for the likely layer to move
    about = normalise("vers 14 h à Tokyo", PUBLISHED, "fr")  # approximate: half an hour either side
    assert about.place == Window("origin", to_minutes(two_pm) - 30, to_minutes(two_pm) + 30)


@pytest.mark.parametrize("expression", ["jeudi à Tokyo", "vers 14 h", "samedi soir"])
def test_only_a_clock_time_followed_by_a_place_has_a_place_window(expression):
    assert normalise(expression, PUBLISHED, "fr").place is None


def test_with_the_publication_unknown_a_named_place_gives_no_place_window():
    """Its clock time is read against the unknown publication's day, not a day of the place's calendar."""
    found = normalise("14 h à Tokyo", UNKNOWN_PUBLICATION, "fr")
    assert found is not None and found.place is None


# -- bounds are whole minutes, and the calendar's ends are shown ---------------------------------------------


def test_a_bound_against_a_publication_with_seconds_is_the_minute_it_falls_in_even_before_1970():
    published = Publication(
        datetime(1969, 7, 20, 20, 17, 40, tzinfo=UTC),
        datetime(1969, 7, 20, 21, 0, tzinfo=UTC),
        datetime(1969, 7, 20, 22, 0, tzinfo=UTC),
        "test",
    )
    found = normalise("ces derniers jours", published, "fr")
    assert (found.earliest, found.latest) == (
        datetime(1969, 7, 13, 20, 17, tzinfo=UTC),
        datetime(1969, 7, 20, 22, 0, tzinfo=UTC),
    )


def test_the_first_and_last_days_the_calendar_shows_are_shown():
    published = Publication(
        datetime(2022, 9, 10, 20, 0, tzinfo=UTC),
        datetime(2022, 9, 11, 12, 0, tzinfo=UTC),
        datetime(2022, 9, 11, 23, 59, tzinfo=UTC),
        "test",
    )
    last = normalise("28 décembre 9999", published, "fr")
    assert last.latest == datetime(9999, 12, 29, tzinfo=UTC)  # LAST_MINUTE itself
    first = normalise("3 janvier 0001", published, "fr")
    assert first.earliest == datetime(1, 1, 3, tzinfo=UTC)  # FIRST_MINUTE itself
    assert normalise("2 janvier 0001", published, "fr").earliest is None  # beyond it: open


# -- with the publication unknown -------------------------------------------------------------------------


def test_with_the_publication_unknown_a_weekday_is_some_day_of_the_week_before_it():
    found = normalise("jeudi", UNKNOWN_PUBLICATION, "fr")
    on = datetime(2000, 1, 1, tzinfo=PUBLICATION_ZONE)
    assert found.start == Window("origin", to_minutes(on - timedelta(days=6)), to_minutes(on + timedelta(days=1)))
    assert found.granularity == "day"


@pytest.mark.parametrize("expression", ["tous les jeudis", "le 3 octobre", "début septembre"])
def test_with_the_publication_unknown_a_repeated_or_calendar_time_is_not_placed(expression):
    assert normalise(expression, UNKNOWN_PUBLICATION, "fr") is None


def test_read_as_if_published_on_a_day_moves_calendar_windows_into_the_unknown_frame():
    """Read as published on Sunday 11 Sep 2022, "jeudi" is 3 days before it: 3 days before the unknown
    publication's day; a window against the publication stays as it is."""
    on = datetime(2000, 1, 1, tzinfo=PUBLICATION_ZONE)
    thursday = read_as_published_on("jeudi", date(2022, 9, 11), UNKNOWN_PUBLICATION, "fr")
    window = Window("origin", to_minutes(on - timedelta(days=3)), to_minutes(on - timedelta(days=2)))
    assert (thursday.start, thursday.end, thursday.granularity) == (window, window, "day")
    assert (thursday.earliest, thursday.latest) == (datetime(2022, 9, 8, tzinfo=UTC), datetime(2022, 9, 9, tzinfo=UTC))
    tonight = read_as_published_on("vers 22 h", date(2022, 9, 11), UNKNOWN_PUBLICATION, "fr")
    assert tonight.start == Window(
        "origin", to_minutes(on + timedelta(hours=21, minutes=30)), to_minutes(on) + 22 * 60 + 30
    )
    recent = read_as_published_on("ces derniers jours", date(2022, 9, 11), UNKNOWN_PUBLICATION, "fr")
    assert recent.start == Window("publication", -7 * DAY, 0)
    # the supposed publication is the whole day: its latest is 23:59
    assert (recent.earliest, recent.latest) == (
        datetime(2022, 9, 4, tzinfo=UTC),
        datetime(2022, 9, 11, 23, 59, tzinfo=UTC),
    )


def test_read_as_if_published_reads_in_the_reports_language():
    found = read_as_published_on("mar 2021", date(2022, 9, 11), UNKNOWN_PUBLICATION, "en")
    assert (found.granularity, found.earliest) == ("month", datetime(2021, 3, 1, tzinfo=UTC))


def test_read_as_if_published_is_only_for_an_unknown_publication():
    assert read_as_published_on("jeudi", date(2022, 9, 11), PUBLISHED, "fr") is None


# -- dateparser: what the tagger leaves (a language it has no words for, numeric forms) ------------------------


@pytest.mark.parametrize(
    ("expression", "language", "earliest", "latest", "granularity"),
    [
        ("le 2021-10-03", "fr", kyiv(2021, 10, 3), kyiv(2021, 10, 4), "day"),  # midnight in the report's zone
        ("2021-10", "fr", kyiv(2021, 10, 1), kyiv(2021, 11, 1), "month"),
        ("2021-02", "fr", kyiv(2021, 2, 1), kyiv(2021, 3, 1), "month"),  # a month's own length
        ("mar 2021", "en", kyiv(2021, 3, 1), kyiv(2021, 4, 1), "month"),  # in the report's language
        ("en 2021 environ", "fr", kyiv(2021, 1, 1), kyiv(2022, 1, 1), "year"),
        # German: yesterday of either publication day (Saturday or Sunday)
        ("gestern", "de", kyiv(2022, 9, 9), kyiv(2022, 9, 11), "day"),
        # two weeks before the week of either day (both in the week of Monday 5 Sep): from a Monday
        ("vor zwei Wochen", "de", kyiv(2022, 8, 22), kyiv(2022, 8, 29), "week"),
    ],
)
def test_dateparser_periods_are_whole_days_weeks_months_years(expression, language, earliest, latest, granularity):
    found = normalise(expression, PUBLISHED, language)
    assert found.rule == "dateparser"
    assert (found.earliest, found.latest, found.granularity) == (earliest, latest, granularity)
    assert found.start == found.end == Window("origin", to_minutes(earliest), to_minutes(latest))


def test_dateparser_reads_an_hour_ago_against_the_publication():
    found = normalise("il y a une heure", PUBLISHED, "fr")
    assert (found.rule, found.granularity) == ("dateparser", "hour")
    assert found.start == found.end == Window("publication", -90, -30)


def test_dateparser_reads_on_every_day_of_the_publication_in_its_own_zone():
    """Published between 01:00 on Sunday and 01:00 on Monday, Kyiv time (Saturday 22:00 to Sunday 22:00 UTC):
    "gestern" is Saturday or Sunday."""
    published = Publication(kyiv(2022, 9, 11, 1), kyiv(2022, 9, 11, 12), kyiv(2022, 9, 12, 1), "test")
    assert hull("gestern", "de", published) == (kyiv(2022, 9, 10), kyiv(2022, 9, 12), "day")


def test_over_a_long_publication_range_dateparser_reads_its_first_and_last_days():
    published = Publication(kyiv(2022, 9, 1, 20), kyiv(2022, 9, 5, 12), kyiv(2022, 9, 11, 23, 59), "test")
    assert hull("gestern", "de", published) == (kyiv(2022, 8, 31), kyiv(2022, 9, 11), "day")


def test_dateparser_is_not_given_long_text():
    words = "le 2021-10-03 " + "et " * 40
    assert len(words.strip()) > 120
    assert normalise(words, PUBLISHED, "fr") is None


def test_with_the_publication_unknown_words_are_read_in_the_reports_language():
    """ "tonight" is English: the night of the unknown publication's day, 22:00 to 06:00."""
    found = normalise("tonight", UNKNOWN_PUBLICATION, "en")
    on = datetime(2000, 1, 1, tzinfo=PUBLICATION_ZONE)
    night = Window("origin", to_minutes(on + timedelta(hours=22)), to_minutes(on + timedelta(hours=30)))
    assert (found.start, found.granularity) == (night, "part-of-day")


def test_a_date_dateparser_reads_in_a_named_zone_is_that_zones_day():
    assert hull("le 2021-10-03 UTC") == (kyiv(2021, 10, 3, 3), kyiv(2021, 10, 4, 3), "day")


def test_a_day_dateparser_reads_begins_at_midnight_whatever_the_publications_estimate():
    published = Publication(kyiv(2022, 9, 10, 20), kyiv(2022, 9, 11, 12, 34, 56), kyiv(2022, 9, 11, 23, 59), "test")
    assert hull("gestern", "de", published) == (kyiv(2022, 9, 9), kyiv(2022, 9, 11), "day")


@pytest.mark.parametrize("expression", ["depuis l’été dernier", "depuis l'été dernier"])
def test_since_reads_its_start_whichever_apostrophe_is_typed(expression):
    found = normalise(expression, PUBLISHED, "fr")
    assert (found.rule, found.granularity) == ("since", "season")
    assert found.end == Window("publication", 0, 0)
    assert found.earliest == kyiv(2022, 6, 21)
