"""Each rule of the time reader's sets (tui/temporal/tagging/sets.py: "tous les lundis", "chaque soir",
"hebdomadaire") and references (references.py: "actuellement", a lone "prochain") on its own (issue 19's
mutation testing left 42 of their 133 mutants alive)."""

from __future__ import annotations

from datetime import date

import pytest

from tui.temporal.tagging import publication_on, tag

SUNDAY = publication_on(date(2024, 6, 23))


def read(text: str, language: str = "fr") -> list[tuple[str, str, str]]:
    return [(timex.text, timex.type, timex.value) for timex in tag(text, SUNDAY, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # every weekday, every part of a day, every unit
        ("tous les lundis", "fr", [("tous les lundis", "SET", "XXXX-WXX-1")]),
        ("chaque lundi", "fr", [("chaque lundi", "SET", "XXXX-WXX-1")]),
        ("every monday", "en", [("every monday", "SET", "XXXX-WXX-1")]),
        ("tous les matins", "fr", [("tous les matins", "SET", "TMO")]),
        ("chaque soir", "fr", [("chaque soir", "SET", "TEV")]),
        ("each morning", "en", [("each morning", "SET", "TMO")]),
        ("chaque jour", "fr", [("chaque jour", "SET", "P1D")]),
        ("tous les deux jours", "fr", [("tous les deux jours", "SET", "P2D")]),
        # per unit: English "a day", not French "à jour"
        ("per day", "en", [("per day", "SET", "P1D")]),
        ("mis à jour", "fr", []),
        # an adjective of frequency, unless a determiner makes it the publication ("le mensuel")
        ("un rendez-vous mensuel", "fr", [("mensuel", "SET", "P1M")]),
        ("une réunion hebdomadaire", "fr", [("hebdomadaire", "SET", "P1W")]),
        ("il travaille quotidiennement", "fr", [("quotidiennement", "SET", "P1D")]),
        ("le mensuel", "fr", []),
        ("l'hebdomadaire", "fr", []),
        # references to the present, past and future, typed TIME as French TimeBank types them
        ("actuellement", "fr", [("actuellement", "TIME", "PRESENT_REF")]),
        ("at present", "en", [("at present", "TIME", "PRESENT_REF")]),
        # a lone "prochain" before a time noun refers to the future; before another noun it is no time
        ("les prochaines échéances", "fr", [("prochaines", "TIME", "FUTURE_REF")]),
        ("la prochaine fois", "fr", [("prochaine", "TIME", "FUTURE_REF")]),
        ("le prochain conseil", "fr", []),
        ("le prochain rendez-vous", "fr", []),
    ],
)
def test_a_set_or_a_reference_is_read_so(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text, language) == expected


def test_the_nouns_a_lone_prochain_qualifies_are_its_table_and_the_time_units() -> None:
    """Asked directly: the rule's pattern is built as the tagger is imported, before a mutant runs."""
    import re

    from tui.temporal.tagging.references import _next_nouns

    nouns = _next_nouns()
    for word in ("fois", "echeances", "semaine", "mois", "annee"):
        assert re.fullmatch(nouns, word), word
    assert not re.fullmatch(nouns, "conseil")


def test_a_reference_is_typed_time_whatever_its_value() -> None:
    """Asked directly: the readers of "actuellement", "autrefois", "bientôt" are made as the tagger is imported."""
    from tui.temporal.tagging.references import _reference
    from tui.temporal.tagging.rules import Reading

    for value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        assert _reference(value)(None, None) == Reading("TIME", value)  # type: ignore[arg-type]
