"""Score newsline's reading of time on a development set of real French reports.

``.venv/bin/python -m tests.benchmarks.score_devset [--no-published] [--check] [--json]``

The set is ``tests/benchmarks/devset/``: one plain-text report per file and ``devset.json``, which gives
for each report its address, its outlet, its publication (``published``, a date-time with offset or a day,
with the basis) and its actions: an ``anchor`` (a verbatim substring of the report, found there exactly
once, naming the action) and the action's ``real`` time as documented in public reporting,
``{earliest, latest}`` (ISO 8601 with offset), with the ``basis`` of it.

Each report is drafted in-process as ``newsline draft REPORT --published WHEN`` does (one spaCy pipeline
for the whole run), the draft is loaded and resolved as ``newsline timeline --json`` does, and each action
is matched to one drafted event:

- the candidates are the events one of whose sentence spans overlaps the anchor;
- among them, the first found of: the events whose tense cue lies inside the anchor, those whose time
  expression lies inside the anchor, those whose tense cue or time expression overlaps the anchor, those
  whose *first* sentence (the event's own) holds the anchor, then any candidate; ties go to the event
  with the shortest sentence text, then to the earlier event in the file;
- an action with no candidate is *unmatched*: it counts as drafted neither as an event of its own nor
  with a likely interval holding its time, its certain interval is taken as unbounded (so it never
  "excludes"), and every pair it is in counts as out of order.

The figures (intervals are closed; an open side, ``null``, is unbounded):

- *certain excludes*: the real interval and the event's certain interval do not intersect
  (``real.latest < certain.earliest`` or ``real.earliest > certain.latest``). Target 0.
- *likely holds*: the real interval and the likely interval intersect.
- *of its own*: the action's event is matched by no other action of the report.
- *order*: over all pairs of actions of one report whose real intervals do not overlap, the share whose
  likely midpoints are in the same order as the real intervals, strictly; a pair where either likely
  interval has an open side (so no midpoint), or either action is unmatched, counts as wrong.
- *median likely width*: over the matched actions whose likely interval is bounded on both sides (how
  many are not is printed beside it).

Under the table, a diagnostic: how many certain exclusions disappear when the real time's wall clock is
read in the offset newsline used (a clock time read in the wrong zone; most publications in the set are
days, whose zone ``--published`` does not know).

Without ``--published`` the draft's times are relative to an unknown publication: the real times are then
placed against it the same way, the real publication's day as the publication day, on the report's wall
clock, so that soundness and order mean the same in both runs.

By default the set is drafted twice, with ``--published`` and without; the table is the first run's, with
a last row giving the second run's order and certain-soundness. ``--no-published`` runs only without.
``--check`` only validates the set (files exist, every anchor is in its text exactly once, intervals are
well formed with an offset and earliest <= latest, publication parses) and exits 1 on a problem.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

DEVSET = Path(__file__).resolve().parent / "devset"
MANIFEST = DEVSET / "devset.json"


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no offset")
    return moment


def _published_problem(text: str) -> str | None:
    """Why ``text`` is not a publication ``newsline draft --published`` takes as the set means it: a day
    (YYYY-MM-DD) or a date-time with an offset. Checked here without importing the engine."""
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            _moment(text)
    except (TypeError, ValueError) as error:
        return str(error)
    return None


def check(manifest: dict[str, Any], root: Path = DEVSET) -> list[str]:
    """Problems with the set, as sentences; none when it is sound."""
    problems: list[str] = []
    files: set[str] = set()
    for number, report in enumerate(manifest.get("reports", []), 1):
        name = report.get("file", f"report {number}")
        for key in ("file", "url", "outlet", "published", "published_basis", "actions"):
            if not report.get(key):
                problems.append(f"{name}: no {key}")
        if name in files:
            problems.append(f"{name}: listed twice")
        files.add(name)
        path = root / name
        if not path.is_file():
            problems.append(f"{name}: no such file in {root}")
            continue
        text = path.read_text(encoding="utf-8")
        problem = _published_problem(report.get("published", ""))
        if problem:
            problems.append(f"{name}: published: {problem}")
        anchors: set[str] = set()
        for action in report.get("actions", []):
            anchor = action.get("anchor", "")
            count = text.count(anchor) if anchor else 0
            if count != 1:
                problems.append(f"{name}: anchor {anchor!r} is found {count} times, not once")
            if anchor in anchors:
                problems.append(f"{name}: anchor {anchor!r} listed twice")
            anchors.add(anchor)
            if not action.get("basis"):
                problems.append(f"{name}: {anchor!r} has no basis")
            real = action.get("real") or {}
            try:
                earliest, latest = _moment(real["earliest"]), _moment(real["latest"])
            except (KeyError, TypeError, ValueError) as error:
                problems.append(f"{name}: {anchor!r}: real interval not well formed ({error})")
                continue
            if earliest > latest:
                problems.append(f"{name}: {anchor!r}: real earliest is after latest")
    if not manifest.get("reports"):
        problems.append("no reports")
    return problems


@dataclass(slots=True)
class Outcome:
    """One gold action against the drafted event it was matched to."""

    report: str
    anchor: str
    real: tuple[datetime, datetime]
    event: str | None = None
    certain: tuple[datetime | None, datetime | None] = (None, None)
    likely: tuple[datetime | None, datetime | None] = (None, None)
    own: bool = False

    @property
    def excluded(self) -> bool:
        return not _intersects(self.real, self.certain)

    @property
    def excluded_by_offset_only(self) -> bool:
        """Excluded, but not once the real time's wall clock is read in the offset of the certain interval:
        the report's clock times were read in another zone."""
        if not self.excluded:
            return False
        zone = next((side.tzinfo for side in self.certain if side is not None), None)
        if zone is None:
            return False
        wall = (self.real[0].replace(tzinfo=zone), self.real[1].replace(tzinfo=zone))
        return _intersects(wall, self.certain)

    @property
    def held(self) -> bool:
        return self.event is not None and _intersects(self.real, self.likely)

    @property
    def midpoint(self) -> datetime | None:
        earliest, latest = self.likely
        if self.event is None or earliest is None or latest is None:
            return None
        return earliest + (latest - earliest) / 2

    @property
    def width(self) -> timedelta | None:
        earliest, latest = self.likely
        if self.event is None or earliest is None or latest is None:
            return None
        return latest - earliest


