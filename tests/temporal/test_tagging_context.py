"""What a time expression is read against (``tui.temporal.tagging.context``), rule by rule, asked of a reading
context directly: the tense of the verb nearest an expression, whether a future verb just before it announces it,
and which occurrence of a yearly day that makes it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.lexicon import fold


def context(text: str, dct: date = date(2022, 5, 27), language: str = "fr") -> Context:
    return Context(text, fold(text), dct, language)


def tense_of(text: str, expression: str, language: str = "fr") -> str:
    start = text.index(expression)
    return context(text, language=language).tense(start, start + len(expression))


def announced(text: str, expression: str = "le 30 juin") -> bool:
    return context(text).announced(text.index(expression))


# -- tense ----------------------------------------------------------------------------------------


def test_by_a_day_is_a_limit_ahead_though_no_verb_says_so():
    """ "By June 30" in a verbless line: the future, where no verb would leave it the present."""
    assert tense_of("Deadline: by June 30.", "June 30", "en") == "future"
    assert tense_of("Deadline: June 30.", "June 30", "en") == "present"


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        pytest.param("Le comité a décidé que le 30 juin sera férié.", "future", id="the future just after"),
        pytest.param("Le comité sera réuni et le 30 juin a été retenu.", "past", id="the past just after"),
        pytest.param("Le comité a décidé hier que le 30 juin, enfin, sera férié.", "past", id="the past just before"),
        pytest.param("Il viendra le 30 juin, a-t-il dit au comité hier soir.", "future", id="the future just before"),
    ],
)
def test_the_verb_nearest_the_expression_says_its_tense_on_either_side(text, tense):
    """Each reading after a first sentence, so that the sentence does not start the text."""
    assert tense_of("Rien de neuf. " + text, "le 30 juin") == tense


def test_at_equal_distance_the_future_verb_wins():
    assert tense_of("Rien. On sera le 30 juin hier.", "le 30 juin") == "future"


def test_a_word_with_a_futures_ending_that_is_no_future_does_not_hide_the_verb_after_it():
    """ "Portrait" ends as a conditional would ("partirait") and is not one; "sera" after it is."""
    assert tense_of("Le 30 juin, un portrait.", "Le 30 juin") == "present"
    assert tense_of("Le 30 juin, le portrait sera exposé.", "Le 30 juin") == "future"


# -- announced ------------------------------------------------------------------------------------


def test_a_future_verb_of_the_sentence_before_announces_nothing():
    assert not announced("Il sera là. Rendez-vous le 30 juin.")
    assert announced("Il sera là le 30 juin.")


def test_an_announcement_is_read_after_the_last_mark_of_the_clause():
    """The clause runs from the last "(", ")", ":" or ";" before the expression: "il viendra" lies before it."""
    assert not announced("Note (1) : il viendra (2) le 30 juin.")
    assert announced("Note (1) : (2) il viendra le 30 juin.")


def test_a_word_with_a_futures_ending_that_is_no_future_announces_nothing():
    assert not announced("Rendez-vous devant le portrait le 30 juin.")


def test_a_word_with_a_futures_ending_that_is_no_future_does_not_hide_the_future_after_it():
    assert announced("Le portrait sera exposé le 30 juin.")


# -- nearest ----------------------------------------------------------------------------------------


def yearly(month: int, day: int):
    return lambda year: date(year, month, day)


@pytest.mark.parametrize(
    ("dct", "found"),
    [
        pytest.param(date(1, 1, 10), date(1, 1, 1), id="year 1, the calendar's first"),
        pytest.param(date(2, 1, 10), date(2, 1, 1), id="year 2, year 1 still on the calendar"),
        pytest.param(date(9999, 12, 20), date(9999, 12, 25), id="year 9999, the calendar's last"),
    ],
)
def test_the_nearest_occurrence_at_the_calendars_ends(dct, found):
    on = yearly(found.month, found.day)
    assert context("", dct).nearest(on, "present") == found


def test_at_the_calendars_start_the_first_years_occurrence_is_taken_when_nearest():
    """From 2 January of year 2, 1 January of year 2 is nearest; of year 1, 31 December is."""
    assert context("", date(2, 1, 2)).nearest(yearly(12, 31), "present") == date(1, 12, 31)


def test_a_future_verb_takes_the_next_occurrence_up_to_300_days_ahead():
    """From 1 January, a future verb makes 28 October (300 days ahead) the next one; 29 October (301) stays the
    last, nearer."""
    here = date(2022, 1, 1)
    assert context("", here).nearest(yearly(10, 28), "future") == here + timedelta(days=300)
    assert context("", here).nearest(yearly(10, 29), "future") == date(2021, 10, 29)


def test_a_future_verb_does_not_reach_a_year_ahead_unless_it_announces():
    """In late May, "le 1er mai" with a future verb somewhere is the last 1 May (the next is 339 days off); a
    future verb just before it announces the next one."""
    here = date(2022, 5, 27)
    assert context("", here).nearest(yearly(5, 1), "future") == date(2022, 5, 1)
    text = "Il viendra le 1er mai."
    assert context(text, here).nearest(yearly(5, 1), "future", text.index("le 1er")) == date(2023, 5, 1)


def test_a_past_verb_takes_the_last_occurrence_up_to_300_days_back():
    here = date(2022, 10, 28)
    assert context("", here).nearest(yearly(1, 1), "past") == here - timedelta(days=300)
    assert context("", here + timedelta(days=1)).nearest(yearly(1, 1), "past") == date(2023, 1, 1)


def test_an_announcement_in_parentheses_is_read_from_its_first_word():
    assert announced("Le sommet (doit partir le 30 juin) aura lieu.")
