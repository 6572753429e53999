"""Draft an events file from a report's plain text: spaCy's parse plus rules of French news writing.

Every drafted item carries ``found``: how it was found (the rule) and how sure the drafter is (0–1), so
the review can show the guesses first. The result is a plain JSON object in newsline's format: it loads
with :func:`tui.model.parse_report` like any curated file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.draft import lexicon
from tui.draft.attach import GUESS, Attaching
from tui.draft.clauses import Clause as _Clause
from tui.draft.pipeline import model_version, parse, to_ascii
from tui.draft.quotes import find_quotes
from tui.draft.spans import Containing, Starts
from tui.draft.times import find_time_expressions
from tui.model import Publication, split_sentences
from tui.model.report import (
    FORMAT,
    Actor,
    Attribution,
    Claim,
    Document,
    DraftInfo,
    Event,
    Found,
    NotEvent,
    Place,
    Quote,
    Relation,
    Report,
    SideDeclaration,
    Source,
    Span,
    Tense,
    entry,
)
from tui.temporal.relations import gap_for

# The drafted file is JSON data, each record written with entry(): its fields named by the declaration.
UNKNOWN_SPEAKER = entry(
    Actor,
    id="unknown-speaker",
    name="Unknown speaker",
    role="The speaker of a quotation the drafter could not attribute",
    side="unassigned",
    mentions=[],
    found=entry(Found, how="no speaker found: set it in the review (p)", confidence=0.0),
)


def found(how: str, confidence: float) -> dict[str, Any]:
    return entry(Found, how=how, confidence=round(confidence, 2))


@dataclass
class _Mention:
    start: int
    end: int
    head: Any  # the spaCy token heading it
    kind: str  # "actor" or "place"
    key: str  # what groups mentions of the same actor or place
    how: str
    confidence: float
    group: str = ""  # the actor or place id, once grouped


class Drafter(Attaching):
    """One report, drafted. Use :func:`draft_report`."""

    def __init__(self, text: str, nlp: Any, published: Publication | None, language: str, document_id: str):
        self.text = text
        self.nlp = nlp
        self.published = published
        self.language = language
        self.document_id = document_id
        self.sentences = in_pieces(text, split_sentences(text), piece_limit(nlp))
        self.ascii_text = ascii_text = to_ascii(text)  # each Doc's text is its sentence's slice of it
        self.docs = parse(nlp, (ascii_text[s:e] for s, e in self.sentences))
        self.offsets = [s for s, _ in self.sentences]
        self.quotes = find_quotes(text)
        self.times = find_time_expressions(text, published)
        self.mentions: list[_Mention] = []
        self.clauses: list[_Clause] = []
        # Indexes, so that no lookup scans the whole report (drafting stays linear in its length).
        self._quote_holding = Containing(self.quotes, lambda q: (q.start, q.end), strict=True)
        long_quotes = [q for q in self.quotes if q.end - q.start > 40]
        self._long_quote_holding = Containing(long_quotes, lambda q: (q.start, q.end), strict=True)
        by_start = sorted(self.times, key=lambda f: f.start)
        self._time_holding = Containing(by_start, lambda f: (f.start, f.end), strict=False)
        self._timex_holding = Containing(
            [f for f in by_start if f.kind == "time"], lambda f: (f.start, f.end), strict=False
        )
        self._full_stops = [m.start() for m in re.finditer(r"\.", text)]
        kick_offs = re.finditer(r"coup\s+d['’]envoi", text, re.IGNORECASE)
        self._kick_offs = Starts([m.start() for m in kick_offs], lambda start: start)

    # -- helpers -------------------------------------------------------------------------------------

    def at(self, token: Any) -> int:
        return self.offsets[self._sentence_of[token.doc]] + token.idx

    def end(self, token: Any) -> int:
        return self.at(token) + len(token.text)

    def span(self, start: int, end: int) -> dict[str, Any]:
        piece = self.text[start:end]
        stripped = piece.strip(" ,;:")
        if not stripped.strip():
            stripped = piece.strip() or piece  # punctuation alone: keep it, a span is never empty
            start += len(piece) - len(piece.lstrip()) if piece.strip() else 0
            return entry(Span, start=start, end=start + len(stripped), text=stripped)
        start += len(piece) - len(piece.lstrip(" ,;:"))
        return entry(Span, start=start, end=start + len(stripped), text=stripped)

    def sentence_span(self, index: int) -> dict[str, Any]:
        start, end = self.sentences[index]
        return entry(Span, start=start, end=end, text=self.text[start:end])

    def sentence_holding(self, offset: int) -> int | None:
        index = bisect_right(self.offsets, offset) - 1
        if index >= 0 and offset < self.sentences[index][1]:
            return index
        return None

    def sentence_at(self, offset: int) -> int:
        index = self.sentence_holding(offset)
        return max(0, len(self.sentences) - 1) if index is None else index

    def in_direct_quote(self, offset: int) -> bool:
        return self._long_quote_holding.holds(offset)

    # -- the draft -------------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        self._sentence_of = _DocIndex(self.docs)
        self.find_mentions()
        actors, places = self.group_mentions()
        self.find_clauses()
        self.drop_duplicate_clauses()
        self._index_clauses()
        self._index_actors()
        self.tense_cues = self.find_tense_cues()
        self.attach_mentions()
        self.attach_quotes()
        sources = self.attach_sources()
        self.attach_times_and_relations()
        self.attach_claims()
        events = self.events_json()
        if any(q["speaker"] == UNKNOWN_SPEAKER["id"] for e in events for q in e["quotes"]):
            actors.append(dict(UNKNOWN_SPEAKER))  # a quote is kept even when its speaker is not found
        sides = self.sides_json(actors)
        return entry(
            Report,
            format=FORMAT,
            draft=entry(
                DraftInfo,
                by="newsline draft",
                model=model_version(self.nlp),
                note="Drafted by rules over spaCy's parse: every item says how it was found and how sure "
                "the drafter is. Review before trusting it.",
            ),
            sides=sides,
            document=self.document_json(),
            actors=actors,
            places=places,
            sources=sources,
            events=events,
            caveats=[],
            not_events=self.not_events_json(),
        )

    def document_json(self) -> dict[str, Any]:
        first = self.sentences[0] if self.sentences else (0, len(self.text))
        line_end = self.text.find("\n", first[0])
        end = min(first[1], line_end) if line_end > 0 else first[1]
        published: dict[str, Any] | None = None
        if self.published is not None:
            published = entry(
                Publication,
                earliest=self.published.earliest.isoformat(),
                estimate=self.published.estimate.isoformat(),
                latest=self.published.latest.isoformat(),
                basis=self.published.basis,
                zone=self.published.zone if self.published.zone != "given" else None,
            )
        return entry(
            Document,
            id=self.document_id,
            language=self.language,
            headline=self.span(first[0], end),
            text=self.text,
            published=published,
        )

    # -- actors and places -----------------------------------------------------------------------------

    def find_mentions(self) -> None:
        for doc in self.docs:
            taken: set[int] = set()
            for token in doc:
                if token.i in taken or token.is_punct:
                    continue
                word = token.text.lower()
                entity = token.ent_type_
                if entity == "MISC" and token.text.isupper() and len(token.text) >= 2 and token.is_alpha:
                    entity = "ORG"
                if entity == "PER" and self.names_place(doc, token):
                    entity = "LOC"
                role = word in lexicon.ROLE_NOUNS and token.pos_ in ("NOUN", "PROPN", "ADJ")
                if not (role or entity in ("PER", "ORG", "LOC")):
                    continue
                if entity and not role and token.pos_ not in ("PROPN", "NOUN", "ADJ", "X"):
                    continue
                first, last = self.extent(doc, token)
                taken.update(range(first.i, last.i + 1))
                tokens = doc[first.i : last.i + 1]
                has_person = entity in ("PER", "ORG") or any(
                    t.ent_type_ in ("PER", "ORG") and not self.names_place(doc, t) for t in tokens
                )
                has_role = role or any(t.text.lower() in lexicon.ROLE_NOUNS for t in tokens)
                if has_role or has_person:
                    kind, how, sure = (
                        "actor",
                        "rule: news role noun" if has_role else "NER: person or organisation",
                        0.8,
                    )
                    if has_person and not has_role:
                        sure = 0.85
                elif self.acts(tokens):
                    kind, how, sure = "actor", "NER: place acting as an actor (subject, agent or 'selon')", 0.7
                else:
                    kind, how, sure = "place", "NER: place", 0.8
                start, end = self.at(first), self.end(last)
                self.mentions.append(_Mention(start, end, token, kind, self.key(tokens, kind), how, sure))

    def extent(self, doc: Any, head: Any) -> tuple[Any, Any]:
        """The noun phrase around ``head``: its determiner and adjectives, names, and 'de' complements."""
        first = head
        while first.i > 0:
            previous = doc[first.i - 1]
            if previous.text.lower() in _WEEKDAYS:
                break
            if previous.pos_ in ("DET", "ADJ") or previous.text.lower() in ("plus", "haut", "ex-"):
                if previous.text.lower() in ("de", "d'", "du", "des") and previous.pos_ != "DET":
                    break
                if previous.text.lower() in ("des", "du") and first.i - 1 > 0 and doc[first.i - 2].pos_ == "NOUN":
                    break
                first = previous
            else:
                break
        last = head
        i = head.i + 1
        while i < len(doc):
            token = doc[i]
            lower = token.text.lower()
            if token.is_punct or lower in ("et", "ou"):
                break
            role = head.text.lower() in lexicon.ROLE_NOUNS
            inside = token.head.i in range(first.i, last.i + 1) or (token.ent_type_ and token.ent_iob_ == "I")
            appositive = role and (token.ent_type_ in ("PER", "ORG") or _nation([lower]) is not None)
            same_entity = bool(head.ent_type_) and token.ent_type_ == head.ent_type_ and token.ent_iob_ == "I"
            if (token.pos_ in ("ADJ", "PROPN") and inside) or appositive or same_entity:
                if token.pos_ == "PROPN" and token.ent_type_ == "LOC" and head.ent_type_ != "LOC":
                    break
                last = token
                i += 1
                continue
            if token.pos_ == "NOUN" and lower == "séparatiste":
                last = token
                i += 1
                continue
            if lower in ("de", "d'", "du") and i + 1 < len(doc):
                j = i + 1
                if doc[j].pos_ == "DET" and j + 1 < len(doc):
                    j += 1
                nxt = doc[j]
                if (
                    nxt.pos_ in ("NOUN", "PROPN")
                    and nxt.text.lower() not in lexicon.ROLE_NOUNS
                    and nxt.ent_type_ != "PER"
                    and (
                        nxt.ent_type_ != "LOC"
                        or (role and nxt.text[:1].isupper() and _nation([nxt.text.lower()]) is None)
                    )
                    and head.ent_type_ != "LOC"
                ):
                    last = nxt
                    i = j + 1
                    continue
            break
        return first, last

    def names_place(self, doc: Any, token: Any) -> bool:
        """A name NER took for a person but the sentence uses as a place: 'à Lyman', 'Izyum et Balaklia'."""
        before = " ".join(t.text.lower() for t in doc[max(0, token.i - 2) : token.i])
        if re.search(r"(?:^|\s)(?:à|en|dans|vers|ville de|région de|village de|d'|localité de)$", before):
            return True
        return token.dep_ == "conj" and token.head.ent_type_ == "LOC"

    def acts(self, tokens: Any) -> bool:
        """A place acts when it is a subject, an agent ('par la Russie') or a source ('selon Moscou')."""
        head = tokens.root
        before = tokens.doc[tokens.start - 1].text.lower() if tokens.start > 0 else ""
        if head.dep_ in ("nsubj", "nsubj:pass") and head.head.pos_ in ("VERB", "AUX"):
            return True
        return before in ("selon", "par") and head.ent_type_ != "" and not head.text.lower().startswith("ukraine")

    def key(self, tokens: Any, kind: str) -> str:
        names = [
            t
            for t in tokens
            if (t.ent_type_ in ("PER", "ORG") or (t.text.isupper() and len(t.text) > 1 and t.is_alpha))
            and t.pos_ in ("PROPN", "NOUN", "ADJ", "X")
            and not self.names_place(t.doc, t)
        ]
        if names:
            return "name:" + lexicon.fold(names[-1].text)
        words = [t.text.lower() for t in tokens if t.pos_ != "DET" and t.text.lower() not in ("du", "de", "d'", "des")]
        nation = _nation(words)
        if kind == "actor" and any(w in lexicon.MILITARY for w in words):
            return f"military:{nation or '?'}"
        if kind == "place":
            return "place:" + lexicon.fold(" ".join(words))
        heads = [w for w in words if w in lexicon.ROLE_NOUNS]
        if heads and len(words) == 1:
            return "title:" + lexicon.fold(heads[0].rstrip("s"))
        return "role:" + lexicon.fold(" ".join(words))

    def group_mentions(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Mentions of one actor or place share an id: the same name, the same force of the same nation;
        a bare title ("le président") or a bare force ("les soldats") goes to the last one that fits."""
        self.mentions.sort(key=lambda m: m.start)
        for role, name in zip(self.mentions, self.mentions[1:], strict=False):
            # "La maire sortante, Martine Dubois, a…": a role and the name set beside it are one person
            between = self.text[role.end : name.start]
            if between.strip() == "," and name.key.startswith("name:") and role.key.startswith(("role:", "title:")):
                role.key = name.key
        groups: dict[str, list[_Mention]] = {}
        last_military: str | None = None
        self._nations = self._nations_of_actors()
        named: list[tuple[str, str]] = []  # (folded words, key) of the mentions so far grouped by a name
        titled: dict[str, tuple[int, str | None]] = {}  # per title: how far ``named`` was read, the last fit
        for mention in self.mentions:
            key = mention.key
            if key.startswith("title:"):
                title = key.split(":", 1)[1]
                read, last = titled.get(title, (0, None))
                for words, name_key in named[read:]:
                    if title in words:
                        last = name_key
                titled[title] = (len(named), last)
                if last is not None:
                    key = last
            if key == "military:?":
                nation = self.nation_before(mention)
                key = f"military:{nation}" if nation else (last_military or key)
            if key.startswith("military:") and key != "military:?":
                last_military = key
            mention.key = key
            if key.startswith("name:"):
                named.append((lexicon.fold(self.text[mention.start : mention.end]), key))
            groups.setdefault(key, []).append(mention)
        actors: list[dict[str, Any]] = []
        places: list[dict[str, Any]] = []
        used: set[str] = set()
        for key, mentions in groups.items():
            kind = "actor" if any(m.kind == "actor" for m in mentions) else "place"
            named = [
                m
                for m in mentions
                if key.startswith("name:") and lexicon.fold(key[5:]) in lexicon.fold(self.text[m.start : m.end])
            ]
            longest = max(named or mentions, key=lambda m: m.end - m.start)
            words = self.text[longest.start : longest.end]
            name = re.sub(r"^(?:(?:les?|la|des|du|une?|ses|son|sa|nos|leurs?)\s+|l['’])", "", words, flags=re.I)
            name = name[:1].upper() + name[1:]
            ident = _unique(_slug(name) or kind, used)
            for mention in mentions:
                mention.group = ident
            spans = [self.span(m.start, m.end) for m in mentions]
            sure = min(m.confidence for m in mentions)
            how = mentions[0].how + (
                f"; {len(mentions)} mentions grouped by {key.split(':')[0]}" if len(mentions) > 1 else ""
            )
            if kind == "actor":
                for m in mentions:
                    m.kind = "actor"
                actors.append(
                    entry(
                        Actor,
                        id=ident,
                        name=name,
                        role=name,
                        side=self.side_of(mentions),
                        mentions=spans,
                        found=found(how, sure),
                    )
                )
            else:
                places.append(entry(Place, id=ident, name=name, mentions=spans, found=found(how, sure)))
        return actors, places

    def nation_before(self, mention: _Mention) -> str | None:
        """The nation a bare force belongs to: the speaker's for 'nos forces' in a quotation, else the
        nation named last before it ('la Russie regroupait ses troupes')."""
        words = _words(self.text[mention.start : mention.end])
        if words and words[0] in ("nos", "notre"):
            quote = self._quote_holding.first(mention.start)
            if quote is not None:
                stop = self.sentences[self.sentence_at(quote.end - 1)][1]
                for other in self._mention_starts.between(quote.end, stop):
                    nation = _nation(_words(self.text[other.start : other.end])) if other is not mention else None
                    if nation:
                        return nation
        ends, nations = self._nations
        index = bisect_right(ends, mention.start)
        return nations[index - 1] if index else None

    def _nations_of_actors(self) -> tuple[list[int], list[str | None]]:
        """The ends of the actor mentions in order, and for each the nation named last by one of them so far:
        what :meth:`nation_before` reads back for a bare force."""
        self._mention_starts = Starts(self.mentions, lambda m: m.start)
        ends: list[int] = []
        nations: list[str | None] = []
        last: str | None = None
        for mention in sorted((m for m in self.mentions if m.kind == "actor"), key=lambda m: m.end):
            last = _nation(_words(self.text[mention.start : mention.end])) or last
            ends.append(mention.end)
            nations.append(last)
        return ends, nations

    def side_of(self, mentions: list[_Mention]) -> str:
        words = [w for m in mentions for w in _words(self.text[m.start : m.end])]
        if any(w.startswith("pro-") or w in ("séparatiste", "séparatistes") for w in words):
            return "unassigned"
        if any(w in lexicon.MEDIA for w in words):
            return "media"
        if any(w in lexicon.CIVILIANS for w in words):
            return "civilians"
        return _nation(words) or "unassigned"

    def sides_json(self, actors: list[dict[str, Any]]) -> list[dict[str, str]]:
        labels = {ident: label for ident, label, _ in lexicon.NATIONS}
        labels.update({"media": "Media", "civilians": "Civilians", "unassigned": "Unassigned"})
        used = []
        for actor in actors:
            if actor["side"] not in used:
                used.append(actor["side"])
        if "unassigned" not in used:
            used.append("unassigned")
        return [entry(SideDeclaration, id=side, label=labels.get(side, side)) for side in used]

    # -- clauses, the drafted events ------------------------------------------------------------------

    def find_clauses(self) -> None:
        for index, doc in enumerate(self.docs):
            start, end = self.sentences[index]
            lower = self.ascii_text[start:end].lower()  # doc.text, without joining its tokens again
            if re.match(r"(?:on|nul)\s+ne\s+sait\s+pas", lower):
                continue  # a framing sentence: the report's own doubt, not an event
            if len(doc) < 4 and not any(t.pos_ in ("VERB", "AUX") for t in doc):
                continue
            for token in doc:
                clause = self.clause(index, doc, token)
                if clause is not None:
                    self.clauses.append(clause)
            if "depuis" in lower:  # no token of the sentence is "depuis" otherwise
                self.nominal_events(index, doc)

    def clause(self, index: int, doc: Any, token: Any) -> _Clause | None:
        dep = token.dep_

        def finite() -> bool:  # asked only of the few tokens a rule below reaches
            return token.morph.get("VerbForm") == ["Fin"] or any(
                c.dep_.startswith("aux") and c.morph.get("VerbForm") == ["Fin"] for c in token.children
            )

        lemma = _lemma(token)
        speech = lemma in lexicon.SPEECH_VERBS and (lemma not in lexicon.SPEECH_WITH_CONTENT or _tells_content(token))
        if dep == "ROOT":
            if token.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
                return None
            if token.pos_ not in ("VERB", "AUX") and any(
                t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") and _finite_of_its_own(t) for t in doc
            ):
                # "À Marseille, samedi soir, Eric Roy assure…": the parse made the fronted place a root of
                # its own; the sentence's clause is its verb's
                return None
            how, sure = "parse: the sentence's main clause", 0.8
        elif speech and dep != "parataxis" and _after_a_closing_quote(token):
            # "« … », a déclaré le procureur": the incise is a statement, however the parse hangs it
            how, sure = "parse: a speech verb after a quotation (an incise)", 0.7
        elif (
            dep == "conj"
            and token.pos_ in ("VERB", "AUX")
            and (finite() and any(c.dep_.startswith("nsubj") or c.dep_.startswith("expl") for c in token.children))
        ):
            how, sure = "parse: a coordinated clause with its own subject", 0.6
        elif dep == "conj" and token.pos_ == "VERB" and _finite_of_its_own(token) and _coordinated(token):
            # "… a été réveillé à 3h30, puis a été informé une heure plus tard": a second finite verb
            # sharing the subject tells a second happening
            how, sure = "parse: a second finite verb coordinated with the first (the subject shared)", 0.5
        elif dep in ("ccomp", "advcl") and token.pos_ in ("VERB", "AUX", "ADJ") and finite():
            if _lemma(token.head) in lexicon.FRAMING:
                return None
            how, sure = "parse: a finite subordinate clause (reported content or cause)", 0.6
        elif dep == "parataxis" and speech:
            how, sure = "parse: a speech verb after a quotation", 0.8
        elif dep == "acl:relcl" and token.pos_ == "VERB" and finite() and _told_in_a_past(token):
            # "la tempête, qui a causé la mort de deux automobilistes, …": a relative clause in a past
            # tense tells a happening of its own (one in the présent or imparfait describes)
            how, sure = "parse: a relative clause told in a past tense", 0.5
        else:
            return None
        start = self.offsets[index]
        in_quote = self.in_direct_quote(start + token.idx)
        if in_quote and not speech and not _compound_past(token):
            return None  # the speaker's words: only what they say was done becomes an event of its own
        if lemma in lexicon.FRAMING:
            return None
        first, last = (doc[0], doc[-1]) if dep == "ROOT" else (token.left_edge, token.right_edge)
        kind = "statement" if speech else self.kind_of(token)
        return _Clause(
            token, index, start + first.idx, start + last.idx + len(last.text), kind, how, sure, speech, in_quote
        )

    def kind_of(self, token: Any) -> str:
        if token.pos_ in ("ADJ", "NOUN", "PROPN") or any(c.dep_ == "cop" for c in token.children):
            return "state"
        if _compound_past(token) or token.morph.get("Tense") == ["Past"]:
            return "action"
        if _lemma(token) in ("avoir", "être", "rester", "demeurer"):
            return "state"
        return "state" if token.morph.get("Tense") in (["Pres"], ["Imp"]) else "action"

    def nominal_events(self, index: int, doc: Any) -> None:
        """An event told as a noun where a cue needs it: 'depuis la défaite de Kiev'."""
        for token in doc:
            if token.text.lower() != "depuis" or token.i + 2 >= len(doc):
                continue
            noun = next((t for t in doc[token.i + 1 : token.i + 4] if t.pos_ == "NOUN"), None)
            if (
                noun is None
                or noun.text.lower() in _TIME_NOUNS
                or noun.ent_type_
                or self._timex_holding.holds(self.at(noun))
            ):
                continue
            _first, last = noun, noun
            for t in doc[noun.i + 1 : noun.i + 4]:
                if t.pos_ in ("ADP", "DET", "PROPN", "ADJ") and not t.is_punct:
                    last = t
                else:
                    break
            while last.pos_ in ("ADP", "DET") and last.i > noun.i:
                last = doc[last.i - 1]
            start = self.at(doc[token.i + 1])
            self.clauses.append(
                _Clause(
                    noun,
                    index,
                    start,
                    self.end(last),
                    "action",
                    "rule: an event noun after 'depuis'",
                    0.5,
                    nominal=True,
                )
            )

    def find_tense_cues(self) -> list[tuple[int, int, Any, str]]:
        """Tenses that place what a clause tells against the statement governing it (concordance des
        temps): the plus-que-parfait, and a compound past in what a past statement reports, come before it
        ("before"); the imparfait or présent of what a statement reports held when it was said ("during":
        "TASS a rapporté que la Russie regroupait"). (start, end, verb, relation)."""
        cues = []
        for doc in self.docs:
            for token in doc:
                verb = token.pos_ in ("VERB", "AUX")
                auxes = [c for c in token.children if c.dep_.startswith("aux") and c.i < token.i] if verb else []
                if auxes:
                    tense = auxes[0].morph.get("Tense")
                    pluperfect = tense == ["Imp"] and auxes[0].dep_ == "aux:tense"
                    reported = (
                        tense == ["Pres"]
                        and token.dep_ == "ccomp"
                        and _lemma(token.head) in lexicon.SPEECH_VERBS
                        and _compound_past(token.head)
                        and any(c.dep_ == "aux:pass" for c in token.children)
                    )
                    if pluperfect or reported:
                        cues.append((self.at(auxes[0]), self.end(token), token, "before"))
                        continue
                simultaneous = _simultaneous_in_reported_speech(token)
                if simultaneous is not None:
                    first, last = simultaneous
                    cues.append((self.at(first), self.end(last), token, "during"))
        return cues

    def drop_duplicate_clauses(self) -> None:
        """Two parses of one stretch of text (a headline's root and its conjunct) are one event."""
        seen: set[tuple[int, int]] = set()
        kept = []
        for clause in self.clauses:
            if (clause.start, clause.end) not in seen:
                kept.append(clause)
                seen.add((clause.start, clause.end))
        self.clauses = kept

    def _index_clauses(self) -> None:
        """The lookups over the clauses, rebuilt whenever clauses are found, dropped or added: by sentence,
        by head token, statements and events in sentence order."""
        self.clauses.sort(key=lambda c: c.sentence)  # stable: clauses are found sentence by sentence
        self._by_sentence: dict[int, list[_Clause]] = {}
        self._by_head: dict[tuple[int, int], _Clause] = {}
        for clause in self.clauses:
            self._by_sentence.setdefault(clause.sentence, []).append(clause)
            self._by_head.setdefault((id(clause.head.doc), clause.head.i), clause)
        self._main: dict[int, _Clause | None] = {}
        self._statements = Starts([c for c in self.clauses if c.speech], lambda c: c.sentence)
        self._by_order = sorted(self.clauses, key=lambda c: (c.sentence, c.start))
        self._in_order: dict[int, list[_Clause]] = {}
        for clause in self._by_order:
            self._in_order.setdefault(clause.sentence, []).append(clause)
        plain = [c for c in self._by_order if not c.nominal]
        self._plain = Starts(plain, lambda c: c.sentence)
        self._plain_statements = Starts([c for c in plain if c.speech], lambda c: c.sentence)

    def _add_clause(self, clause: _Clause) -> None:
        """A clause drafted after the lookups were built (by the attachment pass): added to each of them."""
        self.clauses.append(clause)
        self._by_sentence.setdefault(clause.sentence, []).append(clause)
        self._by_head.setdefault((id(clause.head.doc), clause.head.i), clause)
        self._main.pop(clause.sentence, None)
        in_order = self._in_order.setdefault(clause.sentence, [])
        in_order.insert(bisect_right([c.start for c in in_order], clause.start), clause)
        if not clause.nominal:
            self._plain.insert(clause, clause.sentence)

    def clause_headed_by(self, token: Any) -> _Clause | None:
        return self._by_head.get((id(token.doc), token.i))

    def clause_of(self, offset: int) -> _Clause | None:
        """The innermost clause holding ``offset``."""
        sentence = self.sentence_holding(offset)
        if sentence is None:
            return None
        holding = [c for c in self._by_sentence.get(sentence, ()) if c.start <= offset < c.end]
        return min(holding, key=lambda c: c.end - c.start) if holding else None

    def main_clause(self, sentence: int) -> _Clause | None:
        if sentence not in self._main:
            clauses = [c for c in self._by_sentence.get(sentence, ()) if not c.nominal]
            roots = [c for c in clauses if c.head.dep_ == "ROOT"]
            self._main[sentence] = (roots or clauses or [None])[0]
        return self._main[sentence]

    def attach_mentions(self) -> None:
        for mention in self.mentions:
            clause = self.clause_of(mention.start)
            if clause is None:
                continue
            bucket = clause.actors if mention.kind == "actor" else clause.places
            if mention.group not in bucket:
                bucket.append(mention.group)

    # -- quotes and their speakers ---------------------------------------------------------------------

    def _index_actors(self) -> None:
        self._actors = Starts([m for m in self.mentions if m.kind == "actor"], lambda m: m.start)

    def actor_near(self, start: int, end: int) -> _Mention | None:
        return self._actors.first_from(start, end)

    def subject_actor(self, verb: Any) -> _Mention | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass"):
                mention = self.actor_near(self.at(child.left_edge), self.end(child.right_edge))
                if mention:
                    return mention
                if child.pos_ == "PRON" and child.text.lower() in ("il", "elle", "ils", "elles"):
                    return self.last_speaker_before(self.at(child))
        start = self.offsets[self._sentence_of[verb.doc]]
        before = self._actors.between(start, self.at(verb))
        between = self.text[before[-1].end : self.at(verb)] if before else ""
        if before and not any(mark in between for mark in '”»"'):
            # The words just before the verb (a pronoun subject is a few characters from it).
            window = max(start, self.at(verb) - 200)
            while window > start and self.text[window - 1].isalnum():
                window -= 1
            pronoun = re.search(
                r"\b(?:il|elle)s?\s+(?:a|ont|avait|avaient)?\s*$", self.text[window : self.at(verb)], re.I
            )
            if not pronoun:
                return before[0]
        return None

    def last_speaker_before(self, offset: int) -> _Mention | None:
        index = bisect_left(self._speaker_offsets, offset)
        return self.speakers[index - 1][1] if index else None

    def attach_quotes(self) -> None:
        self.speakers: list[tuple[int, _Mention]] = []
        self._speaker_offsets: list[int] = []  # in order: statements are visited in the text's order
        # Statements first: their subjects are the speakers later pronouns refer to.
        for clause in self.clauses:
            if clause.speech:
                mention = self.subject_actor(clause.head) or self.inverted_subject(clause.head)
                if mention:
                    self.speakers.append((self.at(clause.head), mention))
                    self._speaker_offsets.append(self.at(clause.head))
        self.speakers.sort(key=lambda s: s[0])
        self._speaker_offsets.sort()
        headline_end = self.sentences[0][1] if self.sentences else 0
        for quote in self.quotes:
            if quote.depth:
                continue  # a quote inside a quote stays in its speaker's words
            speaker, clause, how, sure = self.speaker_of(quote, headline_end)
            if clause is None:
                continue
            mode = "direct" if self.is_direct(quote) else "reported"
            clause.quotes.append(
                entry(
                    Quote,
                    span=self.span(quote.start, quote.end),
                    speaker=speaker.group if speaker else None,  # the unknown speaker, if still None at the end
                    mode=mode,
                    found=found(f"quotation marks; speaker by {how}", sure if speaker else 0.2),
                )
            )
            for sentence in range(self.sentence_at(quote.start), self.sentence_at(quote.end - 1) + 1):
                if sentence != clause.sentence and sentence not in clause.extra_sentences:
                    clause.extra_sentences.append(sentence)

    def inverted_subject(self, verb: Any) -> _Mention | None:
        """'…”, a déclaré le président': the speaker follows the verb; '…, a-t-il précisé': the last one."""
        around = self.text[max(0, self.at(verb) - 12) : self.end(verb) + 12].lower()
        if re.search(r"-t-(?:il|elle)|-(?:il|elle)s?\b", around):
            return self.last_speaker_before(self.at(verb))
        end = self.end(verb)
        index = bisect_left(self._full_stops, end)  # the next full stop: self.text.find(".", end)
        stop = self._full_stops[index] if index < len(self._full_stops) else -1
        return self.actor_near(end, stop if stop > 0 else end + 80)

    def speaker_of(self, quote: Any, headline_end: int) -> tuple[_Mention | None, _Clause | None, str, float]:
        after = self.text[quote.end : quote.end + 40]
        sentence = self.sentence_at(quote.end - 1)
        statements = [c for c in self._by_sentence.get(sentence, ()) if c.speech]
        if quote.start < headline_end and self.sentences and quote.end <= headline_end:
            # A headline quotes what the lead goes on to attribute: the first statement of the body.
            later = self._statements.first_from(1)
            if later is not None:
                speaker = self.subject_actor(later.head) or self.inverted_subject(later.head)
                return speaker, later, "the first statement after the headline", 0.5
        if re.match(r"\s*,\s*(?:a|ont|avait|avaient|aurait)?\s*\w+", after) and statements:
            clause = min(statements, key=lambda c: abs(self.at(c.head) - quote.end))
            speaker = self.inverted_subject(clause.head) or self.subject_actor(clause.head)
            if speaker is None:
                speaker = self.last_speaker_before(quote.start)
            return speaker, clause, "the speech verb after the quotation", 0.8
        if statements:
            clause = statements[0]
            speaker = self.subject_actor(clause.head) or self.inverted_subject(clause.head)
            return speaker, clause, "the subject of the sentence's speech verb", 0.7
        start, end = self.sentences[sentence]
        selon = re.search(r"\b[Ss]elon\s+", self.text[start:end])
        holder = self.clause_of(quote.start) or self.main_clause(sentence)
        if selon:
            speaker = self.actor_near(start + selon.end(), start + selon.end() + 3)
            return speaker, holder, "'selon' in the sentence", 0.6
        speaker = None
        if holder is not None:
            head = holder.head
            while head.dep_ != "ROOT" and _lemma(head.head) not in lexicon.SPEECH_VERBS:
                head = head.head
            speaker = self.subject_actor(head.head if head.dep_ != "ROOT" else head)
        return speaker, holder, "the subject of the clause that reports it", 0.5

    def is_direct(self, quote: Any) -> bool:
        inner = self.text[quote.start + 1 : quote.end - 1]
        if len(inner.split()) < 4:
            return False
        before = self.text[max(0, quote.start - 3) : quote.start].strip()
        sentence_start = self.sentences[self.sentence_at(quote.start)][0] == quote.start
        after = self.text[quote.end : quote.end + 3].strip()
        return sentence_start or before.endswith(":") or after.startswith(",") or quote.end - quote.start > 60

    # -- sources -------------------------------------------------------------------------------------

    def attach_sources(self) -> list[dict[str, Any]]:
        sources: dict[str, dict[str, Any]] = {
            "report": entry(Source, id="report", label="The report's own voice", kind="report", mentions=[])
        }

        def source_for(mention: _Mention, kind: str, cue: dict[str, Any] | None, how: str) -> str:
            ident = f"{mention.group}-{kind}"
            if ident not in sources:
                label = self.text[mention.start : mention.end]
                sources[ident] = entry(
                    Source,
                    id=ident,
                    label=f"{label} ({kind.replace('-', ' ')})",
                    kind=kind,
                    mentions=[cue] if cue else [],
                    affiliation=mention.group,
                    found=found(how, 0.6),
                )
            elif cue and cue not in sources[ident]["mentions"]:
                sources[ident]["mentions"].append(cue)
            return ident

        for clause in self.clauses:
            chain: list[dict[str, Any]] = []
            start, end = self.sentences[clause.sentence]
            words = self.text[start:end]
            selon = re.search(r"\b[Ss]elon\s+", words)
            if selon:
                mention = self.actor_near(start + selon.end(), start + selon.end() + 3)
                if mention:
                    cue = self.span(start + selon.start(), mention.end)
                    media = self.text[mention.start : mention.end].isupper() or any(
                        w in lexicon.MEDIA for w in _words(self.text[mention.start : mention.end])
                    )
                    kind = "news-agency" if media else "official-statement"
                    source = source_for(mention, kind, cue, "rule: 'selon' names a channel")
                    chain.append(entry(Attribution, source=source, cue=cue))
            reporter = self.reporting_clause(clause)
            if reporter is not None:
                speaker = self.subject_actor(reporter.head) or self.inverted_subject(reporter.head)
                if speaker is not None:
                    kind = self.channel_kind(reporter, speaker)
                    cue = self.span(self.at(reporter.head), self.end(reporter.head))
                    aux = [c for c in reporter.head.children if c.dep_.startswith("aux") and c.i < reporter.head.i]
                    if aux:
                        cue = self.span(self.at(aux[0]), self.end(reporter.head))
                    ident = source_for(speaker, kind, None, "parse: the subject of a speech verb")
                    chain.insert(0, entry(Attribution, source=ident, cue=cue))
            chain.append(entry(Attribution, source="report"))
            clause.sources = chain
        return list(sources.values())

    def reporting_clause(self, clause: _Clause) -> _Clause | None:
        """The statement that reports this clause: itself if it is one, or the speech verb governing it."""
        if clause.speech:
            return clause
        head = clause.head
        while head.dep_ != "ROOT":
            head = head.head
            if _lemma(head) in lexicon.SPEECH_VERBS:
                return self.clause_headed_by(head)
        if clause.in_quote:
            return self._statements.first_from(clause.sentence)
        return None

    def channel_kind(self, clause: _Clause, speaker: _Mention) -> str:
        start, end = self.sentences[clause.sentence]
        words = self.text[start:end].lower()
        if any(w in lexicon.MEDIA for w in _words(self.text[speaker.start : speaker.end])):
            return "news-agency"
        if "vidéo" in words:
            return "video-message"
        if re.search(r"réseaux sociaux|telegram|twitter|facebook|\bx\b|instagram|publication", words):
            return "social-media-post"
        if _lemma(clause.head) == "annoncer":
            return "announcement"
        return "official-statement"

    # -- time ----------------------------------------------------------------------------------------

    def attach_times_and_relations(self) -> None:
        for found_time in self.times:
            if found_time.kind == "time":
                self.attach_time(found_time)  # by the parse: tui/draft/attach.py
                continue
            cue_words = self.text[found_time.start : found_time.end].lower()
            if self.attach_sequence_cue(found_time, cue_words):
                continue
            inside = self.clause_of(found_time.start)
            clause = inside or self.main_clause(self.sentence_at(found_time.start))
            self._cue_by_proximity = inside is None  # the cue lies in no clause's words: a guess
            sentence = self.sentence_at(found_time.start)
            if clause is None:
                continue
            cue = self.span(found_time.start, found_time.end)
            later = "après" in cue_words or "plus tard" in cue_words or "lendemain" in cue_words
            if cue_words.startswith("depuis"):
                noun = next(
                    (c for c in self._by_sentence.get(sentence, ()) if c.nominal and c.start > found_time.start),
                    None,
                )
                main = self.main_clause(sentence)
                if noun and main:
                    noun.relations.append(self.relation("before", main, cue, "rule: 'depuis' + event noun", 0.5))
                continue
            if cue_words.startswith(("c'est pour", "c’est pour", "c'est la raison", "c’est la raison")):
                # "C'est pourquoi Y": Y follows from the event told just before: after a completed act,
                # within a state or process under way (the withdrawal is the regrouping carried out).
                cause = self.previous_event(clause)
                if cause is not None:
                    kind = "after" if _compound_past(cause.head) or cause.kind == "action" else "during"
                    how = "rule: 'c'est pourquoi': a consequence of the event told just before"
                    clause.relations.append(self.relation(kind, cause, cue, how, 0.35))
                continue
            if cue_words.startswith(("parce", "puisqu")):
                cause = next((c for c in self._in_order.get(sentence, ()) if c.start >= found_time.start), None)
                holder = self.governing(cause) if cause else None
                if cause and holder:
                    holder.relations.append(self.relation("after", cause, cue, "rule: a cause comes first", 0.6))
                continue
            following = self.text[found_time.end : found_time.end + 5].lower()
            if following.lstrip().startswith(("que", "qu'", "qu’")):
                target = next(
                    (c for c in self._in_order.get(sentence, ()) if c.start > found_time.end and c is not clause),
                    None,
                )
                if target:
                    clause.relations.append(
                        self.relation("after" if later else "before", target, cue, "rule: cue + 'que' clause", 0.6)
                    )
                continue
            if cue_words.split()[-1] not in ("après", "avant", "tôt", "tard", "veille", "lendemain", "auparavant"):
                named = cue_words.split()[-1]
                if named in lexicon.SPEECH_NOUNS or named[:-1] in lexicon.SPEECH_NOUNS:
                    target = self.last_statement_before(clause)  # "après le rapport": the statement it names
                    how = "rule: cue names an earlier statement"
                elif _DEFINITE_NOUN.search(cue_words) and gap_for(cue_words).hi <= 24 * 60:
                    # "peu après la secousse" may name the event told before, or one the report does not
                    # tell ("peu après la pause"): a guess
                    target = self.previous_event(clause)
                    how = f"{GUESS}the cue's noun may name the event told just before"
                else:
                    continue  # "trois mois après son arrestation": an event the report does not tell
            elif self.cue_inside_a_noun_phrase(found_time, cue, later):
                continue
            else:
                target, how = self.told_before(clause)
            if target is not None:
                clause.relations.append(self.relation("after" if later else "before", target, cue, how, 0.4))
        for start, end, verb, kind in self.tense_cues:
            clause = self.clause_headed_by(verb)
            if clause is None and kind == "during":  # a copula's clause is headed by its attribute, or a noun
                clause = self.clause_of(start)
            # A plus-que-parfait coordinated with another verb ("remontait à 2019 et s'était produit dans la
            # Drôme") is told against what governs them both (the narrative's time, or a statement), not
            # against its conjunct.
            target = self.governing(clause, beyond_conjuncts=kind == "before") if clause else None
            if clause and target and target is not clause:
                cue = self.span(start, end)
                if kind == "before":
                    clause.relations.append(
                        self.relation("before", target, cue, "rule: tense (plus-que-parfait or reported past)", 0.6)
                    )
                else:  # the statement was made while what it reports held
                    how = "rule: tense (imparfait or présent of reported speech)"
                    target.relations.append(self.relation("during", clause, cue, how, 0.5))
        self._cue_by_proximity = False
        self.draft_sequence_words()
        self.draft_announcement_anaphora()

    def draft_announcement_anaphora(self) -> None:
        """A definite noun of speech at the head of a sentence ("L'annonce du déménagement …") names a
        statement already told: the clause it heads and the last earlier statement are drafted as one
        happening (``same``), with the noun phrase as the cue. A guess for the reviewer to confirm."""
        for clause in self.clauses:
            subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subject is None or subject.text.lower() not in lexicon.SPEECH_NOUNS:
                continue
            determiners = [c for c in subject.children if c.dep_ == "det" and c.i < subject.i]
            article = lexicon.fold(determiners[0].text).rstrip("'’") if determiners else ""
            if article not in ("l", "le", "la", "cette", "cet"):
                continue
            earlier = self.last_statement_before(clause)
            if earlier is None:
                continue
            complement = [c for c in subject.children if c.dep_ == "nmod" and c.i > subject.i]
            last = complement[0] if complement else subject
            cue = self.span(self.at(determiners[0]), self.end(last))
            how = "rule: a definite noun of speech names a statement told before"
            clause.relations.append(self.relation("same", earlier, cue, how, 0.35))

    def governing(self, clause: _Clause, *, beyond_conjuncts: bool = False) -> _Clause | None:
        """The clause that governs this one in the parse; ``beyond_conjuncts`` passes over the verbs it is
        coordinated with, to what governs them all."""
        head = clause.head
        while head.dep_ != "ROOT":
            conjunct = head.dep_ == "conj"
            head = head.head
            if conjunct and beyond_conjuncts:
                continue
            holder = self.clause_headed_by(head)
            if holder is not None:
                return holder
        return None

    def told_before(self, clause: _Clause) -> tuple[_Clause | None, str]:
        """What a cue like "deux jours plus tôt", "la veille", "une heure plus tard" in ``clause`` counts
        from, and how it was found: the clause it is coordinated with ("… a été réveillé, puis a été informé
        une heure plus tard"), the clause governing it ("le suspect, qui avait acheté l'arme la veille, a été
        interpellé"; "il a dit qu'il l'avait vu la veille": the day before the statement), else the event
        told just before its sentence."""
        head = clause.head
        if not clause.nominal and head.dep_ == "conj":
            holder = self.clause_above(head.head, create=False)
            if holder is not None and holder is not clause:
                return holder, "rule: cue against the clause its own is coordinated with"
        if not clause.nominal and head.dep_ != "ROOT":
            holder = self.governing(clause)
            if holder is not None and holder is not clause:
                return holder, "rule: cue against the clause governing its own"
        return self.previous_event(clause), "rule: cue against the event told just before"

    def last_statement_before(self, clause: _Clause) -> _Clause | None:
        return self._statements.last_before(clause.sentence)

    def previous_event(self, clause: _Clause) -> _Clause | None:
        """The event told just before ``clause``'s sentence: the last statement for a statement, else the
        main clause of the last sentence before that tells one."""
        if clause.speech:
            statement = self._plain_statements.last_before(clause.sentence)
            if statement is not None:
                return statement
        earlier = self._plain.last_before(clause.sentence)
        if earlier is None:
            return None
        return self.main_clause(earlier.sentence) or earlier

    _cue_by_proximity = False

    def relation(self, kind: str, target: _Clause, cue: dict[str, Any], how: str, sure: float) -> dict[str, Any]:
        if self._cue_by_proximity and not how.startswith(GUESS):
            how = f"{GUESS}the cue is in no clause: attached by proximity to the sentence's main clause; {how}"
        # the target is the clause itself until the events are numbered (events_json)
        return entry(Relation, type=kind, target=target, cue=cue, found=found(how, sure))

    # -- claims --------------------------------------------------------------------------------------

    _CLAIM = re.compile(
        r"(?:(?P<qualifier>au\s+moins|quelque|environ|près\s+de|plus\s+de|moins\s+de)\s+)?"
        r"(?P<number>\d{1,3}(?:[  \u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|une\s+(?P<approx>dizaine|douzaine|vingtaine|"
        r"trentaine|quarantaine|cinquantaine|soixantaine|centaine)|des\s+(?P<many>dizaines|centaines|milliers))"
        r"\s+(?:de\s+|d['’])?(?P<unit>[^\W\d_]+(?:\s+carrés)?)",
        re.IGNORECASE,
    )
    _APPROX = {"dizaine": 10, "douzaine": 12, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
               "cinquantaine": 50, "soixantaine": 60, "centaine": 100}  # fmt: skip
    _MANY = {"dizaines": 20, "centaines": 200, "milliers": 2000}

    def attach_claims(self) -> None:
        number = 0
        for match in self._CLAIM.finditer(self.text):
            unit = match.group("unit")
            if unit.lower() in _MONTH_WORDS or self._time_holding.holds(match.start()):
                continue
            if match.group("approx"):
                quantity: float = self._APPROX[match.group("approx").lower()]
            elif match.group("many"):
                quantity = self._MANY[match.group("many").lower()]
            else:
                quantity = float(re.sub(r"[\s\u202f ]", "", match.group("number")).replace(",", "."))
                if 1900 <= quantity <= 2100 and not re.search(r"\s", match.group("number")):
                    continue  # a year
            clause = self.clause_of(match.start()) or self.main_clause(self.sentence_at(match.start()))
            if clause is None:
                continue
            number += 1
            qualifier = (match.group("qualifier") or "").lower()
            if qualifier.startswith("au") or qualifier.startswith("plus"):
                hedge: str | None = "at least"
            elif qualifier or match.group("approx") or match.group("many"):
                hedge = "about"
            else:
                hedge = None
            claim = entry(
                Claim,
                id=f"c{number}",
                span=self.span(match.start(), match.end()),
                quantity=int(quantity) if quantity == int(quantity) else quantity,
                unit=unit,
                about=self.text[match.start() : match.end()],
                found=found("rule: a number with its unit", 0.7),
                qualifier=hedge,
            )
            clause.claims.append(claim)

    # -- output --------------------------------------------------------------------------------------

    def events_json(self) -> list[dict[str, Any]]:
        ordered = sorted(self.clauses, key=lambda c: (c.sentence, c.start, c.end))
        for number, clause in enumerate(ordered, 1):
            clause.id = f"e{number}"
        events = []
        for clause in ordered:
            sentences = [clause.sentence, *sorted(clause.extra_sentences)]
            summary = " ".join(self.text[clause.start : clause.end].split())
            if len(summary) > 160:
                summary = summary[:159] + "…"
            relations = []
            for relation in clause.relations:
                if relation["target"] is clause:
                    continue
                relations.append({**relation, "target": relation["target"].id})
            quotes = [{**q, "speaker": q["speaker"] or UNKNOWN_SPEAKER["id"]} for q in clause.quotes]
            events.append(
                entry(
                    Event,
                    id=clause.id,
                    summary=summary or self.text[slice(*self.sentences[clause.sentence])],
                    kind=clause.kind,
                    sentences=[self.sentence_span(s) for s in sentences],
                    actors=clause.actors,
                    places=clause.places,
                    sources=clause.sources or [entry(Attribution, source="report")],
                    time=self.span(clause.time.start, clause.time.end) if clause.time else None,
                    relations=relations,
                    quotes=quotes,
                    claims=clause.claims,
                    found=found(clause.how, clause.confidence),
                    time_found=found(clause.time.how, clause.time.confidence) if clause.time is not None else None,
                    tense=self.tense_of(clause),
                )
            )
        return events

    def tense_of(self, clause: _Clause) -> dict[str, Any] | None:
        """The tense the clause is told in, from the morphology of its verb and auxiliaries, with the verb
        as the cue: what the time engine's likely layer reads (news cycle, temporal focus)."""
        if clause.nominal:
            return None
        head = clause.tense_head or clause.head
        verb = head if head.pos_ in ("VERB", "AUX") else next((c for c in head.children if c.dep_ == "cop"), None)
        if verb is None:
            return None
        auxes = [c for c in head.children if c.dep_ in ("aux:tense", "aux:pass", "cop") and c.i < head.i]
        tense_aux = next((c for c in auxes if c.dep_ == "aux:tense"), None) or _etre_past(head)
        carrier = tense_aux or next((c for c in auxes if c.dep_ in ("aux:pass", "cop")), None) or verb
        morph = carrier.morph
        if tense_aux is not None:
            form = {"Pres": "compound-past", "Imp": "pluperfect"}.get((morph.get("Tense") or [""])[0])
        elif morph.get("Mood") == ["Cnd"]:
            form = "conditional"
        else:
            form = {"Pres": "present", "Imp": "imperfect", "Past": "simple-past", "Fut": "future"}.get(
                (morph.get("Tense") or [""])[0]
            )
        if form is None or morph.get("VerbForm") not in (["Fin"], []):
            return None
        first = min([verb, *auxes], key=lambda t: t.i)
        return entry(Tense, form=form, cue=self.span(self.at(first), self.end(verb)))

    def not_events_json(self) -> list[dict[str, Any]]:
        used = {c.sentence for c in self.clauses} | {s for c in self.clauses for s in c.extra_sentences}
        return [
            entry(
                NotEvent,
                span=self.sentence_span(i),
                reason="No event drafted: no finite clause found, or a framing sentence.",
            )
            for i in range(len(self.sentences))
            if i not in used
        ]


