"""Every key newsline offers, by where it works: the viewer's own keys (:data:`VIEWER_BINDINGS`), and each
screen's and widget's, gathered by :func:`binding_places` for the help's sections and for the ids a keymap
may name. The screens are imported only when asked for: start-up stays light.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

# The viewer's keys, wherever its panes are shown (the app's bindings).
VIEWER_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("a", "filters", "Actors", id="filter-actors"),
    Binding("slash", "search", "Search", id="search"),
    Binding("escape", "clear_filters", "Clear", id="clear-filters"),
    Binding("enter", "focus_event", "Event details", show=False, id="focus-event"),
    Binding("r", "article", "Article", id="show-article"),
    Binding("c", "claims", "Claims", id="show-claims"),
    Binding("t", "toggle_axis", "Axis", id="toggle-axis"),
    Binding("y", "copy", "Copy", id="copy"),
    Binding("e", "export", "Export", id="export"),
    Binding("plus", "zoom(-1)", "Zoom in", show=False, id="axis-zoom-in"),  # the axis's legend says it
    Binding("minus", "zoom(1)", "Zoom out", show=False, id="axis-zoom-out"),
    Binding("L", "toggle_lanes", "Lanes", show=False, id="axis-toggle-lanes"),
]

# Keys Textual itself offers, without an id, listed in the help where they work.
UNNAMED_KEYS = {
    "Everywhere": [("tab / shift+tab", "Move between panes", "—"), ("ctrl+p", "Command palette", "—")],
    "Actor picker (a)": [("space", "Choose or drop an actor or side", "—")],
}


def keymap_places() -> list[tuple[str, list[Binding]]]:
    """Every place a keymap's ids are checked against: the viewer's (:func:`binding_places`) and the keys only
    the corpus app has (``newsline corpus``: its other keys are the viewer's, with the same ids), so that one
    keymap serves both apps."""
    from tui.app.screens.export import StoryExportScreen
    from tui.app.widgets.story import TellersPane

    def with_ids(bindings: list) -> list[Binding]:
        return [binding for binding in bindings if isinstance(binding, Binding) and binding.id]

    return [
        *binding_places(),
        ("Reports that tell a story event (newsline corpus)", with_ids(TellersPane.BINDINGS)),
        ("Export of a corpus's story (e in newsline corpus)", with_ids(StoryExportScreen.BINDINGS)),
    ]


def binding_places() -> list[tuple[str, list[Binding]]]:
    """Where keys work, and their bindings: the help's sections, and every id a keymap may name.
    Imports the sub-screens, so call it for the help or for a keymap, not while starting."""
    from tui.app.screens.article import ArticleScreen, SentenceEventsScreen
    from tui.app.screens.claims import ClaimsScreen
    from tui.app.screens.export import ExportScreen, ReplaceScreen
    from tui.app.screens.filters import FilterScreen
    from tui.app.screens.help import HelpScreen
    from tui.app.screens.review import ChoiceScreen, ConfirmScreen, DraftingScreen, ReviewScreen, TextScreen
    from tui.app.widgets.axis import TimeAxis
    from tui.app.widgets.details import QuotesPane
    from tui.app.widgets.timeline import TimelineList

    everywhere = {binding.id for binding in VIEWER_BINDINGS if isinstance(binding, Binding)}

    def with_ids(*lists: list) -> list[Binding]:
        """The bindings with ids, but the app's own keys that a screen repeats: they are listed once."""
        return [
            binding
            for bindings in lists
            for binding in bindings
            if isinstance(binding, Binding)
            and binding.id
            and (lists[0] is VIEWER_BINDINGS or binding.id not in everywhere)
        ]

    return [
        ("Everywhere", with_ids(VIEWER_BINDINGS)),
        ("Timeline", with_ids(TimelineList.BINDINGS)),
        ("Quotes, once focused (tab, or a click)", with_ids(QuotesPane.BINDINGS)),
        ("Time axis, once focused (tab, or a click)", with_ids(TimeAxis.BINDINGS)),
        ("Actor picker (a)", with_ids(FilterScreen.BINDINGS)),
        ("Article (r)", with_ids(ArticleScreen.BINDINGS, SentenceEventsScreen.BINDINGS)),
        ("Claims (c)", with_ids(ClaimsScreen.BINDINGS)),
        ("Export (e)", with_ids(ExportScreen.BINDINGS)),
        ("Export, when its file exists", with_ids(ReplaceScreen.BINDINGS)),
        ("Reviewing a draft (newsline REPORT.txt)", with_ids(DraftingScreen.BINDINGS, ReviewScreen.BINDINGS)),
        ("Review dialogs", with_ids(TextScreen.BINDINGS, ChoiceScreen.BINDINGS, ConfirmScreen.BINDINGS)),
        ("This help", with_ids(HelpScreen.BINDINGS)),
    ]
