"""The likely layer on drafted reports: a time of day with no day is put on the day the story is at, and
with the publication unknown, the days a report names keep their order among themselves."""

from __future__ import annotations

from datetime import date, timedelta

from tui.draft import draft_report
from tui.model import parse_report, publication_from
from tui.model.report import UNKNOWN_PUBLICATION
from tui.model.save import events_text
from tui.temporal import resolve
from tui.temporal.expressions import from_minutes, read_as_published_on


def timeline_of(text: str, nlp, published: str | None):
    publication = publication_from(published, "fr") if published else None
    data = draft_report(text, nlp, published=publication, document_id="narration")
    return resolve(parse_report(events_text(data)))


def told_by(timeline, words: str):
    return next(row for row in timeline.events if words in row.event.summary)


def test_a_guessed_time_of_day_is_on_the_day_of_the_event_it_is_told_against(french_pipeline):
    text = (
        "La police est intervenue mardi 27 juillet au soir chez le joaillier. "
        "Quelques heures plus tôt, à 17h10 précisément, un homme est arrivé à trottinette."
    )
    timeline = timeline_of(text, french_pipeline, "2021-07-29T09:45+02:00")
    arrived = told_by(timeline, "est arrivé")
    assert (arrived.likely.earliest.day, arrived.likely.earliest.hour, arrived.likely.earliest.minute) == (27, 17, 10)
    assert "drafted-attachment" in arrived.defaults


def test_a_guessed_time_of_day_told_in_a_past_tense_is_the_last_such_time_before_the_publication(
    french_pipeline,
):
    # Published at 09:45: "13 heures" on the publication's day would be after it.
    text = "Très vite, l'enquête a avancé. Aux alentours de 13 heures, la BRI a procédé à l'interpellation."
    timeline = timeline_of(text, french_pipeline, "2021-07-29T09:45+02:00")
    arrest = told_by(timeline, "a procédé")
    assert arrest.likely.earliest.date().isoformat() == "2021-07-28"
    assert (arrest.likely.earliest.hour, arrest.likely.latest.hour) == (12, 13)
    assert "set aside" not in arrest.likely.explanation, "the reading contradicts nothing"


def test_with_the_publication_unknown_an_expression_is_read_as_if_published_on_a_day_in_its_frame():
    placeholder = UNKNOWN_PUBLICATION.estimate.date()
    zone = UNKNOWN_PUBLICATION.estimate.tzinfo
    # Published on Thursday 15 July 2021: "mardi" is Tuesday 13, two days before the frame's publication day.
    tuesday = read_as_published_on("mardi", date(2021, 7, 15), UNKNOWN_PUBLICATION)
    assert from_minutes(tuesday.start.lo, zone).date() == placeholder - timedelta(days=2)
    # "le 15 avril 2021", which nothing relates to an unknown publication, is 91 days before it.
    arrest = read_as_published_on("le 15 avril 2021", date(2021, 7, 15), UNKNOWN_PUBLICATION)
    assert from_minutes(arrest.start.lo, zone).date() == placeholder - timedelta(days=91)
    assert read_as_published_on("mardi", date(2021, 7, 15), publication_from("2021-07-15", "fr")) is None


def test_with_the_publication_unknown_the_dates_a_report_names_keep_their_order(french_pipeline):
    text = (
        "Arrêté le 15 avril 2021, l'opposant est poursuivi pour blanchiment. "
        "Son procès s'est ouvert jeudi 15 juillet devant la Criet."
    )
    timeline = timeline_of(text, french_pipeline, None)
    opened = told_by(timeline, "s'est ouvert")
    # Certain: "le 15 avril 2021" and "jeudi 15 juillet" say nothing against an unknown publication.
    assert opened.certain.earliest is None
    # Likely: published on 15 July, the latest day named; the trial opened on the publication day.
    assert "publication-day" in opened.defaults
    assert opened.likely.earliest.date() == UNKNOWN_PUBLICATION.estimate.date()


