"""What a rule is, seen through the tagger: a pattern over whole words of the folded text, read by its reader,
its priority breaking ties between matches of the same words, read only in its language. The tagger's own
rules were made as it was imported: these are made here, and the tagger given them alone."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag, tagger
from tui.temporal.tagging.rules import Reading, Rule, rule


def reads(value: str):
    return lambda match, ctx: Reading("DATE", value)


def tagged(monkeypatch, rules: list[Rule], text: str, language: str = "fr") -> list[tuple[str, str, str]]:
    monkeypatch.setattr(tagger, "RULES", tuple(rules))
    return [(timex.text, timex.value, timex.rule) for timex in tag(text, publication_on(date(2022, 9, 11)), language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vers Midi, rien.", [("Midi", "2022-09-10", "midday")]),  # folded: any case
        ("la midinette", []),  # not inside a word
        ("un amidi", []),
        ("l'après-midi", []),  # nor after a hyphen
    ],
)
def test_a_rule_reads_whole_words_only(monkeypatch, text: str, expected) -> None:
    assert tagged(monkeypatch, [rule("midday", "midi", reads("2022-09-10"))], text) == expected


def test_of_two_rules_matching_the_same_words_the_higher_priority_reads_them(monkeypatch) -> None:
    low, high = rule("low", "samedi", reads("2022-09-10")), rule("high", "samedi", reads("2022-09-17"), priority=1)
    assert tagged(monkeypatch, [low, high], "samedi") == [("samedi", "2022-09-17", "high")]
    assert tagged(monkeypatch, [high, low], "samedi") == [("samedi", "2022-09-17", "high")]


def test_a_rule_given_no_priority_yields_to_one_given_any(monkeypatch) -> None:
    plain = Rule("plain", "samedi", reads("2022-09-10"))
    assert plain.priority == 0 and plain.language is None and plain.needs is None
    assert tagged(monkeypatch, [plain, Rule("first", "samedi", reads("2022-09-17"), 1)], "samedi") == [
        ("samedi", "2022-09-17", "first")
    ]


@pytest.mark.parametrize("made", [rule, Rule])
def test_a_rule_of_one_language_reads_texts_of_that_language_only(monkeypatch, made) -> None:
    saturday = made("saturday", "saturday", reads("2022-09-10"), language="en")
    assert tagged(monkeypatch, [saturday], "saturday", "fr") == []
    assert tagged(monkeypatch, [saturday], "saturday", "en") == [("saturday", "2022-09-10", "saturday")]