PIECE_LIMIT = 10_000  # characters: spaCy's parser takes about 1.5 GB for one Doc of 400 000


def piece_limit(nlp: Any) -> int:
    """The longest text parsed at once: spaCy's own ``nlp.max_length`` (longer raises its error E088), and
    never more than :data:`PIECE_LIMIT`, which no sentence of a report reaches."""
    return max(1, min(getattr(nlp, "max_length", PIECE_LIMIT), PIECE_LIMIT))


def in_pieces(text: str, sentences: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """The sentences, each longer than ``limit`` cut into pieces of at most ``limit`` characters at a space
    (or anywhere, in a run without one): a text without full stops or line breaks is drafted a piece at a
    time, each piece a sentence of the draft, every offset still the text's."""
    pieces: list[tuple[int, int]] = []
    for start, end in sentences:
        while end - start > limit:
            cut = max(text.rfind(" ", start + 1, start + limit + 1), text.rfind("\t", start + 1, start + limit + 1))
            cut = cut if cut > start else start + limit
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            pieces.append((start, piece_end))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            pieces.append((start, end))
    return pieces


class _DocIndex:
    """Which sentence a spaCy Doc parses (Docs are not hashable by content; keyed by identity)."""

    def __init__(self, docs: list[Any]) -> None:
        self._index = {id(doc): i for i, doc in enumerate(docs)}
        self._docs = docs  # keep them alive so ids stay unique

    def __getitem__(self, doc: Any) -> int:
        return self._index[id(doc)]


def draft_report(
    text: str,
    nlp: Any,
    *,
    published: Publication | None = None,
    language: str = "fr",
    document_id: str = "report",
) -> dict[str, Any]:
    """The events file drafted from ``text`` (a JSON-ready dict in newsline's format)."""
    return Drafter(text, nlp, published, language, document_id).run()


_MONTH_WORDS = frozenset(
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
)
_WEEKDAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "demain"])
_TIME_NOUNS = frozenset(
    [
        "mois",
        "semaine",
        "semaines",
        "jour",
        "jours",
        "année",
        "années",
        "an",
        "ans",
        "début",
        "fin",
        "lors",
        "heure",
        "heures",
        "nuit",
        "matin",
        "soir",
        "veille",
    ]
)


