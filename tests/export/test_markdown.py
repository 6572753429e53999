"""Markdown export, rendered with markdown-it-py (CommonMark) and checked as a reader sees it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from tui.export import export
from tui.export.markdown import text

from .conftest import HOSTILE_SUMMARY


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
        p.startswith(
            "When: Thu 8 Sep (certain) Who: Ukrainian high command Sources: Ukrainian high command announcement"
        )
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
    expected = " ".join(value.strip().split())
    if not expected:
        return
    rendered = _text(_tree(f"Before: {text(value)}"))
    assert " ".join(rendered.split()) == f"Before: {expected}"
