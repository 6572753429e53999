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


# -- What each part of a slide says (issue 19: tests that notice a broken rule) ----------------------------


def test_the_title_slide_says_what_the_file_holds(small_data, write_json):
    """The report's id, language and estimated publication, then how many events (one: singular) or, from the
    app's filters, which; in a paragraph of the title slide's text."""
    timeline = resolve(load_report(write_json(small_data)))

    def title(rows=None, shown=None) -> dict:
        return json.loads(export(timeline, "timelinejs", rows, shown=shown))["title"]["text"]

    assert title() == {
        "headline": "Alice a parlé jeudi.",
        "text": "<p>Report small (fr), published Sun 11 Sep 12:00 (estimate). 2 events, placed by newsline from "
        "the report's own words.</p>",
    }
    assert "(estimate). 1 event, placed" in title(timeline.events[:1])["text"]
    shown = title(timeline.events[:1], "1 of 2 events · filter: actor <Bob>")["text"]
    assert "(estimate). 1 of 2 events · filter: actor &lt;Bob&gt;, placed by newsline" in shown  # escaped text


HEADLINES = {
    "x" * 60: "x" * 60,  # up to 60 characters: whole
    # longer: cut at the last space within 59 characters, a trailing comma, semicolon or colon left out, then "…"
    "Kharkiv counter-offensive: Ukrainian troops retake Kupiansk and Izyum": (
        "Kharkiv counter-offensive: Ukrainian troops retake…"
    ),
    "Shares in Paris, Frankfurt and Milan fell; so did the DAX, on the news": (
        "Shares in Paris, Frankfurt and Milan fell; so did the DAX…"
    ),
}


def test_a_long_summary_is_cut_at_a_word_for_the_slides_headline(small_data, write_json):
    """The headline shows on the time nav's marker: at most 60 characters, never half a word; the body keeps
    the summary whole."""
    for summary, headline in HEADLINES.items():
        small_data["events"][0]["summary"] = summary
        slides = {
            slide["unique_id"]: slide for slide in _slides(resolve(load_report(write_json(small_data))))["events"]
        }
        assert slides["alice-speaks"]["text"]["headline"] == headline
        assert len(headline) <= 60
        assert slides["alice-speaks"]["text"]["text"].startswith(f"<p>{summary}</p>")


def test_a_slides_body_says_who_why_which_defaults_and_the_sources(bundled_timeline):
    """Paragraph by paragraph: the summary, the actors (", "), the likely time's explanation, each default with
    its meaning ("; "), the attribution chain origin first (" → ")."""
    (slide,) = _slides(bundled_timeline, [bundled_timeline["ukrainian-breakthrough"]])["events"]
    row = bundled_timeline["ukrainian-breakthrough"]
    assert slide["text"]["text"] == (
        "<p>Ukrainian troops broke through Russian defence lines.</p>"
        "<p><b>Who:</b> Ukrainian army, Russian army</p>"
        f"<p><b>Why this time:</b> {html_text(row.likely.explanation)}</p>"
        "<p><b>Likely by default:</b> publication-estimate (published at the annotation&#x27;s estimate); "
        "news-cycle (within the 24 h before publication); "
        "recent-past (ended within the day before the statement that reports it); "
        "day-count (N days apart, give or take half a day)</p>"
        "<p><b>Sources:</b> Kharkiv administrator&#x27;s statements (il a déclaré) → The report&#x27;s own voice</p>"
    )


def test_an_event_with_neither_bound_stands_at_the_publications_latest(to_come_data, write_json):
    """Told in the future with no time, an event has no bound in the report's words: its slide stands at the
    latest moment of the publication and says so, with no end. With no actor and a source of no side, it is
    on the report's own row. An event that only begins has no end date either."""
    timeline = resolve(load_report(write_json(to_come_data)), defaults=False)
    slides = {slide["unique_id"]: slide for slide in _slides(timeline)["events"]}
    silence = slides["silence"]
    assert silence["start_date"] == {"year": 2022, "month": 9, "day": 11, "hour": 23, "minute": 59}
    assert silence["display_date"].endswith(" · shown at the latest it can be, Sun 11 Sep 23:59")
    assert "end_date" not in silence
    assert silence["group"] == "The report"
    vote = slides["vote"]
    assert vote["start_date"] == {"year": 2022, "month": 9, "day": 8, "hour": 0, "minute": 0}
    assert "end_date" not in vote and vote["group"] == "The report"
    assert "<b>Who:</b>" not in vote["text"]["text"]  # no actor, no line for them


def test_a_date_s_parts_are_made_once_per_zone():
    """Slides share their dates' parts; the same moment in two zones (a bound in the report's zone, the
    publication's latest in its own) keeps its own wall-clock parts."""
    from datetime import UTC, datetime, timedelta, timezone

    from tui.export.timelinejs import _Moments

    moments = _Moments()
    kyiv = datetime(2022, 9, 10, 3, 0, tzinfo=timezone(timedelta(hours=3)))
    utc = kyiv.astimezone(UTC)
    assert moments[kyiv, kyiv.tzinfo] == '{"year":2022,"month":9,"day":10,"hour":3,"minute":0}'
    assert moments[utc, utc.tzinfo] == '{"year":2022,"month":9,"day":10,"hour":0,"minute":0}'
