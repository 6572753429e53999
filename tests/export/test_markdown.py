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
