"""One event told by several reports: which events of a corpus are the same happening, and the time of a story
event across the reports that tell it.

:func:`stories` gives every event a story number; the events of one number are one event of the corpus. Two
events can be one only if they come from different reports, and, with the time read (every variant but
"text"), never if both reports are dated and their *certain* intervals are disjoint (what one report entails
and what the other entails cannot both hold of one happening), nor if their *likely* intervals lie more than
a day apart. Between those, a pair is scored (:func:`pair_score`):

- *text*: the cosine of the two events' content words, each weighted by its rarity among the events (inverse
  document frequency). The words are the report's own, folded (case, accents), with function words and verbs
  of attribution left out (``resources/fr/stop_words.txt``), as are the words of the event's sources ("selon
  le BCSF": who says it is not what happened); number words read as digits ("quatre" and "4", from the time
  reader's table); the few words news reports use for one happening read as one (``event_words.txt``:
  "décédés", "morts", "ont péri"); the others cut of a plural or feminine ending and to their first 5
  letters ("condamnation", "condamné" → "conda"): a light fold, not a lemmatizer, so that it needs no model.
  The event's own clause (its summary) counts 0.7, its whole sentence 0.3 (the sentence is shared by the
  clauses drafted from it).

Other signals were measured and not kept (the variants of :data:`VARIANTS`): the likeness of the two reports
as a whole (the cosine of all their words: two reports of one story share rare names) scored best on the
whole set, but worse with its threshold chosen on the other stories than on the story scored; the actors and
places of the drafted events (their display names) made it worse: the drafter names roles ("Pompiers") more
often than people, and two reports name one place differently.

Pairs at or above the threshold are merged, best first, into stories: a greedy, single-link clustering with
three constraints that hold of every pair in a story, not only the pairs merged — a story never holds two
events of one report, the certain intervals of its dated events have a common point, and no two of their
likely intervals lie more than a day apart (so that an undated event does not chain two stories of
different days). The weights and the threshold were chosen by measurement on the development set
(``tests/benchmarks/corpus_devset``, ``python -m tests.benchmarks.score_corpus``, whose module doc has the
comparison); :data:`VARIANTS` keeps the variants measured, :data:`MATCHING` the one kept.

Scale: the pairs scored are found through an inverted index of the content words, each word's postings
capped at ``BLOCK`` events (a word in more events than that is too common to say two events are one; it still
counts in the score of a pair found by a rarer word). With ``n`` events of at most ``w`` content words each,
at most ``n·w·BLOCK`` pairs are scored: O(n) for a bounded ``w`` and ``BLOCK``, and O(P log P) to sort the
``P`` pairs found; 10⁶ events are never compared two by two. (The reports' likeness of the variant not kept
is worked out once for each pair of reports that candidate pairs meet.) Everything else is linear in ``n``.
The store keeps the same index (``event_words``, :func:`event_words`), so that reports added later are
compared with the events a matching of the whole corpus would pair them with (:func:`tui.corpus.ingest.match_added`).

The result does not depend on the order of the events given: they are read in the order of their (report, id)
keys, and ties between pairs of one score are broken by those keys.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from tui.corpus.records import EventRecord

RESOURCES = Path(__file__).with_name("resources")
BLOCK = 200  # a word in more events than this finds no pairs (it still weighs in a pair's score)
DAY = 24 * 60.0  # minutes
PREFIX: int | None = 5  # a word is read by its first letters only (None: whole, once stemmed)

Key = tuple[str, str]  # (report, event id)
Bounds = tuple[float | None, float | None]


@dataclass(frozen=True, slots=True)
class Variant:
    """A way of matching: the weights of a pair's score and the score a pair needs to be merged.

    ``summary`` + ``sentence`` weigh the text's two parts (the event's clause, its whole sentence); ``veto``
    refuses dated pairs with disjoint certain intervals and ``gap`` those whose likely intervals lie further
    apart (in minutes; None: not read); ``time`` is added for overlapping likely intervals and taken for
    disjoint ones; ``actors``, ``places``, ``report`` and ``kind`` are added in proportion to what the pair
    shares."""

    name: str
    threshold: float
    summary: float = 0.7
    sentence: float = 0.3
    time: float = 0.0
    actors: float = 0.0
    places: float = 0.0
    kind: float = 0.0
    veto: bool = True
    gap: float | None = None  # minutes: likely intervals further apart than this cannot be one event
    sources: bool = True  # leave the words of the event's sources out of its text ("selon le BCSF")
    synonyms: bool = True  # read the words of resources/<language>/event_words.txt as one
    report: float = 0.0  # weight of the two reports' likeness (the cosine of all their words): same story?
    prefix: int | None = PREFIX


# The variants compared on the development set (tests/benchmarks/score_corpus.py: its module doc has the table);
# each threshold is the one with the best F1 there. MATCHING is the one kept.
VARIANTS: dict[str, Variant] = {
    variant.name: variant
    for variant in (
        Variant("text", threshold=0.35, veto=False),
        Variant("text+time", threshold=0.35, gap=DAY),
        Variant("text+time+actors", threshold=0.4, gap=DAY, actors=0.15, places=0.1, kind=0.05),
        Variant("text+time+report", threshold=0.5, gap=DAY, report=0.4, kind=0.05),
    )
}
MATCHING = VARIANTS["text+time"]


# -- words ------------------------------------------------------------------------------------------------

_WORD = re.compile(r"\d+|[^\W\d_]+")  # "2h30" is 2, h, 30 as "2 h 30" is


@cache
def _table(language: str, kind: str) -> dict[str, str]:
    """One of matching's word tables (``resources/<language>/<kind>.txt``: ``word`` or ``word<TAB>value`` a
    line, folded, ``#`` comments), read once; empty for a language without it."""
    path = RESOURCES / language / f"{kind}.txt"
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.split("#", 1)[0].partition("\t")
        if word.strip():
            found[word.strip()] = value.strip()
    return found


