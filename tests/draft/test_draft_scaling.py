"""Drafting stays linear in the report's length (issue: "Read the reports people bring").

Time would flake on a shared machine, so the bound is on work counted: the lines of the drafter's own
Python code run (``sys.settrace`` on the frames of tui/draft/), which do not depend on the machine's load.
A scan of every clause or mention for each one grows as the square of the report: four times the text
then runs about sixteen times the lines; linear code runs four times.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tui.draft
from tui.draft import draft_report
from tui.draft.spans import Containing, Disjoint, Starts

from ..conftest import ARTICLE

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]  # spaCy: its pipeline loads in each test worker

REPORTS = Path(__file__).parents[1] / "reports"
DRAFT_CODE = str(Path(tui.draft.__file__).parent)


def unit_text() -> str:
    parts = [path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))]
    if ARTICLE.is_file():
        parts.append(ARTICLE.read_text(encoding="utf-8"))
    return "\n\n".join(parts) + "\n\n"


def lines_run(text: str, nlp) -> int:
    """How many lines of tui/draft/ drafting ``text`` runs (spaCy's own parsing is not counted)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(DRAFT_CODE) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        draft_report(text, nlp)
    finally:
        sys.settrace(previous)
    return count


def test_drafting_work_grows_linearly_with_the_report(french_pipeline):
    unit = unit_text()
    small, large = lines_run(unit * 2, french_pipeline), lines_run(unit * 8, french_pipeline)
    # Linear: 4×; before the lookups were indexed, 8.9× here (and 16× in the limit).
    assert large <= 5 * small, f"4× the text ran {large / small:.1f}× the drafter's lines ({small} → {large})"


def test_a_long_line_without_full_stops_drafts(french_pipeline):
    text = " ".join(["le ministre a annoncé que les troupes avaient quitté la ville mardi"] * 300)
    data = draft_report(text, french_pipeline)
    assert len(data["events"]) >= 300


def test_the_fast_pipeline_parses_as_spacys_own(french_pipeline):
    """load_pipeline's speed-ups (numpy's matrix products for thinc's BLIS, the attribute ruler without its
    fine-tag rules, no ``doc.tensor`` kept) leave every annotation the drafter reads as spaCy's own pipeline
    sets it: on the test reports and the article, sentence by sentence as the drafter parses them, whitespace
    tokens inside a sentence among them (the ruler's rules that stay are for those)."""
    import spacy

    from tui.draft.drafter import in_pieces, piece_limit
    from tui.draft.pipeline import _compact_letter_classes, parse, to_ascii
    from tui.model import split_sentences

    with _compact_letter_classes():  # the same tokens (tests/draft/test_draft.py), loaded in seconds
        plain = spacy.load("fr_core_news_sm", exclude=["lemmatizer"])
    text = unit_text() + "Le  ministre a annoncé ,  mardi   soir, la fin  des   combats à Kharkiv.\n"
    ascii_text = to_ascii(text)
    pieces = [ascii_text[s:e] for s, e in in_pieces(text, split_sentences(text), piece_limit(french_pipeline))]

    def read(doc) -> list[tuple]:
        return [(t.text, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_type_, t.ent_iob_) for t in doc]

    fast = parse(french_pipeline, pieces)
    assert any(t.is_space for doc in fast for t in doc)
    assert all(doc.tensor.size == 0 for doc in fast)
    assert [read(doc) for doc in fast] == [read(doc) for doc in plain.pipe(pieces)]


def test_the_pipeline_multiplies_with_numpy_on_one_thread(french_pipeline):
    """Every layer's matrix products are numpy's (thinc's BLIS is slow on processors it has no kernel for),
    and numpy's OpenBLAS runs one thread, as BLIS did: a shared machine's other cores stay free."""
    import ctypes
    import os

    import numpy

    layers = [layer for _, pipe in french_pipeline.pipeline if hasattr(pipe, "model") for layer in pipe.model.walk()]
    assert layers and all(getattr(layer.ops, "use_blis", None) is False for layer in layers)
    libraries = sorted(Path(numpy.__file__).parent.parent.glob("numpy.libs/*openblas*"))
    if "OPENBLAS_NUM_THREADS" in os.environ or not libraries:
        pytest.skip("the user's own setting, or a numpy without its bundled OpenBLAS")
    openblas = ctypes.CDLL(str(libraries[0]))
    assert openblas.scipy_openblas_get_num_threads64_() == 1


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=25).map(
    lambda pairs: sorted((start, start + length) for start, length in pairs)
)


@given(spans, st.integers(-1, 55), st.booleans())
def test_containing_finds_the_first_span_holding_an_offset(items, offset, strict):
    index = Containing(items, lambda s: s, strict=strict)
    expected = next(
        (s for s in items if (s[0] < offset if strict else s[0] <= offset) and offset < s[1]),
        None,
    )
    assert index.first(offset) == expected


@given(st.lists(st.integers(0, 30), max_size=20).map(sorted), st.integers(-1, 32), st.integers(-1, 32))
def test_starts_answers_ranges_like_a_scan(keys, low, high):
    index = Starts(keys, lambda k: k)
    assert index.between(low, high) == [k for k in keys if low <= k < high]
    assert index.first_from(low) == next((k for k in keys if k >= low), None)
    assert index.first_from(low, high) == next((k for k in keys if low <= k < high), None)
    assert index.last_before(high) == next((k for k in reversed(keys) if k < high), None)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=30))
def test_disjoint_spans_overlap_like_a_scan(candidates):
    taken, index = [], Disjoint()
    for start, length in candidates:
        end = start + length
        overlapping = any(s < end and start < e for s, e in taken)
        assert index.overlaps(start, end) == overlapping
        if not overlapping and length:
            taken.append((start, end))
            index.add(start, end)
