"""Figures the reports of one story event give differently: listed with who claimed which, and only where the
same thing is counted by two reports or more."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.conflicts import counted, figure_conflicts
from tui.corpus.records import ClaimRecord, EventRecord


def event(report: str, text: str, *claims: ClaimRecord, outlet: str | None = None, number: int = 1) -> EventRecord:
    return EventRecord(
        report=report, id=f"e{number}", kind="action", summary=text, text=text, actors=(), places=(), sources=(),
        certain_earliest=None, certain_latest=None, likely_earliest=None, likely_latest=None, certain_label="",
        likely_label="", claims=claims, outlet=outlet,
    )  # fmt: skip


def claim(quantity: float, unit: str, text: str, qualifier: str | None = None) -> ClaimRecord:
    return ClaimRecord(quantity, unit, text, text, qualifier)


EIGHT = event("benin", "Un incendie a tué 8 personnes.", claim(8, "personnes", "8 personnes"), outlet="Benin Web TV")
TEN = event(
    "plume", "Au moins 10 personnes sont mortes.", claim(10, "personnes", "au moins 10 personnes", "at least"),
    outlet="La Plume du Hérisson",
)  # fmt: skip


def test_different_figures_for_one_thing_are_a_conflict_with_who_claimed_which() -> None:
    (conflict,) = figure_conflicts({3: [TEN, EIGHT]})
    assert conflict.story == 3 and conflict.quantities == (8, 10) and conflict.reports == ("benin", "plume")
    assert [(f.outlet, f.quantity, f.text, f.qualifier) for f in conflict.figures] == [
        ("Benin Web TV", 8, "8 personnes", None),
        ("La Plume du Hérisson", 10, "au moins 10 personnes", "at least"),
    ]


def test_the_same_figure_is_no_conflict() -> None:
    same = event("other", "Huit morts.", claim(8, "personnes", "8 personnes"))
    assert figure_conflicts({1: [EIGHT, same]}) == []


def test_one_report_alone_is_no_conflict() -> None:
    two = event("benin", "Puis 10 personnes.", claim(10, "personnes", "10 personnes"), number=2)
    assert figure_conflicts({1: [EIGHT, two]}) == []


def test_different_units_or_stories_are_no_conflict() -> None:
    hurt = event("plume", "37 blessés.", claim(37, "blessés", "37 blessés"))
    assert figure_conflicts({1: [EIGHT, hurt]}) == []
    assert figure_conflicts({1: [EIGHT], 2: [TEN]}) == []


def test_what_a_bare_unit_measures_is_read_from_the_word_before_it() -> None:
    age = event("a", "Deux pompiers âgés de 21 ans.", claim(21, "ans", "21 ans"))
    older = event("b", "Deux pompiers âgés de 19 ans.", claim(19, "ans", "19 ans"))
    sentence = event("c", "Une période de sûreté de 22 ans.", claim(22, "ans", "22 ans"))
    (conflict,) = figure_conflicts({1: [age, older, sentence]})
    assert conflict.quantities == (19, 21)
    assert counted("22 ans", "ans", "une période de sûreté de ") != counted("21 ans", "ans", "âgés de ")


def test_hedges_and_number_nouns_are_not_what_is_counted() -> None:
    assert counted("au moins 10 personnes", "personnes") == counted("8 personnes", "personnes")
    assert counted("une trentaine de blessés", "blessés") == counted("37 blessés", "blessés")


def test_a_function_word_read_as_a_unit_is_left_out() -> None:
    first = event("a", "âgés de 21 et 32 ans", claim(21, "et", "21 et"))
    second = event("b", "âgés de 19 et 32 ans", claim(19, "et", "19 et"))
    assert figure_conflicts({1: [first, second]}) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from([8, 10, 12])), min_size=1, max_size=6), st.randoms())
def test_conflicts_do_not_depend_on_the_order_of_the_events(figures: list[tuple[str, int]], shuffle) -> None:
    members = [
        event(report, f"{quantity} morts", claim(quantity, "morts", f"{quantity} morts"), number=number)
        for number, (report, quantity) in enumerate(figures)
    ]
    found = figure_conflicts({1: members})
    shuffle.shuffle(members)
    assert figure_conflicts({1: members}) == found
    reports_of = {quantity: {report for report, q in figures if q == quantity} for _, quantity in figures}
    expected = len(reports_of) > 1 and len({report for report, _ in figures}) > 1
    assert bool(found) == expected
    for conflict in found:
        assert {(f.report, f.quantity) for f in conflict.figures} == set(figures)
