"""The app on a corpus (issue 21): the story's events with the viewer's looks and keys, the reports that tell each,
filters by outlet, report and actor, and the article of the report an event came from — under Pilot, as SVG
snapshots (120×35 and 80×24) and in a real terminal under tmux.

The corpus: three events files in a DuckDB store (``corpus add``'s own path, without the matching): the bundled
report (Le Monde), a copy published three days later (Libération: its times relative to the publication cannot
hold with Le Monde's), and a small report of two events (AFP). The stories are given by hand — each bundled
event with its copy — so that what is shown does not depend on how the matching scores.

Update the snapshots after an intended change with:
python -m pytest tests/app/test_corpus_app.py --snapshot-update -n 0
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from tui.app.corpus import CorpusApp
from tui.app.screens.article import ArticleScreen
from tui.app.widgets.story import StoryList, TellersPane
from tui.corpus.ingest import add_reports
from tui.corpus.records import Entry
from tui.corpus.store import Store
from tui.corpus.story import Story, build_story
from tui.corpus.view import CorpusFilters, StoryView

from ..conftest import EVENTS_JSON, small_report_data
from .exporting import messages, replaced_only_on_yes

SIZE, SMALL = (120, 35), (80, 24)
ALL = "29 of 29 story events · filter: none"


def write_reports(folder: Path) -> list[Entry]:
    folder.mkdir(parents=True, exist_ok=True)
    bundled = folder / "ttn-fr-3.json"
    bundled.write_bytes(EVENTS_JSON.read_bytes())
    later = json.loads(EVENTS_JSON.read_text(encoding="utf-8"))
    published = later["document"]["published"]
    for bound in ("earliest", "estimate", "latest"):
        published[bound] = (datetime.fromisoformat(published[bound]) + timedelta(days=3)).isoformat()
    later["document"]["id"] = "liberation"
    copy = folder / "liberation.json"
    copy.write_text(json.dumps(later, ensure_ascii=False), encoding="utf-8")
    small = folder / "afp.json"
    small.write_text(json.dumps(small_report_data(), ensure_ascii=False), encoding="utf-8")
    return [
        Entry(str(bundled), outlet="Le Monde"),
        Entry(str(copy), outlet="Libération"),
        Entry(str(small), outlet="AFP"),
    ]


def make_store(folder: Path) -> Path:
    """The corpus's store, each bundled event one story with its copy."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.duckdb"
    with Store(path) as store:
        outcome = add_reports(store, write_reports(folder), jobs=1, match=False)
        assert outcome.stored == 3, outcome
        keys = {row.name: row.key for row in store.reports()}
        bundled, copy = keys["ttn-fr-3.json"], keys["liberation.json"]
        ids = [record.id for record in store.events(report=bundled)]
        store.set_stories({(report, event): number for number, event in enumerate(ids) for report in (bundled, copy)})
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Story, dict[str, str], dict[str, str]]:
    """The story, each report's events file by key, and each report's key by file name."""
    path = make_store(tmp_path_factory.mktemp("corpus"))
    with Store(path, read_only=True) as store:
        reports = store.reports()
        story = build_story(store.events(), store.stories(), reports)
        files = {row.key: store.events_json(row.key) for row in reports}
    return story, files, {row.name: row.key for row in reports}


@pytest.fixture
def app(corpus) -> CorpusApp:
    story, files, _ = corpus
    return CorpusApp(story, events_json=files.__getitem__, title="corpus.duckdb", keymap={})


@pytest.fixture(autouse=True)
def _fixed_keymap_path(monkeypatch):
    """The help names the keymap file: the same path on every machine, and no such file."""
    monkeypatch.setenv("NEWSLINE_KEYMAP", "/nonexistent/newsline/keymap.toml")


def status(app) -> str:
    return str(app.query_one("#status").render())


def selected(app):
    story = app.query_one("#timeline", StoryList)
    return app.view.timeline[story.selected_id] if story.selected_id else None


