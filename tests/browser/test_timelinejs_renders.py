"""The TimelineJS export renders in real TimelineJS 3, in real headless Chromium."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser

import pytest

from tui.export import export

from .chromium import dump_dom, static_server, timelinejs

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsline export</title>
<script>
  window.__errors = [];
  window.addEventListener("error", (e) => window.__errors.push("error: " + e.message));
  const report = console.error.bind(console);
  console.error = (...args) => { window.__errors.push("console.error: " + args.join(" ")); report(...args); };
</script>
<link rel="stylesheet" href="{base}/tl/css/timeline.css">
<script src="{base}/tl/js/timeline.js"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<pre id="errors"></pre>
<script>
  const timeline = new TL.Timeline("timeline", "{base}/timeline.json", {script_path: "{base}/tl/js/"});
  setInterval(() => { document.getElementById("errors").textContent = window.__errors.join("\\n"); }, 100);
</script>
</body></html>
"""


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    """Classes (with the classes of their ancestors) and text of the dumped DOM: enough to count slides and
    markers, see where the markers sit, and read the dates."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: list[tuple[list[str], set[str]]] = []  # (own classes, ancestors' classes)
        self.text: list[str] = []
        self.errors = ""
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        own = (attributes.get("class") or "").split()
        above = {name for _, names in self._open for name in names}
        self.classes.append((own, above))
        if attributes.get("id") == "errors":
            own = [*own, "__errors"]
        if tag not in _VOID:
            self._open.append((tag, own))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        self.text.append(data)
        if any("__errors" in names for _, names in self._open):
            self.errors += data

    def count(self, *required: str, without: str | None = None, within: str | None = None) -> int:
        return sum(
            all(c in own for c in required) and without not in own and (within is None or within in above)
            for own, above in self.classes
        )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, request):
    dist = timelinejs()
    from tui.model import load_report
    from tui.temporal import resolve

    from ..conftest import EVENTS_JSON

    timeline = resolve(load_report(EVENTS_JSON))
    folder = tmp_path_factory.mktemp("timelinejs")
    (folder / "tl").symlink_to(dist, target_is_directory=True)
    (folder / "timeline.json").write_text(export(timeline, "timelinejs"), encoding="utf-8")
    with static_server(folder) as base:
        (folder / "index.html").write_text(PAGE.replace("{base}", base), encoding="utf-8")
        result = dump_dom(f"{base}/index.html")
    assert result.returncode == 0, result.stderr[-2000:]
    page = _Page()
    page.feed(result.stdout)
    return timeline, json.loads((folder / "timeline.json").read_text(encoding="utf-8")), page, result.stderr


def test_one_slide_per_event_and_the_title(rendered):
    timeline, _, page, _ = rendered
    assert page.count("tl-slide", without="tl-slide-titleslide") == len(timeline.events) == 27
    assert page.count("tl-slide-titleslide") == 1


def test_every_event_has_its_marker_on_the_time_nav(rendered):
    timeline, _, page, _ = rendered
    assert page.count("tl-timemarker", within="tl-timenav") == len(timeline.events)
    assert page.count("tl-timemarker", within="tl-slider-container") == 0  # markers sit on the nav, not the slides


def test_every_display_date_is_shown(rendered):
    _, data, page, _ = rendered
    text = " ".join(" ".join(page.text).split())
    missing = [slide["display_date"] for slide in data["events"] if " ".join(slide["display_date"].split()) not in text]
    assert not missing


def test_no_console_error(rendered):
    _, _, page, stderr = rendered
    assert page.errors.strip() == ""
    console = [line for line in stderr.splitlines() if "CONSOLE" in line and ("Uncaught" in line or "rror" in line)]
    assert not console, os.linesep.join(console)
