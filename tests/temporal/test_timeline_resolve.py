"""What building the certain network (``tui.temporal.timeline._resolve``) decides, one rule at a time, each on a
report of a few sentences built by hand: the publication's window (widened when its zone is unknown), the
relations the drafter only guessed left out, the "made / begun by publication" assumptions and their strength
in a contradiction, the words the steps say for them, and the display order by the middle of each start's range.

Published on Sunday 11 September 2022 between 08:00 and 20:00 (Kyiv time), 12:00 at the estimate."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.temporal import Timeline
from tui.temporal import timeline as timeline_module
from tui.temporal.expressions import to_minutes

from .reports import EARLIEST, ESTIMATE, LATEST, event, timeline_of


def at(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def order(timeline: Timeline) -> list[str]:
    return [row.id for row in timeline.events]


def dropped(timeline: Timeline) -> list[str]:
    """What each contradiction set aside, as the table's note says it."""
    return [conflict.dropped.evidence.describe() for conflict in timeline.conflicts]


# -- the publication's window --------------------------------------------------------------------------------


def test_with_its_zone_unknown_the_publication_is_widened_by_each_sides_own_amount():
    """Read at UTC+3, a day with no zone is up to 11 h earlier (UTC+14) and 15 h later (UTC−12): the
    publication, and what is bounded by it, is widened by 11 h before its earliest and 15 h after its latest."""
    timeline = timeline_of(
        None,
        event("now", "Il est actuellement là.", kind="state", time="actuellement", tense=("present", "est")),
        event("gone", "Il est parti.", tense=("compound-past", "est parti")),
        published={"earliest": EARLIEST, "estimate": ESTIMATE, "latest": LATEST, "basis": "test", "zone": "unknown"},
    )
    solution = timeline.context.solution
    assert solution.lower(1) == to_minutes(at(EARLIEST)) - 11 * 60
    assert solution.upper(1) == to_minutes(at(LATEST)) + 15 * 60
    # what holds "now" goes on to the publication's earliest; what is told as done began by its latest
    assert timeline["now"].end.earliest == at("2022-09-10T21:00:00+03:00")
    assert timeline["gone"].latest == at("2022-09-12T11:00:00+03:00")
    assert timeline["gone"].certain.notes == ("reported by publication, Mon 12 Sep 11:00 at the latest",)


def test_with_its_zone_given_the_publication_is_its_annotated_range():
    timeline = timeline_of(None, event("gone", "Il est parti.", tense=("compound-past", "est parti")))
    solution = timeline.context.solution
    assert (solution.lower(1), solution.upper(1)) == (to_minutes(at(EARLIEST)), to_minutes(at(LATEST)))
    assert timeline["gone"].latest == at(LATEST)


# -- relations the drafter only guessed ------------------------------------------------------------------------


def test_a_guessed_relation_is_left_out_of_the_certain_layer_and_the_stated_one_after_it_is_kept():
    timeline = timeline_of(
        None,
        event("thursday", "Il est venu jeudi.", time="jeudi", tense=("compound-past", "est venu")),
        event("saturday", "Il est reparti samedi.", time="samedi", tense=("compound-past", "est reparti")),
        event(
            "ate",
            "Avant, et ensuite, il a mangé.",
            tense=("compound-past", "a mangé"),
            guessed_relations=(("before", "saturday", "Avant"),),
            relations=(("after", "thursday", "ensuite"),),
        ),
    )
    ate = timeline["ate"]
    # after Thursday (stated), by the publication; not "before Saturday" (only guessed)
    assert (ate.certain.earliest, ate.certain.latest) == (at("2022-09-08T00:00:00+03:00"), at(LATEST))
    assert ate.certain.label == "8 Sep – 11 Sep 20:00"
    assert "‘ensuite’" in ate.certain.explanation and "Avant" not in ate.certain.explanation
    assert timeline.conflicts == ()


# -- which relation a contradiction set aside ------------------------------------------------------------------


def test_above_the_exact_limit_a_relation_set_aside_in_a_contradiction_orders_nothing(monkeypatch):
    """Above ``EXACT_COVER_LIMIT`` events, what comes next is what the relations state, less those set aside:
    "before Thursday" of a Saturday event yields to the days, and is no order."""
    monkeypatch.setattr(timeline_module, "EXACT_COVER_LIMIT", 1)
    timeline = timeline_of(
        None,
        event(
            "saturday",
            "Avant cela, il est parti samedi.",
            time="samedi",
            tense=("compound-past", "est parti"),
            relations=(("before", "thursday", "Avant cela"),),
        ),
        event("thursday", "Il est venu jeudi.", time="jeudi", tense=("compound-past", "est venu")),
    )
    assert dropped(timeline) == ["‘Avant cela’"]
    assert timeline.certainly_next("saturday") == ()
    assert timeline.certainly_next("thursday") == ()


