"""A large events file opens behind a loading screen that shows how far reading and resolving have got."""

from __future__ import annotations

import json
import threading

from tests.synthetic import synthetic_report
from tui.app import NewslineApp
from tui.app.widgets.loading import LoadingPanel
from tui.commands import main
from tui.commands import view as cli
from tui.model import load_report

SIZE = (120, 35)


def write(tmp_path, data, name="big.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def panel_text(app) -> str:
    return str(app.query_one("#loading", LoadingPanel).render())


async def test_the_loading_screen_names_the_file_and_each_step_then_the_panes_replace_it(tmp_path, monkeypatch):
    path = write(tmp_path, synthetic_report(300))
    release = threading.Event()

    def slow_load(source):  # holds the first step until the test has looked at the screen
        release.wait(10)
        return load_report(source)

    monkeypatch.setattr("tui.app.app.load_report", slow_load)
    app = NewslineApp(None, keymap={}, source=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = panel_text(app)
        assert "Opening big.json (0." in text and "MB)" in text
        assert "step 1 of 3: reading and checking the file…" in text
        assert not app.query("#timeline")
        for key in ("a", "slash", "r", "c", "t", "escape", "enter"):  # nothing to work on yet: no effect, no crash
            await pilot.press(key)
        assert len(app.screen_stack) == 1
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.query("#loading")
        assert str(app.query_one("#status").render()) == "300 of 300 events · filter: none"
        assert app.focused is app.query_one("#timeline")
        await pilot.press("j")
        assert app.query_one("#timeline").cursor == 1


async def test_a_bad_large_file_ends_the_app_with_the_loaders_message(tmp_path):
    data = synthetic_report(50)
    data["events"][3]["actors"] = ["ghost"]
    path = write(tmp_path, data, "bad.json")
    app = NewslineApp(None, keymap={}, source=path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # the worker ends the app: its exit cancels the worker itself
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 2
    assert app.load_error is not None
    assert '$.events[3].actors[0]: expected the id of an item in $.actors, found "ghost"' in str(app.load_error)


def test_the_cli_reads_small_files_first_and_large_ones_behind_the_loading_screen(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINE_KEYMAP", str(tmp_path / "none.toml"))
    path = write(tmp_path, synthetic_report(40))
    small = cli.prepare([str(path)])
    assert isinstance(small, NewslineApp) and small.report is not None
    monkeypatch.setattr(cli, "LOAD_IN_APP_FROM", path.stat().st_size)
    large = cli.prepare([str(path)])
    assert isinstance(large, NewslineApp) and large.report is None
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert cli.prepare([str(broken)]) == cli.EXIT_BAD_INPUT  # under the size: refused before the screen


def test_a_bad_large_file_exits_2_with_the_message_on_stderr(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSLINE_KEYMAP", str(tmp_path / "none.toml"))
    data = synthetic_report(20)
    data["events"][0]["actors"] = ["ghost"]
    path = write(tmp_path, data, "bad.json")
    monkeypatch.setattr(cli, "LOAD_IN_APP_FROM", 1)
    monkeypatch.setattr(cli, "no_terminal", lambda: None)  # run headless, as if a terminal were there
    run = NewslineApp.run
    monkeypatch.setattr(NewslineApp, "run", lambda self, **kw: run(self, headless=True, size=SIZE))
    assert main([str(path)]) == cli.EXIT_BAD_INPUT
    assert "cannot open" in capsys.readouterr().err