def stop_words(language: str = "fr") -> frozenset[str]:
    """The words that say nothing of which event is told (folded)."""
    return frozenset(_table(language, "stop_words"))


@cache
def _numbers(language: str) -> dict[str, str]:
    """Number words as digits ("quatre" → "4"), from the time reader's table, so that "quatre blessés" and
    "4 blessés" share their figure."""
    from tui.temporal.tagging.tables import table

    return table("number_words", str, (language,))


def fold(text: str) -> str:
    """Lower case without accents (the drafter's own fold)."""
    from tui.draft.lexicon import fold as folded

    return folded(text)


def _stem(word: str, prefix: int | None = PREFIX) -> str:
    """A word without its plural or feminine ending ("blessées", "blessés", "blessé" → "bless"), cut to its
    first ``prefix`` letters if longer ("condamnation", "condamné" → "condam")."""
    bare = word.rstrip("sxe")  # at once: cutting a letter at a time is quadratic in a long word ("xxx…")
    word = bare if len(bare) >= 4 else word[:4]
    return word[:prefix] if prefix else word


def content_words(
    text: str,
    language: str = "fr",
    ignore: frozenset[str] = frozenset(),
    *,
    synonyms: bool = True,
    prefix: int | None = PREFIX,
) -> frozenset[str]:
    """The words of ``text`` that can tell one event from another: folded, without stop words (nor the folded
    words of ``ignore``), number words as digits, a word news reports use for the same happening as another
    read as one (``resources/<language>/event_words.txt``, with ``synonyms``), the others stemmed; numbers
    kept (a figure or a clock time is often what two tellings share), one-letter words dropped."""
    return _content_words(text, language, ignore, synonyms, prefix)


@lru_cache(maxsize=1 << 16)
def _content_words(
    text: str, language: str, ignore: frozenset[str], synonyms: bool, prefix: int | None
) -> frozenset[str]:
    # Kept: a neighbour's words are read again by every chunk of reports added near it, and reports repeat
    # sentences (wire copy); the sets are immutable, so sharing them is safe.
    return frozenset(ordered_words(text, language, ignore, synonyms=synonyms, prefix=prefix))


def ordered_words(
    text: str,
    language: str = "fr",
    ignore: frozenset[str] = frozenset(),
    *,
    synonyms: bool = True,
    prefix: int | None = PREFIX,
) -> list[str]:
    """:func:`content_words` in the order of the text, repeats kept."""
    stop = stop_words(language)
    numbers = _numbers(language)
    same = _table(language, "event_words") if synonyms else {}
    found = []
    for word in _WORD.findall(fold(text)):
        if word in stop or word in ignore or (len(word) < 2 and not word.isdigit()):
            continue
        if word in numbers:
            found.append(numbers[word])
        elif word in same:
            found.append(same[word])
        else:
            found.append(word if word.isdigit() else _stem(word, prefix))
    return found


def name_words(names: Iterable[str], language: str = "fr") -> frozenset[str]:
    """The content words of display names, for comparing actors or places across reports."""
    words: set[str] = set()
    for name in names:
        words |= content_words(name, language)
    return frozenset(words)


# -- pairs ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Features:
    key: Key
    summary: frozenset[str]
    sentence: frozenset[str]
    actors: frozenset[str]
    places: frozenset[str]
    kind: str
    certain: Bounds
    likely: Bounds
    dated: bool