def pane_text(app, pane: str) -> str:
    return " ".join(" ".join(line.split()) for line in app.query_one(f"#{pane}").text.splitlines()).strip()


# -- the view, without the app --------------------------------------------------------------------------


def test_the_view_filters_by_outlet_report_and_actor(corpus):
    story, _, keys = corpus
    view = StoryView(story)
    assert len(view.rows) == 29 and [outlet for outlet, _ in view.outlet_counts()] == ["Le Monde", "Libération", "AFP"]
    assert [info.name for info in view.reports.values()] == ["afp.json", "ttn-fr-3.json", "liberation.json"]
    assert len(view.apply(CorpusFilters(outlets=frozenset({"AFP"})))) == 2
    assert view.status() == "2 of 29 story events · filter: outlet AFP"
    assert len(view.apply(CorpusFilters(reports=frozenset({keys["liberation.json"]})))) == 27
    assert view.describe_filters() == "report liberation.json"
    both = view.apply(CorpusFilters(outlets=frozenset({"AFP", "Le Monde"}), actors=frozenset({"Alice"})))
    assert [row.summary for row in both] == ["Alice speaks"]
    assert [row.summary for row in view.apply(CorpusFilters(text="koupyansk"))] == [
        row.summary for row in story.events if "Koupyansk" in row.first.text
    ]
    assert view.apply(CorpusFilters(outlets=frozenset({"Le Monde"}), reports=frozenset({keys["afp.json"]}))) == []


def test_where_reports_disagree_the_view_names_them(corpus):
    story, _, _ = corpus
    view = StoryView(story)
    disagree = [row for row in view.rows if row.disagreeing]
    assert disagree and all(len(row.tellers) == 2 for row in disagree)
    assert {teller.outlet for teller in view.disagreeing(disagree[0])} == {"Le Monde", "Libération"}
    assert view.find(disagree[0].tellers[1].report, disagree[0].tellers[1].event.id) is disagree[0]


# -- Pilot ----------------------------------------------------------------------------------------------


