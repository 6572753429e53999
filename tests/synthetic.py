"""Synthetic reports of any size, consistent by construction, for benchmarks and stress tests.

Event i happens shortly after event i−1 ("peu de temps après": 0–3 h) and after event i−7 (order only);
every tenth event is on "samedi". All of them fitting within that Saturday is a solution, so the network
is consistent, yet every relation and time expression constrains the bounds.

With ``week=True`` the dated events spread over the week instead, Monday to Saturday in report order
(adjacent dated events are at most a day apart, so "shortly after" chains still fit): the bounds then
prove that early events come before late ones.
"""

from __future__ import annotations

import random
from typing import Any

SIDES = ["ukraine", "russia", "russian-installed", "media", "civilians"]
CUES = ["peu de temps après", "après"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
WORDS = ["avance", "retrait", "annonce", "frappe", "évacuation", "déclaration", "combats", "regroupement"]


class ReportWriter:
    """A report's text written piece by piece, each piece's span returned as the events file spells it
    (what every test report builder needs: synthetic, hostile and property-test reports)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.offset = 0  # where the next piece starts

    def add(self, text: str) -> dict[str, Any]:
        self.pieces.append(text)
        span = {"start": self.offset, "end": self.offset + len(text), "text": text}
        self.offset += len(text)
        return span

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def synthetic_report(count: int, seed: int = 7, week: bool = False) -> dict[str, Any]:
    rng = random.Random(seed)
    writer = ReportWriter()
    add = writer.add

    headline = add("Rapport synthétique")
    add("\n")
    actors = []
    for number in range(12):
        name = f"Acteur {number}"
        actors.append({
            "id": f"actor-{number}", "name": name, "role": "synthetic actor", "side": SIDES[number % len(SIDES)],
            "mentions": [add(name)],
        })  # fmt: skip
        add(". ")
    events = []
    for index in range(count):
        word = WORDS[index % len(WORDS)]
        relations = []
        time = None
        sentence_start = writer.offset
        add(f"E{index} {word} ")
        if index % 10 == 5:
            time = add(DAYS[index * len(DAYS) // count] if week else "samedi")
            add(" ")
        if index >= 1:
            cue = add(CUES[0])
            relations.append({"type": "after", "target": f"e{index - 1}", "cue": cue})
            add(" ")
        if index >= 7:
            cue = add(CUES[1])
            relations.append({"type": "after", "target": f"e{index - 7}", "cue": cue})
        add(".")
        sentence = {"start": sentence_start, "end": writer.offset, "text": ""}  # text filled in once the text is whole
        add(" ")
        actor_ids = sorted({f"actor-{rng.randrange(12)}" for _ in range(rng.randint(1, 2))})
        events.append({
            "id": f"e{index}", "summary": f"Synthetic {word} number {index}", "kind": "statement",
            "sentences": [sentence], "actors": actor_ids, "places": [], "sources": [{"source": "report"}],
            "time": time, "relations": relations, "quotes": [], "claims": [],
        })  # fmt: skip
    text = writer.text
    for event in events:
        for sentence in event["sentences"]:
            sentence["text"] = text[sentence["start"] : sentence["end"]]
    return {
        "format": "newsline/1",
        "document": {
            "id": f"synthetic-{count}", "language": "fr", "headline": headline, "text": text,
            "published": {
                "earliest": "2022-09-10T20:00:00+03:00", "estimate": "2022-09-11T12:00:00+03:00",
                "latest": "2022-09-11T23:59:00+03:00", "basis": "synthetic",
            },
        },
        "actors": actors, "places": [], "sources": [{"id": "report", "label": "The report", "kind": "report", "mentions": []}],
        "events": events, "caveats": [], "not_events": [],
    }  # fmt: skip