@dataclass(slots=True)
class ReportScore:
    name: str
    events: int
    outcomes: list[Outcome] = field(default_factory=list)
    pairs: int = 0
    ordered: int = 0


def _intersects(real: tuple[datetime, datetime], found: tuple[datetime | None, datetime | None]) -> bool:
    earliest, latest = found
    if earliest is not None and real[1] < earliest:
        return False
    return not (latest is not None and real[0] > latest)


def _inside(span: Any, start: int, end: int) -> bool:
    return span is not None and start <= span.start and span.end <= end


def _overlaps(span: Any, start: int, end: int) -> bool:
    return span is not None and span.start < end and start < span.end


def match(report: Any, start: int, end: int) -> Any | None:
    """The drafted event the action at ``[start, end)`` of the text is matched to (see the module doc)."""
    candidates = [
        (index, event)
        for index, event in enumerate(report.events)
        if any(_overlaps(span, start, end) for span in event.sentences)
    ]
    if not candidates:
        return None

    def cue(event: Any) -> Any:
        return event.tense.cue if event.tense is not None else None

    tests = (
        lambda event: _inside(cue(event), start, end),
        lambda event: _inside(event.time, start, end),
        lambda event: _overlaps(cue(event), start, end) or _overlaps(event.time, start, end),
        lambda event: bool(event.sentences) and _overlaps(event.sentences[0], start, end),
        lambda event: True,
    )
    for test in tests:
        chosen = [(index, event) for index, event in candidates if test(event)]
        if chosen:
            chosen.sort(key=lambda pair: (sum(span.end - span.start for span in pair[1].sentences), pair[0]))
            return chosen[0][1]
    return None