def _lemma(token: Any) -> str:
    return lexicon.verb_lemma(token.text) if token.pos_ in ("VERB", "AUX") else token.text.lower()


def _same(a: Any, b: Any) -> bool:
    """spaCy makes a new Token object on each access: compare by document and position."""
    return a.doc is b.doc and a.i == b.i


def _simultaneous_in_reported_speech(token: Any) -> tuple[Any, Any] | None:
    """For the head of a clause a statement reports ("que la Russie regroupait", "que la situation est
    difficile", "qu'il y a des combats", "que des civils étaient évacués"), in the imparfait or présent and
    not a compound tense: the first and last tokens of its tensed words. None for anything else."""
    clause = token.head if token.dep_ == "conj" else token
    if clause.dep_ != "ccomp" or _lemma(clause.head) not in lexicon.SPEECH_VERBS:
        return None
    if any(c.dep_ == "aux:tense" for c in token.children):
        return None
    carrier = next((c for c in token.children if c.dep_ in ("cop", "aux:pass") and c.i < token.i), None)
    tense = (carrier or token).morph.get("Tense")
    if tense not in (["Imp"], ["Pres"]) or (carrier is None and token.pos_ not in ("VERB", "AUX")):
        return None
    if carrier is not None and carrier.dep_ == "cop":
        return carrier, carrier
    return (carrier or token), token


