"""The time engine is total: any expression, any publication window, gives a result or None — never an
exception, never a hang (issue 13, "Bad files": calendar edges, "depuis depuis", a century's range)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.model import Publication
from tui.temporal import Normalised, normalise
from tui.temporal.tagging import Timex, publication_on, tag

KYIV = timezone(timedelta(hours=3))
WORDS = [
    "depuis", "samedi", "septembre", "0000", "9999", "1", "01", "le", "en", "décembre", "hier", "soir", "22 h",
    "il y a", "trois", "jours", "prochain", "dernier", "fin", "début", "mi-", "les années", "60", "XIXe", "siècle",
    "Pâques", "été", "chaque", "lundi", "à", "vers", "0 h 40", "la nuit de", "mardi à mercredi", "(14H40 GMT)",
    "le lendemain", "l'an", "semaine", "mois", "dix-huit", "quatre-vingt-dix", "ans", "et demi", "31", "février",
    "yesterday", "last", "night", "May", "ago", "plus tard", "désormais", "1er", "2 000", "%", "«", "\n", "\x1b[2J",
]  # fmt: skip
expressions = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
)


@st.composite
def publications(draw) -> Publication:
    zone = draw(st.sampled_from([UTC, KYIV, timezone(timedelta(hours=-11)), timezone(timedelta(hours=14))]))
    earliest = draw(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))).replace(tzinfo=zone)
    room = datetime(9999, 12, 30, tzinfo=zone) - earliest
    width = draw(st.timedeltas(min_value=timedelta(0), max_value=min(timedelta(days=36_525), room)))
    estimate = earliest + width * draw(st.floats(min_value=0, max_value=1))
    return Publication(earliest, min(estimate, earliest + width), earliest + width, "hypothesis")


@settings(max_examples=150, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
@given(expression=expressions, published=publications(), language=st.sampled_from(["fr", "en"]))
def test_normalise_gives_a_result_or_none(expression, published, language):
    found = normalise(expression, published, language)
    assert found is None or isinstance(found, Normalised)


@settings(max_examples=150, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
@given(text=expressions, published=publications(), language=st.sampled_from(["fr", "en"]))
def test_the_tagger_gives_spans_of_the_text_whatever_the_text(text, published, language):
    for timex in tag(text, published, language):
        assert isinstance(timex, Timex)
        assert text[timex.start : timex.end] == timex.text


SUNDAY = Publication(
    datetime(2022, 9, 10, 20, 0, tzinfo=KYIV), datetime(2022, 9, 11, 12, 0, tzinfo=KYIV),
    datetime(2022, 9, 11, 23, 59, tzinfo=KYIV), "test",
)  # fmt: skip


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(publication_on(date(1, 1, 1), UTC), id="year 1"),
        pytest.param(publication_on(date(9999, 12, 31), UTC), id="year 9999"),
        pytest.param(SUNDAY, id="2022"),
    ],
)
@pytest.mark.parametrize(
    "expression",
    ["hier", "demain", "septembre 0000", "en décembre 9999", "le 31 décembre 9999", "l'an prochain", "jeudi",
     "il y a trois jours", "ces derniers jours", "depuis début septembre", "Noël prochain", "le siècle prochain",
     "le 1er janvier de l'an 1", "22 h"],
)  # fmt: skip
def test_the_edges_of_the_calendar_give_a_result_or_none(expression, published):
    found = normalise(expression, published, "fr")
    assert found is None or isinstance(found, Normalised)
    assert isinstance(tag(expression, published, "fr"), tuple)


def test_repeated_depuis_is_read_once():
    def where(expression):
        found = normalise(expression, SUNDAY, "fr")
        return found and (found.earliest, found.latest, found.granularity)

    assert where("depuis depuis samedi") == where("depuis samedi") is not None
    assert where("depuis " * 5_000 + "samedi") == where("depuis samedi")  # it recursed until RecursionError


# Work is counted, not timed: a bound in seconds failed on a loaded machine. A hang fails by pytest-timeout.


@pytest.fixture
def dateparser_reads(monkeypatch) -> list[str]:
    """The texts dateparser is asked to read, one per call (each took ~20 ms: the cost that mattered)."""
    from dateparser.date import DateDataParser

    reads: list[str] = []
    read = DateDataParser.get_date_data

    def counted(self, text, *args, **kwargs):
        reads.append(text)
        if len(reads) > 100:  # read day by day: fail now, not after 36 525 reads
            raise RuntimeError("dateparser read too often")
        return read(self, text, *args, **kwargs)

    monkeypatch.setattr(DateDataParser, "get_date_data", counted)
    return reads


CENTURY = Publication(
    datetime(1922, 1, 1, tzinfo=UTC), datetime(1972, 1, 1, tzinfo=UTC), datetime(2022, 1, 1, tzinfo=UTC), "test"
)


@pytest.mark.parametrize("expression", ["il y a deux heures", "il y a 2 ans et 3 mois", "2020-09-05"])
def test_a_century_of_publication_is_not_read_day_by_day(expression, dateparser_reads):
    found = normalise(expression, CENTURY, "fr")
    assert found is not None and found.rule == "dateparser"  # expressions only dateparser reads
    # One read per day of the publication range took 30 s (36 525 days): its first and last days only.
    assert 1 <= len(dateparser_reads) <= 2


def test_long_text_is_not_given_to_dateparser(dateparser_reads):
    assert normalise("le " * 2_000 + "lendemain de la veille", SUNDAY, "fr") is None
    assert dateparser_reads == []


def _cpu_seconds(text: str, runs: int) -> float:
    """The least CPU time of ``runs`` taggings of ``text``: the process's own time, which other processes
    on the machine do not lengthen as they do the wall clock."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        tag(text, SUNDAY, "fr")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    ("unit", "count"), [("un ", 4_000), ("quatre-vingt ", 1_000), ("hier soir ", 800), ("x ", 16_000)]
)
def test_tagging_time_grows_linearly_with_hostile_text(unit, count):
    """16 times the text takes about 16 times as long (measured 12–20 on a loaded machine); quadratic, 256
    times ("un " × 5 000 took 25 s while number words could repeat unbounded: with that bug back, 170–280
    times). The bound is the ratio of two measurements in the same run, so a slow or loaded machine slows
    both."""
    tag("un", SUNDAY, "fr")  # the rules compile on first use: not part of either measurement
    small = _cpu_seconds(unit * (count // 16), runs=5)
    large = _cpu_seconds(unit * count, runs=3)
    assert large < 48 * max(small, 1e-4), (small, large)