def score_report(entry: dict[str, Any], nlp: Any, *, published: bool, root: Path = DEVSET) -> ReportScore:
    from tui.draft.files import draft_file
    from tui.model import parse_report
    from tui.model.save import events_text
    from tui.temporal import resolve

    path = root / entry["file"]
    text = path.read_text(encoding="utf-8")
    data = draft_file(path, published=entry["published"] if published else None, nlp=nlp)
    report = parse_report(events_text(data), path.with_suffix(".events.json"))
    timeline = resolve(report)
    resolved = {item.id: item for item in timeline.events}
    offset = report.document.text.find(text) if report.document.text != text else 0
    if offset < 0:
        raise ValueError(f"{entry['file']}: the drafted document text is not the report's text")
    score = ReportScore(entry["file"], len(report.events))
    for action in entry["actions"]:
        anchor = action["anchor"]
        start = text.index(anchor) + offset
        real = (_moment(action["real"]["earliest"]), _moment(action["real"]["latest"]))
        if not published:
            real = (_relative(real[0], entry["published"]), _relative(real[1], entry["published"]))
        outcome = Outcome(entry["file"], anchor, real)
        event = match(report, start, start + len(anchor))
        if event is not None and event.id in resolved:
            found = resolved[event.id]
            outcome.event = event.id
            outcome.certain = (found.certain.earliest, found.certain.latest)
            outcome.likely = (found.likely.earliest, found.likely.latest)
        score.outcomes.append(outcome)
    taken = [outcome.event for outcome in score.outcomes if outcome.event is not None]
    for outcome in score.outcomes:
        outcome.own = outcome.event is not None and taken.count(outcome.event) == 1
    for first, second in combinations(score.outcomes, 2):
        if first.real[1] < second.real[0]:
            before, after = first, second
        elif second.real[1] < first.real[0]:
            before, after = second, first
        else:
            continue  # the real times overlap: no order to get right
        score.pairs += 1
        if before.midpoint is not None and after.midpoint is not None and before.midpoint < after.midpoint:
            score.ordered += 1
    return score


def _relative(moment: datetime, published: str) -> datetime:
    """A real time as a draft without ``--published`` places it: against the unknown publication, whose day
    is the real publication's day and whose clock is the report's wall clock (the real time's own offset)."""
    from tui.model.report import UNKNOWN_PUBLICATION

    day = date.fromisoformat(published[:10])
    since = moment.replace(tzinfo=None) - datetime.combine(day, datetime.min.time())
    return UNKNOWN_PUBLICATION.estimate.replace(hour=0, minute=0) + since


def summarize(scores: list[ReportScore]) -> dict[str, Any]:
    outcomes = [outcome for score in scores for outcome in score.outcomes]
    widths = [outcome.width for outcome in outcomes if outcome.width is not None]
    pairs = sum(score.pairs for score in scores)
    ordered = sum(score.ordered for score in scores)
    return {
        "reports": len(scores),
        "actions": len(outcomes),
        "unmatched": sum(outcome.event is None for outcome in outcomes),
        "certain_excludes": sum(outcome.excluded for outcome in outcomes),
        "certain_excludes_by_offset_only": sum(outcome.excluded_by_offset_only for outcome in outcomes),
        "likely_holds": sum(outcome.held for outcome in outcomes),
        "own_event": sum(outcome.own for outcome in outcomes),
        "pairs": pairs,
        "ordered_pairs": ordered,
        "median_likely_width_hours": (statistics.median(widths).total_seconds() / 3600) if widths else None,
        "bounded_likely": len(widths),
        "unbounded_likely": sum(outcome.event is not None and outcome.width is None for outcome in outcomes),
    }


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else f"{part}/0"


def _hours(hours: float | None) -> str:
    if hours is None:
        return "n/a"
    if hours >= 48:
        return f"{hours / 24:.1f} days"
    return f"{hours:.1f} h"


