"""The tagger's French rules as data: word tables in tui/temporal/tagging/resources/<language>/<kind>.txt,
read on first use, shipped in the wheel, and the Python API they feed unchanged."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.temporal.tagging import lexicon, tables


def test_the_tables_feed_the_lexicon_as_before():
    assert lexicon.MONTHS["aout"] == 8 and lexicon.MONTHS["sept."] == 9 and lexicon.MONTHS["december"] == 12
    assert lexicon.WEEKDAYS["dimanche"] == 6 and lexicon.PARTS["apres-midi"] == "AF"
    assert lexicon.SEASONS["hiver"] == "WI" and lexicon.UNITS["annees"] == "Y"
    assert lexicon.ORDINALS["1er"] == 1 and lexicon.ORDINALS["derniere"] == -1
    assert lexicon.number("quatre-vingt-dix-neuf") == 99 and lexicon.number("mille neuf cent") == 1900


@pytest.mark.parametrize("path", sorted(tables.RESOURCES.glob("*/*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_table_reads(path):
    assert tables.entries(path.parent.name, path.stem)


def test_a_bad_entry_is_refused(tmp_path, monkeypatch):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "bad.txt").write_text("# comment\nJanvier\t1\n", encoding="utf-8")
    monkeypatch.setattr(tables, "RESOURCES", tmp_path)
    with pytest.raises(ValueError, match="line 2"):
        tables.entries("fr", "bad")
    tables.entries.cache_clear()


@pytest.mark.slow  # in a fresh interpreter
def test_importing_tui_temporal_reads_no_table():
    code = "import sys, tui, tui.temporal; print('tui.temporal.tagging.tables' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


@pytest.fixture
def resources(tmp_path, monkeypatch):
    """Tables of a kind no resource has, in French and English: read from ``tmp_path``, the kept ones left."""
    for language, text in (("fr", "# mois\nmars\t3\n\n  avril \t 4  # comment\n"), ("en", "march\t3\nmay\t5\n")):
        (tmp_path / language).mkdir()
        (tmp_path / language / "test_months.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(tables, "RESOURCES", tmp_path)
    tables.entries.cache_clear()
    yield tmp_path
    tables.entries.cache_clear()


def test_a_table_merges_its_languages_the_first_first(resources):
    assert tables.entries("fr", "test_months") == (("mars", "3"), ("avril", "4"))
    assert tables.table("test_months", int) == {"mars": 3, "avril": 4, "march": 3, "may": 5}
    assert tables.table("test_months", int, ("en", "de")) == {"march": 3, "may": 5}  # no German table: none read


def test_the_words_of_a_table_in_the_languages_asked(resources):
    """The joining words of compounds.py are read so, one language at a time."""
    assert tables.words("test_months") == ("mars", "avril", "march", "may")
    assert tables.words("test_months", ("en",)) == ("march", "may")
    assert tables.words("test_months", ("fr",)) == ("mars", "avril")
