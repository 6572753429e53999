"""Markdown export, rendered with markdown-it-py (CommonMark) and with cmark-gfm, GitHub's own renderer
with its extensions (autolinks, tables, strikethrough), and checked as a reader sees it."""

from __future__ import annotations

from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from tui.export import export
from tui.export.markdown import text
from tui.model import load_report
from tui.temporal import resolve

from .conftest import HOSTILE_SUMMARY
from .markup import MARKDOWN, SCRIPTS, SHOWN, markup_report_data

WORD_JOINER = "\u2060"  # invisible: what keeps GFM from linking an e-mail address (see tui/export/markdown.py)


def _tree(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").parse(markdown))


def _text(node: SyntaxTreeNode) -> str:
    """The text a reader sees in a node: its text, soft breaks as spaces."""
    if node.type == "text":
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    if node.type == "code_inline":
        return node.content
    separator = " " if node.type in ("root", "blockquote", "bullet_list", "list_item") else ""
    return separator.join(_text(child) for child in node.children)


def _headings(tree: SyntaxTreeNode, level: int) -> list[str]:
    return [_text(node) for node in tree.walk() if node.type == "heading" and node.tag == f"h{level}"]


def test_structure_headline_days_events_claims_caveats(bundled_timeline):
    tree = _tree(export(bundled_timeline, "markdown"))
    report = bundled_timeline.report
    assert _headings(tree, 1) == [report.document.headline.text]
    events = _headings(tree, 3)
    assert sorted(events) == sorted(event.summary for event in report.events)  # every event, once
    days = _headings(tree, 2)
    assert days[-2:] == ["Claims", "The report's own caveats"]
    assert "Thu 8 Sep 2022" in days and "Sat 10 Sep 2022" in days
    assert days.index("Thu 8 Sep 2022") < days.index("Sat 10 Sep 2022")  # earliest day first


def test_each_event_sits_under_its_likely_day(bundled_timeline):
    tree = _tree(export(bundled_timeline, "markdown"))
    day = None
    under: dict[str, str] = {}
    for node in tree.children:
        if node.type == "heading" and node.tag == "h2":
            day = _text(node)
        elif node.type == "heading" and node.tag == "h3":
            under[_text(node)] = day
    speech = bundled_timeline["zelensky-video-speech"]
    assert speech.likely.label == "Sat 10 Sep · evening"
    assert under[speech.event.summary] == "Sat 10 Sep 2022"
    thursday = bundled_timeline["high-command-thursday-figure"].event.summary
    assert under[thursday] == "Thu 8 Sep 2022"


def test_quotes_are_verbatim_in_french_with_their_speaker(bundled_timeline):
    tree = _tree(export(bundled_timeline, "markdown"))
    quotes = [_text(node) for node in tree.walk() if node.type == "blockquote"]
    for event in bundled_timeline.report.events:
        for quote in event.quotes:
            speaker = bundled_timeline.report.actor(quote.speaker).name
            assert f"{quote.span.text} — {speaker} ({quote.mode})" in quotes


def test_when_who_and_sources_of_an_event(bundled_timeline):
    markdown = export(bundled_timeline, "markdown")
    tree = _tree(markdown)
    paragraphs = [_text(node) for node in tree.walk() if node.type == "paragraph"]
    assert any(
        p.startswith("When: Thu 8 Sep (certain) Why: Thu 8 Sep ← ‘jeudi’")  # a time, then its reasons
        and "Who: Ukrainian high command Sources: Ukrainian high command announcement" in p
        for p in paragraphs
    ), paragraphs[:6]


def test_claims_and_caveats_are_listed(bundled_timeline):
    tree = _tree(export(bundled_timeline, "markdown"))
    items = [_text(node) for node in tree.walk() if node.type == "list_item"]
    assert any("“1 000 kilomètres carrés”" in item for item in items)
    assert any("“On ne sait pas si Zelensky voulait également dire kilomètres carrés.”" in item for item in items)


def test_markup_in_the_data_renders_as_written(hostile_timeline):
    tree = _tree(export(hostile_timeline, "markdown"))
    assert " ".join(HOSTILE_SUMMARY.splitlines()) in _headings(tree, 3)
    quotes = [_text(node) for node in tree.walk() if node.type == "blockquote"]
    assert '« [bold]non » — Bob "the, builder" (direct)' in quotes
    html = MarkdownIt("commonmark").render(export(hostile_timeline, "markdown"))
    assert "<b>" not in html  # escaped, shown as text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_text_renders_back_to_itself(value):
    expected = " ".join(value.strip().split()).replace(WORD_JOINER, "")
    if not expected:
        return
    rendered = _text(_tree(f"Before: {text(value)}")).replace(WORD_JOINER, "")
    assert " ".join(rendered.split()) == f"Before: {expected}"


# -- GitHub's Markdown ----------------------------------------------------------------------------------


class _Html(HTMLParser):
    """The elements of rendered HTML, in order, each with the text it holds (entities decoded)."""

    VOID = frozenset({"br", "hr", "img", "input", "wbr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = (tag, [])
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element[1])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # "<br />": void, nothing to close

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for texts in self._open:
            texts.append(data)

    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    def texts(self, tag: str) -> list[str]:
        """The text of each ``tag``, spaces collapsed, word joiners (invisible) left out."""
        return [
            " ".join("".join(texts).replace(WORD_JOINER, "").split()) for name, texts in self.elements if name == tag
        ]


def _gfm(markdown: str) -> _Html:
    # Raw HTML let through: markup that escaped the escaping would show as tags, not be dropped unseen.
    return _Html(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE))


@pytest.mark.parametrize("line", MARKDOWN)
def test_a_line_of_markdown_in_every_text_renders_as_written_in_gfm(line, write_json):
    """Each text of the report is exactly a block's start or a bare link ("---", "1. item", "```", "www.…"):
    GitHub's renderer shows it as written and makes no element of it."""
    timeline = resolve(load_report(write_json(markup_report_data(line, bare=True))))
    html = _gfm(export(timeline, "markdown"))
    tags = html.tags()
    for made in ("hr", "a", "pre", "code", "table", "ol", "h4", "h5", "h6", "del", "img", "input"):
        assert made not in tags, (made, tags)
    assert html.texts("h1") == [line]  # the headline
    assert html.texts("h3") == [line] * 3  # the summaries
    assert html.texts("h2")[-2:] == ["Claims", "The report's own caveats"]
    assert tags.count("ul") == 2 and tags.count("li") == 2  # the claim and the caveat, none of the data
    assert tags.count("blockquote") == 1  # the quote
    (quote,) = html.texts("blockquote")
    assert quote == f"{line} — {line} (direct)"
    assert any(paragraph.startswith("When: ") and f"Who: {line}, {line}" in paragraph for paragraph in html.texts("p"))
    (claim, caveat) = html.texts("li")
    assert claim == f"about 2,000 {line}: {line} — “{line}” ({line})"  # as the app writes figures
    assert caveat == f"“{line}” — {line}"


def test_html_and_links_in_the_data_render_as_written_in_gfm(write_json):
    timeline = resolve(load_report(write_json(markup_report_data())))
    markdown = export(timeline, "markdown")
    html = _gfm(markdown)
    assert set(html.tags()) <= {"h1", "h2", "h3", "p", "strong", "br", "blockquote", "ul", "li"}
    shown = " ".join(html.texts("h1") + html.texts("h3") + html.texts("p") + html.texts("li"))
    for piece in SHOWN:
        assert piece in shown, piece
    assert html.texts("h1") == [f"Headline {SCRIPTS}".strip()]


_MARKUP = st.sampled_from(
    ["-", "+", "*", "_", "=", "#", ">", "|", "~", "`", "1.", "2)", "<", "&", "[", "]", "(", ")", "!", "\\", ":", "/",
     "www.", "http://", "https://", "mailto:", "@", "a", "é", "x.y", " ", "&lt;", "&#60;", "---"]
)  # fmt: skip


@given(st.lists(_MARKUP, min_size=1, max_size=12).map("".join))
@example("---")
@example("a@b.co www.x.y http://x.y")
@example("+!mailto:@x.y mailto:a@__9.1.x")
def test_any_markup_renders_back_to_itself_at_a_lines_start_in_gfm(value):
    expected = " ".join(value.strip().split())
    if not expected:
        return
    html = _gfm(f"{text(value)}\n\n> {text(value)}\n")
    assert html.tags() == ["p", "blockquote", "p"], (text(value), html.tags())
    assert html.texts("p") == [expected, expected]


# -- What each part of the chronology says (issue 19: tests that notice a broken rule) --------------------

SMALL_CHRONOLOGY = """\
# Alice a parlé jeudi.

Report small (fr), published Sun 11 Sep 12:00 (estimate). 2 events, in the order newsline resolves them; \
each time says whether the report's words make it certain or it is only likely.

## Thu 8 Sep 2022

### Bob says no

**When:** likely Thu 8 Sep (certain: 6 Sep 23:00 – 8 Sep)  
**Why:** ≈ Thu 8 Sep ← default same-day (‘Plus tôt’), ‘jeudi’, ‘Plus tôt’, read for a publication from \
Sat 10 Sep 20:00 to Sun 11 Sep 23:59  
**Who:** Bob  
**Sources:** Radio (selon Radio)

> « \\[bold\\]non »
>
> — Bob (direct)

### Alice speaks

**When:** Thu 8 Sep (certain)  
**Why:** Thu 8 Sep ← ‘jeudi’, read for a publication from Sat 10 Sep 20:00 to Sun 11 Sep 23:59  
**Who:** Alice  
**Sources:** The report

## News-reading defaults

A time marked “likely” rests on these readings of how news is written, not on the report's words.

- **same-day**: on the same calendar day as the event it is relative to
"""  # noqa: W291 (two spaces end a line: a hard break, so When, Why, Who and Sources read on lines of their own)


def test_a_small_reports_chronology_line_by_line(small_data, write_json):
    """The layout a reader pastes: the headline, a sentence on what the file holds, then each day's heading,
    each event's heading and its When, Why, Who and Sources lines, its quotes, and the defaults its likely
    times rest on, each block after one blank line (a heading glued to the next line, or a stray "None",
    fails here), no blank line before the first and one newline after the last."""
    timeline = resolve(load_report(write_json(small_data)))
    assert export(timeline, "markdown") == SMALL_CHRONOLOGY


def test_the_opening_sentence_counts_the_events_or_names_the_filter(small_data, write_json):
    timeline = resolve(load_report(write_json(small_data)))

    def opening(markdown: str) -> str:
        return markdown.split("\n")[2]

    assert opening(export(timeline, "markdown")).startswith(
        "Report small (fr), published Sun 11 Sep 12:00 (estimate). 2 events, in the order newsline resolves them"
    )
    assert "). 1 event, in the order" in opening(export(timeline, "markdown", timeline.events[:1]))  # one: singular
    filtered = opening(export(timeline, "markdown", timeline.events[:1], shown="1 of 2 events · filter: actor Bob"))
    assert "(estimate). 1 of 2 events · filter: actor Bob, in the order newsline resolves them" in filtered


def test_days_a_time_only_begins_or_has_no_bound_say_so(to_come_data, write_json):
    """An event with an earliest time and no latest one sits under "From <day>"; one with neither under
    "Undated", first, as the app shows it. An event with no actor says "—" for who; a chain of sources is
    read origin first, joined by arrows."""
    timeline = resolve(load_report(write_json(to_come_data)), defaults=False)  # the report's words alone
    tree = _tree(export(timeline, "markdown"))
    assert _headings(tree, 2) == ["Undated", "Tue 6 Sep 2022 – Thu 8 Sep 2022", "Thu 8 Sep 2022", "From Thu 8 Sep 2022"]
    paragraphs = [_text(node) for node in tree.walk() if node.type == "paragraph"]
    (vote,) = [p for p in paragraphs if p.startswith("When: from Thu 8 Sep (certain)")]
    assert vote.endswith("Who: — Sources: Radio → The report")
    likely = _tree(export(resolve(load_report(write_json(to_come_data))), "markdown"))  # to-come: from publication
    assert _headings(likely, 2) == ["Thu 8 Sep 2022", "From Sun 11 Sep 2022", "News-reading defaults"]


def test_every_default_named_is_listed_once_with_its_meaning_in_the_engines_order(to_come_data, write_json):
    timeline = resolve(load_report(write_json(to_come_data)))
    markdown = export(timeline, "markdown")
    section = markdown[markdown.index("## News-reading defaults") :]
    assert section.splitlines() == [
        "## News-reading defaults",
        "",
        "A time marked “likely” rests on these readings of how news is written, not on the report's words.",
        "",
        "- **publication-estimate**: published at the annotation's estimate",
        "- **same-day**: on the same calendar day as the event it is relative to",
        "- **to-come**: begins after the publication",
    ]
    certain = export(resolve(load_report(write_json(to_come_data)), defaults=False), "markdown")
    assert "News-reading defaults" not in certain  # no likely time, no default to explain


def test_a_caveat_is_kept_only_with_a_claim_it_is_about(bundled_timeline):
    """The report's caveat is about the territory figures: an export without them leaves it out."""
    with_claims = [row for row in bundled_timeline.events if row.event.claims]
    without = [row for row in bundled_timeline.events if not row.event.claims]
    assert "## The report's own caveats" in export(bundled_timeline, "markdown", with_claims)
    markdown = export(bundled_timeline, "markdown", without)
    assert "## Claims" not in markdown and "caveats" not in markdown
    assert "On ne sait pas si Zelensky" not in markdown


def test_the_claims_and_the_caveats_are_lists_each_after_its_heading_and_a_blank_line(bundled_timeline):
    """A list glued to its heading still renders, but a stray line ("None") would show: each section is its
    heading, one blank line, one item per claim (its figure as the app says it, the words quoted, the event)
    or caveat (its words quoted, then its note), and one blank line."""
    markdown = export(bundled_timeline, "markdown")
    lines = markdown[markdown.index("## Claims") :].split("\n")
    claims = [claim for row in bundled_timeline.events for claim in row.event.claims]
    caveats = bundled_timeline.report.caveats
    assert lines[:2] == ["## Claims", ""]
    assert [line[:2] for line in lines[2 : 2 + len(claims)]] == ["- "] * len(claims)
    assert lines[2].startswith(
        "- about 2,000 km: territory retaken by the Ukrainian army — “quelque 2 000 kilomètres” ("
    )
    rest = lines[2 + len(claims) :]
    assert rest[:3] == ["", "## The report's own caveats", ""]
    assert [line[:3] for line in rest[3:-1]] == ["- “"] * len(caveats)
    assert rest[3].startswith("- “On ne sait pas si Zelensky voulait également dire kilomètres carrés.” — The report")
    assert rest[-1] == "" and markdown.endswith(".\n")  # one newline after the last line


# Text as news and hostile data hold it: markup, link marks, spaces and breaks of every kind, digits first.
_NEWS_TEXT = st.text(
    alphabet=st.sampled_from([*"ab 1.-+=*_`[]<>#|~&@:/\\wW", "\n", "\r", "\t", "\u00a0", "\u2028", "é", "’", "«"]),
    max_size=14,
) | st.text(max_size=14)


@given(_NEWS_TEXT)
@example("www.example.com")
@example("WwW.example.com")
@example(" leading space")
@example("1. first")
@example("a\u2029b")
def test_the_quick_way_says_what_the_long_way_says(value):
    """A text :func:`text` hands back untouched is one every rule would leave as it is."""
    from tui.export.markdown import _escaped

    assert text(value) == _escaped(value)
