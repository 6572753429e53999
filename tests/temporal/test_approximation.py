"""The approximation words of the time reader (tui/temporal/tagging/approximation.py), asked directly: their
pattern and what is left of an expression without them are built before a mutant runs in the rules made at
import, so only these calls show them (issue 19's mutation testing)."""

from __future__ import annotations

import re

from tui.temporal.tagging.approximation import MODS, mod_of, without_words, words_pattern


def test_the_pattern_matches_every_approximation_word_with_any_spaces_between() -> None:
    pattern = words_pattern()
    for words in MODS:
        assert re.fullmatch(pattern, words), words
        assert re.fullmatch(pattern, "  ".join(words.split())), words
    assert re.fullmatch(pattern, "peu   apres") and mod_of("peu   apres") == "AFTER"
    assert not re.fullmatch(pattern, "apres")  # alone, a bound (expressions' "bounded"), not an approximation


def test_an_expression_without_its_approximation_words() -> None:
    assert without_words("peu apres 14h") == "14h"
    assert without_words("hier soir peu apres 23 h") == "hier soir 23 h"
    assert without_words("hier soir") == "hier soir"
