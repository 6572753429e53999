"""TimelineJS 3 export: its JSON, slide by slide (the real-browser rendering is in tests/browser)."""

from __future__ import annotations

import html
import json

from tui.export import export
from tui.export.timelinejs import html_label, html_text
from tui.model import load_report
from tui.temporal import resolve

from .markup import SCRIPTS, markup_report_data


def _slides(timeline, rows=None) -> dict:
    return json.loads(export(timeline, "timelinejs", rows))


def test_a_title_slide_and_one_slide_per_event_none_lost(bundled_timeline):
    data = _slides(bundled_timeline)
    assert data["title"]["text"]["headline"] == bundled_timeline.report.document.headline.text
    ids = [slide["unique_id"] for slide in data["events"]]
    assert ids == [event.id for event in bundled_timeline.events]
    assert len(set(ids)) == len(ids)
    # TimelineJS drops a slide without a start date: every slide has one, with a year at least.
    assert all(isinstance(slide["start_date"]["year"], int) for slide in data["events"])


def test_dates_are_wall_clock_parts_in_the_reports_zone(bundled_timeline):
    slides = {slide["unique_id"]: slide for slide in _slides(bundled_timeline)["events"]}
    thursday = slides["high-command-thursday-figure"]
    # Thu 8 Sep 00:00 +03:00 is Wed 7 Sep 21:00 UTC: the parts must stay Thursday's.
    assert thursday["start_date"] == {"year": 2022, "month": 9, "day": 8, "hour": 0, "minute": 0}
    assert thursday["end_date"] == {"year": 2022, "month": 9, "day": 9, "hour": 0, "minute": 0}
    assert thursday["display_date"] == "Thu 8 Sep (certain)"
    evening = slides["zelensky-video-speech"]
    assert evening["start_date"]["hour"] == 18 and evening["display_date"] == "Sat 10 Sep · evening (certain)"


def test_an_event_without_an_earliest_time_is_placed_at_its_latest_and_says_so(bundled_timeline):
    slides = {slide["unique_id"]: slide for slide in _slides(bundled_timeline)["events"]}
    resolved = bundled_timeline["kyiv-defeat"]  # the background event: no earliest time in either layer
    assert resolved.likely.earliest is None
    slide = slides["kyiv-defeat"]
    latest = resolved.likely.latest
    assert slide["start_date"] == {
        "year": latest.year,
        "month": latest.month,
        "day": latest.day,
        "hour": latest.hour,
        "minute": latest.minute,
    }
    assert "end_date" not in slide
    assert slide["display_date"].startswith("by Sat 10 Sep (certain)")
    assert "shown at the latest it can be" in slide["display_date"]
    assert len(slides) == len(bundled_timeline)  # none dropped


def test_headline_body_and_group(bundled_timeline):
    slides = {slide["unique_id"]: slide for slide in _slides(bundled_timeline)["events"]}
    speech = slides["zelensky-video-speech"]
    assert len(speech["text"]["headline"]) <= 60
    body = speech["text"]["text"]
    assert "<b>Why this time:</b> Sat 10 Sep · evening ← ‘samedi soir’" in body
    assert "<b>Sources:</b> Zelensky&#x27;s Saturday-evening video message on Telegram" in body
    assert (
        '<blockquote lang="fr">“Depuis début septembre, nous avons libéré 2 000 kilomètres de territoire”</blockquote>'
        in body
    )
    assert speech["group"] == "Ukraine"
    assert slides["refugee-care-statement"]["group"] == "Russian-installed"  # its first actor's side: one row per side


def test_text_from_the_data_is_html_escaped(hostile_timeline):
    slides = {slide["unique_id"]: slide for slide in _slides(hostile_timeline)["events"]}
    body = slides["bob-says-no"]["text"]["text"]
    assert "<b>*loudly*</b>" not in body and "&lt;b&gt;*loudly*&lt;/b&gt;" in body
    assert "« [bold]non »" in body


def test_the_likely_layer_places_the_slide_and_the_certain_one_is_said(bundled_timeline):
    row = bundled_timeline["tass-regrouping-notice"]  # likely Saturday from 01:00, certainly 9 Sep 17:00 – 10 Sep
    slide = _slides(bundled_timeline, [row])["events"][0]
    assert slide["start_date"] == {"year": 2022, "month": 9, "day": 10, "hour": 1, "minute": 0}
    assert slide["display_date"] == "likely Sat 10 Sep 01:00–24:00 (certain: 9 Sep 17:00 – 10 Sep)"  # a time
    assert "<b>Likely by default:</b> same-day (on the same calendar day as" in slide["text"]["text"]  # the reasons


def test_export_keeps_the_filtered_rows_only(bundled_timeline):
    data = json.loads(export(bundled_timeline, "timelinejs", bundled_timeline.events[:2]))
    assert len(data["events"]) == 2


def test_events_the_report_does_not_date_are_kept_and_say_so(small_data, write_json):
    from tui.model import load_report
    from tui.temporal import resolve

    for event in small_data["events"]:
        event["time"], event["relations"] = None, []
    timeline = resolve(load_report(write_json(small_data)))
    slides = _slides(timeline)["events"]
    assert len(slides) == len(timeline.events) == 2  # none lost
    for slide in slides:
        assert set(slide["start_date"]) == {"year", "month", "day", "hour", "minute"}
        assert slide["display_date"].startswith("undated: the report says only that it happened by its publication")


def test_each_field_is_escaped_for_what_timelinejs_does_with_it(write_json):
    """``text`` is sanitised then shown as HTML: escaped once. ``group`` and ``display_date`` have their markup
    stripped (entities decoded once) then are shown as HTML: escaped twice. The auto-linker is off on every
    slide (the real-browser proof is tests/browser/test_timelinejs_renders.py)."""
    timeline = resolve(load_report(write_json(markup_report_data())))
    data = _slides(timeline)
    assert data["title"]["autolink"] is False
    assert html.unescape(data["title"]["text"]["headline"]) == f"Headline {SCRIPTS}".strip()
    sides = {f"Side {side} {SCRIPTS}".strip() for side in ("one", "two")}
    for slide in data["events"]:
        assert slide["autolink"] is False
        assert html.unescape(html.unescape(slide["group"])) in sides
        assert "<" not in slide["group"] and "&lt;" not in slide["group"]  # decoded once, still no tag
        assert html.unescape(html.unescape(slide["display_date"])) == slide["display_date"]  # newsline's own words
        headline = slide["text"]["headline"]
        assert "<" not in headline and html.unescape(headline).startswith("Summary ")
        body = slide["text"]["text"]
        assert "<img" not in body and "<script" not in body and "<a " not in body
        assert "&lt;img src=x onerror=pwned=1&gt;" in body and "&amp;lt;img src=x onerror=pwned=2&amp;gt;" in body


def test_the_two_escapes():
    assert html_text("<b> & 'x' \"y\"") == "&lt;b&gt; &amp; &#x27;x&#x27; &quot;y&quot;"
    assert html_label("<img> &lt; 'x'") == "&amp;lt;img&amp;gt; &amp;amp;lt; 'x'"
    assert html_label("Ukraine") == "Ukraine" and html_label("Sat 10 Sep · evening (certain)") == (
        "Sat 10 Sep · evening (certain)"
    )
