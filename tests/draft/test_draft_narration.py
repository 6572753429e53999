"""How the drafter reads the narration of real reports: sentences opening on an unaccented "A", verbs that
speak in one sense only, coordinated plus-que-parfaits, and a date beside a vague span. Each of these moved
or lost an action of the development set (tests/benchmarks/devset) before it was fixed."""

from __future__ import annotations

from tui.draft import draft_report
from tui.draft.pipeline import to_ascii
from tui.model import parse_report, publication_from
from tui.model.save import events_text
from tui.temporal import resolve

PUBLISHED = publication_from("1998-08-10", "fr")


def drafted(text: str, nlp, published=PUBLISHED) -> dict:
    return draft_report(text, nlp, published=published, document_id="narration")


def event_saying(data: dict, words: str) -> dict:
    return next(e for e in data["events"] if words in e["summary"])


def event_told_by(data: dict, verb: str) -> dict:
    return next(e for e in data["events"] if e.get("tense") and e["tense"]["cue"]["text"] == verb)


def test_a_sentence_opening_on_an_unaccented_capital_a_is_parsed_with_the_preposition():
    assert to_ascii("vu. A Lorient vendredi soir, Monaco") == "vu. À Lorient vendredi soir, Monaco"
    assert to_ascii("A l'intérieur") == "À l'intérieur"
    # not a lone capital "A" elsewhere: a category, a motorway, "A-t-il"
    for text in ("la catégorie A et B", "l'autoroute A6. A6 fermée", "A-t-il dit", "plan A. Puis"):
        assert to_ascii(text) == text
    assert len(to_ascii("x. A Paris")) == len("x. A Paris")


def test_the_verb_of_a_sentence_opening_on_a_place_is_its_clause_with_its_tense(french_pipeline):
    text = "A Lorient vendredi soir, Monaco n'a obtenu son succès qu'à l'ultime minute, sur pénalty."
    data = drafted(text, french_pipeline)
    (event,) = data["events"]
    assert event["kind"] == "action"
    assert event["tense"]["form"] == "compound-past" and event["tense"]["cue"]["text"] == "a obtenu"
    assert event["time"]["text"] == "vendredi soir"


def test_a_fronted_place_the_parse_makes_a_root_of_its_own_is_no_event(french_pipeline):
    text = "À Marseille, samedi soir, Eric Roy assure la victoire aux Phocéens à la 90e minute."
    data = drafted(text, french_pipeline)
    (event,) = data["events"]
    assert event["tense"]["form"] == "present" and event["time"]["text"] == "samedi soir"


def test_a_verb_that_speaks_in_one_sense_only_is_a_statement_only_where_it_tells_what_is_said(french_pipeline):
    data = drafted("Eric Roy assure la victoire aux Phocéens à la 90e minute.", french_pipeline)
    assert [e["kind"] for e in data["events"]] == ["state"]
    data = drafted("Le préfet assure que les secours sont arrivés à temps.", french_pipeline)
    assert event_saying(data, "Le préfet assure")["kind"] == "statement"
    data = drafted("Le suspect a été jugé pour meurtre en 2019.", french_pipeline)
    assert all(e["kind"] != "statement" for e in data["events"])


def test_a_plus_que_parfait_coordinated_with_a_dated_verb_shares_its_time_rather_than_preceding_it(
    french_pipeline,
):
    text = (
        "En France métropolitaine, le dernier séisme d'une magnitude supérieure à 5 remontait à 2019 et "
        "s'était produit dans la Drôme."
    )
    data = drafted(text, french_pipeline, publication_from("2023-06-17", "fr"))
    produced = event_told_by(data, "était produit")
    assert produced["tense"]["form"] == "pluperfect"
    assert produced["relations"] == []  # not "before" the state it is coordinated with
    timeline = resolve(parse_report(events_text(data)))
    likely = timeline[produced["id"]].likely
    assert likely.earliest.year == 2019 and likely.latest.year in (2019, 2020)


def test_a_plus_que_parfait_coordinated_under_a_statement_still_comes_before_it(french_pipeline):
    text = "Le ministre a annoncé que les troupes avaient attaqué la ville et avaient pris le pont."
    data = drafted(text, french_pipeline)
    announced = event_told_by(data, "a annoncé")
    took = event_told_by(data, "avaient pris")
    assert [(r["type"], r["target"]) for r in took["relations"]] == [("before", announced["id"])]


def test_a_date_beside_a_vague_span_dates_the_clause(french_pipeline):
    text = "Le jeune homme qui s'était distingué pendant plusieurs mois fin 2017 à Dijon a été jugé."
    data = drafted(text, french_pipeline, publication_from("2021-05-20", "fr"))
    distinguished = event_told_by(data, "était distingué")
    assert distinguished["time"]["text"] == "fin 2017"


def test_a_date_a_happening_is_moved_to_is_not_when_it_was_moved(french_pipeline):
    text = "Le procès s'est ouvert jeudi. Mais le procès a été renvoyé au 5 août."
    data = drafted(text, french_pipeline, publication_from("2021-07-16", "fr"))
    moved = event_told_by(data, "a été renvoyé")
    assert moved["time"] is None or moved["time"]["text"] != "5 août"


def test_a_time_after_a_noun_of_an_event_the_report_does_not_tell_places_nothing(french_pipeline):
    text = (
        "Le procès s'est ouvert jeudi, a déclaré son avocat. "
        "Trois mois après son arrestation, Joël Aïvo a comparu pour la première fois."
    )
    data = drafted(text, french_pipeline, publication_from("2021-07-16", "fr"))
    appeared = event_told_by(data, "a comparu")
    assert appeared["relations"] == []


def test_a_day_of_a_trial_is_no_time_of_day(french_pipeline):
    text = "À l'issue de cette première journée d'audience, le procès a été renvoyé."
    data = drafted(text, french_pipeline, publication_from("2021-07-16", "fr"))
    assert all(e["time"] is None for e in data["events"])


def test_a_cue_inside_a_day_and_clock_time_is_left_to_the_time(french_pipeline):
    from tui.draft import find_time_expressions

    text = "L'opposant est apparu à la barre jeudi, peu après 8h, drapé d'un costume bleu."
    found = [(text[f.start : f.end], f.kind) for f in find_time_expressions(text, publication_from("2021-07-16", "fr"))]
    assert found == [("jeudi, peu après 8h", "time")]
