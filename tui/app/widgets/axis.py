"""The time axis: the resolved timeline on a horizontal scale, uncertainty drawn as the length of a bar.

Each event is a bar from its earliest to its latest bound, in both layers at once: the likely part heavy
(━), the part only the certain layer allows light (╌), its ends ├ ┤ where the report's words bound it and
◁ ▷ where only the likely layer does (so the two read apart without colour, as under NO_COLOR). Bars go
in one lane per side or per actor; bars that would overlap in a lane go on lines of their own. The
publication is marked (▼ its estimate, ┄ its range). Events the report places only relative to other
events have no place on a calendar: they are listed under the axis with the relation that places them.
A Line API view: it draws only the lines on screen, from bars laid out once per zoom level.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from datetime import datetime
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.temporal import ResolvedEvent
from tui.temporal.expressions import INF, to_minutes
from tui.temporal.labels import relative_day
from tui.view import TimelineView, printable

# Minutes per column, finest first: "+" moves left in this list, "-" right.
ZOOMS = (15, 30, 60, 120, 360, 1440)
ZOOM_NAMES = {15: "15 min", 30: "30 min", 60: "1 h", 120: "2 h", 360: "6 h", 1440: "1 day"}
DEFAULT_ZOOM = 120
LABEL_WIDTH = 18
SCALE_LINES = 2  # under the legend (one line or more, by the width): the day scale, the ticks
_HOUR_STEP = {15: 60, 30: 180, 60: 360, 120: 720}  # minutes per column → minutes between hour labels
LINES_PER_LANE = 16  # beyond this, overlapping bars are counted, not drawn: "+N more"


class Bar(NamedTuple):
    """An event's extent in minutes from the axis origin, in both layers: ``first``–``last`` is what is
    drawn (the certain extent where it is bounded, else the likely one; ±inf where both are open), and
    ``likely_first``–``likely_last`` the likely part of it."""

    first: float
    last: float
    event_id: str
    likely_first: float
    likely_last: float


class Line(NamedTuple):
    lane: str  # the lane's label
    first: bool  # the lane's first line: the label is shown there, and on the top line on screen
    closed: tuple[Bar, ...]  # bars with both ends, sorted by first minute
    firsts: tuple[float, ...]  # their first minutes, for bisecting
    reach: float  # the longest closed bar, so a bisect finds every bar that reaches the window
    open: tuple[Bar, ...]  # bars open on a side: few, always checked


class TimeAxis(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("left,h", "pan(-1)", "Earlier", id="axis-pan-earlier"),
        Binding("right,l", "pan(1)", "Later", id="axis-pan-later"),
        Binding("up,k", "step(-1)", "Previous event", show=False, id="axis-previous-event"),
        Binding("down,j", "step(1)", "Next event", show=False, id="axis-next-event"),
    ]
    COMPONENT_CLASSES = {
        "axis--bar", "axis--selected", "axis--open", "axis--lane", "axis--scale", "axis--publication",
        "axis--legend", "axis--relative", "axis--certain",
    }  # fmt: skip

    class Selected(Message):
        """A bar was chosen on the axis."""

        def __init__(self, event_id: str) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, view: TimelineView, **kwargs) -> None:
        super().__init__(**kwargs)
        self.view = view
        self.zoom = DEFAULT_ZOOM
        self.lanes_by = "side"  # or "actor"
        self.selected: str | None = None
        published = view.report.document.published
        self.zone = published.estimate.tzinfo
        self.known = published.known
        self.origin = to_minutes(published.estimate.replace(hour=0, minute=0, second=0, microsecond=0))
        self.publication = tuple(to_minutes(m) for m in (published.earliest, published.estimate, published.latest))
        self.left = 0  # the first column on screen, from the axis origin
        self.lines: list[Line] = []
        self.relative_only: list[str] = []
        self._first_line: dict[str, int] = {}  # event id → the first line its bar is drawn on
        self._bars: dict[str, Bar | None] = {}
        self._lanes: dict[frozenset[str], tuple[str, ...]] = {}  # a set of actors or sides → its lanes, in order
        self._stale = True
        self._fitted = False
        self._pass_styles: dict[str, Style] = {}

    # -- layout --------------------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Lay the shown events out again, after a filter or a change of lanes. Bars are laid out in
        minutes, so zooming and panning only redraw: columns are worked out for what is on screen. Each
        event's bar and lanes are worked out once; a hidden axis is laid out when it is shown."""
        if not self.display:
            self._stale = True
            return
        self._stale = False
        lanes: dict[str, list[Bar]] = {}
        self.relative_only = []
        bar_of, lanes_of = self._bar_of, self._lanes_of
        for row in self.view.rows:
            bar = bar_of(row)
            if bar is None:
                self.relative_only.append(row.id)
                continue
            for lane in lanes_of(row.id):
                if lane in lanes:
                    lanes[lane].append(bar)
                else:
                    lanes[lane] = [bar]
        order = (
            list(self.view.report.side_labels) if self.lanes_by == "side" else [a.id for a in self.view.report.actors]
        )
        self.lines, self._first_line = [], {}
        for lane in [key for key in order if key in lanes]:
            label = self.view.report.side_labels[lane] if self.lanes_by == "side" else self.view.report.actor(lane).name
            packed, hidden = _pack(lanes[lane], LINES_PER_LANE)
            for number, bars in enumerate(packed):
                index = len(self.lines)
                closed = tuple(b for b in bars if b.first > -INF and b.last < INF)
                opened = tuple(b for b in bars if b.first == -INF or b.last == INF)
                reach = max((b.last - b.first for b in closed), default=0)
                firsts = tuple(b.first for b in closed)
                self.lines.append(Line(label, number == 0, closed, firsts, reach, opened))
                for bar in bars:
                    self._first_line.setdefault(bar.event_id, index)
            if hidden:
                self.lines.append(Line(f"+{hidden} more", True, (), (), 0, ()))
        self._size_to_lines()
        self.refresh()

    def _size_to_lines(self) -> None:
        self.virtual_size = Size(0, self.header_lines + len(self.lines) + self._relative_lines())

    def _bar_of(self, row: ResolvedEvent) -> Bar | None:
        """The event's bar, or None for an event placed only relative to others (worked out once)."""
        if row.id not in self._bars:
            certain_first, certain_last = row.extent
            likely_first, likely_last = row.likely_extent
            first = certain_first if certain_first != -INF else likely_first
            last = certain_last if certain_last != INF else likely_last
            relative = first == -INF and (last == INF or row.likely.label == "undated")
            origin = self.origin
            likely_first, likely_last = likely_first - origin, likely_last - origin
            # Where a layer's bound is the drawn one, the same number object serves both (100k bars).
            first = likely_first if first == likely_first + origin else first - origin
            last = likely_last if last == likely_last + origin else last - origin
            bar = Bar(first, last, row.id, likely_first, likely_last)
            self._bars[row.id] = None if relative else bar
        return self._bars[row.id]

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """The legend and scale stay put while lanes scroll: redraw everything, not just what moved."""
        super().watch_scroll_y(old_value, new_value)
        self.refresh()

    def on_resize(self) -> None:
        """Another width: the legend may take more lines or fewer, and the selection is brought back on
        screen (a narrower axis showed days the selected event is not on)."""
        if not self._stale:
            self._size_to_lines()
            self.call_after_refresh(self._center_on, self.selected)  # once the new size is laid out
            self.refresh()

    def on_show(self) -> None:
        if self._stale:
            self.rebuild()
            self.select(self.selected)
        self.call_after_refresh(self._center_on, self.selected)  # once laid out: the height is known

    def fit(self) -> None:
        """Zoom so that every dated bound of the shown events fits on screen, starting at the earliest."""
        ends = [edge for line in self.lines for bar in line.closed + line.open for edge in (bar.first, bar.last)]
        dated = [edge for edge in ends if -INF < edge < INF]
        if not dated:
            return
        low, high = min(dated), max(*dated, self._last_minute())
        width = self.axis_width
        self.zoom = next((zoom for zoom in ZOOMS if (high - low) / zoom < width - 2), ZOOMS[-1])
        self.left = min(int(low // self.zoom) - 1, self._rightmost_left())  # room to spare goes before
        self.refresh()

    def _last_minute(self) -> float:
        """The last minute worth showing: the latest the report may have been published (whatever it tells
        had begun by then), or a later dated end (from the axis origin)."""
        ends = [bar.last for line in self.lines for bar in line.closed]
        return max((*ends, self.publication[2] - self.origin))

    def _rightmost_left(self) -> int:
        """The furthest right the screen may start: columns after the last minute worth showing are dead."""
        return int(self._last_minute() // self.zoom) + 2 - self.axis_width

    def _clamp(self) -> None:
        self.left = min(self.left, self._rightmost_left())

    def _relative_lines(self) -> int:
        return 1 + len(self.relative_only) if self.relative_only else 0

    def _lanes_of(self, event_id: str) -> tuple[str, ...]:
        """The lanes the event is drawn in, by the current kind of lane (worked out once for each set of
        actors or sides: events share them, and 100k events have a few hundred)."""
        keys = self.view.involved_actors(event_id) if self.lanes_by == "actor" else self.view.sides_of(event_id)
        lanes = self._lanes.get(keys)
        if lanes is None:
            lanes = self._lanes[keys] = tuple(sorted(keys))
        return lanes

    def columns(self, bar: Bar) -> tuple[float, float]:
        """The bar's first and last column at this zoom (±inf where open); an end on a boundary is
        exclusive, so Saturday evening at 2 h per column is three columns."""
        first = bar.first // self.zoom if bar.first != -INF else -INF
        if bar.last == INF:
            return first, INF
        last = bar.last // self.zoom - (1 if bar.last % self.zoom == 0 and bar.last > bar.first else 0)
        return first, max(first, last)

    @property
    def axis_width(self) -> int:
        return max(1, self.scrollable_content_region.width - LABEL_WIDTH)

    # -- selection, zoom, panning ---------------------------------------------------------------------

    def select(self, event_id: str | None) -> None:
        """Highlight the event (the timeline pane chose it) and bring it on screen."""
        self.selected = event_id
        self._center_on(event_id)
        self.refresh()

    def _center_on(self, event_id: str | None) -> None:
        if not self._fitted and self.lines and self.axis_width > 1:
            self._fitted = True  # the first view shows the whole dated extent, not one bar
            self.fit()
        index = self._first_line.get(event_id or "")
        bar = self._bars.get(event_id or "")
        if event_id in self.relative_only:  # listed under the lanes: its line brought on screen
            self._bring_on_screen(len(self.lines) + 1 + self.relative_only.index(event_id))
            return
        if index is None or bar is None:
            return
        first, last = self.columns(bar)
        first = last if first == -INF else first  # an open side has no place to show: use the other
        last = first if last == INF else last
        width = self.axis_width
        if not (self.left <= first and last < self.left + width):
            self.left = int((first + last) // 2) - width // 2
            self._clamp()
        self._bring_on_screen(index)

    def _bring_on_screen(self, index: int) -> None:
        """Scroll so that line ``index`` under the header is on screen (centred if it was not)."""
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        header = self.header_lines
        y = header + index
        if height and not top + header <= y < top + height:
            self.scroll_to(y=max(0, y - header - height // 2), animate=False)

    def zoom_by(self, step: int) -> bool:
        """Zoom in (step −1) or out (+1), keeping the middle of the screen where it is."""
        position = ZOOMS.index(self.zoom) + step
        if not 0 <= position < len(ZOOMS):
            return False
        middle = (self.left + self.axis_width // 2) * self.zoom
        self.zoom = ZOOMS[position]
        self.left = middle // self.zoom - self.axis_width // 2
        self._clamp()
        self.refresh()
        return True

    def toggle_lanes(self) -> str:
        self.lanes_by = "actor" if self.lanes_by == "side" else "side"
        self.rebuild()
        self._center_on(self.selected)
        return self.lanes_by

    def action_pan(self, direction: int) -> None:
        self.left += direction * max(1, self.axis_width // 4)
        self._clamp()
        self.refresh()

    def action_step(self, step: int) -> None:
        rows = self.view.rows
        index = self.view.index_of(self.selected) if self.selected else None
        target = 0 if index is None else max(0, min(len(rows) - 1, index + step))
        if rows:
            self.post_message(self.Selected(rows[target].id))

    def on_click(self, event: Click) -> None:
        self.focus()
        offset = event.get_content_offset(self)
        if offset is None:
            return
        y = offset.y + self.scroll_offset.y - self.header_lines
        column = self.left + offset.x - LABEL_WIDTH
        if 0 <= y < len(self.lines) and offset.x >= LABEL_WIDTH:
            for bar in self._bars_in(self.lines[y], column, column):
                self.post_message(self.Selected(bar.event_id))
                return
        relative = y - len(self.lines) - 1
        if 0 <= relative < len(self.relative_only):
            self.post_message(self.Selected(self.relative_only[relative]))

    # -- drawing -------------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._fitted and self.selected is not None:
            self._center_on(self.selected)  # the first drawing with a known width shows the whole extent
        # Styles are the same for every line of a pass, and Textual works each out afresh per call.
        self._pass_styles = {"": self.rich_style}
        return super().render_lines(crop)

    def _style(self, name: str) -> Style:
        """A component style ("" for the widget's own), worked out once per drawing pass."""
        styles = self._pass_styles
        if name not in styles:
            styles[name] = self.get_component_rich_style(name) if name else self.rich_style
        return styles[name]

    @property
    def _base_style(self) -> Style:
        return self._style("")

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self._style
        legend = self._legend_lines(width)
        header = len(legend) + SCALE_LINES
        if y < len(legend):
            return self._text_line(legend[y], width, style("axis--legend"))
        if y < header:
            return self._scale_line(y - len(legend) + 1, width)
        index = y + self.scroll_offset.y - header
        if index < len(self.lines):
            return self._lane_line(self.lines[index], width, top=y == header)
        relative = index - len(self.lines)
        if self.relative_only and relative == 0:
            text = f"Placed only relative to other events, not on the calendar ({len(self.relative_only)}):"
            return self._text_line(text, width, style("axis--lane"))
        if self.relative_only and 0 < relative <= len(self.relative_only):
            row = self.view.timeline[self.relative_only[relative - 1]]
            text = f"  ⋯ {self.view.when(row)} — {row.event.summary}"
            chosen = row.id == self.selected
            return self._text_line(printable(text), width, style("axis--selected" if chosen else "axis--relative"))
        return Strip.blank(width, self._base_style)

    def _legend_lines(self, width: int) -> list[str]:
        """The legend, its parts on as many lines as the width asks: none is cut."""
        lanes = "sides" if self.lanes_by == "side" else "actors"
        parts = (
            f"{ZOOM_NAMES[self.zoom]} per column", "━ likely ╌ only certain", "├┤ words ◁▷ a default",
            f"lanes: {lanes}", "+/- zoom", "←/→ pan", "L lanes",
        )  # fmt: skip
        lines, line = [], ""
        for part in parts:
            joined = f"{line} · {part}" if line else part
            if line and cell_len(joined) > width:
                lines.append(line)
                joined = part
            line = joined
        lines.append(line)
        return lines

    @property
    def header_lines(self) -> int:
        """The lines above the lanes, which stay put as they scroll: the legend, the day scale, the ticks."""
        return len(self._legend_lines(self.scrollable_content_region.width)) + SCALE_LINES

    def _text_line(self, text: str, width: int, style: Style) -> Strip:
        return Strip([Segment(set_cell_size(text, width), self._base_style + style)])  # wide characters count double

    def _scale_line(self, y: int, width: int) -> Strip:
        """Day names (and, zoomed in, hours) on the first line, ticks and the publication on the second."""
        style = self._style
        cells = [" "] * self.axis_width
        styles: list[Style | None] = [None] * self.axis_width
        if y == 2:
            for x in range(self.axis_width):
                if self._ticked(x):
                    cells[x] = "┬"
                else:
                    cells[x] = "─"
        else:
            taken = [False] * (self.axis_width + 1)  # labels never overwrite each other, days placed first
            labels = self._scale_labels()
            for x, label in sorted(labels, key=lambda item: ":" in item[1]):
                end = x + len(label)
                if end <= self.axis_width and not any(taken[max(0, x - 1) : end + 1]):  # cut at the edge: none
                    cells[x:end] = label
                    taken[x:end] = [True] * len(label)
        if y == 2:
            earliest, estimate, latest = (m - self.origin for m in self.publication)
            for x in range(self.axis_width):
                low, high = (self.left + x) * self.zoom, (self.left + x + 1) * self.zoom
                if low <= estimate < high:
                    cells[x], styles[x] = "▼", style("axis--publication")
                elif earliest < high and low <= latest and cells[x] != "┬":  # a labelled tick stays
                    cells[x], styles[x] = "┄", style("axis--publication")
        label = "published ▼" if y == 2 else ""
        return self._line_strip(label, cells, styles, width)

    def _ticked(self, x: int) -> bool:
        """Whether column ``x`` has a tick: each midnight, or at a day a column, each Monday; zoomed in to
        an hour or less a column, each hour a label names too."""
        minute = (self.left + x) * self.zoom
        if minute % 1440 < self.zoom:
            return self.zoom < 1440 or (self.origin + minute) // 1440 % 7 == 4  # the Unix epoch was a Thursday
        step = _HOUR_STEP.get(self.zoom)
        return step is not None and minute % step < self.zoom

    def _scale_labels(self) -> list[tuple[int, str]]:
        """(column, text) of the scale's labels, in column order, each over its tick. The day on screen
        at the left edge is named there when no midnight is close enough to name it, so that zoomed in or
        panned the scale still says which day it shows."""
        labels: list[tuple[int, str]] = []
        for x in range(self.axis_width):
            if not self._ticked(x):
                continue
            minute = (self.left + x) * self.zoom  # from the axis origin, a midnight
            if minute % 1440 < self.zoom:
                labels.append((x, self._day_label(minute)))
            else:
                labels.append((x, f"{minute % 1440 // 60:02d}:{minute % 60:02d}"))
        first_day = self._day_label(self.left * self.zoom)
        midnights = [x for x, text in labels if ":" not in text]
        if not midnights or midnights[0] > len(first_day):  # no day named near the left edge: name it there
            labels = [(0, first_day)] + [(x, text) for x, text in labels if x > len(first_day)]
        return labels

    def _day_label(self, minute: float) -> str:
        """The day holding ``minute`` (from the axis origin)."""
        day = datetime.fromtimestamp((self.origin + minute - minute % 1440) * 60, self.zone)
        if not self.known:  # an unknown publication time: days counted from it
            return relative_day(day)
        return f"{day:%a} {day.day} {day:%b}" if self.zoom <= 120 else f"{day.day} {day:%b}"

    def _lane_line(self, line: Line, width: int, top: bool = False) -> Strip:
        style = self._style
        cells = [" "] * self.axis_width
        styles: list[Style | None] = [None] * self.axis_width
        left, right = self.left, self.left + self.axis_width - 1
        for bar in self._bars_in(line, left, right):
            first, last = self.columns(bar)
            likely_first, likely_last = self.columns(Bar(bar.likely_first, bar.likely_last, "", 0, 0))
            selected = bar.event_id == self.selected
            bar_style = style("axis--selected" if selected else "axis--bar")
            certain_style = style("axis--selected" if selected else "axis--certain")
            # Ends: ├ ┤ where the certain layer bounds the bar, ◁ ▷ where only the likely layer does.
            opening = "├" if self._certain_bound(bar.event_id, first=True) else "◁"
            closing = "┤" if self._certain_bound(bar.event_id, first=False) else "▷"
            for column in range(int(max(first, left)), int(min(last, right)) + 1):
                likely = likely_first <= column <= likely_last
                if first == last:
                    char = "●"
                elif column == first:
                    char = opening
                elif column == last:
                    char = closing
                else:
                    char = "━" if likely else "╌"
                if column == left and first < left:
                    char = "◀"
                if column == right and last > right:
                    char = "▶"
                cells[column - left] = char
                styles[column - left] = bar_style if likely or char in "├┤◁▷●" else certain_style
        return self._line_strip(line.lane if line.first or top else "", cells, styles, width)

    def _certain_bound(self, event_id: str, *, first: bool) -> bool:
        """Whether the certain layer bounds the event's bar on that side (else only the likely one does)."""
        certain_first, certain_last = self.view.timeline[event_id].extent
        return certain_first != -INF if first else certain_last != INF

    def _bars_in(self, line: Line, first_column: int, last_column: int) -> list[Bar]:
        """The bars of a line that reach into the columns [first, last]."""
        low, high = first_column * self.zoom, (last_column + 1) * self.zoom
        start = bisect_right(line.firsts, low - line.reach - 1)
        stop = bisect_left(line.firsts, high)
        found = [bar for bar in line.closed[start:stop] if bar.last >= low]
        found += [bar for bar in line.open if bar.first < high and bar.last >= low]
        return found

    def _line_strip(self, label: str, cells: list[str], styles: list[Style | None], width: int) -> Strip:
        base = self._base_style
        lane_style = base + self._style("axis--lane")
        head = set_cell_size(printable(label), LABEL_WIDTH - 1) + " "
        segments = [Segment(head, lane_style)]
        run, run_style = "", styles[0] if styles else None
        for char, cell_style in zip(cells, styles, strict=True):
            if cell_style is not run_style and run:
                segments.append(Segment(run, base + run_style if run_style else base))
                run = ""
            run_style = cell_style
            run += char
        if run:
            segments.append(Segment(run, base + run_style if run_style else base))
        return Strip(segments).adjust_cell_length(width, base)


def _pack(bars: list[Bar], most: int) -> tuple[list[list[Bar]], int]:
    """Put bars on at most ``most`` lines with none overlapping (earliest-ending line first); return the
    lines and how many bars found no room. Dense lanes would otherwise need a line per event."""
    lines: list[list[Bar]] = []
    free: list[tuple[float, int]] = []  # (last minute used, line number)
    hidden = 0
    for bar in sorted(bars):
        if free and free[0][0] < bar.first:
            _, number = heapq.heappop(free)
        elif len(lines) < most:
            number = len(lines)
            lines.append([])
        else:
            hidden += 1
            continue
        lines[number].append(bar)
        heapq.heappush(free, (bar.last, number))
    return lines, hidden
