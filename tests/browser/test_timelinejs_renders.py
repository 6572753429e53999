"""The TimelineJS export renders in real TimelineJS 3, in real headless Chromium."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser

import pytest

from tui.export import export

from .chromium import dump_dom, static_server, timelinejs

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # Chromium and node: a page may take 90 s to settle

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


# The hostile page: every assignment to ``pwned`` (what each payload of tests/export/markup.py does if it
# runs) is recorded, and so is each slide the mouse passes over.
HOSTILE_PAGE = PAGE.replace(
    "  window.__errors = [];\n",
    "  window.__errors = [];\n"
    "  window.__pwned = [];\n"
    "  Object.defineProperty(window, 'pwned', {set: (value) => window.__pwned.push(value)});\n"
    "  window.__hovered = new Set();\n"
    "  document.addEventListener('mouseover', (e) => {\n"
    "    const slide = e.target.closest && e.target.closest('.tl-slide');\n"
    "    if (slide) window.__hovered.add(slide.id);\n"
    "  });\n",
)
# Where the mouse goes on each slide: the centre of every box of every element of the timeline on screen
# (each line of a link, each group label, each marker), then a grid across the whole timeline.
POINTS = """(() => {
  const box = document.getElementById("timeline").getBoundingClientRect();
  const inside = (x, y) => x >= box.left && x < box.right && y >= box.top && y < box.bottom;
  const points = [];
  for (const element of document.querySelectorAll("#timeline *")) {
    for (const rect of element.getClientRects()) {
      const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
      if (rect.width > 0 && rect.height > 0 && inside(x, y)) points.push([x, y]);
    }
  }
  for (let y = box.top + 5; y < box.bottom; y += 100)
    for (let x = box.left + 5; x < box.right; x += 100) points.push([x, y]);
  return points;
})()"""
SETTLED = """(() => {
  const slide = timeline.getCurrentSlide();
  return slide ? [timeline._getSlideIndex(timeline.current_id), Math.round(slide._el.container.getBoundingClientRect().left)] : null;
})()"""


def test_hostile_text_runs_no_script_on_load_or_under_the_mouse_and_reads_as_written(tmp_path):
    """Every text field that reaches the export holds HTML and auto-link attacks (tests/export/markup.py): in
    real TimelineJS none runs, on load or as the mouse passes over every element of every slide, and each
    reads as written."""
    dist = timelinejs()
    from tui.model import load_report
    from tui.temporal import resolve

    from ..export.markup import SCRIPTS, SHOWN, markup_report_data
    from .devtools import headless_chromium

    source = tmp_path / "events.json"
    source.write_text(json.dumps(markup_report_data(), ensure_ascii=False), encoding="utf-8")
    timeline = resolve(load_report(source))
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "tl").symlink_to(dist, target_is_directory=True)
    (folder / "timeline.json").write_text(export(timeline, "timelinejs"), encoding="utf-8")
    slides = len(timeline.events) + 1  # and the title
    with static_server(folder) as base, headless_chromium() as browser:
        (folder / "index.html").write_text(HOSTILE_PAGE.replace("{base}", base), encoding="utf-8")
        browser.send("Page.navigate", url=f"{base}/index.html")
        loaded = f"typeof timeline !== 'undefined' && timeline.ready && document.querySelectorAll('.tl-slide').length == {slides}"
        assert browser.wait_for(lambda: browser.evaluate(loaded), 30), "TimelineJS did not load the export"
        browser.wait_for(lambda: False, 1)  # let what loads (an <img src=x> would) fail and fire
        assert browser.evaluate("window.__pwned") == [], "a payload ran on load"
        for index in range(slides):
            browser.evaluate(f"timeline.goTo({index})")
            seen: list[object] = []

            def settled(index=index, seen=seen) -> bool:
                seen.append(browser.evaluate(SETTLED))
                return (
                    len(seen) > 2 and seen[-1] is not None and seen[-1] == seen[-2] == seen[-3] and seen[-1][0] == index
                )

            assert browser.wait_for(settled, 10), f"slide {index} did not come into view: {seen[-3:]}"
            for x, y in browser.evaluate(POINTS):
                browser.move_mouse(x, y)
        browser.move_mouse(0, 0)
        browser.wait_for(lambda: False, 0.5)
        pwned = browser.evaluate("window.__pwned")
        hovered = browser.evaluate("[...window.__hovered]")
        title = browser.evaluate("document.title")
        errors = browser.evaluate("window.__errors")
        shown = browser.evaluate("document.getElementById('timeline').textContent")
        groups = browser.evaluate("[...document.querySelectorAll('.tl-timegroup-message')].map((e) => e.textContent)")
        links = browser.evaluate(
            "[...document.querySelectorAll('.tl-slide a, .tl-timenav a, .tl-slidenav-next a, .tl-slidenav-previous a')]"
            ".map((a) => a.outerHTML)"
        )
    assert pwned == [], f"payloads ran: {pwned}"
    assert title == "newsline export"
    passed_over = set(hovered)
    assert len(passed_over) == slides and {event.id for event in timeline.events} <= passed_over
    assert errors == []
    for piece in SHOWN:
        assert piece in shown, f"not shown as written: {piece!r}"
    assert sorted(groups) == sorted(f"Side {side} {SCRIPTS}".strip() for side in ("one", "two"))
    assert links == []  # no link is made of the data