def _features(event: EventRecord, variant: Variant) -> _Features:
    def words(text: str) -> frozenset[str]:
        return content_words(text, synonyms=variant.synonyms, prefix=variant.prefix)

    said_by = frozenset().union(*(words(source) for source in event.sources)) if variant.sources else frozenset()
    summary = words(event.summary.rstrip("…")) - said_by
    dated = event.dated
    return _Features(
        (event.report, event.id),
        summary,
        words(event.text) - said_by,
        name_words(event.actors),
        name_words(event.places),
        event.kind,
        (event.certain_earliest, event.certain_latest) if dated else (None, None),
        (event.likely_earliest, event.likely_latest) if dated else (None, None),
        dated,
    )


def event_words(event: EventRecord, variant: Variant = MATCHING) -> frozenset[str]:
    """The content words an event is found by (its clause's and its sentence's, as :func:`scored_pairs`
    indexes them): what the store keeps to find an added event's neighbours."""
    features = _features(event, variant)
    return features.summary | features.sentence


def disjoint(first: Bounds, second: Bounds) -> bool:
    """Whether two closed intervals (None: an open side) have no point in common."""
    return (first[1] is not None and second[0] is not None and first[1] < second[0]) or (
        second[1] is not None and first[0] is not None and second[1] < first[0]
    )


def _apart(first: Bounds, second: Bounds) -> float:
    """How far apart two intervals are, in their unit (0 when they meet or a side is open between them)."""
    if first[1] is not None and second[0] is not None and first[1] < second[0]:
        return second[0] - first[1]
    if second[1] is not None and first[0] is not None and second[1] < first[0]:
        return first[0] - second[1]
    return 0.0


class _Weights(dict[str, float]):
    """Each word's weight, and each set of words' sum of squared weights, kept as it is first asked for: an
    event's set meets every pair it is in (the same sums, added in the same order: the same scores)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        super().__init__(weights)
        self._squares: dict[frozenset[str], float] = {}

    def squares(self, words: frozenset[str]) -> float:
        found = self._squares.get(words)
        if found is None:
            found = self._squares[words] = sum(self[word] ** 2 for word in words)
        return found


def _squares(words: frozenset[str], weight: Mapping[str, float]) -> float:
    return weight.squares(words) if isinstance(weight, _Weights) else sum(weight[word] ** 2 for word in words)


def _cosine(first: frozenset[str], second: frozenset[str], weight: Mapping[str, float]) -> float:
    if not first or not second:
        return 0.0
    shared = sum(weight[word] ** 2 for word in first & second)
    if not shared:
        return 0.0
    return shared / math.sqrt(_squares(first, weight) * _squares(second, weight))


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def pair_score(
    first: _Features,
    second: _Features,
    weight: Mapping[str, float],
    variant: Variant,
    reports: Callable[[str, str], float] | None = None,
) -> float | None:
    """How much two events look like one; None when they cannot be one (see the module doc). Rounded to 12
    places: a sum of weights taken in another order (equal sets of words are not always walked alike) must
    not break a tie another way, so that the same events always make the same stories."""
    if first.key[0] == second.key[0]:
        return None
    both_dated = first.dated and second.dated
    if variant.veto and both_dated and disjoint(first.certain, second.certain):
        return None
    score = variant.summary * _cosine(first.summary, second.summary, weight)
    score += variant.sentence * _cosine(first.sentence, second.sentence, weight)
    if variant.report and reports is not None:
        score += variant.report * reports(first.key[0], second.key[0])
    if variant.gap is not None and both_dated and _apart(first.likely, second.likely) > variant.gap:
        return None
    if variant.time and both_dated and None not in first.likely and None not in second.likely:
        score += -variant.time if disjoint(first.likely, second.likely) else variant.time
    if variant.actors:
        score += variant.actors * _jaccard(first.actors, second.actors)
    if variant.places:
        score += variant.places * _jaccard(first.places, second.places)
    if variant.kind and first.kind == second.kind:
        score += variant.kind
    return round(score, 12)


# -- stories ----------------------------------------------------------------------------------------------


def scored_pairs(
    events: Sequence[EventRecord],
    variant: Variant = MATCHING,
    focus: Collection[Key] | None = None,
    counts: tuple[int, Mapping[str, int]] | None = None,
) -> tuple[list[_Features], list[tuple[float, int, int]]]:
    """The events' features in (report, id) order, and every candidate pair ``(score, i, j)`` (``i < j``,
    indices into them) that can be one event, found through the capped inverted index (see the module doc).
    With ``focus``, only the pairs holding one of those events at least: the others were decided before.
    With ``counts`` (the events of the corpus these are a part of, and how many hold each word), a word
    weighs and blocks by its count in the corpus, as if the whole corpus were matched."""
    features = sorted((_features(event, variant) for event in events), key=lambda item: item.key)
    focused = None if focus is None else [item.key in focus for item in features]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(features):
        for word in item.summary | item.sentence:
            postings[word].append(index)
    total, held = counts if counts is not None else (len(features), {})
    frequency = {word: max(len(found), held.get(word, 0)) for word, found in postings.items()}
    weight = _Weights({word: math.log((total + 1) / frequency[word]) + 1.0 for word in postings})
    reports = _report_likeness(features) if variant.report else None
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int]] = []
    for word, found in postings.items():
        if len(found) < 2 or frequency[word] > BLOCK:
            continue
        for first, second in _candidates(found, focused):
            if (first, second) in seen:
                continue
            seen.add((first, second))
            score = pair_score(features[first], features[second], weight, variant, reports)
            if score is not None:
                pairs.append((score, first, second))
    return features, pairs


def _candidates(found: list[int], focused: list[bool] | None) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of one word's events: all of them, or (with ``focused``) those holding
    a focused event — found from the focused ones, not by walking every pair of the word's events."""
    if focused is None:
        for position, first in enumerate(found):
            for second in found[position + 1 :]:
                yield first, second
        return
    for first in found:
        if not focused[first]:
            continue
        for second in found:
            if second != first and not (focused[second] and second < first):  # a focused pair once
                yield (first, second) if first < second else (second, first)


