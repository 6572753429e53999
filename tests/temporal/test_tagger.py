"""The running-text tagger, rule family by rule family, in French and English, on sentences written for it.

Each case gives a sentence, its publication day and the expressions expected, as (text, type, value):
the tagger must find exactly those, with those values.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.model import Publication
from tui.temporal.tagging import publication_on, tag
from tui.temporal.tagging.holidays import easter
from tui.temporal.tagging.values import interval


def found(sentence: str, dct: str, language: str = "fr") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(sentence, publication_on(date.fromisoformat(dct)), language)]


def case(sentence, dct, *expected, language="fr"):
    return pytest.param(sentence, dct, language, list(expected), id=f"{language}: {sentence[:60]}")


def check(sentence, dct, language, expected):
    assert found(sentence, dct, language) == expected


DATES = [
    case(
        "Le vendredi 13, rien ; jeudi 12 non plus.",
        "2002-10-10",
        ("Le vendredi 13", "DATE", "2002-09-13"),
        ("jeudi 12", "DATE", "2002-09-12"),
    ),
    case(
        "Le musée ouvre du 2 au 6 mai et jusqu'au 15 août.",
        "2002-04-10",
        ("2", "DATE", "2002-05-02"),
        ("6 mai", "DATE", "2002-05-06"),
        ("15 août", "DATE", "2002-08-15"),
    ),
    case("Depuis le 1er janvier, les prix montent.", "2002-10-10", ("le 1er janvier", "DATE", "2002-01-01")),
    case("Il est arrivé en mars ; la sonde Mars aussi.", "2002-03-20", ("mars", "DATE", "2002-03")),
    case("Le sommet aura lieu le 30 juin.", "2022-06-10", ("le 30 juin", "DATE", "2022-06-30")),
    case("Le sommet s'est tenu le 30 juin.", "2022-07-04", ("le 30 juin", "DATE", "2022-06-30")),
    # an announcement in late May of a date in November: the next one; a past account: the last one
    case("Les élections auront lieu le 6 novembre.", "2022-05-27", ("le 6 novembre", "DATE", "2022-11-06")),
    case("Il avait été arrêté le 6 novembre.", "2022-05-27", ("le 6 novembre", "DATE", "2021-11-06")),
    case("Il a démissionné le 6 mai dernier.", "1999-05-27", ("le 6 mai dernier", "DATE", "1999-05-06")),
    # "dernier"/"prochain" decide however far: the nearest 30 June lies ahead, the nearest 1 July behind
    case("Le 30 juin dernier, il a démissionné.", "2022-06-20", ("Le 30 juin dernier", "DATE", "2021-06-30")),
    case("Le 1er juillet prochain, il partira.", "2022-07-05", ("Le 1er juillet prochain", "DATE", "2023-07-01")),
    case("Il est parti en juillet dernier.", "2022-06-20", ("juillet dernier", "DATE", "2021-07")),
    case("Il partira en mai prochain.", "2022-06-20", ("mai prochain", "DATE", "2023-05")),
    case("Rendez-vous samedi 5 juin à la mairie.", "2021-05-20", ("samedi 5 juin", "DATE", "2021-06-05")),
    case(
        "Le chantier, ouvert en octobre 98, sera livré en 2001.",
        "1999-05-23",
        ("octobre 98", "DATE", "1998-10"),
        ("2001", "DATE", "2001"),
    ),
    case("La loi entrera en vigueur début octobre.", "2002-09-14", ("début octobre", "DATE", "2002-10")),
    case("Il a été élu en 1998 avec 2 000 voix et 1999 euros de budget.", "2003-01-01", ("1998", "DATE", "1998")),
    case("Le décret du 10/11/1993 reste en vigueur.", "2002-01-21", ("10/11/1993", "DATE", "1993-11-10")),
    case("Les travaux reprendront en juin prochain.", "1999-05-23", ("juin prochain", "DATE", "1999-06")),
    case("Les travaux ont repris en septembre.", "2002-09-01", ("septembre", "DATE", "2002-09")),
    case("La réunion se tiendra lundi.", "2022-09-07", ("lundi", "DATE", "2022-09-12")),
    case("Il est arrivé lundi.", "2022-09-07", ("lundi", "DATE", "2022-09-05")),
    case("Il est parti mercredi dernier.", "1999-07-28", ("mercredi dernier", "DATE", "1999-07-21")),
    case("La bibliothèque rouvrira ses portes le mercredi.", "1999-07-24", ("le mercredi", "SET", "XXXX-WXX-3")),
    case(
        "Les 6 et 13 avril prochains, les fidèles voteront.",
        "2003-02-24",
        ("Les 6", "DATE", "2003-04-06"),
        ("13 avril prochains", "DATE", "2003-04-13"),
    ),
    case(
        "The summit opened on September 8, 2022.",
        "2022-09-10",
        ("September 8, 2022", "DATE", "2022-09-08"),
        language="en",
    ),
    case("He resigned last Friday.", "2022-09-10", ("last Friday", "DATE", "2022-09-09"), language="en"),
    case("You may leave in May.", "2022-03-01", ("May", "DATE", "2022-05"), language="en"),
]

RELATIVE = [
    case(
        "Vers la fin du mois et en début de semaine.",
        "2002-03-20",
        ("la fin du mois", "DATE", "2002-03"),
        ("début de semaine", "DATE", "2002-W12"),
    ),
    case(
        "Hier, le maire a signé ; demain, il part.",
        "2022-09-07",
        ("Hier", "DATE", "2022-09-06"),
        ("demain", "DATE", "2022-09-08"),
    ),
    case("Il y a trois jours, la digue a cédé.", "2022-09-07", ("Il y a trois jours", "DATE", "2022-09-04")),
    case("Le verdict tombera dans deux semaines.", "2022-09-07", ("dans deux semaines", "DATE", "2022-W38")),
    case(
        "Cette semaine, l'an dernier et le mois prochain.",
        "1999-07-09",
        ("Cette semaine", "DATE", "1999-W27"),
        ("l'an dernier", "DATE", "1998"),
        ("le mois prochain", "DATE", "1999-08"),
    ),
    case("Ils ont manifesté ce week-end.", "2003-02-04", ("ce week-end", "DATE", "2003-W05-WE")),
    case(
        "Le 6 mai, il a signé ; le lendemain, il a démissionné.",
        "2022-09-07",
        ("Le 6 mai", "DATE", "2022-05-06"),
        ("le lendemain", "DATE", "2022-05-07"),
    ),
    case(
        "Mardi, le juge l'a entendu. Le même jour, il a été libéré.",
        "1999-05-20",
        ("Mardi", "DATE", "1999-05-18"),
        ("Le même jour", "DATE", "1999-05-18"),
    ),
    case(
        "Il a signé le 2 mars ; deux jours plus tard, il a démissionné.",
        "2022-09-07",
        ("le 2 mars", "DATE", "2022-03-02"),
        ("deux jours plus tard", "DATE", "2022-03-04"),
    ),
    case(
        "The storm flooded the town on March 2. Two days later, the river rose.",
        "2022-09-07",
        ("March 2", "DATE", "2022-03-02"),
        ("Two days later", "DATE", "2022-03-04"),
        language="en",
    ),
    case("She left three years ago.", "2022-09-07", ("three years ago", "DATE", "2019"), language="en"),
    case("Yesterday the court ruled.", "2022-09-07", ("Yesterday", "DATE", "2022-09-06"), language="en"),
]

CLOCK = [
    case(
        "Un incendie a éclaté dans la nuit de jeudi à vendredi, vers 3 h du matin.",
        "2002-10-05",
        ("la nuit de jeudi à vendredi", "TIME", "2002-10-03TNI"),
        ("vers 3 h du matin", "TIME", "2002-10-04T03:00"),
    ),
    case("La séance a repris à 8 h du soir.", "2002-10-05", ("8 h du soir", "TIME", "2002-10-05T20:00")),
    case(
        "Mardi, l'alerte a été donnée à 21 h 45.",
        "1999-05-20",
        ("Mardi", "DATE", "1999-05-18"),
        ("21 h 45", "TIME", "1999-05-18T21:45"),
    ),
    case(
        "Le feu a pris à 22 h ; vers 0 h 40, il était éteint.",
        "2003-02-22",
        ("22 h", "TIME", "2003-02-22T22:00"),
        ("vers 0 h 40", "TIME", "2003-02-23T00:40"),
    ),
    case(
        "Vers 0 h 40, jeudi, la voiture a quitté la route.",
        "2003-02-22",
        ("Vers 0 h 40", "TIME", "2003-02-20T00:40"),
        ("jeudi", "DATE", "2003-02-20"),
    ),
    case(
        "Il est arrivé à 15h40 (14H40 GMT).",
        "2022-09-07",
        ("15h40", "TIME", "2022-09-07T15:40"),
        ("14H40 GMT", "TIME", "2022-09-07T14:40Z"),
    ),
    case("Hier à 10 h, la séance a repris.", "1999-09-04", ("Hier à 10 h", "TIME", "1999-09-03T10:00")),
    case(
        "Le vote est clos avant minuit ; les résultats à midi.",
        "2022-09-07",
        ("minuit", "TIME", "2022-09-07T24:00"),
        ("midi", "TIME", "2022-09-07T12:00"),
    ),
    case("La grève a duré pendant 48 heures, 24 h sur 24.", "2022-09-07", ("48 heures", "DURATION", "PT48H")),
    case("Le vent souffle dans le Midi.", "2022-09-07"),
    case(
        "Dès 15 heures, la foule ; il a dormi 48 heures.",
        "2002-03-20",
        ("15 heures", "TIME", "2002-03-20T15:00"),
        ("48 heures", "DURATION", "PT48H"),
    ),
    case(
        "The polls close at 10:30 p.m. and results come at noon.",
        "2022-09-07",
        ("10:30 p.m.", "TIME", "2022-09-07T22:30"),
        ("noon", "TIME", "2022-09-07T12:00"),
        language="en",
    ),
]

PARTS = [
    case(
        "Mardi, à l'aube, la police a lancé des rondes nocturnes.",
        "1999-05-20",
        ("Mardi", "DATE", "1999-05-18"),
        ("l'aube", "TIME", "1999-05-18TMO"),
        ("nocturnes", "TIME", "TNI"),
    ),
    case(
        "Le 3 mars, il est arrivé ; le même soir, il est reparti.",
        "2002-03-20",
        ("Le 3 mars", "DATE", "2002-03-03"),
        ("le même soir", "TIME", "2002-03-03TEV"),
    ),
    case(
        "Le 3 mars, il est arrivé ; ce matin-là, il pleuvait.",
        "2002-03-20",
        ("Le 3 mars", "DATE", "2002-03-03"),
        ("ce matin-là", "TIME", "2002-03-03TMO"),
    ),
    case(
        "Hier soir, le conseil a voté ; mardi matin, il a publié.",
        "1999-05-20",
        ("Hier soir", "TIME", "1999-05-19TEV"),
        ("mardi matin", "TIME", "1999-05-18TMO"),
    ),
    case("Le ministre parlera ce soir.", "1999-07-28", ("ce soir", "TIME", "1999-07-28TEV")),
    case("Des tirs ont été entendus cette nuit.", "2022-09-07", ("cette nuit", "TIME", "2022-09-06TNI")),
    case(
        "Il a été arrêté dans la nuit de lundi à mardi.",
        "2022-09-07",
        ("la nuit de lundi à mardi", "TIME", "2022-09-05TNI"),
    ),
    case(
        "Le 6 mai, il est arrivé. Le lendemain matin, il est parti.",
        "2022-09-07",
        ("Le 6 mai", "DATE", "2022-05-06"),
        ("Le lendemain matin", "TIME", "2022-05-07TMO"),
    ),
    case(
        "Hier, il est arrivé. Dans la soirée, il est reparti.",
        "2002-02-09",
        ("Hier", "DATE", "2002-02-08"),
        ("la soirée", "TIME", "2002-02-08TEV"),
    ),
    case(
        "Dimanche en fin d'après-midi, le cortège s'est dispersé.",
        "2002-04-02",
        ("Dimanche en fin d'après-midi", "TIME", "2002-03-31TAF"),
    ),
    case(
        "Shots rang out on Monday morning and again last night.",
        "2022-09-07",
        ("Monday morning", "TIME", "2022-09-05TMO"),
        ("last night", "TIME", "2022-09-06TNI"),
        language="en",
    ),
]

DURATIONS = [
    case("Des activités en dehors des heures scolaires, et 400 heures supplémentaires.", "1999-05-23"),
    case(
        "Les deux hommes, âgés de 25 et 30 ans, ont passé deux ans en fuite.",
        "2002-03-20",
        ("deux ans", "DURATION", "P2Y"),
    ),
    case(
        "Un homme d'une cinquantaine d'années ; une vingtaine d'années de guerre.",
        "2002-03-20",
        ("une vingtaine d'années", "DURATION", "P20Y"),
    ),
    case(
        "Au cours des dernières semaines, une quinzaine de jours.",
        "2002-03-20",
        ("des dernières semaines", "DURATION", "PXW"),
        ("une quinzaine de jours", "DURATION", "P15D"),
    ),
    case(
        "Il devance Irvine de 30,4 secondes après environ une heure.",
        "1999-05-17",
        ("30,4 secondes", "DURATION", "PT30.4S"),
        ("environ une heure", "DURATION", "PT1H"),
    ),
    case(
        "Dix-huit mois de travaux, un an et demi de retard, plusieurs jours d'attente.",
        "2002-09-14",
        ("Dix-huit mois", "DURATION", "P18M"),
        ("un an et demi", "DURATION", "P18M"),
        ("plusieurs jours", "DURATION", "PXD"),
    ),
    case(
        "Ces derniers jours, le quinquennat a pesé.",
        "1999-05-19",
        ("Ces derniers jours", "DURATION", "PXD"),
        ("quinquennat", "DURATION", "P5Y"),
    ),
    # an age is no duration; a sentence is
    case(
        "Un chauffeur de 38 ans a été condamné à une peine de dix ans.", "1999-05-21", ("dix ans", "DURATION", "P10Y")
    ),
    case("Alain Parmentier, 53 ans, a passé trois ans de tractations.", "1999-05-21", ("trois ans", "DURATION", "P3Y")),
    case(
        "The talks lasted three years, then a few weeks more.",
        "2022-09-07",
        ("three years", "DURATION", "P3Y"),
        ("a few weeks", "DURATION", "PXW"),
        language="en",
    ),
]

SETS = [
    case("Bagdad exporte 5 milliards de dollars par semestre.", "1999-05-27", ("par semestre", "SET", "P6M")),
    case(
        "Chaque jour, tous les jeudis et tous les deux ans.",
        "2022-09-07",
        ("Chaque jour", "SET", "P1D"),
        ("tous les jeudis", "SET", "XXXX-WXX-4"),
        ("tous les deux ans", "SET", "P2Y"),
    ),
    case(
        "Il s'entraîne trois fois par semaine ; la réunion est hebdomadaire.",
        "2022-09-07",
        ("par semaine", "SET", "P1W"),
        ("hebdomadaire", "SET", "P1W"),
    ),
    case("L'hebdomadaire a publié la mise à jour.", "2022-09-07"),
    case(
        "Les clubs se réunissent les deuxième et quatrième jeudis.",
        "2002-09-10",
        ("les deuxième et quatrième jeudis", "SET", "XXXX-WXX-4"),
    ),
    case(
        "They meet every day and publish weekly.",
        "2022-09-07",
        ("every day", "SET", "P1D"),
        ("weekly", "SET", "P1W"),
        language="en",
    ),
]

REFERENCES = [
    case(
        "Désormais, il vit à Nancy ; auparavant, à Metz ; bientôt, à Paris.",
        "2022-09-07",
        ("Désormais", "TIME", "PRESENT_REF"),
        ("auparavant", "TIME", "PAST_REF"),
        ("bientôt", "TIME", "FUTURE_REF"),
    ),
    case(
        "Les prochaines échéances sont actuellement prévues.",  # a time noun; "élections" is an event's
        "2022-09-07",
        ("prochaines", "TIME", "FUTURE_REF"),
        ("actuellement", "TIME", "PRESENT_REF"),
    ),
    case("« Now », a-t-il dit, en anglais.", "2022-09-07"),
    case(
        "It is currently unclear; previously it was, and soon it will be.",
        "2022-09-07",
        ("currently", "TIME", "PRESENT_REF"),
        ("previously", "TIME", "PAST_REF"),
        ("soon", "TIME", "FUTURE_REF"),
        language="en",
    ),
]

SEASONS = [
    case("Le festival reviendra cet été.", "2022-05-10", ("cet été", "DATE", "2022-SU")),
    case("L'hiver dernier a été rude.", "2022-07-10", ("L'hiver dernier", "DATE", "2021-WI")),
    case(
        "En été, la ville se vide ; il a été maire l'été 1998.",
        "2022-07-10",
        ("été", "DATE", "XXXX-SU"),
        ("l'été 1998", "DATE", "1998-SU"),
    ),
    case("Les Jeux d'hiver ont ouvert ; les mois d'été seront chauds.", "2002-02-09", ("été", "DATE", "XXXX-SU")),
    case("Prices rose last summer.", "2022-11-07", ("last summer", "DATE", "2022-SU"), language="en"),
]

ERAS = [
    case(
        "Dans les années 60 et les années 1990.",
        "2003-01-01",
        ("les années 60", "DATE", "196"),
        ("les années 1990", "DATE", "199"),
    ),
    case(
        "À la fin du XIXe siècle, puis au XXIe siècle.",
        "2003-01-01",
        ("la fin du XIXe siècle", "DATE", "18"),
        ("XXIe siècle", "DATE", "20"),
    ),
    case("Le siècle dernier a vu deux guerres.", "2003-01-01", ("Le siècle dernier", "DATE", "19")),
    case(
        "In the 1960s and the sixties, and in the 19th century.",
        "2003-01-01",
        ("the 1960s", "DATE", "196"),
        ("the sixties", "DATE", "196"),
        ("the 19th century", "DATE", "18"),
        language="en",
    ),
]

HOLIDAYS = [
    case("Noël Mamère a réussi l'ascension du mont Blanc ; il ira à Saint-Jean-de-Luz.", "2022-03-01"),
    case(
        "Le lundi de Pâques et la Saint-Jean.",
        "2022-03-01",
        ("Le lundi de Pâques", "DATE", "2022-04-18"),
        ("la Saint-Jean", "DATE", "2022-06-24"),
    ),
    case(
        "Les fidèles se réuniront à Pâques et à la Pentecôte.",
        "2022-03-01",
        ("Pâques", "DATE", "2022-04-17"),
        ("la Pentecôte", "DATE", "2022-06-05"),
    ),
    case("Le pont de l'Ascension sera long.", "2022-03-01", ("l'Ascension", "DATE", "2022-05-26")),
    case("Il est rentré à Noël dernier.", "2022-03-01", ("Noël dernier", "DATE", "2021-12-25")),
    case("Le père Noël passera.", "2022-12-01"),
    case(
        "Le premier dimanche du printemps aura lieu la fête.",
        "2022-01-10",
        ("Le premier dimanche du printemps", "DATE", "2022-03-20"),
    ),
    case(
        "Le dernier jeudi de novembre, on célébrera.",
        "2022-09-07",
        ("Le dernier jeudi de novembre", "DATE", "2022-11-24"),
    ),
    case(
        "We will meet at Easter and at Thanksgiving.",
        "2022-03-01",
        ("Easter", "DATE", "2022-04-17"),
        ("Thanksgiving", "DATE", "2022-11-24"),
        language="en",
    ),
]


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), DATES)
def test_dates(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), RELATIVE)
def test_relative_days_and_periods(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), CLOCK)
def test_clock_times(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), PARTS)
def test_parts_of_day(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), DURATIONS)
def test_durations(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), SETS)
def test_sets(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), REFERENCES)
def test_present_past_and_future_references(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), SEASONS)
def test_seasons(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), ERAS)
def test_decades_and_centuries(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


@pytest.mark.parametrize(("sentence", "dct", "language", "expected"), HOLIDAYS)
def test_holidays(sentence, dct, language, expected):
    check(sentence, dct, language, expected)


# -- intervals ------------------------------------------------------------------------------------------


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("value", "mod", "earliest", "latest", "granularity"),
    [
        ("1999-05-18", None, "1999-05-18", "1999-05-19", "day"),
        ("1999-05-18TNI", None, "1999-05-18T22:00", "1999-05-19T06:00", "part-of-day"),  # into the next morning
        ("1999-05-18TEV", None, "1999-05-18T18:00", "1999-05-19T00:00", "part-of-day"),
        ("1999-05-18T21:45", None, "1999-05-18T21:45", "1999-05-18T21:46", "minute"),
        ("2003-02-20T00:40", "APPROX", "2003-02-20T00:10", "2003-02-20T01:10", "minutes"),  # ±30 min
        ("2022-09-07T24:00", None, "2022-09-08T00:00", "2022-09-08T00:01", "minute"),
        ("1999-W27", None, "1999-07-05", "1999-07-12", "week"),
        ("2003-W05-WE", None, "2003-02-01", "2003-02-03", "days"),
        ("2002-10", "START", "2002-10-01", "2002-10-11", "month-part"),
        ("2002-10", "END", "2002-10-21", "2002-11-01", "month-part"),
        ("2021-WI", None, "2021-12-21", "2022-03-20", "season"),
        ("196", None, "1960-01-01", "1970-01-01", "decade"),
        ("18", "END", "1875-01-01", "1900-01-01", "century"),
        ("2002", None, "2002-01-01", "2003-01-01", "year"),
    ],
)
def test_values_become_intervals(value, mod, earliest, latest, granularity):
    assert interval(value, None, mod) == (at(earliest), at(latest), granularity)


@pytest.mark.parametrize("value", ["XXXX-SU", "P3Y", "XXXX-WXX-4", "0000-09", "9999-13", "PRESENT_REF"])
def test_values_without_a_place_on_the_calendar_have_none(value):
    assert interval(value, None)[:2] == (None, None)


def test_the_last_year_of_the_calendar_has_an_open_end():
    assert interval("9999", None) == (at("9999-01-01"), None, "year")


def test_a_gmt_time_is_placed_in_the_reports_zone():
    paris = timezone(timedelta(hours=1))
    earliest, _, _ = interval("2022-09-07T14:40Z", paris)
    assert earliest == datetime(2022, 9, 7, 15, 40, tzinfo=paris)


def test_easter_is_the_gregorian_computus():
    assert [easter(y) for y in (2000, 2019, 2022, 2024, 2025)] == [
        date(2000, 4, 23), date(2019, 4, 21), date(2022, 4, 17), date(2024, 3, 31), date(2025, 4, 20),
    ]  # fmt: skip


# -- context: the publication's uncertainty, offsets ---------------------------------------------------------

KYIV = timezone(timedelta(hours=3))


def test_an_uncertain_publication_widens_the_interval_and_the_estimate_gives_the_value():
    published = Publication(
        earliest=datetime(2022, 9, 10, 20, 0, tzinfo=KYIV),
        estimate=datetime(2022, 9, 11, 12, 0, tzinfo=KYIV),
        latest=datetime(2022, 9, 11, 23, 59, tzinfo=KYIV),
        basis="test",
    )
    (hier,) = tag("Hier, les troupes ont avancé.", published, "fr")
    assert hier.value == "2022-09-10"
    assert (hier.earliest, hier.latest) == (datetime(2022, 9, 9, tzinfo=KYIV), datetime(2022, 9, 11, tzinfo=KYIV))


def test_offsets_are_characters_of_the_text_as_given():
    text = "Œuvre « été » —\r\nÀ 20 h 30, l’équipe est partie ; hier soir 😀 aussi."
    for timex in tag(text, publication_on(date(2022, 9, 7)), "fr"):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in tag(text, publication_on(date(2022, 9, 7)), "fr")] == ["20 h 30", "hier soir"]


@pytest.mark.slow  # in a fresh interpreter
def test_the_tagger_is_not_imported_by_the_engine():
    import subprocess
    import sys

    code = "import sys, tui.temporal; print('tui.temporal.tagging' in sys.modules)"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


# -- the tense of the verb, read from its form --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("La réunion se tiendra lundi.", "future"),
        ("Le ministre devrait signer lundi.", "future"),
        ("Le chantier va commencer lundi.", "future"),
        ("Il a été arrêté lundi.", "past"),
        ("Les élus votaient lundi.", "past"),
        ("Il a dit vrai lundi.", "past"),  # "vrai" has a future's ending
        ("Il entra lundi dans la salle.", "present"),  # the passé simple is not read, but not taken for a future
        ("Lundi, la ville dort.", "present"),
        ("They will meet on Monday.", "future"),
        ("They met and talked on Monday.", "past"),
    ],
)
def test_the_tense_of_the_nearest_verb(sentence, tense):
    from tui.temporal.tagging.context import Context
    from tui.temporal.tagging.lexicon import fold

    ctx = Context(sentence, fold(sentence), date(2022, 9, 7))
    at = fold(sentence).index("lundi") if "undi" in sentence else fold(sentence).index("monday")
    assert ctx.tense(at, at + 5 + ("monday" in fold(sentence))) == tense
