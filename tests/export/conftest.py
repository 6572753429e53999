"""Reports to export: the bundled one, and a small one whose text is hostile to every format."""

from __future__ import annotations

import pytest

from tui.model import load_report
from tui.temporal import resolve

from ..conftest import EVENTS_JSON, span

# Commas, double quotes, a line break, markup of Markdown, HTML and Rich, French accents and quotes.
HOSTILE_SUMMARY = 'Bob says "no", then <b>*loudly*</b> [bold]\n- again; à l’école « déjà » 1. & done'


@pytest.fixture(scope="session")
def bundled_timeline():
    return resolve(load_report(EVENTS_JSON))


@pytest.fixture
def hostile_timeline(small_data, write_json):
    small_data["events"][1]["summary"] = HOSTILE_SUMMARY
    small_data["actors"][1]["name"] = 'Bob "the, builder"'
    return resolve(load_report(write_json(small_data)))


@pytest.fixture
def to_come_data(small_data):
    """The small report and two events it tells in the future tense, with no actor and no time of their own
    ("Ils voteront après. Carol se taira."): neither has a latest time; the vote comes after Alice speaks, and
    its sources run from Radio to the report."""
    text = small_data["document"]["text"] = small_data["document"]["text"] + "Ils voteront après. Carol se taira.\n"

    def event(ident: str, summary: str, sentence: str, verb: str, sources: list, relations: list) -> dict:
        return {
            "id": ident, "summary": summary, "kind": "action", "sentences": [span(text, sentence)], "actors": [],
            "places": [], "sources": sources, "time": None, "relations": relations, "quotes": [], "claims": [],
            "tense": {"form": "future", "cue": span(text, verb)},
        }  # fmt: skip

    small_data["events"] += [
        event(
            "vote", "They will vote", "Ils voteront après.", "voteront", [{"source": "radio"}, {"source": "report"}],
            [{"type": "after", "target": "alice-speaks", "cue": span(text, "après")}],
        ),
        event("silence", "Carol will keep quiet", "Carol se taira.", "taira", [{"source": "radio"}], []),
    ]  # fmt: skip
    return small_data
