"""A rule searches a text only if the text holds what every match of its pattern holds (its *needs*, derived
from the pattern and shipped in resources/needs.json): the table is the one the patterns make, what it says
is true of every match found in real French news, skipping rules changes no reading, and a table made from
an older pattern is not used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.benchmarks.timebank import DEV, documents
from tui.temporal.relations import cue_rules, gap_for
from tui.temporal.tagging import needs, publication_on, tag
from tui.temporal.tagging.lexicon import fold
from tui.temporal.tagging.rules import Rule
from tui.temporal.tagging.tagger import RULES

ROOT = Path(__file__).resolve().parents[2]


def every_rule() -> list[Rule]:
    """The time expressions' rules, and the relations' cues (read by the same needs)."""
    return [*RULES, *cue_rules()]


def texts() -> list[str]:
    """Real French news: the bundled report, the development sets' reports, French TimeBank's dev half."""
    found = [
        (ROOT.parent / "shared/article/ttn-fr-3.txt"),
        *sorted((ROOT / "tests/benchmarks").glob("*devset/**/*.txt")),
    ]
    read = [path.read_text(encoding="utf-8") for path in found if path.is_file()]
    if DEV.is_dir():
        read += [doc.text for doc in documents()]
    return read


def holds(rule_needs: tuple[tuple[tuple[str, ...], bool], ...], text: str) -> bool:
    """Whether ``text`` holds one word (or a digit) of each part the needs name."""
    return all(
        any(word in text for word in words) or (digit and any(ch.isdigit() for ch in text))
        for words, digit in rule_needs
    )


def test_the_shipped_table_is_the_one_the_patterns_make() -> None:
    """Run ``python -m tui.temporal.tagging`` after changing a rule or its word tables."""
    assert json.loads(needs.TABLE.read_text(encoding="utf-8")) == needs.table(every_rule())


@pytest.mark.slow  # starts other interpreters
def test_the_patterns_are_the_same_in_every_process() -> None:
    """Alternations were ordered by length only, words of one length as a set iterates, which changes with
    each process's hash seed: the table's checksums would then not hold from one start to the next."""
    script = "from tui.temporal.tagging.tagger import RULES; print([r.source for r in RULES])"
    made = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(made) == 1


def test_every_rule_of_the_table_has_its_needs() -> None:
    rules = every_rule()
    assert {rule.name for rule in rules if rule.needs is not None} == set(needs.table(rules))
    assert len(needs.table(rules)) >= len(rules) - 2  # nearly every rule needs some word


def test_every_match_in_real_news_holds_what_its_rule_needs() -> None:
    """What the table says of a rule is true of each of its matches (not only of the text around it)."""
    seen = 0
    for text in texts():
        folded = fold(text)
        for rule in every_rule():
            if rule.needs is None:
                continue
            for match in rule.pattern.finditer(folded):
                seen += 1
                assert holds(rule.needs, match.group(0)), (rule.name, match.group(0))
    assert seen > 500


def test_skipping_rules_changes_no_reading() -> None:
    """Every time expression of real news is read the same with the rules' needs and without them."""
    kept = {rule.name: rule.needs for rule in RULES}
    published = publication_on(date(2022, 9, 11))
    with_needs = [tag(text, published, "fr") for text in texts()]
    try:
        for rule in RULES:
            rule.needs = None
        without = [tag(text, published, "fr") for text in texts()]
    finally:
        for rule in RULES:
            rule.needs = kept[rule.name]
    assert with_needs == without


