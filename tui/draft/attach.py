"""Attach each time expression and sequence marker to the clause it modifies, by the dependency parse.

A time dates the head it modifies, not the sentence: "les inondations du 3 octobre" dates the floods (an
event noun, drafted as an event of its own), "qui avait été arrêté lundi" the relative clause, "en fin de
journée" the verb it is an oblique of. A time coordinated after "puis" with a second object ("a réuni son
gouvernement mardi matin puis les syndicats en fin de journée") is a second event whose verb is elided.

A time the parse hangs on a verb past a nearer one ("Une enquête a été ouverte, le 7 octobre, …, a appris
l'AFP") goes, as a guess, to the nearer verb's clause. A cue set between commas inside an event noun's phrase
("après la découverte, deux jours plus tôt, du corps") dates the noun against the clause the phrase modifies.

Sequence markers place one event after another: "X puis Y", "ensuite", "enfin", "dans la foulée" (Y after
X), "X avant de Y" (X before Y), "après avoir Y, X" (Y before X), "à la 18e minute" (after the kick-off).

Contract with the time engine: an attachment made by a guess (by proximity, with no dependency path, or
through a parse the drafter has to second-guess) has a ``found.how`` starting with :data:`GUESS`; the
engine reads those in its likely layer only. A syntactic attachment never starts with it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tui.draft import lexicon
from tui.draft.clauses import Clause
from tui.draft.times import FoundTime
from tui.temporal.constraints import GUESS as GUESS_PREFIX

GUESS = f"{GUESS_PREFIX} "  # the contract with the time engine (tui.temporal.constraints)

_OBLIQUE = frozenset(["obl", "obl:mod", "obl:arg", "obl:agent", "advmod", "nmod", "advcl"])
_VERBAL = frozenset(["VERB", "AUX", "ADJ", "ADV"])
_SUBCLAUSE = frozenset(["acl:relcl", "acl", "advcl", "xcomp", "csubj"])
_TIME_WORDS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "hier",
        "demain",
        "matin",
        "soir",
        "nuit",
        "jour",
        "jours",
        "semaine",
        "semaines",
        "mois",
        "année",
        "années",
        "an",
        "ans",
        "heure",
        "heures",
        "minute",
        "minutes",
        "début",
        "fin",
        "veille",
        "lendemain",
    ]
)


def is_event_noun(token: Any) -> bool:
    word = token.text.lower()
    if word in lexicon.EVENT_NOUNS:
        return True
    if word in lexicon.NOT_EVENT_NOUNS or word in lexicon.ROLE_NOUNS or token.ent_type_:
        return False
    return word.endswith(("tion", "tions", "sion", "sions"))


_DEGREE = frozenset({"plus", "moins", "most", "least"})
_TO_A_DATE = frozenset({"à", "au", "aux", "pour", "jusqu'au", "jusqu’au"})


def _vague_span(found_time: FoundTime) -> bool:
    """A vague span kept as a time ("plusieurs mois", "ces derniers jours": TimeML's PXM, PXD)."""
    return "tagger: DURATION" in found_time.how


def _verb_between(time: Any, governor: Any) -> Any | None:
    """The verb nearest the time expression (its head token), when it is nearer than the verb the parse
    attaches it to: the parse then reaches past a verb the time more likely belongs to ("Une information a
    été ouverte, le 7 octobre, …, a appris l'AFP"), which the small model often gets wrong. Of two verbs as
    near, the one before the time (French puts a time after the verb it dates more often than before)."""
    distance = abs(governor.i - time.i)
    doc = time.doc
    nearest = None
    for index in range(max(0, time.i - distance + 1), min(len(doc), time.i + distance)):
        token = doc[index]
        if token.pos_ != "VERB" or token.i == governor.i or time.is_ancestor(token):
            continue
        if nearest is None or abs(token.i - time.i) < abs(nearest.i - time.i):
            nearest = token
    return nearest


def _participle_shaped(token: Any) -> bool:
    """A past participle the small model tags as a noun ("Jugé depuis lundi, il…"): -é(e)(s), no
    determiner."""
    word = token.text.lower()
    return (
        word.endswith(("é", "ée", "és", "ées"))
        and lexicon.verb_lemma(word).endswith("er")
        and not any(c.dep_ == "det" for c in token.children)
    )


class Attaching:
    """The attachment pass of :class:`tui.draft.drafter.Drafter` (a mixin: it uses the drafter's text,
    parse and clause lookups)."""

    # -- where a span sits in the parse ------------------------------------------------------------------

    def root_of(self, start: int, end: int) -> Any | None:
        """The token heading the words from ``start`` to ``end`` (None when they are not in one parse)."""
        sentence = self.sentence_holding(start)
        if sentence is None:
            return None
        base = self.offsets[sentence]
        span = self.docs[sentence].char_span(start - base, end - base, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def clause_above(self, token: Any, *, create: bool = True) -> Clause | None:
        """The clause ``token`` is part of: the nearest clause head above it. A relative, participial or
        infinitive clause on the way (not an event yet) becomes one when ``create``: what it tells has its
        own time."""
        seen = 0
        while seen < 200:  # a parse is a tree; the bound only guards against a malformed one
            seen += 1
            clause = self.clause_headed_by(token)
            if clause is not None:
                return clause
            if create and token.pos_ == "VERB" and token.dep_ in _SUBCLAUSE:
                clause = self.new_clause(token, "parse: a relative, participial or infinitive clause", 0.5)
                if clause is not None:
                    return clause
            if token.dep_ == "ROOT" or token.head.i == token.i:
                return self.main_clause(self._sentence_of[token.doc])
            token = token.head
        return None

    def new_clause(
        self, head: Any, how: str, sure: float, *, nominal: bool = False, first: Any = None, last: Any = None
    ) -> Clause | None:
        """A clause drafted during attachment, headed by ``head`` (indexed at once)."""
        existing = self.clause_headed_by(head)
        if existing is not None:
            return existing
        start = self.at(first if first is not None else head.left_edge)
        if self.in_direct_quote(start) and not nominal:
            return None
        last = last if last is not None else head.right_edge
        kind = "action" if nominal else self.kind_of(head)
        clause = Clause(head, self._sentence_of[head.doc], start, self.end(last), kind, how, sure, nominal=nominal)
        self._add_clause(clause)
        return clause

    # -- times -----------------------------------------------------------------------------------------

    def attach_time(self, found_time: FoundTime) -> None:
        """Date the clause (or event noun) the time expression modifies; see the module's doc."""
        clause, how, guess = self.time_holder(found_time)
        if clause is None:
            return
        if guess:
            dated = replace(found_time, how=f"{GUESS}{how}; {found_time.how}", confidence=found_time.confidence * 0.6)
        else:
            dated = replace(found_time, how=f"{found_time.how}; {how}")
        if clause.time is None:
            clause.time = dated
            return
        elided = None if guess else self.elided_coordination(clause, found_time)
        if elided is not None:
            elided.time = dated
        elif clause.time.how.startswith(GUESS) and not guess and not found_time.how.startswith(GUESS):
            clause.time = dated  # a time the parse attaches for sure outranks one only guessed
        elif _vague_span(clause.time) and not _vague_span(found_time):
            clause.time = dated  # "pendant plusieurs mois fin 2017": the date says when, the vague span how long

    def time_holder(self, found_time: FoundTime) -> tuple[Clause | None, str, bool]:
        """(clause, how it was attached, whether by a guess)."""
        root = self.root_of(found_time.start, found_time.end)
        if root is None or root.dep_ == "ROOT" or root.head.i == root.i:
            return self.by_proximity(found_time.start), "attached by proximity to the nearest clause", True
        governor, dep = root.head, root.dep_
        if dep.startswith("nmod") and governor.pos_ in ("NOUN", "PROPN") and governor.text.lower() not in _TIME_WORDS:
            has_case = any(c.dep_ == "case" for c in root.children)
            if _participle_shaped(governor):
                how = f"the parse takes the participle '{governor.text}' for a noun: its clause has its own time"
                clause = self.new_clause(governor, f"{GUESS}{how}", 0.4)
                return clause or self.clause_above(governor), how, True
            if not has_case:
                how = f"a bare time hung by the parse on the noun '{governor.text}': attached to its clause"
                return self.clause_above(governor), how, True
            if self.clause_headed_by(governor) is not None or is_event_noun(governor):
                clause = self.clause_headed_by(governor) or self.new_clause(
                    governor,
                    "parse: an event noun dated by a time in its noun phrase",
                    0.5,
                    nominal=True,
                    first=governor.left_edge,
                    last=governor.right_edge,
                )
                return clause, f"parse: dates the event noun '{governor.text}' ({dep})", False
            how = f"the time dates the noun '{governor.text}' ({dep}), not an event: attached to its clause"
            return self.clause_above(governor, create=False), how, True
        if (
            governor.pos_ in ("VERB", "AUX")
            and lexicon.verb_lemma(governor.text) in lexicon.RESCHEDULING
            and any(c.dep_ == "case" and c.lower_ in _TO_A_DATE for c in root.children)
        ):
            # "le procès a été renvoyé au 5 août": the date it was moved to, not when it was moved
            return None, f"the time is the date '{governor.text}' moves it to", True
        if governor.pos_ == "ADJ" and any(c.dep_ == "advmod" and c.lower_ in _DEGREE for c in governor.children):
            # "le plus meurtrier depuis 33 ans", "au plus bas depuis 2010": the time bounds a comparison, no event
            return None, f"the time bounds the comparison '{governor.text}'", True
        if dep in _OBLIQUE and (governor.pos_ in _VERBAL or not dep.startswith("nmod")):
            crossed = _verb_between(root, governor)
            if crossed is not None:  # the parse reaches over another verb: proximity is the better guess
                how = (
                    f"the parse makes it a {dep} of '{governor.text}', though the verb '{crossed.text}' is nearer: "
                    f"attached by proximity to the clause of '{crossed.text}'"
                )
                return self.clause_above(crossed), how, True
            return self.clause_above(governor), f"parse: {dep} of '{governor.text}'", False
        how = f"the parse gives the time the role '{dep}' of '{governor.text}': attached to the clause above"
        return self.clause_above(governor), how, True

    def by_proximity(self, offset: int) -> Clause | None:
        return self.clause_of(offset) or self.main_clause(self.sentence_at(offset))

    def elided_coordination(self, clause: Clause, found_time: FoundTime) -> Clause | None:
        """A second time on a clause after "puis/et + object" coordinated with its verb: the object and
        its time are a second event with the verb elided ("… mardi matin puis les syndicats en fin de
        journée"). Y comes after X when the coordination is "puis" or "ensuite"."""
        assert clause.time is not None
        for conj in clause.head.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            cc = next((c for c in conj.children if c.dep_ == "cc"), None)
            if cc is None or not clause.time.end <= self.at(cc) < found_time.start:
                continue
            last = conj.right_edge
            elided = Clause(
                conj,
                clause.sentence,
                self.at(cc),
                max(self.end(last), found_time.end),
                clause.kind,
                "parse: a coordinated object with its own time (the verb is elided)",
                0.5,
                tense_head=clause.head,
            )
            self._add_clause(elided)
            if cc.text.lower() in lexicon.SEQUENCE_WORDS:
                cue = self.span(self.at(cc), self.end(cc))
                how = f"parse: '{cc.text}' coordinates a second event after the first"
                elided.relations.append(self.relation("after", clause, cue, how, 0.6))
            return elided
        return None

    def cue_inside_a_noun_phrase(self, found_time: FoundTime, cue: dict[str, Any], later: bool) -> bool:
        """A cue set between commas after an event noun and before the noun's complement ("après la
        découverte, deux jours plus tôt, du corps") dates the noun, not the verb: the noun is drafted as an
        event, placed by the cue against the clause its phrase modifies. That clause is the parse's, or, when
        the parse reaches past a nearer verb, the nearer verb's (a guess). True when so drafted."""
        first = self.root_of(found_time.start, found_time.end)
        if first is None:
            return False
        doc = first.doc
        base = self.offsets[self._sentence_of[doc]]
        span = doc.char_span(found_time.start - base, found_time.end - base, alignment_mode="expand")
        if span is None or span.start < 2 or span.end + 1 >= len(doc):
            return False
        noun, comma = doc[span.start - 2], doc[span.start - 1]
        after, complement = doc[span.end], doc[span.end + 1]
        if comma.text != "," or after.text != "," or not lexicon.fold(complement.text).startswith(("de", "du", "d'")):
            return False
        if noun.pos_ != "NOUN" or not is_event_noun(noun) or noun.text.lower() in lexicon.SPEECH_NOUNS:
            return False
        governor = noun.head
        if governor.i == noun.i:
            return False
        crossed = _verb_between(noun, governor) if governor.pos_ in ("VERB", "AUX") else None
        holder = self.clause_above(crossed if crossed is not None else governor, create=False)
        first_word = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), noun)
        event = self.new_clause(
            noun,
            "parse: an event noun dated by a cue inside its noun phrase",
            0.4,
            nominal=True,
            first=first_word,
            last=noun,
        )
        if event is None or holder is None or holder is event:
            return True
        how = "rule: a cue inside an event noun's phrase places the noun against the clause the phrase modifies"
        if crossed is not None:
            how = f"{GUESS}the parse hangs the noun on '{governor.text}', the verb '{crossed.text}' is nearer; {how}"
        event.relations.append(self.relation("after" if later else "before", holder, cue, how, 0.4))
        return True

    # -- sequence markers --------------------------------------------------------------------------------

    def attach_sequence_cue(self, found_time: FoundTime, words: str) -> bool:
        """A sequence cue found by :mod:`tui.draft.times`: "avant de", "après avoir", "dans la foulée",
        "aussitôt", "à la 18e minute". True when handled (a relation drafted or none to draft)."""
        cue = self.span(found_time.start, found_time.end)
        root = self.root_of(found_time.start, found_time.end)
        folded = lexicon.fold(words)
        if folded.startswith("avant de"):
            verb = root.head if root is not None and root.dep_ == "mark" else None
            if verb is None or verb.pos_ != "VERB":
                return False
            later = self.new_clause(verb, "parse: an infinitive after 'avant de'", 0.5)
            earlier = self.clause_above(verb.head) if later is not None and verb.dep_ != "ROOT" else None
            if later is not None and earlier is not None and earlier is not later:
                earlier.relations.append(self.relation("before", later, cue, "parse: X 'avant de' Y", 0.6))
            return True
        if folded.startswith("apres avoir") or folded.startswith(("apres etre", "apres s'etre", "apres s’etre")):
            linked = root is not None and (root.dep_ == "mark" or root.dep_.startswith("aux"))
            verb = root.head if linked else None
            if verb is None or verb.pos_ != "VERB" or verb.dep_ == "ROOT":
                return False
            earlier = self.new_clause(verb, "parse: a past infinitive after 'après avoir'", 0.5)
            later = self.clause_above(verb.head)
            if earlier is not None and later is not None and earlier is not later:
                earlier.relations.append(self.relation("before", later, cue, "parse: 'après avoir' Y, X", 0.6))
            return True
        if folded.startswith(("dans la foulee", "aussitot")):
            later = self.clause_above(root.head) if root is not None and root.dep_ != "ROOT" else None
            how = f"parse: '{words}' after the event told just before"
            if later is None:
                later, how = self.by_proximity(found_time.start), f"{GUESS}attached by proximity; {how}"
            earlier = self.event_before(later) if later is not None else None
            if later is not None and earlier is not None:
                later.relations.append(self.relation("after", earlier, cue, how, 0.5))
            return True
        if "minute" in folded:
            later = self.clause_above(root.head) if root is not None and root.dep_ != "ROOT" else None
            how = "rule: a match minute counts from the kick-off"
            if later is None:
                later, how = self.by_proximity(found_time.start), f"{GUESS}attached by proximity; {how}"
            kick_off = self.kick_off_before(found_time.start)
            if later is not None and kick_off is not None and kick_off is not later:
                later.relations.append(self.relation("after", kick_off, cue, how, 0.6))
            return True
        return False

    def event_before(self, clause: Clause) -> Clause | None:
        """What a sequence marker places ``clause`` after: the clause it is coordinated with, else the
        event told just before its sentence."""
        if clause.head.dep_ == "conj":
            holder = self.clause_above(clause.head.head, create=False)
            if holder is not None and holder is not clause:
                return holder
        return self.previous_event(clause)

    def kick_off_before(self, offset: int) -> Clause | None:
        """The clause telling the kick-off ("le coup d'envoi", "au coup d'envoi") last before ``offset``."""
        mention = self._kick_offs.last_before(offset)
        if mention is None:
            return None
        return self.clause_of(mention) or self.main_clause(self.sentence_at(mention))

    def draft_sequence_words(self) -> None:
        """ "puis", "ensuite", "enfin": the clause they modify or coordinate comes after the one before."""
        for doc in self.docs:
            for token in doc:
                if token.text.lower() not in lexicon.SEQUENCE_WORDS or token.dep_ == "ROOT":
                    continue
                verb = token.head
                if token.dep_ == "cc" and verb.pos_ != "VERB":
                    continue  # "puis les syndicats": an elided verb, drafted only with its own time
                if self.in_direct_quote(self.at(token)):
                    continue
                later = self.clause_above(verb, create=False)
                if later is None and token.dep_ == "cc" and verb.dep_ == "conj":
                    later = self.new_clause(verb, f"parse: a verb coordinated by '{token.text}'", 0.5)
                if later is None or any(r["cue"]["start"] == self.at(token) for r in later.relations):
                    continue
                earlier = self.event_before(later)
                if earlier is None or earlier is later:
                    continue
                cue = self.span(self.at(token), self.end(token))
                how = f"parse: '{token.text}' places its clause after the event before"
                later.relations.append(self.relation("after", earlier, cue, how, 0.5))
