"""Each rule of the time reader's decades and centuries (tui/temporal/tagging/eras.py: "les années 60",
"le XIXe siècle", "la fin du XIXe siècle", "le siècle dernier"; "the 1960s", "the sixties") on its own
(issue 19's mutation testing of tagging/eras.py)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag

SUNDAY = publication_on(date(2024, 6, 23))


def read(text: str, language: str = "fr") -> list[tuple[str, str, str | None]]:
    return [(timex.text, timex.value, timex.mod) for timex in tag(text, SUNDAY, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ce siècle", [("ce siècle", "20", None)]),  # was the 100th century ("c" + "e")
        ("au début de ce siècle", [("au début de ce siècle", "20", "START")]),
        ("le siècle", []),  # was the 50th century ("l" + "e")
        ("Le siècle des Lumières", []),
        ("le Ve siècle", [("le Ve siècle", "04", None)]),
        ("le XIXe siècle", [("le XIXe siècle", "18", None)]),
    ],
)
def test_le_and_ce_before_siecle_are_no_roman_numerals(text: str, expected) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early last century", [("early last century", "19", "START")]),  # was this century, "20"
        ("late this century", [("late this century", "20", "END")]),
        ("the last century", [("the last century", "19", None)]),
    ],
)
def test_last_before_century_is_the_one_before_the_publications(text: str, expected) -> None:
    assert read(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a decade: its first three digits; two digits in the last century, or this one if it has begun
        ("les années 60", "fr", [("les années 60", "196", None)]),
        ("les années 30", "fr", [("les années 30", "193", None)]),
        ("les années 20", "fr", [("les années 20", "202", None)]),
        ("les années 1990", "fr", [("les années 1990", "199", None)]),
        ("les années 2020", "fr", [("les années 2020", "202", None)]),
        ("les années soixante", "fr", [("les années soixante", "196", None)]),
        ("les années quatre-vingt-dix", "fr", [("les années quatre-vingt-dix", "199", None)]),
        ("les années 25", "fr", []),  # no decade
        ("au début des années 2000", "fr", [("début des années 2000", "200", "START")]),
        ("le milieu des années 1970", "fr", [("le milieu des années 1970", "197", "MID")]),
        ("la fin des années 80", "fr", [("la fin des années 80", "198", "END")]),
        ("the 1960s", "en", [("the 1960s", "196", None)]),
        ("the 2010s", "en", [("the 2010s", "201", None)]),
        ("the '60s", "en", [("the '60s", "196", None)]),
        ("the sixties", "en", [("the sixties", "196", None)]),
        ("the nineties", "en", [("the nineties", "199", None)]),
        ("the early 1960s", "en", [("the early 1960s", "196", "START")]),
        ("mid-1980s", "en", [("mid-1980s", "198", "MID")]),
        ("the mid '70s", "en", [("the mid '70s", "197", "MID")]),
        ("in the late 1990s", "en", [("the late 1990s", "199", "END")]),
        # a century: its first two digits (the 19th is "18"), in Roman numerals, digits or words
        ("le XIXe siècle", "fr", [("le XIXe siècle", "18", None)]),
        ("le IVe siècle", "fr", [("le IVe siècle", "03", None)]),
        ("le IXe siècle", "fr", [("le IXe siècle", "08", None)]),
        ("le XLe siècle", "fr", [("le XLe siècle", "39", None)]),
        ("le 20e siècle", "fr", [("le 20e siècle", "19", None)]),
        ("le 0e siècle", "fr", []),
        ("le premier siècle", "fr", [("le premier siècle", "00", None)]),
        ("le vingtième siècle", "fr", [("le vingtième siècle", "19", None)]),
        ("la fin du XIXe siècle", "fr", [("la fin du XIXe siècle", "18", "END")]),
        ("le début du XXe siècle", "fr", [("le début du XXe siècle", "19", "START")]),
        ("the 19th century", "en", [("the 19th century", "18", None)]),
        ("the twenty-first century", "en", [("the twenty-first century", "20", None)]),
        ("the late 19th century", "en", [("the late 19th century", "18", "END")]),
        ("the mid-19th century", "en", [("the mid-19th century", "18", "MID")]),
    ],
)
def test_a_decade_or_a_century_is_read_so(text: str, language: str, expected) -> None:
    assert read(text, language) == expected


def test_a_decade_in_two_digits_is_in_this_century_once_it_has_begun() -> None:
    in_2015 = publication_on(date(2015, 6, 1))
    assert [(t.text, t.value) for t in tag("les années 10, les années 20", in_2015, "fr")] == [
        ("les années 10", "201"),
        ("les années 20", "192"),
    ]


@pytest.mark.parametrize(("numeral", "value"), [("i", 1), ("iv", 4), ("ix", 9), ("xix", 19), ("xl", 40), ("c", 100)])
def test_a_roman_numeral_is_read_so(numeral: str, value: int) -> None:
    from tui.temporal.tagging.eras import roman

    assert roman(numeral) == value


@pytest.mark.parametrize("text", ["", "xa", "m"])
def test_what_is_no_roman_numeral_is_none(text: str) -> None:
    from tui.temporal.tagging.eras import roman

    assert roman(text) is None


@pytest.mark.parametrize(
    ("words", "part"),
    [
        ("debut des ", "debut"),
        ("la fin du ", "fin"),
        ("le milieu de la ", "milieu"),
        ("the late ", "late"),
        ("mid-", "mid"),
        ("early ", "early"),
        ("", None),
    ],
)
def test_a_part_of_an_era_is_taken_so(words: str, part: str | None) -> None:
    """Asked directly: the era rules' patterns are built as the tagger is imported, before a mutant runs."""
    import re

    from tui.temporal.tagging.eras import _part

    found = re.fullmatch(_part("p"), words)
    assert found is not None and found.group("p") == part


def test_a_decade_in_two_digits_is_this_centurys_from_its_first_year() -> None:
    in_2020 = publication_on(date(2020, 6, 1))
    assert [(t.text, t.value) for t in tag("les années 20", in_2020, "fr")] == [("les années 20", "202")]


def test_no_century_after_the_100th() -> None:
    assert read("le CIe siècle") == []


def test_this_century_is_the_publications() -> None:
    in_2015 = publication_on(date(2015, 6, 1))
    ((kind, value),) = [(t.type, t.value) for t in tag("late this century", in_2015, "en")]
    assert (kind, value) == ("DATE", "20")


def test_a_part_of_an_era_is_named_part_unless_said() -> None:
    import re

    from tui.temporal.tagging.eras import _part

    assert re.fullmatch(_part(), "la fin du ").group("part") == "fin"  # type: ignore[union-attr]
