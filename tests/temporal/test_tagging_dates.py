"""Each rule of the time reader's calendar dates (tui/temporal/tagging/dates.py: "le 27 mai 98", "juin dernier",
"fin 2002", "le lundi suivant", "vendredi 13") on its own (issue 19's mutation testing left 149 of its 550
mutants alive). The readers are plain functions the rules call, so reading a text reaches them."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag


def read(text: str, published: str, language: str = "fr") -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, publication_on(date.fromisoformat(published)), language)]


def row(text: str, published: str, *expected: tuple[str, str, str | None], language: str = "fr", id: str):
    return pytest.param(text, published, language, list(expected), id=id)


YEARS = [
    # a two-digit year is in the century that puts it no more than ten years after the publication
    row("Le chantier a ouvert en octobre '05.", "2022-07-05", ("octobre '05", "2005-10", None), id="'05 in 2022"),
    row("Il a ouvert en octobre '98.", "1999-05-23", ("octobre '98", "1998-10", None), id="'98 in 1999"),
    row("Le chantier ouvrira en mars 32.", "2022-05-23", ("mars 32", "2032-03", None), id="32: ten years on"),
    row("Le chantier a ouvert en mars 33.", "2022-05-23", ("mars 33", "1933-03", None), id="33: eleven years on"),
    row("Il a démissionné le 27 mai 98.", "2022-06-20", ("le 27 mai 98", "1998-05-27", None), id="day month 98"),
    row("Le décret du 10/11/93 reste.", "2002-01-21", ("10/11/93", "1993-11-10", None), id="numeric, two digits"),
    # English writes the month first
    row("The decree of 10/11/1993 holds.", "2002-01-21", ("10/11/1993", "1993-10-11", None), language="en",
        id="en: numeric, month first"),
    # a bare four-digit number is a year from 1900 to 2099; "l'an", "the year" make any one a year
    row("Le numéro 1900 a gagné.", "2022-09-10", ("1900", "1900", None), id="1900 bare"),
    row("Le numéro 2099 a gagné.", "2022-09-10", ("2099", "2099", None), id="2099 bare"),
    row("Le numéro 1899 a gagné.", "2022-09-10", id="1899 bare: no year"),
    row("Le numéro 2100 a gagné.", "2022-09-10", id="2100 bare: no year"),
    row("Le numéro 1234 a gagné.", "2022-09-10", id="1234 bare: no year"),
    row("En l'an 1515, la bataille.", "2022-09-10", ("l'an 1515", "1515", None), id="l'an 1515"),
    row("The year 1066 saw a battle.", "2022-09-10", ("The year 1066", "1066", None), language="en",
        id="en: the year 1066"),
    # part of a larger number, or a number that counts: no year
    row("1.2000 était le taux.", "2022-09-10", id="a decimal at the text's start"),
    row("Le taux était de 1.2000.", "2022-09-10", id="a decimal"),
    row("Un indice de 1999,5.", "2022-09-10", id="a decimal comma after"),
    row("Quelque 2000 ont défilé.", "2022-09-10", id="quelque 2000 at the text's start"),
    row("Ils étaient quelque 2000 à défiler.", "2022-09-10", id="quelque 2000"),
    # the part of a year
    row("Il a été élu fin 2002.", "2003-09-10", ("fin 2002", "2002", "END"), id="fin 2002"),
    row("Il a été élu début 2002.", "2003-09-10", ("début 2002", "2002", "START"), id="début 2002"),
    row("Il a été élu à la mi-2002.", "2003-09-10", ("à la mi-2002", "2002", "MID"), id="mi-2002"),
]  # fmt: skip

MONTHS = [
    # "dernier"/"prochain" said in the month itself: the one before, the one after
    row("Il est parti en juin dernier.", "2022-06-20", ("juin dernier", "2021-06", None), id="juin dernier in June"),
    row("Il partira en juin prochain.", "2022-06-20", ("juin prochain", "2023-06", None), id="juin prochain in June"),
    # no year, no tense: the one whose middle is nearest the publication
    row("Rendez-vous en juin.", "2022-12-14", ("juin", "2022-06", None), id="juin said on 14 December"),
    row("Rendez-vous en juin.", "2022-12-15", ("juin", "2023-06", None), id="juin said on 15 December"),
    # "Mars" with a capital is the planet, unless it begins a sentence; English "march" and "may" are verbs
    row("Il pleuvait. Mars a été froid.", "2022-09-10", ("Mars", "2022-03", None), id="Mars after a full stop"),
    row("Il pleuvait sur Mars.", "2022-09-10", id="the planet Mars"),
    row("Veterans will march together.", "2022-09-10", language="en", id="en: march the walk"),
    row("Prices may 5 times rise.", "2022-09-10", language="en", id="en: may the verb before a number"),
    row("The summit opened on May 5.", "2022-09-10", ("May 5", "2022-05-05", None), language="en", id="en: May 5"),
    row("The summit opened on september 8, 2022.", "2022-09-10", ("september 8, 2022", "2022-09-08", None),
        language="en", id="en: a month in lower case"),
]  # fmt: skip

DAYS = [
    # "dernier"/"prochain" on the publication day itself: that day (the estimate may be a day early)
    row("Il est parti le 20 juin dernier.", "2022-06-20", ("le 20 juin dernier", "2022-06-20", None),
        id="le 20 juin dernier said on 20 June"),
    row("Il partira le 20 juin prochain.", "2022-06-20", ("le 20 juin prochain", "2022-06-20", None),
        id="le 20 juin prochain said on 20 June"),
    # a day no month has: only the month is read
    row("Il est parti le 31 juin dernier.", "2022-09-20", ("juin dernier", "2022-06", None), id="le 31 juin dernier"),
    row("Il partira le 31 juin prochain.", "2022-09-20", ("juin prochain", "2023-06", None), id="le 31 juin prochain"),
    # at the calendar's ends
    row("Il est parti le 5 janvier dernier.", "0001-01-10", ("le 5 janvier dernier", "0001-01-05", None),
        id="le 5 janvier dernier in year 1"),
    row("Il partira le 20 décembre prochain.", "9999-12-10", ("le 20 décembre prochain", "9999-12-20", None),
        id="le 20 décembre prochain in year 9999"),
    # a weekday with the date: the year in which that day is that weekday, whatever the tense
    row("Il arrivera samedi 6 avril.", "2024-12-20", ("samedi 6 avril", "2024-04-06", None),
        id="samedi 6 avril: 2024's, not the nearer 2025's"),
    # a weekday and a day number: the nearest such day within six months either way, the earlier on a tie
    row("Le vendredi 13, rien.", "2026-02-27", ("Le vendredi 13", "2026-02-13", None), id="vendredi 13: a tie"),
    row("Le vendredi 13, rien.", "2026-03-20", ("Le vendredi 13", "2026-03-13", None), id="vendredi 13: nearest"),
    row("Jeudi 12, le conseil se réunit.", "2025-03-13", ("Jeudi 12", "2024-12-12", None), id="jeudi 12 in December"),
    row("Samedi 30, le conseil se réunit.", "2023-01-01", ("Samedi 30", "2022-07-30", None),
        id="samedi 30 six months back"),
    row("Jeudi 12, le conseil se réunit.", "2024-03-29", ("Jeudi 12", "2024-09-12", None),
        id="jeudi 12 six months ahead"),
    row("Samedi 30, le conseil se réunit.", "2023-02-01", ("Samedi", "2023-01-28", None),
        id="no samedi 30 within six months: the weekday alone"),
]  # fmt: skip

WEEKDAYS = [
    row("Le lundi 6 mai 2024, il est arrivé ; le lundi suivant, il est reparti.", "2024-06-23",
        ("Le lundi 6 mai 2024", "2024-05-06", None), ("le lundi suivant", "2024-05-13", None),
        id="le lundi suivant a Monday"),
    row("Le dimanche 5 mai 2024, il est arrivé ; le lundi suivant, il est reparti.", "2024-06-23",
        ("Le dimanche 5 mai 2024", "2024-05-05", None), ("le lundi suivant", "2024-05-06", None),
        id="le lundi suivant a Sunday"),
    row("He arrived on Monday, May 6, 2024, and left the Monday following.", "2024-06-23",
        ("Monday, May 6, 2024", "2024-05-06", None), ("Monday following", "2024-05-13", None), language="en",
        id="en: the Monday following"),
    row("Le mardi 7 mai 2024, il est arrivé ; le mardi précédent, il était parti.", "2024-06-23",
        ("Le mardi 7 mai 2024", "2024-05-07", None), ("le mardi précédent", "2024-04-30", None),
        id="le mardi précédent a Tuesday"),
    row("Le mercredi 8 mai 2024, il est arrivé ; le mardi précédent, il était parti.", "2024-06-23",
        ("Le mercredi 8 mai 2024", "2024-05-08", None), ("le mardi précédent", "2024-05-07", None),
        id="le mardi précédent a Wednesday"),
    row("He arrived on Wednesday, May 8, 2024; he had left the Tuesday before.", "2024-06-23",
        ("Wednesday, May 8, 2024", "2024-05-08", None), ("Tuesday before", "2024-05-07", None), language="en",
        id="en: the Tuesday before"),
    row("He resigned last Friday.", "2022-09-09", ("last Friday", "2022-09-02", None), language="en",
        id="en: last Friday said on a Friday"),
    row("They will meet next Monday.", "2022-09-05", ("next Monday", "2022-09-12", None), language="en",
        id="en: next Monday said on a Monday"),
    row("Ils se verront lundi prochain.", "2022-09-05", ("lundi prochain", "2022-09-12", None),
        id="lundi prochain said on a Monday"),
    row("Ils se verront lundi prochain.", "2022-09-07", ("lundi prochain", "2022-09-12", None),
        id="lundi prochain said on a Wednesday"),
    row("Il est parti mercredi dernier.", "2022-09-07", ("mercredi dernier", "2022-08-31", None),
        id="mercredi dernier said on a Wednesday"),
    row("Le lundi 6 mai 2024, il a signé ; ce même lundi, il a démissionné.", "2024-06-23",
        ("Le lundi 6 mai 2024", "2024-05-06", None), ("ce même lundi", "2024-05-06", None),
        id="ce même lundi: the focus's"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "language", "expected"), YEARS)
def test_a_year_is_read_so(text: str, published: str, language: str, expected: list) -> None:
    assert read(text, published, language) == expected


@pytest.mark.parametrize(("text", "published", "language", "expected"), MONTHS)
def test_a_month_is_read_so(text: str, published: str, language: str, expected: list) -> None:
    assert read(text, published, language) == expected


@pytest.mark.parametrize(("text", "published", "language", "expected"), DAYS)
def test_a_day_of_the_month_is_read_so(text: str, published: str, language: str, expected: list) -> None:
    assert read(text, published, language) == expected


@pytest.mark.parametrize(("text", "published", "language", "expected"), WEEKDAYS)
def test_a_weekday_is_read_so(text: str, published: str, language: str, expected: list) -> None:
    assert read(text, published, language) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Il est parti en janvier dernier.", "0002-01-10", [("janvier dernier", "0001-01", None)]),
        ("Il est parti en janvier dernier.", "0001-01-10", []),
        ("Il partira en décembre prochain.", "9998-12-10", [("décembre prochain", "9999-12", None)]),
        ("Il partira en décembre prochain.", "9999-12-10", []),
    ],
    ids=["year 1", "before year 1", "year 9999", "after year 9999"],
)
def test_a_month_at_the_calendars_ends(text: str, published: str, expected: list) -> None:
    assert read(text, published) == expected