async def test_opens_on_the_story_with_every_report_of_the_first_event(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert status(app) == ALL
        first = selected(app)
        assert first is app.view.rows[0]
        assert "Told by 2 reports: Le Monde, Libération" in pane_text(app, "story-event")
        tellers = pane_text(app, "tellers")
        assert "Le Monde · ttn-fr-3.json" in tellers and "Libération · liberation.json" in tellers
        assert "published Sun 11 Sep 12:00" in tellers and "published Wed 14 Sep 12:00" in tellers
        assert "Chain Ukrainian high command announcement → The report's own voice" in tellers


async def test_moves_with_the_viewers_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = app.view.rows
        await pilot.press("j", "down")
        assert selected(app) is rows[2]
        await pilot.press("k")
        assert selected(app) is rows[1]
        await pilot.press("G")
        assert selected(app) is rows[-1]
        assert rows[-1].summary in pane_text(app, "story-event")
        await pilot.press("g")
        assert selected(app) is rows[0]
        await pilot.press("pagedown")
        assert app.query_one("#timeline", StoryList).cursor > 10
        await pilot.press("g", "right_square_bracket")  # the next event of the first's first actor
        actor = rows[0].actors[0]
        following = next(row for row in rows[1:] if actor in row.actors)
        assert selected(app) is following
        await pilot.press("left_square_bracket")
        assert selected(app) is rows[0]


async def test_a_disagreement_is_marked_and_said(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        index = next(i for i, row in enumerate(app.view.rows) if row.disagreeing)
        story = app.query_one("#timeline", StoryList)
        story.cursor = index
        await pilot.pause()
        y = index - story.scroll_offset.y
        assert story.render_line(y).text.startswith("! ≈ ")
        assert story.render_line(0).text.startswith("  ≈ ")  # the first event: its reports agree
        said = pane_text(app, "story-event")
        assert "These reports disagree: their times cannot all hold: Le Monde · ttn-fr-3.json; Libération" in said
        assert "its time cannot hold with the other reports'" in pane_text(app, "tellers")


async def test_figures_the_reports_give_differently_are_marked_and_said():
    """8 dead in one report, at least 10 in another: "≠" on the row, who gave which in the event pane."""
    from ..corpus.test_figures_shown import story

    told = story()
    app = CorpusApp(told, events_json=lambda key: "", title="corpus.duckdb", keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        list_ = app.query_one("#timeline", StoryList)
        index = next(i for i, row in enumerate(app.view.rows) if row.conflicts)
        list_.cursor = index
        await pilot.pause()
        assert list_.render_line(index - list_.scroll_offset.y).text.startswith("≠ ")
        said = pane_text(app, "story-event")
        assert "≠ The reports give different figures (1):" in said
        assert "8 (Benin Web TV · a.txt: “8 personnes”) ≠ at least 10 (" in said
        assert "[red]" in said  # the hostile outlet's name kept as text, not read as markup


async def test_filters_by_outlet_then_by_report_and_escape_clears(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        outlets = app.screen.query_one("#outlets", SelectionList)
        assert outlets.has_focus
        await pilot.press("down", "down", "space", "enter")  # AFP, third by events told
        await pilot.pause()
        assert status(app) == "2 of 29 story events · filter: outlet AFP"
        assert [row.summary for row in app.view.rows] == ["Alice speaks", "Bob says no"]
        assert "AFP · afp.json" in pane_text(app, "tellers")
        await pilot.press("escape")
        await pilot.pause()
        assert status(app) == ALL

        await pilot.press("a")
        await pilot.pause()
        await pilot.press("tab")  # on to the reports: afp, ttn-fr-3, liberation (by publication)
        assert app.screen.query_one("#reports", SelectionList).has_focus
        await pilot.press("down", "down", "space", "enter")
        await pilot.pause()
        assert status(app) == "27 of 29 story events · filter: report liberation.json"
        assert all("Libération" in row.outlets for row in app.view.rows)


async def test_search_filters_as_you_type(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"bob")
        await pilot.pause()
        assert status(app) == "1 of 29 story events · filter: “bob”"
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert status(app) == ALL


async def test_the_article_opens_the_report_of_the_chosen_teller_and_escape_returns(app, corpus):
    _, _, keys = corpus
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        event = selected(app)
        await pilot.press("r")  # the first report (earliest published): Le Monde's
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.teller.report == keys["ttn-fr-3.json"]
        assert article.event.id == event.tellers[0].event.id
        assert str(article.query_one("#article-header").render()).startswith("Le Monde · ttn-fr-3.json · published")
        assert article.view.report.document.id == "ttn-fr-3"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen) and selected(app) is event

        await pilot.press("enter")  # to the reports that tell it; down to Libération's
        assert app.query_one("#tellers", TellersPane).has_focus
        await pilot.press("j")
        await pilot.pause()
        assert app.query_one("#tellers", TellersPane).current_teller.outlet == "Libération"
        await pilot.press("r")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen) and article.teller.report == keys["liberation.json"]
        assert article.view.report.document.id == "liberation"
        assert str(article.query_one("#article-header").render()).startswith("Libération · liberation.json")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#tellers").has_focus


async def test_an_event_of_the_articles_sentence_leads_back_to_its_story_event(app):
    """In the article, enter on a sentence opens its event: the story event it is part of is selected, the
    search that hid it cleared."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"reconquered 1,000", "enter")
        await pilot.pause()
        assert status(app).startswith("1 of 29 story events")
        shown = selected(app)
        await pilot.press("r")
        await pilot.pause()
        article = app.screen
        assert isinstance(article, ArticleScreen)
        index = next(
            i for i in range(len(article.sentences))
            if len(found := article.events_of_sentence(i)) == 1 and found[0].id != article.event.id
        )  # fmt: skip
        other = article.events_of_sentence(index)[0].id
        article.move_cursor(index)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
        now = selected(app)
        assert now is not shown and other in {teller.event.id for teller in now.tellers}
        assert status(app) == ALL


async def test_the_help_lists_the_corpus_keys_and_marks(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        sections = [title for title, _ in app.screen.sections]
        assert sections[:3] == ["Everywhere", "Story", "Reports that tell it, once focused (enter, tab)"]
        keys = {row[2] for _, rows in app.screen.sections for row in rows}
        assert {"filter-actors", "show-article", "corpus-teller-next", "filters-apply", "article-close"} <= keys
        assert {"export", "export-csv", "export-markdown", "export-json", "export-replace"} <= keys
        assert "export-timelinejs" not in keys  # the viewer's format, not the corpus's
        everywhere = dict(app.screen.sections)["Everywhere"]
        assert ("e", "Export", "export") in everywhere
        assert "Marks on the story" in [title for title, _ in app.screen.notes]


# -- the export key -------------------------------------------------------------------------------------


async def test_e_exports_the_story_events_the_filters_show_in_the_corpus_formats(app, tmp_path, monkeypatch):
    """Filtered by outlet (the picker) and by search text, e then s, m, j: the story events shown, as ``corpus
    export`` writes them, each file saying what it holds; named after the store; the app says where."""
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "down", "space", "enter")  # AFP
        await pilot.press("slash", *"bob", "enter")
        await pilot.pause()
        shown = "1 of 29 story events · filter: outlet AFP · “bob”"
        assert status(app) == shown
        (bob,) = app.view.rows
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "StoryExportScreen"
        assert f"{shown}, into {tmp_path}" in " ".join(str(app.screen.query_one("Static").render()).split())
        await pilot.press("s")
        await pilot.pause()
        target = tmp_path / "corpus-stories.csv"
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
        assert [(row["story"], row["summary"], row["outlets"], row["shown"]) for row in rows] == [
            (bob.id, "Bob says no", "AFP", shown)
        ]
        assert messages(app)[-1] == f"Exported 1 story event as csv to {target}"
        await pilot.press("e", "m")
        await pilot.pause()
        markdown = (tmp_path / "corpus-stories.md").read_text(encoding="utf-8")
        assert markdown.splitlines()[2] == f"{shown}, in time order."
        assert [line for line in markdown.splitlines() if line.startswith("## ")] == [f"## {bob.label()} — Bob says no"]
        await pilot.press("e", "j")
        await pilot.pause()
        lines = (tmp_path / "corpus-stories.jsonl").read_text(encoding="utf-8").splitlines()
        assert [(record["id"], record["shown"]) for record in map(json.loads, lines)] == [(bob.id, shown)]
        assert messages(app)[-1] == f"Exported 1 story event as json to {tmp_path / 'corpus-stories.jsonl'}"
        assert sorted(path.name for path in tmp_path.iterdir()) == [
            "corpus-stories.csv", "corpus-stories.jsonl", "corpus-stories.md"
        ]  # fmt: skip

        await pilot.press("escape", "e", "escape")  # every filter cleared; then the export cancelled
        await pilot.pause()
        assert status(app) == ALL and type(app.screen).__name__ != "StoryExportScreen"
        assert len(list(tmp_path.iterdir())) == 3


async def test_the_corpus_export_names_the_report_and_actor_filters_escaped(app, tmp_path, monkeypatch, corpus):
    """The filter the file names is data (a search text of the user's, names from the reports): escaped for each
    format as the rest of the file is."""
    _, _, keys = corpus
    monkeypatch.chdir(tmp_path)
    hostile = "=1+2 <b>x</b> *y* [red]\x1b]0;t\x07"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.apply_filters(CorpusFilters(reports=frozenset({keys["afp.json"]}), actors=frozenset({"Alice"})))
        await pilot.press("slash")
        app.query_one("#search").value = hostile
        await pilot.press("enter")  # back to the story
        await pilot.pause()
        assert status(app).startswith("0 of 29 story events · filter: report afp.json · actor Alice · “=1+2 <b>")
        for key in "smj":
            await pilot.press("e", key)
            await pilot.pause()
    markdown = (tmp_path / "corpus-stories.md").read_text(encoding="utf-8")
    said = markdown.splitlines()[2]
    assert said.startswith("0 of 29 story events · filter: report afp.json · actor Alice · “=1+2 \\<b\\>x\\</b\\>")
    assert "\\*y\\* \\[red\\]" in said  # no emphasis, no link: what the user typed, as typed
    (header,) = list(csv.reader(io.StringIO((tmp_path / "corpus-stories.csv").read_text(encoding="utf-8"))))
    assert header[-1] == "shown"
    assert (tmp_path / "corpus-stories.jsonl").read_text(encoding="utf-8") == ""  # no story event: no line

    from tui.corpus.output import write_csv, write_json_lines
    from tui.corpus.story import Story

    story = Story(list(app.view.timeline.events[:1]))
    out = io.StringIO()
    write_csv(story, out, shown=hostile)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["shown"] == "'" + hostile  # no formula
    out = io.StringIO()
    write_json_lines(story, out, shown=hostile)
    assert "\x1b" not in out.getvalue() and json.loads(out.getvalue())["shown"] == hostile


async def test_the_corpus_export_replaces_a_file_only_on_the_users_yes(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "corpus-stories.csv"
    existing.write_text("theirs", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await replaced_only_on_yes(pilot, existing, "story,summary,")


async def test_the_corpus_export_never_writes_over_the_store(corpus, tmp_path, monkeypatch):
    """Where the export's name leads to the store (a link), the export goes under the next free name, unasked."""
    story, files, _ = corpus
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "news.duckdb"
    store.write_bytes(b"the store")
    (tmp_path / "news-stories.csv").symlink_to(store.name)
    app = CorpusApp(story, events_json=files.__getitem__, store=store, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"Corpus {store}" in str(app.query_one("#header").render())
        await pilot.press("e", "s")
        await pilot.pause()
        assert type(app.screen).__name__ != "ReplaceScreen"
        assert store.read_bytes() == b"the store"
        written = tmp_path / "news-stories-2.csv"
        assert written.read_text(encoding="utf-8").startswith("story,summary,")
        assert messages(app)[-1] == f"Exported 29 story events as csv to {written}"


async def test_one_keymap_moves_the_corpus_export_keys(corpus, tmp_path):
    """The corpus's JSON key has an id the shared check knows, and is checked where it works (the picker)."""
    from tui.app.bindings import keymap_places
    from tui.app.keymap import KeymapError, load_keymap

    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keymap]\nexport-json = "l"\n', encoding="utf-8")
    assert load_keymap(keymap, places=keymap_places) == {"export-json": "l"}
    keymap.write_text('[keymap]\nexport-json = "s"\n', encoding="utf-8")
    with pytest.raises(KeymapError, match='"s" is also the key of export-csv'):
        load_keymap(keymap, places=keymap_places)

    story, files, _ = corpus
    app = CorpusApp(story, events_json=files.__getitem__, title="corpus.duckdb", keymap={"export-json": "l"})
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "l")
        await pilot.pause()
    assert len((tmp_path / "corpus-stories.jsonl").read_text(encoding="utf-8").splitlines()) == 29


# -- snapshots ------------------------------------------------------------------------------------------


def steady(app) -> None:
    for search in app.query("#search"):
        search.cursor_blink = False


class TestSnapshots:
    def test_story(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: steady(pilot.app))

    def test_story_80x24(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SMALL, run_before=lambda pilot: steady(pilot.app))

    def test_disagreeing_reports(self, app, snap_compare):
        """An event whose reports disagree, the reports pane focused on the second report."""

        async def select(pilot):
            index = next(i for i, row in enumerate(pilot.app.view.rows) if row.disagreeing)
            pilot.app.query_one("#timeline", StoryList).cursor = index
            await pilot.press("enter", "j")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=select)

    def test_filter_picker(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["a"])

    def test_filter_picker_80x24(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SMALL, press=["a"])

    def test_filtered_by_outlet_80x24(self, app, snap_compare):
        async def afp(pilot):
            pilot.app.apply_filters(CorpusFilters(outlets=frozenset({"AFP"})))
            await pilot.pause()

        assert snap_compare(app, terminal_size=SMALL, run_before=afp)

    def test_article_of_a_report(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["r"])

    def test_export_picker(self, app, snap_compare):
        app.export_folder = Path("/home/reader/stories")  # shown only: taken before a format is chosen
        assert snap_compare(app, terminal_size=SIZE, press=["e"])


# -- a real terminal ------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_newsline_corpus_opens_in_a_real_terminal_and_quits(tmp_path: Path):
    from ..commands.test_terminal import NEWSLINE, TMUX, wait_for
    from ..commands.test_terminal_screen import SizedTerminal

    if TMUX is None:
        pytest.skip("tmux is not installed")
    if not NEWSLINE.exists():
        pytest.skip(f"the newsline console script is not installed next to the interpreter: {NEWSLINE}")
    store = make_store(tmp_path / "corpus")
    terminal = SizedTerminal(f"newsline-test-{uuid.uuid4().hex[:12]}", SIZE)
    try:
        terminal.start(
            [str(NEWSLINE), "corpus", "--store", str(store)], env={"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")}
        )
        screen = terminal.wait_for_text(ALL, timeout=30)
        assert f"Corpus {store}" in screen.splitlines()[0]
        assert "Alice speaks" in screen and "! ≈ " in screen and "≈ 1–8 Sep" in screen
        assert "Le Monde · ttn-fr-3.json" in screen and "Libération · liberation.json" in screen
        assert "a Filter" in screen.splitlines()[-1] and "r Article" in screen.splitlines()[-1]
        terminal.keys("r")
        terminal.wait_for_text("Le Monde · ttn-fr-3.json · published")
        terminal.keys("Escape")
        terminal.wait_for_text(ALL)
        terminal.keys("q")
        wait_for("newsline corpus to quit", lambda: not terminal.alive(), 10, lambda: terminal.screen)
    finally:
        terminal.kill()


