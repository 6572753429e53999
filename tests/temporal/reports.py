"""Small reports built by hand for the time engine's tests: a few events, each told in one sentence whose
words are its time, its tense's verb and its relations' cues."""

from __future__ import annotations

import json
from typing import Any

from tui.model import parse_report
from tui.temporal import Timeline, resolve

EARLIEST, ESTIMATE, LATEST = "2022-09-11T08:00:00+03:00", "2022-09-11T12:00:00+03:00", "2022-09-11T20:00:00+03:00"
GUESS = {"how": "guess: proximity", "confidence": 0.5}  # how the drafter marks an attachment it only guessed


def event(
    id: str,
    sentence: str,
    *,
    kind: str = "action",
    time: str | None = None,
    tense: tuple[str, str] | None = None,
    relations: tuple[tuple[str, str, str], ...] = (),
    guessed: bool = False,
    guessed_relations: tuple[tuple[str, str, str], ...] = (),
    time_guessed: bool = False,
    time_anchor: str | None = None,
) -> dict[str, Any]:
    """An event told in ``sentence`` (words of the report's text); ``time``, the tense's verb and each
    relation's cue are words of that sentence. ``relations``: (type, target, cue), all guessed by the drafter
    with ``guessed``; ``guessed_relations``: more it only guessed, told before those; ``time_anchor``: the
    event whose start the time is said at (reported speech)."""
    return {
        "id": id,
        "sentence": sentence,
        "kind": kind,
        "time": time,
        "tense": tense,
        "relations": relations,
        "guessed": guessed,
        "guessed_relations": guessed_relations,
        "time_guessed": time_guessed,
        "time_anchor": time_anchor,
    }


def timeline_of(
    text: str | None, *events: dict[str, Any], published: dict[str, str] | str | None = None, defaults: bool = True
) -> Timeline:
    """The report of ``text`` (with None: a title, then each event's sentence) telling ``events``, resolved;
    published ``published`` (``"unknown"``, or by default Sunday 11 September 2022 from 08:00 to 20:00 in
    Kyiv, 12:00 at the estimate)."""
    if text is None:
        text = "Titre\n\n" + " ".join(spec["sentence"] for spec in events)

    def piece(words: str, within: int = 0) -> dict[str, Any]:
        start = text.index(words, within)
        return {"start": start, "end": start + len(words), "text": words}

    written = []
    for spec in events:
        sentence = piece(spec["sentence"])
        at = sentence["start"]
        found = GUESS if spec["guessed"] else None
        data: dict[str, Any] = {
            "id": spec["id"], "summary": spec["id"], "kind": spec["kind"], "sentences": [sentence],
            "actors": ["a"], "places": [], "sources": [{"source": "report"}],
            "time": piece(spec["time"], at) if spec["time"] else None,
            "relations": [
                {"type": kind, "target": target, "cue": piece(cue, at), "found": GUESS}
                for kind, target, cue in spec["guessed_relations"]
            ] + [
                {"type": kind, "target": target, "cue": piece(cue, at), **({"found": found} if found else {})}
                for kind, target, cue in spec["relations"]
            ],
            "quotes": [], "claims": [],
        }  # fmt: skip
        if spec.get("time_anchor"):
            data["time_anchor"] = spec["time_anchor"]
        if spec["time_guessed"]:
            data["time_found"] = GUESS
        if spec["tense"]:
            form, verb = spec["tense"]
            data["tense"] = {"form": form, "cue": piece(verb, at)}
        written.append(data)
    data = {
        "format": "newsline/1",
        "document": {
            "id": "defaults", "language": "fr", "headline": piece(text.split("\n")[0]), "text": text,
            "published": None if published == "unknown" else (
                published or {"earliest": EARLIEST, "estimate": ESTIMATE, "latest": LATEST, "basis": "test"}
            ),
        },
        "actors": [{"id": "a", "name": "A", "role": "r", "side": "ukraine", "mentions": []}],
        "places": [], "sources": [{"id": "report", "label": "The report", "kind": "report", "mentions": []}],
        "events": written, "caveats": [], "not_events": [],
    }  # fmt: skip
    return resolve(parse_report(json.dumps(data)), defaults=defaults)
