"""Each rule of the time reader's parts of the day (tui/temporal/tagging/parts.py: "hier soir", "cette nuit",
"le lendemain matin", "ce matin-là", "la nuit suivante", "en fin d'après-midi", "la nuit de lundi à mardi",
"tonight") on its own, with the day each falls on (issue 19's mutation testing of tagging/parts.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag

SUNDAY = publication_on(date(2024, 6, 23))
TUESDAY = "Mardi, il part. "  # names Tuesday 18 June 2024: the focus of what follows


def read(text: str, language: str = "fr") -> list[tuple[str, str, str | None]]:
    return [(timex.text, timex.value, timex.mod) for timex in tag(text, SUNDAY, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a day from the publication, then the part
        ("hier soir", "fr", ("hier soir", "2024-06-22TEV", None)),
        ("avant-hier soir", "fr", ("avant-hier soir", "2024-06-21TEV", None)),
        ("hier au petit matin", "fr", ("hier au petit matin", "2024-06-22TMO", None)),
        ("hier après midi", "fr", ("hier après midi", "2024-06-22TAF", None)),
        ("demain matin", "fr", ("demain matin", "2024-06-24TMO", None)),
        ("après-demain matin", "fr", ("après-demain matin", "2024-06-25TMO", None)),
        ("aujourd'hui en début de soirée", "fr", ("aujourd'hui en début de soirée", "2024-06-23TEV", "START")),
        ("yesterday morning", "en", ("yesterday morning", "2024-06-22TMO", None)),
        # a demonstrative: the publication's, but "cette nuit" the one just past unless told in the future
        ("ce soir", "fr", ("ce soir", "2024-06-23TEV", None)),
        ("cet après-midi", "fr", ("cet après-midi", "2024-06-23TAF", None)),
        ("this morning", "en", ("this morning", "2024-06-23TMO", None)),
        ("cette nuit", "fr", ("cette nuit", "2024-06-22TNI", None)),
        ("last night", "en", ("last night", "2024-06-22TNI", None)),
        ("tonight", "en", ("tonight", "2024-06-23TNI", None)),
        # a weekday: the last one, or the one its date or "dernier"/"prochain" says
        ("mardi matin", "fr", ("mardi matin", "2024-06-18TMO", None)),
        ("Monday morning", "en", ("Monday morning", "2024-06-17TMO", None)),
        ("lundi 17 juin au matin", "fr", ("lundi 17 juin au matin", "2024-06-17TMO", None)),
        ("lundi 1er juillet au matin", "fr", ("lundi 1er juillet au matin", "2024-07-01TMO", None)),
        ("Il partira lundi 6 janvier au matin", "fr", ("lundi 6 janvier au matin", "2025-01-06TMO", None)),
        ("lundi dernier au soir", "fr", ("lundi dernier au soir", "2024-06-17TEV", None)),
        ("lundi prochain au soir", "fr", ("lundi prochain au soir", "2024-06-24TEV", None)),
        ("samedi dernier dans la soirée", "fr", ("samedi dernier dans la soirée", "2024-06-22TEV", None)),
        ("dimanche dernier au soir", "fr", ("dimanche dernier au soir", "2024-06-16TEV", None)),
        ("dimanche prochain au soir", "fr", ("dimanche prochain au soir", "2024-06-30TEV", None)),
        ("samedi prochain au soir", "fr", ("samedi prochain au soir", "2024-06-29TEV", None)),
        # a part alone: on the day in focus, with its modifier
        ("la nuit", "fr", ("la nuit", "2024-06-23TNI", None)),
        ("en fin d'après-midi", "fr", ("en fin d'après-midi", "2024-06-23TAF", "END")),
        ("en début d'après-midi", "fr", ("en début d'après-midi", "2024-06-23TAF", "START")),
        ("en milieu de matinée", "fr", ("en milieu de matinée", "2024-06-23TMO", "MID")),
        ("tôt le matin", "fr", ("tôt le matin", "2024-06-23TMO", "START")),
        ("tard dans la soirée", "fr", ("tard dans la soirée", "2024-06-23TEV", "END")),
        ("early in the morning", "en", ("early in the morning", "2024-06-23TMO", "START")),
        ("late in the evening", "en", ("late in the evening", "2024-06-23TEV", "END")),
        # "prochain": the publication's coming night, the next day's other parts
        ("la nuit prochaine", "fr", ("la nuit prochaine", "2024-06-23TNI", None)),
        ("le soir prochain", "fr", ("le soir prochain", "2024-06-24TEV", None)),
        ("la nuit dernière", "fr", ("la nuit dernière", "2024-06-22TNI", None)),
        # at night, no night in particular
        ("des rondes nocturnes", "fr", ("nocturnes", "TNI", None)),
    ],
)
def test_a_part_of_the_day_is_read_so(text: str, language: str, expected: tuple[str, str, str | None]) -> None:
    assert read(text, language) == [expected]


def test_cette_nuit_told_in_the_future_is_the_coming_night() -> None:
    assert read("il neigera cette nuit") == [("cette nuit", "2024-06-23TNI", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La veille au soir, rien.", ("La veille au soir", "2024-06-17TEV", None)),
        ("Le lendemain soir, rien.", ("Le lendemain soir", "2024-06-19TEV", None)),
        ("Le même jour au soir, rien.", ("Le même jour au soir", "2024-06-18TEV", None)),
        ("Ce matin-là, il pleut.", ("Ce matin-là", "2024-06-18TMO", None)),
        ("Cet après-midi-là, il pleut.", ("Cet après-midi-là", "2024-06-18TAF", None)),
        ("Cette nuit-là, il pleut.", ("Cette nuit-là", "2024-06-18TNI", None)),
        ("Le soir même, rien.", ("Le soir même", "2024-06-18TEV", None)),
        ("La nuit suivante, rien.", ("La nuit suivante", "2024-06-19TNI", None)),
        ("La nuit précédente, rien.", ("La nuit précédente", "2024-06-17TNI", None)),
        ("Le soir précédent, rien.", ("Le soir précédent", "2024-06-17TEV", None)),
        # "dernière", "prochain" are the publication's, not the focus's
        ("La nuit dernière, rien.", ("La nuit dernière", "2024-06-22TNI", None)),
        ("La nuit prochaine, rien.", ("La nuit prochaine", "2024-06-23TNI", None)),
        ("Le matin prochain, rien.", ("Le matin prochain", "2024-06-24TMO", None)),
        # "ce même lundi": the last Monday before the focus
        ("Ce même lundi après-midi, rien.", ("Ce même lundi après-midi", "2024-06-17TAF", None)),
    ],
)
def test_a_part_of_the_day_after_a_named_day_is_counted_from_it(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert read(TUESDAY + text) == [("Mardi", "2024-06-18", None), expected]


def test_a_part_with_its_day_becomes_the_focus() -> None:
    """ "lundi soir" names Monday: "le lendemain" after it is Tuesday."""
    assert read("Lundi soir, il part. Le lendemain, rien.") == [
        ("Lundi soir", "2024-06-17TEV", None),
        ("Le lendemain", "2024-06-18", None),
    ]


def test_a_part_alone_does_not_move_the_focus() -> None:
    assert read("Mardi, il part. La nuit suivante, rien. Le lendemain, rien.")[2] == (
        "Le lendemain",
        "2024-06-19",
        None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la nuit de lundi à mardi", [("la nuit de lundi à mardi", "2024-06-17TNI", None)]),
        ("la nuit du samedi au dimanche", [("la nuit du samedi au dimanche", "2024-06-22TNI", None)]),
        ("la nuit de samedi", [("la nuit de samedi", "2024-06-22TNI", None)]),
        ("la nuit de dimanche à lundi", [("la nuit de dimanche à lundi", "2024-06-23TNI", None)]),
        ("Il partira la nuit de lundi à mardi", [("la nuit de lundi à mardi", "2024-06-24TNI", None)]),
        # two days not one after the other: no night between them
        (
            "la nuit de lundi à mercredi",
            [("la nuit de lundi", "2024-06-17TNI", None), ("mercredi", "2024-06-19", None)],
        ),
    ],
)
def test_the_night_between_two_days_is_the_first_ones(text: str, expected) -> None:
    assert read(text) == expected


def test_the_night_between_two_days_becomes_the_focus() -> None:
    assert read("La nuit de lundi à mardi, rien. Le lendemain, rien.")[1] == ("Le lendemain", "2024-06-18", None)


def test_ce_meme_lundi_is_the_last_monday_up_to_the_day_in_focus() -> None:
    """From Saturday 7 March 2020, "ce même lundi" is the Monday before it (the 2nd), not the nearest (the 9th)."""
    assert read("Le 7 mars 2020, il part. Ce même lundi après-midi, rien.")[1] == (
        "Ce même lundi après-midi",
        "2020-03-02TAF",
        None,
    )


def test_tonight_is_a_time_the_publications_night() -> None:
    (timex,) = tag("tonight", SUNDAY, "en")
    assert (timex.type, timex.value) == ("TIME", "2024-06-23TNI")