async def test_a_report_that_cannot_be_read_is_said_not_opened(corpus):
    story, _, _ = corpus

    def broken(key: str) -> str:
        return '{"format": "newsline/1", "document": "\x1b]0;pwned\x07"}'

    app = CorpusApp(story, events_json=broken, title="corpus.duckdb", keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
        (notice,) = list(app._notifications)
        assert notice.message.startswith("Cannot open ttn-fr-3.json:") and "\x1b" not in notice.message


async def test_one_keymap_moves_the_corpus_keys_and_is_checked_against_both_apps(corpus, tmp_path):
    """A keymap naming the corpus's own ids is accepted by the check both apps share (the viewer refused
    them as unknown), a typo there is refused with a suggestion, and the moved key works in the corpus."""
    from tui.app.bindings import keymap_places
    from tui.app.keymap import KeymapError, load_keymap

    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keymap]\ncorpus-teller-next = "n"\n', encoding="utf-8")
    assert load_keymap(keymap, places=keymap_places) == {"corpus-teller-next": "n"}
    keymap.write_text('[keymap]\ncorpus-teller-nxt = "n"\n', encoding="utf-8")
    with pytest.raises(KeymapError, match='did you mean "corpus-teller-next"'):
        load_keymap(keymap, places=keymap_places)

    story, files, _ = corpus
    app = CorpusApp(story, events_json=files.__getitem__, title="corpus.duckdb", keymap={"corpus-teller-next": "n"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "n")
        await pilot.pause()
        assert app.query_one("#tellers", TellersPane).current_teller.outlet == "Libération"
