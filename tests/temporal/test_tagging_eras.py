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