# -- the assumptions, and how firmly each holds in a contradiction ---------------------------------------------


def test_a_statement_made_within_the_hour_holds_against_an_action_reported_by_publication():
    """The statement to come lasts an hour at most; what happens during it includes an action told as
    ongoing (so begun by the publication: an assumption) and one tomorrow (its words). They cannot all hold:
    the weakest, "reported by publication" (not "within an hour"), is set aside."""
    timeline = timeline_of(
        None,
        event("speech", "Il annoncera.", kind="statement", tense=("future", "annoncera")),
        event(
            "waiting",
            "Pendant ce temps, on attend.",
            tense=("present", "attend"),
            relations=(("during", "speech", "Pendant ce temps"),),
        ),
        event(
            "leaving",
            "Durant cela, il partira demain.",
            time="demain",
            tense=("future", "partira"),
            relations=(("during", "speech", "Durant cela"),),
        ),
    )
    assert dropped(timeline) == ["reported by publication"]
    waiting = timeline["waiting"]
    # within the hour before tomorrow's start, and unbounded by the publication
    assert waiting.certain.earliest == at("2022-09-11T23:00:00+03:00")
    assert waiting.certain.label == "11 Sep 23:00 – 13 Sep 01:00"


CONTRADICTED = {  # an event told in a tense, with "demain": what the contradiction sets aside
    ("statement", "compound-past"): ["‘demain’", "‘demain’"],  # the tense is firmer than the time, on both ends
    ("statement", "present"): ["made by publication"],
    ("action", "compound-past"): ["‘demain’"],
    ("action", "present"): ["reported by publication"],
}


@pytest.mark.parametrize(("kind", "form"), list(CONTRADICTED))
def test_a_past_tense_holds_against_a_time_read_after_the_publication_and_the_present_yields(kind, form):
    verb = "a dit" if form == "compound-past" else "dit"
    timeline = timeline_of(None, event("told", f"Il {verb} demain.", kind=kind, time="demain", tense=(form, verb)))
    assert dropped(timeline) == CONTRADICTED[kind, form]
    told = timeline["told"]
    if form == "present":
        assert told.certain.label == "Mon 12 Sep"
    else:  # by the publication's latest, whatever "demain" says
        assert told.start.latest == at(LATEST)


def test_an_event_to_come_leaves_the_events_after_it_reported_by_publication():
    timeline = timeline_of(
        None,
        event("coming", "Il partira.", tense=("future", "partira")),
        event("gone", "Il est venu.", tense=("compound-past", "est venu")),
        event("going", "Il part.", tense=("present", "part")),
    )
    assert timeline["coming"].latest is None  # not begun by publication: nothing bounds it
    assert timeline["gone"].latest == at(LATEST)
    assert timeline["gone"].certain.notes == ("reported by publication, Sun 11 Sep 20:00 at the latest",)
    assert timeline["going"].latest == at(LATEST)


# -- what the steps say of the publication's bound -------------------------------------------------------------


SAID = {  # what the step that bounds the event by the publication says, by kind and tense
    ("statement", "compound-past"): "made by publication, as its past tense says",
    ("statement", "present"): "made by publication",
    ("action", "compound-past"): "begun by publication, as its past tense says",
    ("action", "present"): "reported by publication",
}


@pytest.mark.parametrize(("kind", "form"), list(SAID))
def test_the_step_from_the_publication_says_what_the_tense_entails(kind, form):
    """An event after Thursday's, with no time of its own: its latest is the publication's, and the last step
    of that chain says why (a statement's end is made by then, an action's start begun)."""
    verb = "a dit" if form == "compound-past" else "dit"
    timeline = timeline_of(
        None,
        event("thursday", "Il est venu jeudi.", time="jeudi", tense=("compound-past", "est venu")),
        event(
            "told", f"Ensuite il {verb}.", kind=kind, tense=(form, verb), relations=(("after", "thursday", "Ensuite"),)
        ),
    )
    told = timeline["told"]
    assert told.certain.latest == at(LATEST)
    latest = [(step.event, step.point, step.bound, step.reason) for step in told.certain_steps if step.side == "latest"]
    assert latest == [
        (None, "publication", at(LATEST), "the publication range"),
        ("told", "end" if kind == "statement" else "start", at(LATEST), SAID[kind, form]),
    ]


