"""Start-up stays light: what ``newsline`` loads before its first screen (after harlequin's import test).

Each check runs in a fresh interpreter, since this test session has imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # each check in a fresh interpreter

LOADED = """
import json, sys
{code}
print(json.dumps(sorted(sys.modules)))
"""


def modules_after(code: str, **env: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED.format(code=code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**_environment(), **env},
    )
    return set(json.loads(result.stdout))


def _environment() -> dict[str, str]:
    import os

    return {**os.environ, "NEWSLINE_KEYMAP": "/nonexistent/newsline/keymap.toml"}


def test_the_model_the_engine_and_the_view_work_without_textual():
    loaded = modules_after(
        "from tui.model import bundled_path, load_report\n"
        "from tui.temporal import resolve\n"
        "from tui.view import TimelineView\n"
        "TimelineView(resolve(load_report(bundled_path())))"
    )
    assert "tui.view" in loaded
    assert not {name for name in loaded if name.split(".")[0] in ("textual", "rich")}


def test_opening_the_bundled_report_loads_only_what_the_first_screen_needs():
    loaded = modules_after("from tui.commands import view\napp = view.prepare([])\nassert not isinstance(app, int)")
    assert "tui.app.app" in loaded
    # The one reader of time words (tui.temporal.tagging) reads the report's time expressions now: it loads,
    # and compiles only the rules it searches with (the rest wait for their first use).
    assert "tui.temporal.tagging.tagger" in loaded
    deferred = {
        "dateparser": "the engine's fallback for expressions no rule reads (~0.4 s); the report needs none",
        "tomllib": "the keymap's parser, with no keymap file",
        "jsonschema": "a test need, never the app's",
        "tui.app.commands": "the palette's provider, on first ctrl+p",
        "tui.app.screens.filters": "the actor picker, on first a",
        "tui.app.screens.article": "the article view, on first r",
        "tui.app.text_layout": "the article's lines, on first r",
        "tui.app.sentence_index": "the article's sentence indexes, on first r",
        "tui.app.screens.claims": "the claims view, on first c",
        "tui.app.screens.help": "the help, on first ?",
        "spacy": "the drafter's pipeline (seconds to load), only for a report's plain text",
        "tui.draft": "the drafter, only for a report's plain text",
        "tui.app.screens.review": "the review of a draft",
    }
    assert {name: why for name, why in deferred.items() if name in loaded} == {}


def test_the_viewer_path_imports_no_other_command():
    """`newsline [FILE]`, through the command's own entry point, parses with the viewer's parser alone: no
    other command's module, nor the server or the exporters, is imported to open a report."""
    loaded = modules_after(
        "import os\nos.environ.pop('TEXTUAL_DRIVER', None)\n"
        "from tui.commands import main\nassert main([]) == 2  # TERM=dumb: the app is made, then refuses to run",
        TERM="dumb",
    )
    assert {"tui.commands", "tui.commands.view", "tui.app.app"} <= loaded
    others = {name for name in loaded if name.startswith("tui.commands.")} - {
        "tui.commands.common",
        "tui.commands.view",
    }
    assert others == set()
    assert not {name for name in loaded if name.startswith(("tui.serve", "tui.export", "tui.draft", "textual_serve"))}


def test_a_named_command_imports_no_other_command():
    """`newsline timeline FILE` and `newsline export FILE` parse with their own command alone under `newsline`:
    neither the drafter nor the server (a tenth of a second of every run) is imported to print a timeline."""
    for args in (["timeline"], ["export", "--to", "csv"]):
        loaded = modules_after(
            "import contextlib, io\nfrom tui.commands import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    assert main({args!r}) == 0",
        )
        others = {name for name in loaded if name.startswith("tui.commands.")} - {
            "tui.commands.common",
            f"tui.commands.{args[0]}",
        }
        assert others == set(), args
        assert not {name for name in loaded if name.startswith(("tui.serve", "tui.draft", "asyncio"))}, args
