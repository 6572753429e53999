"""The tagger finds the sentence of each expression by bisection: the same sentence a scan finds, in time
that does not grow with the report (a scan per expression made a 2 MB report's tagging quadratic)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.lexicon import fold


def scanned(context: Context, offset: int) -> tuple[int, int]:
    return next(((a, b) for a, b in context._sentences if a <= offset < b), (0, len(context.folded)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?;\n", max_size=60), st.data())
def test_the_sentence_found_by_bisection_is_the_one_a_scan_finds(text, data):
    context = Context(text, fold(text), date(2022, 9, 11))
    offset = data.draw(st.integers(0, len(text)))
    assert context._sentence_at(offset) == scanned(context, offset)


def test_finding_sentences_does_not_grow_with_the_report():
    text = "Le verdict est tombé mardi soir. " * 20_000
    context = Context(text, fold(text), date(2022, 9, 11))
    calls = 0
    sentences = context._sentences

    class Counting(list):
        def __iter__(self):
            nonlocal calls
            calls += 1
            return super().__iter__()

    context._sentences = Counting(sentences)
    for offset in range(0, len(text), 997):
        context._sentence_at(offset)
    assert calls == 0, "no scan of every sentence"
