"""newsline's time engine: normalise time expressions and resolve events on one relative timeline.

No Textual import here: the engine is usable, and tested, without a terminal.
"""

from tui.temporal.expressions import Normalised, Window, normalise
from tui.temporal.labels import interval_label
from tui.temporal.relations import Gap, gap_for
from tui.temporal.timeline import Bounds, Evidence, Layer, ResolvedEvent, Step, TimedRelation, Timeline, resolve

__all__ = [
    "Bounds",
    "Evidence",
    "Gap",
    "Layer",
    "Normalised",
    "ResolvedEvent",
    "Step",
    "TimedRelation",
    "Timeline",
    "Window",
    "gap_for",
    "interval_label",
    "normalise",
    "resolve",
]