def test_skipping_cues_changes_no_gap() -> None:
    """Every clause of real news, and every cue the relations' table names, gives the same gap with the cues'
    needs and without them."""
    import re

    from tui.temporal import relations

    documented = re.findall(r"^(\S.*?)\s{2,}\S", relations.__doc__ or "", re.MULTILINE)
    clauses = [piece for text in texts() for piece in re.split(r"[,;:.!?\n]", text) if piece.strip()]
    cues = [*documented, *(part for line in documented for part in line.split(" · ")), *clauses]
    read = gap_for.__wrapped__  # type: ignore[attr-defined]
    with_needs = [read(cue) for cue in cues]
    rules = cue_rules()
    kept = [rule.needs for rule in rules]
    try:
        for rule in rules:
            rule.needs = None
        without = [read(cue) for cue in cues]
    finally:
        for rule, found in zip(rules, kept, strict=True):
            rule.needs = found
    assert with_needs == without
    assert sum(gap.metric for gap in with_needs) >= 50  # the clauses name many measured gaps


def test_a_text_without_the_words_is_not_searched() -> None:
    rule = next(rule for rule in RULES if rule.name == "named-time")
    assert rule.needs == ((("midi", "midnight", "minuit", "noon"), False),)
    assert not rule.may_match("samedi soir")
    assert rule.may_match("vers midi")


def test_a_table_made_from_another_pattern_is_not_used(tmp_path: Path, monkeypatch) -> None:
    """A rule whose word tables were edited since the table was made searches every text until it is made
    again: its needs could leave out a word it now matches."""
    rule = Rule("named-time", r"(?<![\w-])(?:midi|minuit|noon|midnight|mi-nuit)(?![\w])", lambda m, c: None)
    shipped = json.loads(needs.TABLE.read_text(encoding="utf-8"))
    monkeypatch.setattr(needs, "TABLE", tmp_path / "needs.json")
    needs.TABLE.write_text(json.dumps(shipped), encoding="utf-8")
    needs.attach([rule])
    assert rule.needs is None and rule.may_match("samedi soir")
    shipped["named-time"]["checksum"] = needs.checksum(rule.source)
    needs.TABLE.write_text(json.dumps(shipped), encoding="utf-8")
    needs.attach([rule])
    assert rule.needs is not None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"midi|minuit", (("midi", "minuit"), False)),  # the parse shares the first letters: joined again
        (r"(?:heures?|hours?)", (("heure", "hour"), False)),  # "h" then "eure" or "our", then an optional "s"
        (r"(?:le|la)\s+(?:soir|nuit)", (("nuit", "soir"), False)),  # "\s" is no letter: joined no further
        (r"(?<![\w-])mi(?:di|nuit)(?![\w])", (("midi", "minuit"), False)),  # a look behind or ahead matches nothing
        (r"(?:ab|cd)x(?:ef|gh)", (("abxef", "abxgh", "cdxef", "cdxgh"), False)),  # every way through, joined
        (r"[a-h]{3}z", (("z",), False)),  # a range of letters needs nothing, so joins nothing
        (r"soir|nuit", (("nuit", "soir"), False)),
        (r"(?:le\s+)?lendemain", (("lendemain",), False)),  # the optional part needs nothing
        (r"(?:vers\s+)?\d+\s*h", (("h",), False)),  # a word rather than a digit: more selective
        (r"(?:vers\s+)?\d+", ((), True)),
        (r"[0-2]\d:[0-5]\d", ((":",), False)),  # the most selective of what is needed
        (r"(?:le|la)?\s*", None),  # nothing needed
        (r"(?:soir|\w+)", None),  # an alternative that needs no literal
        (r"(?:soir|\w+ant)", (("ant", "soir"), False)),
        (r"[a-z]+\s+h", (("h",), False)),  # a class of letters needs nothing; the literal after does
        (r"[^0-9]x", (("x",), False)),  # a negated class needs nothing
        (r"(?i)midi", None),  # any case: a literal may match another case
        (r"(?:a(?i:b))", (("a",), False)),  # the part in any case needs nothing
        (r"(?:jour){2,}", (("jour",), False)),  # repeated at least once
        (r"(?:jour)*nuit", (("nuit",), False)),
        (r"(?>soir)", (("soir",), False)),  # an atomic group is needed as a group is
        (r"a(?i:bcd)", (("a",), False)),  # the longer part is in any case: it needs nothing
        (r"[0-9]", ((), True)),  # a range of digits from 0: a digit
        (r"[+-9]", None),  # a range from before 0 (+ , - . /) to 9: not only digits
        (r"[0-F]", None),  # a range from 0 past 9 (: ; < = > ? @ A-F): not only digits
    ],
)
def test_what_a_pattern_needs(pattern: str, expected) -> None:
    assert needs.derive(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected", "matched"),
    [
        # A part whose matches are not all known stops the joining: "moxis" holds no "mois".
        (r"(mo\w)is", (("mo",), False), "moxis"),
        (r"(ab|c\w)d", (("d",), False), "cxd"),  # one alternative not known whole: nothing joined after it
        (r"x(ab)+c", (("xab",), False), "xababc"),  # a repeat's first time is joined, not what follows it
        (r"x(ab){2}c", (("xab",), False), "xababc"),
        (r"x(ab){1}c", (("xabc",), False), "xabc"),  # once exactly: as if not repeated
        (r"mi(?=d|n)(?:di|nuit)", (("midi", "minuit"), False), "minuit"),  # a look ahead matches nothing
        (r"soir(?:ee|)", (("soir",), False), "soir"),  # of two choices as selective, the one of fewer words
        ("(" + "[ab]" * 7 + ")z", None, "abababaz"),  # see below: 64 words of the group's first six letters
    ],
)
def test_what_a_pattern_needs_is_joined_only_where_every_match_goes_on(pattern, expected, matched) -> None:
    import re

    found = needs.derive(pattern)
    assert re.fullmatch(pattern, matched) and holds(needs.derive_all(pattern), matched)
    if expected is not None:
        assert found == expected
    else:
        assert len(found[0]) == 64 and {len(word) for word in found[0]} == {6}


