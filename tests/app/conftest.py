"""Apps for the interaction and snapshot tests: the bundled report, with no user keymap."""

from __future__ import annotations

import pytest

from tui.app import NewslineApp
from tui.model import Report, load_report
from tui.temporal import resolve

from ..conftest import EVENTS_JSON


@pytest.fixture(scope="session")
def bundled() -> Report:
    return load_report(EVENTS_JSON)


@pytest.fixture(scope="session")
def bundled_timeline(bundled):
    return resolve(bundled)


@pytest.fixture
def app(bundled, bundled_timeline) -> NewslineApp:
    return NewslineApp(bundled, bundled_timeline, keymap={})
