"""What each constraint a report's words put on the time network (tui/temporal/constraints.py) does to the
bounds a reader sees, one rule a test: a relation's type ("during", "same"), a time expression read from the
publication or from the moment it was said, a window open on one side, a day given without its zone — so that
a broken rule names itself."""

from __future__ import annotations

from datetime import datetime

from tui.temporal.constraints import EARLIEST_OFFSET, LATEST_OFFSET

from .test_defaults_each import DAY, ESTIMATE, HOUR, LATEST, SATURDAY, SUNDAY, event, minutes, timeline_of

PUBLISHED_EARLIEST = minutes(datetime.fromisoformat("2022-09-11T08:00:00+03:00"))
PUBLISHED_LATEST = minutes(datetime.fromisoformat(LATEST))
ENTERED = "Ils sont entrés samedi."


def test_a_during_relation_puts_the_event_within_its_target_from_its_very_start():
    text = f"Titre\n\n{ENTERED} Ils ont tiré pendant ce temps."
    timeline = timeline_of(
        text,
        event("entered", ENTERED, time="samedi"),
        event("fired", "Ils ont tiré pendant ce temps.", relations=(("during", "entered", "pendant ce temps"),)),
    )
    fired = timeline["fired"]
    # Within Saturday: it may begin as the entry begins (not a minute after), and ends by the entry's end.
    assert (minutes(fired.start.earliest), minutes(fired.end.latest)) == (SATURDAY, SUNDAY)
    assert fired.certain.explanation.startswith("Sat 10 Sep ← ‘samedi’, ‘pendant ce temps’")


def test_a_during_relation_bounds_its_target_by_the_event_inside_it():
    text = f"Titre\n\nIls ont occupé la ville. {ENTERED}"
    timeline = timeline_of(
        text,
        event("held", "Ils ont occupé la ville.", kind="state"),
        event("entered", ENTERED, time="samedi", relations=(("during", "held", "sont entrés"),)),
    )
    held = timeline["held"]
    # It had begun by the entry's latest start, and not ended before the entry's earliest end; no more.
    assert (held.start.earliest, minutes(held.start.latest)) == (None, SUNDAY)
    assert (minutes(held.end.earliest), held.end.latest) == (SATURDAY, None)


def test_a_same_relation_gives_the_happening_told_twice_the_same_start_and_end():
    text = f"Titre\n\n{ENTERED} Ils ont franchi la frontière."
    timeline = timeline_of(
        text,
        event("entered", ENTERED, time="samedi"),
        event("crossed", "Ils ont franchi la frontière.", relations=(("same", "entered", "franchi"),)),
    )
    crossed = timeline["crossed"]
    # Exactly the entry's bounds, on both points: not a minute later, and the end bounded as the start is.
    assert (minutes(crossed.start.earliest), minutes(crossed.start.latest)) == (SATURDAY, SUNDAY)
    assert (minutes(crossed.end.earliest), minutes(crossed.end.latest)) == (SATURDAY, SUNDAY)


def test_a_same_relation_gives_its_target_the_bounds_of_the_event_told_with_a_time():
    text = f"Titre\n\nIls ont franchi la frontière. {ENTERED}"
    timeline = timeline_of(
        text,
        event("crossed", "Ils ont franchi la frontière."),
        event("entered", ENTERED, time="samedi", relations=(("same", "crossed", "sont entrés"),)),
    )
    crossed = timeline["crossed"]
    assert (minutes(crossed.start.earliest), minutes(crossed.start.latest)) == (SATURDAY, SUNDAY)
    assert (minutes(crossed.end.earliest), minutes(crossed.end.latest)) == (SATURDAY, SUNDAY)


THERE = "Ils sont là depuis samedi."
SAID = "Il a dit qu'ils étaient arrivés il y a deux heures."


def test_a_time_in_reported_speech_is_read_from_the_start_of_the_event_it_was_said_in():
    # "il y a deux heures" said at the start of "there" (some time on Saturday), not at the publication, nor
    # at the end of "there" (the publication: it lasts until then).
    text = f"Titre\n\n{THERE} {SAID}"
    timeline = timeline_of(
        text,
        event("there", THERE, kind="state", time="depuis samedi"),
        event("arrived", SAID, time="il y a deux heures", time_anchor="there"),
    )
    arrived = timeline["arrived"]
    assert (minutes(arrived.start.earliest), minutes(arrived.start.latest)) == (SATURDAY - 150, SUNDAY - 90)


def test_a_relative_time_without_an_anchor_is_read_from_the_publication():
    text = f"Titre\n\n{THERE} {SAID}"
    timeline = timeline_of(
        text,
        event("there", THERE, kind="state", time="depuis samedi"),
        event("arrived", SAID, time="il y a deux heures"),
    )
    arrived = timeline["arrived"]
    bounds = minutes(arrived.start.earliest), minutes(arrived.start.latest)
    assert bounds == (PUBLISHED_EARLIEST - 150, PUBLISHED_LATEST - 90)


def test_a_window_open_before_still_bounds_the_event_after():
    # "depuis plus de trois jours": begun three days or more before the publication, however long before.
    text = "Titre\n\nIls sont là depuis plus de trois jours."
    there = timeline_of(text, event("there", text[7:], kind="state", time="depuis plus de trois jours"))["there"]
    assert (there.start.earliest, minutes(there.start.latest)) == (None, PUBLISHED_LATEST - 3 * DAY)
    assert "‘depuis plus de trois jours’" in there.certain.explanation


def test_a_window_open_after_still_bounds_the_event_before():
    # "bientôt": from the publication on, however long after.
    text = "Titre\n\nIls reviendront bientôt."
    back = timeline_of(text, event("back", text[7:], time="bientôt"))["back"]
    assert minutes(back.start.earliest) == PUBLISHED_EARLIEST
    assert "‘bientôt’" in back.certain.explanation


def test_a_window_open_on_both_sides_of_nothing_is_still_read_before_the_publication():
    # "jadis": at some time before the publication: the end too, which nothing else bounds.
    text = "Titre\n\nIls ont vécu ici jadis."
    lived = timeline_of(text, event("lived", text[7:], time="jadis"))["lived"]
    assert minutes(lived.end.latest) == PUBLISHED_LATEST


def test_a_day_without_its_zone_is_widened_to_every_zone_in_use_from_the_estimates():
    # The estimate is at UTC+3: Saturday began at most 11 h earlier (at UTC+14) and ended at most 15 h later
    # (at UTC−12) than Saturday at UTC+3.
    published = {"earliest": "2022-09-11T00:00:00+03:00", "estimate": ESTIMATE, "latest": "2022-09-11T23:59:00+03:00",
                 "basis": "test", "zone": "unknown"}  # fmt: skip
    text = f"Titre\n\n{ENTERED}"
    entered = timeline_of(text, event("entered", ENTERED, time="samedi"), published=published)["entered"]
    assumed = 3 * HOUR
    assert (LATEST_OFFSET - assumed, assumed - EARLIEST_OFFSET) == (11 * HOUR, 15 * HOUR)
    assert minutes(entered.start.earliest) == SATURDAY - 11 * HOUR
    assert minutes(entered.end.latest) == SUNDAY + 15 * HOUR
