"""A corpus may span years: then each story event's labels say the year its time falls in (both years where it
spans two); a story within one year reads as one report's labels, and undated reports' events keep theirs."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.corpus.story import build_story

from .test_store import record


class Row:
    def __init__(self, key: str, published: str | None) -> None:
        self.key, self.name, self.outlet, self.published = key, f"{key}.txt", None, published


def minutes(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp() / 60


OTHER_YEAR = record("b", 0, likely_earliest=minutes(2005, 5, 5), likely_latest=minutes(2005, 5, 6))


def label(earliest: float | None, latest: float | None, layer: str = "likely", dated: bool = True,
          years: bool = True) -> str:  # fmt: skip
    """The label of one event in a story with another event in 2005 (``years``) or alone."""
    event = record("a", 0, likely_earliest=earliest, likely_latest=latest, certain_earliest=earliest,
                   certain_latest=latest, dated=dated, likely_label="≈ its own", certain_label="its own")  # fmt: skip
    rows = [Row("a", "2018-01-07T08:00:00+00:00" if dated else None), Row("b", "2005-05-07T08:00:00+00:00")]
    story = build_story([event, OTHER_YEAR] if years else [event], {}, rows)
    return next(told for told in story.events if told.first.report == "a").label(layer)


def test_a_label_says_its_year() -> None:
    assert label(minutes(2018, 1, 6, 8, 27), minutes(2018, 1, 7, 8, 27)) == "≈ 6 Jan 08:27 – 7 Jan 08:27, 2018"
    assert label(minutes(2011, 1, 1), minutes(2012, 1, 1), "certain") == "1 Jan – 31 Dec, 2011"  # midnight: exclusive


def test_a_story_within_one_year_says_no_year() -> None:
    assert label(minutes(2018, 1, 6, 8, 27), minutes(2018, 1, 7, 8, 27), years=False) == "≈ 6 Jan 08:27 – 7 Jan 08:27"


def test_a_label_across_two_years_says_both() -> None:
    assert label(minutes(2017, 12, 31, 22), minutes(2018, 1, 1, 3)).endswith(", 2017–2018")


def test_open_sides_and_undated_reports() -> None:
    assert label(None, minutes(2018, 1, 7, 8)).endswith(", 2018")
    assert label(None, None) == "undated"
    assert label(None, None, dated=False) == "≈ its own"
