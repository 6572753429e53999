"""One reader of time words: the engine's ``normalise`` reads an event's time through the tagger's rules.

An expression read alone by the engine and the same expression read by the tagger, alone or in a news
sentence in the past tense, give the same earliest and latest, for several publications. The engine keeps
no word table of its own (its words are the tagger's resources), and the relation cues count with the
tagger's numbers.
"""

from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.model import Publication
from tui.temporal import gap_for, normalise
from tui.temporal.tagging import publication_on, tag
from tui.temporal.tagging.lexicon import fold
from tui.temporal.tagging.tables import table

KYIV = timezone(timedelta(hours=3))
SUNDAY_NOON = datetime(2022, 9, 11, 12, 0, tzinfo=KYIV)
PUBLICATIONS = {
    "sunday-noon": Publication(SUNDAY_NOON, SUNDAY_NOON, SUNDAY_NOON, "test"),
    "the-bundled-range": Publication(
        datetime(2022, 9, 10, 20, 0, tzinfo=KYIV), SUNDAY_NOON, datetime(2022, 9, 11, 23, 59, tzinfo=KYIV), "test"
    ),
    "a-wednesday": publication_on(datetime(2022, 9, 14).date(), KYIV),
    "mid-january": publication_on(datetime(2023, 1, 12).date(), KYIV),
}

EXPRESSIONS = [
    "cette nuit",
    "hier soir",
    "ce matin",
    "samedi soir",
    "la veille",
    "vers midi",
    "peu après 14h",
    "lundi dernier",
    "le 3 octobre",
    "depuis septembre",
    "jeudi",
    "mercredi après-midi",
    "avant-hier",
    "dans la nuit de samedi",
    "début septembre",
    "fin août",
    "la semaine dernière",
    "actuellement",
]


def _covering(text: str, expression: str, published: Publication):
    """The tagger's one timex within ``expression``'s place in ``text``."""
    at = text.lower().index(expression.lower())
    found = [t for t in tag(text, published, "fr") if at <= t.start and t.end <= at + len(expression)]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("name", list(PUBLICATIONS))
@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_the_engine_and_the_tagger_give_the_same_interval(expression, name):
    published = PUBLICATIONS[name]
    engine = normalise(expression, published, "fr")
    assert engine is not None, expression
    alone = _covering(expression, expression, published)
    sentence = f"{expression[0].upper()}{expression[1:]}, les troupes ont avancé."
    in_a_sentence = _covering(sentence, expression, published)
    if engine.earliest is None and engine.latest is None:  # "actuellement": open, against the publication
        assert alone.value == in_a_sentence.value == "PRESENT_REF"
        return
    assert (alone.earliest, alone.latest) == (engine.earliest, engine.latest), "alone"
    assert (in_a_sentence.earliest, in_a_sentence.latest) == (engine.earliest, engine.latest), "in a sentence"


def test_cette_nuit_is_the_night_just_past():
    """The one rule: for a report published on Sunday at noon, "cette nuit" is Saturday 22:00 to Sunday
    06:00, read alone or in the past or present tense; a future verb makes it the coming night."""
    published = PUBLICATIONS["sunday-noon"]
    night = (datetime(2022, 9, 10, 22, 0, tzinfo=KYIV), datetime(2022, 9, 11, 6, 0, tzinfo=KYIV))
    engine = normalise("cette nuit", published, "fr")
    assert (engine.earliest, engine.latest) == night
    for text in ("cette nuit", "La ville a été bombardée cette nuit.", "La ville panse ses plaies cette nuit."):
        assert (
            _covering(text, "cette nuit", published).earliest,
            _covering(text, "cette nuit", published).latest,
        ) == night
    coming = _covering("Il neigera cette nuit.", "cette nuit", published)
    assert coming.earliest == datetime(2022, 9, 11, 22, 0, tzinfo=KYIV)


def test_the_engine_has_no_word_table_of_its_own():
    """No month, weekday or part of the day is spelt in expressions.py's code (its docstrings may cite them):
    the engine's words are the tagger's resources."""
    source = Path(__file__).parents[2] / "tui" / "temporal" / "expressions.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    vocabulary = {*table("months"), *table("weekdays"), *table("parts_of_day")}
    vocabulary = {word for word in vocabulary if re.fullmatch(r"[a-z-]{4,}", word)}
    spelt = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            spelt |= set(re.findall(r"[a-z-]+", fold(node.value))) & vocabulary
    assert spelt == set()
    assert "unicodedata.combining" not in source.read_text(encoding="utf-8")  # the one fold is the tagger's


@pytest.mark.parametrize(
    ("cue", "hours"),
    [("vingt-quatre heures plus tard", 24), ("dix-huit heures plus tôt", 18), ("deux heures après", 2)],
)
def test_relation_cues_count_with_the_taggers_numbers(cue, hours):
    gap = gap_for(cue)
    assert (gap.lo, gap.hi) == (hours * 60 - 30, hours * 60 + 30)
