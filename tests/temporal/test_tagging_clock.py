"""Each rule of the time reader's clock times (tui/temporal/tagging/clock.py: "à 23 h 59", "Il a dormi 13 heures",
"12 a.m.", "Midi", "à 22 h GMT ; vers 0 h 40") on its own (issue 19's mutation testing left 63 of its 334
mutants alive)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag
from tui.temporal.tagging.lexicon import fold


def read(text: str, published: str, language: str = "fr") -> list[tuple[str, str, str, str | None]]:
    found = tag(text, publication_on(date.fromisoformat(published)), language)
    return [(t.text, t.type, t.value, t.mod) for t in found]


def row(text: str, *expected: tuple[str, str, str, str | None], published="2022-09-07", language="fr", id: str):
    return pytest.param(text, published, language, list(expected), id=id)


READINGS = [
    # a duration, not a time of day: a word that says so before it, an hour past 24, or more than 12 hours spelled
    row("En 3 heures, l'incendie a tout détruit.", ("3 heures", "DURATION", "PT3H", None),
        id="en 3 heures at the text's start"),
    row("Il a parlé pendant 1 h 30.", ("1 h 30", "DURATION", "PT1H30M", None), id="pendant 1 h 30"),
    row("Il a parlé pendant 1 h 59.", ("1 h 59", "DURATION", "PT1H59M", None), id="pendant 1 h 59"),
    row("Il a travaillé 30 h d'affilée.", ("30 h", "DURATION", "PT30H", None), id="30 h"),
    row("Il a travaillé 25 h d'affilée.", ("25 h", "DURATION", "PT25H", None), id="25 h"),
    row("Il a dormi 13 heures.", ("13 heures", "DURATION", "PT13H", None), id="13 heures spelled"),
    row("Il a dormi 15 heures.", ("15 heures", "DURATION", "PT15H", None), id="15 heures spelled"),
    # a time of day
    row("Il est 12 heures.", ("12 heures", "TIME", "2022-09-07T12:00", None), id="12 heures spelled"),
    row("Le couvre-feu commence à 24 h.", ("24 h", "TIME", "2022-09-07T24:00", None), id="à 24 h"),
    row("Il est arrivé à 23 h 59.", ("23 h 59", "TIME", "2022-09-07T23:59", None), id="à 23 h 59"),
    row("vers 24 h", ("vers 24 h", "TIME", "2022-09-07T24:00", "APPROX"), id="vers 24 h"),
    row("vers 25 h", id="vers 25 h: no hour of a day"),
    row("Il est arrivé à 12 h 30 de l'après-midi.", ("12 h 30 de l'après-midi", "TIME", "2022-09-07T12:30", None),
        id="12 h 30 de l'après-midi"),
    row("They met at 12 p.m.", ("12 p.m.", "TIME", "2022-09-07T12:00", None), language="en", id="en: 12 p.m."),
    row("They met at 12 a.m.", ("12 a.m.", "TIME", "2022-09-07T00:00", None), language="en", id="en: 12 a.m."),
    row("They met at 10 a.m.", ("10 a.m.", "TIME", "2022-09-07T10:00", None), language="en", id="en: 10 a.m."),
    # "Midi" with a capital is the south of France, unless it begins the text or a sentence
    row("Midi : la séance reprend.", ("Midi", "TIME", "2022-09-07T12:00", None), id="Midi at the text's start"),
    row("Il pleut. Midi sonne.", ("Midi", "TIME", "2022-09-07T12:00", None), id="Midi after a full stop"),
    row("(Midi Libre) Le journal.", id="Midi Libre"),
    # the day of a time: a weekday said right after it, in the verb's tense; past midnight after a late hour
    row("Vers 10 h, jeudi, il partira.", ("Vers 10 h", "TIME", "2022-09-08T10:00", "APPROX"),
        ("jeudi", "DATE", "2022-09-08", None), id="vers 10 h, jeudi, in the future"),
    row("Le feu a pris à 22 h GMT ; vers 0 h 40, il était éteint.", ("22 h GMT", "TIME", "2022-09-07T22:00Z", None),
        ("vers 0 h 40", "TIME", "2022-09-08T00:40", "APPROX"), id="22 h GMT, then 0 h 40 the next day"),
    row("À 22 h, il est arrivé ; à ce moment-là, il pleuvait.", ("22 h", "TIME", "2022-09-07T22:00", None),
        ("à ce moment-là", "TIME", "2022-09-07T22:00", None), id="à ce moment-là: the last clock time"),
    row("Hier à 10 h, il est arrivé ; le lendemain, il est reparti.",
        ("Hier à 10 h", "TIME", "1999-09-03T10:00", None), ("le lendemain", "DATE", "1999-09-04", None),
        published="1999-09-04", id="hier à 10 h names the day"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "language", "expected"), READINGS)
def test_a_clock_time_is_read_so(text: str, published: str, language: str, expected: list) -> None:
    assert read(text, published, language) == expected


def test_the_zone_words_are_their_tables():
    """Asked directly: the clock rule's pattern is built as the tagger is imported, before a mutant runs."""
    from tui.temporal.tagging.clock import _zone_words

    utc, local = _zone_words("Z"), _zone_words("local")
    for word in ("gmt", "utc"):
        assert re.fullmatch(utc, word), word
    assert not re.fullmatch(utc, "heure locale")
    assert re.fullmatch(local, "heure  locale")  # any run of spaces between a word's parts
    assert not re.fullmatch(local, "gmt")


def test_the_place_after_a_time_is_named_with_single_spaces():
    from tui.temporal.tagging.clock import place_after

    folded = fold("Vote à 20 h à New  York.")
    at = folded.index("20 h") + len("20 h")
    assert place_after(folded, at) == (len(folded) - 1, "new york")