def test_a_choice_is_joined_from_at_most_64_words() -> None:
    """Eight parts of two letters each make 256 ways through: joined as far as 64 (six parts), no further."""
    words, digit = needs.derive("[ab]" * 8)
    assert len(words) == 64 and {len(word) for word in words} == {6} and not digit


PIECES = st.sampled_from(
    ["midi", "12", "h", " ", "le", "la", "soir", "3", "x", ":", "ant", "nuit", "jour", "a", "b", "deux", "plus", "tot"]
)
PATTERNS = [
    r"(?:vers\s+)?\d+\s*h",
    r"[0-2]\d:[0-5]\d",
    r"(?:le|la)?\s*soir",
    r"(?:jour)*nuit",
    r"(?:midi|(?:12|3)\s*h)",
    r"a(?:b|x)+",
    r"(?:midi|minuit)\s*h",
    r"(?:le|la)\s+(?:soir|nuit)",
    r"(?:la|le)(?:jour|nuit)a?",
    r"(a|b\w)x",
    r"x(ab){2}x",
    r"x(ab)+x",
    r"(?:deux|\d+)\s+jours?\s+(?:plus\s+tot|avant)",  # three parts, each needed: a number, a unit, a direction
    r"(?:le|la)\s+nuit\s*(?:x|ant)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12), st.sampled_from(PATTERNS))
def test_a_text_a_pattern_matches_holds_what_it_needs(pieces: list[str], pattern: str) -> None:
    import re

    text = "".join(pieces)
    found = needs.derive_all(pattern)
    assert found and found[0] == needs.derive(pattern)
    if re.search(pattern, text):
        assert holds(found, text)


def test_a_pattern_of_several_needed_parts_needs_one_word_of_each() -> None:
    """A number, a unit, a direction: "plus tôt" alone holds the direction only, and is not searched."""
    pattern = r"(?<![\w-])(?:deux|trois|\d+)\s+(?:jours?|days?)\s+(?:plus\s+tot|avant|earlier)(?![\w])"
    found = needs.derive_all(pattern)
    assert found == (
        (("avant", "earlier", "plus"), False),  # the most selective first: by its shortest word
        (("day", "jour"), False),
        (("deux", "trois"), True),  # a digit counts as no letter, but is worth a look
    )
    rule = rule_of("n-days", pattern)
    rule.needs = found
    assert not rule.may_match("plus tot") and not rule.may_match("deux semaines plus tot")
    assert rule.may_match("deux jours plus tot")


def test_a_part_of_one_letter_is_not_worth_a_look() -> None:
    """Every text holds an "a": only the most selective part may be made of such words."""
    assert needs.derive_all(r"(?:a|b)\s+nuit") == ((("nuit",), False),)


def rule_of(name: str, source: str) -> Rule:
    return Rule(name, source, lambda m, c: None)


def shipping(tmp_path: Path, monkeypatch, entries: dict[str, dict[str, object]] | None) -> None:
    """The shipped table in ``tmp_path`` (with ``entries``, or none at all), not the one of the tagger."""
    monkeypatch.setattr(needs, "TABLE", tmp_path / "needs.json")
    if entries is not None:
        needs.TABLE.write_text(json.dumps(entries), encoding="utf-8")


def test_a_rule_the_table_says_needs_a_digit_skips_only_a_text_without_one(tmp_path: Path, monkeypatch) -> None:
    """Fresh rules: the tagger's own were given their needs as it was imported."""
    year = rule_of("year", r"(?<![\w-])\d{4}(?![\w])")
    entry = {"checksum": needs.checksum(year.source), "words": [], "digit": True}
    shipping(tmp_path, monkeypatch, {"year": entry})
    needs.attach([year])
    assert year.needs == (((), True),)
    assert year.may_match("en 2022") and not year.may_match("samedi soir")


def test_without_a_shipped_table_every_rule_searches_every_text(tmp_path: Path, monkeypatch) -> None:
    shipping(tmp_path, monkeypatch, None)
    rule = rule_of("named-time", r"(?:midi|minuit)")
    needs.attach([rule])
    assert rule.needs is None and rule.may_match("samedi soir")


def test_the_table_is_written_a_rule_a_line_in_the_order_of_names(tmp_path: Path, monkeypatch) -> None:
    """``python -m tui.temporal.tagging`` writes what each rule needs, words as they are (not escaped); a rule
    that needs nothing is left out, and the count said is of the rules written."""
    shipping(tmp_path, monkeypatch, None)
    rules = [rule_of("season", r"été|nuit"), rule_of("any", r"\w+"), rule_of("number", r"\d+")]
    assert needs.write(rules) == 2
    season, number = (needs.checksum(rule.source) for rule in (rules[0], rules[2]))
    assert needs.TABLE.read_text(encoding="utf-8") == (
        "{\n"
        f'"number": {{"checksum": {number}, "words": [], "digit": true}},\n'
        f'"season": {{"checksum": {season}, "words": ["nuit", "été"], "digit": false}}\n'
        "}\n"
    )
    fresh = [rule_of(rule.name, rule.source) for rule in rules]
    needs.attach(fresh)
    assert [rule.needs for rule in fresh] == [((("nuit", "été"), False),), None, (((), True),)]


def test_the_shipped_table_gives_a_rule_every_part_it_needs() -> None:
    """The cue of "N ans plus tôt" needs a direction and a unit: read from the shipped table, "plus tôt" alone
    is not searched with it, and neither is "des semaines plus tôt"."""
    rule = next(rule for rule in cue_rules() if rule.name == "cue-n-years")
    assert rule.needs is not None and len(rule.needs) >= 2
    assert rule.may_match(fold("deux ans plus tôt")) and rule.may_match(fold("3 années après"))
    assert not rule.may_match(fold("plus tôt")) and not rule.may_match(fold("des semaines plus tôt"))