def _compound_past(token: Any) -> bool:
    """Passé composé or plus-que-parfait: avoir or être as the tense auxiliary, and a past participle (the
    small model takes "être" before the participle of a verb of motion or change of state for a passive:
    "la personne est décédée", "ils sont partis")."""
    if token.morph.get("VerbForm") != ["Part"] and not _etre_participle(token):
        return False
    return any(c.dep_ == "aux:tense" and c.i < token.i for c in token.children) or _etre_past(token) is not None


# Past participles of the intransitive verbs conjugated with "être" (and of their compounds): after "est",
# "sont", "était", they make a passé composé or plus-que-parfait, not a passive.
_ETRE_PARTICIPLE = re.compile(
    r"(?:re|de|sur|inter|par|pro|ad)?venue?s?|(?:re)?(?:parti|sorti)e?s?|(?:re)?(?:arriv|tomb|entr|rest|"
    r"retourn|décéd|all)ée?s?|rentrée?s?|morte?s?|née?s?|(?:re)?(?:descendu|monté)e?s?",
    re.IGNORECASE,
)


def _etre_participle(token: Any) -> bool:
    return _ETRE_PARTICIPLE.fullmatch(token.text) is not None


def _etre_past(token: Any) -> Any | None:
    """The finite "être" that makes ``token`` a passé composé or plus-que-parfait though the parse calls it
    a passive auxiliary ("est décédée"): None when there is none, or when an agent ("par …") makes it a
    real passive."""
    if not _etre_participle(token) or any(c.dep_ == "obl:agent" for c in token.children):
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "aux:pass" and c.i < token.i and _lemma(c) == "être" and c.morph.get("VerbForm") == ["Fin"]
        ),
        None,
    )


