"""Reports to export: the bundled one, and a small one whose text is hostile to every format."""

from __future__ import annotations

import pytest

from tui.model import load_report
from tui.temporal import resolve

from ..conftest import EVENTS_JSON

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
