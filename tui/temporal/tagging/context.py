"""What a time expression is read against: the publication, the temporal focus, and the verb's tense.

- The publication day (the DCT) anchors deictic words: "hier", "ce soir", "la semaine prochaine".
- The focus is the most recent day the text named explicitly ("mardi", "le 6 mai", "hier"): it anchors
  "le lendemain", "le même jour", "la soirée" and bare clock times ("à 22 h"), as news writing does.
- The tense of the nearest verb in the sentence decides direction where the words do not: "le 30 juin"
  in an announcement ("aura lieu", "se tiendra", "doit") is the next 30 June, in a past account the last.
  The read is morphological and cheap: future and conditional endings, "va"/"doit" + infinitive, the
  auxiliaries of the passé composé, imperfect endings; English "will", "-ed", "was".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from itertools import pairwise
from typing import Literal

from msgspec import Struct, field

from tui.temporal.tagging.lexicon import alternatives
from tui.temporal.tagging.tables import table, words

Tense = Literal["future", "past", "present"]

# Future and conditional endings (resources/fr/future_endings.txt) on the stems that take them.
_ENDINGS = alternatives(table("future_endings", str, ("fr",)))
_FUTURE = re.compile(
    r"(?<![\w'])(?:"
    rf"\w*(?:e|i|d|u|r|v|oi|ai|t)(?:{_ENDINGS})"  # sera, ira, viendra, devrait
    r"|(?:va|vont|doit|doivent|devra|devrait|devraient|compte|comptent|entend|entendent)\s+(?:\w+\s+)?\w+(?:er|ir|re)"
    r"|prevue?s?|programmee?s?|annoncee?s?\s+pour|a\s+venir|d'ici|prochaine?s?|will|shall|'ll|going\s+to"
    r"|is\s+due|are\s+due|scheduled|expected\s+to|next"
    r")(?![\w])"
)
# Words with a future's ending that are not futures: nouns, adjectives, and the passé simple of -trer verbs.
_NOT_FUTURE = frozenset(words("not_future", ("fr",)))
_PAST = re.compile(
    r"(?<![\w'])(?:"
    r"(?:a|ont|avait|avaient|ai|avons|avez|eut|eurent|est|sont|etait|etaient)\s+(?:\w+\s+)?"
    r"\w+(?:e|es|ee|ees|i|is|ie|it|u|us|ue|ert|ort|eint|aint)"  # a été, ont décidé, est mort
    r"|\w{3,}(?<!r)(?:ait|aient)"  # imperfect, not the conditional
    r"|\w+(?:erent|irent)|hier|dernier|derniere|passe|was|were|had|did|said|\w{3,}ed|ago|last|yesterday"
    r")(?![\w])"
)


# How far the tense may move a date away from the nearest occurrence: a verb in the past makes "le 6 novembre"
# of a report from late May last November, but a past verb elsewhere in the sentence must not send
# "le 30 octobre" of a report from mid-September back more than 10 months.
_REACH = timedelta(days=300)
_YEAR = timedelta(days=366)  # the reach of an announcement: "aura lieu le 1er novembre" is the next one


class Context(Struct):
    """The reading state of one text, for one possible publication day."""

    text: str
    folded: str
    dct: date
    language: str = "fr"
    focus: date | None = None
    last_time: str | None = None  # the value of the latest clock time, for "à ce moment-là"
    last_value: str | None = None  # the value of the latest expression read
    untensed: Tense = "present"  # the tense where no verb says one: see tagger.tag
    _sentences: list[tuple[int, int]] = field(default_factory=list)
    _verbs: str = ""

    def __post_init__(self) -> None:
        self.focus = self.dct
        # The verbs are read on the folded text but for "à", which folding would make the auxiliary "a".
        verbs = list(self.folded)
        for found in re.finditer("[àÀ]", self.text):
            verbs[found.start()] = "à"
        self._verbs = "".join(verbs)
        bounds = [0] + [m.end() for m in re.finditer(r"[.!?;\n]+\s|\n", self.folded)] + [len(self.folded)]
        self._sentences = list(pairwise(bounds))

    def _sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset``, found by bisection (the sentences are in order and touch): asked
        once per expression, a scan of them all made a long report's tagging grow with its square."""
        sentences = self._sentences
        at = bisect_right(sentences, (offset, len(self.folded) + 1)) - 1
        if 0 <= at < len(sentences) and sentences[at][0] <= offset < sentences[at][1]:
            return sentences[at]
        return (0, len(self.folded))

    # -- tense --------------------------------------------------------------------------------------

    def tense(self, start: int, end: int) -> Tense:
        """The tense of the verb nearest to [start, end) in its sentence."""
        before = self.folded[max(0, start - 16) : start]
        if re.search(r"(?:depuis|since)\s+$", before):
            return "past"  # "depuis le 1er janvier": a start that has come
        if re.search(r"(?:d'ici|until|by)\s+(?:a\s+|au\s+|la\s+|le\s+)?$", before):
            return "future"  # "d'ici (à) la fin mars": a limit ahead
        lo, hi = self._sentence_at(start)
        lo, hi = max(lo, start - 200), min(hi, end + 200)  # a long "sentence" (a list, a table) is read nearby
        sentence = self._verbs[lo:start] + " " * (end - start) + self._verbs[end:hi]  # the verb, not the expression
        best: tuple[int, Tense] | None = None
        for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
            for match in pattern.finditer(sentence):
                a, b = match.start() + lo, match.end() + lo
                if tense == "future" and match.group(0).split()[-1] in _NOT_FUTURE:
                    continue
                distance = start - b if b <= start else a - end
                if best is None or distance < best[0]:
                    best = (distance, tense)  # type: ignore[assignment]
        return best[1] if best else self.untensed

    def announced(self, start: int) -> bool:
        """Whether the verb just before ``start``, in its clause, is a future or conditional ("aura lieu le
        1er novembre", "se tiendra le", "sera publié le"): the expression is then what is announced, the
        next such day however far, not the nearest."""
        lo = max(self._sentence_at(start)[0], start - 60)
        clause = self._verbs[lo:start]
        clause = clause[max(clause.rfind(mark) for mark in ";:()") + 1 :]
        last: tuple[int, Tense] | None = None
        for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
            for match in pattern.finditer(clause):
                if tense == "future" and match.group(0).split()[-1] in _NOT_FUTURE:
                    continue
                if last is None or match.end() > last[0]:
                    last = (match.end(), tense)  # type: ignore[assignment]
        return last is not None and last[1] == "future"

    # -- anchoring ------------------------------------------------------------------------------------

    def nearest(self, on, tense: Tense, position: int | None = None) -> date | None:
        """The occurrence of a yearly day (``on(year)`` gives it, or None) nearest to the publication,
        unless the tense says the other way: a future verb takes the next, a past verb the last. A future
        verb just before the expression at ``position`` (see :meth:`announced`) takes the next however far,
        whatever the sentence's other verbs."""
        here = self.dct
        found = []
        for year in (here.year - 1, here.year, here.year + 1):
            if 1 <= year <= 9999:
                at = on(year)
                if at is not None:
                    found.append(at)
        if not found:
            return None
        found.sort(key=lambda at: abs((at - here).days))
        best = found[0]
        announced = position is not None and self.announced(position)
        if (tense == "future" or announced) and best < here:
            reach = _YEAR if announced else _REACH
            best = next((day for day in sorted(found) if here <= day <= here + reach), best)
        elif tense == "past" and best > here:
            best = next((day for day in found if here - _REACH <= day <= here), best)
        return best

    def weekday(self, weekday: int, tense: Tense, anchor: date | None = None) -> date:
        """A weekday named alone: the most recent such day (the anchor's own included), or the next
        one if the verb speaks of the future."""
        base = anchor or self.dct
        if tense == "future":
            ahead = (weekday - base.weekday()) % 7
            return base + timedelta(days=ahead)
        return base - timedelta(days=(base.weekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