def table(summary: dict[str, Any], without: dict[str, Any] | None) -> str:
    actions = summary["actions"]
    rows = [
        ("actions whose *certain* interval excludes the real time", _share(summary["certain_excludes"], actions), "0"),
        ("actions whose *likely* interval holds the real time", _share(summary["likely_holds"], actions), ""),
        (
            "actions drafted as an event of their own (not merged with another action)",
            _share(summary["own_event"], actions),
            "",
        ),
        (
            "pairs of actions in the right order (by likely midpoint)",
            _share(summary["ordered_pairs"], summary["pairs"]),
            "",
        ),
        (
            "median likely width",
            f"{_hours(summary['median_likely_width_hours'])} "
            f"(over {summary['bounded_likely']}; {summary['unbounded_likely']} unbounded)",
            "",
        ),
    ]
    if without is not None:
        sound = without["actions"] - without["certain_excludes"]
        rows.append(
            (
                "without `--published`: order / certain sound",
                f"{_share(without['ordered_pairs'], without['pairs'])} / {_share(sound, without['actions'])}",
                "",
            )
        )
    lines = ["| measure | value | target |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in rows]
    lines.append(
        f"\n{summary['reports']} reports, {actions} actions ({summary['unmatched']} matched to no drafted event); "
        f"of the certain exclusions, {summary['certain_excludes_by_offset_only']} go away when the real time's "
        "wall clock is read in the zone newsline used."
    )
    return "\n".join(lines)


def per_report(scores: list[ReportScore]) -> str:
    lines = []
    for score in scores:
        outcomes = score.outcomes
        lines.append(
            f"{score.name}: {score.events} events, {len(outcomes)} actions; "
            f"certain excludes {sum(o.excluded for o in outcomes)}, "
            f"likely holds {sum(o.held for o in outcomes)}, own {sum(o.own for o in outcomes)}, "
            f"order {score.ordered}/{score.pairs}"
        )
    return "\n".join(lines)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def details(scores: list[ReportScore]) -> list[dict[str, Any]]:
    return [
        {
            "file": score.name,
            "events": score.events,
            "pairs": score.pairs,
            "ordered_pairs": score.ordered,
            "actions": [
                {
                    "anchor": o.anchor,
                    "event": o.event,
                    "real": [_iso(o.real[0]), _iso(o.real[1])],
                    "certain": [_iso(o.certain[0]), _iso(o.certain[1])],
                    "likely": [_iso(o.likely[0]), _iso(o.likely[1])],
                    "certain_excludes": o.excluded,
                    "certain_excludes_by_offset_only": o.excluded_by_offset_only,
                    "likely_holds": o.held,
                    "own_event": o.own,
                }
                for o in score.outcomes
            ],
        }
        for score in scores
    ]


def run_set(manifest: dict[str, Any], nlp: Any, *, published: bool) -> list[ReportScore]:
    return [score_report(entry, nlp, published=published) for entry in manifest["reports"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="score_devset", description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-published", action="store_true", help="draft only without --published")
    parser.add_argument("--check", action="store_true", help="only validate the set; exit 1 on a problem")
    parser.add_argument("--json", action="store_true", help="print one machine-readable JSON object")
    options = parser.parse_args(argv)
    manifest = load_manifest()
    problems = check(manifest)
    if options.check:
        reports = manifest.get("reports", [])
        actions = sum(len(report.get("actions", [])) for report in reports)
        for problem in problems:
            print(problem)
        print(f"{len(reports)} reports, {actions} actions: {'sound' if not problems else f'{len(problems)} problems'}")
        return 1 if problems else 0
    if problems:
        print("the set has problems (see --check):", *problems, sep="\n  ", file=sys.stderr)
        return 1
    from tui.draft import load_pipeline

    nlp = load_pipeline("fr")
    runs: dict[str, list[ReportScore]] = {}
    if not options.no_published:
        runs["published"] = run_set(manifest, nlp, published=True)
    runs["unpublished"] = run_set(manifest, nlp, published=False)
    summaries = {name: summarize(scores) for name, scores in runs.items()}
    if options.json:
        result = {name: {"summary": summaries[name], "reports": details(scores)} for name, scores in runs.items()}
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if options.no_published:
        print("Drafted without --published:\n")
        print(table(summaries["unpublished"], None))
        print("\n" + per_report(runs["unpublished"]))
    else:
        print("Drafted with --published (last row: drafted without):\n")
        print(table(summaries["published"], summaries["unpublished"]))
        print("\nwith --published:\n" + per_report(runs["published"]))
        print("\nwithout --published:\n" + per_report(runs["unpublished"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