# -- display order: by the middle of each start's range, in the likely layer, then in the certain one -----------


def test_the_order_is_by_the_middle_of_the_likely_start_not_its_earliest():
    """Saturday at 7 is before the middle of Saturday, though Saturday starts earlier."""
    timeline = timeline_of(
        None,
        event("saturday", "Il est parti samedi.", time="samedi", tense=("compound-past", "est parti")),
        event("seven", "Il est revenu samedi à 7 h.", time="samedi à 7 h", tense=("compound-past", "est revenu")),
    )
    assert order(timeline) == ["seven", "saturday"]


def test_the_order_is_by_the_middle_of_the_likely_start_not_its_latest():
    """This week, up to Sunday noon, is mostly before Saturday at 7, though it ends after it."""
    timeline = timeline_of(
        None,
        event("seven", "Il est revenu samedi à 7 h.", time="samedi à 7 h", tense=("compound-past", "est revenu")),
        event("week", "Il est parti cette semaine.", time="cette semaine", tense=("compound-past", "est parti")),
    )
    assert timeline["week"].likely.label == "5–11 Sep"
    assert order(timeline) == ["week", "seven"]


def test_an_event_with_no_earliest_comes_first_even_if_it_has_no_latest():
    """With no defaults (the likely layer is the certain one), an event to come with no time is open on both
    sides: it is put first, as any event with no earliest is, not last."""
    timeline = timeline_of(
        None,
        event("tomorrow", "Il partira demain.", time="demain", tense=("future", "partira")),
        event("someday", "Il viendra.", tense=("future", "viendra")),
        defaults=False,
    )
    assert timeline["someday"].likely_bounds == (None, None)
    assert order(timeline) == ["someday", "tomorrow"]


def test_where_the_likely_starts_are_alike_an_event_open_in_the_certain_layer_comes_first():
    """Both to come tomorrow; the drafter only guessed the second's "demain", which leaves it open on both sides
    in the certain layer: it comes first."""
    timeline = timeline_of(
        None,
        event("stated", "Il partira demain.", time="demain", tense=("future", "partira")),
        event("guessed", "Il viendra demain.", time="demain", tense=("future", "viendra"), time_guessed=True),
    )
    stated, guessed = timeline["stated"], timeline["guessed"]
    assert stated.likely_start == guessed.likely_start
    assert (guessed.start.earliest, guessed.start.latest) == (None, None)
    assert order(timeline) == ["guessed", "stated"]


def test_where_the_likely_starts_are_alike_the_middle_of_the_certain_start_orders_them():
    """Three events likely on Saturday (the drafter guessed two of their "samedi"). Certainly, one starts
    after Thursday's event (from Thursday to the publication: its middle is Saturday 10:00), one on Saturday
    (12:00), one after that (from Saturday to the publication: Sunday 10:00). That is their order, neither the
    order of their earliest starts nor of their latest."""
    timeline = timeline_of(
        None,
        event("thursday", "Il est venu jeudi.", time="jeudi", tense=("compound-past", "est venu")),
        event(
            "after-thursday",
            "Ensuite il a mangé samedi.",
            time="samedi",
            time_guessed=True,
            tense=("compound-past", "a mangé"),
            relations=(("after", "thursday", "Ensuite"),),
        ),
        event(
            "after-saturday",
            "Puis il a bu samedi.",
            time="samedi",
            time_guessed=True,
            tense=("compound-past", "a bu"),
            relations=(("after", "saturday", "Puis"),),
        ),
        event("saturday", "Il est parti samedi.", time="samedi", tense=("compound-past", "est parti")),
    )
    likely = {row.id: row.likely_start for row in timeline.events if row.id != "thursday"}
    assert len(set(likely.values())) == 1
    assert [timeline[name].certain.label for name in ("after-thursday", "saturday", "after-saturday")] == [
        "8 Sep – 11 Sep 20:00",
        "Sat 10 Sep",
        "10 Sep – 11 Sep 20:00",
    ]
    assert order(timeline) == ["thursday", "after-thursday", "saturday", "after-saturday"]