def _report_likeness(features: Sequence[_Features]) -> Callable[[str, str], float]:
    """The cosine of two reports' words (all their events' sentences), each word weighted by its rarity among
    the reports: how much two reports tell one story. Worked out once a pair of reports, when asked."""
    words: dict[str, set[str]] = defaultdict(set)
    for item in features:
        words[item.key[0]] |= item.sentence
    frequency: dict[str, int] = defaultdict(int)
    for found in words.values():
        for word in found:
            frequency[word] += 1
    total = len(words)
    weight = {word: math.log((total + 1) / count) + 1.0 for word, count in frequency.items()}
    bags = {report: frozenset(found) for report, found in words.items()}

    @cache
    def likeness(first: str, second: str) -> float:
        return _cosine(bags[first], bags[second], weight)

    return lambda first, second: likeness(*sorted((first, second)))


def stories(
    events: Sequence[EventRecord],
    variant: Variant = MATCHING,
    focus: Collection[Key] | None = None,
    counts: tuple[int, Mapping[str, int]] | None = None,
) -> dict[Key, int]:
    """Every (report, event id) with its story number: events of one number are one event of the corpus; an
    event matched with none has a number of its own. Numbers are 0, 1, … in the order of each story's first
    (report, id) key. Two events of one report are never of one story, nor two dated events whose certain
    intervals are disjoint. With ``focus`` (the events just added), only pairs holding one of them are
    scored: the others are linked only through them (the stories they already make are the store's); with
    ``counts``, words weigh by the corpus's counts (see :func:`scored_pairs`)."""
    features, pairs = scored_pairs(events, variant, focus, counts)
    pairs = [pair for pair in pairs if pair[0] >= variant.threshold]
    pairs.sort(key=lambda pair: (-pair[0], features[pair[1]].key, features[pair[2]].key))
    parent = list(range(len(features)))
    reports: list[set[str]] = [{item.key[0]} for item in features]
    certain: list[Bounds] = [item.certain if variant.veto else (None, None) for item in features]
    # The latest start and the earliest end of a story's dated likely intervals: with a gap, no two of them
    # may lie further apart than it (which holds of every pair when the latest start is within the gap of the
    # earliest end).
    spread: list[tuple[float, float]] = [
        (
            -math.inf if item.likely[0] is None or not item.dated else item.likely[0],
            math.inf if item.likely[1] is None or not item.dated else item.likely[1],
        )
        for item in features
    ]

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for _score, first, second in pairs:
        one, other = root(first), root(second)
        if one == other or reports[one] & reports[other]:
            continue
        common = intersection(certain[one], certain[other])
        if common is None:
            continue  # their dated events' certain intervals would have no common point
        latest_start = max(spread[one][0], spread[other][0])
        earliest_end = min(spread[one][1], spread[other][1])
        if variant.gap is not None and latest_start - earliest_end > variant.gap:
            continue  # two of their likely intervals would lie too far apart
        if other < one:
            one, other = other, one
        parent[other] = one
        reports[one] |= reports[other]
        certain[one] = common
        spread[one] = (latest_start, earliest_end)
        reports[other] = set()
    numbers: dict[int, int] = {}
    found: dict[Key, int] = {}
    for index, item in enumerate(features):
        found[item.key] = numbers.setdefault(root(index), len(numbers))
    return found