# "après la secousse", "après cette annonce": a definite noun phrase, which may name an event already told
_DEFINITE_NOUN = re.compile(r"\b(?:après|avant)\s+(?:la|le|l['’]|les|cette|ce|cet|ces)\s*\w", re.IGNORECASE)


def _tells_content(token: Any) -> bool:
    """Whether a verb that speaks only in one of its senses ("assurer que…" but "assurer la victoire") tells
    something said here: a clause or quotation of content, or a call to act ("appeler à")."""
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in token.children):
        return True
    return token.dep_ == "parataxis" or _after_a_closing_quote(token)


def _finite_of_its_own(token: Any) -> bool:
    """A verb finite by itself or by an auxiliary of its own ("a été informé"), not by the one it shares."""
    return token.morph.get("VerbForm") == ["Fin"] or any(
        c.dep_.startswith("aux") and c.i < token.i and c.morph.get("VerbForm") == ["Fin"] for c in token.children
    )


def _coordinated(token: Any) -> bool:
    """Joined to the verb before by a coordinating word of its own ("et", "puis", "mais", "ou")."""
    return any(c.dep_ == "cc" and c.i < token.i for c in token.children)


def _told_in_a_past(token: Any) -> bool:
    """Passé composé, plus-que-parfait or passé simple: a happening told, not a description."""
    return _compound_past(token) or (token.morph.get("Tense") == ["Past"] and token.morph.get("VerbForm") == ["Fin"])


def _after_a_closing_quote(token: Any) -> bool:
    """A verb (with its auxiliaries) that comes just after a closing quotation mark and a comma: "», a
    déclaré X", "», ont-ils ajouté". The Docs are parsed in ASCII: every quotation mark is '"'."""
    first = min([token, *(c for c in token.children if c.dep_.startswith("aux") and c.i < token.i)], key=lambda t: t.i)
    doc = token.doc
    return first.i >= 2 and doc[first.i - 1].text == "," and doc[first.i - 2].text in ('"', "»", "”")


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", lexicon.fold(text))
    return "-".join(words)[:40].strip("-")


def _unique(ident: str, used: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in used:
        candidate, n = f"{ident}-{n}", n + 1
    used.add(candidate)
    return candidate


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w-]+", text)]


def _nation(words: Iterable[str]) -> str | None:
    for ident, _, names in lexicon.NATIONS:
        if any(w in names for w in words):
            return ident
    return None
