"""A valid report whose every piece of free text is hostile, for the tests that feed it to every output.

Each kind the sanitiser must handle is here once: terminal escapes (CSI, OSC setting the window title,
C1's own CSI, a screen clear, BEL), line breaks and tabs in one-line places, a bidi override, zero-width
characters, a ZWJ emoji sequence, a flag, a Hangul filler, a variation selector, a skin-tone modifier, an
enclosing keycap, private use, Rich markup — and wide CJK text, which is fine as it is but must be cut by
cells, not characters.
"""

from __future__ import annotations

from typing import Any

from tests.synthetic import ReportWriter

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x1b[1;1H"
HOSTILE = (
    f"{ESCAPES}[bold]x[/]\nnext\rline\ttab\u202eevil\u200b\u200dz "
    "👨\u200d👩\u200d👧 🇺🇦 \u3164\u115f\u1160 ❤\ufe0f 👍🏽 1\ufe0f\u20e3 \ue000 中文漢字"
)
# What every output may hold: no character a terminal acts on or draws at a disputed width.
UNSAFE_PATTERN = (
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u115f\u1160-\u11ff\u200b-\u200f\u2028-\u202e\u2060-\u206f\u20d0-\u20ff"
    "\u3164\ue000-\uf8ff\ufe00-\ufe0f\ufeff\uffa0\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0000-\U000e0fff]"
)


def hostile_report_data() -> dict[str, Any]:
    writer = ReportWriter()
    add = writer.add

    headline = add(f"Titre {HOSTILE}")
    add("\n")
    first_start = writer.offset
    alice = add(f"Alice{HOSTILE}")
    add(" a parlé ")
    saturday = add("samedi")
    add(" soir. ")
    first = {"start": first_start, "end": writer.offset - 1}
    second_start = writer.offset
    earlier = add(f"Plus tôt{HOSTILE}")
    add(", ")
    bob = add(f"Bob{HOSTILE}")
    add(" a dit ")
    quote = add(f"« non {HOSTILE} »")
    add(" ")
    radio_cue = add(f"selon Radio{HOSTILE}")
    add(", ")
    figure = add(f"2 000 km{HOSTILE}")
    add(".")
    second = {"start": second_start, "end": writer.offset}
    add(" ")
    caveat_span = add(f"On ne sait pas{HOSTILE}.")
    add("\n")
    not_event = add(f"Rien {HOSTILE}.")
    text = writer.text
    for sentence in (first, second):
        sentence["text"] = text[sentence["start"] : sentence["end"]]

    def event(number: int, sentence: dict, **fields: Any) -> dict[str, Any]:
        return {
            "id": f"e{number}", "summary": f"Summary {number} {HOSTILE}", "kind": "statement",
            "sentences": [sentence], "actors": [], "places": [], "sources": [{"source": "report"}], "time": None,
            "relations": [], "quotes": [], "claims": [], **fields,
        }  # fmt: skip

    events = [
        event(1, first, actors=["alice"], places=["place"], time=saturday),
        event(
            2, second, actors=["bob", "alice"],
            sources=[{"source": "radio", "cue": radio_cue}, {"source": "report"}],
            relations=[{"type": "before", "target": "e1", "cue": earlier}],
            quotes=[{"span": quote, "speaker": "bob", "mode": "direct"}],
            claims=[{"id": "c1", "span": figure, "quantity": 2000, "unit": f"km{HOSTILE}", "about": f"ground {HOSTILE}",
                     "qualifier": "about"}],
        ),
        event(3, second, actors=["bob"]),  # a second event of one sentence: the article's chooser lists both
    ]  # fmt: skip
    actor = {"role": f"role {HOSTILE}", "side": "ukraine"}
    return {
        "format": "newsline/1",
        "document": {
            "id": "hostile", "language": "fr", "headline": headline, "text": text,
            "published": {
                "earliest": "2022-09-10T20:00:00+03:00", "estimate": "2022-09-11T12:00:00+03:00",
                "latest": "2022-09-11T23:59:00+03:00", "basis": f"basis {HOSTILE}",
            },
        },
        "actors": [
            actor | {"id": "alice", "name": f"Alice {HOSTILE}", "mentions": [alice]},
            actor | {"id": "bob", "name": f"Bob {HOSTILE}", "side": "russia", "mentions": [bob],
                     "identification": {"value": f"Robert {HOSTILE}", "basis": f"basis {HOSTILE}"}},
        ],
        "places": [{"id": "place", "name": f"Place {HOSTILE}", "mentions": []}],
        "sources": [
            {"id": "report", "label": f"The report {HOSTILE}", "kind": "report", "mentions": []},
            {"id": "radio", "label": f"Radio {HOSTILE}", "kind": "news-agency", "mentions": [radio_cue],
             "affiliation": "bob"},
        ],
        "events": events,
        "caveats": [{"id": "k1", "span": caveat_span, "claims": ["c1"], "note": f"note {HOSTILE}"}],
        "not_events": [{"span": not_event, "reason": f"reason {HOSTILE}"}],
    }  # fmt: skip
