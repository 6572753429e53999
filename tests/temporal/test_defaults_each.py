"""Each news-reading default on its own: the window it adds and what triggers it (and what does not).

Every test builds a report of a few sentences by hand and reads the constraints the likely layer added under
one default's name, as (from, to, lo, hi) in minutes between named points ("origin", "publication",
"<event>.start", "<event>.end"), so a broken rule fails the test named after it — not a whole-screen snapshot.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from tui.temporal import Timeline
from tui.temporal.defaults import _MIDNIGHTS, DEFAULTS, _in_sequence, _midnights, _same_narration
from tui.temporal.expressions import to_minutes
from tui.temporal.network import INF

from .reports import EARLIEST, ESTIMATE, LATEST, event, timeline_of

HOUR, DAY = 60, 24 * 60
SATURDAY = to_minutes(datetime.fromisoformat("2022-09-10T00:00:00+03:00"))  # "samedi": Sat 10 Sep, Kyiv time
SUNDAY = SATURDAY + DAY


def added(timeline: Timeline, name: str) -> list[tuple[str, str, float, float]]:
    """The constraints the likely layer added under the default ``name``, between named points."""
    names = {0: "origin", 1: "publication"}
    for row in timeline.events:
        start, end = row._points
        names[start], names[end] = f"{row.id}.start", f"{row.id}.end"
    network = timeline.events[0]._context.likely.solution.network
    return [
        (names[c.source], names[c.target], c.lo, c.hi)
        for c in network.constraints
        if c.evidence.kind == "default" and c.evidence.text == name
    ]


def minutes(moment: datetime | None) -> float:
    assert moment is not None
    return to_minutes(moment)


PUBLISHED_AT = to_minutes(datetime.fromisoformat(ESTIMATE))


# -- publication-estimate ----------------------------------------------------------------------------------


def test_publication_estimate_puts_the_publication_at_its_estimate():
    timeline = timeline_of(
        "Titre\n\nIl disait.", event("said", "Il disait.", kind="statement", tense=("imperfect", "disait"))
    )
    assert added(timeline, "publication-estimate") == [("origin", "publication", PUBLISHED_AT, PUBLISHED_AT)]
    said = timeline["said"]
    # Said by the publication: certainly by its latest, likely by its estimate.
    assert minutes(said.start.latest) == to_minutes(datetime.fromisoformat(LATEST))
    assert minutes(said.likely_start.latest) == PUBLISHED_AT


# -- news-cycle --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["present", "compound-past", "verbless"])
def test_news_cycle_puts_an_event_told_in_a_news_tense_within_the_day_before_publication(form):
    timeline = timeline_of(
        "Titre\n\nL'armée progresse.", event("front", "L'armée progresse.", kind="state", tense=(form, "progresse"))
    )
    assert added(timeline, "news-cycle") == [
        ("publication", "front.start", -DAY, 0),
        ("publication", "front.end", -DAY, 0),
    ]
    front = timeline["front"]
    assert minutes(front.likely_start.earliest) == PUBLISHED_AT - DAY
    assert minutes(front.likely_end.latest) == PUBLISHED_AT
    assert "news-cycle" in front.defaults


@pytest.mark.parametrize("form", ["imperfect", "pluperfect", "future", "conditional", "simple-past"])
def test_news_cycle_leaves_other_tenses_open(form):
    timeline = timeline_of(
        "Titre\n\nL'armée progresse.", event("front", "L'armée progresse.", kind="state", tense=(form, "progresse"))
    )
    assert added(timeline, "news-cycle") == []


def test_news_cycle_dates_an_event_that_holds_only_now_but_not_one_the_words_place():
    text = "Titre\n\nL'armée progresse actuellement. La ville tombe samedi."
    timeline = timeline_of(
        text,
        event(
            "now", "L'armée progresse actuellement.", kind="state", time="actuellement", tense=("present", "progresse")
        ),
        event("fell", "La ville tombe samedi.", time="samedi", tense=("present", "tombe")),
    )
    assert [c[1] for c in added(timeline, "news-cycle")] == ["now.start", "now.end"]


def test_news_cycle_leaves_an_event_another_default_bounds_on_both_sides():
    # "Il a parlé samedi. Puis l'armée a progressé.": temporal focus puts the second in the first.
    text = "Titre\n\nIl a parlé samedi. L'armée a progressé."
    timeline = timeline_of(
        text,
        event("spoke", "Il a parlé samedi.", kind="statement", time="samedi", tense=("compound-past", "a parlé")),
        event("moved", "L'armée a progressé.", tense=("compound-past", "a progressé")),
    )
    assert added(timeline, "news-cycle") == []
    assert "temporal-focus" in timeline["moved"].defaults


# -- one-episode -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["compound-past", "pluperfect", "simple-past"])
def test_one_episode_makes_an_action_told_in_a_perfective_tense_last_at_most_a_day(form):
    timeline = timeline_of(
        "Titre\n\nIls avaient repris la ville.",
        event("took", "Ils avaient repris la ville.", tense=(form, "avaient repris")),
    )
    assert added(timeline, "one-episode") == [("took.start", "took.end", 0, DAY)]


@pytest.mark.parametrize("form", ["present", "imperfect", "future", "conditional", "verbless"])
def test_one_episode_leaves_an_action_in_another_tense(form):
    timeline = timeline_of(
        "Titre\n\nIls reprenaient la ville.", event("took", "Ils reprenaient la ville.", tense=(form, "reprenaient"))
    )
    assert added(timeline, "one-episode") == []


@pytest.mark.parametrize("kind", ["state", "statement"])
def test_one_episode_is_for_actions_only(kind):
    timeline = timeline_of(
        "Titre\n\nIls avaient repris la ville.",
        event("took", "Ils avaient repris la ville.", kind=kind, tense=("pluperfect", "avaient repris")),
    )
    assert added(timeline, "one-episode") == []


def test_one_episode_leaves_an_action_with_a_time_of_its_own():
    text = "Titre\n\nIls avaient repris la ville samedi."
    timeline = timeline_of(text, event("took", text[7:], time="samedi", tense=("pluperfect", "avaient repris")))
    assert added(timeline, "one-episode") == []


def test_one_episode_bounds_an_open_ended_action_a_day_after_it_began():
    timeline = timeline_of(
        "Titre\n\nIls avaient repris la ville.",
        event("took", "Ils avaient repris la ville.", tense=("pluperfect", "avaient repris")),
    )
    took = timeline["took"]
    assert took.end.latest is None  # the words leave its end open
    assert minutes(took.likely_end.latest) == minutes(took.likely_start.latest) + DAY
    assert "one-episode" in took.defaults


# -- recent-past -------------------------------------------------------------------------------------------

ANNOUNCED = "Titre\n\nIls ont annoncé qu'ils avaient repris la ville."


def test_recent_past_puts_an_action_a_statement_reports_as_done_within_the_day_before_it():
    timeline = timeline_of(
        ANNOUNCED,
        event("said", ANNOUNCED[7:], kind="statement", tense=("compound-past", "ont annoncé")),
        event("took", ANNOUNCED[7:], relations=(("before", "said", "avaient repris"),)),
    )
    assert added(timeline, "recent-past") == [("took.end", "said.start", 0, DAY), ("took.start", "said.start", 0, DAY)]
    took, said = timeline["took"], timeline["said"]
    assert minutes(took.likely_start.earliest) == minutes(said.likely_start.earliest) - DAY
    assert "recent-past" in took.defaults


def test_recent_past_also_reads_the_statement_told_after_its_action():
    timeline = timeline_of(
        ANNOUNCED,
        event(
            "said",
            ANNOUNCED[7:],
            kind="statement",
            tense=("compound-past", "ont annoncé"),
            relations=(("after", "took", "avaient repris"),),
        ),
        event("took", ANNOUNCED[7:]),
    )
    assert added(timeline, "recent-past") == [("took.end", "said.start", 0, DAY), ("took.start", "said.start", 0, DAY)]


@pytest.mark.parametrize(
    ("kinds", "relation", "time"),
    [
        (("statement", "state"), ("before", "said", "avaient repris"), None),  # a state, not an action
        (("action", "action"), ("before", "said", "avaient repris"), None),  # told by no statement
        (("statement", "action"), ("before", "said", "avaient repris"), "samedi"),  # dated by its own words
        (("statement", "action"), ("before", "said", "deux heures plus tôt"), None),  # a measured gap
        (("statement", "action"), ("during", "said", "avaient repris"), None),  # not an order
        (("statement", "action"), ("after", "said", "avaient repris"), None),  # after the statement
    ],
)
def test_recent_past_needs_an_untimed_action_ordered_before_a_statement(kinds, relation, time):
    text = "Titre\n\nIls ont annoncé samedi qu'ils avaient repris la ville deux heures plus tôt."
    timeline = timeline_of(
        text,
        event("said", text[7:], kind=kinds[0], tense=("compound-past", "ont annoncé")),
        event("took", text[7:], kind=kinds[1], time=time, relations=(relation,)),
    )
    assert added(timeline, "recent-past") == []


# -- attested ----------------------------------------------------------------------------------------------

REGROUPING = "Titre\n\nTASS a rapporté que l'armée se regroupait."


def test_attested_puts_a_state_within_the_statement_that_says_it_holds():
    timeline = timeline_of(
        REGROUPING,
        event("tass", REGROUPING[7:], kind="statement", relations=(("during", "regrouping", "se regroupait"),)),
        event("regrouping", REGROUPING[7:], kind="state", tense=("imperfect", "se regroupait")),
    )
    assert added(timeline, "attested") == [
        ("tass.start", "regrouping.start", 0, INF),
        ("regrouping.end", "tass.end", 0, INF),
    ]
    regrouping, tass = timeline["regrouping"], timeline["tass"]
    assert regrouping.likely_end.latest == tass.likely_end.latest
    assert "attested" in regrouping.defaults


@pytest.mark.parametrize(
    ("state", "statement_relation"),
    [
        (event("regrouping", REGROUPING[7:], kind="state", time="que"), ("during", "regrouping", "se regroupait")),
        (
            event("regrouping", REGROUPING[7:], kind="state", relations=(("same", "other", "TASS"),)),
            ("during", "regrouping", "se regroupait"),
        ),
        (
            event("regrouping", REGROUPING[7:], kind="state", relations=(("during", "other", "TASS"),)),
            ("during", "regrouping", "se regroupait"),
        ),
        (
            event("regrouping", REGROUPING[7:], kind="state", relations=(("after", "other", "Deux heures après"),)),
            ("during", "regrouping", "se regroupait"),
        ),
        (event("regrouping", REGROUPING[7:], kind="state"), ("after", "regrouping", "se regroupait")),
    ],
    ids=["its own time", "an identity", "within another event", "a measured gap", "not a during relation"],
)
def test_attested_leaves_a_state_that_places_itself(state, statement_relation):
    text = REGROUPING + " Deux heures après, rien."
    timeline = timeline_of(
        text,
        event("tass", REGROUPING[7:], kind="statement", relations=(statement_relation,)),
        state,
        event("other", "Deux heures après, rien.", kind="state"),
    )
    assert added(timeline, "attested") == []


# -- temporal-focus ----------------------------------------------------------------------------------------


def test_temporal_focus_puts_an_event_told_with_a_placed_one_within_it():
    text = "Titre\n\nSamedi, l'armée est entrée et a hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", text[7:], time="Samedi", tense=("compound-past", "est entrée")),
        event("flag", text[7:], tense=("compound-past", "a hissé")),
    )
    assert added(timeline, "temporal-focus") == [
        ("entered.start", "flag.start", 0, INF),
        ("flag.end", "entered.end", 0, INF),
    ]
    flag = timeline["flag"]
    assert (minutes(flag.likely_start.earliest), minutes(flag.likely_end.latest)) == (SATURDAY, SUNDAY)


@pytest.mark.parametrize(
    ("second", "form", "kind"),
    [
        (" L'armée a hissé le drapeau.", "compound-past", "action"),  # right after, same tense
        (" L'armée hisse le drapeau.", "present", "action"),  # an action goes on with the narration
        (" L'armée a hissé le drapeau.", "simple-past", "action"),
    ],
)
def test_temporal_focus_reaches_the_next_sentence_of_the_same_paragraph_and_narration(second, form, kind):
    text = "Titre\n\nSamedi, l'armée est entrée." + second
    timeline = timeline_of(
        text,
        event("entered", "Samedi, l'armée est entrée.", time="Samedi", tense=("compound-past", "est entrée")),
        event("flag", second.strip(), kind=kind, tense=(form, second.split()[1])),
    )
    assert added(timeline, "temporal-focus") == [
        ("entered.start", "flag.start", 0, INF),
        ("flag.end", "entered.end", 0, INF),
    ]


@pytest.mark.parametrize(
    ("second", "form", "kind", "break_"),
    [
        ("L'armée a hissé le drapeau.", "compound-past", "action", "\n\n"),  # another paragraph
        ("L'armée tient la ville.", "present", "state", " "),  # a state in the présent: the news of the day
        ("L'armée tenait la ville.", "imperfect", "action", " "),  # another tense
        ("L'armée a hissé le drapeau.", None, "action", " "),  # no tense given
    ],
    ids=["another paragraph", "a state in another tense", "an action in another tense", "no tense"],
)
def test_temporal_focus_stops_at_a_paragraph_or_a_change_of_narration(second, form, kind, break_):
    text = "Titre\n\nSamedi, l'armée est entrée." + break_ + second
    timeline = timeline_of(
        text,
        event("entered", "Samedi, l'armée est entrée.", time="Samedi", tense=("compound-past", "est entrée")),
        event("flag", second, kind=kind, tense=(form, second.split()[1]) if form else None),
    )
    assert added(timeline, "temporal-focus") == []


def test_temporal_focus_follows_a_word_of_sequence_but_not_an_order_that_leaves_the_episode():
    text = "Titre\n\nSamedi, l'armée est entrée. Puis elle a hissé le drapeau."
    kept = timeline_of(
        text,
        event("entered", "Samedi, l'armée est entrée.", time="Samedi", tense=("compound-past", "est entrée")),
        event(
            "flag",
            "Puis elle a hissé le drapeau.",
            tense=("compound-past", "a hissé"),
            relations=(("after", "entered", "Puis"),),
        ),
    )
    assert len(added(kept, "temporal-focus")) == 2
    left = timeline_of(
        text,
        event("entered", "Samedi, l'armée est entrée.", time="Samedi", tense=("compound-past", "est entrée")),
        event(
            "flag",
            "Puis elle a hissé le drapeau.",
            tense=("compound-past", "a hissé"),
            relations=(("before", "entered", "a hissé"),),
        ),
    )
    assert added(left, "temporal-focus") == []


# -- same-day ----------------------------------------------------------------------------------------------

SAME_DAY = "Titre\n\nIls sont entrés samedi. Quelques heures après, ils ont hissé le drapeau."


def test_same_day_puts_an_event_a_cue_of_hours_links_to_a_dated_one_on_its_day():
    timeline = timeline_of(
        SAME_DAY,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("flag", "Quelques heures après, ils ont hissé le drapeau.", tense=("compound-past", "ont hissé"),
              relations=(("after", "entered", "Quelques heures après"),)),
    )  # fmt: skip
    assert added(timeline, "same-day") == [
        ("origin", "flag.start", SATURDAY, INF),
        ("origin", "flag.end", -INF, SUNDAY),
    ]
    flag = timeline["flag"]
    assert minutes(flag.start.latest) > SUNDAY  # certain: up to 12 h after a Saturday event, into Sunday
    assert (minutes(flag.likely_start.earliest), minutes(flag.likely_end.latest)) == (SATURDAY + HOUR, SUNDAY)
    assert "same-day" in flag.defaults


def test_same_day_spreads_from_the_dated_event_along_the_other_ones_cue_too():
    # The dated event's own relation names the undated one: the day spreads the other way along it.
    text = "Titre\n\nIls ont hissé le drapeau. Quelques heures avant, samedi, ils étaient entrés."
    timeline = timeline_of(
        text,
        event("flag", "Ils ont hissé le drapeau.", tense=("compound-past", "ont hissé")),
        event("entered", "Quelques heures avant, samedi, ils étaient entrés.", time="samedi",
              tense=("pluperfect", "étaient entrés"), relations=(("before", "flag", "Quelques heures avant"),)),
    )  # fmt: skip
    assert added(timeline, "same-day") == [
        ("origin", "flag.start", SATURDAY, INF),
        ("origin", "flag.end", -INF, SUNDAY),
    ]


def test_same_day_spreads_to_an_event_told_before_the_dated_one_that_names_it():
    text = "Titre\n\nQuelques heures avant, ils avaient attendu. Ils sont entrés samedi."
    timeline = timeline_of(
        text,
        event("waited", "Quelques heures avant, ils avaient attendu.", tense=("pluperfect", "avaient attendu"),
              relations=(("before", "entered", "Quelques heures avant"),)),
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
    )  # fmt: skip
    assert added(timeline, "same-day") == [
        ("origin", "waited.start", SATURDAY, INF),
        ("origin", "waited.end", -INF, SUNDAY),
    ]


def test_same_day_spreads_along_a_chain_of_cues_of_hours():
    text = "Titre\n\nIls sont entrés samedi. Peu après, ils ont hissé le drapeau. Peu après, ils ont chanté."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("flag", "Peu après, ils ont hissé le drapeau.", tense=("compound-past", "ont hissé"),
              relations=(("after", "entered", "Peu après"),)),
        event("sang", "Peu après, ils ont chanté.", tense=("compound-past", "ont chanté"),
              relations=(("after", "flag", "Peu après"),)),
    )  # fmt: skip
    targets = [c[1] for c in added(timeline, "same-day")]
    assert targets == ["flag.start", "flag.end", "sang.start", "sang.end"]


def test_same_day_spreads_along_the_cues_in_the_reports_order_both_ways():
    """From one dated event, along the cues of the events told before it that name it, then its own, then
    those of the events told after it that name it: the order of the report."""
    text = (
        "Titre\n\nPeu avant, ils avaient attendu. Ils sont entrés samedi, peu après le signal. "
        "Peu après, ils ont hissé le drapeau. Le signal a été donné."
    )
    timeline = timeline_of(
        text,
        event("waited", "Peu avant, ils avaient attendu.", tense=("pluperfect", "avaient attendu"),
              relations=(("before", "entered", "Peu avant"),)),
        event("entered", "Ils sont entrés samedi, peu après le signal.", time="samedi",
              tense=("compound-past", "sont entrés"), relations=(("after", "signal", "peu après"),)),
        event("flag", "Peu après, ils ont hissé le drapeau.", tense=("compound-past", "ont hissé"),
              relations=(("after", "entered", "Peu après"),)),
        event("signal", "Le signal a été donné.", tense=("compound-past", "a été donné")),
    )  # fmt: skip
    targets = [c[1] for c in added(timeline, "same-day")]
    assert targets == ["waited.start", "waited.end", "signal.start", "signal.end", "flag.start", "flag.end"]


@pytest.mark.parametrize("cue", ["Après", "Le lendemain", "Deux jours après", "Aussitôt après"])
def test_same_day_needs_a_cue_of_hours_or_less(cue):
    text = f"Titre\n\nIls sont entrés samedi. {cue}, ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event(
            "flag",
            f"{cue}, ils ont hissé le drapeau.",
            tense=("compound-past", "ont hissé"),
            relations=(("after", "entered", cue),),
        ),
    )
    assert added(timeline, "same-day") == []


def test_same_day_spreads_along_an_identity():
    text = "Titre\n\nIls sont entrés samedi. Peu après, ils ont hissé le drapeau. Le lever du drapeau a été filmé."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("flag", "Peu après, ils ont hissé le drapeau.", tense=("compound-past", "ont hissé"),
              relations=(("after", "entered", "Peu après"),)),
        event("filmed", "Le lever du drapeau a été filmé.", kind="state", relations=(("same", "flag", "Le lever du drapeau"),)),
    )  # fmt: skip
    targets = [c[1] for c in added(timeline, "same-day")]
    assert targets == ["flag.start", "flag.end", "filmed.start", "filmed.end"]


def test_same_day_set_aside_by_the_words_is_noted_once_with_the_words_against_it():
    text = "Titre\n\nIls sont entrés samedi. Quelques heures après, dimanche, ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("flag", "Quelques heures après, dimanche, ils ont hissé le drapeau.", time="dimanche",
              tense=("compound-past", "ont hissé"), relations=(("after", "entered", "Quelques heures après"),)),
    )  # fmt: skip
    assert added(timeline, "same-day") == []
    notes = timeline["flag"]._context.likely.set_aside["flag"]
    assert [(dropped.text, {e.text for e in words}) for dropped, words in notes] == [("same-day", {"dimanche"})]
    assert (
        "set aside default same-day (‘Quelques heures après’), contradicted by ‘dimanche’"
        in timeline["flag"].likely.explanation
    )
    assert "entered" not in timeline["flag"]._context.likely.set_aside


# -- day-count, at-once ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "name", "window"),
    [
        ("Le lendemain", "day-count", (12 * HOUR, 36 * HOUR)),
        ("Deux jours après", "day-count", (2 * DAY - 12 * HOUR, 2 * DAY + 12 * HOUR)),
        ("Quelques jours après", "day-count", (36 * HOUR, 7 * DAY)),
        ("Aussitôt après", "at-once", (0, HOUR)),
    ],
)
def test_a_cue_of_days_or_of_at_once_narrows_the_gap_it_gives(cue, name, window):
    text = f"Titre\n\nIls sont entrés samedi. {cue}, ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event(
            "flag",
            f"{cue}, ils ont hissé le drapeau.",
            tense=("compound-past", "ont hissé"),
            relations=(("after", "entered", cue),),
        ),
    )
    assert added(timeline, name) == [("entered.end", "flag.start", *window)]


def test_a_cue_of_days_before_narrows_the_gap_from_the_event_to_its_target():
    text = "Titre\n\nIls sont entrés samedi. La veille, ils avaient attendu."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event(
            "waited",
            "La veille, ils avaient attendu.",
            tense=("pluperfect", "avaient attendu"),
            relations=(("before", "entered", "La veille"),),
        ),
    )
    assert added(timeline, "day-count") == [("waited.end", "entered.start", 12 * HOUR, 36 * HOUR)]


def test_a_measured_cue_with_no_likely_reading_adds_no_default():
    text = "Titre\n\nIls sont entrés samedi. Une semaine après, ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event(
            "flag",
            "Une semaine après, ils ont hissé le drapeau.",
            relations=(("after", "entered", "Une semaine après"),),
        ),
    )
    assert added(timeline, "day-count") == [] and added(timeline, "at-once") == []


# -- to-come -----------------------------------------------------------------------------------------------


def test_to_come_starts_an_event_told_in_the_future_after_the_publication():
    timeline = timeline_of("Titre\n\nIls voteront.", event("vote", "Ils voteront.", tense=("future", "voteront")))
    assert added(timeline, "to-come") == [("publication", "vote.start", 0, INF)]
    assert minutes(timeline["vote"].likely_start.earliest) == PUBLISHED_AT


@pytest.mark.parametrize("form", ["conditional", "present", "compound-past"])
def test_to_come_is_for_the_future_tense_only(form):
    timeline = timeline_of("Titre\n\nIls voteraient.", event("vote", "Ils voteraient.", tense=(form, "voteraient")))
    assert added(timeline, "to-come") == []


# -- drafted-attachment ------------------------------------------------------------------------------------


def test_a_relation_the_drafter_only_guessed_is_a_default_not_the_words():
    text = "Titre\n\nIls sont entrés samedi. Deux heures après, ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event(
            "flag",
            "Deux heures après, ils ont hissé le drapeau.",
            relations=(("after", "entered", "Deux heures après"),),
            guessed=True,
        ),
    )
    assert added(timeline, "drafted-attachment") == [("entered.end", "flag.start", 2 * HOUR - 30, 2 * HOUR + 30)]
    assert timeline["flag"].start.earliest is None  # the certain layer does not take a guess
    assert minutes(timeline["flag"].likely_start.earliest) == SATURDAY + 2 * HOUR - 30


# -- report-zone -------------------------------------------------------------------------------------------


def test_report_zone_puts_the_publication_within_its_day_and_reads_the_times_in_the_estimates_zone():
    published = {"earliest": "2022-09-11T00:00:00+03:00", "estimate": ESTIMATE, "latest": "2022-09-11T23:59:00+03:00",
                 "basis": "test", "zone": "unknown"}  # fmt: skip
    text = "Titre\n\nIls sont entrés samedi."
    timeline = timeline_of(text, event("entered", text[7:], time="samedi"), published=published)
    earliest, latest = SUNDAY, SUNDAY + DAY - 1
    assert added(timeline, "report-zone") == [
        ("origin", "publication", earliest, latest),
        ("origin", "entered.start", SATURDAY, SUNDAY),
        ("origin", "entered.end", SATURDAY, SUNDAY),
    ]
    entered = timeline["entered"]
    assert minutes(entered.start.earliest) < SATURDAY  # certain: Saturday in any zone
    assert (minutes(entered.likely_start.earliest), minutes(entered.likely_end.latest)) == (SATURDAY, SUNDAY)


def test_report_zone_is_for_a_publication_without_its_zone_only():
    text = "Titre\n\nIls sont entrés samedi."
    assert added(timeline_of(text, event("entered", text[7:], time="samedi")), "report-zone") == []


# -- the solver sets a default aside -----------------------------------------------------------------------


def test_a_default_the_solver_drops_is_set_aside_and_the_explanation_names_the_words_against_it():
    # Told in the future, but "samedi" is the day before the publication: the solver drops to-come.
    text = "Titre\n\nIls voteront samedi."
    timeline = timeline_of(text, event("vote", text[7:], time="samedi", tense=("future", "voteront")))
    likely = timeline["vote"]._context.likely
    # The estimate yields first (the weakest), then to-come: only an event's own default is its to explain.
    assert [c.dropped.evidence.text for c in likely.solution.conflicts] == ["publication-estimate", "to-come"]
    ((dropped, against),) = likely.set_aside["vote"]
    assert (dropped.text, dropped.event) == ("to-come", "vote")
    assert "samedi" in {e.text for e in against}
    vote = timeline["vote"]
    assert (minutes(vote.likely_start.earliest), minutes(vote.likely_end.latest)) == (SATURDAY, SUNDAY)
    assert "; set aside default to-come (‘voteront’), contradicted by " in vote.likely.explanation
    assert vote.likely.explanation.endswith("‘samedi’")
    assert "to-come" not in vote.defaults


def test_a_conflict_of_the_words_is_the_certain_layers_and_only_defaults_are_set_aside():
    # Both "samedi", yet "trois jours après": the words contradict each other in the certain layer already;
    # the likely layer sets aside only its own default (day-count), not the words the certain layer dropped.
    text = "Titre\n\nIls sont entrés samedi. Trois jours après, samedi, ils ont voté."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi"),
        event(
            "vote",
            "Trois jours après, samedi, ils ont voté.",
            time="samedi",
            relations=(("after", "entered", "Trois jours après"),),
        ),
    )
    assert [c.dropped.evidence.text for c in timeline.conflicts] == ["Trois jours après"]
    set_aside = timeline["vote"]._context.likely.set_aside
    assert {event_id: [dropped.text for dropped, _ in notes] for event_id, notes in set_aside.items()} == {
        "vote": ["day-count"]
    }


def test_a_default_set_aside_is_not_listed_among_what_contradicts_it():
    # The solver builds each Constraint anew: compared by identity, the dropped default was listed among
    # its own contradictors ("set aside default to-come, contradicted by …, default to-come").
    text = "Titre\n\nIls voteront samedi."
    timeline = timeline_of(text, event("vote", text[7:], time="samedi", tense=("future", "voteront")))
    ((dropped, against),) = timeline["vote"]._context.likely.set_aside["vote"]
    assert dropped not in against
    assert "contradicted by the publication range, ‘samedi’" in timeline["vote"].likely.explanation


# -- what each default says: whose it is, the words it reads, the event it is against, its strength ---------


def evidence_of(timeline: Timeline, name: str) -> set[tuple[str | None, str | None, str | None, int]]:
    network = timeline.events[0]._context.likely.solution.network
    return {
        (c.evidence.event, c.evidence.span.text if c.evidence.span else None, c.evidence.target, c.strength)
        for c in network.constraints
        if c.evidence.kind == "default" and c.evidence.text == name
    }


FLAG = "Titre\n\nIls sont entrés samedi. {cue}, ils ont hissé le drapeau."


def _flag(cue: str, guessed: bool = False) -> Timeline:
    return timeline_of(
        FLAG.format(cue=cue),
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("flag", f"{cue}, ils ont hissé le drapeau.", tense=("compound-past", "ont hissé"),
              relations=(("after", "entered", cue),), guessed=guessed),
    )  # fmt: skip


EVIDENCE = {
    "publication-estimate": (lambda: _flag("Après"), {(None, None, None, 1)}),
    "news-cycle": (
        lambda: timeline_of("Titre\n\nL'armée progresse.", event("front", "L'armée progresse.", kind="state", tense=("present", "progresse"))),
        {("front", "progresse", None, 2)},
    ),
    "same-day": (lambda: _flag("Quelques heures après"), {("flag", "Quelques heures après", "entered", 3)}),
    "one-episode": (
        lambda: timeline_of("Titre\n\nIls avaient repris la ville.", event("took", "Ils avaient repris la ville.", tense=("pluperfect", "avaient repris"))),
        {("took", "avaient repris", None, 4)},
    ),
    "recent-past": (
        lambda: timeline_of(
            ANNOUNCED,
            event("said", ANNOUNCED[7:], kind="statement", tense=("compound-past", "ont annoncé")),
            event("took", ANNOUNCED[7:], relations=(("before", "said", "avaient repris"),)),
        ),
        {("took", "avaient repris", "said", 5)},
    ),
    "temporal-focus": (
        lambda: timeline_of(
            "Titre\n\nSamedi, l'armée est entrée et a hissé le drapeau.",
            event("entered", "Samedi, l'armée est entrée et a hissé le drapeau.", time="Samedi", tense=("compound-past", "est entrée")),
            event("flag", "Samedi, l'armée est entrée et a hissé le drapeau.", tense=("compound-past", "a hissé")),
        ),
        {("flag", "a hissé", "entered", 6)},
    ),
    "attested": (
        lambda: timeline_of(
            REGROUPING,
            event("tass", REGROUPING[7:], kind="statement", relations=(("during", "regrouping", "se regroupait"),)),
            event("regrouping", REGROUPING[7:], kind="state", tense=("imperfect", "se regroupait")),
        ),
        {("regrouping", "se regroupait", "tass", 7)},
    ),
    "day-count": (lambda: _flag("Le lendemain"), {("flag", "Le lendemain", "entered", 8)}),
    "at-once": (lambda: _flag("Aussitôt après"), {("flag", "Aussitôt après", "entered", 8)}),
    "to-come": (
        lambda: timeline_of("Titre\n\nIls voteront.", event("vote", "Ils voteront.", tense=("future", "voteront"))),
        {("vote", "voteront", None, 8)},
    ),
    "drafted-attachment": (lambda: _flag("Deux heures après", guessed=True), {("flag", "Deux heures après", "entered", 9)}),
    "report-zone": (
        lambda: timeline_of(
            "Titre\n\nIls sont entrés samedi.",
            event("entered", "Ils sont entrés samedi.", time="samedi"),
            published={"earliest": "2022-09-11T00:00:00+03:00", "estimate": ESTIMATE,
                       "latest": "2022-09-11T23:59:00+03:00", "basis": "test", "zone": "unknown"},
        ),
        {(None, None, None, 9), ("entered", "samedi", None, 9)},
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", EVIDENCE)
def test_each_default_names_its_event_its_words_what_it_is_against_and_yields_by_its_strength(name):
    build, expected = EVIDENCE[name]
    assert evidence_of(build(), name) == expected


STRENGTHS = {
    "publication-estimate": 1, "news-cycle": 2, "same-day": 3, "one-episode": 4, "recent-past": 5,
    "temporal-focus": 6, "attested": 7, "day-count": 8, "at-once": 8, "to-come": 8, "report-zone": 9,
    "drafted-attachment": 9, "place-zone": 9, "publication-day": 9,
}  # fmt: skip


def test_the_defaults_yield_in_the_order_of_their_strength():
    # The weakest yields first in a contradiction: the table's order, spelled out (a default added since
    # states its strength in its own test).
    strengths = {name: default.strength for name, default in DEFAULTS.items()}
    assert {name: strengths[name] for name in STRENGTHS if name in strengths} == {
        name: strength for name, strength in STRENGTHS.items() if name in strengths
    }
    assert {"publication-estimate", "news-cycle", "same-day", "one-episode", "recent-past", "temporal-focus",
            "attested", "day-count", "at-once", "to-come", "report-zone", "drafted-attachment"} <= strengths.keys()  # fmt: skip
    assert max(strengths.values()) < 10  # below the certain layer's assumptions


# -- the calendar day of a moment, and the narration an event goes on with ------------------------------


def test_the_midnights_of_a_moment_are_those_of_its_day_in_the_zone_asked_computed_afresh():
    from datetime import timezone

    kyiv = timezone(timedelta(hours=3))
    _MIDNIGHTS.clear()  # asked afresh: not what an earlier test left in the cache
    assert _midnights(SATURDAY, kyiv) == (SATURDAY, SUNDAY)
    assert _midnights(SUNDAY - 1, kyiv) == (SATURDAY, SUNDAY)  # the last minute of Saturday, then Sunday's first
    assert _midnights(SUNDAY, kyiv) == (SUNDAY, SUNDAY + DAY)
    # In UTC, Kyiv's Saturday midnight is 21:00 on Friday.
    assert _midnights(SATURDAY, UTC) == (SATURDAY - 21 * HOUR, SATURDAY + 3 * HOUR)
    assert _midnights(float(10**12), kyiv) is None  # beyond the calendar
    assert _midnights(SATURDAY + 3 * HOUR, kyiv) == (SATURDAY, SUNDAY)  # now cached, still the same


@pytest.mark.parametrize(
    ("told", "then", "kind", "goes_on"),
    [
        ("imperfect", "imperfect", "state", True),  # the same tense, any kind
        ("compound-past", "present", "action", True),  # an action in the narration's tenses
        ("present", "simple-past", "action", True),
        ("compound-past", "present", "state", False),  # a state in the présent: the news of the day
        ("imperfect", "present", "action", False),  # told in a tense that narrates no episode
        ("compound-past", "imperfect", "action", False),
        ("compound-past", "future", "action", False),
    ],
)
def test_an_event_goes_on_with_the_narration_in_the_same_tense_or_as_an_action_of_its_tenses(told, then, kind, goes_on):
    told_after = SimpleNamespace(kind=kind, tense=SimpleNamespace(form=then))
    assert _same_narration(told, told_after) is goes_on  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "cue", "kept"),
    [("during", "pendant", True), ("after", "Puis", True), ("after", "ensuite", True), ("after", "Après", False),
     ("before", "Puis", False), ("same", "Puis", False)],
)  # fmt: skip
def test_a_word_of_sequence_or_a_during_keeps_an_event_in_the_episode(kind, cue, kept):
    relation = SimpleNamespace(type=kind, cue=SimpleNamespace(text=cue))
    assert _in_sequence(relation) is kept  # type: ignore[arg-type]


# -- a guessed time of day with no day: on the day the story is at (drafted-attachment) --------------------

AROUND_ONE = "Titre\n\nVers 13 heures, la police est intervenue."


def _around_one(form: str, latest: str = LATEST, guessed: bool = True) -> Timeline:
    early = latest != LATEST  # published by 09:45: "13 heures" that day would be after the publication
    published = {
        "earliest": "2022-09-11T09:00:00+03:00" if early else EARLIEST,
        "estimate": "2022-09-11T09:30:00+03:00" if early else ESTIMATE,
        "latest": latest, "basis": "test",
    }  # fmt: skip
    police = event(
        "police", AROUND_ONE[7:], time="Vers 13 heures", tense=(form, "est intervenue"), time_guessed=guessed
    )
    return timeline_of(AROUND_ONE, police, published=published)


def window(day: float, start: float, end: float, event_id: str) -> list[tuple[str, str, float, float]]:
    return [
        ("origin", f"{event_id}.start", day + start, day + end),
        ("origin", f"{event_id}.end", day + start, day + end),
    ]


@pytest.mark.parametrize("form", ["compound-past", "future"])
def test_a_guessed_time_of_day_is_on_the_publications_day(form):
    timeline = _around_one(form)
    assert added(timeline, "drafted-attachment") == window(SUNDAY, 12 * HOUR + 30, 13 * HOUR + 30, "police")
    assert evidence_of(timeline, "drafted-attachment") == {("police", "Vers 13 heures", None, 9)}
    assert timeline["police"].likely.label == "≈ Sun 11 Sep 12:30–13:30"


def test_a_guessed_time_of_day_told_in_a_past_tense_is_the_last_such_time_before_the_publication():
    timeline = _around_one("compound-past", latest="2022-09-11T09:45:00+03:00")
    assert added(timeline, "drafted-attachment") == window(SATURDAY, 12 * HOUR + 30, 13 * HOUR + 30, "police")


def test_a_guessed_time_of_day_told_in_the_future_stays_after_the_publication():
    timeline = _around_one("future", latest="2022-09-11T09:45:00+03:00")
    assert added(timeline, "drafted-attachment") == window(SUNDAY, 12 * HOUR + 30, 13 * HOUR + 30, "police")


def test_a_time_of_day_the_drafter_did_not_guess_is_the_words_not_a_default():
    assert added(_around_one("compound-past", guessed=False), "drafted-attachment") == []


def test_a_guessed_time_of_day_is_on_the_day_of_the_event_it_is_told_against():
    text = "Titre\n\nIls sont entrés samedi. Quelques heures plus tôt, à 17h10, un homme est arrivé."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi"),
        event("came", "Quelques heures plus tôt, à 17h10, un homme est arrivé.", time="17h10",
              tense=("compound-past", "est arrivé"), relations=(("before", "entered", "Quelques heures plus tôt"),),
              time_guessed=True),
    )  # fmt: skip
    assert added(timeline, "drafted-attachment") == window(SATURDAY, 17 * HOUR + 10, 17 * HOUR + 11, "came")


# -- publication-day: with the publication unknown, the day that puts the days named just before it ---------

PLACEHOLDER = to_minutes(datetime(2000, 1, 1, tzinfo=UTC))  # the unknown publication's day, as the frame has it


def test_publication_day_reads_dates_against_the_latest_day_named():
    text = "Titre\n\nArrêté le 15 avril 2021, l'opposant est poursuivi. Son procès s'est ouvert jeudi 15 juillet."
    timeline = timeline_of(
        text,
        event("arrested", "Arrêté le 15 avril 2021, l'opposant est poursuivi.", time="le 15 avril 2021"),
        event("opened", "Son procès s'est ouvert jeudi 15 juillet.", time="jeudi 15 juillet", tense=("compound-past", "s'est ouvert")),
        published="unknown",
    )  # fmt: skip
    # Published on Thursday 15 July 2021, the latest day named: 15 April is 91 days before it.
    assert added(timeline, "publication-day") == [
        *window(PLACEHOLDER - 91 * DAY, 0, DAY, "arrested"),
        *window(PLACEHOLDER, 0, DAY, "opened"),
    ]
    assert evidence_of(timeline, "publication-day") == {
        ("arrested", "le 15 avril 2021", None, 9), ("opened", "jeudi 15 juillet", None, 9),
    }  # fmt: skip
    assert timeline["opened"].certain.label == "undated"
    assert timeline["opened"].likely.label == "≈ publication day"


def test_publication_day_puts_the_weekdays_named_together_most_recently_before_it():
    text = "Titre\n\nLe procès s'est ouvert mardi. Les jurés ont rendu leur verdict jeudi soir."
    timeline = timeline_of(
        text,
        event("opened", "Le procès s'est ouvert mardi.", time="mardi"),
        event("verdict", "Les jurés ont rendu leur verdict jeudi soir.", time="jeudi soir"),
        published="unknown",
    )
    # Published on the Thursday: Tuesday two days before, the verdict that evening.
    assert added(timeline, "publication-day") == [
        *window(PLACEHOLDER - 2 * DAY, 0, DAY, "opened"),
        *window(PLACEHOLDER, 18 * HOUR, DAY, "verdict"),
    ]


def test_publication_day_is_for_an_unknown_publication_with_days_named():
    text = "Titre\n\nLe procès s'est ouvert mardi."
    assert added(timeline_of(text, event("opened", text[7:], time="mardi")), "publication-day") == []
    assert added(timeline_of(text, event("opened", text[7:]), published="unknown"), "publication-day") == []


# -- survivors of the first mutation run, each a rule of its own ------------------------------------------


def test_same_day_reads_plus_tot_alone_a_day_at_most_as_a_cue_of_hours():
    text = "Titre\n\nIls sont entrés samedi. Plus tôt, ils avaient attendu."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("waited", "Plus tôt, ils avaient attendu.", tense=("pluperfect", "avaient attendu"),
              relations=(("before", "entered", "Plus tôt"),)),
    )  # fmt: skip
    assert added(timeline, "same-day") == [
        ("origin", "waited.start", SATURDAY, INF),
        ("origin", "waited.end", -INF, SUNDAY),
    ]


def test_same_day_spreads_along_the_cue_that_names_the_dated_event_not_another_one():
    text = "Titre\n\nIls sont entrés samedi. Ils ont chanté. Peu après l'entrée et peu avant le chant, ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("entered", "Ils sont entrés samedi.", time="samedi", tense=("compound-past", "sont entrés")),
        event("sang", "Ils ont chanté.", tense=("imperfect", "ont chanté")),
        event("flag", "Peu après l'entrée et peu avant le chant, ils ont hissé le drapeau.", tense=("imperfect", "ont hissé"),
              relations=(("before", "sang", "peu avant"), ("after", "entered", "Peu après"))),
    )  # fmt: skip
    spans = {(c.evidence.event, c.evidence.span.text) for c in timeline.events[0]._context.likely.solution.network.constraints
             if c.evidence.text == "same-day"}  # fmt: skip
    assert spans == {("flag", "Peu après"), ("sang", "peu avant")}


def test_a_state_two_statements_attest_lies_within_the_first():
    text = "Titre\n\nTASS a rapporté que l'armée se regroupait. Le ministère a dit qu'elle se regroupait."
    timeline = timeline_of(
        text,
        event("tass", "TASS a rapporté que l'armée se regroupait.", kind="statement",
              relations=(("during", "regrouping", "se regroupait"),)),
        event("regrouping", "TASS a rapporté que l'armée se regroupait.", kind="state"),
        event("ministry", "Le ministère a dit qu'elle se regroupait.", kind="statement",
              relations=(("during", "regrouping", "se regroupait"),)),
    )  # fmt: skip
    assert added(timeline, "attested") == [
        ("tass.start", "regrouping.start", 0, INF),
        ("regrouping.end", "tass.end", 0, INF),
    ]


def test_temporal_focus_looks_back_to_the_last_placed_event_not_the_one_before():
    text = "Titre\n\nVendredi, ils sont partis. Samedi, ils sont entrés. Ils ont hissé le drapeau."
    timeline = timeline_of(
        text,
        event("left", "Vendredi, ils sont partis.", time="Vendredi", tense=("compound-past", "sont partis")),
        event("entered", "Samedi, ils sont entrés.", time="Samedi", tense=("compound-past", "sont entrés")),
        event("flag", "Ils ont hissé le drapeau.", tense=("compound-past", "ont hissé")),
    )
    assert added(timeline, "temporal-focus") == [
        ("entered.start", "flag.start", 0, INF),
        ("flag.end", "entered.end", 0, INF),
    ]


def test_publication_day_leaves_the_untimed_and_what_it_cannot_read():
    text = (
        "Titre\n\nLe procès s'est ouvert mardi. Bientôt, ils voteront. Ils ont attendu. Hier, les jurés ont délibéré."
    )
    timeline = timeline_of(
        text,
        event("opened", "Le procès s'est ouvert mardi.", time="mardi"),
        event("vote", "Bientôt, ils voteront.", time="Bientôt"),
        event("waited", "Ils ont attendu."),
        event("deliberated", "Hier, les jurés ont délibéré.", time="Hier"),
        published="unknown",
    )
    assert {c[1] for c in added(timeline, "publication-day")} == {
        "opened.start", "opened.end", "deliberated.start", "deliberated.end",
    }  # fmt: skip