def test_with_the_publication_unknown_the_weekdays_a_report_names_keep_their_order(french_pipeline):
    text = (
        "Le procès s'est ouvert mardi devant la cour d'assises. "
        "Les jurés ont rendu leur verdict jeudi soir après six heures de délibéré."
    )
    timeline = timeline_of(text, french_pipeline, None)
    opened, verdict = told_by(timeline, "s'est ouvert"), told_by(timeline, "ont rendu")
    # Certain: each is some day of the week before the publication, which nobody knows.
    assert opened.certain.latest - opened.certain.earliest >= timedelta(days=6)
    # Likely: Thursday, the latest day named, is the publication's; Tuesday two days before it.
    assert "publication-day" in verdict.defaults and "publication-day" in opened.defaults
    assert verdict.likely.earliest.date() == UNKNOWN_PUBLICATION.estimate.date()
    assert verdict.likely.earliest.hour == 18
    assert (verdict.likely.earliest.date() - opened.likely.earliest.date()).days == 2
    assert opened.likely.latest <= verdict.likely.earliest


def test_actions_told_in_the_present_after_a_dated_passe_compose_go_on_with_its_episode(french_pipeline):
    text = (
        "Le jury de la cour d'assises a rendu son verdict peu avant 20 heures ce mardi soir. "
        "Christophe Mercadal est condamné à 18 ans de réclusion. "
        "Enfin Gilbert Riso est condamné à deux ans de prison. "
        "Les peines sont conformes aux réquisitions."
    )
    timeline = timeline_of(text, french_pipeline, "2020-11-17")
    verdict = told_by(timeline, "a rendu son verdict")
    for words in ("Christophe Mercadal", "Gilbert Riso"):  # "Enfin": after the one before, in the episode
        sentenced = told_by(timeline, words)
        assert "temporal-focus" in sentenced.defaults, words
        assert (sentenced.likely.earliest, sentenced.likely.latest) == (verdict.likely.earliest, verdict.likely.latest)
    # a state in the présent is the news of the day, not a step of the episode
    assert "temporal-focus" not in told_by(timeline, "Les peines sont").defaults


def test_words_of_sequence_are_the_time_readers_table():
    from tui.draft import lexicon
    from tui.temporal.relations import is_sequence_word

    assert is_sequence_word("Enfin") and is_sequence_word("puis,") and is_sequence_word("Ensuite")
    assert not is_sequence_word("depuis la défaite de Kiev") and not is_sequence_word("peu après")
    assert {"puis", "ensuite", "enfin"} <= lexicon.SEQUENCE_WORDS


def test_a_time_told_with_a_foreign_place_of_one_zone_is_likely_that_places_clock(french_pipeline):
    text = (
        "Un séisme a secoué la capitale lundi à 14 h à Tokyo, selon la NHK. "
        "Vers 9 heures au Japon, les secours sont arrivés."
    )
    timeline = timeline_of(text, french_pipeline, "2024-01-02T18:00+01:00")
    quake = told_by(timeline, "a secoué")
    assert quake.event.time.text == "lundi à 14 h à Tokyo"  # the events file keeps whose clock
    # Certain: 14 h on Monday in any zone from UTC−12 to UTC+14 (a French paper may give Paris's time).
    assert quake.certain.latest - quake.certain.earliest > timedelta(hours=24)
    # Likely: Tokyo's clock, UTC+9: 06:00 in Paris (UTC+1).
    assert "place-zone" in quake.defaults
    assert (quake.likely.earliest.day, quake.likely.earliest.hour, quake.likely.earliest.minute) == (1, 6, 0)
    rescue = told_by(timeline, "les secours sont arrivés")
    assert "place-zone" in rescue.defaults  # a guessed time of day, on Japan's clock too
    assert rescue.likely.earliest.hour in (0, 1) and rescue.likely.latest.hour in (1, 2)


def test_a_place_of_several_zones_leaves_the_time_in_every_zone():
    from tui.temporal.expressions import normalise

    found = normalise("14 h aux États-Unis", publication_from("2024-01-02T18:00+01:00", "fr"))
    assert found is not None and found.place is None
    assert found.latest - found.earliest > timedelta(hours=24)
