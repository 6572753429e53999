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


def test_the_time_readers_lazy_patterns_are_compiled_only_when_a_text_needs_them() -> None:
    """Resolving the bundled report, as the app does at start-up, compiles none of the patterns its time
    expressions never reach (the long list of foreign places, the tests of an age); a text that needs
    them compiles them and is read the same."""
    script = (
        "from tui.model import load_report\n"
        "from tui.temporal import resolve\n"
        "from tui.temporal.tagging import clock, durations\n"
        "from tests.conftest import ROOT\n"
        "resolve(load_report(ROOT / 'events.json'))\n"
        "print(clock._PLACE_AFTER._compiled is None, durations._AGE_BEFORE._compiled is None)\n"
        "from tui.temporal.expressions import normalise\n"
        "from tui.model import load_report as load\n"
        "published = load(ROOT / 'events.json').document.published\n"
        "found = normalise('14 h à Tokyo', published, 'fr')\n"
        "print(clock._PLACE_AFTER._compiled is None, found.place is not None)\n"
    )
    import subprocess
    import sys

    from tests.conftest import ROOT

    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["True", "True", "False", "True"]


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("14 h à Tokyo", 4, (12, "tokyo")),
        ("14 h, a tokyo demain", 4, (13, "tokyo")),
        ("14 h au bureau", 4, None),  # a preposition, then no place of the list
        ("14 h a", 4, None),
        ("14 h tokyo", 4, None),
        ("14 h", 4, None),
    ],
)
def test_a_place_after_a_time_is_read_only_after_a_preposition(text, at, expected) -> None:
    from tui.temporal.tagging.clock import _PLACE_AFTER, place_after
    from tui.temporal.tagging.lexicon import fold

    folded = fold(text)
    assert place_after(folded, at) == expected
    full = _PLACE_AFTER.match(folded, at)  # the prefilter only spares the long pattern, never changes its answer
    assert (full is not None) == (expected is not None)
