"""The words time expressions are made of: the alternations the rules are built from (longest word first,
escaped, the same in every process), the folding every pattern matches (lower case without accents, one
character for one) and the numbers written in words."""

from __future__ import annotations

import importlib
import re

import pytest

from tui.temporal.tagging import lexicon
from tui.temporal.tagging.lexicon import alternatives, number


def test_an_alternation_matches_the_longest_word_first() -> None:
    """ "mi" before "midi" would read "midi" as "mi" and stop there."""
    pattern = alternatives(["mi", "minuit", "midi"])
    assert [re.match(pattern, text).group(0) for text in ("midi", "minuit", "mie")] == ["midi", "minuit", "mi"]


def test_an_alternation_is_the_same_whatever_the_order_of_its_words() -> None:
    """Words of one length in alphabetical order: a set's order changes with each process's hash seed, and
    the shipped table of what each rule needs holds a checksum of its pattern."""
    assert alternatives(["soir", "nuit", "midi", "matin"]) == "matin|midi|nuit|soir"
    assert alternatives({"nuit", "soir"}) == alternatives(("soir", "nuit")) == "nuit|soir"


def test_an_alternations_words_are_escaped() -> None:
    pattern = alternatives(["sept.", "a+b"])
    assert re.fullmatch(pattern, "sept.") and not re.fullmatch(pattern, "septe")
    assert re.fullmatch(pattern, "a+b") and not re.fullmatch(pattern, "aab")


def test_a_spaced_alternation_takes_any_run_of_spaces_between_a_words_parts() -> None:
    pattern = alternatives(["la veille", "hier"], spaced=True)
    assert re.fullmatch(pattern, "la   veille") and re.fullmatch(pattern, "hier")
    assert not re.fullmatch(pattern, "laveille")
    assert alternatives(["la veille", "l'an."], spaced=True) == r"la\s+veille|l'an\."
    assert not re.fullmatch(alternatives(["la veille"]), "la   veille")  # unspaced: the word as it is


@pytest.fixture
def folding():
    """The folding table is made as the lexicon is imported: made again here, from the rule of each letter."""
    importlib.reload(lexicon)
    return lexicon.fold


def test_folding_lowers_and_strips_accents_one_character_for_one(folding) -> None:
    text = "Été À L’ÉLYSÉE\u00a0: Noël, Œuvre, Øresund"
    assert folding(text) == "ete a l'elysee : noel, œuvre, øresund"
    assert len(folding(text)) == len(text)


def test_folding_leaves_what_it_cannot_fold_to_one_character(folding) -> None:
    """ "İ" lowers to two characters (i and a dot): it is left as it is, offsets kept."""
    assert folding("İstanbul") == "İstanbul"
    assert folding("ß, 12 h 30") == "ß, 12 h 30"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("cent", 100),
        ("deux cents", 200),
        ("vingt et un", 21),
        ("vingt-et-un", 21),
        ("cent quatre-vingt-dix", 190),
        ("mille neuf cent quatre-vingt-dix-neuf", 1999),
        ("soixante-dix", 70),
        ("30,4", 30.4),
        ("vingt tonnes", None),
    ],
)
def test_a_number_in_words(words: str, value) -> None:
    assert number(words) == value