def intersection(first: Bounds, second: Bounds) -> Bounds | None:
    """The common part of two closed intervals (None sides open), or None when they are disjoint."""
    earliest = _later(first[0], second[0])
    latest = _sooner(first[1], second[1])
    if earliest is not None and latest is not None and earliest > latest:
        return None
    return earliest, latest


def _later(first: float | None, second: float | None) -> float | None:
    return second if first is None else first if second is None else max(first, second)


def _sooner(first: float | None, second: float | None) -> float | None:
    return second if first is None else first if second is None else min(first, second)


# -- a story event's time ---------------------------------------------------------------------------------


def story_bounds(members: Sequence[EventRecord]) -> tuple[Bounds, Bounds, tuple[str, ...]]:
    """The time of one story event across the reports that tell it: ``(certain, likely, disagreeing)``.

    Only dated members count (an undated report's times are relative to a publication nobody knows); with
    none, both layers are open, ``(None, None)``.

    - *certain* is the intersection of the members' certain intervals: what every report entails. Where it
      is empty the reports cannot all be right; the layer is then the hull (the union's span) of their
      certain intervals, the one interval no report's entailment falls outside of.
    - *likely* is the intersection of the members' likely intervals, within the certain layer. Where it is
      empty, the majority's: the intersection of the largest set of likely intervals with a point in common
      (the earliest such set on a tie), within the certain layer if it meets it.
    - *disagreeing* is the report keys, sorted, of every member whose interval, in either layer, is disjoint
      from another member's (the pairs that cannot both hold); empty when each layer's intersection is not.

    O(m log m) for ``m`` members.
    """
    dated = [member for member in members if member.dated]
    if not dated:
        return (None, None), (None, None), ()
    certain_intervals = [(member.certain_earliest, member.certain_latest) for member in dated]
    likely_intervals = [(member.likely_earliest, member.likely_latest) for member in dated]
    disagreeing: set[str] = set()
    certain = _common(certain_intervals)
    if certain is None:
        disagreeing |= {dated[index].report for index in _outliers(certain_intervals)}
        certain = _hull(certain_intervals)
    likely = _common(likely_intervals)
    if likely is None:
        disagreeing |= {dated[index].report for index in _outliers(likely_intervals)}
        likely = _majority(likely_intervals)
    within = intersection(likely, certain)
    return certain, within if within is not None else likely, tuple(sorted(disagreeing))


def _common(intervals: Sequence[Bounds]) -> Bounds | None:
    common: Bounds | None = (None, None)
    for interval in intervals:
        common = intersection(common, interval) if common is not None else None
    return common


def _hull(intervals: Sequence[Bounds]) -> Bounds:
    earliest = None if any(start is None for start, _ in intervals) else min(start for start, _ in intervals)
    latest = None if any(end is None for _, end in intervals) else max(end for _, end in intervals)
    return earliest, latest  # type: ignore[type-var]


def _outliers(intervals: Sequence[Bounds]) -> list[int]:
    """The indices of the intervals disjoint from at least one other: those ending before the latest start
    of the others, or starting after the earliest end of the others."""
    starts = sorted((start, index) for index, (start, _) in enumerate(intervals) if start is not None)
    ends = sorted((end, index) for index, (_, end) in enumerate(intervals) if end is not None)
    found = []
    for index, (start, end) in enumerate(intervals):
        latest_start = next((value for value, other in reversed(starts) if other != index), None)
        earliest_end = next((value for value, other in ends if other != index), None)
        if (end is not None and latest_start is not None and end < latest_start) or (
            start is not None and earliest_end is not None and start > earliest_end
        ):
            found.append(index)
    return found


def _majority(intervals: Sequence[Bounds]) -> Bounds:
    """The intersection of the largest set of intervals sharing a point (a sweep over their sides; the
    earliest such point on a tie)."""
    sides = []
    for start, end in intervals:
        sides.append((-math.inf if start is None else start, 0))  # starts before ends at one moment: closed
        sides.append((math.inf if end is None else end, 1))
    sides.sort()
    depth = best = 0
    point = -math.inf
    for value, side in sides:
        if side == 0:
            depth += 1
            if depth > best:
                best, point = depth, value
        else:
            depth -= 1
    holding = [
        interval
        for interval in intervals
        if (interval[0] is None or interval[0] <= point) and (interval[1] is None or point <= interval[1])
    ]
    return _common(holding) or (None, None)
