"""The tagger against French TimeBank's development half, the targets of issue 10 (see bench_times)."""

from __future__ import annotations

import pytest

from tests.benchmarks.timebank import DEV, Score, documents
from tui.temporal.tagging import publication_on, tag

pytestmark = pytest.mark.skipif(
    not DEV.is_dir(), reason=f"French TimeBank dev half not found at {DEV} (set NEWSLINE_SHARED to its parent)"
)


@pytest.fixture(scope="module")
def score() -> Score:
    total = Score()
    for doc in documents():
        total.add(doc.gold, tag(doc.text, publication_on(doc.dct), "fr"))
    return total


def test_the_corpus_is_the_one_measured(score):
    assert (len(documents()), score.gold) == (54, 181)


def test_relaxed_extraction_f1_beats_heideltime_and_the_target(score):
    assert score.relaxed_prf[2] >= 0.92


def test_value_f1_beats_heideltime_and_the_target(score):
    assert score.value_prf[2] >= 0.80


def test_type_accuracy(score):
    assert score.type_accuracy >= 0.9


def test_gold_spans_are_the_documents_text():
    doc = documents()[0]
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["30,4 secondes"]
